//! Dates: "10/2", "ngày 5/2/2026", "tháng 1/2020", "năm 2024", "tháng 7",
//! "quý I/2025", "ngày 10 tháng 2 năm 2020". The span takes the word
//! `ngày`, `tháng` or `năm` directly before the number; a time of day
//! ("chiều", "sáng") stays outside.
//!
//! [`find`] reads every date of a text with what it says ([`DateExpr`]):
//! the recognizer proposes their spans, and the article's date is inferred
//! from them ([`crate::date::infer_article_date`]), so that every date the
//! reader sees marked can date its article.

use crate::date::{classify, DateExpr, PartialDate};
use crate::entity::EntityType;
use crate::extract::token::{scan, Token, TokenKind};
use crate::extract::{Doc, Evidence, Proposal, Recognizer};

pub struct DateRecognizer;

/// A date in a text: its byte range, and what it says (`None` when its
/// words name no day of the calendar: "ngày 31 tháng 2").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dated {
    pub start: usize,
    pub end: usize,
    pub expr: Option<DateExpr>,
}

const UNIT_WORDS: [&str; 3] = ["ngày", "tháng", "năm"];

/// A day, month and year that make a date of the calendar, as read.
fn full_date(day: u8, month: u8, year: u16) -> Option<DateExpr> {
    PartialDate::new(year, Some(month), Some(day)).map(|_| DateExpr::Full { day, month, year })
}

/// A text's tokens and their lower-cased text, as the finder reads them.
struct Words<'a> {
    tokens: &'a [Token<'a>],
    lowered: &'a str,
}

impl Words<'_> {
    fn lower_is(&self, i: usize, words: &[&str]) -> bool {
        self.tokens.get(i).is_some_and(|t| {
            t.kind == TokenKind::Word && words.contains(&&self.lowered[t.start..t.end])
        })
    }

    fn number(&self, i: usize) -> Option<u32> {
        self.tokens
            .get(i)
            .filter(|t| t.kind == TokenKind::Number)
            .and_then(|t| t.text.parse().ok())
    }

    /// Tokens `i` and `i + 1` are separated by a space only.
    fn joined(&self, i: usize) -> bool {
        self.tokens[i].kind != TokenKind::Punct
            && self
                .tokens
                .get(i + 1)
                .is_some_and(|n| n.kind != TokenKind::Punct)
    }

    /// A year written after "năm" at token `i` ("năm 2020"), if there is one.
    fn year_after(&self, i: usize) -> Option<u16> {
        if !self.lower_is(i, &["năm"]) {
            return None;
        }
        self.number(i + 1)
            .filter(|y| (1000..=2100).contains(y))
            .and_then(|y| u16::try_from(y).ok())
    }
}

fn roman_quarter(s: &str) -> Option<u8> {
    match s {
        "I" => Some(1),
        "II" => Some(2),
        "III" => Some(3),
        "IV" => Some(4),
        _ => None,
    }
}

/// What a date mention says, read from its text as the recognizer read it
/// ("ngày 5/2/2026", "tháng 7 năm 2024"); `None` unless the whole text is
/// one date that names a day, month or year.
pub fn read(mention: &str) -> Option<DateExpr> {
    match find_in(mention).as_slice() {
        [d] if d.start == 0 && d.end == mention.len() => d.expr,
        _ => None,
    }
}

/// Every date in `text`, in text order.
pub fn find_in(text: &str) -> Vec<Dated> {
    let scanned = scan(text);
    find(&scanned.tokens, &scanned.lowered)
}

