//! Text normalisation: NFC, one tone-mark placement, tidy whitespace.
//!
//! Vietnamese has two spellings in common use for the open syllables
//! *oa*, *oe* and *uy*: the tone mark on the second vowel ("hoà", "thuỷ",
//! "khoẻ") or on the first ("hòa", "thủy", "khỏe"). Both appear in the same
//! newspaper, often in the same article. The core settles on the second form
//! (mark on the first vowel), which is the more frequent in current news, so
//! that "hoà bình" and "hòa bình" are the same words everywhere: in search,
//! in entity names and in the text shown.

use unicode_normalization::UnicodeNormalization;

/// Each row: a base vowel, then its five toned forms (grave, acute, hook
/// above, tilde, dot below). Written out from the Vietnamese alphabet.
const VOWELS: [&str; 24] = [
    "aàáảãạ",
    "ăằắẳẵặ",
    "âầấẩẫậ",
    "eèéẻẽẹ",
    "êềếểễệ",
    "iìíỉĩị",
    "oòóỏõọ",
    "ôồốổỗộ",
    "ơờớởỡợ",
    "uùúủũụ",
    "ưừứửữự",
    "yỳýỷỹỵ",
    "AÀÁẢÃẠ",
    "ĂẰẮẲẴẶ",
    "ÂẦẤẨẪẬ",
    "EÈÉẺẼẸ",
    "ÊỀẾỂỄỆ",
    "IÌÍỈĨỊ",
    "OÒÓỎÕỌ",
    "ÔỒỐỔỖỘ",
    "ƠỜỚỞỠỢ",
    "UÙÚỦŨỤ",
    "ƯỪỨỬỮỰ",
    "YỲÝỶỸỴ",
];

/// Every vowel with its (row, tone), sorted by character for binary search.
fn vowel_table() -> &'static [(char, u8, u8)] {
    static TABLE: std::sync::OnceLock<Vec<(char, u8, u8)>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: Vec<(char, u8, u8)> = VOWELS
            .iter()
            .enumerate()
            .flat_map(|(row, forms)| {
                forms
                    .chars()
                    .enumerate()
                    .map(move |(tone, c)| (c, row as u8, tone as u8))
            })
            .collect();
        table.sort_unstable();
        table
    })
}

/// Splits a vowel into (row, tone), tone 0 meaning none.
fn vowel_parts(c: char) -> Option<(usize, usize)> {
    if c.is_ascii()
        && !matches!(
            c,
            'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'A' | 'E' | 'I' | 'O' | 'U' | 'Y'
        )
    {
        return None;
    }
    let table = vowel_table();
    table
        .binary_search_by(|(v, _, _)| v.cmp(&c))
        .ok()
        .map(|i| (table[i].1 as usize, table[i].2 as usize))
}

fn vowel_with_tone(row: usize, tone: usize) -> char {
    VOWELS[row].chars().nth(tone).expect("tone index is 0..=5")
}

fn base_lower(c: char) -> Option<char> {
    vowel_parts(c).map(|(row, _)| VOWELS[row % 12].chars().next().expect("row is non-empty"))
}

/// Normalises article text: NFC, one tone-mark placement, no stray
/// whitespace (non-breaking and other spaces become a plain space, runs of
/// spaces collapse, line ends are `\n`, lines are trimmed).
pub fn normalize(input: &str) -> String {
    // Most text arrives composed already; composing is the slow part.
    let nfc: std::borrow::Cow<'_, str> = match unicode_normalization::is_nfc_quick(input.chars()) {
        unicode_normalization::IsNormalized::Yes => std::borrow::Cow::Borrowed(input),
        _ => std::borrow::Cow::Owned(input.nfc().collect()),
    };
    let mut out = String::with_capacity(nfc.len());
    for (i, line) in nfc.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut last_space = true;
        let start = out.len();
        for c in line.chars() {
            let c = match c {
                '\u{00A0}'
                | '\u{2000}'..='\u{200A}'
                | '\u{202F}'
                | '\u{205F}'
                | '\u{3000}'
                | '\t'
                | '\r' => ' ',
                '\u{200B}' | '\u{FEFF}' => continue,
                other => other,
            };
            if c == ' ' {
                if !last_space {
                    out.push(' ');
                }
                last_space = true;
            } else {
                out.push(c);
                last_space = false;
            }
        }
        while out.len() > start && out.ends_with(' ') {
            out.pop();
        }
    }
    place_tone_marks(&out)
}

