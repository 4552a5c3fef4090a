//! Places: listed names (countries, capitals, provinces and their other
//! names, "Viêng Chăn" = Vientiane), and any capitalised name after an
//! administrative word, which the span includes ("tỉnh Nghệ An",
//! "huyện Kỳ Anh", "TP. HCM", "quận 1").

use crate::entity::EntityType;
use crate::extract::gazetteer::{Cue, KnownDetail};
use crate::extract::token::TokenKind;
use crate::extract::{Doc, Evidence, Proposal, Recognizer};

pub struct LocationRecognizer;

/// A name after an administrative word is at most this many syllables.
const MAX_NAME_TOKENS: usize = 5;

impl Recognizer for LocationRecognizer {
    fn propose(&self, doc: &Doc<'_>, _found: &[Proposal], out: &mut Vec<Proposal>) {
        listed(doc, out);
        after_admin_word(doc, out);
    }
}

fn listed(doc: &Doc<'_>, out: &mut Vec<Proposal>) {
    for &(start, end, known) in &doc.names {
        if known.kind != EntityType::Location || known.detail == KnownDetail::District {
            continue;
        }
        let (Some(first), Some(last)) = (doc.token_at(start), doc.token_ending_at(end)) else {
            continue;
        };
        // "Lào" inside "Nguyễn Lào Cai" is not the country: a listed place inside a
        // longer run of capitalised syllables counts only if the run is a place too.
        let inside_run = (first > 0
            && doc.is_cap(first - 1)
            && doc.joined(first - 1)
            && !doc.sentence_start[first])
            || (doc.is_cap(last + 1) && doc.joined(last) && !doc.is_acronym(last + 1));
        let evidence = if inside_run {
            Evidence::Shape
        } else {
            Evidence::Known
        };
        out.push(Proposal {
            start,
            end,
            kind: EntityType::Location,
            evidence,
            canonical: Some(known.canonical.clone()),
        });
    }
}

fn after_admin_word(doc: &Doc<'_>, out: &mut Vec<Proposal>) {
    let tokens = &doc.tokens;
    for i in 0..tokens.len() {
        let Some(cue_len) = admin_word_at(doc, i) else {
            continue;
        };
        let mut j = i + cue_len;
        // "TP. HCM": the abbreviation's full stop.
        if tokens.get(j).is_some_and(|t| t.is_punct('.')) && tokens[j - 1].text == "TP" {
            j += 1;
        }
        let name_start = j;
        if tokens
            .get(j)
            .is_some_and(|t| t.kind == TokenKind::Number && t.text.len() <= 3)
        {
            j += 1; // "quận 1", "phường 12"
        } else {
            while j < tokens.len() && j - name_start < MAX_NAME_TOKENS && doc.is_cap(j) {
                j += 1;
                if !doc.joined(j - 1) {
                    break;
                }
            }
        }
        if j == name_start {
            continue;
        }
        // The listed place of that name, if it is one, found in the document's one pass.
        let name_end = tokens[j - 1].end;
        let canonical = doc
            .name_at(tokens[name_start].start)
            .filter(|(_, e, k)| *e == name_end && k.kind == EntityType::Location)
            .map_or_else(
                || doc.span(name_start, j).to_string(),
                |(_, _, k)| k.canonical.clone(),
            );
        out.push(Proposal {
            start: tokens[i].start,
            end: tokens[j - 1].end,
            kind: EntityType::Location,
            evidence: Evidence::Cue,
            canonical: Some(canonical),
        });
    }
}

/// How many tokens an administrative word at `i` spans ("tỉnh" 1, "thành phố" 2, "TP" 1).
fn admin_word_at(doc: &Doc<'_>, i: usize) -> Option<usize> {
    doc.cue_len_at(i, Cue::LocationAdmin)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::gazetteer::sample;

    fn places(text: &str) -> Vec<(String, String)> {
        let g = sample();
        let doc = Doc::new(text, &g);
        let mut out = Vec::new();
        LocationRecognizer.propose(&doc, &[], &mut out);
        let mut got: Vec<(String, String)> = out
            .into_iter()
            .map(|p| {
                (
                    text[p.start..p.end].to_string(),
                    p.canonical.unwrap_or_default(),
                )
            })
            .collect();
        got.sort();
        got
    }

    #[test]
    fn other_names_of_a_place_resolve_to_it() {
        assert_eq!(
            places("tại thủ đô Viêng Chăn"),
            [("Viêng Chăn".into(), "Vientiane".into())]
        );
        assert_eq!(
            places("nước CHDCND Lào"),
            [("CHDCND Lào".into(), "Lào".into())]
        );
    }

    #[test]
    fn the_administrative_word_is_part_of_the_span() {
        assert_eq!(
            places("ở tỉnh Nghệ An."),
            [
                ("Nghệ An".into(), "Nghệ An".into()),
                ("tỉnh Nghệ An".into(), "Nghệ An".into())
            ]
        );
        assert_eq!(
            places("thành phố Vinh"),
            [("thành phố Vinh".into(), "Vinh".into())]
        );
    }
}
