//! What extraction must get right on the default corpus, entity by entity.

use std::path::PathBuf;

use doichieu_core::corpus::{load, Corpus};
use doichieu_core::entity::{Entity, EntityType};
use doichieu_core::extract::resolve::{extract_corpus, Extraction};
use doichieu_core::extract::Extractor;
use doichieu_core::profile::{holders, tenures};
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
    in_context(articles, x)
        .into_iter()
        .map(|(_, text, _, kind, entity)| (text, kind, entity))
        .collect()
}

/// Every mention as (text before it, its text, text after it, type, entity).
fn in_context(
    articles: &[Article],
    x: &Extraction,
) -> Vec<(String, String, String, EntityType, String)> {
    articles
        .iter()
        .zip(&x.mentions)
        .flat_map(|(a, ms)| {
            let text = a.text();
            ms.iter()
                .map(|m| {
                    let (start, end) = (m.start as usize, m.end as usize);
                    (
                        text[..start].to_string(),
                        text[start..end].to_string(),
                        text[end..].to_string(),
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
            .any(|r| r.date.map(|d| d.to_string()).as_deref() == Some(date) && r.text == title)
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
            .any(|r| r.text.starts_with("Chủ tịch nước")),
        "{:?}",
        to_lam.roles
    );
}

#[test]
fn titles_naming_one_office_of_one_country_are_one_entity_and_another_country_s_minister_has_his_own(
) {
    let (articles, x) = extraction();
    let all = in_context(&articles, &x);
    let office_of = |text: &str, before: &str, after: &str| -> Vec<&str> {
        all.iter()
            .filter(|m| {
                m.3 == EntityType::Title
                    && m.1 == text
                    && m.0.ends_with(before)
                    && m.2.starts_with(after)
            })
            .map(|m| m.4.as_str())
            .collect()
    };
    let vietnam = "title:bo-truong-bo-cong-an";
    let laos = "title:bo-truong-bo-cong-an-lao";
    // Tô Lâm's office, in three spellings.
    for (text, after) in [
        ("Bộ trưởng Bộ Công an", " làm trưởng đoàn"),
        ("Bộ trưởng Công an", " Tô Lâm"),
        ("Bộ trưởng Bộ Công an Việt Nam", " tới"),
        ("Bộ trưởng Bộ Công an", " Lương Tam Quang"),
    ] {
        assert_eq!(office_of(text, "", after), [vietnam], "{text} {after}");
    }
    // Laos' minister's office, in four, one of them the same words as Vietnam's.
    for (text, after) in [
        ("Bộ trưởng Bộ Công an Lào", ""),
        ("Bộ trưởng Bộ Công an nước Lào", ""),
        ("Bộ trưởng Công an Lào", ""),
        ("Bộ trưởng Bộ Công an", " Vilay Lakhamphong"),
    ] {
        let found = office_of(text, "", after);
        assert!(!found.is_empty(), "{text} {after} is not a mention");
        assert!(
            found.iter().all(|e| *e == laos),
            "{text} {after}: {found:?}"
        );
    }
    let minister = |id: &str| entity(&x, id).clone();
    let (vn, lao) = (minister(vietnam), minister(laos));
    assert_eq!(vn.name, "Bộ trưởng Bộ Công an");
    for alias in ["Bộ trưởng Công an", "Bộ trưởng Bộ Công an Việt Nam"] {
        assert!(vn.aliases.contains(&alias.to_string()), "{:?}", vn.aliases);
    }
    assert_eq!(lao.name, "Bộ trưởng Bộ Công an Lào");
    for alias in [
        "Bộ trưởng Bộ Công an nước Lào",
        "Bộ trưởng Công an Lào",
        "Bộ trưởng Bộ Công an",
    ] {
        assert!(
            lao.aliases.contains(&alias.to_string()),
            "{:?}",
            lao.aliases
        );
    }
    // No other entity for either office.
    let ministers: Vec<&str> = x
        .entities
        .iter()
        .filter(|e| e.id.starts_with("title:bo-truong-") && e.id.contains("cong-an"))
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(ministers, [vietnam, laos]);
}

#[test]
fn a_body_named_without_its_country_is_the_country_of_what_it_is_said_of() {
    let (articles, x) = extraction();
    let all = in_context(&articles, &x);
    // "Bộ trưởng Bộ Công an Vilay Lakhamphong": the Lao ministry.
    let lao_minister_s: Vec<&str> = all
        .iter()
        .filter(|m| {
            m.3 == EntityType::Organization
                && m.1 == "Bộ Công an"
                && m.0.ends_with("Bộ trưởng ")
                && m.2.starts_with(" Vilay")
        })
        .map(|m| m.4.as_str())
        .collect();
    assert_eq!(
        lao_minister_s,
        ["organization:bo-cong-an-lao", "organization:bo-cong-an-lao"]
    );
    // "hai Bộ Công an", "Bộ Công an hai nước": both ministries, never Vietnam's.
    for m in all.iter().filter(|m| m.4 == "organization:bo-cong-an") {
        assert!(
            !m.0.ends_with("hai ") && !m.2.starts_with(" hai nước"),
            "{:?} before {:?} is said of two countries",
            m.1,
            &m.2[..m.2.len().min(20)]
        );
    }
    let said_of_two = all.iter().filter(|m| {
        m.3 == EntityType::Organization && (m.0.ends_with("hai ") || m.2.starts_with(" hai nước"))
    });
    assert_eq!(said_of_two.count(), 0);
}

#[test]
fn an_embassy_is_one_body_its_ambassador_holds_his_title_across_a_dash_and_the_agency_of_a_dateline_is_a_mention(
) {
    let (articles, x) = extraction();
    let all = in_context(&articles, &x);
    resolves(
        &mentions(&articles, &x),
        "Đại sứ quán Việt Nam tại Lào",
        "organization:dai-su-quan-viet-nam-tai-lao",
    );
    assert!(
        all.iter()
            .all(|m| !(m.3 == EntityType::Title && m.2.starts_with(" quán"))),
        "the embassy is no title"
    );
    let ambassador = entity(&x, "person:nguyen-ba-hung");
    let roles: Vec<(&str, &str)> = ambassador
        .roles
        .iter()
        .map(|r| (r.title.as_str(), r.text.as_str()))
        .collect();
    assert_eq!(
        roles,
        [("title:dai-su-viet-nam-tai-lao", "Đại sứ Việt Nam")]
    );
    let datelines = all.iter().filter(|m| {
        m.1 == "TTXVN" && m.0.ends_with("Theo phóng viên ") && m.2.starts_with(" tại Lào")
    });
    let ids: Vec<&str> = datelines.map(|m| m.4.as_str()).collect();
    assert_eq!(ids, ["organization:ttxvn"]);
}

#[test]
fn a_person_has_one_lane_per_office_and_an_office_lists_who_held_it_when() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let mut corpus: Corpus = load(&[dir]).corpus;
    corpus.annotate(&Extractor::default());
    let to_lam = corpus.entity_index("person:to-lam").unwrap();
    let (dated, _) = tenures(&corpus, to_lam);
    let lanes: Vec<(&str, &str, String, String)> = dated
        .iter()
        .map(|t| {
            (
                t.office.as_str(),
                t.title.as_str(),
                t.first.to_string(),
                t.last.to_string(),
            )
        })
        .collect();
    let minister = lanes
        .iter()
        .filter(|l| l.0.starts_with("title:bo-truong"))
        .collect::<Vec<_>>();
    assert_eq!(
        minister,
        [&(
            "title:bo-truong-bo-cong-an",
            "Bộ trưởng Bộ Công an",
            "2020-02-10".to_string(),
            "2023-12-06".to_string()
        )],
        "{lanes:?}"
    );
    assert!(lanes.iter().any(|l| l.1 == "Tổng Bí thư"), "{lanes:?}");
    // Each role keeps its words, and names its office.
    let role = &corpus.entities[to_lam]
        .roles
        .iter()
        .find(|r| r.text == "Bộ trưởng Công an")
        .unwrap();
    assert_eq!(role.title, "title:bo-truong-bo-cong-an");

    let held_by = |office: &str| -> Vec<(String, Option<String>, Option<String>)> {
        let index = corpus.entity_index(office).unwrap();
        holders(&corpus, index)
            .into_iter()
            .map(|h| {
                (
                    corpus.entities[h.person].name.clone(),
                    h.first.map(|d| d.to_string()),
                    h.last.map(|d| d.to_string()),
                )
            })
            .collect()
    };
    let date = |d: &str| Some(d.to_string());
    assert_eq!(
        held_by("title:bo-truong-bo-cong-an"),
        [
            ("Tô Lâm".to_string(), date("2020-02-10"), date("2023-12-06")),
            (
                "Lương Tam Quang".to_string(),
                date("2026-02-05"),
                date("2026-02-05")
            ),
        ]
    );
    assert_eq!(
        held_by("title:bo-truong-bo-cong-an-lao"),
        [
            (
                "Vilay Lakhamphong".to_string(),
                date("2023-12-06"),
                date("2025-01")
            ),
            (
                "Vanthong Kongmani".to_string(),
                date("2026-02-05"),
                date("2026-02-05")
            ),
        ]
    );
}
