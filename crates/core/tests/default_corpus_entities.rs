//! What extraction must get right on the default corpus, entity by entity.

use std::path::PathBuf;

use doichieu_core::corpus::load;
use doichieu_core::entity::{Entity, EntityType};
use doichieu_core::extract::resolve::{extract_corpus, Extraction};
use doichieu_core::extract::Extractor;
use doichieu_core::Article;

fn extraction() -> (Vec<Article>, Extraction) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let articles = load(&[dir]).corpus.articles;
    let extraction = extract_corpus(&articles, &Extractor::default());
    (articles, extraction)
}

fn entity<'a>(x: &'a Extraction, id: &str) -> &'a Entity {
    x.entities
        .iter()
        .find(|e| e.id == id)
        .unwrap_or_else(|| panic!("no entity {id}"))
}

/// Every (text, type, entity) mention in the corpus.
fn mentions(articles: &[Article], x: &Extraction) -> Vec<(String, EntityType, String)> {
    articles
        .iter()
        .zip(&x.mentions)
        .flat_map(|(a, ms)| {
            let text = a.text();
            ms.iter()
                .map(move |m| {
                    (
                        text[m.start as usize..m.end as usize].to_string(),
                        m.kind,
                        m.entity.to_string(),
                    )
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

fn resolves(all: &[(String, EntityType, String)], text: &str, id: &str) {
    let found: Vec<&String> = all.iter().filter(|m| m.0 == text).map(|m| &m.2).collect();
    assert!(!found.is_empty(), "{text:?} is not a mention");
    assert!(
        found.iter().all(|e| *e == id),
        "{text:?} resolves to {found:?}, not {id}"
    );
}

#[test]
fn spellings_short_references_and_exonyms_resolve_to_one_entity() {
    let (articles, x) = extraction();
    let all = mentions(&articles, &x);
    resolves(&all, "Vilay Lakhamphon", "person:vilay-lakhamphong");
    resolves(&all, "Vilay", "person:vilay-lakhamphong");
    resolves(
        &all,
        "Kong Thong Phongvichit",
        "person:kongthong-phongvichit",
    );
    resolves(&all, "Kongthong", "person:kongthong-phongvichit");
    resolves(&all, "Viêng Chăn", "location:vientiane");
    resolves(&all, "CHDCND Lào", "location:lao");
    let vilay = entity(&x, "person:vilay-lakhamphong");
    assert!(vilay.aliases.contains(&"Vilay Lakhamphon".to_string()));
}

#[test]
fn ranks_and_offices_are_titles_never_people() {
    let (articles, x) = extraction();
    let all = mentions(&articles, &x);
    for title in [
        "Thượng tướng",
        "Ủy viên Bộ Chính trị",
        "Bộ trưởng Bộ Công an",
        "Đại tướng",
        "Thứ trưởng",
    ] {
        assert!(
            all.iter().any(|m| m.0 == title && m.1 == EntityType::Title),
            "{title} is a title"
        );
    }
    assert!(all
        .iter()
        .filter(|m| m.1 == EntityType::Person)
        .all(|m| !m.0.starts_with("Bộ trưởng") && !m.0.contains("tướng")));
}

#[test]
fn a_photo_credit_gives_a_person_and_an_agency() {
    let (articles, x) = extraction();
    let all = mentions(&articles, &x);
    resolves(&all, "Phạm Kiên", "person:pham-kien");
    assert!(all
        .iter()
        .any(|m| m.0 == "TTXVN" && m.1 == EntityType::Organization));
}

#[test]
fn sentence_openers_are_not_entities() {
    let (articles, x) = extraction();
    let all = mentions(&articles, &x);
    for opener in ["Chiều", "Trước đó", "Tại", "Theo", "Nhân dịp này", "Đoàn"] {
        assert!(
            all.iter().all(|m| m.0 != opener),
            "{opener:?} is not an entity"
        );
    }
}

#[test]
fn dates_are_found_and_made_absolute() {
    let (articles, x) = extraction();
    let all = mentions(&articles, &x);
    resolves(&all, "tháng 1/2020", "date:2020-01");
    resolves(&all, "ngày 5/2/2026", "date:2026-02-05");
    resolves(&all, "năm 2024", "date:2024");
    // "10/2" in an article of 2020.
    assert!(all
        .iter()
        .any(|m| m.0 == "10/2" && m.2 == "date:2020-02-10"));
}

#[test]
fn to_lam_keeps_both_titles_with_their_dates() {
    let (_, x) = extraction();
    let to_lam = entity(&x, "person:to-lam");
    let has = |date: &str, title: &str| {
        to_lam
            .roles
            .iter()
            .any(|r| r.date.map(|d| d.to_string()).as_deref() == Some(date) && r.title == title)
    };
    assert!(
        has("2020-02-10", "Bộ trưởng Bộ Công an"),
        "{:?}",
        to_lam.roles
    );
    assert!(has("2025-01", "Tổng Bí thư"), "{:?}", to_lam.roles);
    assert!(
        !to_lam
            .roles
            .iter()
            .any(|r| r.title.starts_with("Chủ tịch nước")),
        "{:?}",
        to_lam.roles
    );
}
