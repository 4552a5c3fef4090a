//! The library's search over packs: the same answers as
//! [`crate::filter::FilterIndex::search`], from shards fetched by what a
//! query needs rather than from the whole collection in memory.
//!
//! - term shards: every word of the collection folded to ASCII, in order,
//!   each with its spellings as written (lower case, marks kept), and for
//!   each spelling the articles it is in and where in each (its place among
//!   the article's words, a sentence's end counting as one): a query word
//!   fetches the shard of its folded form, a phrase is checked word by word
//!   at those places. Shards are cut by size, the first word of each in
//!   the manifest;
//! - name shards: every spelling of every entity but dates, folded, with
//!   its entity and how many articles mention it, for the entities a phrase
//!   names and those suggested as it is typed;
//! - entity shards: each entity (in id order) with its articles;
//! - facet shards: for each article, in the library's order, the entities
//!   it mentions and how often, for the facets and the order by relevance.
//!
//! A search says which packs it still needs ([`Needs`]); the page fetches
//! them and asks again.

use std::ops::Range;
use std::rc::Rc;

use serde::Serialize;

use crate::article::Article;
use crate::corpus::Corpus;
use crate::date::PartialDate;
use crate::entity::EntityType;
use crate::filter::{in_order, rank, searchable_into, spaced, top_by_facet, Bits, Facets, Found};
use crate::normalize::fold_ascii;
use crate::search::Phrase;
use crate::view::Query;
use crate::wire::{read_in_order, Read, Reader, Stop};

use super::{file_name, Kind, Meta, CARDS_PER_SHARD};

/// Places of words (and articles) in a term shard, about: a shard is cut
/// once it holds this many.
const PLACES_PER_TERM_SHARD: usize = 24_000;
/// Spellings in one name shard.
const NAMES_PER_SHARD: usize = 2_000;
/// Entities in one entity shard.
pub const ENTITIES_PER_SHARD: usize = 1_000;
/// Entities of each type kept in the manifest for the facets of the whole
/// collection.
pub const FACETS_KEPT: usize = 20;

/// One spelling of a folded word, as stored: articles and places as
/// differences from the one before.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Spelling {
    pub lower: String,
    /// Positions of its articles in the library, each after the first as
    /// the difference from the one before.
    pub articles: Vec<u32>,
    /// For each article, its places among the article's words, the same way.
    pub places: Vec<Vec<u32>>,
}

/// A word folded to ASCII and its spellings.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Term {
    pub folded: String,
    pub spellings: Vec<Spelling>,
}

/// One spelling of an entity's name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Name {
    /// Folded to ASCII, runs of letters and digits a space apart.
    pub key: String,
    /// The same in lower case, marks kept.
    pub lower: String,
    /// The entity's index among all entities (in id order).
    pub entity: u32,
    /// How many articles mention the entity.
    pub articles: u32,
}

/// An entity as the search needs it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EntityEntry {
    pub id: String,
    pub name: String,
    pub kind: EntityType,
    /// Positions of its articles, as differences (see [`Spelling`]).
    pub articles: Vec<u32>,
}

/// What one article mentions: entity index, its type, and how many marks.
pub type Mentioned = Vec<(u32, EntityType, u32)>;

/// The index part of the manifest: where each shard starts, and the facets
/// of the whole collection.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct IndexDirectory {
    /// First folded word of each term shard, and the shard's hash.
    pub terms: Vec<(String, u64)>,
    /// First key of each name shard, and its hash.
    pub names: Vec<(String, u64)>,
    /// First id of each entity shard ([`ENTITIES_PER_SHARD`] entities each).
    pub entities: Vec<(String, u64)>,
    pub entity_count: u32,
    /// Facet shards, in the library's order, [`CARDS_PER_SHARD`] articles each.
    pub facets: Vec<u64>,
    /// For each type of [`Facets::KINDS`], its [`FACETS_KEPT`] entities most
    /// mentioned in the whole collection: index, id, name, articles.
    pub top: Vec<Vec<(u32, String, String, u32)>>,
    /// Every year and its articles, newest first.
    pub years: Vec<(u16, u32)>,
    /// Each source (index into the manifest's) and its articles, most first.
    pub sources: Vec<(u32, u32)>,
}

read_in_order!(Name {
    key,
    lower,
    entity,
    articles
});

read_in_order!(EntityEntry {
    id,
    name,
    kind,
    articles
});

read_in_order!(IndexDirectory {
    terms,
    names,
    entities,
    entity_count,
    facets,
    top,
    years,
    sources
});

fn deltas(sorted: &[u32]) -> Vec<u32> {
    let mut last = 0;
    sorted
        .iter()
        .enumerate()
        .map(|(i, &x)| {
            let d = if i == 0 { x } else { x - last };
            last = x;
            d
        })
        .collect()
}

/// The words of a run of articles: each spelling once, numbered in the
/// order first met, with its postings.
#[derive(Default)]
struct Words {
    ids: rustc_hash::FxHashMap<String, u32>,
    postings: Vec<Postings>,
}

/// Where one spelling is: its articles (positions in the library, in
/// order), and its places in them, one list after the other, `ends[i]`
/// being where the places of `articles[i]` end.
#[derive(Default)]
struct Postings {
    articles: Vec<u32>,
    ends: Vec<u32>,
    places: Vec<u32>,
}

impl Words {
    /// The word at `place` of the article at `position`, articles coming
    /// in order.
    fn add(&mut self, word: &str, position: u32, place: u32) {
        let id = match self.ids.get(word) {
            Some(&id) => id,
            None => {
                let id = self.postings.len() as u32;
                self.ids.insert(word.to_string(), id);
                self.postings.push(Postings::default());
                id
            }
        };
        self.postings[id as usize].add(position, place);
    }

    /// Those of a later run of articles after these.
    fn join(&mut self, later: Words) {
        let mut postings: Vec<Option<Postings>> = later.postings.into_iter().map(Some).collect();
        for (word, id) in later.ids {
            let theirs = postings[id as usize].take().expect("each id once");
            match self.ids.get(&word) {
                Some(&mine) => self.postings[mine as usize].extend(theirs),
                None => {
                    self.ids.insert(word, self.postings.len() as u32);
                    self.postings.push(theirs);
                }
            }
        }
    }
}

impl Postings {
    fn add(&mut self, position: u32, place: u32) {
        if self.articles.last() != Some(&position) {
            self.articles.push(position);
            self.ends.push(self.places.len() as u32);
        }
        self.places.push(place);
        *self.ends.last_mut().expect("pushed above") += 1;
    }

    fn extend(&mut self, later: Postings) {
        let offset = self.places.len() as u32;
        self.articles.extend(later.articles);
        self.ends.extend(later.ends.iter().map(|e| e + offset));
        self.places.extend(later.places);
    }

    /// As stored: articles and places as differences.
    #[cfg(test)]
    fn spelling(&self, lower: String) -> Spelling {
        let mut from = 0;
        let places = self
            .ends
            .iter()
            .map(|&end| {
                let p = deltas(&self.places[from..end as usize]);
                from = end as usize;
                p
            })
            .collect();
        Spelling {
            lower,
            articles: deltas(&self.articles),
            places,
        }
    }
}

