//! The library's filter: the articles that match a link's `q`, `e`,
//! `from` and `to`, in the library's order.
//!
//! The words of every article are indexed once: each distinct word, in lower
//! case and folded to ASCII, with the articles it occurs in. A query word
//! then costs a binary search for the words it begins and a union of their
//! articles, instead of a scan of the whole text; entities and dates are
//! checked against sets made once in the same way.

use std::ops::Range;

use rustc_hash::FxHashMap;

use crate::article::Article;
use crate::corpus::Corpus;
use crate::date::PartialDate;
use crate::normalize::fold_ascii;
use crate::view::Query;

/// The corpus made ready for filtering. Articles are numbered by their
/// position in the library's order ([`Article::newest_first`]), so that
/// what matches comes out already sorted.
#[derive(Clone, Debug, Default)]
pub struct FilterIndex {
    /// The article (its index in [`Corpus::articles`]) at each position.
    order: Vec<u32>,
    /// Words of title, source and text in lower case: "hòa" finds only "hòa".
    lower: Words,
    /// The same folded to ASCII: "hoa binh" finds "Hòa Bình".
    folded: Words,
    /// For each entity of [`Corpus::entities`], the articles that mention it.
    entities: Vec<Postings>,
}

impl FilterIndex {
    pub fn new(corpus: &Corpus) -> Self {
        let mut order: Vec<u32> = (0..corpus.articles.len() as u32).collect();
        order.sort_by(|&a, &b| {
            Article::newest_first(&corpus.articles[a as usize], &corpus.articles[b as usize])
        });
        let n = order.len();
        let mut lower = WordsBuilder::default();
        let mut folded = WordsBuilder::default();
        for (position, &article) in order.iter().enumerate() {
            let text = searchable(&corpus.articles[article as usize]);
            lower.add_words_of(&text, position as u32, n);
            folded.add_words_of(&fold_ascii(&text), position as u32, n);
        }
        let mut position_of = vec![0u32; n];
        for (position, &article) in order.iter().enumerate() {
            position_of[article as usize] = position as u32;
        }
        let entities = corpus
            .entities
            .iter()
            .map(|e| {
                let mut positions: Vec<u32> = e
                    .articles
                    .iter()
                    .filter_map(|id| corpus.article_index(id))
                    .map(|i| position_of[i])
                    .collect();
                positions.sort_unstable();
                positions.dedup();
                Postings::from_sorted(positions, n)
            })
            .collect();
        Self {
            order,
            lower: lower.finish(),
            folded: folded.finish(),
            entities,
        }
    }

    /// The indices of the articles that match, in the library's order
    /// (newest first): a word of the title, source or text beginning with
    /// each word of `q` (with or without its marks: "lam" finds "Lâm",
    /// "lâm" does not find "lam"), every entity of `e` mentioned, the date
    /// within `from`..`to` (an article with no date matches no date range).
    /// `corpus` is the one the index was made from.
    pub fn matches(&self, corpus: &Corpus, query: &Query) -> Vec<usize> {
        self.matches_and_undated(corpus, query).0
    }

    /// [`Self::matches`], and how many undated articles match everything
    /// but the date range, which leaves them out (none without a range).
    pub fn matches_and_undated(&self, corpus: &Corpus, query: &Query) -> (Vec<usize>, usize) {
        let n = self.order.len();
        let mut found = Bits::full(n);
        // The query is expected composed (NFC), as typed; tone placement is
        // made the text's own ("hoà" finds "hòa"). Nothing here needs the
        // Unicode composition tables, which the web app leaves out.
        let q = crate::normalize::place_tone_marks(&query.q).to_lowercase();
        for word in q.split_whitespace() {
            let words = if word.is_ascii() {
                &self.folded
            } else {
                &self.lower
            };
            // Every run of letters and digits in the word begins a word of
            // the text; for a word of one run, that is the whole condition.
            let mut runs = 0;
            for run in word.split(|c: char| !c.is_alphanumeric()) {
                if !run.is_empty() {
                    found.and(&words.beginning(run, n));
                    runs += 1;
                }
            }
            if runs != 1 || !word.chars().all(char::is_alphanumeric) {
                // "tp.hcm", "8/3", "(ảnh": the runs narrowed the articles
                // down; their text says whether the word itself is there.
                found.retain(|position| {
                    let text = searchable(&corpus.articles[self.order[position] as usize]);
                    if word.is_ascii() {
                        has_word_starting(&fold_ascii(&text), word)
                    } else {
                        has_word_starting(&text, word)
                    }
                });
            }
        }
        for id in &query.e {
            match corpus.entity_index(id).and_then(|i| self.entities.get(i)) {
                Some(postings) => found.and(&postings.to_bits(n)),
                None => return (Vec::new(), 0),
            }
        }
        let dated = query.from.is_some() || query.to.is_some();
        let mut undated = 0;
        let shown = found
            .iter()
            .map(|position| self.order[position] as usize)
            .filter(|&i| {
                let date = corpus.articles[i].date;
                undated += usize::from(dated && date.is_none());
                !dated || in_range(date, query.from, query.to)
            })
            .collect();
        (shown, undated)
    }
}

