//! Offices: what a title names, so that the spellings of one office of one
//! country are one entity ("Bộ trưởng Bộ Công an", "Bộ trưởng Công an",
//! "Bộ trưởng Bộ Công an Việt Nam"), and the same words said of another
//! country's minister are that country's office.
//!
//! A title as written is read into the listed title it opens with (the
//! longest, by its canonical name: "Thủ tướng Chính phủ" is "Thủ tướng"),
//! the body it heads, named without its country, and the country its words
//! name: a country after it ("Thủ tướng Lào", "Bộ trưởng Công an Lào",
//! "Bộ trưởng Bộ Công an nước Lào"), or the one in the listed name of a
//! state's body ("Bộ trưởng Bộ An ninh Lào"). A minister named by the
//! field of the ministry heads that ministry ("Bộ trưởng Công an" heads
//! "Bộ Công an"). Words that name no country leave the office's country to
//! its holder ([`crate::extract::resolve`]).
//!
//! An office's name is its listed title, its body, then its country unless
//! that is the home country of `offices.tsv` ("Bộ trưởng Bộ Công an",
//! "Bộ trưởng Bộ Công an Lào"); an office abroad always names its country,
//! then the place it stands in ("Đại sứ Việt Nam tại Lào"). Ranks
//! ("Đại tướng") are of no country.

use crate::extract::gazetteer::{Gazetteer, KnownDetail};

/// What a title names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Office {
    /// The listed title it opens with, by its canonical name.
    pub title: String,
    /// A rank: held whatever the office, of no country.
    pub rank: bool,
    /// The body it heads, named without its country ("Bộ Công an").
    pub body: Option<String>,
    /// The country its words name, by its listed name.
    pub country: Option<String>,
    /// An office that stands abroad, named with the place it stands in.
    pub abroad: bool,
}

impl Office {
    /// Reads a title as written; `None` when it does not open with a
    /// listed title, or opens with an honour.
    pub fn read(text: &str, g: &Gazetteer) -> Option<Office> {
        let words: Vec<&str> = text.split_whitespace().collect();
        let (k, known) = (1..=words.len()).rev().find_map(|k| {
            let phrase = words[..k].join(" ").to_lowercase();
            g.title_named(&phrase).map(|known| (k, known))
        })?;
        let KnownDetail::Title { honour, rank, .. } = known.detail else {
            return None;
        };
        if honour {
            return None;
        }
        let (body, country) = read_rest(&words[k..].join(" "), g);
        let lower = known.canonical.to_lowercase();
        Some(Office {
            title: known.canonical.clone(),
            rank,
            body,
            country,
            abroad: g.offices.abroad.contains(&lower),
        })
    }

    /// The listed title alone, with no body and no country ("Bộ trưởng"
    /// in "Bộ trưởng Tô Lâm").
    pub fn bare(&self) -> bool {
        self.body.is_none() && self.country.is_none()
    }

    /// The office's name when it is `country`'s (its own, its holder's, or
    /// none known), standing in `place` if it stands abroad.
    pub fn name(&self, country: Option<&str>, place: Option<&str>, g: &Gazetteer) -> String {
        let home = g.offices.home.as_str();
        let mut name = self.title.clone();
        if let Some(body) = &self.body {
            name.push(' ');
            name.push_str(body);
        }
        if self.rank {
            return name;
        }
        if self.abroad {
            name.push(' ');
            name.push_str(country.unwrap_or(home));
            if let (Some(place), Some(at)) = (place, g.offices.at.first()) {
                name.push_str(&format!(" {at} {place}"));
            }
        } else if let Some(country) = country.filter(|&c| c != home) {
            name.push(' ');
            name.push_str(country);
        }
        name
    }
}

/// What follows the listed title: the body it heads (named without its
/// country) and the country the words name.
fn read_rest(rest: &str, g: &Gazetteer) -> (Option<String>, Option<String>) {
    if rest.is_empty() {
        return (None, None);
    }
    let at_end = country_at_end(rest, g);
    // A country alone: "Thủ tướng Lào", "Chủ tịch nước CHXHCN Việt Nam".
    if let Some((country, before)) = &at_end {
        if before.is_empty() {
            return (None, Some(country.clone()));
        }
    }
    // A state's body, listed whole or before its country ("Bộ An ninh
    // Lào", "Bộ Công an Việt Nam", "Bộ Công an nước Lào", "Công an Lào").
    let before = at_end.as_ref().map(|(_, before)| before.as_str());
    for words in std::iter::once(rest).chain(before) {
        if let Some(listed) = state_body(words, g) {
            let (listed_country, bare) = match country_at_end(&listed, g) {
                Some((country, bare)) if !bare.is_empty() => (Some(country), bare),
                _ => (None, listed),
            };
            let country = at_end.map(|(country, _)| country).or(listed_country);
            return (Some(bare), country);
        }
    }
    // Any other body or place, by its listed name, else as written.
    let body = g
        .name_exact(rest)
        .map_or_else(|| rest.to_string(), |known| known.canonical.clone());
    (Some(body), None)
}