/// A term shard's content as [`super::plain`] writes a `Vec<Term>`, from
/// its spellings in order (folded form, spelling, postings), written
/// straight from the postings: no list of places is made for each article
/// on the way.
fn shard_plain<'a>(spellings: impl Iterator<Item = (&'a str, &'a str, &'a Postings)>) -> Vec<u8> {
    // Terms, each with its spellings: (folded, first, count).
    let spellings: Vec<(&str, &str, &Postings)> = spellings.collect();
    let mut terms: Vec<(usize, usize)> = Vec::new();
    for (i, (folded, _, _)) in spellings.iter().enumerate() {
        match terms.last_mut() {
            Some((first, count)) if spellings[*first].0 == *folded => *count += 1,
            _ => terms.push((i, 1)),
        }
    }
    let size: usize = spellings
        .iter()
        .map(|(f, l, p)| f.len() + l.len() + 8 + 2 * (p.articles.len() + p.places.len()))
        .sum();
    let mut out = Vec::with_capacity(size);
    push_len(&mut out, terms.len());
    for &(first, count) in &terms {
        push_str(&mut out, spellings[first].0);
        push_len(&mut out, count);
        for &(_, lower, postings) in &spellings[first..first + count] {
            push_str(&mut out, lower);
            push_deltas(&mut out, &postings.articles);
            push_len(&mut out, postings.ends.len());
            let mut from = 0;
            for &end in &postings.ends {
                push_deltas(&mut out, &postings.places[from..end as usize]);
                from = end as usize;
            }
        }
    }
    out
}

/// A length as postcard writes it.
fn push_len(out: &mut Vec<u8>, len: usize) {
    let mut x = len as u64;
    while x >= 0x80 {
        out.push((x as u8) | 0x80);
        x >>= 7;
    }
    out.push(x as u8);
}

/// A string as postcard writes it: its length, then its bytes.
fn push_str(out: &mut Vec<u8>, s: &str) {
    push_len(out, s.len());
    out.extend_from_slice(s.as_bytes());
}

/// Sorted numbers as postcard writes their [`deltas`]: how many, then each
/// after the first as the difference from the one before.
fn push_deltas(out: &mut Vec<u8>, sorted: &[u32]) {
    push_len(out, sorted.len());
    let mut last = 0;
    for (i, &x) in sorted.iter().enumerate() {
        push_varint(out, if i == 0 { x } else { x - last });
        last = x;
    }
}

fn undeltas(deltas: &[u32]) -> Vec<u32> {
    let mut sum = 0u32;
    deltas
        .iter()
        .enumerate()
        .map(|(i, &d)| {
            sum = if i == 0 { d } else { sum.wrapping_add(d) };
            sum
        })
        .collect()
}

/// The term shards of articles listed in the library's `order`: each
/// shard's first folded word, the hash of its content and its bytes as a
/// pack. They need the articles' words only, not their entities, so they
/// may be made while the entities are read; they are cut and compressed
/// once `ready` returns.
pub(crate) fn term_packs(
    articles: &[Article],
    order: &[usize],
    ready: impl FnOnce(),
) -> Vec<(String, u64, Vec<u8>)> {
    let n = order.len();
    let mut timing = crate::timing::Spans::start();

    // Words: each spelling's articles and places, read on every core over
    // runs of articles in the library's order, then joined run after run
    // (so each word's articles stay in order).
    let runs: Vec<std::ops::Range<usize>> = {
        let size = n.div_ceil(super::cores() * 8).max(1);
        (0..n).step_by(size).map(|s| s..(s + size).min(n)).collect()
    };
    let partial: Vec<Words> = super::parallel_map(&runs, |run| {
        let mut words = Words::default();
        let (mut joined, mut text) = (String::new(), String::new());
        for position in run.clone() {
            // In lower case already: each word is a slice of it.
            searchable_into(&articles[order[position]], &mut joined, &mut text);
            let mut place = 0u32;
            for (range, broken) in crate::search::word_spans(&text) {
                if broken {
                    place += 1;
                }
                words.add(&text[range], position as u32, place);
                place += 1;
            }
        }
        words
    });
    let mut words = Words::default();
    for part in partial {
        words.join(part);
    }
    timing.end("index: words read and joined");
    ready();
    timing.end("index: shards held back");
    let mut by_fold: Vec<(String, String, u32)> = words
        .ids
        .into_iter()
        .map(|(w, id)| (fold_ascii(&w), w, id))
        .collect();
    by_fold.sort_unstable();
    let words = words.postings;
    // Shards are cut by size, between folded words; then each is made,
    // named and compressed on every core.
    let mut cuts: Vec<usize> = vec![0];
    let mut size = 0usize;
    for (i, (folded, _, id)) in by_fold.iter().enumerate() {
        let postings = &words[*id as usize];
        size += postings.articles.len() + postings.places.len();
        let new_term = i == 0 || by_fold[i - 1].0 != *folded;
        if new_term && size > PLACES_PER_TERM_SHARD && i > cuts[cuts.len() - 1] {
            cuts.push(i);
            size = 0;
        }
    }
    cuts.push(by_fold.len());
    let ranges: Vec<Range<usize>> = cuts
        .windows(2)
        .filter(|w| w[0] < w[1])
        .map(|w| w[0]..w[1])
        .collect();
    let shards = super::parallel_map(&ranges, |range| {
        let shard = &by_fold[range.clone()];
        let plain =
            shard_plain(shard.iter().map(|(folded, lower, id)| {
                (folded.as_str(), lower.as_str(), &words[*id as usize])
            }));
        let h = super::hash(&plain);
        (shard[0].0.clone(), h, super::compress(Kind::Terms, &plain))
    });
    timing.end("index: term shards");
    shards
}

