//! What an entity page shows: every mention in its sentence, the titles a
//! person held over time, and the entities mentioned with it most.

use std::collections::HashMap;

use crate::article::Article;
use crate::corpus::Corpus;
use crate::date::PartialDate;
use crate::highlight::{in_context, paragraph_at, InContext};

/// One mention of the entity, placed for a link back to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sighting {
    /// Index in [`Corpus::articles`].
    pub article: usize,
    /// The paragraph it is in (the `p` of a link), if any.
    pub paragraph: Option<u32>,
    pub context: InContext,
}

/// Every mention of the entity at `entity`, articles newest first and
/// mentions in text order; contexts are built for the first `limit` only,
/// and the total count is returned with them.
pub fn sightings(corpus: &Corpus, entity: usize, limit: usize) -> (Vec<Sighting>, usize) {
    let e = &corpus.entities[entity];
    let mut articles: Vec<usize> = e
        .articles
        .iter()
        .filter_map(|id| corpus.article_index(id))
        .collect();
    articles.sort_by(|&a, &b| Article::newest_first(&corpus.articles[a], &corpus.articles[b]));
    let mut out = Vec::new();
    let mut total = 0;
    for index in articles {
        let article = &corpus.articles[index];
        let mut text: Option<String> = None;
        for mark in corpus.marks_of(index) {
            if mark.entity as usize != entity {
                continue;
            }
            total += 1;
            if out.len() >= limit {
                continue;
            }
            let text = text.get_or_insert_with(|| article.text());
            let (start, end) = (mark.start as usize, mark.end as usize);
            if end > text.len() || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
                continue;
            }
            out.push(Sighting {
                article: index,
                paragraph: paragraph_at(article, start),
                context: in_context(text, start, end, 110),
            });
        }
    }
    (out, total)
}

/// The entities found in the most articles that also mention `entity`:
/// (entity index, number of shared articles), most first, at most `limit`.
pub fn mentioned_with(corpus: &Corpus, entity: usize, limit: usize) -> Vec<(usize, usize)> {
    let mut shared: HashMap<usize, usize> = HashMap::new();
    for id in &corpus.entities[entity].articles {
        let Some(index) = corpus.article_index(id) else {
            continue;
        };
        let mut seen: Vec<usize> = corpus
            .marks_of(index)
            .iter()
            .map(|m| m.entity as usize)
            .filter(|&e| e != entity)
            .collect();
        seen.sort_unstable();
        seen.dedup();
        for e in seen {
            *shared.entry(e).or_default() += 1;
        }
    }
    let mut out: Vec<(usize, usize)> = shared.into_iter().collect();
    out.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then_with(|| corpus.entities[a.0].name.cmp(&corpus.entities[b.0].name))
    });
    out.truncate(limit);
    out
}

/// A title held over a span of time, as the timeline draws it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tenure {
    pub title: String,
    /// The earliest and latest dated articles giving it.
    pub first: PartialDate,
    pub last: PartialDate,
    /// The articles giving it, oldest first.
    pub articles: Vec<String>,
}

/// The person's titles over time, from the dated articles that give them,
/// ordered by when each was first seen; titles from undated articles are
/// listed after, with no dates.
pub fn tenures(corpus: &Corpus, entity: usize) -> (Vec<Tenure>, Vec<(String, String)>) {
    let mut dated: Vec<Tenure> = Vec::new();
    let mut undated = Vec::new();
    let e = &corpus.entities[entity];
    let mut roles: Vec<_> = e
        .roles
        .iter()
        .filter(|r| e.titles_in(&r.article).contains(&r.title.as_str()))
        .collect();
    roles.sort_by_key(|r| (r.date, r.article.clone()));
    for role in roles {
        let Some(date) = role.date else {
            undated.push((role.title.clone(), role.article.clone()));
            continue;
        };
        match dated.iter_mut().find(|t| t.title == role.title) {
            Some(t) => {
                t.last = date;
                if !t.articles.contains(&role.article) {
                    t.articles.push(role.article.clone());
                }
            }
            None => dated.push(Tenure {
                title: role.title.clone(),
                first: date,
                last: date,
                articles: vec![role.article.clone()],
            }),
        }
    }
    (dated, undated)
}

/// Where a date falls on a timeline from `start` to `end`, from 0 to 1,
/// counting by months.
pub fn position(date: PartialDate, start: PartialDate, end: PartialDate) -> f64 {
    let months = |d: PartialDate| f64::from(d.year) * 12.0 + f64::from(d.month.unwrap_or(1)) - 1.0;
    let span = months(end) - months(start);
    if span <= 0.0 {
        0.5
    } else {
        ((months(date) - months(start)) / span).clamp(0.0, 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> Corpus {
        crate::corpus::annotated(&[
                ("a", " date 2020-02-10\nTin một\nBộ trưởng Tô Lâm tiếp đoàn Lào tại Hà Nội.\nÔng Tô Lâm nói về hợp tác với Lào."),
                ("b", " date 2025-01-05\nTin hai\nTổng Bí thư Tô Lâm thăm Lào."),
                ("c", "Tin ba\nĐoàn đại biểu Lào đến Hà Nội."),
            ])
    }

    #[test]
    fn sightings_give_article_paragraph_and_sentence() {
        let c = corpus();
        let to_lam = c.entity_index("person:to-lam").unwrap();
        let (seen, total) = sightings(&c, to_lam, 10);
        assert_eq!(total, 3);
        let places: Vec<(&str, Option<u32>, &str)> = seen
            .iter()
            .map(|s| {
                (
                    c.articles[s.article].id.as_str(),
                    s.paragraph,
                    s.context.before.as_str(),
                )
            })
            .collect();
        assert_eq!(
            places,
            [
                ("b", Some(1), "Tổng Bí thư "),
                ("a", Some(1), "Bộ trưởng "),
                ("a", Some(2), "Ông "),
            ]
        );
        let (first, total) = sightings(&c, to_lam, 1);
        assert_eq!((first.len(), total), (1, 3));
    }

    #[test]
    fn mentioned_with_counts_shared_articles() {
        let c = corpus();
        let laos = c.entity_index("location:lao").unwrap();
        let with: Vec<(String, usize)> = mentioned_with(&c, laos, 10)
            .into_iter()
            .map(|(e, n)| (c.entities[e].name.clone(), n))
            .collect();
        assert_eq!(with[0], ("Hà Nội".to_string(), 2), "{with:?}");
        assert!(with.contains(&("Tô Lâm".to_string(), 2)), "{with:?}");
    }

    #[test]
    fn tenures_follow_the_dates() {
        let c = corpus();
        let to_lam = c.entity_index("person:to-lam").unwrap();
        let (dated, undated) = tenures(&c, to_lam);
        let shown: Vec<(&str, String)> = dated
            .iter()
            .map(|t| (t.title.as_str(), t.first.to_string()))
            .collect();
        assert_eq!(
            shown,
            [
                ("Bộ trưởng", "2020-02-10".to_string()),
                ("Tổng Bí thư", "2025-01-05".to_string())
            ]
        );
        assert!(undated.is_empty());
        let (a, b) = (dated[0].first, dated[1].first);
        assert_eq!(position(a, a, b), 0.0);
        assert_eq!(position(b, a, b), 1.0);
    }
}