/// What the filter reads of an article, in lower case: its title, source
/// and text, a line apart.
fn searchable(article: &Article) -> String {
    let mut s = String::new();
    s.push_str(&article.title);
    s.push('\n');
    s.push_str(article.source.as_deref().unwrap_or(""));
    s.push('\n');
    s.push_str(&article.text());
    s.to_lowercase()
}

/// Whether a word of `text` begins with `prefix`.
fn has_word_starting(text: &str, prefix: &str) -> bool {
    text.match_indices(prefix).any(|(i, _)| {
        text[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Whether a (partial) date overlaps the range `from`..=`to`, each end
/// itself partial ("2025" reaches from 1 January to 31 December).
pub fn in_range(
    date: Option<PartialDate>,
    from: Option<PartialDate>,
    to: Option<PartialDate>,
) -> bool {
    if from.is_none() && to.is_none() {
        return true;
    }
    let Some(date) = date else {
        return false;
    };
    let (first, last) = (date.first_day(), date.last_day());
    from.is_none_or(|f| last >= f.first_day()) && to.is_none_or(|t| first <= t.last_day())
}

/// The distinct words of a text (runs of letters and digits), sorted, each
/// with the articles it occurs in.
#[derive(Clone, Debug, Default)]
struct Words {
    /// Every word, one after another, in byte order.
    text: String,
    /// Where each word starts in `text`, and where the last one ends.
    starts: Vec<u32>,
    postings: Vec<Postings>,
}

impl Words {
    fn len(&self) -> usize {
        self.postings.len()
    }

    fn word(&self, i: usize) -> &str {
        &self.text[self.starts[i] as usize..self.starts[i + 1] as usize]
    }

    /// The words that begin with `prefix`: sorted, they are consecutive.
    fn range_beginning(&self, prefix: &str) -> Range<usize> {
        let first = partition_point(self.len(), |i| self.word(i) < prefix);
        let end = first
            + partition_point(self.len() - first, |i| {
                self.word(first + i).starts_with(prefix)
            });
        first..end
    }

    /// The articles with a word that begins with `prefix`.
    fn beginning(&self, prefix: &str, n: usize) -> Bits {
        let mut bits = Bits::empty(n);
        for i in self.range_beginning(prefix) {
            self.postings[i].add_to(&mut bits);
        }
        bits
    }
}

/// The first of `0..len` for which `before` is false, `before` being true
/// for a prefix of them.
fn partition_point(len: usize, before: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, len);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if before(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// [`Words`] as they are read, article by article in increasing position.
#[derive(Default)]
struct WordsBuilder {
    ids: FxHashMap<Box<str>, u32>,
    postings: Vec<Postings>,
}

impl WordsBuilder {
    fn add_words_of(&mut self, text: &str, position: u32, n: usize) {
        for word in text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            let id = match self.ids.get(word) {
                Some(&id) => id,
                None => {
                    let id = self.postings.len() as u32;
                    self.ids.insert(word.into(), id);
                    self.postings.push(Postings::Few(Vec::new()));
                    id
                }
            };
            self.postings[id as usize].push(position, n);
        }
    }

    fn finish(self) -> Words {
        let mut words: Vec<(Box<str>, u32)> = self.ids.into_iter().collect();
        words.sort_unstable();
        let mut postings: Vec<Option<Postings>> = self.postings.into_iter().map(Some).collect();
        let mut out = Words {
            text: String::with_capacity(words.iter().map(|(w, _)| w.len()).sum()),
            starts: Vec::with_capacity(words.len() + 1),
            postings: Vec::with_capacity(words.len()),
        };
        for (word, id) in words {
            out.starts.push(out.text.len() as u32);
            out.text.push_str(&word);
            let mut p = postings[id as usize].take().expect("each id once");
            p.shrink();
            out.postings.push(p);
        }
        out.starts.push(out.text.len() as u32);
        out
    }
}

/// The articles (positions) of one word or entity: a sorted list while
/// they are few, a bit per article once a list would be larger.
#[derive(Clone, Debug)]
enum Postings {
    Few(Vec<u32>),
    Many(Bits),
}

impl Postings {
    /// Whether `count` positions out of `n` are better kept as bits.
    fn many(count: usize, n: usize) -> bool {
        count * 32 > n
    }

    fn from_sorted(positions: Vec<u32>, n: usize) -> Self {
        if Self::many(positions.len(), n) {
            let mut bits = Bits::empty(n);
            for p in positions {
                bits.set(p as usize);
            }
            Self::Many(bits)
        } else {
            let mut positions = positions;
            positions.shrink_to_fit();
            Self::Few(positions)
        }
    }

    /// Adds a position not smaller than any added before.
    fn push(&mut self, position: u32, n: usize) {
        match self {
            Self::Few(list) => {
                if list.last() != Some(&position) {
                    list.push(position);
                    if Self::many(list.len(), n) {
                        let mut bits = Bits::empty(n);
                        for &p in list.iter() {
                            bits.set(p as usize);
                        }
                        *self = Self::Many(bits);
                    }
                }
            }
            Self::Many(bits) => bits.set(position as usize),
        }
    }

    fn shrink(&mut self) {
        if let Self::Few(list) = self {
            list.shrink_to_fit();
        }
    }

    fn add_to(&self, bits: &mut Bits) {
        match self {
            Self::Few(list) => list.iter().for_each(|&p| bits.set(p as usize)),
            Self::Many(other) => bits.or(other),
        }
    }

    fn to_bits(&self, n: usize) -> Bits {
        let mut bits = Bits::empty(n);
        self.add_to(&mut bits);
        bits
    }
}

/// A set of positions `0..n`, a bit each.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Bits(Vec<u64>);

impl Bits {
    fn empty(n: usize) -> Self {
        Self(vec![0; n.div_ceil(64)])
    }

    fn full(n: usize) -> Self {
        let mut words = vec![u64::MAX; n.div_ceil(64)];
        if let Some(last) = words.last_mut() {
            if n % 64 != 0 {
                *last = (1u64 << (n % 64)) - 1;
            }
        }
        Self(words)
    }

    fn set(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }

    fn or(&mut self, other: &Bits) {
        self.0.iter_mut().zip(&other.0).for_each(|(a, b)| *a |= b);
    }

    fn and(&mut self, other: &Bits) {
        self.0.iter_mut().zip(&other.0).for_each(|(a, b)| *a &= b);
    }

    /// Keeps the positions for which `keep` is true.
    fn retain(&mut self, mut keep: impl FnMut(usize) -> bool) {
        for (w, word) in self.0.iter_mut().enumerate() {
            let mut rest = *word;
            while rest != 0 {
                let bit = rest.trailing_zeros() as usize;
                rest &= rest - 1;
                if !keep(w * 64 + bit) {
                    *word &= !(1 << bit);
                }
            }
        }
    }

    /// The positions in the set, in increasing order.
    fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().enumerate().flat_map(|(w, &word)| {
            let mut rest = word;
            std::iter::from_fn(move || {
                (rest != 0).then(|| {
                    let bit = rest.trailing_zeros() as usize;
                    rest &= rest - 1;
                    w * 64 + bit
                })
            })
        })
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> Corpus {
        crate::corpus::annotated(&[
            (
                "a",
                " date 2020-02-10\nTin một\nBộ trưởng Tô Lâm tiếp đoàn Lào tại Hà Nội ngày 8/3.",
            ),
            (
                "b",
                " date 2025-01\nTin hai\nTổng Bí thư Tô Lâm thăm Hòa Bình và TP.HCM.",
            ),
            ("c", "Tin ba\nĐoàn đại biểu Lào đến Hà Nội (Ảnh: TTXVN)."),
        ])
    }

    fn ids(c: &Corpus, link: &str) -> Vec<String> {
        let (state, problems) = crate::view::ViewState::parse(link);
        assert!(problems.is_empty(), "{problems:?}");
        FilterIndex::new(c)
            .matches(c, &state.query)
            .into_iter()
            .map(|i| c.articles[i].id.clone())
            .collect()
    }

    #[test]
    fn text_entities_and_dates_combine_newest_first() {
        let c = corpus();
        assert_eq!(ids(&c, "#/"), ["b", "a", "c"]);
        assert_eq!(ids(&c, "#/?q=hoa binh"), ["b"]);
        assert_eq!(ids(&c, "#/?q=Hòa%20Bình"), ["b"]);
        assert_eq!(ids(&c, "#/?q=tô lâm hà nội"), ["a"]);
        assert_eq!(ids(&c, "#/?q=to lam ha noi"), ["a"]);
        assert_eq!(ids(&c, "#/?q=l"), ["b", "a", "c"]);
        // Words, not pieces of words; marks count when typed.
        assert_eq!(ids(&c, "#/?q=am"), Vec::<String>::new());
        assert_eq!(ids(&c, "#/?q=hoà"), ["b"]);
        assert_eq!(ids(&c, "#/?q=hóa"), Vec::<String>::new());
        // Words with signs in them are found as written.
        assert_eq!(ids(&c, "#/?q=tp.hcm"), ["b"]);
        assert_eq!(ids(&c, "#/?q=8/3"), ["a"]);
        assert_eq!(ids(&c, "#/?q=3/8"), Vec::<String>::new());
        assert_eq!(ids(&c, "#/?q=(ảnh"), ["c"]);
        assert_eq!(ids(&c, "#/?q=(anh:"), ["c"]);
        assert_eq!(ids(&c, "#/?q=ttxvn)."), ["c"]);
        assert_eq!(ids(&c, "#/?q=nội."), Vec::<String>::new());
        assert_eq!(ids(&c, "#/?e=person:to-lam"), ["b", "a"]);
        assert_eq!(ids(&c, "#/?e=person:to-lam,location:ha-noi"), ["a"]);
        assert_eq!(ids(&c, "#/?e=person:nobody"), Vec::<String>::new());
        assert_eq!(ids(&c, "#/?from=2021"), ["b"]);
        assert_eq!(ids(&c, "#/?to=2025-01-01"), ["b", "a"]);
        assert_eq!(ids(&c, "#/?from=2020-03&to=2024"), Vec::<String>::new());
        assert_eq!(ids(&c, "#/?q=lam&from=2025-01-31&e=person:to-lam"), ["b"]);
    }

    #[test]
    fn a_date_range_leaves_the_undated_out_and_counts_them() {
        let c = corpus();
        assert_eq!(c.article("c").and_then(|a| a.date), None);
        let index = FilterIndex::new(&c);
        let count = |link: &str| {
            let (state, _) = crate::view::ViewState::parse(link);
            let (shown, undated) = index.matches_and_undated(&c, &state.query);
            (shown.len(), undated)
        };
        assert_eq!(count("#/"), (3, 0), "no range, no one left out");
        assert_eq!(count("#/?from=2021"), (1, 1));
        assert_eq!(
            count("#/?q=hoa&to=2030"),
            (1, 0),
            "the undated one does not say hoa"
        );
    }

    /// The filter's text condition read straight off each article's text.
    fn scanned(c: &Corpus, q: &str) -> Vec<String> {
        let q = crate::normalize::place_tone_marks(q).to_lowercase();
        let mut shown: Vec<&Article> = c
            .articles
            .iter()
            .filter(|a| {
                let lower = searchable(a);
                let folded = fold_ascii(&lower);
                q.split_whitespace()
                    .all(|w| has_word_starting(if w.is_ascii() { &folded } else { &lower }, w))
            })
            .collect();
        shown.sort_by(|a, b| Article::newest_first(a, b));
        shown.iter().map(|a| a.id.clone()).collect()
    }

    #[test]
    fn the_index_finds_what_a_scan_of_the_text_finds() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
        let mut c = crate::corpus::load(&[dir]).corpus;
        c.annotate(&crate::extract::Extractor::default());
        assert!(c.articles.len() >= 5);
        let index = FilterIndex::new(&c);
        for q in [
            "",
            "t",
            "tô",
            "to",
            "tô lâm",
            "to lam",
            "vientiane",
            "viêng chăn",
            "vieng chan",
            "bộ công an",
            "bo cong an",
            "hoà",
            "hòa",
            "hóa",
            "lương",
            "luong",
            "lào",
            "lao",
            "2020",
            "10/2",
            "ttxvn",
            "(ảnh",
            "phạm kiên/ttxvn",
            "an ninh",
            "an-ninh",
            "./.",
            "-",
            "x",
            "đ",
            "d",
            "ưu",
            "kongthong",
            "vilay lakhamphon",
            "zzz",
        ] {
            let query = Query {
                q: q.to_string(),
                ..Query::default()
            };
            let found: Vec<String> = index
                .matches(&c, &query)
                .into_iter()
                .map(|i| c.articles[i].id.clone())
                .collect();
            assert_eq!(found, scanned(&c, q), "q={q:?}");
        }
    }

    #[test]
    fn bits_and_postings_agree() {
        let n = 130;
        let mut few = Postings::Few(Vec::new());
        let mut many = Postings::Few(Vec::new());
        for p in [0, 3, 3, 64, 129] {
            few.push(p, n);
        }
        for p in 0..100 {
            many.push(p, n);
        }
        assert!(matches!(few, Postings::Few(_)));
        assert!(matches!(many, Postings::Many(_)));
        assert_eq!(few.to_bits(n).iter().collect::<Vec<_>>(), [0, 3, 64, 129]);
        assert_eq!(many.to_bits(n).iter().count(), 100);
        let mut all = Bits::full(n);
        assert_eq!(all.iter().count(), n);
        all.and(&few.to_bits(n));
        all.retain(|p| p != 64);
        assert_eq!(all.iter().collect::<Vec<_>>(), [0, 3, 129]);
    }
}
