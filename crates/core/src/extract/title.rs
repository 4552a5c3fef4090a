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
            let (Some(_), Some(last)) = (doc.token_at(start), doc.token_ending_at(end)) else {
                continue;
            };
            let takes_body = matches!(known.detail, KnownDetail::Title { takes_body: true });
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
    fn case_after_the_first_letter_does_not_matter_but_a_lower_case_start_does() {
        assert_eq!(
            titles("Bí thư Trung ương đảng, hai bộ trưởng"),
            ["Bí thư Trung ương đảng"]
        );
    }
}
