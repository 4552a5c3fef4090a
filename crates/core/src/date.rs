//! Dates as specific as the text supports, and how an article's own date
//! is read from its text.
//!
//! News gives dates partially: a header `date 2023-12`, a dateline "chiều
//! 10/2" with no year, a full "5/2/2026" further down. [`PartialDate`] holds
//! a year with an optional month and day; [`infer_article_date`] combines the
//! clues with the rules documented on it.

use serde::Serialize;
use std::fmt;

use crate::wire::{read_in_order, Read, Reader, Stop};

/// A calendar date known to the year, the month or the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct PartialDate {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

read_in_order!(PartialDate { year, month, day });

impl PartialDate {
    /// A date if the parts exist on the calendar (a day needs a month).
    pub fn new(year: u16, month: Option<u8>, day: Option<u8>) -> Option<Self> {
        if !(1000..=9999).contains(&year) {
            return None;
        }
        match (month, day) {
            (None, Some(_)) => None,
            (Some(m), _) if !(1..=12).contains(&m) => None,
            (Some(m), Some(d)) if d == 0 || d > days_in_month(year, m) => None,
            _ => Some(Self { year, month, day }),
        }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Self> {
        let mut parts = s.trim().split('-');
        let year = parse_fixed(parts.next()?, 4)?;
        let month = parts
            .next()
            .map(|m| parse_fixed(m, 2))
            .map_or(Ok(None), |m| m.map(Some).ok_or(()));
        let month = month.ok()?;
        let day = parts
            .next()
            .map(|d| parse_fixed(d, 2))
            .map_or(Ok(None), |d| d.map(Some).ok_or(()));
        let day = day.ok()?;
        if parts.next().is_some() {
            return None;
        }
        Self::new(year, month.map(|m| m as u8), day.map(|d| d as u8))
    }

    /// The first day this date may mean, as `(year, month, day)`.
    pub fn first_day(&self) -> (u16, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day this date may mean, as `(year, month, day)`.
    pub fn last_day(&self) -> (u16, u8, u8) {
        let month = self.month.unwrap_or(12);
        (
            self.year,
            month,
            self.day.unwrap_or_else(|| days_in_month(self.year, month)),
        )
    }
}

fn parse_fixed(s: &str, len: usize) -> Option<u16> {
    if s.len() != len || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

/// What a date written in running text says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateExpr {
    /// "10/2", "ngày 10 tháng 2": day and month.
    DayMonth { day: u8, month: u8 },
    /// "5/2/2026", "ngày 5 tháng 2 năm 2026".
    Full { day: u8, month: u8, year: u16 },
    /// "tháng 1/2020", "1/2020" or "tháng 1 năm 2020".
    MonthYear { month: u8, year: u16 },
    /// "năm 2024", or a bare plausible year.
    Year { year: u16 },
    /// "tháng 7": a month, without its year.
    Month { month: u8 },
    /// "quý I/2025", "quý I": a quarter, with its year if written.
    Quarter { quarter: u8, year: Option<u16> },
}

/// A date of an article's text that says something of the calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FoundDate {
    pub expr: DateExpr,
    /// Byte offsets of the date in its text, as the date recognizer spans
    /// it ("ngày 5/2/2026", "năm 2024").
    pub start: usize,
    pub end: usize,
}

const PAST_AFTER: [&str; 3] = ["vừa qua", "vừa rồi", "trước đó"];
const FUTURE_BEFORE: [&str; 12] = [
    "tiến tới",
    "sắp tới",
    "dự kiến",
    "vào đầu năm",
    "sẽ",
    "kế hoạch",
    "mục tiêu",
    "phấn đấu",
    "tầm nhìn",
    "định hướng",
    "đến năm",
    "tới năm",
];

impl FoundDate {
    /// The date points back in time ("ngày 19/1 vừa qua"); `text` is the
    /// text it was found in.
    pub fn points_back(&self, text: &str) -> bool {
        let after = text[self.end..].trim_start();
        PAST_AFTER.iter().any(|p| after.starts_with(p))
    }

