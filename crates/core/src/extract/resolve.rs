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
//! - Dates become absolute, as the date recognizer read them, where the
//!   article's date allows ("10/2" in an article of 2020 → 2020-02-10,
//!   "ngày 10 tháng 2 năm 2020" → 2020-02-10).
//! - Titles are offices: the spellings of one office of one country are one
//!   entity ("Bộ trưởng Công an" = "Bộ trưởng Bộ Công an Việt Nam" =
//!   "Bộ trưởng Bộ Công an"), whose country is the one its words name, else
//!   its holder's, and a body inside it named without a country is of the
//!   office's country ([`crate::extract::office`]).
//! - Titles are attached to the people they qualify, with the article's
//!   date, by office (the title entity's id) and as written.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::rc::Rc;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::article::Article;
use crate::date::{DateExpr, PartialDate};
use crate::entity::{entity_id, Entity, EntityType, Mention, Role};
use crate::extract::gazetteer::Gazetteer;
use crate::extract::office::{body_of, country_at_end, Office};
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
    /// Per entity, its articles by their place in the corpus: in order,
    /// but for an entity given an article before its last one (a body
    /// inside a title is known after the other mentions).
    articles: Vec<Vec<u32>>,
    /// Those entities, to sort once at the end.
    out_of_order: Vec<u32>,
}

