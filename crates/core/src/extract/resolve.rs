//! Entity resolution over a whole corpus: mentions become entities.
//!
//! - Listed names carry their canonical name ("Viêng Chăn" → Vientiane,
//!   "CHDCND Lào" → Lào); places found by their administrative word are the
//!   place ("tỉnh Nghệ An" → Nghệ An).
//! - People: spellings that fold to the same letters are one person ("Kong
//!   Thong Phongvichit" = "Kongthong Phongvichit"), and so are names that
//!   differ by one letter at the end of a long family name ("Vilay
//!   Lakhamphon" = "Vilay Lakhamphong"); a short reference ("Vilay",
//!   "Kongthong") is the one person of the article, else of the corpus,
//!   whose name it begins (foreign names) or ends (Vietnamese given names).
//!   The canonical spelling is the most frequent.
//! - Dates become absolute where the article's date allows ("10/2" in an
//!   article of 2020 → 2020-02-10).
//! - Titles are attached to the people they qualify, with the article's date.

use std::borrow::Cow;
use std::collections::BTreeMap;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::article::Article;
use crate::date::{classify, DateExpr, PartialDate};
use crate::entity::{entity_id, Entity, EntityType, Mention, Role};
use crate::extract::{Extractor, Found};
use crate::normalize::fold_ascii;

/// What extraction made of a corpus.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Extraction {
    /// Per article, in corpus order: its mentions by byte range of [`Article::text`].
    pub mentions: Vec<Vec<Mention>>,
    /// Every entity, by id.
    pub entities: Vec<Entity>,
}

struct Raw<'a> {
    article: usize,
    found: Found<'a>,
    /// The entity's name before clustering: the text as written, the
    /// canonical name a list gives, or a date made absolute.
    key: Cow<'a, str>,
}

/// Extracts and resolves every article.
pub fn extract_corpus(articles: &[Article], extractor: &Extractor) -> Extraction {
    let texts: Vec<String> = articles.iter().map(Article::text).collect();
    let mut raws: Vec<Raw<'_>> = Vec::new();
    for (index, (article, text)) in articles.iter().zip(&texts).enumerate() {
        for mut found in extractor.extract_text(text) {
            let key = match found.kind {
                EntityType::Date => date_name(found.text, article.date),
                _ => found
                    .canonical
                    .take()
                    .map_or(Cow::Borrowed(found.text), Cow::Owned),
            };
            raws.push(Raw {
                article: index,
                found,
                key,
            });
        }
    }
    resolve_people(&mut raws);

    let mut mentions: Vec<Vec<Mention>> = vec![Vec::new(); articles.len()];
    let mut entities: Vec<Entity> = Vec::new();
    let mut by_key: HashMap<(EntityType, &str), usize> = HashMap::default();
    // Every spelling once per entity: sets beside the lists, which grow long
    // for entities named in many articles.
    let mut aliases_seen: HashSet<(usize, &str)> = HashSet::default();
    for raw in &raws {
        let index = *by_key.entry((raw.found.kind, &raw.key)).or_insert_with(|| {
            entities.push(Entity {
                id: entity_id(raw.found.kind, &raw.key),
                name: raw.key.to_string(),
                kind: raw.found.kind,
                aliases: Vec::new(),
                articles: Vec::new(),
                roles: Vec::new(),
            });
            entities.len() - 1
        });
        let entity = &mut entities[index];
        let text = raw.found.text;
        if text != entity.name && aliases_seen.insert((index, text)) {
            entity.aliases.push(text.to_string());
        }
        let article_id = articles[raw.article].id.as_str();
        if entity.articles.last().map(String::as_str) != Some(article_id) {
            entity.articles.push(article_id.to_string());
        }
        mentions[raw.article].push(Mention {
            start: raw.found.start as u32,
            end: raw.found.end as u32,
            kind: raw.found.kind,
            entity: entity.id.clone(),
        });
    }
    // Two names may fold to one id ("Hòa Bình" and "Hoà Bình" cannot, being
    // normalised, but "Lao" and "Lào" can): one entity per id, the first
    // kept, with the spellings and articles of the others.
    let mut entities = merge_same_ids(entities);
    // Each role once per entity.
    let mut roles_seen: HashSet<(usize, &str, Option<PartialDate>, &str)> = HashSet::default();
    for (index, article) in articles.iter().enumerate() {
        for (person, title) in crate::extract::roles::attach(&texts[index], &mentions[index]) {
            // Sorted by id: the person's entity is found by halving.
            let Ok(e) = entities.binary_search_by(|e| e.id.as_str().cmp(person)) else {
                continue;
            };
            if roles_seen.insert((e, &article.id, article.date, title)) {
                entities[e].roles.push(Role {
                    article: article.id.clone(),
                    date: article.date,
                    title: title.to_string(),
                });
            }
        }
    }
    Extraction { mentions, entities }
}