    /// The date is looked forward to: its clause, its own words included,
    /// has a cue for the future ("tiến tới … vào đầu năm 2016", "sẽ").
    pub fn looks_forward(&self, text: &str) -> bool {
        let clause = clause_before(text, self.end);
        FUTURE_BEFORE.iter().any(|f| contains_word(clause, f))
    }
}

/// The dates of `text` that say something of the calendar, as the date
/// recognizer finds and reads them ([`crate::extract::date::find`]: the
/// dates the reader sees marked).
pub fn scan_dates(text: &str) -> Vec<FoundDate> {
    // Every date the recognizer reads has a number.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    crate::extract::date::find_in(text)
        .into_iter()
        .filter_map(|d| {
            Some(FoundDate {
                expr: d.expr?,
                start: d.start,
                end: d.end,
            })
        })
        .collect()
}

/// The clause before byte `at`: from the start of its sentence (as
/// [`crate::sentence`] splits them) or the last semicolon or colon after it.
fn clause_before(text: &str, at: usize) -> &str {
    let sentence = crate::sentence::start_of(text, at);
    let clause = text[sentence..at]
        .rfind([';', ':'])
        .map_or(sentence, |i| sentence + i + 1);
    &text[clause..at]
}

fn contains_word(haystack: &str, word: &str) -> bool {
    haystack.match_indices(word).any(|(i, _)| {
        let before_ok = haystack[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after_ok = haystack[i + word.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        before_ok && after_ok
    })
}

fn parse_small(s: &str) -> Option<u8> {
    (s.len() <= 2).then(|| s.parse().ok()).flatten()
}

fn parse_year(s: &str) -> Option<u16> {
    let year: u16 = (s.len() == 4).then(|| s.parse().ok()).flatten()?;
    (1900..=2100).contains(&year).then_some(year)
}

/// Reads one run of '/'-joined digit groups: a lone four-digit number is a
/// year, `d/m` a day and month, `m/yyyy` a month, `d/m/yyyy` a full date.
/// Anything else (a count, a score, "24/7") that is not on the calendar is dropped.
pub(crate) fn classify(groups: &[&str]) -> Option<DateExpr> {
    match *groups {
        [y] => parse_year(y).map(|year| DateExpr::Year { year }),
        [m, y] if y.len() == 4 => {
            let (month, year) = (parse_small(m)?, parse_year(y)?);
            PartialDate::new(year, Some(month), None)?;
            Some(DateExpr::MonthYear { month, year })
        }
        [d, m] => {
            let (day, month) = (parse_small(d)?, parse_small(m)?);
            // 2000 is a leap year, so 29/2 is accepted here and checked once the year is known.
            PartialDate::new(2000, Some(month), Some(day))?;
            Some(DateExpr::DayMonth { day, month })
        }
        [d, m, y] => {
            let (day, month, year) = (parse_small(d)?, parse_small(m)?, parse_year(y)?);
            PartialDate::new(year, Some(month), Some(day))?;
            Some(DateExpr::Full { day, month, year })
        }
        _ => None,
    }
}

/// How an article's date was reached, so the reader can be told.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum DateBasis {
    /// `date:` in the file's front matter.
    FrontMatter,
    /// The ` date YYYY-MM[-DD]` first line.
    Header,
    /// The header's year and month, with the day of the dateline ("ngày 6/12").
    HeaderAndDateline,
    /// The dateline gives the full date ("Hà Nội, ngày 5/2/2026 -"), or its
    /// day and month with the year of the same day written in full elsewhere
    /// in the text ("chiều 5/2" … "ngày 5/2/2026").
    DatelineAndFullDate,
    /// The collection's list of dates (`articles.tsv` beside the files).
    Sidecar,
    /// The dateline gives a day and month ("chiều 5/2") but nothing in the
    /// text gives their year, so the article is undated: a year the text
    /// merely mentions is never taken for it.
    DatelineWithoutYear { day: u8, month: u8 },
    /// Nothing in the text dates it.
    Unknown,
}

impl Read for DateBasis {
    fn read(r: &mut Reader) -> Result<Self, Stop> {
        Ok(match r.tag("way a date was found", 7)? {
            0 => DateBasis::FrontMatter,
            1 => DateBasis::Header,
            2 => DateBasis::HeaderAndDateline,
            3 => DateBasis::DatelineAndFullDate,
            4 => DateBasis::Sidecar,
            5 => DateBasis::DatelineWithoutYear {
                day: Read::read(r)?,
                month: Read::read(r)?,
            },
            _ => DateBasis::Unknown,
        })
    }
}

impl DateBasis {
    /// The basis as `doichieu` prints it (`check --list`, `extract`).
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::FrontMatter => "front-matter",
            Self::Header => "header",
            Self::HeaderAndDateline => "header+dateline",
            Self::DatelineAndFullDate => "dateline",
            Self::Sidecar => "sidecar",
            Self::DatelineWithoutYear { .. } => "dateline-without-year",
            Self::Unknown => "unknown",
        }
    }
}