/// Every date in a text, from its tokens and their lower-cased text
/// ([`crate::extract::token::Scan`]), in text order.
pub fn find(tokens: &[Token<'_>], lowered: &str) -> Vec<Dated> {
    let words = Words { tokens, lowered };
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        // Only numbers and the words "ngày" and "quý" can open a date.
        let low = &lowered[t.start..t.end];
        if t.kind != TokenKind::Number && !matches!(low, "ngày" | "quý") {
            i += 1;
            continue;
        }
        let unit_before = i > 0 && words.lower_is(i - 1, &UNIT_WORDS) && words.joined(i - 1);
        let start_with_unit = |i: usize| {
            if unit_before {
                tokens[i - 1].start
            } else {
                tokens[i].start
            }
        };
        // "ngày 10 tháng 2 năm 2020"
        let long_form = words.lower_is(i, &["ngày"]) && words.lower_is(i + 2, &["tháng"]);
        let day = words.number(i + 1).filter(|d| (1..=31).contains(d));
        let month = words.number(i + 3).filter(|m| (1..=12).contains(m));
        if let (true, Some(day), Some(month)) = (long_form, day, month) {
            let (day, month) = (day as u8, month as u8);
            let year = words.year_after(i + 4);
            let end = if year.is_some() { i + 6 } else { i + 4 };
            let expr = match year {
                Some(year) => full_date(day, month, year),
                // 2000 is a leap year: 29/2 waits for the year to be known.
                None => PartialDate::new(2000, Some(month), Some(day))
                    .map(|_| DateExpr::DayMonth { day, month }),
            };
            out.push(Dated {
                start: t.start,
                end: tokens[end - 1].end,
                expr,
            });
            i = end;
            continue;
        }
        // "quý I/2025"
        if let Some(quarter) = (low == "quý")
            .then(|| tokens.get(i + 1).and_then(|q| roman_quarter(q.text)))
            .flatten()
        {
            let year = tokens
                .get(i + 2)
                .filter(|s| s.is_punct('/'))
                .and_then(|_| words.number(i + 3))
                .filter(|y| (1900..=2100).contains(y))
                .and_then(|y| u16::try_from(y).ok());
            let end = if year.is_some() { i + 4 } else { i + 2 };
            out.push(Dated {
                start: t.start,
                end: tokens[end - 1].end,
                expr: Some(DateExpr::Quarter { quarter, year }),
            });
            i = end;
            continue;
        }
        if t.kind != TokenKind::Number {
            i += 1;
            continue;
        }
        // "20 tháng 11 năm 2016": the long form without "ngày", read only
        // with its year (a number of months, "20 tháng", has none).
        if let (Some(day), true, Some(month), Some(year)) = (
            words
                .number(i)
                .filter(|d| (1..=31).contains(d) && t.text.len() <= 2),
            words.lower_is(i + 1, &["tháng"]),
            words.number(i + 2).filter(|m| (1..=12).contains(m)),
            words.year_after(i + 3),
        ) {
            out.push(Dated {
                start: t.start,
                end: tokens[i + 4].end,
                expr: full_date(day as u8, month as u8, year),
            });
            i += 5;
            continue;
        }
        // "8-11-2017": day, month and a year of four digits joined by dashes.
        if let Some((day, month, year)) = dashed_date(tokens, i) {
            out.push(Dated {
                start: start_with_unit(i),
                end: tokens[i + 4].end,
                expr: full_date(day, month, year),
            });
            i += 5;
            continue;
        }
        let groups: Vec<&str> = t.text.split('/').collect();
        let numeric = if t.text.contains(['.', ',']) {
            None
        } else {
            classify(&groups)
        };
        if let Some(expr) = numeric {
            out.push(Dated {
                start: start_with_unit(i),
                end: t.end,
                expr: Some(expr),
            });
        } else if let Some(month) = words
            .number(i)
            .filter(|m| (1..=12).contains(m) && t.text.len() <= 2)
            .filter(|_| unit_before && words.lower_is(i - 1, &["tháng"]))
        {
            // "tháng 7", "tháng 7 năm 2024"
            let month = month as u8;
            let year = words.year_after(i + 1);
            let end = if year.is_some() { i + 3 } else { i + 1 };
            let expr = match year {
                Some(year) => PartialDate::new(year, Some(month), None)
                    .map(|_| DateExpr::MonthYear { month, year }),
                None => Some(DateExpr::Month { month }),
            };
            out.push(Dated {
                start: tokens[i - 1].start,
                end: tokens[end - 1].end,
                expr,
            });
            i = end;
            continue;
        }
        i += 1;
    }
    out
}

