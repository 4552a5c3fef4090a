//! The five seed articles of the default corpus, parsed as the build parses them.
//! Each expected date says which words of the text support it.

use std::path::PathBuf;

use doichieu_core::corpus::load;
use doichieu_core::{Article, Block, DateBasis, PartialDate};

fn seeds() -> Vec<Article> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let loaded = load(&[dir]);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.corpus.articles.len(), 5);
    loaded.corpus.articles
}

fn seed(id: &str) -> Article {
    seeds()
        .into_iter()
        .find(|a| a.id == id)
        .unwrap_or_else(|| panic!("no seed {id}"))
}

fn date(s: &str) -> Option<PartialDate> {
    PartialDate::parse(s)
}

fn captions(a: &Article) -> Vec<(&str, Option<&str>)> {
    a.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Caption { text, credit } => Some((text.as_str(), credit.as_deref())),
            Block::Paragraph(_) => None,
        })
        .collect()
}

#[test]
fn seed_000_is_dated_by_the_collection_list_as_its_text_gives_no_year() {
    // "ngày 10/2" opens the article, but no year is written for that day: the
    // years it speaks of ("trong năm 2020", "tháng 1/2020") do not date it.
    // The collection's list (corpus/articles.tsv) does.
    let a = seed("000_d71d6d785006cd22");
    assert_eq!(a.date, date("2020-02-10"));
    assert_eq!(a.date_basis, DateBasis::Sidecar);
    let text = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus/000_d71d6d785006cd22.txt"),
    )
    .unwrap();
    let parsed = doichieu_core::parse_article("000", &text, doichieu_core::FileKind::Text);
    assert_eq!(
        (parsed.date, parsed.date_basis),
        (None, DateBasis::DatelineWithoutYear { day: 10, month: 2 })
    );
    assert_eq!(a.source.as_deref(), Some("Chinhphu.vn/TTXVN"));
    assert!(a.title_derived);
    assert!(a
        .title
        .starts_with("Nhận lời mời của đồng chí Thượng tướng Vilay Lakhamphong"));
    assert!(a.title.ends_with('…'));
    let last = a.paragraphs().last().unwrap();
    assert!(
        last.ends_with("Đại sứ quán Việt Nam tại Lào."),
        "the closing ./. becomes a full stop: {last}"
    );
    assert!(captions(&a).is_empty());
}

#[test]
fn seed_001_is_dated_by_the_collection_list_as_its_text_gives_no_year() {
    // "chiều nay (15/1)" is the dateline; the years of the text ("vào đầu năm
    // 2016", "năm 2015") are not that day's, so the list gives the date.
    let a = seed("001_bd0708b9623de2e6");
    assert_eq!(a.date, date("2015-01-15"));
    assert_eq!(a.date_basis, DateBasis::Sidecar);
    assert_eq!(a.title, "Tăng cường hợp tác an ninh Việt Nam - Lào");
    assert!(!a.title_derived);
    assert_eq!(a.source.as_deref(), Some("VOV.VN"));
    assert!(a
        .paragraphs()
        .next()
        .unwrap()
        .starts_with("Bộ trưởng Trần Đại Quang thông báo"));
}

#[test]
fn seed_002_adds_the_dateline_day_to_its_header_month() {
    // Header "date 2023-12"; the dateline "ngày 6/12" is in that month.
    let a = seed("002_32c7cf5c29c9a34a");
    assert_eq!(a.date, date("2023-12-06"));
    assert_eq!(a.date_basis, DateBasis::HeaderAndDateline);
    assert_eq!(a.source.as_deref(), Some("TTXVN"));
    assert!(a
        .paragraphs()
        .next()
        .unwrap()
        .starts_with("Thứ trưởng Lương Tam Quang khẳng định"));
    let caps = captions(&a);
    assert_eq!(caps.len(), 2);
    assert_eq!(caps[0].1, Some("Phạm Kiên/TTXVN"));
    assert!(caps[0]
        .0
        .starts_with("Đại tướng Vilay Lakhamphong, Phó Thủ tướng"));
    assert!(
        a.paragraphs().all(|p| !p.contains("(Ảnh:")),
        "captions are not body text"
    );
}

#[test]
fn seed_003_keeps_its_header_month_when_no_day_is_given() {
    // Header "date 2025-01" and no day/month in the text: January 2025 is all it supports.
    let a = seed("003_75cddb8d0e4e5c0f");
    assert_eq!(a.date, date("2025-01"));
    assert_eq!(a.date_basis, DateBasis::Header);
    assert_eq!(captions(&a), [("Tổng Bí thư Tô Lâm tiếp Đại tướng Vilay Lakhamphong, Ủy viên Bộ Chính trị, Phó Thủ tướng Chính phủ, Bộ trưởng Công an Lào.", Some("Nhân dân"))]);
}

#[test]
fn seed_004_takes_the_year_of_its_dateline_written_in_full() {
    // Dateline "chiều 5/2"; later "diễn ra ngày 5/2/2026" gives that day's
    // year. "ngày 19/1 vừa qua" points back and is not the dateline.
    let a = seed("004_15f2b103da24010b");
    assert_eq!(a.date, date("2026-02-05"));
    assert_eq!(a.date_basis, DateBasis::DatelineAndFullDate);
    assert_eq!(a.source.as_deref(), Some("TTXVN"));
    assert_eq!(
        a.title,
        "Bộ trưởng Bộ Công an Lương Tam Quang thăm Cơ quan đại diện Bộ Công an Việt Nam tại Lào"
    );
    let caps = captions(&a);
    assert_eq!(caps.len(), 2);
    assert!(caps.iter().all(|c| c.1 == Some("TTXVN phát")));
}

#[test]
fn seed_text_is_normalised_to_one_tone_placement() {
    // The seeds write both "ma tuý" and "ma túy", "hoá" and "hóa".
    for a in seeds() {
        for p in a.paragraphs() {
            assert!(
                !p.contains("tuý") && !p.contains("hoá") && !p.contains("Uỷ"),
                "{}: {p}",
                a.id
            );
        }
    }
}
