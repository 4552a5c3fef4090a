//! The data files of `crates/core/data/` follow their rules, the ones
//! `scripts/gazetteer/check.py` checks, so that `cargo test` stops a bad
//! edit: a header saying what a file is, its source and licence; every line
//! NFC with the tone mark of an open oa/oe/uy on the first vowel; the
//! expected columns, no stray spaces, no empty `|` values; rows sorted by
//! their first column (code point order) but for `surnames.txt`, no
//! duplicates; and each file's kinds, roles, counts, case and references.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use doichieu_core::extract::gazetteer::WordRole;
use doichieu_core::normalize::place_tone_marks;
use unicode_normalization::UnicodeNormalization;

/// Each file: its columns, and the columns that hold several `|` values.
const FILES: [(&str, usize, &[usize]); 15] = [
    ("provinces.tsv", 4, &[2]),
    ("districts.tsv", 3, &[]),
    ("places.tsv", 3, &[2]),
    ("countries.tsv", 4, &[1, 3]),
    ("organizations.tsv", 3, &[1]),
    ("titles.tsv", 4, &[3]),
    ("cues.tsv", 2, &[]),
    ("offices.tsv", 2, &[]),
    ("events.tsv", 3, &[2]),
    ("surnames.txt", 1, &[]),
    ("given_names.txt", 1, &[]),
    ("foreign_words.tsv", 2, &[]),
    ("words.txt", 1, &[]),
    ("abbreviations.txt", 1, &[]),
    ("rule_words.tsv", 2, &[]),
];

/// Ordered by frequency, not sorted.
const UNSORTED: [&str; 1] = ["surnames.txt"];

/// A name appears once in the first column.
const UNIQUE_FIRST: [&str; 10] = [
    "provinces.tsv",
    "places.tsv",
    "countries.tsv",
    "organizations.tsv",
    "titles.tsv",
    "events.tsv",
    "surnames.txt",
    "given_names.txt",
    "words.txt",
    "abbreviations.txt",
];

const CUE_ROLES: [&str; 15] = [
    "person_before",
    "person_after",
    "location_facility",
    "location_admin",
    "location_before",
    "org_head",
    "org_inner",
    "event_head",
    "date_word",
    "not_name",
    "body_before",
    "thing_before",
    "grammar",
    "no_name_after",
    "team",
];

const OFFICE_ROLES: [&str; 7] = [
    "home",
    "country_word",
    "abroad",
    "at",
    "field_head",
    "several_before",
    "several_after",
];

/// The letters of Vietnamese words, lower-case, for `words.txt`.
const VIETNAMESE_LETTERS: &str =
    "abcdeghiklmnopqrstuvxyđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ";

