//! Articles set against each other: which entities they all mention, which
//! only some do, and whose title differs between them.

use crate::article::Article;
use crate::corpus::Corpus;
use crate::date::PartialDate;
use crate::entity::EntityType;

/// One entity and how often each compared article mentions it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// Index in [`Corpus::entities`].
    pub entity: u32,
    /// Mentions per compared article, in the order given.
    pub counts: Vec<u32>,
}

impl Row {
    /// Mentioned by every compared article.
    pub fn in_all(&self) -> bool {
        self.counts.iter().all(|&c| c > 0)
    }

    pub fn total(&self) -> u32 {
        self.counts.iter().sum()
    }
}

/// The titles one person holds in each compared article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TitleChange {
    pub entity: u32,
    /// Per compared article that gives the person a title, oldest first:
    /// the position of the article in the comparison, its date and the
    /// offices held there, by name (one per office, whatever its spellings).
    pub stages: Vec<(usize, Option<PartialDate>, Vec<String>)>,
}

/// What a set of articles share and where they differ.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Comparison {
    /// Every entity of the compared articles: by type, then those in all
    /// articles first, then by mentions (most first) and name.
    pub rows: Vec<Row>,
    /// People whose titles differ between the compared articles.
    pub title_changes: Vec<TitleChange>,
}

impl Comparison {
    /// The rows of one type, split into (in all articles, only in some).
    pub fn of_type(&self, corpus: &Corpus, kind: EntityType) -> (Vec<&Row>, Vec<&Row>) {
        self.rows
            .iter()
            .filter(|r| corpus.entities[r.entity as usize].kind == kind)
            .partition(|r| r.in_all())
    }
}

/// Compares the articles at these indices of the corpus.
pub fn compare(corpus: &Corpus, articles: &[usize]) -> Comparison {
    // Each entity's row, in the order met (its place by entity, `NONE` for
    // none yet), the rows then ordered as if met in the order of their
    // entities.
    const NONE: usize = usize::MAX;
    let mut row_of: Vec<usize> = vec![NONE; corpus.entities.len()];
    let mut rows: Vec<Row> = Vec::new();
    for (column, &index) in articles.iter().enumerate() {
        for mark in corpus.marks_of(index) {
            let at = &mut row_of[mark.entity as usize];
            if *at == NONE {
                *at = rows.len();
                rows.push(Row {
                    entity: mark.entity,
                    counts: vec![0; articles.len()],
                });
            }
            rows[*at].counts[column] += 1;
        }
    }
    let entity = |r: &Row| &corpus.entities[r.entity as usize];
    crate::sort::sort_by(&mut rows, |a, b| {
        entity(a)
            .kind
            .cmp(&entity(b).kind)
            .then(b.in_all().cmp(&a.in_all()))
            .then(b.total().cmp(&a.total()))
            .then(entity(a).name.cmp(&entity(b).name))
            .then(a.entity.cmp(&b.entity))
    });
    let title_changes = rows
        .iter()
        .filter(|r| entity(r).kind == EntityType::Person)
        .filter_map(|r| title_change(corpus, articles, r.entity))
        .collect();
    Comparison {
        rows,
        title_changes,
    }
}

/// The articles sharing the most entities with the article at `index`
/// (dates left out, as they say little of what an article is about):
/// (article index, entities shared), most first, then newest, at most `limit`.
pub fn similar(corpus: &Corpus, index: usize, limit: usize) -> Vec<(usize, usize)> {
    let mut entities: Vec<u32> = corpus
        .marks_of(index)
        .iter()
        .filter(|m| corpus.kind_of(m) != EntityType::Date)
        .map(|m| m.entity)
        .collect();
    crate::sort::sort(&mut entities);
    entities.dedup();
    // Entities shared, by article.
    let mut shared: Vec<usize> = vec![0; corpus.articles.len()];
    for e in entities {
        for id in &corpus.entities[e as usize].articles {
            match corpus.article_index(id) {
                Some(other) if other != index => shared[other] += 1,
                _ => {}
            }
        }
    }
    let mut out = crate::profile::counted(&shared);
    crate::sort::sort_by(&mut out, |a, b| {
        b.1.cmp(&a.1)
            .then_with(|| Article::newest_first(&corpus.articles[a.0], &corpus.articles[b.0]))
    });
    out.truncate(limit);
    out
}