/// Day, month and year of "8-11-2017" at token `i`: five tokens with nothing
/// between them, the year of four digits.
fn dashed_date(tokens: &[Token<'_>], i: usize) -> Option<(u8, u8, u16)> {
    let run = tokens.get(i..i + 5)?;
    let touching = run.windows(2).all(|w| w[0].end == w[1].start);
    let dashes =
        run[1].is_punct('-') && run[3].is_punct('-') && run[1].text == "-" && run[3].text == "-";
    let numbers = [run[0], run[2], run[4]]
        .iter()
        .all(|t| t.kind == TokenKind::Number && t.text.bytes().all(|b| b.is_ascii_digit()));
    if !(touching
        && dashes
        && numbers
        && run[0].text.len() <= 2
        && run[2].text.len() <= 2
        && run[4].text.len() == 4)
    {
        return None;
    }
    let year: u16 = run[4]
        .text
        .parse()
        .ok()
        .filter(|y| (1900..=2100).contains(y))?;
    Some((run[0].text.parse().ok()?, run[2].text.parse().ok()?, year))
}

impl Recognizer for DateRecognizer {
    fn propose(&self, doc: &Doc<'_>, _found: &[Proposal], out: &mut Vec<Proposal>) {
        out.extend(
            find(&doc.tokens, doc.lowered())
                .into_iter()
                .map(|d| proposal(d.start, d.end)),
        );
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
    fn long_forms_without_ngay_and_dashed_dates_are_read_with_their_year() {
        assert_eq!(
            dates("Sáng 20 tháng 11 năm 2016, Đà Nẵng, 8-11-2017 - hội nghị"),
            ["20 tháng 11 năm 2016", "8-11-2017"]
        );
        let read: Vec<_> = find_in("Sáng 20 tháng 11 năm 2016, Đà Nẵng, 8-11-2017")
            .into_iter()
            .map(|d| d.expr)
            .collect();
        assert_eq!(
            read,
            [
                Some(DateExpr::Full {
                    day: 20,
                    month: 11,
                    year: 2016
                }),
                Some(DateExpr::Full {
                    day: 8,
                    month: 11,
                    year: 2017
                })
            ]
        );
        // A number of months, a score and a range of years are no dates.
        assert!(
            dates("sau 20 tháng thi công, tỷ số 2-1, giai đoạn 2016-2020")
                .iter()
                .all(|d| d == "2016" || d == "2020"),
            "{:?}",
            dates("sau 20 tháng thi công, tỷ số 2-1, giai đoạn 2016-2020")
        );
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
    fn every_date_is_read_with_what_it_says() {
        let text = "Ngày 10 tháng 2 năm 2020, chiều 5/2/2026, tháng 7, quý I/2025, quý II, \
                    năm 2024, sáng 10/2, tháng 1 năm 2020, ngày 8 tháng 3, ngày 31 tháng 2";
        let read: Vec<(&str, Option<DateExpr>)> = find_in(text)
            .into_iter()
            .map(|d| (&text[d.start..d.end], d.expr))
            .collect();
        use DateExpr::*;
        assert_eq!(
            read,
            [
                (
                    "Ngày 10 tháng 2 năm 2020",
                    Some(Full {
                        day: 10,
                        month: 2,
                        year: 2020
                    })
                ),
                (
                    "5/2/2026",
                    Some(Full {
                        day: 5,
                        month: 2,
                        year: 2026
                    })
                ),
                ("tháng 7", Some(Month { month: 7 })),
                (
                    "quý I/2025",
                    Some(Quarter {
                        quarter: 1,
                        year: Some(2025)
                    })
                ),
                (
                    "quý II",
                    Some(Quarter {
                        quarter: 2,
                        year: None
                    })
                ),
                ("năm 2024", Some(Year { year: 2024 })),
                ("10/2", Some(DayMonth { day: 10, month: 2 })),
                (
                    "tháng 1 năm 2020",
                    Some(MonthYear {
                        month: 1,
                        year: 2020
                    })
                ),
                ("ngày 8 tháng 3", Some(DayMonth { day: 8, month: 3 })),
                // Marked as a date, but no day of the calendar.
                ("ngày 31 tháng 2", None),
            ]
        );
    }

    #[test]
    fn a_mention_is_read_again_as_it_was_found() {
        assert_eq!(
            read("ngày 10 tháng 2 năm 2020"),
            Some(DateExpr::Full {
                day: 10,
                month: 2,
                year: 2020
            })
        );
        assert_eq!(
            read("tháng 3 năm 2014"),
            Some(DateExpr::MonthYear {
                month: 3,
                year: 2014
            })
        );
        assert_eq!(read("Năm 2017"), Some(DateExpr::Year { year: 2017 }));
        assert_eq!(read("10/2 và 11/2"), None);
    }

    #[test]
    fn counts_and_scores_are_not_dates() {
        assert!(dates("18 đồng chí, lần thứ 42, 5.000 người, tỷ số 2-1, 32/13 hộ").is_empty());
    }
}