impl Book {
    /// Counts a mention of the entity of type `kind` named `name`, written
    /// `text` (spelling number `spelling`) in the article at `place` in
    /// the corpus.
    fn mention(
        &mut self,
        kind: EntityType,
        name: &str,
        text: &str,
        spelling: u32,
        place: u32,
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
                self.articles.push(Vec::new());
                names.insert(name.into(), index);
                index
            }
        };
        let entity = &mut self.entities[index as usize];
        if text != entity.name && self.aliases_seen.insert((index, spelling)) {
            entity.aliases.push(text.to_string());
        }
        let places = &mut self.articles[index as usize];
        match places.last() {
            Some(&last) if last == place => {}
            Some(&last) if last > place => {
                places.push(place);
                self.out_of_order.push(index);
            }
            _ => places.push(place),
        }
        index
    }

    /// The entities, each with its articles in corpus order.
    fn into_entities(mut self, articles: &[Article]) -> Vec<Entity> {
        for &e in &self.out_of_order {
            let places = &mut self.articles[e as usize];
            places.sort_unstable();
            places.dedup();
        }
        for (entity, places) in self.entities.iter_mut().zip(self.articles) {
            entity.articles = places
                .into_iter()
                .map(|p| articles[p as usize].id.clone())
                .collect();
        }
        self.entities
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

/// A title's mention, whose entity is known once its holder's country is.
struct TitleMention {
    article: u32,
    slot: u32,
    spelling: u32,
    /// What its words name, if they open with a listed title.
    office: Option<Rc<Office>>,
    /// The place an office abroad stands in ("tại Lào" after it).
    place: Option<String>,
    /// Its name when it is no office: its listed name, or as written.
    plain: Option<String>,
    /// The one country named by the titles listed with it ("Tổng Bí thư,
    /// Chủ tịch nước và Thủ tướng Chính phủ Lào").
    listed_with: Option<String>,
    /// The organisations inside it ("Bộ trưởng [Bộ Công an]"), as
    /// (slot, spelling, name).
    bodies: Vec<(u32, u32, String)>,
}

/// Extracts and resolves every article.
///
/// Each article's text is made, read and let go in turn: what is kept is
/// the mentions' offsets and types, each distinct spelling once, and the
/// entities. Entities of most types are known at once; people wait until
/// all their mentions are in, as a short reference may stand for a name
/// written in another article; titles, and the bodies inside them, wait
/// for their holders, whose country is that of an office whose words name
/// none ([`crate::extract::office`]).
pub fn extract_corpus(articles: &[Article], extractor: &Extractor) -> Extraction {
    extract_corpus_telling(articles, extractor, &mut |_| {})
}

/// [`extract_corpus`], telling `progress` how many articles are read.
pub fn extract_corpus_telling(
    articles: &[Article],
    extractor: &Extractor,
    progress: &mut dyn FnMut(usize),
) -> Extraction {
    let mut timing = crate::timing::Spans::start();
    let g = extractor.gazetteer();
    let mut spellings = Interner::default();
    let mut book = Book::default();
    let mut people: Vec<PersonMention> = Vec::new();
    let mut titles: Vec<TitleMention> = Vec::new();
    // What each distinct spelling of a title names, read once.
    let mut offices: HashMap<u32, Option<Rc<Office>>> = HashMap::default();
    // What each spelling of a date names, read once per year of the
    // articles it is written in ("ngày 10/2" is of its article's year).
    let mut dates: HashMap<(u32, Option<u16>), Rc<str>> = HashMap::default();
    // Per article, its mentions as (start, end, type, entity); the entity
    // of a person, a title or a body inside a title is filled in later (a
    // title's holds its place in `titles` until then).
    let mut found: Vec<Vec<(u32, u32, EntityType, u32)>> = Vec::with_capacity(articles.len());
    // (article, slot of the person, title's place in `titles`), for the
    // titles a person holds and for those said right beside a name.
    let mut titled: Vec<(u32, u32, u32)> = Vec::new();
    let mut beside: Vec<(u32, u32, u32)> = Vec::new();
    // Each article's mentions, taken in the order of the articles.
    let mut take = |index: usize, text: &str, mentions: &[Found<'_>]| {
        let article = &articles[index];
        progress(index + 1);
        let mut spans = Vec::with_capacity(mentions.len());
        // The title being read, by its place in `titles`, and where it ends.
        let mut inside: Option<(usize, usize)> = None;
        for (slot, m) in mentions.iter().enumerate() {
            let spelling = spellings.number(m.text);
            let in_title = inside.filter(|&(_, end)| m.end <= end).map(|(t, _)| t);
            let entity = match m.kind {
                EntityType::Person => {
                    people.push(PersonMention {
                        article: index as u32,
                        slot: slot as u32,
                        spelling,
                        canonical: m.canonical.clone(),
                    });
                    u32::MAX
                }
                EntityType::Date => {
                    let name = dates
                        .entry((spelling, article.date.map(|d| d.year)))
                        .or_insert_with(|| date_name(m.text, article.date).into())
                        .clone();
                    book.mention(m.kind, &name, m.text, spelling, index as u32)
                }
                EntityType::Title => {
                    let office = offices
                        .entry(spelling)
                        .or_insert_with(|| Office::read(m.text, g).map(Rc::new))
                        .clone();
                    let place = office
                        .as_ref()
                        .filter(|o| o.abroad)
                        .and_then(|_| place_after(text, mentions, slot, g));
                    let plain = office
                        .is_none()
                        .then(|| m.canonical.as_deref().unwrap_or(m.text).to_string());
                    let place_in_titles = titles.len() as u32;
                    inside = Some((titles.len(), m.end));
                    titles.push(TitleMention {
                        article: index as u32,
                        slot: slot as u32,
                        spelling,
                        office,
                        place,
                        plain,
                        listed_with: None,
                        bodies: Vec::new(),
                    });
                    place_in_titles
                }
                EntityType::Organization if in_title.is_some() => {
                    let name = m.canonical.as_deref().unwrap_or(m.text).to_string();
                    if let Some(t) = in_title {
                        titles[t].bodies.push((slot as u32, spelling, name));
                    }
                    u32::MAX
                }
                kind => {
                    let name = m.canonical.as_deref().unwrap_or(m.text);
                    book.mention(kind, name, m.text, spelling, index as u32)
                }
            };
            spans.push((m.start as u32, m.end as u32, m.kind, entity));
        }
        let mut held_here: Vec<u32> = Vec::new();
        for (person, title, held) in crate::extract::roles::around_names(text, &spans) {
            let said = (index as u32, person as u32, spans[title].3);
            if held {
                titled.push(said);
                held_here.push(said.2);
            } else {
                beside.push(said);
            }
        }
        // Titles listed together with no one holding them are of the one
        // country those of them name ("Tổng Bí thư, Chủ tịch nước và Thủ
        // tướng Chính phủ Lào"); a title someone holds speaks for him only.
        for run in crate::extract::roles::runs(text, &spans) {
            let members: Vec<usize> = run
                .into_iter()
                .map(|slot| spans[slot].3 as usize)
                .filter(|&t| !held_here.contains(&(t as u32)))
                .collect();
            let mut named = members.iter().filter_map(|&t| {
                titles[t]
                    .office
                    .as_deref()
                    .filter(|o| !o.rank)
                    .and_then(|o| o.country.clone())
            });
            let Some(country) = named.next() else {
                continue;
            };
            if named.all(|c| c == country) {
                for &t in &members {
                    titles[t].listed_with = Some(country.clone());
                }
            }
        }
        found.push(spans);
    };
    // Extraction reads each article on its own: with several cores, runs of
    // articles are read on all of them as they are free while their mentions
    // are taken here in order; with one, each article is read as it comes.
    // One run of articles is read here: threads would have nothing to share.
    let cores = crate::pack::cores();
    if cores < 2 || articles.len() <= READ_RUN {
        for (index, article) in articles.iter().enumerate() {
            let text = article.text();
            let mentions = extractor.extract_text(&text);
            take(index, &text, &mentions);
        }
    } else {
        read_in_parallel(articles, extractor, cores, &mut take);
    }

    timing.end("entities: extraction and mentions");
    let clusters = resolve_people(&people, &spellings);
    timing.end("entities: people resolved");
    for (p, cluster) in people.iter().zip(&clusters.of_mention) {
        let text = spellings.get(p.spelling);
        let name = match cluster {
            Some(c) => clusters.canonical[*c].as_str(),
            None => p.canonical.as_deref().unwrap_or(text),
        };
        let entity = book.mention(EntityType::Person, name, text, p.spelling, p.article);
        found[p.article as usize][p.slot as usize].3 = entity;
    }

    let said = Said {
        titled: &titled,
        beside: &beside,
    };
    let promoted = resolve_titles(&titles, &said, &mut found, &mut book, &spellings, g);
    titled.extend(promoted);
    titled.sort_by_key(|&(a, person, _)| (a, person));
    timing.end("entities: titles resolved");

    // Two names may fold to one id ("Hòa Bình" and "Hoà Bình" cannot, being
    // normalised, but "Lao" and "Lào" can): one entity per id, the first
    // kept, with the spellings and articles of the others.
    let (mut entities, merged_into) = merge_same_ids(book.into_entities(articles));
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
    // Each role once per person, article, office and spelling.
    let mut roles_seen: HashSet<(u32, u32, u32, u32)> = HashSet::default();
    for &(a, person, t) in &titled {
        let t = &titles[t as usize];
        let spans = &found[a as usize];
        let e = merged_into[spans[person as usize].3 as usize];
        let office = merged_into[spans[t.slot as usize].3 as usize];
        let spelling = t.spelling;
        if roles_seen.insert((e, a, office, spelling)) {
            let article = &articles[a as usize];
            let role = Role {
                article: article.id.clone(),
                date: article.date,
                title: entities[office as usize].id.clone(),
                text: spellings.get(spelling).to_string(),
            };
            entities[e as usize].roles.push(role);
        }
    }
    timing.end("entities: entities and roles");
    Extraction { mentions, entities }
}

/// How many articles a thread reads at a time.
const READ_RUN: usize = 32;

/// Reads the articles' mentions on `threads` threads, a run of articles at
/// a time, and hands each article's text and mentions to `take` on this
/// thread, in the order of the articles, while the next are read.
fn read_in_parallel(
    articles: &[Article],
    extractor: &Extractor,
    threads: usize,
    take: &mut dyn FnMut(usize, &str, &[Found<'_>]),
) {
    use std::sync::atomic::{AtomicUsize, Ordering};
    type Read = Vec<(String, Vec<Found<'static>>)>;
    const RUN: usize = READ_RUN;
    let runs = articles.len().div_ceil(RUN);
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        // A few runs may wait, read, while this thread takes those before.
        let (done, read) = std::sync::mpsc::sync_channel::<(usize, Read)>(threads * 2);
        for _ in 0..threads {
            let done = done.clone();
            let next = &next;
            scope.spawn(move || loop {
                let run = next.fetch_add(1, Ordering::Relaxed);
                if run >= runs {
                    return;
                }
                let part = &articles[run * RUN..((run + 1) * RUN).min(articles.len())];
                let found: Read = part
                    .iter()
                    .map(|a| {
                        let text = a.text();
                        let mentions = extractor
                            .extract_text(&text)
                            .into_iter()
                            .map(Found::into_owned_offsets)
                            .collect();
                        (text, mentions)
                    })
                    .collect();
                if done.send((run, found)).is_err() {
                    return;
                }
            });
        }
        drop(done);
        let mut waiting: BTreeMap<usize, Read> = BTreeMap::new();
        let mut expected = 0;
        for (run, found) in read {
            waiting.insert(run, found);
            while let Some(found) = waiting.remove(&expected) {
                for (k, (text, mentions)) in found.into_iter().enumerate() {
                    let mentions: Vec<Found<'_>> =
                        mentions.into_iter().map(|f| f.with_text(&text)).collect();
                    take(expected * RUN + k, &text, &mentions);
                }
                expected += 1;
            }
        }
    });
}

/// The place an office abroad stands in: "tại" and a place right after the
/// title ("Đại sứ Việt Nam tại Lào"), by the place's listed name.
fn place_after(text: &str, mentions: &[Found<'_>], slot: usize, g: &Gazetteer) -> Option<String> {
    let title = &mentions[slot];
    let next = mentions[slot + 1..].iter().find(|m| m.start >= title.end)?;
    if next.kind != EntityType::Location {
        return None;
    }
    let gap = text.get(title.end..next.start)?;
    let at = gap.trim().to_lowercase();
    let spaced = gap.starts_with(' ') && gap.ends_with(' ');
    (spaced && g.offices.at.contains(&at)).then(|| {
        next.canonical
            .clone()
            .unwrap_or_else(|| next.text.to_string())
    })
}

/// Which titles are said of which people, as (article, person's slot,
/// title's place in the titles): those they hold, and those said right
/// beside their name.
struct Said<'a> {
    titled: &'a [(u32, u32, u32)],
    beside: &'a [(u32, u32, u32)],
}

/// Gives each title the entity of the office it names, and each body
/// inside it its own.
///
/// An office whose words name no country is its holder's country's: the
/// country that the offices attached to that person across the corpus name
/// most, if one does ("Bộ trưởng Bộ Công an Vilay Lakhamphong" is the Lao
/// minister's office, since he is "Bộ trưởng Bộ Công an Lào" elsewhere),
/// and its body too ("Bộ Công an" there is "Bộ Công an Lào"). With no
/// holder, it is the country of the titles listed with it. A bare title
/// said of someone who holds one fuller office opening with it in the same
/// article is that office ("Bộ trưởng Tô Lâm" beside "Bộ trưởng Bộ Công an
/// Tô Lâm"). Otherwise an office is the home country's.
///
/// A title said beside a name after "của" ([`crate::extract::roles::beside`])
/// is that person's after all when they hold the same listed title
/// elsewhere, and no other title of it stands between it and the name
/// ("chuyến thăm của Phó Thủ tướng Chính phủ, Bộ trưởng Bộ Công an Vilay
/// Lakhamphong", who is "Phó Thủ tướng" elsewhere; not "lời mời của Thủ
/// tướng Chính phủ, Thủ tướng Nhật Bản …"). Those are returned, as held.
fn resolve_titles(
    titles: &[TitleMention],
    said: &Said<'_>,
    found: &mut [Vec<(u32, u32, EntityType, u32)>],
    book: &mut Book,
    spellings: &Interner,
    g: &Gazetteer,
) -> Vec<(u32, u32, u32)> {
    let base = |ti: usize| titles[ti].office.as_deref().map(|o| o.title.as_str());
    let bases_held: HashSet<(u32, &str)> = said
        .titled
        .iter()
        .filter_map(|&(a, p, ti)| Some((found[a as usize][p as usize].3, base(ti as usize)?)))
        .collect();
    let mut promoted: Vec<(u32, u32, u32)> = Vec::new();
    for &(a, p, ti) in said.beside {
        let person = found[a as usize][p as usize].3;
        let Some(b) = base(ti as usize) else {
            continue;
        };
        let between = (ti as usize + 1..titles.len())
            .take_while(|&k| titles[k].article == a && titles[k].slot < p)
            .any(|k| base(k) == Some(b));
        if bases_held.contains(&(person, b)) && !between {
            promoted.push((a, p, ti));
        }
    }
    // Who holds each title, and the titles each person holds in each article.
    let mut holder: Vec<Option<u32>> = vec![None; titles.len()];
    let mut held: HashMap<(u32, u32), Vec<usize>> = HashMap::default();
    // The countries each person's offices name, counted.
    let mut named: HashMap<u32, BTreeMap<&str, usize>> = HashMap::default();
    for &(a, p, ti) in said.titled.iter().chain(&promoted) {
        let ti = ti as usize;
        let person = found[a as usize][p as usize].3;
        holder[ti].get_or_insert(person);
        held.entry((a, person)).or_default().push(ti);
        let country = titles[ti]
            .office
            .as_deref()
            .filter(|o| !o.rank)
            .and_then(|o| o.country.as_deref());
        if let Some(country) = country {
            *named.entry(person).or_default().entry(country).or_default() += 1;
        }
    }
    let country_of: HashMap<u32, &str> = named
        .iter()
        .filter_map(|(&person, counts)| {
            let most = counts.values().max()?;
            let mut top = counts.iter().filter(|(_, n)| *n == most);
            let (country, _) = top.next()?;
            top.next().is_none().then_some((person, *country))
        })
        .collect();
    let home = g.offices.home.as_str();
    for (ti, t) in titles.iter().enumerate() {
        let person = holder[ti];
        // The country given to the bodies inside it that name none.
        let mut body_country = None;
        let name = match t.office.as_deref() {
            None => t.plain.clone().unwrap_or_default(),
            Some(office) => {
                let fuller = person
                    .and_then(|p| held.get(&(t.article, p)))
                    .and_then(|held| fuller_office(office, held, titles));
                let (office, place) = match fuller {
                    Some(f) => (
                        titles[f].office.as_deref().unwrap_or(office),
                        titles[f].place.as_deref(),
                    ),
                    None => (office, t.place.as_deref()),
                };
                let of_person = |p: Option<u32>| p.and_then(|p| country_of.get(&p).copied());
                let country = office
                    .country
                    .as_deref()
                    .or_else(|| of_person(person))
                    .or(t.listed_with.as_deref().filter(|_| person.is_none()));
                if office.country.is_none() && !office.rank {
                    body_country = country.filter(|&c| c != home);
                }
                office.name(country, place, g)
            }
        };
        let text = spellings.get(t.spelling);
        let entity = book.mention(EntityType::Title, &name, text, t.spelling, t.article);
        found[t.article as usize][t.slot as usize].3 = entity;
        for (slot, spelling, body) in &t.bodies {
            let name = match body_country {
                Some(country) if country_at_end(body, g).is_none() => body_of(body, country, g),
                _ => body.clone(),
            };
            let text = spellings.get(*spelling);
            let entity = book.mention(EntityType::Organization, &name, text, *spelling, t.article);
            found[t.article as usize][*slot as usize].3 = entity;
        }
    }
    promoted
}

/// Of the titles a person holds in one article (`held`), the one fuller
/// office that a bare `office` opens, if there is exactly one.
fn fuller_office(office: &Office, held: &[usize], titles: &[TitleMention]) -> Option<usize> {
    if !office.bare() {
        return None;
    }
    let mut fuller = held.iter().copied().filter(|&i| {
        titles[i]
            .office
            .as_deref()
            .is_some_and(|o| o.title == office.title && !o.bare())
    });
    let first = fuller.next()?;
    fuller
        .all(|i| titles[i].office == titles[first].office && titles[i].place == titles[first].place)
        .then_some(first)
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

/// A date's name: absolute when what the date recognizer read in it and
/// the article's date allow ("ngày 10 tháng 2 năm 2020" → 2020-02-10, "10/2"
/// in an article of 2020 → 2020-02-10); otherwise the date as written.
fn date_name(text: &str, article_date: Option<PartialDate>) -> Cow<'_, str> {
    let year = article_date.map(|d| d.year);
    let resolved = match crate::extract::date::read(text) {
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

#[cfg(test)]
mod tests {
    use crate::corpus::annotated;
    use crate::date::PartialDate;

    /// The entity of each date mention of a one-article corpus, with the article's date.
    fn dates(text: &str) -> (Option<PartialDate>, Vec<(String, String)>) {
        let c = annotated(&[("a", text)]);
        let article = &c.articles[0];
        let body = article.text();
        let marks = c
            .marks_of(0)
            .iter()
            .filter(|m| c.kind_of(m) == crate::entity::EntityType::Date)
            .map(|m| {
                (
                    body[m.start as usize..m.end as usize].to_string(),
                    c.entities[m.entity as usize].id.clone(),
                )
            })
            .collect();
        (article.date, marks)
    }

    #[test]
    fn a_date_in_words_is_named_by_what_it_says_and_dates_its_article() {
        let (date, marks) = dates(
            "Hợp tác an ninh Việt Nam - Lào\nNgày 10 tháng 2 năm 2020, hai bộ trưởng hội đàm. Biên bản ký chiều ngày 10 tháng 2.\nKế hoạch chạy từ tháng 7 năm 2024 đến quý I/2025.",
        );
        assert_eq!(date, PartialDate::parse("2020-02-10"));
        let pair = |text: &str, id: &str| (text.to_string(), id.to_string());
        assert_eq!(
            marks,
            [
                pair("Ngày 10 tháng 2 năm 2020", "date:2020-02-10"),
                pair("ngày 10 tháng 2", "date:2020-02-10"),
                pair("tháng 7 năm 2024", "date:2024-07"),
                pair("quý I/2025", "date:quy-i-2025"),
            ]
        );
    }

    use crate::corpus::Corpus;

    /// The entity of the mention written `text` followed by `after`.
    fn entity_of<'c>(c: &'c Corpus, text: &str, after: &str) -> Vec<&'c str> {
        let mut out = Vec::new();
        for (index, article) in c.articles.iter().enumerate() {
            let body = article.text();
            for mark in c.marks_of(index) {
                let (start, end) = (mark.start as usize, mark.end as usize);
                if &body[start..end] == text && body[end..].starts_with(after) {
                    out.push(c.entities[mark.entity as usize].id.as_str());
                }
            }
        }
        out
    }

    #[test]
    fn an_office_naming_no_country_is_its_holder_s_country_s() {
        let c = annotated(&[
            ("a", "Tin một\nĐại tướng Vilay Lakhamphong, Bộ trưởng Bộ Công an Lào tiếp đoàn."),
            ("b", "Tin hai\nBộ trưởng Bộ Công an Vilay Lakhamphong và Bộ trưởng Bộ Công an Lương Tam Quang hội đàm."),
        ]);
        assert_eq!(
            entity_of(&c, "Bộ trưởng Bộ Công an", " Vilay"),
            ["title:bo-truong-bo-cong-an-lao"]
        );
        assert_eq!(
            entity_of(&c, "Bộ Công an", " Vilay"),
            ["organization:bo-cong-an-lao"]
        );
        assert_eq!(
            entity_of(&c, "Bộ trưởng Bộ Công an", " Lương"),
            ["title:bo-truong-bo-cong-an"]
        );
        assert_eq!(
            entity_of(&c, "Bộ Công an", " Lương"),
            ["organization:bo-cong-an"]
        );
    }

    #[test]
    fn titles_listed_together_share_the_country_one_of_them_names() {
        let c = annotated(&[(
            "a",
            "Tin một\nBộ trưởng Trần Đại Quang thông báo với Tổng Bí thư, Chủ tịch nước và Thủ tướng Chính phủ Lào về kết quả. Tổng Bí thư đánh giá cao.",
        )]);
        assert_eq!(entity_of(&c, "Tổng Bí thư", ","), ["title:tong-bi-thu-lao"]);
        assert_eq!(
            entity_of(&c, "Chủ tịch nước", " và"),
            ["title:chu-tich-nuoc-lao"]
        );
        assert_eq!(entity_of(&c, "Tổng Bí thư", " đánh"), ["title:tong-bi-thu"]);
    }

    #[test]
    fn a_title_beside_a_name_is_his_only_if_he_holds_it_elsewhere() {
        let c = annotated(&[
            (
                "a",
                "Tin một\nNhận lời mời của Thủ tướng Chính phủ, Thủ tướng Nhật Bản Sato Hiroshi sẽ thăm Việt Nam.",
            ),
            (
                "b",
                "Tin hai\nChuyến thăm của Phó Thủ tướng Chính phủ, Bộ trưởng Bộ Công an Vilay Lakhamphong. Phó Thủ tướng, Bộ trưởng Bộ Công an Lào Vilay Lakhamphong phát biểu.",
            ),
        ]);
        assert_eq!(
            entity_of(&c, "Thủ tướng Chính phủ", ","),
            ["title:thu-tuong"]
        );
        assert_eq!(
            entity_of(&c, "Phó Thủ tướng Chính phủ", ","),
            ["title:pho-thu-tuong-lao"]
        );
        let vilay = &c.entities[c.entity_index("person:vilay-lakhamphong").unwrap()];
        assert!(
            vilay
                .roles
                .iter()
                .any(|r| r.article == "b" && r.text == "Phó Thủ tướng Chính phủ"),
            "{:?}",
            vilay.roles
        );
    }
}
