//! Titles: ranks and offices from the list ("Đại tướng", "Thứ trưởng",
//! "Ủy viên Bộ Chính trị"), written with a capital. An office that heads a
//! body takes the organisation or country directly after it, which stays
//! a mention of its own inside the title ("Bộ trưởng [Bộ Công an]",
//! "Thủ tướng [Lào]").

use crate::entity::EntityType;
use crate::extract::gazetteer::{KnownDetail, WordRole};
use crate::extract::{Doc, Evidence, Proposal, Recognizer};

pub struct TitleRecognizer;

impl Recognizer for TitleRecognizer {
    fn propose(&self, doc: &Doc<'_>, found: &[Proposal], out: &mut Vec<Proposal>) {
        for &(start, end, known) in &doc.titles {
            let (Some(first), Some(last)) = (doc.token_at(start), doc.token_ending_at(end)) else {
                continue;
            };
            let KnownDetail::Title {
                takes_body,
                needs_body,
                honour,
                ..
            } = known.detail
            else {
                continue;
            };
            if honour {
                continue;
            }
            if let Some(body_end) = body_inside(doc, found, first, last).filter(|_| takes_body) {
                out.push(Proposal {
                    start,
                    end: body_end,
                    kind: EntityType::Title,
                    evidence: Evidence::Known,
                    canonical: None,
                });
                continue;
            }
            // "Trưởng phòng Quản lý đất đai", "Trưởng khoa Sanh": a unit
            // written in lower case, then its name, all one title.
            if let Some(name_end) = unit_name_end(doc, last) {
                out.push(Proposal {
                    start,
                    end: doc.tokens[name_end - 1].end,
                    kind: EntityType::Title,
                    evidence: Evidence::Known,
                    canonical: None,
                });
                continue;
            }
            // "Phó Chủ tịch Thường trực UBND tỉnh": the standing holder of
            // an office, then its body; unless the list has the longer title.
            let standing = (takes_body
                && doc.lower_phrase_len(last + 1, "thường trực") == Some(2)
                && !doc.titles.iter().any(|&(s, e, _)| s == start && e > end))
            .then_some(last + 2);
            let last = standing.unwrap_or(last);
            // "Bộ trưởng Ngoại giao Thái Lan": a minister named by the
            // ministry's field, then maybe the country.
            let field_end = ministry_field_end(doc, &known.canonical, last);
            let last = field_end.unwrap_or(last);
            let end = doc.tokens[last].end;
            let body = doc
                .tokens
                .get(last + 1)
                .filter(|n| takes_body && n.space_before)
                .and_then(|next| {
                    found
                        .iter()
                        .filter(|p| p.start == next.start && is_body(p))
                        .max_by_key(|p| p.end)
                });
            let body_end = body.map(|p| p.end);
            if needs_body && body_end.is_none() {
                continue;
            }
            // "Chủ tịch ASEAN" said of the country chairing it in its turn is
            // a role of a country, not an office: no title, the body stays.
            let chaired_in_turn = body
                .and_then(|p| p.canonical.as_deref())
                .is_some_and(|c| doc.gazetteer.rule_words.has(WordRole::ChairedInTurn, c));
            if chaired_in_turn && known.canonical == "Chủ tịch" {
                continue;
            }
            // A title longer than the listed one is named by its own words.
            let canonical = (body_end.is_none() && field_end.is_none() && standing.is_none())
                .then(|| known.canonical.clone());
            out.push(Proposal {
                start,
                end: body_end.unwrap_or(end),
                kind: EntityType::Title,
                evidence: Evidence::Known,
                canonical,
            });
        }
    }
}

/// Drops a title said of several people or countries ("hai Bộ trưởng"), a refiner after the decision.
pub struct SaidOfSeveral;

impl crate::extract::decide::Refiner for SaidOfSeveral {
    fn refine(&self, doc: &Doc<'_>, taken: &mut Vec<Proposal>) {
        drop_said_of_several(doc, taken);
    }
}

/// Refines the decided mentions: "hai Bộ trưởng", "hai đồng chí Tổng Bí
/// thư" name the holders of several countries' offices, no one office, so
/// no title. Dropped once decided, so that the words stay no one's name.
pub(crate) fn drop_said_of_several(doc: &Doc<'_>, taken: &mut Vec<Proposal>) {
    taken.retain(|p| {
        p.kind != EntityType::Title || !doc.token_at(p.start).is_some_and(|i| doc.several_before(i))
    });
}

/// An organisation or place a title can head: one another recognizer is
/// sure of, or a listed country even where its evidence is only the shape
/// ("Tổng thống Mỹ Donald Trump": "Mỹ" before a capitalised word).
fn is_body(p: &Proposal) -> bool {
    match p.kind {
        EntityType::Organization => p.evidence >= Evidence::Cue,
        EntityType::Location => p.evidence >= Evidence::Cue || p.canonical.is_some(),
        _ => false,
    }
}

/// A title ending at token `last` in a lower-case unit word ("Trưởng
/// phòng", "Trưởng khoa"), followed by the unit's capitalised name: where
/// that name ends.
fn unit_name_end(doc: &Doc<'_>, last: usize) -> Option<usize> {
    if doc.is_cap(last)
        || !doc
            .gazetteer
            .rule_words
            .has(WordRole::TitleUnit, doc.low(last))
    {
        return None;
    }
    let next = last + 1;
    if !doc.is_cap(next) || !doc.tokens[next].space_before || doc.is_acronym(next) {
        return None;
    }
    let end = crate::extract::organization::name_end(doc, next);
    (end > next).then_some(end)
}

