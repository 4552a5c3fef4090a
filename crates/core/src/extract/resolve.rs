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
use std::rc::Rc;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::article::Article;
use crate::date::{classify, DateExpr, PartialDate};
use crate::entity::{entity_id, Entity, EntityType, Mention, Role};
use crate::extract::Extractor;
use crate::normalize::fold_ascii;

/// What extraction made of a corpus.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Extraction {
    /// Per article, in corpus order: its mentions by byte range of [`Article::text`].
    pub mentions: Vec<Vec<Mention>>,
    /// Every entity, by id.
    pub entities: Vec<Entity>,
}

/// Distinct strings, each numbered once.
#[derive(Default)]
struct Interner {
    numbers: HashMap<Box<str>, u32>,
    strings: Vec<Box<str>>,
}

impl Interner {
    fn number(&mut self, s: &str) -> u32 {
        if let Some(&n) = self.numbers.get(s) {
            return n;
        }
        let n = self.strings.len() as u32;
        self.strings.push(s.into());
        self.numbers.insert(s.into(), n);
        n
    }

    fn get(&self, n: u32) -> &str {
        &self.strings[n as usize]
    }
}

/// The entities made so far, in the order they were first met.
#[derive(Default)]
struct Book {
    entities: Vec<Entity>,
    /// Per type, the entity of each name.
    by_name: [HashMap<Box<str>, u32>; EntityType::ALL.len()],
    /// (entity, spelling) pairs already among the entity's aliases: sets
    /// beside the lists, which grow long for entities named in many articles.
    aliases_seen: HashSet<(u32, u32)>,
}

impl Book {
    /// Counts a mention of the entity of type `kind` named `name`, written
    /// `text` (spelling number `spelling`) in the article `article_id`.
    fn mention(
        &mut self,
        kind: EntityType,
        name: &str,
        text: &str,
        spelling: u32,
        article_id: &str,
    ) -> u32 {
        let names = &mut self.by_name[kind as usize];
        let index = match names.get(name) {
            Some(&index) => index,
            None => {
                let index = self.entities.len() as u32;
                self.entities.push(Entity {
                    id: entity_id(kind, name),
                    name: name.to_string(),
                    kind,
                    aliases: Vec::new(),
                    articles: Vec::new(),
                    roles: Vec::new(),
                });
                names.insert(name.into(), index);
                index
            }
        };
        let entity = &mut self.entities[index as usize];
        if text != entity.name && self.aliases_seen.insert((index, spelling)) {
            entity.aliases.push(text.to_string());
        }
        if entity.articles.last().map(String::as_str) != Some(article_id) {
            entity.articles.push(article_id.to_string());
        }
        index
    }
}

/// A person's mention, whose entity is known only once every article is read.
struct PersonMention {
    article: u32,
    /// Where the mention is in its article's list.
    slot: u32,
    spelling: u32,
    /// The name a list gives the person, if any.
    canonical: Option<String>,
}

/// Extracts and resolves every article.
///
/// Each article's text is made, read and let go in turn: what is kept is
/// the mentions' offsets and types, each distinct spelling once, and the
/// entities. Entities of other types are known at once; people wait until
/// all their mentions are in, as a short reference may stand for a name
/// written in another article.
pub fn extract_corpus(articles: &[Article], extractor: &Extractor) -> Extraction {
    let mut spellings = Interner::default();
    let mut book = Book::default();
    let mut people: Vec<PersonMention> = Vec::new();
    // Per article, its mentions as (start, end, type, entity); a person's
    // entity is filled in later.
    let mut found: Vec<Vec<(u32, u32, EntityType, u32)>> = Vec::with_capacity(articles.len());
    // (article, slot of the person, title as written).
    let mut titled: Vec<(u32, u32, Box<str>)> = Vec::new();
    for (index, article) in articles.iter().enumerate() {
        let text = article.text();
        let mentions = extractor.extract_text(&text);
        let mut spans = Vec::with_capacity(mentions.len());
        for (slot, m) in mentions.into_iter().enumerate() {
            let spelling = spellings.number(m.text);
            let entity = match m.kind {
                EntityType::Person => {
                    people.push(PersonMention {
                        article: index as u32,
                        slot: slot as u32,
                        spelling,
                        canonical: m.canonical,
                    });
                    u32::MAX
                }
                EntityType::Date => {
                    let name = date_name(m.text, article.date);
                    book.mention(m.kind, &name, m.text, spelling, &article.id)
                }
                kind => {
                    let name = m.canonical.as_deref().unwrap_or(m.text);
                    book.mention(kind, name, m.text, spelling, &article.id)
                }
            };
            spans.push((m.start as u32, m.end as u32, m.kind, entity));
        }
        for (person, title) in crate::extract::roles::attach(&text, &spans) {
            let (start, end) = (spans[title].0 as usize, spans[title].1 as usize);
            titled.push((index as u32, person as u32, text[start..end].into()));
        }
        found.push(spans);
    }

    let clusters = resolve_people(&people, &spellings);
    for (p, cluster) in people.iter().zip(&clusters.of_mention) {
        let text = spellings.get(p.spelling);
        let name = match cluster {
            Some(c) => clusters.canonical[*c].as_str(),
            None => p.canonical.as_deref().unwrap_or(text),
        };
        let article_id = &articles[p.article as usize].id;
        let entity = book.mention(EntityType::Person, name, text, p.spelling, article_id);
        found[p.article as usize][p.slot as usize].3 = entity;
    }

    // Two names may fold to one id ("Hòa Bình" and "Hoà Bình" cannot, being
    // normalised, but "Lao" and "Lào" can): one entity per id, the first
    // kept, with the spellings and articles of the others.
    let (mut entities, merged_into) = merge_same_ids(book.entities);
    let ids: Vec<Rc<str>> = entities.iter().map(|e| Rc::from(e.id.as_str())).collect();
    let mentions: Vec<Vec<Mention>> = found
        .iter()
        .map(|spans| {
            spans
                .iter()
                .map(|&(start, end, kind, entity)| Mention {
                    start,
                    end,
                    kind,
                    entity: Rc::clone(&ids[merged_into[entity as usize] as usize]),
                })
                .collect()
        })
        .collect();
    // Each role once per entity.
    let mut roles_seen: HashSet<(u32, &str, Option<PartialDate>, &str)> = HashSet::default();
    for (a, person, title) in &titled {
        let article = &articles[*a as usize];
        let e = merged_into[found[*a as usize][*person as usize].3 as usize];
        if roles_seen.insert((e, &article.id, article.date, title)) {
            entities[e as usize].roles.push(Role {
                article: article.id.clone(),
                date: article.date,
                title: title.to_string(),
            });
        }
    }
    Extraction { mentions, entities }
}

