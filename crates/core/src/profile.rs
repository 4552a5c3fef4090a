//! What an entity page shows: every mention in its sentence, the offices a
//! person held over time, the people who held an office, and the entities
//! mentioned with it most.

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

/// An office (or rank) held over a span of time, as the timeline draws it:
/// one lane per office, whatever the spellings of its title.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tenure {
    /// The office's title entity, by id (`title:bo-truong-bo-cong-an`).
    pub office: String,
    /// Its name, as the lane is labelled ("Bộ trưởng Bộ Công an").
    pub title: String,
    /// The earliest and latest dated articles giving it.
    pub first: PartialDate,
    pub last: PartialDate,
    /// The articles giving it, oldest first.
    pub articles: Vec<String>,
}

/// The name of the office whose title entity is `id`, else `fallback`.
fn office_name<'c>(corpus: &'c Corpus, id: &str, fallback: &'c str) -> &'c str {
    corpus
        .entity_index(id)
        .map_or(fallback, |i| corpus.entities[i].name.as_str())
}

/// The person's offices over time, one per office whatever its spellings,
/// from the dated articles that give them, ordered by when each was first
/// seen; offices from undated articles are listed after, with no dates, as
/// (office's name, article).
pub fn tenures(corpus: &Corpus, entity: usize) -> (Vec<Tenure>, Vec<(String, String)>) {
    let mut dated: Vec<Tenure> = Vec::new();
    let mut undated: Vec<(String, String)> = Vec::new();
    let e = &corpus.entities[entity];
    let mut roles: Vec<_> = e.roles.iter().collect();
    roles.sort_by_key(|r| (r.date, r.article.clone()));
    for role in roles {
        let name = office_name(corpus, &role.title, &role.text);
        let Some(date) = role.date else {
            let entry = (name.to_string(), role.article.clone());
            if !undated.contains(&entry) {
                undated.push(entry);
            }
            continue;
        };
        match dated.iter_mut().find(|t| t.office == role.title) {
            Some(t) => {
                t.last = date;
                if !t.articles.contains(&role.article) {
                    t.articles.push(role.article.clone());
                }
            }
            None => dated.push(Tenure {
                office: role.title.clone(),
                title: name.to_string(),
                first: date,
                last: date,
                articles: vec![role.article.clone()],
            }),
        }
    }
    (dated, undated)
}

/// One person's holding of an office, as a title's page lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Holding {
    /// The person, by index in [`Corpus::entities`].
    pub person: usize,
    /// The earliest and latest dated articles that give it, if any is dated.
    pub first: Option<PartialDate>,
    pub last: Option<PartialDate>,
    /// The articles that give it, oldest first (undated ones last).
    pub articles: Vec<String>,
}

/// Who held the office (or rank) whose title entity is at `title`, and
/// when: one row per person, ordered by when each was first seen holding
/// it (those seen only in undated articles last).
pub fn holders(corpus: &Corpus, title: usize) -> Vec<Holding> {
    let id = corpus.entities[title].id.as_str();
    let mut out: Vec<Holding> = Vec::new();
    for (person, e) in corpus.entities.iter().enumerate() {
        let mut roles: Vec<_> = e.roles.iter().filter(|r| r.title == id).collect();
        if roles.is_empty() {
            continue;
        }
        roles.sort_by_key(|r| (r.date.is_none(), r.date, r.article.clone()));
        let dates = roles.iter().filter_map(|r| r.date);
        let mut articles: Vec<String> = Vec::new();
        for r in &roles {
            if !articles.contains(&r.article) {
                articles.push(r.article.clone());
            }
        }
        out.push(Holding {
            person,
            first: dates.clone().min(),
            last: dates.max(),
            articles,
        });
    }
    out.sort_by(|a, b| {
        (a.first.is_none(), a.first, &corpus.entities[a.person].name).cmp(&(
            b.first.is_none(),
            b.first,
            &corpus.entities[b.person].name,
        ))
    });
    out
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
        let shown: Vec<(&str, &str, String)> = dated
            .iter()
            .map(|t| (t.office.as_str(), t.title.as_str(), t.first.to_string()))
            .collect();
        assert_eq!(
            shown,
            [
                ("title:bo-truong", "Bộ trưởng", "2020-02-10".to_string()),
                ("title:tong-bi-thu", "Tổng Bí thư", "2025-01-05".to_string())
            ]
        );
        assert!(undated.is_empty());
        let (a, b) = (dated[0].first, dated[1].first);
        assert_eq!(position(a, a, b), 0.0);
        assert_eq!(position(b, a, b), 1.0);
    }

    #[test]
    fn an_office_has_one_lane_whatever_its_spellings_and_lists_its_holders() {
        let c = crate::corpus::annotated(&[
            ("a", " date 2020-02-10\nTin một\nĐại tướng Tô Lâm, Bộ trưởng Bộ Công an làm trưởng đoàn. Thủ tướng tiếp Bộ trưởng Công an Tô Lâm."),
            ("b", " date 2023-12-06\nTin hai\nĐại tướng Tô Lâm, Bộ trưởng Bộ Công an Việt Nam gửi lời chúc."),
            ("c", " date 2026-02-05\nTin ba\nBộ trưởng Bộ Công an Lương Tam Quang thăm Lào."),
        ]);
        let to_lam = c.entity_index("person:to-lam").unwrap();
        let (dated, _) = tenures(&c, to_lam);
        let lanes: Vec<(&str, String, String)> = dated
            .iter()
            .map(|t| (t.title.as_str(), t.first.to_string(), t.last.to_string()))
            .collect();
        assert_eq!(
            lanes,
            [
                ("Đại tướng", "2020-02-10".into(), "2023-12-06".into()),
                (
                    "Bộ trưởng Bộ Công an",
                    "2020-02-10".into(),
                    "2023-12-06".into()
                ),
            ]
        );
        let office = c.entity_index("title:bo-truong-bo-cong-an").unwrap();
        let held: Vec<(&str, String, String)> = holders(&c, office)
            .iter()
            .map(|h| {
                let (first, last) = (h.first.unwrap(), h.last.unwrap());
                (
                    c.entities[h.person].name.as_str(),
                    first.to_string(),
                    last.to_string(),
                )
            })
            .collect();
        assert_eq!(
            held,
            [
                ("Tô Lâm", "2020-02-10".into(), "2023-12-06".into()),
                ("Lương Tam Quang", "2026-02-05".into(), "2026-02-05".into()),
            ]
        );
    }
}