/// Writes the index packs of a corpus whose articles are listed in the
/// library's `order`, each through `add` (which names and keeps a pack),
/// but the term shards, made before ([`term_packs`]) and listed in `terms`
/// (first word and hash of each); the manifest's directory of them.
pub(crate) fn write(
    corpus: &Corpus,
    order: &[usize],
    meta: &Meta,
    terms: Vec<(String, u64)>,
    add: &mut dyn FnMut(Kind, Vec<u8>) -> u64,
) -> IndexDirectory {
    let n = order.len();
    let mut timing = crate::timing::Spans::start();
    let mut dir = IndexDirectory {
        terms,
        ..IndexDirectory::default()
    };

    // Entities: their articles by position, and what each article mentions.
    let mut position_of = vec![0u32; n];
    for (p, &a) in order.iter().enumerate() {
        position_of[a] = p as u32;
    }
    let mut articles_of: Vec<Vec<u32>> = vec![Vec::new(); corpus.entities.len()];
    let mut mentioned: Vec<Mentioned> = vec![Vec::new(); n];
    for (p, &a) in order.iter().enumerate() {
        let mut counts: Vec<(u32, u32)> = Vec::new();
        for m in corpus.marks_of(a) {
            match counts.iter_mut().find(|(e, _)| *e == m.entity) {
                Some((_, c)) => *c += 1,
                None => counts.push((m.entity, 1)),
            }
        }
        counts.sort_unstable();
        for &(e, c) in &counts {
            articles_of[e as usize].push(p as u32);
            let kind = corpus.entities[e as usize].kind;
            if kind != EntityType::Date {
                mentioned[p].push((e, kind, c));
            }
        }
    }
    for chunk in mentioned.chunks(CARDS_PER_SHARD) {
        dir.facets.push(add(Kind::Facets, super::plain(&chunk)));
    }
    dir.entity_count = corpus.entities.len() as u32;
    for (k, chunk) in corpus.entities.chunks(ENTITIES_PER_SHARD).enumerate() {
        let entries: Vec<EntityEntry> = chunk
            .iter()
            .enumerate()
            .map(|(i, e)| EntityEntry {
                id: e.id.clone(),
                name: e.name.clone(),
                kind: e.kind,
                articles: deltas(&articles_of[k * ENTITIES_PER_SHARD + i]),
            })
            .collect();
        let first = chunk[0].id.clone();
        dir.entities
            .push((first, add(Kind::Entities, super::plain(&entries))));
    }

    timing.end("index: entities and facets");
    // Names, as the filter reads them.
    let mut names: Vec<Name> = Vec::new();
    for (i, e) in corpus.entities.iter().enumerate() {
        if e.kind == EntityType::Date {
            continue;
        }
        let mut seen: Vec<String> = Vec::new();
        for spelling in std::iter::once(&e.name).chain(&e.aliases) {
            let lower = spaced(&crate::case::lower(spelling));
            if !lower.is_empty() && !seen.contains(&lower) {
                names.push(Name {
                    key: fold_ascii(&lower),
                    lower: lower.clone(),
                    entity: i as u32,
                    articles: articles_of[i].len() as u32,
                });
                seen.push(lower);
            }
        }
    }
    crate::sort::sort_by(&mut names, |a, b| {
        (&a.key, a.entity, &a.lower).cmp(&(&b.key, b.entity, &b.lower))
    });
    for chunk in names.chunks(NAMES_PER_SHARD) {
        let first = chunk[0].key.clone();
        dir.names
            .push((first, add(Kind::Names, super::plain(&chunk))));
    }

    // The facets of the whole collection.
    dir.top = Facets::KINDS
        .iter()
        .map(|&kind| {
            let of_kind = (0..corpus.entities.len())
                .filter(|&e| corpus.entities[e].kind == kind && !articles_of[e].is_empty());
            rank(of_kind.map(|e| (e, articles_of[e].len())))
                .into_iter()
                .take(FACETS_KEPT)
                .map(|e| {
                    let entity = &corpus.entities[e];
                    (
                        e as u32,
                        entity.id.clone(),
                        entity.name.clone(),
                        articles_of[e].len() as u32,
                    )
                })
                .collect()
        })
        .collect();
    let mut years: Vec<(u16, u32)> = Vec::new();
    for date in meta.dates.iter().flatten() {
        match years.iter_mut().find(|(y, _)| *y == date.year) {
            Some((_, c)) => *c += 1,
            None => years.push((date.year, 1)),
        }
    }
    crate::sort::sort_by_key(&mut years, |y| std::cmp::Reverse(y.0));
    timing.end("index: names and top");
    dir.years = years;
    let mut sources: Vec<(u32, u32)> = Vec::new();
    for s in meta.sources.iter().flatten() {
        match sources.iter_mut().find(|(x, _)| x == s) {
            Some((_, c)) => *c += 1,
            None => sources.push((*s, 1)),
        }
    }
    dir.sources = rank(sources.iter().map(|&(s, c)| (s as usize, c as usize)))
        .into_iter()
        .map(|s| {
            let c = sources
                .iter()
                .find(|x| x.0 as usize == s)
                .map_or(0, |x| x.1);
            (s as u32, c)
        })
        .collect();
    dir
}

/// A spelling as searched: the word, its articles and their places kept as
/// the pack stores them, each number the difference from the one before in
/// as few bytes as it needs (seven bits a byte, the high bit saying that
/// another follows), and read as a query walks them ([`Cursor`]). Read
/// straight from the inflating pack, with no list of places for each
/// article in between; four bytes for each place, as a flat list of `u32`
/// would hold, were three more than most places need (a word's places in
/// one article are a few words apart).
#[derive(Clone, Debug, Default)]
pub struct SpellingPlaces {
    pub lower: String,
    /// How many articles.
    count: u32,
    /// Positions of its articles in the library, each the difference from
    /// the one before.
    articles: Box<[u8]>,
    /// For each article in turn, the length in bytes of its places, then
    /// its places among the article's words, each the difference from the
    /// one before.
    places: Box<[u8]>,
}

/// Writes `x` in as few bytes as it needs: seven bits a byte, the lowest
/// first, the high bit set on every byte but the last.
fn push_varint(out: &mut Vec<u8>, mut x: u32) {
    while x >= 0x80 {
        out.push((x as u8) | 0x80);
        x >>= 7;
    }
    out.push(x as u8);
}

/// The number written by [`push_varint`] at `at`, which moves past it; 0
/// past the end (a damaged pack reads as numbers, never as a panic).
#[inline]
fn read_varint(bytes: &[u8], at: &mut usize) -> u32 {
    // Most differences are under 128: one byte.
    match bytes.get(*at) {
        Some(&b) if b < 0x80 => {
            *at += 1;
            u32::from(b)
        }
        _ => read_long_varint(bytes, at),
    }
}

/// [`read_varint`] of a number of more than one byte.
fn read_long_varint(bytes: &[u8], at: &mut usize) -> u32 {
    let mut x = 0u32;
    let mut shift = 0;
    while let Some(&b) = bytes.get(*at) {
        *at += 1;
        if shift < 32 {
            x |= u32::from(b & 0x7f) << shift;
        }
        shift += 7;
        if b & 0x80 == 0 {
            break;
        }
    }
    x
}

impl SpellingPlaces {
    /// About the bytes it holds.
    fn heap_bytes(&self) -> usize {
        self.lower.len() + self.articles.len() + self.places.len()
    }

    /// How many articles it is in.
    pub fn len(&self) -> usize {
        self.count as usize
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Positions of its articles in the library, in order.
    pub fn articles(&self) -> impl Iterator<Item = u32> + '_ {
        let mut at = 0;
        let mut sum = 0u32;
        (0..self.count).map(move |i| {
            let d = read_varint(&self.articles, &mut at);
            sum = if i == 0 { d } else { sum.wrapping_add(d) };
            sum
        })
    }
}

impl Read for SpellingPlaces {
    /// A [`Spelling`] as stored: its word, its articles as a list of
    /// numbers, its places as a list of lists. Each number is written again
    /// with [`push_varint`]; each list of places after the length in bytes
    /// of its numbers, so that an article's places are passed over at once.
    fn read(r: &mut Reader) -> Result<Self, Stop> {
        let lower = String::read(r)?;
        let count = r.count()?;
        // Most differences take one byte or two.
        let mut articles = Vec::with_capacity(count.min(1 << 20) * 3 / 2);
        for _ in 0..count {
            push_varint(&mut articles, u32::read(r)?);
        }
        let lists = r.count()?;
        // A length and a place or two for each article, at least.
        let mut places = Vec::with_capacity(3 * lists.min(1 << 20));
        let mut list = Vec::new();
        for _ in 0..lists {
            list.clear();
            for _ in 0..r.count()? {
                push_varint(&mut list, u32::read(r)?);
            }
            push_varint(&mut places, list.len() as u32);
            places.extend_from_slice(&list);
        }
        Ok(SpellingPlaces {
            lower,
            count: count as u32,
            articles: articles.into_boxed_slice(),
            places: places.into_boxed_slice(),
        })
    }
}

/// A folded word and its spellings, as searched.
#[derive(Clone, Debug, Default)]
pub struct TermPlaces {
    pub folded: String,
    pub spellings: Vec<SpellingPlaces>,
}

impl Read for TermPlaces {
    /// A [`Term`] as stored.
    fn read(r: &mut Reader) -> Result<Self, Stop> {
        Ok(TermPlaces {
            folded: Read::read(r)?,
            spellings: Read::read(r)?,
        })
    }
}

/// A term shard as searched, read straight from the pack
/// ([`super::decode`]): its terms in order.
#[derive(Clone, Debug, Default)]
pub struct Terms {
    pub terms: Vec<TermPlaces>,
}

