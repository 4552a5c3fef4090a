//! Entities and their mentions: the vocabulary shared by extraction, the
//! index, the CLI's JSON and the app.

use std::rc::Rc;

use serde::Serialize;

use crate::date::PartialDate;
use crate::normalize::fold_ascii;
use crate::wire::{read_in_order, Read, Reader, Stop};

/// The kinds of entity the reader marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum EntityType {
    Person,
    Organization,
    Location,
    Date,
    Title,
    Event,
}

impl EntityType {
    pub const ALL: [EntityType; 6] = [
        Self::Person,
        Self::Organization,
        Self::Location,
        Self::Date,
        Self::Title,
        Self::Event,
    ];

    /// The name used in ids, links and JSON: `person`, `organization`, ….
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Person => "person",
            Self::Organization => "organization",
            Self::Location => "location",
            Self::Date => "date",
            Self::Title => "title",
            Self::Event => "event",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// The id of an entity: `<type>:<slug>`, the slug being the canonical name
/// folded to ASCII, lower-case, words joined by `-` (`person:to-lam`).
pub fn entity_id(kind: EntityType, canonical: &str) -> String {
    format!("{}:{}", kind.as_str(), slug(canonical))
}

/// "Tô Lâm" → "to-lam"; "TP. Hồ Chí Minh" → "tp-ho-chi-minh"; "5/2/2026" → "5-2-2026".
pub fn slug(name: &str) -> String {
    let folded = fold_ascii(name);
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// One mention of an entity in an article's text ([`crate::Article::text`]),
/// by byte range; [`Mention::char_range`] gives the character offsets the
/// CLI exports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub start: u32,
    pub end: u32,
    pub kind: EntityType,
    /// The entity's id, shared by all its mentions.
    pub entity: Rc<str>,
}

/// A title held by a person in one article, dated by that article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Role {
    pub article: String,
    pub date: Option<PartialDate>,
    /// The office (or rank) held: the id of its title entity
    /// (`title:bo-truong-bo-cong-an`), one for all its spellings.
    pub title: String,
    /// The title as written in the article ("Bộ trưởng Công an").
    pub text: String,
}

/// An entity of the corpus: one person, place, organisation, date, title or event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Entity {
    pub id: String,
    pub name: String,
    pub kind: EntityType,
    /// Every other spelling seen in the text.
    pub aliases: Vec<String>,
    /// The articles that mention it, in corpus order.
    pub articles: Vec<String>,
    /// For people: their titles, per article.
    pub roles: Vec<Role>,
}

impl Read for EntityType {
    fn read(r: &mut Reader) -> Result<Self, Stop> {
        Ok(Self::ALL[r.tag("type of entity", Self::ALL.len() as u32)? as usize])
    }
}

read_in_order!(Role {
    article,
    date,
    title,
    text
});

read_in_order!(Entity {
    id,
    name,
    kind,
    aliases,
    articles,
    roles
});

impl Entity {
    /// The offices (and ranks) this entity holds in one article, by their
    /// title entity's id, each once, in the order found.
    pub fn offices_in(&self, article: &str) -> Vec<&str> {
        let mut offices: Vec<&str> = Vec::new();
        for r in self.roles.iter().filter(|r| r.article == article) {
            if !offices.contains(&r.title.as_str()) {
                offices.push(&r.title);
            }
        }
        offices
    }

    /// The titles this entity holds in one article as written there, one
    /// per office (its fullest spelling), in the order found; a title is
    /// left out when a fuller one in the same article begins with it
    /// ("Bộ trưởng" beside "Bộ trưởng Bộ Công an").
    pub fn titles_in(&self, article: &str) -> Vec<&str> {
        let all: Vec<&str> = self
            .offices_in(article)
            .into_iter()
            .filter_map(|office| {
                self.roles
                    .iter()
                    .filter(|r| r.article == article && r.title == office)
                    .map(|r| r.text.as_str())
                    .max_by_key(|t| t.len())
            })
            .collect();
        all.iter()
            .copied()
            .filter(|t| {
                !all.iter()
                    .any(|o| o.len() > t.len() && o.starts_with(t) && o[t.len()..].starts_with(' '))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tô Lâm, seen in `articles`, holding `roles`.
    fn to_lam(articles: Vec<String>, roles: Vec<Role>) -> Entity {
        Entity {
            id: "person:to-lam".into(),
            name: "Tô Lâm".into(),
            kind: EntityType::Person,
            aliases: vec![],
            articles,
            roles,
        }
    }

    #[test]
    fn ids_fold_vietnamese_names_to_ascii_slugs() {
        assert_eq!(entity_id(EntityType::Person, "Tô Lâm"), "person:to-lam");
        assert_eq!(
            entity_id(EntityType::Location, "Vientiane"),
            "location:vientiane"
        );
        assert_eq!(
            entity_id(EntityType::Organization, "Bộ Công an"),
            "organization:bo-cong-an"
        );
        assert_eq!(slug("Đắk Lắk"), "dak-lak");
        assert_eq!(slug("TP. Hồ Chí Minh"), "tp-ho-chi-minh");
        assert_eq!(slug("  Ủy viên Bộ Chính trị "), "uy-vien-bo-chinh-tri");
    }

    #[test]
    fn a_title_is_left_out_beside_a_fuller_one() {
        let role = |article: &str, text: &str| Role {
            article: article.into(),
            date: None,
            title: entity_id(EntityType::Title, text),
            text: text.into(),
        };
        let e = to_lam(
            vec!["a".into(), "b".into()],
            vec![
                role("a", "Bộ trưởng"),
                role("a", "Đại tướng"),
                role("a", "Bộ trưởng Bộ Công an"),
                role("b", "Bộ trưởng"),
            ],
        );
        assert_eq!(e.titles_in("a"), ["Đại tướng", "Bộ trưởng Bộ Công an"]);
        assert_eq!(e.titles_in("b"), ["Bộ trưởng"]);
        assert!(e.titles_in("c").is_empty());
    }

    #[test]
    fn the_spellings_of_one_office_are_one_title_in_an_article() {
        let role = |text: &str| Role {
            article: "a".into(),
            date: None,
            title: "title:bo-truong-bo-cong-an".into(),
            text: text.into(),
        };
        let e = to_lam(
            vec!["a".into()],
            vec![
                role("Bộ trưởng Công an"),
                role("Bộ trưởng Bộ Công an"),
                role("Bộ trưởng"),
            ],
        );
        assert_eq!(e.offices_in("a"), ["title:bo-truong-bo-cong-an"]);
        assert_eq!(e.titles_in("a"), ["Bộ trưởng Bộ Công an"]);
    }
}
