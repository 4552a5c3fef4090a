//! Which person each title is attached to, measured on news written for it
//! (`tests/attachment/`, every person–title pair annotated before the
//! extractor ran): precision and recall of the (article, person, title)
//! pairs the extraction gives as roles.
//!
//! A pair found is right when the article has an annotated pair of that
//! person (the entity's name or one of its spellings, or a part of the name
//! as annotated: "Abdel Fattah" of "Abdel Fattah al-Sisi") whose title holds the
//! title found or is held by it ("Chủ tịch" for "Chủ tịch JICA" is the
//! right person with less of the title; "nguyên Chủ tịch …" is annotated
//! as written). What is measured is the holder, not the title's span.

use std::path::Path;

use doichieu_core::corpus::load;
use doichieu_core::entity::EntityType;
use doichieu_core::extract::Extractor;

struct Pair {
    article: String,
    person: String,
    title: String,
}

fn same_title(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    a.contains(&b) || b.contains(&a)
}

#[test]
fn titles_are_attached_to_their_holders() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/attachment");
    let truth = std::fs::read_to_string(folder.join("pairs.tsv")).expect("pairs.tsv is readable");
    let annotated: Vec<Pair> = truth
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 3, "pairs.tsv: id, person, title: {l:?}");
            Pair {
                article: f[0].into(),
                person: f[1].into(),
                title: f[2].into(),
            }
        })
        .collect();
    let loaded = load(&[folder]);
    assert!(!loaded.has_errors(), "{:?}", loaded.problems);
    let mut corpus = loaded.corpus;
    corpus.annotate(&Extractor::default());

    let mut found: Vec<(Pair, bool)> = Vec::new();
    let mut matched = vec![false; annotated.len()];
    for e in corpus
        .entities
        .iter()
        .filter(|e| e.kind == EntityType::Person)
    {
        let names: Vec<&str> = std::iter::once(e.name.as_str())
            .chain(e.aliases.iter().map(String::as_str))
            .collect();
        for role in &e.roles {
            let pair = Pair {
                article: role.article.clone(),
                person: e.name.clone(),
                title: role.text.clone(),
            };
            if found.iter().any(|(p, _)| {
                p.article == pair.article && p.person == pair.person && p.title == pair.title
            }) {
                continue;
            }
            let mut right = false;
            for (k, a) in annotated.iter().enumerate() {
                if a.article == pair.article
                    && names.iter().any(|n| a.person.contains(n))
                    && same_title(&a.title, &pair.title)
                {
                    matched[k] = true;
                    right = true;
                }
            }
            found.push((pair, right));
        }
    }
    let right = found.iter().filter(|(_, r)| *r).count();
    let recalled = matched.iter().filter(|m| **m).count();
    let precision = right as f64 / found.len().max(1) as f64;
    let recall = recalled as f64 / annotated.len() as f64;
    println!(
        "person–title pairs: {} annotated, {} found, {right} right: precision {precision:.3}, recall {recall:.3}",
        annotated.len(),
        found.len()
    );
    for (p, _) in found.iter().filter(|(_, r)| !*r) {
        println!("  wrong: {} {} ← {}", p.article, p.person, p.title);
    }
    for (a, _) in annotated.iter().zip(&matched).filter(|(_, m)| !**m) {
        println!("  missed: {} {} ← {}", a.article, a.person, a.title);
    }
    assert!(annotated.len() >= 50, "{} pairs annotated", annotated.len());
    assert!(precision >= 0.95, "precision {precision:.3}");
    assert!(recall >= 0.80, "recall {recall:.3}");
}