read_in_order!(Terms { terms });

impl Terms {
    /// About the bytes it holds.
    pub fn heap_bytes(&self) -> usize {
        self.terms
            .iter()
            .map(|t| {
                t.folded.len()
                    + 24 * t.spellings.len()
                    + t.spellings
                        .iter()
                        .map(SpellingPlaces::heap_bytes)
                        .sum::<usize>()
            })
            .sum()
    }
}

/// A facet shard as searched: what each article mentions, one article
/// after the other in flat lists (a list for each article would cost a
/// vector and an allocation for each of the collection's articles), read
/// straight from the pack into them. The facets of a common word read every
/// entry of every shard: they are kept as plain numbers, quickest to read.
#[derive(Clone, Debug, Default)]
pub struct Mentions {
    /// Where each article's entries end.
    ends: Box<[u32]>,
    entities: Box<[u32]>,
    kinds: Box<[EntityType]>,
    counts: Box<[u32]>,
}

impl Mentions {
    /// About the bytes it holds.
    pub fn heap_bytes(&self) -> usize {
        4 * self.ends.len() + 9 * self.entities.len()
    }

    /// Where the entries of the shard's articles `articles` are in its lists.
    fn entries(&self, articles: Range<usize>) -> Range<usize> {
        let end = |i: usize| match i.checked_sub(1) {
            None => 0,
            Some(i) => self
                .ends
                .get(i)
                .map_or(self.entities.len(), |&e| e as usize),
        };
        let to = end(articles.end).min(self.entities.len());
        end(articles.start).min(to)..to
    }

    /// What the `i`th article of the shard mentions: entity index, type,
    /// and how many marks.
    pub fn article(&self, i: usize) -> Option<impl Iterator<Item = (u32, EntityType, u32)> + '_> {
        let end = *self.ends.get(i)? as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        let end = end.max(start).min(self.entities.len());
        let start = start.min(end);
        Some(
            self.entities[start..end]
                .iter()
                .zip(&self.kinds[start..end])
                .zip(&self.counts[start..end])
                .map(|((&e, &kind), &c)| (e, kind, c)),
        )
    }
}

impl Read for Mentions {
    /// A facet shard as stored: a list of [`Mentioned`], one for each
    /// article, read onto the flat lists.
    fn read(r: &mut Reader) -> Result<Self, Stop> {
        let articles = r.count()?;
        let mut ends = Vec::with_capacity(articles.min(1 << 16));
        let (mut entities, mut kinds, mut counts) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..articles {
            for _ in 0..r.count()? {
                entities.push(u32::read(r)?);
                kinds.push(EntityType::read(r)?);
                counts.push(u32::read(r)?);
            }
            ends.push(entities.len() as u32);
        }
        Ok(Mentions {
            ends: ends.into_boxed_slice(),
            entities: entities.into_boxed_slice(),
            kinds: kinds.into_boxed_slice(),
            counts: counts.into_boxed_slice(),
        })
    }
}

/// An entity shard as searched: articles decoded.
#[derive(Clone, Debug, Default)]
pub struct Entities {
    pub entities: Vec<(String, String, EntityType, Vec<u32>)>,
}

impl Entities {
    /// About the bytes it holds.
    pub fn heap_bytes(&self) -> usize {
        self.entities
            .iter()
            .map(|(id, name, _, articles)| 56 + id.len() + name.len() + 4 * articles.len())
            .sum()
    }

    pub fn of(shard: Vec<EntityEntry>) -> Self {
        Entities {
            entities: shard
                .into_iter()
                .map(|e| (e.id, e.name, e.kind, undeltas(&e.articles)))
                .collect(),
        }
    }
}

/// The packs a search reads, by file name, as decoded so far.
pub trait Shelf {
    fn terms(&self, name: &str) -> Option<&Terms>;
    fn names(&self, name: &str) -> Option<&[Name]>;
    fn entities(&self, name: &str) -> Option<&Entities>;
    fn facets(&self, name: &str) -> Option<&Mentions>;
    fn meta(&self, name: &str) -> Option<&Meta>;
    /// What the whole collection mentions, counted, once made.
    fn totals(&self) -> Option<&Totals> {
        None
    }
    /// Keeps `totals` (a shelf that keeps nothing makes them again).
    fn keep_totals(&self, totals: Totals) {
        let _ = totals;
    }
    /// The articles of a phrase (by its runs), if kept.
    fn matched(&self, key: &[crate::search::Run]) -> Option<Rc<Matched>> {
        let _ = key;
        None
    }
    /// Keeps the articles of a phrase.
    fn keep_matched(&self, key: Vec<crate::search::Run>, matched: Rc<Matched>) {
        let _ = (key, matched);
    }
}

/// The articles that have every word of a phrase (`words`), and those
/// that have them together (`together`): what reading a phrase's places
/// in every article finds, kept for the phrases typed last.
#[derive(Clone, Debug)]
pub struct Matched {
    words: Bits,
    together: Bits,
}

/// The packs a search still needs, by file name.
pub type Needs = Names;

/// File names of packs, each once, in order of name: a set kept as a
/// sorted list, as a search names a few packs and the page asks for a
/// few at a time (and the web app then holds no B-tree of strings).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Names(Vec<String>);

impl Names {
    pub fn new() -> Self {
        Names(Vec::new())
    }

    /// Adds `name`; false if it was there already.
    pub fn insert(&mut self, name: String) -> bool {
        match self.0.binary_search(&name) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, name);
                true
            }
        }
    }

    /// Takes `name` out; false if it was not there.
    pub fn remove(&mut self, name: &str) -> bool {
        match self.0.binary_search_by(|n| n.as_str().cmp(name)) {
            Ok(at) => {
                self.0.remove(at);
                true
            }
            Err(_) => false,
        }
    }
}

/// The names, in order.
impl std::ops::Deref for Names {
    type Target = [String];
    fn deref(&self) -> &[String] {
        &self.0
    }
}

impl Extend<String> for Names {
    fn extend<I: IntoIterator<Item = String>>(&mut self, names: I) {
        for name in names {
            self.insert(name);
        }
    }
}

impl FromIterator<String> for Names {
    fn from_iter<I: IntoIterator<Item = String>>(names: I) -> Self {
        let mut out = Names::new();
        out.extend(names);
        out
    }
}

impl IntoIterator for Names {
    type Item = String;
    type IntoIter = std::vec::IntoIter<String>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Names {
    type Item = &'a String;
    type IntoIter = std::slice::Iter<'a, String>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// The search over packs of one manifest.
pub struct PackSearch<'a> {
    pub dir: &'a IndexDirectory,
    pub articles: usize,
    pub meta: String,
    pub sources: &'a [String],
    pub shelf: &'a dyn Shelf,
}

/// A run of a phrase matched: for each spelling that matches, its articles
/// and places.
type RunMatch<'a> = Vec<&'a SpellingPlaces>;

impl<'a> PackSearch<'a> {
    /// The term shards holding the folded words that begin with `prefix`
    /// (or are `prefix`, when not `prefix_too`).
    fn term_shards(&self, key: &str, prefix: bool) -> Range<usize> {
        shards_for(&self.dir.terms, key, prefix)
    }