/// The entities sorted by id, those that share an id merged into the first
/// of them.
fn merge_same_ids(mut entities: Vec<Entity>) -> Vec<Entity> {
    let mut merged: Vec<Entity> = Vec::with_capacity(entities.len());
    // Stable: of entities sharing an id, the first made comes first.
    entities.sort_by(|a, b| a.id.cmp(&b.id));
    for e in entities {
        match merged.last_mut() {
            Some(last) if last.id == e.id => {
                let mut aliases: HashSet<String> = last.aliases.iter().cloned().collect();
                for alias in std::iter::once(e.name).chain(e.aliases) {
                    if alias != last.name && aliases.insert(alias.clone()) {
                        last.aliases.push(alias);
                    }
                }
                let mut articles: HashSet<String> = last.articles.iter().cloned().collect();
                for a in e.articles {
                    if articles.insert(a.clone()) {
                        last.articles.push(a);
                    }
                }
            }
            _ => merged.push(e),
        }
    }
    merged
}

/// A date's name: absolute when the text and the article's date allow.
fn date_name(text: &str, article_date: Option<PartialDate>) -> Cow<'_, str> {
    let numeric = text.split_whitespace().last().unwrap_or(text);
    let groups: Vec<&str> = numeric.split('/').collect();
    let year = article_date.map(|d| d.year);
    let resolved = match classify(&groups) {
        Some(DateExpr::Full { day, month, year }) => PartialDate::new(year, Some(month), Some(day)),
        Some(DateExpr::MonthYear { month, year }) => PartialDate::new(year, Some(month), None),
        Some(DateExpr::Year { year }) => PartialDate::new(year, None, None),
        Some(DateExpr::DayMonth { day, month }) => {
            year.and_then(|y| PartialDate::new(y, Some(month), Some(day)))
        }
        None => None,
    };
    resolved.map_or(Cow::Borrowed(text), |d| Cow::Owned(d.to_string()))
}

/// Folds a name to the letters that identify it: "Kong Thong" = "Kongthong".
fn person_key(name: &str) -> String {
    fold_ascii(name)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect()
}

