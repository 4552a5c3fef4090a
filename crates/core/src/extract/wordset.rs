//! A set of words with a cheap first test. Most words the rules look up in
//! a text are in none of their lists: a word's first two bytes and its
//! length tell most of them apart without hashing it.

use rustc_hash::FxHashSet as HashSet;

/// Bits of the table of first bytes.
const HEADS: usize = 4096;

/// Words, as written, with a table of the first two bytes and the length of
/// each, and the range of their lengths in bytes.
#[derive(Clone, Debug)]
pub struct WordSet {
    words: HashSet<String>,
    /// Bit [`head`]`(w)` is set for every word `w` of the set.
    heads: Box<[u64; HEADS / 64]>,
    shortest: usize,
    longest: usize,
}

/// Where a word's first two bytes and its length fall in the table.
fn head(word: &str) -> usize {
    let b = word.as_bytes();
    let first = b.first().copied().unwrap_or(0) as usize;
    let second = b.get(1).copied().unwrap_or(0) as usize;
    ((first * 61 + second) * 31 + b.len()) % HEADS
}

impl Default for WordSet {
    fn default() -> Self {
        Self {
            words: HashSet::default(),
            heads: Box::new([0; HEADS / 64]),
            shortest: usize::MAX,
            longest: 0,
        }
    }
}

impl WordSet {
    /// Whether `word` is in the set, as written.
    #[inline(always)]
    pub fn contains(&self, word: &str) -> bool {
        let n = word.len();
        if n < self.shortest || n > self.longest {
            return false;
        }
        let h = head(word);
        self.heads[h / 64] >> (h % 64) & 1 == 1 && self.words.contains(word)
    }

    /// Adds `word`; false if it was there.
    pub fn insert(&mut self, word: String) -> bool {
        let h = head(&word);
        self.heads[h / 64] |= 1 << (h % 64);
        self.shortest = self.shortest.min(word.len());
        self.longest = self.longest.max(word.len());
        self.words.insert(word)
    }

    /// The words, in no order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(String::as_str)
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

impl FromIterator<String> for WordSet {
    fn from_iter<I: IntoIterator<Item = String>>(iter: I) -> Self {
        let mut set = Self::default();
        for word in iter {
            set.insert(word);
        }
        set
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_as_the_set_it_holds() {
        let set: WordSet = ["ông", "bà", "nút giao", "Cường", "x"]
            .into_iter()
            .map(str::to_string)
            .collect();
        for word in ["ông", "bà", "nút giao", "Cường", "x"] {
            assert!(set.contains(word), "{word}");
        }
        for word in [
            "",
            "ôn",
            "ông ",
            "Ông",
            "nút",
            "nút giao thông",
            "y",
            "Cường Quốc",
        ] {
            assert!(!set.contains(word), "{word}");
        }
        assert_eq!(set.len(), 5);
        assert!(WordSet::default().is_empty());
        assert!(!WordSet::default().contains(""));
    }
}
