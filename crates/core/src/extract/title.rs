//! Titles: ranks and offices from the list ("Đại tướng", "Thứ trưởng",
//! "Ủy viên Bộ Chính trị"), written with a capital. An office that heads a
//! body takes the organisation or country directly after it, which stays
//! a mention of its own inside the title ("Bộ trưởng [Bộ Công an]",
//! "Thủ tướng [Lào]").

use crate::entity::EntityType;
use crate::extract::gazetteer::KnownDetail;
use crate::extract::{Doc, Evidence, Proposal, Recognizer};

pub struct TitleRecognizer;

impl Recognizer for TitleRecognizer {
    fn propose(&self, doc: &Doc<'_>, found: &[Proposal], out: &mut Vec<Proposal>) {
        for &(start, end, known) in &doc.titles {
            let (Some(first), Some(last)) = (doc.token_at(start), doc.token_ending_at(end)) else {
                continue;
            };
            let takes_body = matches!(known.detail, KnownDetail::Title { takes_body: true });
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
            let body_end = doc
                .tokens
                .get(last + 1)
                .filter(|n| takes_body && n.space_before)
                .and_then(|next| {
                    found
                        .iter()
                        .filter(|p| {
                            p.start == next.start
                                && matches!(p.kind, EntityType::Organization | EntityType::Location)
                        })
                        .filter(|p| p.evidence >= Evidence::Cue)
                        .map(|p| p.end)
                        .max()
                });
            let canonical = body_end.is_none().then(|| known.canonical.clone());
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
        let spans: Vec<(&str, EntityType)> =
            got.iter().map(|f| (f.text.as_str(), f.kind)).collect();
        assert_eq!(
            spans,
            [
                ("Chủ tịch Quốc hội", EntityType::Title),
                ("Quốc hội", EntityType::Organization),
                ("Vương Đình Huệ", EntityType::Person),
                ("Thủ tướng Chính phủ", EntityType::Title),
            ]
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
