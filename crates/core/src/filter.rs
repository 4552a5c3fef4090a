//! The library's filter: the articles that match a link's `q`, `e`,
//! `from` and `to`.

use crate::corpus::Corpus;
use crate::date::PartialDate;
use crate::normalize::fold_ascii;
use crate::view::Query;

/// The corpus made ready for filtering: each article's title, source and
/// text in lower case, and folded to ASCII, so that "hoa binh" finds "Hòa
/// Bình" while "hòa" finds only "hòa".
#[derive(Clone, Debug, Default)]
pub struct FilterIndex {
    lower: Vec<String>,
    folded: Vec<String>,
}

impl FilterIndex {
    pub fn new(corpus: &Corpus) -> Self {
        let lower: Vec<String> = corpus
            .articles
            .iter()
            .map(|a| {
                let mut s = String::new();
                s.push_str(&a.title);
                s.push('\n');
                s.push_str(a.source.as_deref().unwrap_or(""));
                s.push('\n');
                s.push_str(&a.text());
                s.to_lowercase()
            })
            .collect();
        let folded = lower.iter().map(|s| fold_ascii(s)).collect();
        Self { lower, folded }
    }

    /// The indices of the articles that match, in corpus order: a word
    /// of the text beginning with each word of `q` (with or without its
    /// marks: "lam" finds "Lâm", "lâm" does not find "lam"), every entity of
    /// `e` mentioned, the date within `from`..`to` (an article with no date
    /// matches no date range).
    pub fn matches(&self, corpus: &Corpus, query: &Query) -> Vec<usize> {
        // The query is expected composed (NFC), as typed; tone placement is
        // made the text's own ("hoà" finds "hòa"). Nothing here needs the
        // Unicode composition tables, which the web app leaves out.
        let words: Vec<(String, bool)> = crate::normalize::place_tone_marks(&query.q)
            .to_lowercase()
            .split_whitespace()
            .map(|w| (w.to_string(), w.is_ascii()))
            .collect();
        let entities: Vec<Option<&crate::entity::Entity>> =
            query.e.iter().map(|id| corpus.entity(id)).collect();
        (0..corpus.articles.len())
            .filter(|&i| {
                let article = &corpus.articles[i];
                let folded = self.folded.get(i).map_or("", String::as_str);
                let lower = self.lower.get(i).map_or("", String::as_str);
                words
                    .iter()
                    .all(|(w, ascii)| has_word_starting(if *ascii { folded } else { lower }, w))
                    && entities
                        .iter()
                        .all(|e| e.is_some_and(|e| e.articles.contains(&article.id)))
                    && in_range(article.date, query.from, query.to)
            })
            .collect()
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> Corpus {
        crate::corpus::annotated(&[
            (
                "a",
                " date 2020-02-10\nTin một\nBộ trưởng Tô Lâm tiếp đoàn Lào tại Hà Nội.",
            ),
            (
                "b",
                " date 2025-01\nTin hai\nTổng Bí thư Tô Lâm thăm Hòa Bình.",
            ),
            ("c", "Tin ba\nĐoàn đại biểu Lào đến Hà Nội."),
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
    fn text_entities_and_dates_combine() {
        let c = corpus();
        assert_eq!(ids(&c, "#/"), ["a", "b", "c"]);
        assert_eq!(ids(&c, "#/?q=hoa binh"), ["b"]);
        assert_eq!(ids(&c, "#/?q=Hòa%20Bình"), ["b"]);
        assert_eq!(ids(&c, "#/?q=tô lâm hà nội"), ["a"]);
        assert_eq!(ids(&c, "#/?q=to lam ha noi"), ["a"]);
        // Words, not pieces of words; marks count when typed.
        assert_eq!(ids(&c, "#/?q=am"), Vec::<String>::new());
        assert_eq!(ids(&c, "#/?q=hoà"), ["b"]);
        assert_eq!(ids(&c, "#/?q=hóa"), Vec::<String>::new());
        assert_eq!(ids(&c, "#/?e=person:to-lam"), ["a", "b"]);
        assert_eq!(ids(&c, "#/?e=person:to-lam,location:ha-noi"), ["a"]);
        assert_eq!(ids(&c, "#/?e=person:nobody"), Vec::<String>::new());
        assert_eq!(ids(&c, "#/?from=2021"), ["b"]);
        assert_eq!(ids(&c, "#/?to=2025-01-01"), ["a", "b"]);
        assert_eq!(ids(&c, "#/?from=2020-03&to=2024"), Vec::<String>::new());
        assert_eq!(ids(&c, "#/?q=lam&from=2025-01-31&e=person:to-lam"), ["b"]);
    }
}