/// The listed name of the state's body `words` name, whole ("Bộ Công an")
/// or by its field after the head word of a minister's body ("Công an":
/// "Bộ Công an").
fn state_body(words: &str, g: &Gazetteer) -> Option<String> {
    let listed = |name: &str| {
        g.name_exact(name)
            .filter(|k| matches!(k.detail, KnownDetail::Organization { state: true, .. }))
            .map(|k| k.canonical.clone())
    };
    listed(words).or_else(|| {
        g.offices
            .field_heads
            .iter()
            .find_map(|head| listed(&format!("{head} {words}")))
    })
}

/// The listed country `name` ends with, by its listed name, and the words
/// before it, without a word such as "nước" between them ("Bộ Công an
/// nước Lào": "Lào", "Bộ Công an"), unless that word is part of a listed
/// name ("Ngân hàng Nhà nước Việt Nam": "Việt Nam", "Ngân hàng Nhà nước").
pub fn country_at_end(name: &str, g: &Gazetteer) -> Option<(String, String)> {
    let words: Vec<&str> = name.split_whitespace().collect();
    (0..words.len()).find_map(|j| {
        let known = g.name_exact(&words[j..].join(" "))?;
        if known.detail != KnownDetail::Country {
            return None;
        }
        let mut before = &words[..j];
        while let Some((last, rest)) = before.split_last() {
            if !g.offices.country_words.contains(&last.to_lowercase())
                || g.name_exact(&before.join(" ")).is_some()
            {
                break;
            }
            before = rest;
        }
        Some((known.canonical.clone(), before.join(" ")))
    })
}

/// A body named without its country, said of `country`: its listed name
/// with the country when it has one ("Bộ Công an" of Lào is "Bộ Công an
/// Lào"), else the two together ("Bộ Chính trị Lào").
pub fn body_of(body: &str, country: &str, g: &Gazetteer) -> String {
    let named = format!("{body} {country}");
    g.name_exact(&named)
        .filter(|k| matches!(k.detail, KnownDetail::Organization { .. }))
        .map_or(named, |k| k.canonical.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(text: &str, country: Option<&str>) -> String {
        let g = Gazetteer::shipped();
        let office = Office::read(text, g).unwrap_or_else(|| panic!("{text} is no office"));
        office.name(country.or(office.country.as_deref()), None, g)
    }

    #[test]
    fn the_spellings_of_one_office_of_one_country_have_one_name() {
        for text in [
            "Bộ trưởng Bộ Công an",
            "Bộ trưởng Công an",
            "Bộ trưởng Bộ Công an Việt Nam",
        ] {
            assert_eq!(named(text, None), "Bộ trưởng Bộ Công an", "{text}");
        }
        for text in [
            "Bộ trưởng Bộ Công an Lào",
            "Bộ trưởng Bộ Công an nước Lào",
            "Bộ trưởng Công an Lào",
        ] {
            assert_eq!(named(text, None), "Bộ trưởng Bộ Công an Lào", "{text}");
        }
        assert_eq!(
            named("Bộ trưởng Bộ Công an", Some("Lào")),
            "Bộ trưởng Bộ Công an Lào"
        );
        assert_eq!(named("Thủ tướng Chính phủ Lào", None), "Thủ tướng Lào");
        assert_eq!(named("Thủ Tướng chính phủ Lào", None), "Thủ tướng Lào");
        assert_eq!(
            named("Chủ tịch nước CHXHCN Việt Nam", None),
            "Chủ tịch nước"
        );
        assert_eq!(
            named("Bộ trưởng Ngoại giao Lào", None),
            "Bộ trưởng Bộ Ngoại giao Lào"
        );
        assert_eq!(
            named("Bộ trưởng Bộ An ninh Lào", None),
            "Bộ trưởng Bộ An ninh Lào"
        );
    }

    #[test]
    fn a_rank_is_of_no_country_and_an_ambassador_of_his_and_where_he_stands() {
        let g = Gazetteer::shipped();
        let rank = Office::read("Đại tướng", g).unwrap();
        assert!(rank.rank);
        assert_eq!(rank.name(Some("Lào"), None, g), "Đại tướng");
        let ambassador = Office::read("Đại sứ Việt Nam", g).unwrap();
        assert_eq!(ambassador.country.as_deref(), Some("Việt Nam"));
        assert_eq!(
            ambassador.name(ambassador.country.as_deref(), Some("Lào"), g),
            "Đại sứ Việt Nam tại Lào"
        );
    }

    #[test]
    fn a_country_closes_a_body_s_name_only_after_a_state_s_body() {
        let g = Gazetteer::shipped();
        let office = Office::read("Giám đốc Bệnh viện Việt Đức", g).unwrap();
        assert_eq!(office.country, None);
        assert_eq!(
            named("Thống đốc NHNN", None),
            "Thống đốc Ngân hàng Nhà nước"
        );
        // A field names a minister's body only: a unit is no ministry.
        let unit = Office::read("Trưởng Phòng Cảnh sát hình sự", g).unwrap();
        assert_eq!(unit.body.as_deref(), Some("Cảnh sát hình sự"));
        assert_eq!(
            named("Thứ trưởng Ngoại giao", None),
            "Thứ trưởng Bộ Ngoại giao"
        );
        assert_eq!(body_of("Bộ Công an", "Lào", g), "Bộ Công an Lào");
        assert_eq!(body_of("Bộ Chính trị", "Lào", g), "Bộ Chính trị Lào");
    }
}