    /// The spellings of names whose folded key is `key` (or begins with it,
    /// when `prefix`), in order, from the name shards that hold them; those
    /// not here are named in `needs`.
    fn names_keyed(&self, key: &str, prefix: bool, needs: &mut Needs) -> Vec<&'a Name> {
        let mut out = Vec::new();
        for k in shards_for(&self.dir.names, key, prefix) {
            let name = file_name(Kind::Names, self.dir.names[k].1);
            let Some(names) = self.shelf.names(&name) else {
                needs.insert(name);
                continue;
            };
            let first = names.partition_point(|n| n.key.as_str() < key);
            out.extend(names[first..].iter().take_while(|n| {
                if prefix {
                    n.key.starts_with(key)
                } else {
                    n.key == key
                }
            }));
        }
        out
    }

    /// The entity shard of an id.
    fn entity_shard(&self, id: &str) -> Option<usize> {
        let after = self
            .dir
            .entities
            .partition_point(|(first, _)| first.as_str() <= id);
        after.checked_sub(1)
    }

    fn entity_shard_name(&self, index: u32) -> Option<String> {
        self.dir
            .entities
            .get(index as usize / ENTITIES_PER_SHARD)
            .map(|&(_, h)| file_name(Kind::Entities, h))
    }

    /// The entity at `index`: its id, name, type and articles.
    pub fn entity(
        &self,
        index: u32,
        needs: &mut Needs,
    ) -> Option<&'a (String, String, EntityType, Vec<u32>)> {
        let name = self.entity_shard_name(index)?;
        match self.shelf.entities(&name) {
            Some(shard) => shard.entities.get(index as usize % ENTITIES_PER_SHARD),
            None => {
                needs.insert(name);
                None
            }
        }
    }

    /// The index of the entity with this id, `Some(None)` when there is
    /// none; `None` until its shard is here (then named in `needs`).
    pub fn entity_index(&self, id: &str, needs: &mut Needs) -> Option<Option<u32>> {
        let Some(k) = self.entity_shard(id) else {
            return Some(None);
        };
        let name = file_name(Kind::Entities, self.dir.entities[k].1);
        let Some(shard) = self.shelf.entities(&name) else {
            needs.insert(name);
            return None;
        };
        Some(
            shard
                .entities
                .binary_search_by(|e| e.0.as_str().cmp(id))
                .ok()
                .map(|i| (k * ENTITIES_PER_SHARD + i) as u32),
        )
    }

    /// The spellings a run of a phrase matches, from the shards it needs.
    fn run_matches(&self, run: &crate::search::Run, needs: &mut Needs) -> RunMatch<'a> {
        let key = if run.folded {
            run.text.clone()
        } else {
            fold_ascii(&run.text)
        };
        let mut out = Vec::new();
        for k in self.term_shards(&key, run.prefix) {
            let name = file_name(Kind::Terms, self.dir.terms[k].1);
            let Some(shard) = self.shelf.terms(&name) else {
                needs.insert(name);
                continue;
            };
            let first = shard
                .terms
                .partition_point(|t| t.folded.as_str() < key.as_str());
            for term in &shard.terms[first..] {
                let fits = if run.prefix {
                    term.folded.starts_with(&key)
                } else {
                    term.folded == key
                };
                if !fits {
                    break;
                }
                for spelling in &term.spellings {
                    let lower = &spelling.lower;
                    let ok = run.folded
                        || if run.prefix {
                            lower.starts_with(&run.text)
                        } else {
                            *lower == run.text
                        };
                    if ok {
                        out.push(spelling);
                    }
                }
            }
        }
        out
    }

    /// The entities a phrase names (see `FilterIndex::named_by`).
    fn named_by(&self, phrase: &Phrase, needs: &mut Needs) -> Vec<u32> {
        let key = fold_ascii(&phrase.key());
        let mut out = Vec::new();
        for n in self.names_keyed(&key, false, needs) {
            let same = n
                .lower
                .split(' ')
                .zip(&phrase.runs)
                .all(|(word, run)| run.folded || word == run.text);
            if same && !out.contains(&n.entity) {
                out.push(n.entity);
            }
        }
        out
    }

    /// The entities whose names begin with the last phrase of `q`, most
    /// mentioned first: (index, articles), at most `limit`, those of
    /// `skip` left out.
    pub fn suggest(
        &self,
        q: &str,
        skip: &[u32],
        limit: usize,
        needs: &mut Needs,
    ) -> Vec<(u32, u32)> {
        let Some(phrase) = crate::search::phrases(q).pop() else {
            return Vec::new();
        };
        let key = fold_ascii(&phrase.key());
        if key.chars().count() < 2 {
            return Vec::new();
        }
        let mut found: Vec<(u32, u32)> = Vec::new();
        for n in self.names_keyed(&key, true, needs) {
            if !skip.contains(&n.entity) && !found.iter().any(|&(e, _)| e == n.entity) {
                found.push((n.entity, n.articles));
            }
        }
        let mut out: Vec<(u32, u32)> = rank(found.iter().map(|&(e, c)| (e as usize, c as usize)))
            .into_iter()
            .map(|e| {
                (
                    e as u32,
                    found.iter().find(|f| f.0 as usize == e).map_or(0, |f| f.1),
                )
            })
            .collect();
        out.truncate(limit);
        out
    }

    /// How many times the runs stand together, in order, in the article at
    /// `position` (asked of `cursors` in increasing order); with `first`, 1
    /// as soon as once.
    fn count_at(cursors: &mut [Cursor<'a>], position: u32, first: bool) -> usize {
        for cursor in cursors.iter_mut() {
            if !cursor.at(position) {
                return 0;
            }
        }
        let Some((head, rest)) = cursors.split_first_mut() else {
            return 0;
        };
        let mut count = 0;
        for w in head.lists.iter_mut().filter(|w| w.present) {
            let mut i = 0;
            while let Some(p) = w.place(i) {
                i += 1;
                let together = rest
                    .iter_mut()
                    .enumerate()
                    .all(|(k, c)| c.has(p.wrapping_add(k as u32 + 1)));
                if together {
                    count += 1;
                    if first {
                        return 1;
                    }
                }
            }
        }
        count
    }

    /// The articles that match a link's query, by their positions in the
    /// library, in the order of its `sort`: see
    /// [`crate::filter::FilterIndex::search`]. A word typed with signs
    /// ("tp.hcm") is matched by its runs of letters and digits. `Err`
    /// names the packs still needed.
    pub fn search(&self, query: &Query) -> Result<Found, Needs> {
        let n = self.articles;
        let mut needs = Needs::new();
        let meta_name = self.meta.clone();
        let meta = self.shelf.meta(&meta_name);
        if meta.is_none() {
            needs.insert(meta_name);
        }
        let phrases = crate::search::phrases(&query.q);
        let runs: Vec<Vec<RunMatch<'a>>> = phrases
            .iter()
            .map(|p| {
                p.runs
                    .iter()
                    .map(|r| self.run_matches(r, &mut needs))
                    .collect()
            })
            .collect();
        let named: Vec<Vec<u32>> = phrases
            .iter()
            .map(|p| self.named_by(p, &mut needs))
            .collect();
        let mut required_entities = Vec::new();
        for id in &query.e {
            match self.entity_index(id, &mut needs) {
                Some(Some(e)) => required_entities.push(e),
                Some(None) if needs.is_empty() => return Ok(Found::default()),
                _ => {}
            }
        }
        let postings = |e: u32, needs: &mut Needs| -> Option<Bits> {
            let (_, _, _, articles) = self.entity(e, needs)?;
            let mut bits = Bits::empty(n);
            articles.iter().for_each(|&p| bits.set(p as usize));
            Some(bits)
        };
        let named_bits: Vec<Vec<Option<Bits>>> = named
            .iter()
            .map(|list| list.iter().map(|&e| postings(e, &mut needs)).collect())
            .collect();
        let required_bits: Vec<Option<Bits>> = required_entities
            .iter()
            .map(|&e| postings(e, &mut needs))
            .collect();
        if !needs.is_empty() {
            return Err(needs);
        }
        let meta = meta.expect("needs would name it");

        let mut found = Bits::full(n);
        let mut loose = Bits::full(n);
        let mut all_named: Vec<u32> = Vec::new();
        for (((phrase, runs), named), named_bits) in
            phrases.iter().zip(&runs).zip(&named).zip(&named_bits)
        {
            let matched = match self.shelf.matched(&phrase.runs) {
                Some(m) => m,
                None => {
                    let mut words = Bits::full(n);
                    for run in runs {
                        let mut any = Bits::empty(n);
                        for spelling in run {
                            spelling.articles().for_each(|p| any.set(p as usize));
                        }
                        words.and(&any);
                    }
                    let mut together = words.clone();
                    if runs.len() > 1 {
                        let mut cursors: Vec<Cursor<'a>> = runs.iter().map(Cursor::new).collect();
                        together.retain(|p| Self::count_at(&mut cursors, p as u32, true) > 0);
                    }
                    let m = Rc::new(Matched { words, together });
                    self.shelf.keep_matched(phrase.runs.clone(), m.clone());
                    m
                }
            };
            let (mut words, mut together) = (matched.words.clone(), matched.together.clone());
            for (&e, bits) in named.iter().zip(named_bits) {
                let bits = bits.as_ref().expect("needs would name it");
                together.or(bits);
                words.or(bits);
                if !all_named.contains(&e) {
                    all_named.push(e);
                }
            }
            found.and(&together);
            loose.and(&words);
        }
        let mut required = Bits::full(n);
        for bits in &required_bits {
            required.and(bits.as_ref().expect("needs would name it"));
        }
        if let Some(source) = &query.source {
            let wanted = self
                .sources
                .iter()
                .position(|s| s == source)
                .map(|i| i as u32);
            required
                .retain(|p| wanted.is_some() && meta.sources.get(p).copied().flatten() == wanted);
        }
        found.and(&required);
        loose.and(&required);
        let date_of = |p: usize| -> Option<PartialDate> { meta.dates.get(p).copied().flatten() };
        let by_relevance = |shown: &[usize]| {
            let mut needs = Needs::new();
            for &p in shown {
                if let Some(&h) = self.dir.facets.get(p / CARDS_PER_SHARD) {
                    let name = file_name(Kind::Facets, h);
                    if self.shelf.facets(&name).is_none() {
                        needs.insert(name);
                    }
                }
            }
            if !needs.is_empty() {
                return Err(needs);
            }
            // Scored in increasing position, as the cursors go.
            let mut cursors: Vec<Vec<Cursor<'a>>> = runs
                .iter()
                .map(|r| r.iter().map(Cursor::new).collect())
                .collect();
            let mut at_hand = None;
            let mut score = |p: usize| -> usize {
                let words: usize = cursors
                    .iter_mut()
                    .map(|c| Self::count_at(c, p as u32, false))
                    .sum();
                let names: usize = self.mentioned(p, &mut at_hand).map_or(0, |m| {
                    m.filter(|(e, _, _)| all_named.contains(e))
                        .map(|(_, _, c)| c as usize)
                        .sum()
                });
                words + names
            };
            Ok(rank(shown.iter().map(|&p| (p, score(p)))))
        };
        let mut found = in_order(query, &phrases, &found, &loose, date_of, by_relevance)?;
        found.named = all_named.into_iter().map(|e| e as usize).collect();
        Ok(found)
    }

    /// What the article at `position` mentions, if its facet shard is here.
    /// `at_hand` keeps the shard last read (articles come mostly in order,
    /// a thousand to a shard): its name is not made and looked up again.
    fn mentioned(
        &self,
        position: usize,
        at_hand: &mut Option<(usize, &'a Mentions)>,
    ) -> Option<impl Iterator<Item = (u32, EntityType, u32)> + 'a> {
        let k = position / CARDS_PER_SHARD;
        let shard = match *at_hand {
            Some((at, shard)) if at == k => shard,
            _ => {
                let h = *self.dir.facets.get(k)?;
                let shard = self.shelf.facets(&file_name(Kind::Facets, h))?;
                *at_hand = Some((k, shard));
                shard
            }
        };
        shard.article(position % CARDS_PER_SHARD)
    }

    /// The facets of the articles at `shown` (positions): for each type the
    /// `limit` entities most mentioned (those of `skip` left out), the
    /// commonest sources and every year, as
    /// [`crate::filter::FilterIndex::facets`] counts them; entities as
    /// indices. `Err` names the packs still needed.
    ///
    /// Entities are counted over the facet shards' flat lists, a run of
    /// articles that follow each other in one pass. Once the whole
    /// collection has been counted (when a view showed every shard's
    /// articles), results of more than half the collection are counted as
    /// the whole less the articles left out, whose shards are here.
    pub fn facets(&self, shown: &[usize], skip: &[u32], limit: usize) -> Result<Facets, Needs> {
        let mut needs = Needs::new();
        let meta_name = self.meta.clone();
        if self.shelf.meta(&meta_name).is_none() {
            needs.insert(meta_name.clone());
        }
        let n = self.articles;
        // The articles shown, and how many of each shard's.
        let mut within = Bits::empty(n);
        let mut wanted = vec![0usize; self.dir.facets.len()];
        for &p in shown {
            if p < n {
                within.set(p);
                if let Some(w) = wanted.get_mut(p / CARDS_PER_SHARD) {
                    *w += 1;
                }
            }
        }
        let whole = (2 * shown.len() > n)
            .then(|| self.totals(&wanted))
            .flatten();
        // The shards to read: those of the articles left out, if the whole
        // is counted and they are here, else those of the articles shown.
        let mut shards: Vec<Option<&'a Mentions>> = Vec::with_capacity(wanted.len());
        let (mut direct, mut left_out) = (Needs::new(), false);
        for (k, &h) in self.dir.facets.iter().enumerate() {
            let size = CARDS_PER_SHARD.min(n.saturating_sub(k * CARDS_PER_SHARD));
            let name = file_name(Kind::Facets, h);
            // Shards are looked up (and so kept) only where they are read.
            let other = whole.is_some() && wanted[k] < size;
            let shard = (wanted[k] > 0 || other)
                .then(|| self.shelf.facets(&name))
                .flatten();
            if shard.is_none() {
                left_out |= other;
                if wanted[k] > 0 {
                    direct.insert(name);
                }
            }
            shards.push(shard);
        }
        let subtract = whole.is_some() && !left_out;
        if !subtract {
            needs.extend(direct);
        }
        if !needs.is_empty() {
            return Err(needs);
        }
        let meta = self.shelf.meta(&meta_name).expect("checked above");
        // Counts and types by entity: from the whole, or from nothing.
        let e = self.dir.entity_count as usize;
        let (mut counts, mut kinds) = match whole {
            Some(t) if subtract => (t.counts.to_vec(), t.kinds.to_vec()),
            _ => (vec![0u32; e], vec![EntityType::Person; e]),
        };
        // Articles that follow each other in one shard are one slice of its
        // lists, counted (or, from the whole, taken away) in one pass.
        let step = if subtract { u32::MAX } else { 1 };
        let mut p = 0;
        while p < n {
            let from = p;
            let k = p / CARDS_PER_SHARD;
            let end = n.min((k + 1) * CARDS_PER_SHARD);
            while p < end && within.has(p) != subtract {
                p += 1;
            }
            if p == from {
                p += 1;
                continue;
            }
            let Some(shard) = shards[k] else {
                continue;
            };
            let entries = shard.entries(from - k * CARDS_PER_SHARD..p - k * CARDS_PER_SHARD);
            for (&e, &kind) in shard.entities[entries.clone()]
                .iter()
                .zip(&shard.kinds[entries])
            {
                if let (Some(c), Some(k)) = (counts.get_mut(e as usize), kinds.get_mut(e as usize))
                {
                    *c = c.wrapping_add(step);
                    *k = kind;
                }
            }
        }
        let mut by_source = vec![0usize; self.sources.len()];
        let mut years: Vec<(u16, usize)> = Vec::new();
        for &p in shown {
            if let Some(Some(s)) = meta.sources.get(p) {
                if let Some(c) = by_source.get_mut(*s as usize) {
                    *c += 1;
                }
            }
            if let Some(Some(date)) = meta.dates.get(p) {
                match years.iter_mut().find(|(y, _)| *y == date.year) {
                    Some((_, c)) => *c += 1,
                    None => years.push((date.year, 1)),
                }
            }
        }
        for &e in skip {
            if let Some(c) = counts.get_mut(e as usize) {
                *c = 0;
            }
        }
        let entities = top_by_facet(
            &counts,
            |e| Facets::KINDS.iter().position(|&k| k == kinds[e]),
            limit,
        );
        let sources = rank(by_source.iter().copied().enumerate().filter(|s| s.1 > 0))
            .into_iter()
            .take(limit)
            .map(|i| (self.sources[i].clone(), by_source[i]))
            .collect();
        let years = rank(years.iter().enumerate().map(|(i, y)| (i, usize::from(y.0))))
            .into_iter()
            .map(|i| years[i])
            .collect();
        Ok(Facets {
            entities,
            sources,
            years,
        })
    }

    /// What the whole collection mentions, counted: kept by the shelf once
    /// made, which it is when a view shows articles of every shard
    /// (`wanted`: how many of each shard's), so that it reads them all
    /// anyway, and they are all here.
    fn totals(&self, wanted: &[usize]) -> Option<&'a Totals> {
        if let Some(t) = self.shelf.totals() {
            return Some(t);
        }
        if wanted.contains(&0) {
            return None;
        }
        let e = self.dir.entity_count as usize;
        let mut totals = Totals {
            counts: vec![0; e].into(),
            kinds: vec![EntityType::Person; e].into(),
        };
        for &h in &self.dir.facets {
            let shard = self.shelf.facets(&file_name(Kind::Facets, h))?;
            for (&e, &kind) in shard.entities.iter().zip(shard.kinds.iter()) {
                if let Some(c) = totals.counts.get_mut(e as usize) {
                    *c += 1;
                    totals.kinds[e as usize] = kind;
                }
            }
        }
        self.shelf.keep_totals(totals);
        self.shelf.totals()
    }
}