/// How many of the opening paragraphs are searched for the dateline.
const DATELINE_PARAGRAPHS: usize = 3;

/// How many words after a paragraph's first sentence are read with it when
/// looking for its dateline: more than a date starting in that sentence
/// reads ahead of its first token ("ngày 10 tháng 2 năm 2020", its
/// "tháng" before it, six tokens in all).
const DATELINE_WORDS_AFTER: usize = 8;

/// The opening of paragraph `p` whose dates are the dates of `p` that may
/// be its dateline ([`is_dateline`]: one starting in the first sentence):
/// the first sentence and [`DATELINE_WORDS_AFTER`] words after it, cut at
/// a space. The dates starting in the first sentence are read from it as
/// from the whole paragraph, at a fraction of the work on long paragraphs.
fn dateline_zone(p: &str) -> &str {
    let opening = crate::sentence::end_of(p, 0);
    if opening == 0 {
        return p;
    }
    let bytes = p.as_bytes();
    let mut words = 0;
    let mut in_word = false;
    for (at, &b) in bytes.iter().enumerate().skip(opening) {
        let space = matches!(b, b' ' | b'\t' | b'\n' | b'\r');
        if space && in_word {
            words += 1;
            if words > DATELINE_WORDS_AFTER {
                return &p[..at];
            }
        }
        in_word = !space;
    }
    p
}

/// The words that may stand before a dateline's date in its clause, lower
/// case: a time of day, "hôm nay", or nothing ("Hà Nội, ngày 5/2/2026"; the
/// date's span holds its "ngày").
const DATELINE_OPENERS: [&str; 21] = [
    "",
    "sáng",
    "trưa",
    "chiều",
    "tối",
    "đêm",
    "khuya",
    "rạng sáng",
    "sáng sớm",
    "chiều tối",
    "nay",
    "hôm nay",
    "sáng nay",
    "trưa nay",
    "chiều nay",
    "tối nay",
    "đêm nay",
    "rạng sáng nay",
    "sáng hôm nay",
    "chiều hôm nay",
    "tối hôm nay",
];

/// A sentence opening with these speaks of an earlier day ("Trước đó, ngày 5/3").
const BACK_BEFORE: [&str; 14] = [
    "trước đó",
    "hôm qua",
    "trước kia",
    "trước đây",
    "năm trước",
    // An account of what happened before ("Theo cáo trạng, trưa 6/12/2016, …").
    "theo cáo trạng",
    "theo đơn",
    "theo hồ sơ",
    "theo tài liệu",
    "theo kết luận",
    "theo báo cáo",
    "theo điều tra",
    "theo lời khai",
    "theo thông tin ban đầu",
];
/// Words after a date that make it a day to come ("ngày 20/10 tới").
const AHEAD_AFTER: [&str; 3] = ["tới", "sắp tới", "tới đây"];
/// Words that tell a paragraph recalls a day of history ("Hơn bốn mươi năm
/// sau, những người lính năm ấy…", "Mười tám năm đã trôi qua").
const HISTORY: [&str; 8] = [
    "năm ấy",
    "năm đó",
    "năm xưa",
    "ngày ấy",
    "ngày đó",
    "trôi qua",
    "năm sau",
    "cách đây",
];

