//! Named events: a head word ("Đại hội", "Hội nghị", "SEA Games", "Giải")
//! followed by its name: capitalised words, numbers, Roman numerals, "lần
//! thứ …", and the lower-case words of compounds ("Cấp cao"). A few events
//! are named by their head alone ("Quốc khánh").

use crate::entity::EntityType;
use crate::extract::gazetteer::Cue;
use crate::extract::token::TokenKind;
use crate::extract::{Doc, Evidence, Proposal, Recognizer};

pub struct EventRecognizer;

const STANDALONE: [&str; 4] = ["Quốc khánh", "Tết Nguyên đán", "Giáng sinh", "Trung thu"];
const INNER_WORDS: [&str; 6] = [
    "toàn quốc",
    "cấp cao",
    "đại biểu",
    "thường niên",
    "quốc tế",
    "lần thứ",
];
const MAX_NAME_TOKENS: usize = 10;

fn is_roman(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))
}

impl Recognizer for EventRecognizer {
    fn propose(&self, doc: &Doc<'_>, _found: &[Proposal], out: &mut Vec<Proposal>) {
        let tokens = &doc.tokens;
        let mut i = 0;
        while i < tokens.len() {
            if !doc.is_cap(i) {
                i += 1;
                continue;
            }
            let head = doc.cue_len_at(i, Cue::EventHead);
            let standalone = STANDALONE.iter().find_map(|s| standalone_len(doc, i, s));
            let Some(head) = head.or(standalone) else {
                i += 1;
                continue;
            };
            let end = name_end(doc, i + head);
            if end > i + head || standalone.is_some() {
                let end = end.max(i + head);
                out.push(Proposal {
                    start: tokens[i].start,
                    end: tokens[end - 1].end,
                    kind: EntityType::Event,
                    evidence: Evidence::Cue,
                    canonical: None,
                });
                i = end;
            } else {
                i += 1;
            }
        }
    }
}

/// The standalone event `name` written at token `i`: its length in tokens.
fn standalone_len(doc: &Doc<'_>, i: usize, name: &str) -> Option<usize> {
    // Most tokens differ from the name's first syllable: compared first.
    let first = doc.tokens[i].text;
    let rest = name.strip_prefix(first)?;
    if !rest.is_empty() && !rest.starts_with(' ') {
        return None;
    }
    let n = rest.matches(' ').count() + 1;
    (i + n <= doc.tokens.len() && doc.span(i, i + n) == name).then_some(n)
}

fn name_end(doc: &Doc<'_>, start: usize) -> usize {
    let tokens = &doc.tokens;
    let (mut j, mut last_good) = (start, start);
    while j < tokens.len() && j - start < MAX_NAME_TOKENS && tokens[j].space_before {
        let t = &tokens[j];
        if let Some((w, n)) = INNER_WORDS
            .iter()
            .find_map(|w| doc.lower_phrase_len(j, w).map(|n| (*w, n)))
        {
            j += n;
            // "lần thứ 10", "lần thứ XIV", "lần thứ nhất"
            if w == "lần thứ" {
                match tokens.get(j) {
                    Some(n)
                        if n.kind == TokenKind::Number || is_roman(n.text) || n.text == "nhất" =>
                    {
                        j += 1
                    }
                    _ => break,
                }
            }
            last_good = j;
            continue;
        }
        let accepted = doc.is_cap(j)
            || t.kind == TokenKind::Number
            || (j > start
                && doc.is_cap(j - 1)
                && doc.gazetteer.lexicon.contains(doc.lower(j - 1, j + 1)));
        if !accepted {
            break;
        }
        j += 1;
        last_good = j;
    }
    last_good
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(text: &str) -> Vec<String> {
        crate::extract::proposed_texts(text, &[&EventRecognizer])
    }

    #[test]
    fn congresses_take_their_number() {
        assert_eq!(
            events("tiến tới Đại hội Đảng toàn quốc lần thứ 10 vào đầu năm"),
            ["Đại hội Đảng toàn quốc lần thứ 10"]
        );
        assert_eq!(events("Nghị quyết Đại hội XI của Đảng"), ["Đại hội XI"]);
        assert_eq!(events("nhân dịp Quốc khánh nước"), ["Quốc khánh"]);
    }

    #[test]
    fn a_generic_meeting_is_not_an_event() {
        assert!(events("tại Hội nghị, hai bên").is_empty());
    }
}