/// How many articles of the whole collection mention each entity, and its
/// type (by entity index), for the facets of a query that finds most of it.
#[derive(Clone, Debug, Default)]
pub struct Totals {
    counts: Box<[u32]>,
    kinds: Box<[EntityType]>,
}

/// The spellings a run matches, walked article by article in increasing
/// position: each list's place is kept, so a whole search reads each list
/// once.
struct Cursor<'a> {
    lists: Vec<Walked<'a>>,
}

/// One spelling's articles and places, and how far they are read.
struct Walked<'a> {
    spelling: &'a SpellingPlaces,
    /// Articles read so far (the current one included).
    read: u32,
    /// The current article, `None` once past the last.
    article: Option<u32>,
    /// Where the next article's difference is, in `spelling.articles`.
    next: usize,
    /// Where the current article's places are, in `spelling.places`.
    places_at: usize,
    /// Whether the current article is the one last asked for.
    present: bool,
    /// Its places read so far, in order (read only as far as asked: a
    /// phrase is most often found at the first places it is looked for).
    here: Vec<u32>,
    /// Where the next of them is, and where they end.
    unread: Range<usize>,
}

impl<'a> Walked<'a> {
    fn new(spelling: &'a SpellingPlaces) -> Self {
        let mut w = Walked {
            spelling,
            read: 0,
            article: None,
            next: 0,
            places_at: 0,
            present: false,
            here: Vec::new(),
            unread: 0..0,
        };
        w.step(0);
        w
    }

