//! What an entity page shows: every mention in its sentence, the offices a
//! person held over time, the people who held an office, and the entities
//! mentioned with it most.

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
    crate::sort::sort_by(&mut articles, |&a, &b| {
        Article::newest_first(&corpus.articles[a], &corpus.articles[b])
    });
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
    // Articles shared, by entity.
    let mut shared: Vec<usize> = vec![0; corpus.entities.len()];
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
        crate::sort::sort(&mut seen);
        seen.dedup();
        for e in seen {
            shared[e] += 1;
        }
    }
    let mut out = counted(&shared);
    crate::sort::sort_by(&mut out, |a, b| {
        b.1.cmp(&a.1)
            .then_with(|| corpus.entities[a.0].name.cmp(&corpus.entities[b.0].name))
    });
    out.truncate(limit);
    out
}

/// The places of `counts` that are not zero, with their counts, in order
/// of place.
pub(crate) fn counted(counts: &[usize]) -> Vec<(usize, usize)> {
    counts
        .iter()
        .enumerate()
        .filter(|&(_, &n)| n > 0)
        .map(|(i, &n)| (i, n))
        .collect()
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
    crate::sort::sort_by_key(&mut roles, |r| (r.date, r.article.clone()));
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

/// The offices seen in undated articles ([`tenures`]'s second part), one
/// entry per office with its articles, in the order first seen.
pub fn undated_by_office(undated: &[(String, String)]) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for (office, article) in undated {
        match out.iter_mut().find(|(o, _)| o == office) {
            Some((_, articles)) => articles.push(article.clone()),
            None => out.push((office.clone(), vec![article.clone()])),
        }
    }
    out
}

/// From how many dated articles giving a person's titles on, a title given
/// in only one of them is folded.
pub const FOLD_FROM_ARTICLES: usize = 5;

/// The lanes of a timeline, and the titles seen in a single article folded
/// under one line ("seen once") apart from them: across hundreds of
/// articles, a rare slip of attachment would otherwise get a lane of its
/// own. Under [`FOLD_FROM_ARTICLES`] articles one article is a fair share of
/// the evidence, and a single such title keeps its lane, as folding it
/// gains nothing.
pub fn fold_seen_once(tenures: Vec<Tenure>) -> (Vec<Tenure>, Vec<Tenure>) {
    let singles = tenures.iter().filter(|t| t.articles.len() == 1).count();
    let mut articles: Vec<&String> = tenures.iter().flat_map(|t| &t.articles).collect();
    crate::sort::sort(&mut articles);
    articles.dedup();
    if singles < 2 || articles.len() < FOLD_FROM_ARTICLES {
        return (tenures, Vec::new());
    }
    tenures.into_iter().partition(|t| t.articles.len() > 1)
}

/// A time axis fitted to the dates it shows, with ticks chosen for its span
/// (months over a year or so, years, then decades), few enough that no
/// label overlaps another.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Axis {
    /// The first and last months of the axis, as `YYYY-MM`.
    pub start: PartialDate,
    pub end: PartialDate,
    /// Where ticks go (the first of a month or of a year) and whether each
    /// is labelled by month (`YYYY-MM`) or by year (`YYYY`).
    pub ticks: Vec<PartialDate>,
}

/// At most this many ticks on an axis.
pub const MAX_TICKS: usize = 8;

fn months_of(d: PartialDate) -> i64 {
    i64::from(d.year) * 12 + i64::from(d.month.unwrap_or(1)) - 1
}

fn month_at(m: i64) -> PartialDate {
    PartialDate {
        year: (m.div_euclid(12)) as u16,
        month: Some((m.rem_euclid(12)) as u8 + 1),
        day: None,
    }
}

impl Axis {
    /// The axis for dates from `first` to `last`, padded by a twentieth of
    /// the span (at least a month) on each side.
    pub fn fitted(first: PartialDate, last: PartialDate) -> Self {
        let (lo, hi) = (months_of(first), months_of(last.max(first)));
        let pad = ((hi - lo) / 20).max(1);
        let (start, end) = (lo - pad, hi + pad);
        let span = end - start;
        const STEPS: [i64; 12] = [1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200, 2400];
        let step = STEPS
            .into_iter()
            .find(|s| span / s < MAX_TICKS as i64)
            .unwrap_or(2400);
        let first_tick = start + (step - start.rem_euclid(step)) % step;
        let ticks = (first_tick..=end)
            .step_by(step as usize)
            .map(|m| {
                let d = month_at(m);
                if step >= 12 {
                    PartialDate { month: None, ..d }
                } else {
                    d
                }
            })
            .collect();
        Self {
            start: month_at(start),
            end: month_at(end),
            ticks,
        }
    }