/// Reads an article's date from its header (or front matter) and its text.
/// The dates of the text are those the date recognizer marks, read with
/// what they say ([`scan_dates`]): "ngày 10 tháng 2 năm 2020" is a full
/// date as "10/2/2020" is. A date comes only from what dates the article,
/// never from a year the text talks about ("vào năm 2030").
///
/// 1. A header or front-matter date with a day is taken as it is.
/// 2. Otherwise the *dateline* is looked for in the opening paragraphs: the
///    first day and month (or full date) in the first sentence of a
///    paragraph that opens its clause, with at
///    most a time of day before it ("Sáng 5/2", "Hà Nội, ngày 5/2/2026 -",
///    "(VOV) - Chiều nay (5/2)", "…, tối 5/2, …"), and that is neither a
///    day past ("Trước đó, ngày 5/3", "5/3 vừa qua", "hôm qua (5/3)") nor a
///    day to come ("ngày 20/10 tới", "từ ngày 1/7/2017"). A date cited
///    inside a sentence ("Quyết định … ngày 15/2/2017") is no dateline.
/// 3. A header with a year and month gains the dateline's day when the
///    months agree; a header with a year gains its month and day.
/// 4. With no header, a dateline with its year is the date, unless its
///    paragraph recalls it as history ("Ngày 30/4/1975, … Hơn bốn mươi năm
///    sau"), which leaves the article undated; a dateline without a year takes the year of the same day and
///    month written in full elsewhere ("5/2/2026", "ngày 5 tháng 2 năm
///    2026"), the latest when several are, leaving out those of an
///    anniversary or of history ("kỷ niệm … (27/7/1947 - 27/7/2017)").
/// 5. Otherwise the date is unknown ([`DateBasis::DatelineWithoutYear`]
///    when a dateline gave the day and month).
pub fn infer_article_date(
    header: Option<PartialDate>,
    from_front_matter: bool,
    paragraphs: &[&str],
) -> (Option<PartialDate>, DateBasis) {
    let header_basis = if from_front_matter {
        DateBasis::FrontMatter
    } else {
        DateBasis::Header
    };
    if let Some(h) = header.filter(|h| h.day.is_some()) {
        return (Some(h), header_basis);
    }
    let dateline = paragraphs
        .iter()
        .take(DATELINE_PARAGRAPHS)
        .enumerate()
        .find_map(|(k, p)| {
            scan_dates(dateline_zone(p))
                .into_iter()
                .find(|f| is_dateline(p, f))
                .map(|f| (k, f))
        });
    let Some((k, found)) = dateline else {
        let basis = if header.is_some() {
            header_basis
        } else {
            DateBasis::Unknown
        };
        return (header, basis);
    };
    let (day, month, year) = match found.expr {
        DateExpr::DayMonth { day, month } => (day, month, None),
        DateExpr::Full { day, month, year } => (day, month, Some(year)),
        _ => unreachable!("a dateline has a day and a month"),
    };
    if let Some(h) = header {
        let refined = match h.month {
            Some(m) if m == month => PartialDate::new(h.year, Some(m), Some(day)),
            Some(_) => None,
            None => PartialDate::new(h.year, Some(month), Some(day)),
        };
        return match refined {
            Some(d) => (Some(d), DateBasis::HeaderAndDateline),
            None => (Some(h), header_basis),
        };
    }
    if let Some(year) = year {
        return if recalls_history(paragraphs[k], year) {
            (None, DateBasis::Unknown)
        } else {
            let date = PartialDate::new(year, Some(month), Some(day));
            (date, DateBasis::DatelineAndFullDate)
        };
    }
    let same_day = paragraphs
        .iter()
        .flat_map(|p| {
            scan_dates(p).into_iter().filter_map(move |f| match f.expr {
                DateExpr::Full {
                    day: d,
                    month: m,
                    year,
                } if d == day && m == month && !of_history(p, &f) => Some(year),
                _ => None,
            })
        })
        .max();
    match same_day.and_then(|year| PartialDate::new(year, Some(month), Some(day))) {
        Some(d) => (Some(d), DateBasis::DatelineAndFullDate),
        None => (None, DateBasis::DatelineWithoutYear { day, month }),
    }
}