    /// To the next article, whose difference from `from` is read.
    fn step(&mut self, from: u32) {
        if self.read >= self.spelling.count {
            self.article = None;
            return;
        }
        let d = read_varint(&self.spelling.articles, &mut self.next);
        self.article = Some(if self.read == 0 {
            d
        } else {
            from.wrapping_add(d)
        });
        self.read += 1;
    }

    /// Moves to the article at `position` or the first after it; notes
    /// whether it is there.
    fn at(&mut self, position: u32) -> bool {
        let places = &self.spelling.places;
        while let Some(a) = self.article.filter(|&a| a < position) {
            let len = read_varint(places, &mut self.places_at) as usize;
            self.places_at = self.places_at.saturating_add(len);
            self.step(a);
        }
        self.present = self.article == Some(position);
        if self.present {
            let mut at = self.places_at;
            let len = read_varint(places, &mut at) as usize;
            self.unread = at..at.saturating_add(len).min(places.len());
            self.here.clear();
        }
        self.present
    }

    /// The `i`th place in the current article, read if it is not yet.
    fn place(&mut self, i: usize) -> Option<u32> {
        while self.here.len() <= i {
            if !self.read_place() {
                return None;
            }
        }
        Some(self.here[i])
    }

    /// Reads the next place of the current article; false if none is left.
    fn read_place(&mut self) -> bool {
        if self.unread.is_empty() {
            return false;
        }
        let mut at = self.unread.start;
        let d = read_varint(&self.spelling.places, &mut at);
        self.unread.start = at.min(self.unread.end);
        let p = match self.here.last() {
            Some(&last) => last.wrapping_add(d),
            None => d,
        };
        self.here.push(p);
        true
    }

    /// Whether the word is at `place` in the current article.
    fn has(&mut self, place: u32) -> bool {
        while self.here.last().is_none_or(|&last| last < place) {
            if !self.read_place() {
                break;
            }
        }
        self.here.binary_search(&place).is_ok()
    }
}

impl<'a> Cursor<'a> {
    fn new(run: &RunMatch<'a>) -> Self {
        Cursor {
            lists: run.iter().map(|&spelling| Walked::new(spelling)).collect(),
        }
    }

    /// Whether any of the run's words is in the article at `position`.
    fn at(&mut self, position: u32) -> bool {
        let mut any = false;
        for w in &mut self.lists {
            any |= w.at(position);
        }
        any
    }

    /// Whether one of the run's words is at `place` in the article last
    /// asked for.
    fn has(&mut self, place: u32) -> bool {
        self.lists.iter_mut().any(|w| w.present && w.has(place))
    }
}