/// After a minister's title ("Bộ trưởng", "Thứ trưởng"), the field of the
/// ministry as its short name ("Ngoại giao", "Công an", "Quốc phòng"): a
/// capitalised word and the lower-case rest of an ordinary compound, or
/// "Công an" and "Công Thương". The last token of the longer title.
fn ministry_field_end(doc: &Doc<'_>, canonical: &str, last: usize) -> Option<usize> {
    if !doc.gazetteer.rule_words.has(WordRole::Minister, canonical) {
        return None;
    }
    let (a, b) = (last + 1, last + 2);
    if !doc.is_cap(a) || !doc.tokens[a].space_before || !doc.joined(a) {
        return None;
    }
    let pair = doc.lower(a, b + 1);
    let field = (!doc.is_cap(b) && doc.gazetteer.lexicon.contains(pair))
        || doc.gazetteer.rule_words.has(WordRole::MinistryField, pair);
    field.then_some(b)
}

/// A listed title that spells out its body ("Chủ tịch Quốc hội", "Bí thư
/// Tỉnh ủy Nghệ An") and is listed as taking one (fixed offices such as
/// "Bí thư Trung ương Đảng" are not) is the shorter office with the body
/// inside it: where
/// the body ends, when an organisation or place starts inside the title
/// right after a listed office and runs to its end or beyond.
/// "Thủ tướng Chính phủ" stays one title: the conventions keep it whole.
fn body_inside(doc: &Doc<'_>, found: &[Proposal], first: usize, last: usize) -> Option<usize> {
    let end = doc.tokens[last].end;
    (first + 1..=last).find_map(|k| {
        doc.gazetteer.title_named(doc.lower(first, k))?;
        let start = doc.tokens[k].start;
        found
            .iter()
            .filter(|p| {
                p.start == start
                    && p.end >= end
                    && p.evidence >= Evidence::Cue
                    && matches!(p.kind, EntityType::Organization | EntityType::Location)
                    && !(p.end == end && &doc.text[p.start..p.end] == "Chính phủ")
            })
            .map(|p| p.end)
            .max()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::organization::OrganizationRecognizer;

    fn titles(text: &str) -> Vec<String> {
        crate::extract::proposed_texts(text, &[&OrganizationRecognizer, &TitleRecognizer])
    }

    #[test]
    fn the_chair_of_a_body_chaired_in_turn_is_no_title() {
        let extractor = crate::extract::Extractor::default();
        let found = extractor.extract_text("Lào là Chủ tịch ASEAN năm nay, ông Chủ tịch Quốc hội");
        let kinds: Vec<(EntityType, &str)> = found.iter().map(|m| (m.kind, m.text)).collect();
        assert_eq!(
            kinds,
            [
                (EntityType::Location, "Lào"),
                (EntityType::Organization, "ASEAN"),
                (EntityType::Title, "Chủ tịch Quốc hội"),
                (EntityType::Organization, "Quốc hội"),
            ]
        );
    }

    #[test]
    fn offices_said_of_several_countries_are_no_titles() {
        let titles = |text: &str| crate::extract::found_texts(text, EntityType::Title);
        assert!(titles("Kế hoạch mà hai Bộ trưởng ký vào ngày 29/9").is_empty());
        assert!(titles("giữa hai đồng chí Tổng Bí thư diễn ra").is_empty());
        assert_eq!(titles("hai nước, Bộ trưởng Tô Lâm"), ["Bộ trưởng"]);
    }

    #[test]
    fn an_office_takes_the_body_it_heads() {
        assert_eq!(
            titles("Đại tướng Tô Lâm, Bộ trưởng Bộ Công an làm trưởng đoàn"),
            ["Đại tướng", "Bộ trưởng Bộ Công an"]
        );
    }

    #[test]
    fn a_title_that_spells_out_its_body_holds_it() {
        let got = crate::extract::Extractor::default()
            .extract_text("Chủ tịch Quốc hội Vương Đình Huệ và Thủ tướng Chính phủ");
        let spans: Vec<(&str, EntityType)> = got.iter().map(|f| (f.text, f.kind)).collect();
        assert_eq!(
            spans,
            [
                ("Chủ tịch Quốc hội", EntityType::Title),
                ("Quốc hội", EntityType::Organization),
                ("Vương Đình Huệ", EntityType::Person),
                ("Thủ tướng Chính phủ", EntityType::Title),
                ("Chính phủ", EntityType::Organization),
            ]
        );
    }

    #[test]
    fn a_standing_office_is_one_title_with_its_body() {
        let titles = |text: &str| crate::extract::found_texts(text, EntityType::Title);
        assert_eq!(
            titles("Phó Chủ tịch Thường trực UBND tỉnh Nghệ An và Phó Thủ tướng Thường trực"),
            [
                "Phó Chủ tịch Thường trực UBND tỉnh Nghệ An",
                "Phó Thủ tướng Thường trực"
            ]
        );
        assert_eq!(
            titles("ông Lê Văn B, Phó Chủ tịch thường trực Hội Nông dân tỉnh Nghệ An"),
            ["Phó Chủ tịch thường trực Hội Nông dân tỉnh Nghệ An"]
        );
    }

    #[test]
    fn case_after_the_first_letter_does_not_matter_but_a_lower_case_start_does() {
        assert_eq!(
            titles("Bí thư Trung ương đảng, hai bộ trưởng"),
            ["Bí thư Trung ương đảng"]
        );
    }
}
