//! What in a link reads well but asks for something odd: a range that ends
//! before it starts, a paragraph the article does not have, an entity
//! emphasised that the collection does not know, an article set twice side
//! by side, more articles than side by side shows. [`crate::view`] reads
//! each value; this module sets the view against the collection, so that
//! the page says what it made of the link and shows the rest.

use crate::article::SegmentKind;
use crate::corpus::Corpus;
use crate::date::PartialDate;
use crate::view::{Route, ViewState};

/// At most this many articles are set side by side.
pub const MAX_COMPARED: usize = 4;

/// Something a link asks for that the view cannot give as asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Oddity {
    /// `from` is after `to`: no article falls between.
    RangeReversed { from: PartialDate, to: PartialDate },
    /// `p` is past the article's last paragraph.
    ParagraphBeyond { p: u32, last: u32 },
    /// `hl` names no entity of the collection.
    UnknownEmphasis(String),
    /// An article given more than once in a comparison (shown once).
    RepeatedArticle(String),
    /// More articles than are set side by side (the first are shown).
    TooManyArticles { given: usize, shown: usize },
}

/// The oddities of a view's link, against this collection.
pub fn check(corpus: &Corpus, state: &ViewState) -> Vec<Oddity> {
    let mut found = Vec::new();
    let q = &state.query;
    if let (Some(from), Some(to)) = (q.from, q.to) {
        if from.first_day() > to.last_day() {
            found.push(Oddity::RangeReversed { from, to });
        }
    }
    if let Some(hl) = &q.hl {
        if corpus.entity_index(hl).is_none() {
            found.push(Oddity::UnknownEmphasis(hl.clone()));
        }
    }
    match &state.route {
        Route::Read(id) => {
            if let (Some(p), Some(article)) = (q.p, corpus.article(id)) {
                let last = article
                    .segments()
                    .filter(|s| s.kind == SegmentKind::Paragraph)
                    .count() as u32;
                if p > last {
                    found.push(Oddity::ParagraphBeyond { p, last });
                }
            }
        }
        Route::Compare(ids) => {
            let mut seen: Vec<&String> = Vec::new();
            for id in ids {
                if seen.contains(&id) {
                    let repeated = Oddity::RepeatedArticle(id.clone());
                    if !found.contains(&repeated) {
                        found.push(repeated);
                    }
                } else {
                    seen.push(id);
                }
            }
            if seen.len() > MAX_COMPARED {
                found.push(Oddity::TooManyArticles {
                    given: seen.len(),
                    shown: MAX_COMPARED,
                });
            }
        }
        _ => {}
    }
    found
}

/// The articles a comparison shows: each id once, in the link's order, at
/// most [`MAX_COMPARED`].
pub fn compared(ids: &[String]) -> Vec<String> {
    let mut shown: Vec<String> = Vec::new();
    for id in ids {
        if !shown.contains(id) && shown.len() < MAX_COMPARED {
            shown.push(id.clone());
        }
    }
    shown
}

/// The entity a mistyped id most likely means: the same name with its type
/// left out or another type (`to-lam` → `person:to-lam`).
pub fn suggest_entity(corpus: &Corpus, id: &str) -> Option<usize> {
    let slug = id.rsplit_once(':').map_or(id, |(_, slug)| slug).trim();
    if slug.is_empty() {
        return None;
    }
    let slug = crate::entity::slug(slug);
    corpus
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.id.split_once(':').is_some_and(|(_, s)| s == slug))
        .max_by_key(|(_, e)| e.articles.len())
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> Corpus {
        crate::corpus::annotated(&[
            (
                "a",
                " date 2020-02-10\nTin một\nBộ trưởng Tô Lâm tiếp đoàn Lào tại Hà Nội.\nÔng Tô Lâm nói.",
            ),
            ("b", " date 2025-01-05\nTin hai\nTổng Bí thư Tô Lâm thăm Lào."),
        ])
    }

    fn view(link: &str) -> ViewState {
        ViewState::parse(link).0
    }

    #[test]
    fn a_range_ending_before_it_starts_is_said() {
        let c = corpus();
        assert_eq!(
            check(&c, &view("#/?from=2021&to=2020-06")),
            [Oddity::RangeReversed {
                from: PartialDate::parse("2021").unwrap(),
                to: PartialDate::parse("2020-06").unwrap()
            }]
        );
        assert!(check(&c, &view("#/?from=2020-06&to=2020")).is_empty());
    }

    #[test]
    fn a_paragraph_past_the_last_is_said_with_the_last() {
        let c = corpus();
        assert_eq!(
            check(&c, &view("#/read/a?p=9")),
            [Oddity::ParagraphBeyond { p: 9, last: 2 }]
        );
        assert!(check(&c, &view("#/read/a?p=2")).is_empty());
        // An unknown article is said by its page, not here.
        assert!(check(&c, &view("#/read/zzz?p=9")).is_empty());
    }

    #[test]
    fn an_unknown_emphasis_is_said() {
        let c = corpus();
        assert_eq!(
            check(&c, &view("#/read/a?hl=person:nobody")),
            [Oddity::UnknownEmphasis("person:nobody".into())]
        );
        assert!(check(&c, &view("#/read/a?hl=person:to-lam")).is_empty());
    }

    #[test]
    fn a_comparison_shows_each_article_once_and_at_most_four() {
        let c = corpus();
        assert_eq!(
            check(&c, &view("#/compare/a,b,a,a")),
            [Oddity::RepeatedArticle("a".into())]
        );
        assert_eq!(
            check(&c, &view("#/compare/a,b,c,d,e")),
            [Oddity::TooManyArticles { given: 5, shown: 4 }]
        );
        let ids: Vec<String> = ["a", "b", "a", "c", "d", "e"].map(String::from).to_vec();
        assert_eq!(compared(&ids), ["a", "b", "c", "d"]);
    }

    #[test]
    fn an_id_without_its_type_finds_the_entity() {
        let c = corpus();
        let to_lam = c.entity_index("person:to-lam");
        assert!(to_lam.is_some());
        assert_eq!(suggest_entity(&c, "to-lam"), to_lam);
        assert_eq!(suggest_entity(&c, "Tô Lâm"), to_lam);
        assert_eq!(suggest_entity(&c, "location:to-lam"), to_lam);
        assert_eq!(suggest_entity(&c, "nobody"), None);
    }
}
