//! The collection's own list of dates: `articles.tsv` in a corpus folder,
//! for collections whose files do not say when they were published
//! (scraped news keeps its dates in the crawl, not in the text).
//!
//! One article a line, fields separated by a tab: its id (the file name
//! without extension), its date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), and
//! optionally its source and its title. Blank lines and lines opening with
//! `#` are skipped, and so is a first line naming the columns (`id`, `date`, …).
//! With `→` for a tab:
//!
//! ```text
//! id→date→source→title
//! tin-0001→2017-02-06→Báo Lao Động→Khai mạc hội chợ nông sản
//! tin-0002→2017-02
//! ```
//!
//! A row wins over what the file says of itself (front matter, header,
//! dateline): the list is the collection's record.

use crate::corpus::Severity;
use crate::date::PartialDate;

/// The name of the list in a corpus folder.
pub const FILE_NAME: &str = "articles.tsv";

/// One article's row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The line it is on, from 1.
    pub line: usize,
    pub id: String,
    pub date: PartialDate,
    pub source: Option<String>,
    pub title: Option<String>,
}

/// A row that cannot be used, or a doubt about one: its line and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowProblem {
    pub line: usize,
    pub severity: Severity,
    pub reason: String,
}

/// Reads the text of a list into its rows, every bad row named by line
/// with its reason (a row left out of the rows).
pub fn parse(text: &str) -> (Vec<Row>, Vec<RowProblem>) {
    let mut rows: Vec<Row> = Vec::new();
    let mut problems = Vec::new();
    let mut bad = |line: usize, reason: String| {
        problems.push(RowProblem {
            line,
            severity: Severity::Error,
            reason,
        });
    };
    for (k, raw) in text.lines().enumerate() {
        let line = k + 1;
        let raw = raw.trim_end_matches('\r');
        if raw.trim().is_empty() || raw.trim_start().starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = raw.split('\t').map(str::trim).collect();
        if rows.is_empty() && fields[0].eq_ignore_ascii_case("id") {
            continue;
        }
        if fields.len() < 2 {
            bad(
                line,
                "needs an article id and a date, separated by a tab".into(),
            );
            continue;
        }
        if fields.len() > 4 {
            bad(
                line,
                format!(
                    "has {} fields; a row is id, date, and optionally source and title, separated by tabs",
                    fields.len()
                ),
            );
            continue;
        }
        let id = fields[0];
        if id.is_empty() {
            bad(line, "has no article id before its date".into());
            continue;
        }
        let Some(date) = PartialDate::parse(fields[1]) else {
            bad(
                line,
                format!(
                    "\"{}\" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (2017-02-06)",
                    fields[1]
                ),
            );
            continue;
        };
        if let Some(first) = rows.iter().find(|r| r.id == id) {
            bad(
                line,
                format!(
                    "dates the article \"{id}\" again (line {} dates it already)",
                    first.line
                ),
            );
            continue;
        }
        let optional = |i: usize| {
            fields
                .get(i)
                .filter(|f| !f.is_empty())
                .map(|f| f.to_string())
        };
        rows.push(Row {
            line,
            id: id.to_string(),
            date,
            source: optional(2),
            title: optional(3),
        });
    }
    (rows, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_give_dates_and_optional_source_and_title() {
        let (rows, problems) = parse(
            "id\tdate\tsource\ttitle\n# a comment\n\na\t2017-02-06\tVnExpress\tTin một\nb\t2017-02\r\nc\t2016\t\tTin ba\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        let read: Vec<(&str, String, Option<&str>, Option<&str>)> = rows
            .iter()
            .map(|r| {
                (
                    r.id.as_str(),
                    r.date.to_string(),
                    r.source.as_deref(),
                    r.title.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            read,
            [
                ("a", "2017-02-06".into(), Some("VnExpress"), Some("Tin một")),
                ("b", "2017-02".into(), None, None),
                ("c", "2016".into(), None, Some("Tin ba")),
            ]
        );
        assert_eq!(rows[0].line, 4);
    }

    #[test]
    fn every_bad_row_is_named_by_line_and_reason() {
        let (rows, problems) = parse(
            "a\t2017-02-06\na 2017-02-07\nb\t6/2/2017\nc\t2017-02-30\na\t2017-03-01\nd\t2017\tx\ty\tz\n\t2017\n",
        );
        assert_eq!(rows.len(), 1);
        let named: Vec<(usize, &str)> = problems
            .iter()
            .map(|p| (p.line, p.reason.as_str()))
            .collect();
        assert_eq!(
            named,
            [
                (2, "needs an article id and a date, separated by a tab"),
                (3, "\"6/2/2017\" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (2017-02-06)"),
                (4, "\"2017-02-30\" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (2017-02-06)"),
                (5, "dates the article \"a\" again (line 1 dates it already)"),
                (6, "has 5 fields; a row is id, date, and optionally source and title, separated by tabs"),
                (7, "has no article id before its date"),
            ]
        );
        assert!(problems.iter().all(|p| p.severity == Severity::Error));
    }
}