    /// Where a date falls on the axis, from 0 to 1.
    pub fn position(&self, date: PartialDate) -> f64 {
        position(date, self.start, self.end)
    }
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
        crate::sort::sort_by_key(&mut roles, |r| {
            (r.date.is_none(), r.date, r.article.clone())
        });
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
    crate::sort::sort_by(&mut out, |a, b| {
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

    fn tenure(office: &str, articles: usize) -> Tenure {
        let date = PartialDate::parse("2017-02-06").unwrap();
        Tenure {
            office: office.into(),
            title: office.into(),
            first: date,
            last: date,
            articles: (0..articles).map(|k| format!("{office}-{k}")).collect(),
        }
    }

    #[test]
    fn undated_roles_are_grouped_by_office() {
        let pair = |o: &str, a: &str| (o.to_string(), a.to_string());
        let grouped = undated_by_office(&[
            pair("Thủ tướng", "a"),
            pair("Đại tướng", "b"),
            pair("Thủ tướng", "c"),
        ]);
        assert_eq!(
            grouped,
            [
                (
                    "Thủ tướng".to_string(),
                    vec!["a".to_string(), "c".to_string()]
                ),
                ("Đại tướng".to_string(), vec!["b".to_string()])
            ]
        );
    }

    #[test]
    fn titles_seen_once_are_folded_when_there_are_several() {
        let (lanes, once) = fold_seen_once(vec![
            tenure("thu-tuong", 40),
            tenure("chu-tich-jica", 1),
            tenure("tong-giam-doc-who", 1),
        ]);
        let names = |v: &[Tenure]| v.iter().map(|t| t.office.clone()).collect::<Vec<_>>();
        assert_eq!(names(&lanes), ["thu-tuong"]);
        assert_eq!(names(&once), ["chu-tich-jica", "tong-giam-doc-who"]);
        let (lanes, once) = fold_seen_once(vec![tenure("thu-tuong", 40), tenure("dai-tuong", 1)]);
        assert_eq!(
            (lanes.len(), once.len()),
            (2, 0),
            "one title alone keeps its lane"
        );
        let (lanes, once) = fold_seen_once(vec![
            tenure("bo-truong", 2),
            tenure("dai-tuong", 1),
            tenure("tong-bi-thu", 1),
        ]);
        assert_eq!(
            (lanes.len(), once.len()),
            (3, 0),
            "in four articles, one is a fair share"
        );
    }

    #[test]
    fn an_axis_has_ticks_for_its_span_and_fits_its_dates() {
        let d = |s: &str| PartialDate::parse(s).unwrap();
        let shown = |a: &Axis| a.ticks.iter().map(|t| t.to_string()).collect::<Vec<_>>();
        // A month: ticks by month, the range a month either side.
        let month = Axis::fitted(d("2017-02-06"), d("2017-02-20"));
        assert_eq!(
            (month.start.to_string(), month.end.to_string()),
            ("2017-01".into(), "2017-03".into())
        );
        assert_eq!(shown(&month), ["2017-01", "2017-02", "2017-03"]);
        // Two years: by quarter or half year, never more than MAX_TICKS.
        let two = Axis::fitted(d("2016-01-10"), d("2017-12-01"));
        assert!(
            two.ticks.len() <= MAX_TICKS && two.ticks.len() >= 3,
            "{:?}",
            shown(&two)
        );
        // A century: by decades or more, fitted to the dates.
        let century = Axis::fitted(d("1907-02-09"), d("2025-05-10"));
        assert!(century.ticks.len() <= MAX_TICKS, "{:?}", shown(&century));
        assert!(century
            .ticks
            .iter()
            .all(|t| t.month.is_none() && t.year % 10 == 0));
        assert_eq!(century.start.year, 1901);
        for axis in [&month, &two, &century] {
            assert!(axis.ticks.windows(2).all(|w| w[0] < w[1]));
            assert!(axis
                .ticks
                .iter()
                .all(|&t| (0.0..=1.0).contains(&axis.position(t))));
        }
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
