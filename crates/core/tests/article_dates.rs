//! Article dates measured on news written for it (`tests/dates/`): each
//! article annotated with the day it is published on before the rules were
//! run. A date given is right when the day falls within it ("2017-03" is
//! right for 2017-03-14); of the articles given a date, at most 1% may be
//! wrong. Coverage (the share given a date) is reported, not bounded: an
//! article whose text does not say when it was published stays undated.

use std::path::Path;

use doichieu_core::{parse_article, FileKind, PartialDate};

#[test]
fn article_dates_are_wrong_for_at_most_one_percent_of_the_dated() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/dates");
    let truth = std::fs::read_to_string(folder.join("truth.tsv")).expect("truth.tsv is readable");
    let (mut total, mut dated, mut wrong) = (0, 0, Vec::new());
    for line in truth
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let mut fields = line.split('\t');
        let (Some(id), Some(day)) = (fields.next(), fields.next()) else {
            panic!("truth.tsv: a row needs an id and a day: {line:?}");
        };
        let published = PartialDate::parse(day)
            .filter(|d| d.day.is_some())
            .unwrap_or_else(|| panic!("truth.tsv: {id} has no day: {day:?}"));
        let text = std::fs::read_to_string(folder.join(format!("{id}.txt")))
            .unwrap_or_else(|e| panic!("{id}.txt: {e}"));
        let article = parse_article(id, &text, FileKind::Text);
        total += 1;
        let Some(date) = article.date else {
            continue;
        };
        dated += 1;
        let day = published.first_day();
        if !(date.first_day() <= day && day <= date.last_day()) {
            wrong.push(format!(
                "{id}: {date} ({:?}), published {published}",
                article.date_basis
            ));
        }
    }
    assert!(total >= 50, "the set has {total} articles");
    println!(
        "article dates: {dated} of {total} articles dated ({:.0}% coverage), {} wrong ({:.1}% of the dated)",
        100.0 * dated as f64 / total as f64,
        wrong.len(),
        100.0 * wrong.len() as f64 / dated.max(1) as f64
    );
    for w in &wrong {
        println!("  wrong: {w}");
    }
    assert!(
        wrong.len() * 100 <= dated,
        "{} of {dated} dated articles are wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