/// Moves the tone mark of an open *oa*, *oe* or *uy* syllable from the
/// second vowel to the first ("hoà" → "hòa", "thuỷ" → "thủy"); leaves
/// closed syllables ("hoàn", "thuyết") and *qu* + *y* ("quý") alone, where
/// both conventions agree.
pub fn place_tone_marks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word: Vec<char> = Vec::with_capacity(16);
    let flush = |word: &mut Vec<char>, out: &mut String| {
        retone_word(word);
        out.extend(word.drain(..));
    };
    for c in text.chars() {
        if is_letter(c) {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// A letter, with the common ASCII case answered without the Unicode tables.
pub fn is_letter(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphabetic(),
        '\u{00D7}' | '\u{00F7}' => false,
        '\u{00C0}'..='\u{024F}' | '\u{1EA0}'..='\u{1EF9}' => true,
        _ => c.is_alphabetic(),
    }
}

/// Moves the tone of one word's final open oa/oe/uy, if it needs moving.
fn retone_word(word: &mut [char]) {
    let n = word.len();
    if n < 2 {
        return;
    }
    let (first, second) = (word[n - 2], word[n - 1]);
    let (Some((row1, tone1)), Some((row2, tone2))) = (vowel_parts(first), vowel_parts(second))
    else {
        return;
    };
    let base = |row: usize| VOWELS[row % 12].chars().next().expect("row is non-empty");
    if !matches!(
        (base(row1), base(row2)),
        ('o', 'a') | ('o', 'e') | ('u', 'y')
    ) || tone1 != 0
        || tone2 == 0
    {
        return;
    }
    // "qu" is a consonant: in "quý" the tone rightly sits on the y.
    if base(row1) == 'u' && n >= 3 && matches!(word[n - 3], 'q' | 'Q') {
        return;
    }
    // Only a syllable whose other letters carry no vowel is an open oa/oe/uy.
    if word[..n - 2].iter().any(|&c| vowel_parts(c).is_some()) {
        return;
    }
    word[n - 2] = vowel_with_tone(row1, tone2);
    word[n - 1] = vowel_with_tone(row2, 0);
}

/// Folds Vietnamese text to lower-case ASCII: "Tô Lâm" → "to lam",
/// "Đà Nẵng" → "da nang". Used for slugs and accent-insensitive search.
pub fn fold_ascii(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let c = match c {
            'đ' | 'Đ' => 'd',
            _ => match base_lower(c) {
                Some('ă' | 'â') => 'a',
                Some('ê') => 'e',
                Some('ô' | 'ơ') => 'o',
                Some('ư') => 'u',
                Some(b) => b,
                None => c,
            },
        };
        out.extend(c.to_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_tone_placements_become_one() {
        assert_eq!(normalize("hoà bình"), "hòa bình");
        assert_eq!(normalize("hòa bình"), "hòa bình");
        assert_eq!(normalize("ma tuý"), "ma túy");
        assert_eq!(normalize("cụ thể hoá"), "cụ thể hóa");
        assert_eq!(normalize("khoẻ mạnh"), "khỏe mạnh");
        assert_eq!(normalize("Uỷ ban"), "Ủy ban");
        assert_eq!(normalize("THUỶ"), "THỦY");
    }

    #[test]
    fn closed_syllables_and_qu_are_left_alone() {
        assert_eq!(normalize("hoàn thành"), "hoàn thành");
        assert_eq!(normalize("thuyết phục"), "thuyết phục");
        assert_eq!(normalize("quý báu"), "quý báu");
        assert_eq!(normalize("Quỳnh"), "Quỳnh");
        assert_eq!(normalize("khuya"), "khuya");
    }

    #[test]
    fn decomposed_input_is_composed() {
        let nfd = "Vie\u{302}\u{323}t Nam"; // "Việt" with combining marks
        assert_eq!(normalize(nfd), "Việt Nam");
        assert_eq!(normalize(nfd).chars().count(), 8);
    }

    #[test]
    fn whitespace_is_tidied_but_lines_are_kept() {
        assert_eq!(
            normalize("  Tô\u{a0}\u{a0}Lâm  \r\n\tHà Nội "),
            "Tô Lâm\nHà Nội"
        );
        assert_eq!(normalize("a\u{feff}b"), "ab");
    }

    #[test]
    fn folding_strips_every_vietnamese_mark() {
        assert_eq!(fold_ascii("Tô Lâm"), "to lam");
        assert_eq!(fold_ascii("Đà Nẵng"), "da nang");
        assert_eq!(fold_ascii("Ủy viên Bộ Chính trị"), "uy vien bo chinh tri");
        assert_eq!(fold_ascii("Viêng Chăn"), "vieng chan");
    }
}