/// The entities sorted by id, those that share an id merged into the first
/// of them; and where each entity went.
fn merge_same_ids(entities: Vec<Entity>) -> (Vec<Entity>, Vec<u32>) {
    let mut order: Vec<u32> = (0..entities.len() as u32).collect();
    // Stable: of entities sharing an id, the first made comes first.
    order.sort_by(|&a, &b| entities[a as usize].id.cmp(&entities[b as usize].id));
    let mut slots: Vec<Option<Entity>> = entities.into_iter().map(Some).collect();
    let mut merged: Vec<Entity> = Vec::with_capacity(slots.len());
    let mut merged_into = vec![0u32; slots.len()];
    for i in order {
        let e = slots[i as usize].take().expect("each entity is met once");
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
        merged_into[i as usize] = merged.len() as u32 - 1;
    }
    (merged, merged_into)
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
        Some(DateExpr::Month { .. } | DateExpr::Quarter { .. }) | None => None,
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

/// People's names clustered: per mention, its cluster if it has one, and
/// each cluster's canonical spelling.
struct People {
    of_mention: Vec<Option<usize>>,
    canonical: Vec<String>,
}

fn resolve_people(people: &[PersonMention], spellings: &Interner) -> People {
    let text = |i: usize| spellings.get(people[i].spelling);
    let is_full = |i: usize| text(i).contains(' ');
    // Each spelling folded once: a name recurs in many mentions.
    let mut keys: HashMap<u32, String> = HashMap::default();
    for p in people {
        keys.entry(p.spelling)
            .or_insert_with(|| person_key(spellings.get(p.spelling)));
    }
    // Full names (two or more words) clustered by their folded letters, and with
    // spellings one letter shorter at the end, for long names ("lakhamphon").
    let mut cluster_of_key: HashMap<&str, usize> = HashMap::default();
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    for i in (0..people.len()).filter(|&i| is_full(i)) {
        let key = keys[&people[i].spelling].as_str();
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
                *spellings.entry(text(m)).or_default() += 1;
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
    let mut in_article: HashMap<(u32, &str), Candidates> = HashMap::default();
    let mut in_corpus: HashMap<&str, Candidates> = HashMap::default();
    for (cluster, members) in clusters.iter().enumerate() {
        let mut articles: Vec<u32> = members.iter().map(|&m| people[m].article).collect();
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
    let mut of_mention: Vec<Option<usize>> = vec![None; people.len()];
    for (c, members) in clusters.iter().enumerate() {
        for &m in members {
            of_mention[m] = Some(c);
        }
    }
    // A short reference is the one name it fits in its article, else in the corpus.
    for i in (0..people.len()).filter(|&i| !is_full(i)) {
        let short = keys[&people[i].spelling].as_str();
        let choice = match in_article.get(&(people[i].article, short)) {
            Some(Candidates::One(cluster)) => Some(*cluster),
            Some(Candidates::Many) => None,
            Some(Candidates::None) | None => match in_corpus.get(short) {
                Some(Candidates::One(cluster)) => Some(*cluster),
                _ => None,
            },
        };
        of_mention[i] = choice;
    }
    People {
        of_mention,
        canonical,
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