/// The shards (of a directory of first keys) that hold `key`, or every key
/// beginning with it.
fn shards_for(dir: &[(String, u64)], key: &str, prefix: bool) -> Range<usize> {
    if dir.is_empty() {
        return 0..0;
    }
    let first = dir
        .partition_point(|(k, _)| k.as_str() <= key)
        .saturating_sub(1);
    let mut end = first + 1;
    if prefix {
        while end < dir.len() && dir[end].0.starts_with(key) {
            end += 1;
        }
    } else {
        // The same key may open the next shards too.
        while end < dir.len() && dir[end].0 == key {
            end += 1;
        }
    }
    first..end
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A spelling written as a pack stores it, read as a search reads it.
    fn stored(articles: &[u32], places: &[&[u32]]) -> SpellingPlaces {
        let spelling = Spelling {
            lower: "công".into(),
            articles: deltas(articles),
            places: places.iter().map(|p| deltas(p)).collect(),
        };
        crate::wire::read_plain(&super::super::plain(&spelling)).unwrap()
    }

    /// The places of the one spelling of `cursor` in the article last asked for.
    fn places(cursor: &mut Cursor) -> Vec<u32> {
        let w = &mut cursor.lists[0];
        (0..).map_while(|i| w.place(i)).collect()
    }

    #[test]
    fn a_term_shard_is_written_as_postcard_writes_its_terms() {
        let mut words = Words::default();
        let text = [("nhà", 0, 3), ("nha", 0, 7), ("nhà", 0, 200), ("nhà", 2, 1)];
        for (w, position, place) in text {
            words.add(w, position, place);
        }
        for place in [5, 300, 20_000] {
            words.add("một", 130, place);
        }
        let posting = |w: &str| &words.postings[words.ids[w] as usize];
        let spellings = [("mot", "một"), ("nha", "nha"), ("nha", "nhà")];
        let terms = vec![
            Term {
                folded: "mot".into(),
                spellings: vec![posting("một").spelling("một".into())],
            },
            Term {
                folded: "nha".into(),
                spellings: vec![
                    posting("nha").spelling("nha".into()),
                    posting("nhà").spelling("nhà".into()),
                ],
            },
        ];
        let direct = shard_plain(spellings.iter().map(|&(f, l)| (f, l, posting(l))));
        assert_eq!(direct, super::super::plain(&terms));
    }

    #[test]
    fn a_spelling_is_read_from_its_pack_as_it_is_stored_and_walked_article_by_article() {
        let s = stored(
            &[3, 7, 200, 70_000],
            &[&[0, 4, 9], &[2], &[5, 6, 300], &[1]],
        );
        assert_eq!(s.lower, "công");
        assert_eq!(s.articles().collect::<Vec<_>>(), [3, 7, 200, 70_000]);
        // A byte for each small number (the places of a word in an article
        // are close together), where flat lists of `u32` took four: 5 bytes
        // of word, 7 of articles, 13 of places against 5 + 4 × 17.
        assert_eq!(s.heap_bytes(), 5 + 7 + 13);
        let run = vec![&s];
        let mut cursor = Cursor::new(&run);
        assert!(!cursor.at(1));
        assert!(cursor.at(3));
        assert_eq!(places(&mut cursor), [0, 4, 9]);
        assert!(cursor.has(4) && !cursor.has(5));
        // Asked again, the same.
        assert!(cursor.at(3));
        assert_eq!(places(&mut cursor), [0, 4, 9]);
        assert!(!cursor.at(100));
        assert!(cursor.at(200));
        assert_eq!(places(&mut cursor), [5, 6, 300]);
        assert!(cursor.at(70_000));
        assert_eq!(places(&mut cursor), [1]);
        assert!(!cursor.at(70_001));
    }

    #[test]
    fn a_damaged_spelling_reads_as_numbers_never_as_a_panic() {
        let mut s = stored(&[3, 7], &[&[0, 4], &[2]]);
        s.places = s.places[..2].to_vec().into_boxed_slice();
        s.articles = vec![0xff].into_boxed_slice();
        let run = vec![&s];
        let mut cursor = Cursor::new(&run);
        for p in 0..300 {
            cursor.at(p);
        }
        assert_eq!(s.articles().count(), 2);
    }

    // Property tests run natively only.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Term and facet shards, as postcard writes them, read as they are
        /// searched; cut short, refused.
        #[test]
        fn term_and_facet_shards_read_as_written(
            terms in proptest::collection::vec(
                ("\\PC{0,5}", proptest::collection::vec((
                    "\\PC{0,5}",
                    proptest::collection::vec(proptest::prelude::any::<u32>(), 0..4),
                    proptest::collection::vec(
                        proptest::collection::vec(proptest::prelude::any::<u32>(), 0..4),
                        0..4,
                    ),
                ), 0..3)),
                0..3,
            ),
            shard in proptest::collection::vec(
                proptest::collection::vec((
                    proptest::prelude::any::<u32>(),
                    proptest::sample::select(EntityType::ALL.to_vec()),
                    proptest::prelude::any::<u32>(),
                ), 0..4),
                0..4,
            ),
        ) {
            let terms: Vec<Term> = terms
                .into_iter()
                .map(|(folded, spellings)| Term {
                    folded,
                    spellings: spellings
                        .into_iter()
                        .map(|(lower, articles, places)| Spelling { lower, articles, places })
                        .collect(),
                })
                .collect();
            let plain = super::super::plain(&terms);
            let read: Terms = crate::wire::read_plain(&plain).unwrap();
            proptest::prop_assert_eq!(read.terms.len(), terms.len());
            for (r, t) in read.terms.iter().zip(&terms) {
                proptest::prop_assert_eq!(&r.folded, &t.folded);
                proptest::prop_assert_eq!(r.spellings.len(), t.spellings.len());
                for (r, s) in r.spellings.iter().zip(&t.spellings) {
                    proptest::prop_assert_eq!(&r.lower, &s.lower);
                    let mut sum = 0u32;
                    let articles: Vec<u32> = s
                        .articles
                        .iter()
                        .map(|&d| {
                            sum = sum.wrapping_add(d);
                            sum
                        })
                        .collect();
                    proptest::prop_assert_eq!(r.articles().collect::<Vec<_>>(), articles);
                    let mut places = Vec::new();
                    for list in &s.places {
                        let mut bytes = Vec::new();
                        for &p in list {
                            push_varint(&mut bytes, p);
                        }
                        push_varint(&mut places, bytes.len() as u32);
                        places.extend_from_slice(&bytes);
                    }
                    proptest::prop_assert_eq!(&*r.places, &places[..]);
                }
            }
            for cut in 0..plain.len() {
                proptest::prop_assert!(crate::wire::read_plain::<Terms>(&plain[..cut]).is_err());
            }
            let plain = super::super::plain(&shard);
            let m: Mentions = crate::wire::read_plain(&plain).unwrap();
            for (i, article) in shard.iter().enumerate() {
                proptest::prop_assert_eq!(&m.article(i).unwrap().collect::<Vec<_>>(), article);
            }
            proptest::prop_assert!(m.article(shard.len()).is_none());
            for cut in 0..plain.len() {
                proptest::prop_assert!(crate::wire::read_plain::<Mentions>(&plain[..cut]).is_err());
            }
        }
    }

    #[test]
    fn a_facet_shard_gives_each_article_what_it_mentions_in_order() {
        let shard: Vec<Mentioned> = vec![
            vec![(1, EntityType::Person, 2), (4, EntityType::Location, 1)],
            vec![],
            vec![(2, EntityType::Organization, 3)],
            // Every type, large numbers, and out of order.
            vec![
                (70_000, EntityType::Event, 300),
                (5, EntityType::Title, 1),
                (9, EntityType::Date, 2),
                (200_000, EntityType::Person, 70_000),
            ],
        ];
        let m: Mentions = crate::wire::read_plain(&super::super::plain(&shard)).unwrap();
        for (i, article) in shard.iter().enumerate() {
            assert_eq!(&m.article(i).unwrap().collect::<Vec<_>>(), article);
        }
        assert!(m.article(4).is_none());
    }
}