/// The date `f` of paragraph `p` is a dateline: a day and month opening its
/// clause with at most a time of day before it, not said of a day past or
/// to come.
fn is_dateline(p: &str, f: &FoundDate) -> bool {
    if !matches!(f.expr, DateExpr::DayMonth { .. } | DateExpr::Full { .. })
        || f.points_back(p)
        || f.looks_forward(p)
    {
        return false;
    }
    let after = p[f.end..].trim_start_matches([' ', ')']);
    if AHEAD_AFTER
        .iter()
        .any(|w| after.starts_with(w) && !after[w.len()..].starts_with(char::is_alphanumeric))
    {
        return false;
    }
    // The last day of a span is none ("từ ngày 8/3 - 13/3/2017").
    if ends_a_span(p, f) {
        return false;
    }
    let sentence = crate::sentence::start_of(p, f.start);
    // The dateline is in the paragraph's first sentence (on real news, a
    // day in the second is most often one the article recounts).
    let opening = crate::sentence::end_of(p, 0);
    if sentence >= opening.max(1) {
        return false;
    }
    let before = p[sentence..f.start].to_lowercase();
    if BACK_BEFORE.iter().any(|w| contains_word(&before, w)) {
        return false;
    }
    // The clause: after the last comma or dash of the sentence before the
    // date (a colon ends a label, "Ngày sinh: 3/10/2014", not a clause).
    let clause = before
        .char_indices()
        .rfind(|(_, c)| matches!(c, ',' | ';' | '-' | '–'))
        .map_or(before.as_str(), |(i, c)| &before[i + c.len_utf8()..]);
    // A day in a list of days ("ngày 15, 17/5") is none.
    let listed = before[..before.len() - clause.len()]
        .trim_end_matches([',', ';', '-', '–'])
        .trim_end()
        .ends_with(|c: char| c.is_ascii_digit());
    if listed {
        return false;
    }
    let opener = clause.trim().trim_end_matches('(').trim();
    if DATELINE_OPENERS.contains(&opener) {
        return true;
    }
    // A place before the date, at the opening of the paragraph: "Hà Nội (ngày 21/4/2017) -".
    sentence == 0
        && clause.trim_end().ends_with('(')
        && opener.split_whitespace().count() <= 5
        && p[..f.start]
            .trim_end()
            .trim_end_matches('(')
            .split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase))
}

/// Paragraph `p` tells of its dateline's year as history: it says so
/// ("năm ấy", "trôi qua") or mentions a later year it does not look
/// forward to.
fn recalls_history(p: &str, year: u16) -> bool {
    let lower = p.to_lowercase();
    if HISTORY.iter().any(|w| contains_word(&lower, w)) {
        return true;
    }
    scan_dates(p).iter().any(|f| {
        let later = match f.expr {
            DateExpr::Year { year: y }
            | DateExpr::MonthYear { year: y, .. }
            | DateExpr::Full { year: y, .. } => y > year,
            _ => false,
        };
        later && !f.looks_forward(p) && !ends_a_span(p, f)
    })
}

/// The full date `f` of paragraph `p` is told as history or an anniversary:
/// its sentence has a word for one or for a day past ("nơi 40 năm trước
/// đây, ngày 21/6/1977", "lịch sử", "kỷ niệm"), or it opens a span ("27/7/1947 - 27/7/2017").
fn of_history(p: &str, f: &FoundDate) -> bool {
    let range = crate::sentence::around(p, f.start, f.end);
    let sentence = p[range].to_lowercase();
    HISTORY
        .iter()
        .chain(&BACK_BEFORE)
        .chain(&["lịch sử", "kỷ niệm"])
        .any(|w| contains_word(&sentence, w))
        || p[f.end..].trim_start().starts_with(['-', '–'])
}