fn resolve_people(raws: &mut [Raw<'_>]) {
    let people: Vec<usize> = (0..raws.len())
        .filter(|&i| raws[i].found.kind == EntityType::Person)
        .collect();
    let is_full = |i: usize| raws[i].found.text.contains(' ');
    // Each spelling folded once: a name recurs in many mentions.
    let mut keys: HashMap<&str, String> = HashMap::default();
    for &i in &people {
        let text = raws[i].found.text;
        keys.entry(text).or_insert_with(|| person_key(text));
    }
    // Full names (two or more words) clustered by their folded letters, and with
    // spellings one letter shorter at the end, for long names ("lakhamphon").
    let mut cluster_of_key: HashMap<&str, usize> = HashMap::default();
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    for &i in people.iter().filter(|&&i| is_full(i)) {
        let key = keys[raws[i].found.text].as_str();
        let shorter = (key.len() >= 11).then(|| &key[..key.len() - 1]);
        let found = cluster_of_key
            .get(key)
            .or_else(|| shorter.and_then(|s| cluster_of_key.get(s)))
            .copied();
        let cluster = found.unwrap_or_else(|| {
            clusters.push(Vec::new());
            clusters.len() - 1
        });
        clusters[cluster].push(i);
        cluster_of_key.entry(key).or_insert(cluster);
        if let Some(s) = shorter {
            cluster_of_key.entry(s).or_insert(cluster);
        }
    }
    // The canonical spelling of each cluster: its most frequent, then longest.
    let canonical: Vec<String> = clusters
        .iter()
        .map(|members| {
            let mut spellings: BTreeMap<&str, usize> = BTreeMap::new();
            for &m in members {
                *spellings.entry(raws[m].found.text).or_default() += 1;
            }
            spellings
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(a.0.len().cmp(&b.0.len())))
                .map(|(s, _)| s.to_string())
                .unwrap_or_default()
        })
        .collect();
    // What a short reference may be, and which names it fits, in each
    // article and in the corpus.
    let refs: Vec<Vec<String>> = canonical.iter().map(|n| short_references(n)).collect();
    let mut in_article: HashMap<(usize, &str), Candidates> = HashMap::default();
    let mut in_corpus: HashMap<&str, Candidates> = HashMap::default();
    for (cluster, members) in clusters.iter().enumerate() {
        let mut articles: Vec<usize> = members.iter().map(|&m| raws[m].article).collect();
        articles.dedup();
        for r in &refs[cluster] {
            in_corpus.entry(r).or_default().add(cluster, &canonical);
            for &a in &articles {
                in_article
                    .entry((a, r))
                    .or_default()
                    .add(cluster, &canonical);
            }
        }
    }
    // A short reference is the one name it fits in its article, else in the corpus.
    let mut chosen: Vec<(usize, usize)> = Vec::new();
    for &i in people.iter().filter(|&&i| !is_full(i)) {
        let short = keys[raws[i].found.text].as_str();
        let choice = match in_article.get(&(raws[i].article, short)) {
            Some(Candidates::One(cluster)) => Some(*cluster),
            Some(Candidates::Many) => None,
            Some(Candidates::None) | None => match in_corpus.get(short) {
                Some(Candidates::One(cluster)) => Some(*cluster),
                _ => None,
            },
        };
        if let Some(cluster) = choice {
            chosen.push((i, cluster));
        }
    }
    let of_cluster = clusters
        .iter()
        .enumerate()
        .flat_map(|(c, members)| members.iter().map(move |&m| (m, c)));
    let assigned: Vec<(usize, usize)> = of_cluster.chain(chosen).collect();
    for (i, cluster) in assigned {
        raws[i].key = Cow::Owned(canonical[cluster].clone());
    }
}

/// The short references a full name may be known by, folded: its first
/// words run together ("vilay", "kongthong") and its last word ("quang").
fn short_references(name: &str) -> Vec<String> {
    let words: Vec<String> = name.split(' ').map(person_key).collect();
    let mut refs: Vec<String> = Vec::new();
    let mut joined = String::new();
    for w in &words[..words.len() - 1] {
        joined.push_str(w);
        refs.push(joined.clone());
    }
    refs.extend(words.last().cloned());
    refs
}

/// The distinct names a short reference may stand for, as far as telling
/// none, one and several apart needs.
#[derive(Default)]
enum Candidates {
    #[default]
    None,
    /// One name, by its cluster.
    One(usize),
    Many,
}

impl Candidates {
    /// Counts the name of `cluster` in, unless the same name is in already.
    fn add(&mut self, cluster: usize, canonical: &[String]) {
        *self = match *self {
            Candidates::None => Candidates::One(cluster),
            Candidates::One(c) if canonical[c] == canonical[cluster] => Candidates::One(c),
            _ => Candidates::Many,
        };
    }
}