fn title_change(corpus: &Corpus, articles: &[usize], entity: u32) -> Option<TitleChange> {
    let e = &corpus.entities[entity as usize];
    let mut stages: Vec<(usize, Option<PartialDate>, Vec<String>)> = Vec::new();
    // The offices held in each stage, whatever their spellings.
    let mut held: Vec<Vec<&str>> = Vec::new();
    for (column, &index) in articles.iter().enumerate() {
        let article = &corpus.articles[index];
        let offices = e.offices_in(&article.id);
        if offices.is_empty() {
            continue;
        }
        // Each office by its name, a bare title beside a fuller one left out.
        let names: Vec<&str> = offices
            .iter()
            .map(|&id| {
                corpus
                    .entity_index(id)
                    .map_or(id, |i| corpus.entities[i].name.as_str())
            })
            .collect();
        let titles: Vec<String> = names
            .iter()
            .filter(|t| {
                !names.iter().any(|o| {
                    o.len() > t.len() && o.starts_with(**t) && o[t.len()..].starts_with(' ')
                })
            })
            .map(|t| t.to_string())
            .collect();
        stages.push((column, article.date, titles));
        let mut offices = offices;
        crate::sort::sort(&mut offices);
        held.push(offices);
    }
    let differ = held.windows(2).any(|w| w[0] != w[1]);
    if !differ {
        return None;
    }
    crate::sort::sort_by_key(&mut stages, |s| (s.1.is_none(), s.1, s.0));
    Some(TitleChange { entity, stages })
}

/// One entity of a comparison's overview as a link, which [`chips_html`]
/// writes: to the view that emphasises it (or, when it is `current`, to
/// the view without), named, with its mentions per compared article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chip<'a> {
    pub id: &'a str,
    /// The entity type's name (`person`, …), for the chip's colour.
    pub kind: &'a str,
    pub name: String,
    /// Mentions per article, as shown: "A3 B5".
    pub counts: String,
    pub href: String,
    /// Whether it is the entity emphasised now.
    pub current: bool,
}

