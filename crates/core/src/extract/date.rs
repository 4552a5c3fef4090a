//! Dates: "10/2", "ngày 5/2/2026", "tháng 1/2020", "năm 2024", "tháng 7",
//! "quý I/2025", "ngày 10 tháng 2 năm 2020". The span takes the word
//! `ngày`, `tháng` or `năm` directly before the number; a time of day
//! ("chiều", "sáng") stays outside.

use crate::date::{classify, DateExpr};
use crate::entity::EntityType;
use crate::extract::token::TokenKind;
use crate::extract::{Doc, Evidence, Proposal, Recognizer};

pub struct DateRecognizer;

const UNIT_WORDS: [&str; 3] = ["ngày", "tháng", "năm"];

fn lower_is(doc: &Doc<'_>, i: usize, words: &[&str]) -> bool {
    doc.tokens
        .get(i)
        .is_some_and(|t| t.kind == TokenKind::Word && words.contains(&doc.low(i)))
}

fn number(doc: &Doc<'_>, i: usize) -> Option<u32> {
    doc.tokens
        .get(i)
        .filter(|t| t.kind == TokenKind::Number)
        .and_then(|t| t.text.parse().ok())
}

fn is_roman_quarter(s: &str) -> bool {
    matches!(s, "I" | "II" | "III" | "IV")
}

impl Recognizer for DateRecognizer {
    fn propose(&self, doc: &Doc<'_>, _found: &[Proposal], out: &mut Vec<Proposal>) {
        let tokens = &doc.tokens;
        let mut i = 0;
        while i < tokens.len() {
            let t = &tokens[i];
            // Only numbers and the words "ngày" and "quý" can open a date.
            if t.kind != TokenKind::Number && !matches!(doc.low(i), "ngày" | "quý") {
                i += 1;
                continue;
            }
            let unit_before = i > 0 && lower_is(doc, i - 1, &UNIT_WORDS) && doc.joined(i - 1);
            let start_with_unit = |i: usize| {
                if unit_before {
                    tokens[i - 1].start
                } else {
                    tokens[i].start
                }
            };
            // "ngày 10 tháng 2 năm 2020"
            if lower_is(doc, i, &["ngày"])
                && number(doc, i + 1).is_some_and(|d| (1..=31).contains(&d))
                && lower_is(doc, i + 2, &["tháng"])
                && number(doc, i + 3).is_some_and(|m| (1..=12).contains(&m))
            {
                let mut end = i + 4;
                if lower_is(doc, end, &["năm"])
                    && number(doc, end + 1).is_some_and(|y| (1000..=2100).contains(&y))
                {
                    end += 2;
                }
                out.push(proposal(t.start, tokens[end - 1].end));
                i = end;
                continue;
            }
            // "quý I/2025"
            if lower_is(doc, i, &["quý"])
                && tokens.get(i + 1).is_some_and(|q| is_roman_quarter(q.text))
            {
                let mut end = i + 2;
                if tokens.get(end).is_some_and(|s| s.is_punct('/'))
                    && number(doc, end + 1).is_some_and(|y| (1900..=2100).contains(&y))
                {
                    end += 2;
                }
                out.push(proposal(t.start, tokens[end - 1].end));
                i = end;
                continue;
            }
            if t.kind != TokenKind::Number {
                i += 1;
                continue;
            }
            let groups: Vec<&str> = t.text.split('/').collect();
            let expr = if t.text.contains(['.', ',']) {
                None
            } else {
                classify(&groups)
            };
            match expr {
                Some(DateExpr::Year { .. }) if t.text.len() == 4 => {
                    out.push(proposal(start_with_unit(i), t.end));
                }
                Some(
                    DateExpr::DayMonth { .. } | DateExpr::Full { .. } | DateExpr::MonthYear { .. },
                ) => {
                    out.push(proposal(start_with_unit(i), t.end));
                }
                _ => {
                    // "tháng 7", "tháng 7 năm 2024"
                    let month = groups.len() == 1
                        && t.text.len() <= 2
                        && number(doc, i).is_some_and(|m| (1..=12).contains(&m));
                    if month && unit_before && doc.low(i - 1) == "tháng" {
                        let mut end = i + 1;
                        if lower_is(doc, end, &["năm"])
                            && number(doc, end + 1).is_some_and(|y| (1000..=2100).contains(&y))
                        {
                            end += 2;
                        }
                        out.push(proposal(tokens[i - 1].start, tokens[end - 1].end));
                        i = end;
                        continue;
                    }
                }
            }
            i += 1;
        }
    }
}

fn proposal(start: usize, end: usize) -> Proposal {
    Proposal {
        start,
        end,
        kind: EntityType::Date,
        evidence: Evidence::Cue,
        canonical: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str) -> Vec<String> {
        crate::extract::proposed_texts(text, &[&DateRecognizer])
    }

    #[test]
    fn numeric_dates_take_their_unit_word_but_not_the_time_of_day() {
        assert_eq!(
            dates("Chiều 10/2, ngày 5/2/2026 và tháng 1/2020"),
            ["10/2", "ngày 5/2/2026", "tháng 1/2020"]
        );
        assert_eq!(dates("trong năm 2024, ASEAN 2024"), ["năm 2024", "2024"]);
        assert_eq!(dates("chiều nay (15/1)"), ["15/1"]);
    }

    #[test]
    fn words_for_dates_are_read() {
        assert_eq!(
            dates("từ tháng 7 năm 2024 đến quý I/2025"),
            ["tháng 7 năm 2024", "quý I/2025"]
        );
        assert_eq!(
            dates("ngày 10 tháng 2 năm 2020"),
            ["ngày 10 tháng 2 năm 2020"]
        );
    }

    #[test]
    fn counts_and_scores_are_not_dates() {
        assert!(dates("18 đồng chí, lần thứ 42, 5.000 người, tỷ số 2-1, 32/13 hộ").is_empty());
    }
}