/// The date `f` closes a span ("2016-2017", "năm học 2016 - 2017").
fn ends_a_span(p: &str, f: &FoundDate) -> bool {
    p[..f.start]
        .trim_end()
        .strip_suffix(['-', '–'])
        .is_some_and(|b| b.trim_end().ends_with(|c: char| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first dateline of `p` read from the whole paragraph, as the
    /// paragraph's opening ([`dateline_zone`]) gives it.
    fn first_dateline(p: &str) -> Option<(usize, usize, DateExpr)> {
        scan_dates(p)
            .into_iter()
            .find(|f| is_dateline(p, f))
            .map(|f| (f.start, f.end, f.expr))
    }

    #[test]
    fn a_dateline_is_read_from_the_paragraphs_opening_as_from_all_of_it() {
        let mut paragraphs: Vec<String> = vec![
            "Hà Nội, ngày 5/2/2026. Bộ trưởng gặp đoàn ngày 6/2 tại trụ sở.".into(),
            "Chiều 10/2. Ngày 10 tháng 2 năm 2020 là ngày hội, ngày 11 tháng 2 năm 2021 cũng vậy.".into(),
            "Sáng nay.Ngày 3 tháng 4 năm 2022, đoàn đến; ngày 4/4 về.".into(),
            "Hà Nội (ngày 21/4/2017) - Sáng 21/4, tại Hà Nội, hai bên hội đàm về hợp tác 8-11-2017.".into(),
            "Kỷ niệm ngày 27/7. Một hai ba bốn năm sáu bảy tám chín mười, ngày 1/2 năm 2024 và 20 tháng 11 năm 2016.".into(),
            "Ngày 15, 17/5, đoàn làm việc. Quý I/2025 tăng trưởng tốt".into(),
        ];
        let corpus = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
        for entry in std::fs::read_dir(corpus)
            .expect("the default corpus is there")
            .flatten()
        {
            if let Ok(text) = std::fs::read_to_string(entry.path()) {
                paragraphs.extend(text.lines().map(str::to_string));
            }
        }
        assert!(paragraphs.len() > 20);
        let mut datelines = 0;
        for p in &paragraphs {
            let whole = first_dateline(p);
            datelines += usize::from(whole.is_some());
            let zone = scan_dates(dateline_zone(p))
                .into_iter()
                .find(|f| is_dateline(p, f))
                .map(|f| (f.start, f.end, f.expr));
            assert_eq!(zone, whole, "{p}");
        }
        assert!(datelines >= 4, "{datelines} datelines");
        let long = "Hà Nội, ngày 5/2. Một hai ba bốn năm sáu bảy tám chín mười mười một mười hai.";
        assert!(dateline_zone(long).len() < long.len());
        assert!(dateline_zone(long).starts_with("Hà Nội, ngày 5/2. Một"));
    }

    fn d(s: &str) -> Option<PartialDate> {
        PartialDate::parse(s)
    }

    #[test]
    fn partial_dates_parse_and_print_as_written() {
        for s in ["2025", "2025-01", "2026-02-05", "2024-02-29"] {
            assert_eq!(d(s).unwrap().to_string(), s);
        }
        for bad in [
            "",
            "25",
            "2025-1",
            "2025-13",
            "2023-02-29",
            "2025-01-32",
            "2025-01-01-01",
            "abcd",
        ] {
            assert_eq!(d(bad), None, "{bad:?} is not a date");
        }
    }

    #[test]
    fn date_expressions_are_told_apart() {
        let exprs: Vec<DateExpr> =
            scan_dates("chiều 10/2, tháng 1/2020, ngày 5/2/2026, năm 2024, 18 đồng chí, lần thứ 42, 25/13, 31/2")
                .into_iter()
                .map(|f| f.expr)
                .collect();
        assert_eq!(
            exprs,
            vec![
                DateExpr::DayMonth { day: 10, month: 2 },
                DateExpr::MonthYear {
                    month: 1,
                    year: 2020
                },
                DateExpr::Full {
                    day: 5,
                    month: 2,
                    year: 2026
                },
                DateExpr::Year { year: 2024 },
            ]
        );
    }

    #[test]
    fn past_and_future_cues_are_seen() {
        let text = "được bổ nhiệm ngày 19/1 vừa qua";
        assert!(scan_dates(text)[0].points_back(text));
        let text = "tiến tới Đại hội Đảng toàn quốc lần thứ 10 vào đầu năm 2016. Năm 2015 đã ký";
        let f = scan_dates(text);
        assert!(f[0].looks_forward(text));
        assert!(
            !f[1].looks_forward(text),
            "a sentence break ends the forward-looking clause"
        );
        // The full stop of "TP." or of a number ends no sentence, nor the clause.
        let text = "TP. Hồ Chí Minh dự kiến đón 1.000 khách quốc tế vào năm 2026.";
        assert!(scan_dates(text)[0].looks_forward(text));
    }

    #[test]
    fn header_with_day_is_kept() {
        assert_eq!(
            infer_article_date(d("2024-03-09"), false, &["Ngày 1/1, ..."]),
            (d("2024-03-09"), DateBasis::Header)
        );
    }

    #[test]
    fn header_month_gains_the_dateline_day() {
        let p = [
            "Thứ trưởng đến Lào.",
            "Theo phóng viên TTXVN tại Vientiane, ngày 6/12, đoàn đã đến.",
        ];
        assert_eq!(
            infer_article_date(d("2023-12"), false, &p),
            (d("2023-12-06"), DateBasis::HeaderAndDateline)
        );
        // A dateline in another month is not this header's day.
        assert_eq!(
            infer_article_date(d("2023-11"), false, &p),
            (d("2023-11"), DateBasis::Header)
        );
    }

    #[test]
    fn header_without_dateline_stays_partial() {
        let p = ["Tổng Bí thư tiếp đoàn, tiến tới Đại hội vào đầu năm 2026."];
        assert_eq!(
            infer_article_date(d("2025-01"), false, &p),
            (d("2025-01"), DateBasis::Header)
        );
    }

    #[test]
    fn dateline_takes_the_year_of_the_same_day_in_full() {
        let p = [
            "chiều 5/2 tại thủ đô Viêng Chăn, đoàn đã gặp.",
            "Ông được bổ nhiệm ngày 19/1 vừa qua.",
            "hội đàm diễn ra ngày 5/2/2026.",
        ];
        assert_eq!(
            infer_article_date(None, false, &p),
            (d("2026-02-05"), DateBasis::DatelineAndFullDate)
        );
    }

    #[test]
    fn a_year_the_text_mentions_never_dates_the_dateline() {
        let p = [
            "Sáng 6/2, Bộ họp bàn giải pháp đẩy mạnh xuất khẩu.",
            "Ngành phấn đấu xuất khẩu đạt 10 tỷ USD vào năm 2030, gấp đôi năm 2016.",
        ];
        assert_eq!(
            infer_article_date(None, false, &p),
            (None, DateBasis::DatelineWithoutYear { day: 6, month: 2 })
        );
    }

    #[test]
    fn a_day_cited_inside_a_sentence_is_no_dateline() {
        let p = ["Theo Quyết định số 312/QĐ-UBND ngày 15/2/2017 của UBND tỉnh, khu công nghiệp được mở rộng."];
        assert_eq!(
            infer_article_date(None, false, &p),
            (None, DateBasis::Unknown)
        );
        let p = [
            "Sau vụ cháy xảy ra ngày 2/3/2017, sáng 5/3, huyện đã hỗ trợ tiểu thương.",
            "Ngày 5/3/2017, huyện lập chợ tạm.",
        ];
        assert_eq!(
            infer_article_date(None, false, &p),
            (d("2017-03-05"), DateBasis::DatelineAndFullDate)
        );
    }

    #[test]
    fn days_past_or_to_come_are_no_dateline() {
        for p in [
            "Từ ngày 1/7/2017, nhiều chính sách mới có hiệu lực.",
            "Ngày 20/10 tới, hội chợ khai mạc.",
            "Hôm qua (13/3), một xe khách gặp nạn.",
            "Trước đó, ngày 5/3/2016, thanh tra phát hiện sai phạm.",
            "Lễ hội diễn ra từ ngày 8/3 - 13/3/2017 tại Buôn Ma Thuột.",
            "Được biết, vào ngày 22/6/2016, cơ quan vũ trụ đã phóng 20 vệ tinh.",
            "Theo cáo trạng, trưa 6/12/2016, bị cáo đến chòi rẫy.",
            "Theo kế hoạch, ngày 30/6/2017 là ngày giao dịch đầu tiên.",
            "Công nhân ngất xỉu trong ngày 15, 17/5 tại công ty.",
            "Vụ án được khởi tố. Ngày 17/1/2017, cơ quan điều tra ra quyết định truy nã.",
        ] {
            assert_eq!(
                infer_article_date(None, false, &[p]),
                (None, DateBasis::Unknown),
                "{p}"
            );
        }
    }

    #[test]
    fn a_day_of_history_in_the_lede_does_not_date_the_article() {
        let p = ["Ngày 30/4/1975, xe tăng húc đổ cổng dinh. Hơn bốn mươi năm sau, những người lính năm ấy vẫn nhớ."];
        assert_eq!(
            infer_article_date(None, false, &p),
            (None, DateBasis::Unknown)
        );
        let p = ["Sáng 15/7, đoàn thăm gia đình chính sách nhân kỷ niệm 70 năm Ngày Thương binh - Liệt sĩ (27/7/1947 - 27/7/2017)."];
        assert_eq!(
            infer_article_date(None, false, &p),
            (None, DateBasis::DatelineWithoutYear { day: 15, month: 7 })
        );
    }

    #[test]
    fn datelines_of_several_shapes_give_the_full_date() {
        for (p, date) in [
            (
                "Hà Nội, ngày 14/3/2017 - Sở Giáo dục công bố phương án.",
                "2017-03-14",
            ),
            ("Hà Nội (ngày 21/4/2017) - Hội thảo diễn ra.", "2017-04-21"),
            (
                "TTXVN - Tối 1/10/2016, tại Biên Hòa, công nhân dự đối thoại.",
                "2016-10-01",
            ),
            (
                "Manila, Philippines, ngày 29 tháng 4 năm 2017 - Hội nghị khai mạc.",
                "2017-04-29",
            ),
            (
                "Thủ tướng, chiều 18/2/2017, đã làm việc với tỉnh.",
                "2017-02-18",
            ),
        ] {
            assert_eq!(
                infer_article_date(None, false, &[p]),
                (d(date), DateBasis::DatelineAndFullDate),
                "{p}"
            );
        }
    }

    #[test]
    fn a_dateline_without_any_year_leaves_the_date_unknown() {
        assert_eq!(
            infer_article_date(None, false, &["Sáng 3/4, đoàn đến."]),
            (None, DateBasis::DatelineWithoutYear { day: 3, month: 4 })
        );
        assert_eq!(
            infer_article_date(None, false, &["Không có ngày nào."]),
            (None, DateBasis::Unknown)
        );
    }

    #[test]
    fn the_article_date_reads_the_dates_the_recognizer_marks() {
        let text = "Chiều 10/2, ngày 10 tháng 2 năm 2020, tháng 7 năm 2024, quý I/2025, năm 2019, 5/2/2026.";
        let read: Vec<&str> = scan_dates(text)
            .iter()
            .map(|f| &text[f.start..f.end])
            .collect();
        let marked = crate::extract::proposed_texts(text, &[&crate::extract::date::DateRecognizer]);
        assert_eq!(read, marked);
    }

    #[test]
    fn the_long_form_dates_an_article() {
        let p = [
            "Ngày 10 tháng 2 năm 2020, Bộ trưởng Tô Lâm hội đàm với Bộ trưởng Vilay Lakhamphong.",
        ];
        assert_eq!(
            infer_article_date(None, false, &p),
            (d("2020-02-10"), DateBasis::DatelineAndFullDate)
        );
    }

    #[test]
    fn a_long_form_gives_the_dateline_its_year() {
        let p = [
            "Chiều 10/2, đoàn đại biểu đến thủ đô Viêng Chăn.",
            "Biên bản hợp tác được ký ngày 10 tháng 2 năm 2020.",
        ];
        assert_eq!(
            infer_article_date(None, false, &p),
            (d("2020-02-10"), DateBasis::DatelineAndFullDate)
        );
    }

    #[test]
    fn a_long_dateline_gives_the_header_its_day() {
        let p = ["Sáng ngày 6 tháng 12, Thứ trưởng Lương Tam Quang tiếp đoàn."];
        assert_eq!(
            infer_article_date(d("2023-12"), false, &p),
            (d("2023-12-06"), DateBasis::HeaderAndDateline)
        );
    }

    #[test]
    fn a_count_that_begins_like_a_date_does_not_date_an_article() {
        let p = [
            "Thành phố mới cải tạo được 14/1.155 nhà chung cư cũ.",
            "Kế hoạch có từ năm 2016.",
        ];
        assert_eq!(
            infer_article_date(None, false, &p),
            (None, DateBasis::Unknown)
        );
    }

    #[test]
    fn a_date_before_a_closing_quote_or_an_ellipsis_is_read() {
        let p = [
            "Ngày 15/6, hai bên nhắc lại “tuyên bố chung”.",
            "Văn kiện được ký ngày 15/6/2000…",
        ];
        assert_eq!(
            infer_article_date(None, false, &p),
            (d("2000-06-15"), DateBasis::DatelineAndFullDate)
        );
    }

    #[test]
    fn an_impossible_day_never_becomes_a_date() {
        // 29/2 only exists in leap years.
        let p = ["Ngày 29/2, đoàn đến.", "ngày 29/2/2023"];
        assert_eq!(
            infer_article_date(None, false, &p),
            (None, DateBasis::DatelineWithoutYear { day: 29, month: 2 })
        );
    }
}