/// A row of chips as the items of a list, one HTML string that the page
/// sets at once (a long comparison shows a hundred chips: one string
/// crosses into the page rather than a thousand attributes and nodes set
/// one by one), in a shape `crate::markup::check` accepts: every value
/// and every name escaped. `more`, when some chips are folded away: the
/// number of them and the value of the `data-more` of the button that
/// shows them.
pub fn chips_html(chips: &[Chip], more: Option<(usize, usize)>) -> String {
    use crate::highlight::escape_into;
    let mut html = String::with_capacity(chips.len() * 160);
    for chip in chips {
        html.push_str("<li><a class=\"chip\" data-type=\"");
        escape_into(&mut html, chip.kind);
        html.push_str("\" data-chip=\"");
        escape_into(&mut html, chip.id);
        if chip.current {
            html.push_str("\" aria-current=\"true");
        }
        html.push_str("\" href=\"");
        escape_into(&mut html, &chip.href);
        html.push_str("\">");
        escape_into(&mut html, &chip.name);
        html.push_str("<span class=\"chip-counts\">");
        escape_into(&mut html, &chip.counts);
        html.push_str("</span></a></li>");
    }
    if let Some((rest, bit)) = more {
        html.push_str("<li><button type=\"button\" class=\"more-chips\" data-more=\"");
        html.push_str(&bit.to_string());
        html.push_str("\" aria-expanded=\"false\">+");
        html.push_str(&rest.to_string());
        html.push_str("</button></li>");
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus(articles: &[(&str, &str)]) -> Corpus {
        crate::corpus::annotated(articles)
    }

    #[test]
    fn shared_and_partial_entities_and_changed_titles() {
        let c = corpus(&[
            (
                "a",
                " date 2020-02-10\nTin một\nBộ trưởng Tô Lâm tiếp đoàn Lào tại Hà Nội. Ông Tô Lâm nói.",
            ),
            (
                "b",
                " date 2025-01-05\nTin hai\nTổng Bí thư Tô Lâm thăm Lào và Campuchia.",
            ),
        ]);
        let cmp = compare(&c, &[0, 1]);
        let name = |r: &&Row| c.entities[r.entity as usize].name.clone();
        let (all, some) = cmp.of_type(&c, EntityType::Person);
        assert_eq!(all.iter().map(name).collect::<Vec<_>>(), ["Tô Lâm"]);
        assert_eq!(all[0].counts, [2, 1]);
        assert!(some.is_empty());
        let (all, some) = cmp.of_type(&c, EntityType::Location);
        assert_eq!(all.iter().map(name).collect::<Vec<_>>(), ["Lào"]);
        let some: Vec<String> = some.iter().map(name).collect();
        assert!(some.contains(&"Hà Nội".to_string()), "{some:?}");
        assert!(some.contains(&"Campuchia".to_string()), "{some:?}");

        assert_eq!(cmp.title_changes.len(), 1);
        let change = &cmp.title_changes[0];
        assert_eq!(c.entities[change.entity as usize].name, "Tô Lâm");
        let stages: Vec<(usize, String, Vec<String>)> = change
            .stages
            .iter()
            .map(|(col, date, titles)| (*col, date.unwrap().to_string(), titles.clone()))
            .collect();
        assert_eq!(
            stages,
            [
                (0, "2020-02-10".to_string(), vec!["Bộ trưởng".to_string()]),
                (1, "2025-01-05".to_string(), vec!["Tổng Bí thư".to_string()]),
            ]
        );
        // The same article twice differs in nothing.
        assert!(compare(&c, &[1, 1]).title_changes.is_empty());
    }

    #[test]
    fn similar_articles_share_the_most_entities() {
        let c = corpus(&[
            ("a", "Tin một\nBộ trưởng Tô Lâm tiếp đoàn Lào tại Hà Nội."),
            ("b", "Tin hai\nTổng Bí thư Tô Lâm thăm Lào."),
            ("c", "Tin ba\nMưa lớn ở Đà Nẵng."),
            ("d", "Tin bốn\nĐoàn đại biểu Lào đến Hà Nội gặp Tô Lâm."),
        ]);
        let near: Vec<(&str, usize)> = similar(&c, 0, 5)
            .into_iter()
            .map(|(i, n)| (c.articles[i].id.as_str(), n))
            .collect();
        assert_eq!(near[0], ("d", 3), "{near:?}");
        assert!(
            near.iter().all(|(id, _)| *id != "c" && *id != "a"),
            "{near:?}"
        );
    }
    #[test]
    fn chips_are_markup_the_page_takes_whatever_their_names_and_links() {
        let hostile = "x\"><script>alert(1)</script> & 'y' \u{0}\r<b>";
        let chip = |id: &'static str, current| Chip {
            id,
            kind: "person",
            name: hostile.into(),
            counts: "A3 B0".into(),
            href: "#/compare/a,b?hl=x%22%3E".into(),
            current,
        };
        let html = chips_html(
            &[chip("person:x\"y", false), chip("t<", true)],
            Some((7, 4)),
        );
        assert_eq!(crate::markup::check(&html), Ok(()), "{html}");
        let shown = hostile.replace('\0', "\u{FFFD}");
        assert_eq!(
            crate::markup::text_of(&html).unwrap(),
            format!("{shown}A3 B0{shown}A3 B0+7")
        );
        assert_eq!(html.matches("<li>").count(), 3);
        assert_eq!(html.matches("aria-current=\"true\"").count(), 1);
        assert!(html.contains("data-more=\"4\""));
        assert!(html.contains("data-chip=\"person:x&quot;y\""));
        // Nothing folded away: no button.
        let html = chips_html(&[chip("a", false)], None);
        assert_eq!(crate::markup::check(&html), Ok(()));
        assert!(!html.contains("<button"));
        assert_eq!(chips_html(&[], None), "");
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;

    proptest::proptest! {
        #[test]
        fn any_chip_is_accepted_and_reads_back(
            id in "\\PC*", name in "\\PC*", counts in "[A-D0-9 ]*", href in "#\\PC*",
        ) {
            let chip = Chip { id: &id, kind: "location", name: name.clone(), counts: counts.clone(), href, current: true };
            let html = chips_html(&[chip], None);
            proptest::prop_assert_eq!(crate::markup::check(&html), Ok(()));
            proptest::prop_assert_eq!(crate::markup::text_of(&html).unwrap(), format!("{name}{counts}"));
        }
    }
}