fn text_of(name: &str) -> String {
    let path = format!("{}/data/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The rows of one file, its problems added to `errors`.
fn read(name: &str, columns: usize, lists: &[usize], errors: &mut Vec<String>) -> Vec<Vec<String>> {
    let text = text_of(name);
    let mut error = |e: String| errors.push(format!("{name}: {e}"));
    if text.contains('\r') {
        error("has CR line ends".into());
    }
    if !text.ends_with('\n') {
        error("no final newline".into());
    }
    let lines: Vec<&str> = text
        .strip_suffix('\n')
        .unwrap_or(&text)
        .split('\n')
        .collect();
    let header_len = lines.iter().take_while(|l| l.starts_with('#')).count();
    let header = &lines[..header_len];
    if header.is_empty() {
        error("no header comment".into());
    }
    for h in header {
        if *h != "#" && !h.starts_with("# ") {
            error(format!("header line does not start with '# ': {h:?}"));
        }
    }
    let joined = header.join("\n");
    for word in ["Source", "Licence"] {
        if !joined.contains(word) {
            error(format!("header does not say its {word}"));
        }
    }
    let mut rows = Vec::new();
    for (n, line) in lines.iter().enumerate().skip(header_len) {
        let n = n + 1;
        if line.starts_with('#') {
            error(format!("{n}: comment after the data started"));
            continue;
        }
        if line.trim().is_empty() {
            error(format!("{n}: blank line"));
            continue;
        }
        if line.nfc().collect::<String>() != *line {
            error(format!("{n}: not NFC: {line:?}"));
        } else if place_tone_marks(line) != *line {
            error(format!(
                "{n}: tone mark not on the first vowel of oa/oe/uy: {line:?}"
            ));
        }
        let fields: Vec<String> = line.split('\t').map(str::to_string).collect();
        if fields.len() != columns {
            error(format!(
                "{n}: {} fields, want {columns}: {line:?}",
                fields.len()
            ));
            continue;
        }
        for (i, f) in fields.iter().enumerate() {
            if f.trim() != f || f.contains("  ") {
                error(format!("{n}: stray spaces in field {}: {f:?}", i + 1));
            }
        }
        if fields[0].is_empty() {
            error(format!("{n}: empty first field"));
        }
        for &i in lists {
            let f = &fields[i];
            if !f.is_empty() && f.split('|').any(|v| v.is_empty() || v.trim() != v) {
                error(format!(
                    "{n}: empty or padded '|' value in field {}: {f:?}",
                    i + 1
                ));
            }
        }
        rows.push(fields);
    }
    if !UNSORTED.contains(&name) {
        if let Some(w) = rows.windows(2).find(|w| w[1][0] < w[0][0]) {
            error(format!("not sorted: {:?} before {:?}", w[0][0], w[1][0]));
        }
    }
    let mut seen = HashSet::new();
    for r in &rows {
        if !seen.insert(r.join("\t")) {
            error(format!("duplicate row: {:?}", r.join("\t")));
        }
    }
    if UNIQUE_FIRST.contains(&name) {
        let mut seen = HashSet::new();
        for r in &rows {
            if !seen.insert(&r[0]) {
                error(format!("first column repeats: {:?}", r[0]));
            }
        }
    }
    rows
}

/// Every value of `column` is one of `allowed`.
fn kinds(
    name: &str,
    rows: &[Vec<String>],
    column: usize,
    allowed: &[&str],
    errors: &mut Vec<String>,
) {
    for r in rows {
        if !allowed.contains(&r[column].as_str()) {
            errors.push(format!("{name}: bad kind {:?} for {}", r[column], r[0]));
        }
    }
}

/// The roles of `rows` (second column) are those of `allowed`, each with a word.
fn roles(name: &str, rows: &[Vec<String>], allowed: &[&str], errors: &mut Vec<String>) {
    let used: BTreeSet<&str> = rows.iter().map(|r| r[1].as_str()).collect();
    for role in &used {
        if !allowed.contains(role) {
            errors.push(format!("{name}: unknown role {role:?}"));
        }
    }
    for role in allowed {
        if !used.contains(role) {
            errors.push(format!("{name}: no word has role {role:?}"));
        }
    }
}

#[test]
fn every_data_file_follows_its_rules() {
    let mut errors = Vec::new();
    let data: BTreeMap<&str, Vec<Vec<String>>> = FILES
        .iter()
        .map(|&(name, columns, lists)| (name, read(name, columns, lists, &mut errors)))
        .collect();
    let e = &mut errors;

    let provinces = &data["provinces.tsv"];
    kinds("provinces.tsv", provinces, 1, &["tỉnh", "thành phố"], e);
    kinds(
        "provinces.tsv",
        provinces,
        3,
        &["before-2025", "since-2025", "both"],
        e,
    );
    let before = provinces.iter().filter(|r| r[3] != "since-2025").count();
    let since = provinces.iter().filter(|r| r[3] != "before-2025").count();
    if (before, since) != (63, 34) {
        e.push(format!(
            "provinces.tsv: {before} units before 2025 and {since} since, want 63 and 34"
        ));
    }
    kinds(
        "places.tsv",
        &data["places.tsv"],
        1,
        &["region", "sea", "city"],
        e,
    );
    let districts = &data["districts.tsv"];
    kinds(
        "districts.tsv",
        districts,
        1,
        &["quận", "huyện", "thị xã", "thành phố"],
        e,
    );
    let province_names: HashSet<&str> = provinces.iter().map(|r| r[0].as_str()).collect();
    for r in districts {
        if !province_names.contains(r[2].as_str()) {
            e.push(format!(
                "districts.tsv: province {:?} of {} is not in provinces.tsv",
                r[2], r[0]
            ));
        }
    }
    let countries = &data["countries.tsv"];
    if countries.len() < 197 {
        e.push(format!(
            "countries.tsv: {} rows, want at least 197",
            countries.len()
        ));
    }
    for r in countries.iter().filter(|r| r[2].is_empty()) {
        e.push(format!("countries.tsv: no capital for {}", r[0]));
    }
    let org_kinds = [
        "ministry",
        "party",
        "state",
        "police",
        "military",
        "court",
        "news",
        "international",
        "other",
    ];
    kinds(
        "organizations.tsv",
        &data["organizations.tsv"],
        2,
        &org_kinds,
        e,
    );
    kinds(
        "titles.tsv",
        &data["titles.tsv"],
        1,
        &["rank", "office", "honour"],
        e,
    );
    kinds(
        "titles.tsv",
        &data["titles.tsv"],
        2,
        &["yes", "no", "only"],
        e,
    );
    let offices = &data["offices.tsv"];
    roles("offices.tsv", offices, &OFFICE_ROLES, e);
    let homes: Vec<&str> = offices
        .iter()
        .filter(|r| r[1] == "home")
        .map(|r| r[0].as_str())
        .collect();
    if homes.len() != 1 || !countries.iter().any(|r| r[0] == homes[0]) {
        e.push(format!(
            "offices.tsv: want one home, a country of countries.tsv, not {homes:?}"
        ));
    }
    let event_kinds = [
        "holiday",
        "day",
        "festival",
        "fair",
        "games",
        "tournament",
        "summit",
        "forum",
        "exam",
        "war",
        "campaign",
        "series",
    ];
    kinds("events.tsv", &data["events.tsv"], 1, &event_kinds, e);
    let cues = &data["cues.tsv"];
    roles("cues.tsv", cues, &CUE_ROLES, e);
    let not_names = cues.iter().filter(|r| r[1] == "not_name").count();
    if not_names < 60 {
        e.push(format!(
            "cues.tsv: {not_names} not_name words, want at least 60"
        ));
    }
    let rule_words = &data["rule_words.tsv"];
    let rule_roles: Vec<&str> = WordRole::ALL.iter().map(|&(name, _)| name).collect();
    roles("rule_words.tsv", rule_words, &rule_roles, e);
    for r in rule_words {
        let as_written = WordRole::named(&r[1]).is_some_and(WordRole::as_written);
        if !as_written && r[0] != r[0].to_lowercase() {
            e.push(format!(
                "rule_words.tsv: {} word not lower-case: {:?}",
                r[1], r[0]
            ));
        }
    }
    if data["surnames.txt"].len() < 100 {
        e.push(format!(
            "surnames.txt: {} names, want at least 100",
            data["surnames.txt"].len()
        ));
    }
    let words = &data["words.txt"];
    if words.len() < 15_000 {
        e.push(format!(
            "words.txt: {} words, want at least 15000",
            words.len()
        ));
    }
    for r in words {
        let w = &r[0];
        if *w != w.to_lowercase() {
            e.push(format!("words.txt: not lower-case: {w:?}"));
        }
        if w.split(' ')
            .any(|s| s.is_empty() || s.chars().any(|c| !VIETNAMESE_LETTERS.contains(c)))
        {
            e.push(format!(
                "words.txt: not syllables of Vietnamese letters separated by one space: {w:?}"
            ));
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn every_data_file_is_checked() {
    let dir = format!("{}/data", env!("CARGO_MANIFEST_DIR"));
    let mut on_disk: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|f| f.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let mut checked: Vec<&str> = FILES.iter().map(|&(name, _, _)| name).collect();
    checked.sort();
    assert_eq!(on_disk, checked);
}
