//! Packs: a collection written beside the app as small files that the page
//! fetches when a view needs them, so that a large collection opens at once
//! from a static host and a new collection needs no new build of the app.
//!
//! Every pack is `DCPK`, a format version, its [`Kind`], then its value in
//! postcard compressed with DEFLATE. Its file name is its kind and a hash of
//! its bytes (`packs/card-<16 hex>.bin`): a file never changes once written,
//! so a cache may keep it for ever, and a new build, whose manifest names
//! other files, never mixes with an old one. The manifest is the one file
//! the page is told of (by a `<meta name="doichieu-packs">` in `index.html`);
//! it holds the first page of the library, so that the page shows it at
//! once, and the names of every other pack:
//!
//! - card shards: the library's cards (title, date, source, opening) in the
//!   library's order, [`CARDS_PER_SHARD`] to a shard;
//! - doc bundles: each article with its marks and the entities it mentions,
//!   the articles around it in the library and those most like it, about
//!   [`ARTICLES_PER_BUNDLE`] to a bundle, an article's bundle found from its
//!   id alone ([`bundle_of`]), so that a link to one article fetches the
//!   manifest and one bundle;
//! - meta: each article's date and source by its place in the library, for
//!   date ranges, sorting and the histogram.

use std::fmt;

use flate2::Compression;
use serde::Serialize;

use crate::article::{Article, DateBasis};
use crate::corpus::{Corpus, Mark};
use crate::date::PartialDate;
use crate::entity::{Entity, EntityType};
use crate::wire::{read_in_order, Read};

pub mod index;
pub use index::{IndexDirectory, PackSearch, Shelf};

/// First bytes of every pack.
const MAGIC: &[u8; 4] = b"DCPK";
/// The version of the format this code reads and writes.
pub const VERSION: u16 = 2;
/// Cards in the manifest: the library's first page.
pub const FIRST_PAGE: usize = 50;
/// Cards in one card shard.
pub const CARDS_PER_SHARD: usize = 1000;
/// Articles in one doc bundle, on average.
pub const ARTICLES_PER_BUNDLE: usize = 8;
/// Characters of opening text on a card.
pub const EXCERPT_CHARS: usize = 240;
/// Articles suggested as like one article.
pub const SIMILAR: usize = 5;
/// The `name` of the `<meta>` element of `index.html` that gives the
/// manifest's file name.
pub const META_NAME: &str = "doichieu-packs";
/// The folder beside `index.html` that holds the packs.
pub const FOLDER: &str = "packs";
/// A pack larger than this is refused when read.
const MAX_PACK_BYTES: usize = 256 * 1024 * 1024;

/// What a pack holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Kind {
    Manifest,
    Cards,
    Docs,
    Meta,
    Terms,
    Names,
    Entities,
    Facets,
}

impl Kind {
    /// The word that opens its file names.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Manifest => "manifest",
            Kind::Cards => "card",
            Kind::Docs => "doc",
            Kind::Meta => "meta",
            Kind::Terms => "term",
            Kind::Names => "name",
            Kind::Entities => "entity",
            Kind::Facets => "facet",
        }
    }

    fn byte(self) -> u8 {
        match self {
            Kind::Manifest => 0,
            Kind::Cards => 1,
            Kind::Docs => 2,
            Kind::Meta => 3,
            Kind::Terms => 4,
            Kind::Names => 5,
            Kind::Entities => 6,
            Kind::Facets => 7,
        }
    }
}

/// Why a pack could not be read, said for a person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PackError {
    NotAPack,
    Version(u16),
    WrongKind { expected: Kind, found: u8 },
    Corrupt(String),
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotAPack => write!(f, "not a Đối chiếu pack"),
            Self::Version(v) => write!(
                f,
                "a pack of format {v}; this reader knows format {VERSION} (write the packs again with this version's doichieu)"
            ),
            Self::WrongKind { expected, found } => write!(
                f,
                "a pack of another kind ({found}) where a {} pack was expected",
                expected.as_str()
            ),
            Self::Corrupt(e) => write!(f, "a damaged pack: {e}"),
        }
    }
}

impl std::error::Error for PackError {}

/// The bytes of a pack of `kind` holding `value`.
pub fn encode<T: Serialize>(kind: Kind, value: &T) -> Vec<u8> {
    compress(kind, &plain(value))
}

/// A value in postcard: a pack's content before it is compressed, and what
/// its name is the hash of.
pub fn plain<T: Serialize>(value: &T) -> Vec<u8> {
    postcard::to_allocvec(value).expect("writing to a Vec cannot fail")
}

/// A pack of `kind` around its content in postcard. Each thread keeps one
/// compressor for each level, reset between packs: a new one for each pack
/// cost as much again as compressing a small pack (its tables allocated and
/// cleared).
///
/// The doc bundles and the term shards are compressed at level 2, the
/// others at 3. The bundles were two thirds of the compression's work (656 M
/// of 1,030 M instructions writing 1,000 generated articles; 483 M at level
/// 2) and an article opened fetches one of them, 10 % larger (10,000
/// generated articles' bundles: 28.0 MB at level 3, 30.7 MB at 2). The term
/// shards, lists of numbers that level 3's lazier matching hardly shortens,
/// take a fifth less work at level 2 (300 M → 234 M instructions at 1,000
/// articles) for 0.3 % more bytes (10,000 articles: 15.04 → 15.09 MB). The
/// other packs of the index, and the cards of the first view, would be
/// 5–14 % larger at level 2 for little work: they keep level 3.
fn compress(kind: Kind, plain: &[u8]) -> Vec<u8> {
    use flate2::{Compress, FlushCompress, Status};
    thread_local! {
        static DEFLATE: std::cell::RefCell<Compress> =
            std::cell::RefCell::new(Compress::new(Compression::new(3), false));
        static DEFLATE_FAST: std::cell::RefCell<Compress> =
            std::cell::RefCell::new(Compress::new(Compression::new(2), false));
    }
    let deflate = if matches!(kind, Kind::Docs | Kind::Terms) {
        &DEFLATE_FAST
    } else {
        &DEFLATE
    };
    let mut out = Vec::with_capacity(MAGIC.len() + 3 + plain.len() / 3 + 64);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.push(kind.byte());
    deflate.with_borrow_mut(|deflate| {
        deflate.reset();
        // All the content, then the end, as a stream written whole.
        let mut flush = FlushCompress::None;
        loop {
            if out.capacity() - out.len() < 1024 {
                out.reserve(out.len().max(32 * 1024));
            }
            let read = deflate.total_in() as usize;
            let status = deflate
                .compress_vec(&plain[read..], &mut out, flush)
                .expect("compressing to a Vec cannot fail");
            if status == Status::StreamEnd {
                break;
            }
            if deflate.total_in() as usize == plain.len() {
                flush = FlushCompress::Finish;
            }
        }
    });
    out
}

/// The cores this process may run on (one in a browser).
pub fn cores() -> usize {
    if cfg!(target_arch = "wasm32") {
        1
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    }
}

/// `f` of each item, in order, on as many threads as the machine has
/// cores (one where threads cannot be made, as in a browser). Each thread
/// takes the next few items as it is free, so that items of unequal work
/// keep every core busy to the end.
pub fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let threads = cores().min(items.len());
    if threads < 2 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let batch = (items.len() / (threads * 16)).clamp(1, 64);
    let work = || {
        let mut done: Vec<(usize, R)> = Vec::new();
        loop {
            let start = next.fetch_add(batch, Ordering::Relaxed);
            if start >= items.len() {
                return done;
            }
            for (i, item) in items.iter().enumerate().skip(start).take(batch) {
                done.push((i, f(item)));
            }
        }
    };
    let parts: Vec<Vec<(usize, R)>> = std::thread::scope(|scope| {
        let others: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        let mut parts = vec![work()];
        parts.extend(
            others
                .into_iter()
                .map(|h| h.join().expect("a worker thread does not panic")),
        );
        parts
    });
    let mut slots: Vec<Option<R>> = std::iter::repeat_with(|| None).take(items.len()).collect();
    for (i, r) in parts.into_iter().flatten() {
        slots[i] = Some(r);
    }
    slots
        .into_iter()
        .map(|r| r.expect("every item is mapped once"))
        .collect()
}

/// Reads a pack written by [`encode`], checking its kind.
pub fn decode<T: Read>(kind: Kind, bytes: &[u8]) -> Result<T, PackError> {
    let rest = bytes
        .strip_prefix(MAGIC.as_slice())
        .ok_or(PackError::NotAPack)?;
    let (head, body) = rest.split_first_chunk::<3>().ok_or(PackError::NotAPack)?;
    let version = u16::from_le_bytes([head[0], head[1]]);
    if version != VERSION {
        return Err(PackError::Version(version));
    }
    if head[2] != kind.byte() {
        return Err(PackError::WrongKind {
            expected: kind,
            found: head[2],
        });
    }
    crate::wire::inflate_read(body, MAX_PACK_BYTES as u64)
        .map_err(|e| PackError::Corrupt(e.to_string()))
}

/// The content hash that names a pack and picks an article's bundle.
pub fn hash(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// The file name (in [`FOLDER`]) of a pack of `kind` whose bytes hash to `hash`.
pub fn file_name(kind: Kind, hash: u64) -> String {
    format!("{}-{hash:016x}.bin", kind.as_str())
}

/// The bundle (of `bundles`) that holds the article with this id.
pub fn bundle_of(id: &str, bundles: usize) -> usize {
    if bundles == 0 {
        return 0;
    }
    (hash(id.as_bytes()) % bundles as u64) as usize
}

/// One article as the library lists it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Card {
    pub id: String,
    pub title: String,
    pub date: Option<PartialDate>,
    pub date_basis: DateBasis,
    pub source: Option<String>,
    /// The opening of the body ([`Article::excerpt`]).
    pub excerpt: String,
}

impl Card {
    pub fn of(article: &Article) -> Self {
        Card {
            id: article.id.clone(),
            title: article.title.clone(),
            date: article.date,
            date_basis: article.date_basis,
            source: article.source.clone(),
            excerpt: article.excerpt(EXCERPT_CHARS),
        }
    }
}

/// Another article named beside one: its id and title.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Link {
    pub id: String,
    pub title: String,
}

/// One article of a doc bundle, with all a reading view needs.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Doc {
    /// The article, its marks, and the entities they point to (each with
    /// its roles in this article, and this article as its only article).
    pub corpus: Corpus,
    /// Its place in the library's order.
    pub position: u32,
    /// For each entity of `corpus`, how many articles of the collection
    /// mention it.
    pub mentioned_in: Vec<u32>,
    /// The article before it in the library (newer) and after it (older).
    pub newer: Option<Link>,
    pub older: Option<Link>,
    /// The articles most like it, with the entities shared
    /// ([`crate::compare::similar`]).
    pub similar: Vec<(Link, u32)>,
}

/// Each article's date and source by its place in the library's order.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Meta {
    pub dates: Vec<Option<PartialDate>>,
    /// An index into [`Manifest::sources`], if the article has a source.
    pub sources: Vec<Option<u32>>,
}

/// What the page reads first: the collection's size, the library's first
/// page, and the name of every other pack.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Manifest {
    /// A name for this build of the collection: the hash of every pack's name.
    pub build: String,
    pub articles: u32,
    /// Bytes of text of the collection.
    pub text_bytes: u64,
    /// Bytes and number of every pack but the manifest: what keeping the
    /// whole collection offline fetches.
    pub pack_bytes: u64,
    pub pack_files: u32,
    /// The library's first [`FIRST_PAGE`] cards.
    pub first: Vec<Card>,
    /// Every source, once, in the order of the articles' files.
    pub sources: Vec<String>,
    /// The card shards, in the library's order.
    pub cards: Vec<u64>,
    /// The doc bundles, by [`bundle_of`].
    pub docs: Vec<u64>,
    pub meta: u64,
    /// The search's shards ([`index`]).
    pub index: IndexDirectory,
}

read_in_order!(Card {
    id,
    title,
    date,
    date_basis,
    source,
    excerpt
});

read_in_order!(Link { id, title });

read_in_order!(Doc {
    corpus,
    position,
    mentioned_in,
    newer,
    older,
    similar
});

read_in_order!(Meta { dates, sources });

read_in_order!(Manifest {
    build,
    articles,
    text_bytes,
    pack_bytes,
    pack_files,
    first,
    sources,
    cards,
    docs,
    meta,
    index
});

impl Manifest {
    /// The file name of every pack it names.
    pub fn files(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        out.extend(self.cards.iter().map(|&h| file_name(Kind::Cards, h)));
        out.extend(self.docs.iter().map(|&h| file_name(Kind::Docs, h)));
        out.push(file_name(Kind::Meta, self.meta));
        let i = &self.index;
        out.extend(i.terms.iter().map(|(_, h)| file_name(Kind::Terms, *h)));
        out.extend(i.names.iter().map(|(_, h)| file_name(Kind::Names, *h)));
        out.extend(
            i.entities
                .iter()
                .map(|(_, h)| file_name(Kind::Entities, *h)),
        );
        out.extend(i.facets.iter().map(|&h| file_name(Kind::Facets, h)));
        out
    }

    /// The name of the meta pack.
    pub fn meta_name(&self) -> String {
        file_name(Kind::Meta, self.meta)
    }

    /// The card shard holding the card at this place in the library.
    pub fn card_shard(&self, position: usize) -> Option<String> {
        self.cards
            .get(position / CARDS_PER_SHARD)
            .map(|&h| file_name(Kind::Cards, h))
    }

    /// The doc bundle holding the article with this id.
    pub fn doc_bundle(&self, id: &str) -> Option<String> {
        self.docs
            .get(bundle_of(id, self.docs.len()))
            .map(|&h| file_name(Kind::Docs, h))
    }
}

/// A collection written as packs: the manifest's name and bytes, and every
/// other pack's.
#[derive(Clone, Debug, Default)]
pub struct Packs {
    pub manifest: Manifest,
    pub manifest_name: String,
    pub manifest_bytes: Vec<u8>,
    /// File name (in [`FOLDER`]) and bytes.
    pub files: Vec<(String, Vec<u8>)>,
}

/// The search's term shards, made from the articles' words alone: they can
/// be made while the articles' entities are read ([`write_with`]).
pub struct WordPacks {
    /// How many articles they were made of.
    articles: usize,
    /// Each shard's first folded word, the hash of its content, its bytes.
    shards: Vec<(String, u64, Vec<u8>)>,
}

/// The term shards of these articles (those of an annotated corpus, or
/// the same before they are annotated).
pub fn word_packs(articles: &[Article]) -> WordPacks {
    word_packs_after(articles, || ())
}

/// [`word_packs`], the shards made only once `ready` returns, after the
/// words are read: a caller reading the entities on the other cores holds
/// them back until its own work leaves a core idle (the entities'
/// resolution, on one thread), rather than have them done before it.
pub fn word_packs_after(articles: &[Article], ready: impl FnOnce()) -> WordPacks {
    WordPacks {
        articles: articles.len(),
        shards: index::term_packs(articles, &library_order(articles), ready),
    }
}

/// The articles' indices in the library's order, newest first.
fn library_order(articles: &[Article]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..articles.len()).collect();
    crate::sort::sort_by(&mut order, |&a, &b| {
        Article::newest_first(&articles[a], &articles[b])
    });
    order
}

/// Writes an annotated corpus as packs. `progress` is told, as the doc
/// bundles are made, how many articles are done.
pub fn write(corpus: &Corpus, progress: &mut dyn FnMut(usize)) -> Packs {
    write_with(corpus, word_packs(&corpus.articles), progress)
}

/// [`write`], the term shards made already from the same articles
/// ([`word_packs`]).
pub fn write_with(corpus: &Corpus, words: WordPacks, progress: &mut dyn FnMut(usize)) -> Packs {
    let mut timing = crate::timing::Spans::start();
    let n = corpus.articles.len();
    assert_eq!(words.articles, n, "the term shards are of these articles");
    let order = library_order(&corpus.articles);
    let mut position_of = vec![0u32; n];
    for (p, &a) in order.iter().enumerate() {
        position_of[a] = p as u32;
    }
    // Each pack's content, named by its hash; compressed on every core
    // (the doc bundles as they are made, the others at the end).
    let mut files: Vec<(Kind, u64, Vec<u8>)> = Vec::new();
    let add = |kind: Kind, plain: Vec<u8>, files: &mut Vec<(Kind, u64, Vec<u8>)>| {
        let h = hash(&plain);
        files.push((kind, h, plain));
        h
    };

    let cards: Vec<Card> = order
        .iter()
        .map(|&a| Card::of(&corpus.articles[a]))
        .collect();
    let card_hashes: Vec<u64> = cards
        .chunks(CARDS_PER_SHARD)
        .map(|chunk| add(Kind::Cards, plain(&chunk), &mut files))
        .collect();

    // Sources in the order the articles' files are read, as the library's
    // index numbers them (its ties are broken in that order).
    let mut sources: Vec<String> = Vec::new();
    for a in &corpus.articles {
        if let Some(s) = &a.source {
            if !sources.contains(s) {
                sources.push(s.clone());
            }
        }
    }
    let mut meta = Meta::default();
    for card in &cards {
        meta.dates.push(card.date);
        meta.sources.push(
            card.source
                .as_ref()
                .and_then(|s| sources.iter().position(|x| x == s))
                .map(|i| i as u32),
        );
    }
    let meta_hash = add(Kind::Meta, plain(&meta), &mut files);
    timing.end("pack: cards and meta");
    // The search's packs, after its term shards.
    let term_dir: Vec<(String, u64)> = words
        .shards
        .iter()
        .map(|(first, h, _)| (first.clone(), *h))
        .collect();
    let term_files: Vec<(String, Vec<u8>)> = words
        .shards
        .into_iter()
        .map(|(_, h, bytes)| (file_name(Kind::Terms, h), bytes))
        .collect();
    let index_packs = || {
        let mut plains: Vec<(Kind, u64, Vec<u8>)> = Vec::new();
        let index = index::write(corpus, &order, &meta, term_dir, &mut |kind, plain| {
            add(kind, plain, &mut plains)
        });
        (index, plains)
    };

    // Each entity's articles, by index, for counts and likeness.
    let mut articles_of: Vec<Vec<u32>> = vec![Vec::new(); corpus.entities.len()];
    for (a, marks) in corpus.marks.iter().enumerate() {
        for m in marks {
            let list = &mut articles_of[m.entity as usize];
            if list.last() != Some(&(a as u32)) {
                list.push(a as u32);
            }
        }
    }
    let roles = roles_by_article(corpus);
    let bundles = n.div_ceil(ARTICLES_PER_BUNDLE).max(1);
    let mut by_bundle: Vec<Vec<usize>> = vec![Vec::new(); bundles];
    for (a, article) in corpus.articles.iter().enumerate() {
        by_bundle[bundle_of(&article.id, bundles)].push(a);
    }
    let link = |a: usize| Link {
        id: corpus.articles[a].id.clone(),
        title: corpus.articles[a].title.clone(),
    };
    let bundle = |members: &Vec<usize>| -> (u64, Vec<u8>) {
        let docs: Vec<Doc> = members
            .iter()
            .map(|&a| {
                let p = position_of[a] as usize;
                let (corpus_one, entities) = one_article(corpus, a, &roles);
                Doc {
                    corpus: corpus_one,
                    position: p as u32,
                    mentioned_in: entities
                        .iter()
                        .map(|&e| articles_of[e].len() as u32)
                        .collect(),
                    newer: p.checked_sub(1).map(|q| link(order[q])),
                    older: order.get(p + 1).map(|&q| link(q)),
                    similar: similar_by_rare(corpus, &articles_of, a, SIMILAR)
                        .into_iter()
                        .map(|(b, shared)| (link(b), shared as u32))
                        .collect(),
                }
            })
            .collect();
        let plain = plain(&docs);
        (hash(&plain), compress(Kind::Docs, &plain))
    };
    // Made on every core, a few hundred bundles at a time between reports.
    let doc_packs = |progress: &mut dyn FnMut(usize)| {
        let mut done = 0;
        let mut hashes: Vec<u64> = Vec::with_capacity(bundles);
        let mut packed: Vec<(String, Vec<u8>)> = Vec::with_capacity(bundles);
        for part in by_bundle.chunks(256) {
            for (h, bytes) in parallel_map(part, bundle) {
                hashes.push(h);
                packed.push((file_name(Kind::Docs, h), bytes));
            }
            done += part.iter().map(Vec::len).sum::<usize>();
            progress(done);
        }
        (hashes, packed)
    };
    // The search's packs are made on a thread of their own beside the doc
    // bundles (in turn where there is one core).
    let ((index, index_plains), (doc_hashes, doc_files)) = if cores() < 2 {
        (index_packs(), doc_packs(progress))
    } else {
        std::thread::scope(|scope| {
            let index = scope.spawn(index_packs);
            let docs = doc_packs(progress);
            (index.join().expect("a worker thread does not panic"), docs)
        })
    };
    timing.end("pack: index and doc bundles");

    // Listed in the order they were made: cards, meta, terms, the rest of
    // the index, docs.
    let before_terms = files.len();
    files.extend(index_plains);
    let mut files: Vec<(String, Vec<u8>)> = parallel_map(&files, |(kind, h, plain)| {
        (file_name(*kind, *h), compress(*kind, plain))
    });
    files.splice(before_terms..before_terms, term_files);
    files.extend(doc_files);
    timing.end("pack: compression of the others");
    let mut manifest = Manifest {
        build: String::new(),
        articles: n as u32,
        text_bytes: corpus.articles.iter().map(|a| a.text_len() as u64).sum(),
        pack_bytes: files.iter().map(|(_, b)| b.len() as u64).sum(),
        pack_files: files.len() as u32,
        first: cards.iter().take(FIRST_PAGE).cloned().collect(),
        sources,
        cards: card_hashes,
        docs: doc_hashes,
        meta: meta_hash,
        index,
    };
    let mut names = String::new();
    for (name, _) in &files {
        names.push_str(name);
        names.push('\n');
    }
    manifest.build = format!("{:016x}", hash(names.as_bytes()));
    let manifest_bytes = encode(Kind::Manifest, &manifest);
    Packs {
        manifest_name: file_name(Kind::Manifest, hash(&manifest_bytes)),
        manifest,
        manifest_bytes,
        files,
    }
}

/// The article at `index` alone, with its marks and the entities they point
/// to (renumbered), each entity's roles kept for this article only; and the
/// corpus index of each entity kept.
/// Each entity's roles by the article they are in (entity index, article
/// index): a person of thousands of articles has thousands of roles, and
/// looking through them all for each of its articles would be quadratic.
type RolesByArticle<'a> = rustc_hash::FxHashMap<(usize, usize), Vec<&'a crate::entity::Role>>;

fn roles_by_article(corpus: &Corpus) -> RolesByArticle<'_> {
    let index_of: rustc_hash::FxHashMap<&str, usize> = corpus
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let mut out = RolesByArticle::default();
    for (e, entity) in corpus.entities.iter().enumerate() {
        for role in &entity.roles {
            if let Some(&a) = index_of.get(role.article.as_str()) {
                out.entry((e, a)).or_default().push(role);
            }
        }
    }
    out
}

fn one_article(corpus: &Corpus, index: usize, roles: &RolesByArticle) -> (Corpus, Vec<usize>) {
    let article = &corpus.articles[index];
    let mut kept: Vec<usize> = corpus
        .marks_of(index)
        .iter()
        .map(|m| m.entity as usize)
        .collect();
    // Titles name their holders, and people their titles, through roles:
    // the people whose roles in this article are shown come with them.
    crate::sort::sort(&mut kept);
    kept.dedup();
    let entities: Vec<Entity> = kept
        .iter()
        .map(|&e| {
            let entity = &corpus.entities[e];
            Entity {
                id: entity.id.clone(),
                name: entity.name.clone(),
                kind: entity.kind,
                aliases: entity.aliases.clone(),
                articles: vec![article.id.clone()],
                roles: roles
                    .get(&(e, index))
                    .map_or_else(Vec::new, |r| r.iter().map(|&r| r.clone()).collect()),
            }
        })
        .collect();
    let marks = corpus
        .marks_of(index)
        .iter()
        .map(|m| Mark {
            entity: kept
                .binary_search(&(m.entity as usize))
                .expect("every entity of the marks is kept") as u32,
            ..*m
        })
        .collect();
    (
        Corpus {
            articles: vec![article.clone()],
            entities,
            marks: vec![marks],
        },
        kept,
    )
}

/// The most articles an entity may be in and still count towards which
/// articles are most alike: a hundredth of the collection, at least
/// [`SIMILAR_CAP_MIN`] and at most [`SIMILAR_CAP_MAX`].
fn similar_cap(articles: usize) -> usize {
    (articles / 100).clamp(SIMILAR_CAP_MIN, SIMILAR_CAP_MAX)
}
const SIMILAR_CAP_MIN: usize = 50;
/// Reached at 10,000 articles: above that, the work of finding the likest
/// articles grows with the collection rather than with its square.
const SIMILAR_CAP_MAX: usize = 100;

/// The articles most like the one at `index` ([`crate::compare::similar`]),
/// counting only the entities that are not in many articles: an entity in
/// more than [`similar_cap`] articles says little of what an article is
/// about, and counting it would make this quadratic.
fn similar_by_rare(
    corpus: &Corpus,
    articles_of: &[Vec<u32>],
    index: usize,
    limit: usize,
) -> Vec<(usize, usize)> {
    let cap = similar_cap(corpus.articles.len());
    let mut shared: rustc_hash::FxHashMap<u32, usize> = rustc_hash::FxHashMap::default();
    let mut seen: Vec<u32> = Vec::new();
    for m in corpus.marks_of(index) {
        let e = m.entity;
        if corpus.entities[e as usize].kind == EntityType::Date || seen.contains(&e) {
            continue;
        }
        seen.push(e);
        let list = &articles_of[e as usize];
        if list.len() > cap {
            continue;
        }
        for &other in list {
            if other as usize != index {
                *shared.entry(other).or_default() += 1;
            }
        }
    }
    let mut out: Vec<(usize, usize)> = shared.into_iter().map(|(a, n)| (a as usize, n)).collect();
    let order = |a: &(usize, usize), b: &(usize, usize)| {
        b.1.cmp(&a.1)
            .then_with(|| Article::newest_first(&corpus.articles[a.0], &corpus.articles[b.0]))
    };
    // Only the first `limit` are wanted in order: the rest are left unsorted.
    if out.len() > limit {
        out.select_nth_unstable_by(limit, order);
        out.truncate(limit);
    }
    out.sort_by(order);
    out
}

/// A pack read back, by its kind.
#[derive(Clone, Debug)]
pub enum Decoded {
    Manifest(Box<Manifest>),
    Cards(Vec<Card>),
    /// Shared: a view keeps the docs it shows without copying them.
    Docs(Vec<std::rc::Rc<Doc>>),
    Meta(Meta),
    Terms(index::Terms),
    Names(Vec<index::Name>),
    Entities(index::Entities),
    Facets(index::Mentions),
}

impl Decoded {
    /// Reads the bytes of the pack named `name`, its kind told by the name.
    pub fn read(name: &str, bytes: &[u8]) -> Result<Self, PackError> {
        let kind = name.split('-').next().unwrap_or_default();
        Ok(match kind {
            "manifest" => Decoded::Manifest(Box::new(decode(Kind::Manifest, bytes)?)),
            "card" => Decoded::Cards(decode(Kind::Cards, bytes)?),
            "doc" => Decoded::Docs(
                decode::<Vec<Doc>>(Kind::Docs, bytes)?
                    .into_iter()
                    .map(std::rc::Rc::new)
                    .collect(),
            ),
            "meta" => Decoded::Meta(decode(Kind::Meta, bytes)?),
            "term" => Decoded::Terms(decode(Kind::Terms, bytes)?),
            "name" => Decoded::Names(decode(Kind::Names, bytes)?),
            "entity" => Decoded::Entities(index::Entities::of(decode(Kind::Entities, bytes)?)),
            "facet" => Decoded::Facets(decode(Kind::Facets, bytes)?),
            _ => return Err(PackError::NotAPack),
        })
    }
}

impl Decoded {
    /// About the bytes a pack of the search holds once decoded; none for
    /// the others, which are never let go ([`Packed::trim`]).
    fn search_bytes(&self) -> Option<usize> {
        match self {
            Decoded::Terms(t) => Some(t.heap_bytes()),
            Decoded::Facets(f) => Some(f.heap_bytes()),
            Decoded::Entities(e) => Some(e.heap_bytes()),
            Decoded::Names(n) => Some(n.iter().map(|n| 56 + n.key.len() + n.lower.len()).sum()),
            _ => None,
        }
    }
}

/// A pack kept, and the last view that read it.
#[derive(Clone, Debug)]
struct Kept {
    decoded: Decoded,
    read: std::cell::Cell<u64>,
}

/// The packs read so far, by file name: what a search and the views read.
/// The search's shards are kept up to a size ([`Packed::trim`]): in a large
/// collection the words of a few queries are hundreds of megabytes.
#[derive(Clone, Debug, Default)]
pub struct Packed {
    packs: rustc_hash::FxHashMap<String, Kept>,
    /// The view being drawn, counted by [`Packed::trim`].
    view: u64,
    /// What the whole collection mentions, counted once made (the facets
    /// of a query that finds most of it are counted from it).
    totals: std::cell::OnceCell<index::Totals>,
    /// The articles of the phrases searched last, the oldest first: a
    /// phrase typed again is not looked for again in every article's
    /// places. Packs never change, so these stay true.
    matched: std::cell::RefCell<Vec<(Vec<crate::search::Run>, std::rc::Rc<index::Matched>)>>,
}

impl Packed {
    /// Bytes of the search's shards (decoded) kept once a view is drawn:
    /// those read by the view are kept whatever their size; others, the
    /// least lately read first, are let go down to this. Large enough for
    /// the shards of a good many queries at 100,000 articles (the bench's
    /// ten hold 75 MB: a query typed again should not fetch its shards
    /// again), small enough that a long search keeps the tab within its
    /// 300 MB.
    pub const KEEP_BYTES: usize = 96 << 20;

    /// Phrases whose articles are kept (a bit an article for each twice:
    /// 25 KB each at 100,000 articles).
    pub const PHRASES_KEPT: usize = 32;

    /// Reads and keeps the pack `name`.
    pub fn insert(&mut self, name: &str, bytes: &[u8]) -> Result<(), PackError> {
        let decoded = Decoded::read(name, bytes)?;
        let read = std::cell::Cell::new(self.view);
        self.packs.insert(name.to_string(), Kept { decoded, read });
        Ok(())
    }

    pub fn has(&self, name: &str) -> bool {
        self.packs.contains_key(name)
    }

    pub fn get(&self, name: &str) -> Option<&Decoded> {
        let kept = self.packs.get(name)?;
        kept.read.set(self.view);
        Some(&kept.decoded)
    }

    /// How many packs are kept.
    pub fn len(&self) -> usize {
        self.packs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.packs.is_empty()
    }

    /// About the bytes the search's shards hold, decoded.
    pub fn search_bytes(&self) -> usize {
        self.packs
            .values()
            .filter_map(|k| k.decoded.search_bytes())
            .sum()
    }

    /// Once a view is drawn: lets go of the search's shards it did not
    /// read, the least lately read first, while they hold more than
    /// `keep` bytes, and starts counting the next view. Returns the names
    /// let go (to be fetched again if a view asks).
    /// A view that read none of them (the library with no query) lets go
    /// of none: the query typed next may well be the last one again.
    pub fn trim(&mut self, keep: usize) -> Vec<String> {
        let now = self.view;
        let read_now = self
            .packs
            .values()
            .any(|k| k.read.get() == now && k.decoded.search_bytes().is_some());
        if !read_now {
            return Vec::new();
        }
        self.view += 1;
        let mut total = self.search_bytes();
        if total <= keep {
            return Vec::new();
        }
        let mut old: Vec<(u64, usize, String)> = self
            .packs
            .iter()
            .filter(|(_, k)| k.read.get() < now)
            .filter_map(|(name, k)| Some((k.read.get(), k.decoded.search_bytes()?, name.clone())))
            .collect();
        crate::sort::sort(&mut old);
        let mut dropped = Vec::new();
        for (_, bytes, name) in old {
            if total <= keep {
                break;
            }
            self.packs.remove(&name);
            total -= bytes;
            dropped.push(name);
        }
        dropped
    }
}

impl Shelf for Packed {
    fn terms(&self, name: &str) -> Option<&index::Terms> {
        match self.get(name)? {
            Decoded::Terms(t) => Some(t),
            _ => None,
        }
    }
    fn names(&self, name: &str) -> Option<&[index::Name]> {
        match self.get(name)? {
            Decoded::Names(n) => Some(n),
            _ => None,
        }
    }
    fn entities(&self, name: &str) -> Option<&index::Entities> {
        match self.get(name)? {
            Decoded::Entities(e) => Some(e),
            _ => None,
        }
    }
    fn facets(&self, name: &str) -> Option<&index::Mentions> {
        match self.get(name)? {
            Decoded::Facets(f) => Some(f),
            _ => None,
        }
    }
    fn meta(&self, name: &str) -> Option<&Meta> {
        match self.get(name)? {
            Decoded::Meta(m) => Some(m),
            _ => None,
        }
    }
    fn totals(&self) -> Option<&index::Totals> {
        self.totals.get()
    }
    fn keep_totals(&self, totals: index::Totals) {
        let _ = self.totals.set(totals);
    }
    fn matched(&self, key: &[crate::search::Run]) -> Option<std::rc::Rc<index::Matched>> {
        let kept = self.matched.borrow();
        kept.iter().find(|(k, _)| k == key).map(|(_, m)| m.clone())
    }
    fn keep_matched(&self, key: Vec<crate::search::Run>, matched: std::rc::Rc<index::Matched>) {
        let mut kept = self.matched.borrow_mut();
        if kept.len() >= Self::PHRASES_KEPT {
            kept.remove(0);
        }
        kept.push((key, matched));
    }
}

impl Manifest {
    /// The search over these packs, reading those in `shelf`.
    pub fn search<'a>(&'a self, shelf: &'a dyn Shelf) -> PackSearch<'a> {
        PackSearch {
            dir: &self.index,
            articles: self.articles as usize,
            meta: self.meta_name(),
            sources: &self.sources,
            shelf,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::annotated;

    fn corpus() -> Corpus {
        annotated(&[
            (
                "a",
                " date 2020-02-10\nBộ trưởng Tô Lâm thăm Lào\nChiều 10/2, Bộ trưởng Bộ Công an Tô Lâm hội đàm với Bộ trưởng Vilay Lakhamphong tại Viêng Chăn.",
            ),
            (
                "b",
                " date 2025-03-01\nTổng Bí thư Tô Lâm tiếp Đại sứ\nTổng Bí thư Tô Lâm tiếp Đại sứ Lào tại Hà Nội.",
            ),
            ("c", "Một bài không ngày\nHội nghị ở Vientiane bàn về an ninh."),
        ])
    }

    #[test]
    fn the_likest_articles_count_entities_of_at_most_a_hundred_articles_however_large_the_collection(
    ) {
        // Up to 10,000 articles a hundredth of the collection, as before.
        assert_eq!(similar_cap(500), 50);
        assert_eq!(similar_cap(5_000), 50);
        assert_eq!(similar_cap(7_500), 75);
        assert_eq!(similar_cap(10_000), 100);
        // Above, a fixed count: the work grows with the collection.
        assert_eq!(similar_cap(35_000), 100);
        assert_eq!(similar_cap(100_000), 100);
    }

    #[test]
    fn a_pack_reads_back_as_written_and_refuses_what_it_is_not() {
        let meta = Meta {
            dates: vec![PartialDate::new(2020, Some(2), None), None],
            sources: vec![Some(0), None],
        };
        let bytes = encode(Kind::Meta, &meta);
        assert_eq!(decode::<Meta>(Kind::Meta, &bytes), Ok(meta));
        assert!(matches!(
            decode::<Meta>(Kind::Cards, &bytes),
            Err(PackError::WrongKind { .. })
        ));
        assert_eq!(
            decode::<Meta>(Kind::Meta, b"<html>"),
            Err(PackError::NotAPack)
        );
        let mut old = bytes.clone();
        old[4] = 0;
        assert_eq!(decode::<Meta>(Kind::Meta, &old), Err(PackError::Version(0)));
        let cut = &bytes[..bytes.len() - 3];
        assert!(matches!(
            decode::<Meta>(Kind::Meta, cut),
            Err(PackError::Corrupt(_))
        ));
        // What a reader is told names the problem.
        assert!(PackError::Version(0).to_string().contains("format 0"));
    }

    #[test]
    fn the_manifest_lists_the_library_and_names_every_pack() {
        let c = corpus();
        let mut told = Vec::new();
        let packs = write(&c, &mut |done| told.push(done));
        let m: Manifest = decode(Kind::Manifest, &packs.manifest_bytes).unwrap();
        assert_eq!(m, packs.manifest);
        assert_eq!(m.articles, 3);
        // Newest first, the undated last.
        let ids: Vec<&str> = m.first.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["b", "a", "c"]);
        assert_eq!(told.last(), Some(&3));
        // Every pack named is written, under the hash of its bytes.
        let mut names: Vec<String> = packs.files.iter().map(|(n, _)| n.clone()).collect();
        names.sort();
        let mut listed = m.files();
        listed.sort();
        assert_eq!(names, listed);
        let mut unique = names.clone();
        unique.dedup();
        assert_eq!(unique.len(), names.len());
        assert_eq!(
            m.pack_bytes,
            packs.files.iter().map(|(_, b)| b.len() as u64).sum::<u64>()
        );
        assert!(packs.manifest_name.starts_with("manifest-"));
        // Written twice, the same bytes: the names stay.
        let again = write(&c, &mut |_| {});
        assert_eq!(again.manifest_bytes, packs.manifest_bytes);
    }

    #[test]
    fn an_article_is_found_in_its_bundle_with_what_its_reading_view_shows() {
        let c = corpus();
        let packs = write(&c, &mut |_| {});
        let m = &packs.manifest;
        let name = m.doc_bundle("a").unwrap();
        let bytes = &packs.files.iter().find(|(n, _)| *n == name).unwrap().1;
        let docs: Vec<Doc> = decode(Kind::Docs, bytes).unwrap();
        let doc = docs
            .iter()
            .find(|d| d.corpus.articles[0].id == "a")
            .unwrap();
        assert_eq!(doc.position, 1);
        assert_eq!(doc.newer.as_ref().map(|l| l.id.as_str()), Some("b"));
        assert_eq!(doc.older.as_ref().map(|l| l.id.as_str()), Some("c"));
        let full = c.article_index("a").unwrap();
        assert_eq!(doc.corpus.articles[0], c.articles[full]);
        assert_eq!(doc.corpus.marks[0].len(), c.marks[full].len());
        // Each mark names the same entity as in the whole corpus.
        for (mine, theirs) in doc.corpus.marks[0].iter().zip(&c.marks[full]) {
            assert_eq!(
                doc.corpus.entities[mine.entity as usize].id,
                c.entities[theirs.entity as usize].id
            );
            assert_eq!((mine.start, mine.end), (theirs.start, theirs.end));
        }
        // Tô Lâm is in two articles; his roles here are this article's.
        let to_lam = doc.corpus.entity("person:to-lam").unwrap();
        let e = doc.corpus.entity_index("person:to-lam").unwrap();
        assert_eq!(doc.mentioned_in[e], 2);
        assert!(to_lam.roles.iter().all(|r| r.article == "a"));
        assert!(!to_lam.roles.is_empty());
        // The article sharing Tô Lâm is the one most like it.
        assert_eq!(doc.similar.first().map(|(l, _)| l.id.as_str()), Some("b"));
    }

    #[test]
    fn cards_and_meta_follow_the_library_order() {
        let c = corpus();
        let packs = write(&c, &mut |_| {});
        let m = &packs.manifest;
        let shard = m.card_shard(0).unwrap();
        let bytes = &packs.files.iter().find(|(n, _)| *n == shard).unwrap().1;
        let cards: Vec<Card> = decode(Kind::Cards, bytes).unwrap();
        assert_eq!(cards, m.first);
        let name = file_name(Kind::Meta, m.meta);
        let bytes = &packs.files.iter().find(|(n, _)| *n == name).unwrap().1;
        let meta: Meta = decode(Kind::Meta, bytes).unwrap();
        assert_eq!(meta.dates.len(), 3);
        assert_eq!(meta.dates[2], None);
        assert_eq!(meta.dates[0].map(|d| d.year), Some(2025));
    }

    #[test]
    fn an_article_keeps_its_bundle_whatever_else_is_in_the_collection() {
        assert_eq!(bundle_of("a", 0), 0);
        for bundles in [1, 7, 1000] {
            assert!(bundle_of("001_bd0708b9623de2e6", bundles) < bundles);
            assert_eq!(
                bundle_of("001_bd0708b9623de2e6", bundles),
                bundle_of("001_bd0708b9623de2e6", bundles)
            );
        }
    }

    /// Every pack of `packs` read into a shelf.
    fn shelf(packs: &Packs) -> Packed {
        let mut shelf = Packed::default();
        for (name, bytes) in &packs.files {
            shelf.insert(name, bytes).unwrap();
        }
        shelf
    }

    fn seeds() -> Corpus {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
        let mut c = crate::corpus::load(&[dir]).corpus;
        c.annotate(&crate::extract::Extractor::default());
        c
    }

    #[test]
    fn the_search_over_packs_finds_what_the_library_s_index_finds() {
        use crate::filter::FilterIndex;
        use crate::view::{Query, Sort};
        for c in [corpus(), seeds()] {
            let packs = write(&c, &mut |_| {});
            let shelf = shelf(&packs);
            let m = &packs.manifest;
            let search = m.search(&shelf);
            let index = FilterIndex::new(&c);
            let mut order: Vec<usize> = (0..c.articles.len()).collect();
            order.sort_by(|&a, &b| Article::newest_first(&c.articles[a], &c.articles[b]));
            let sources: Vec<String> = c.articles.iter().filter_map(|a| a.source.clone()).collect();
            let mut queries: Vec<Query> = [
                "",
                "to lam",
                "tô lâm",
                "Tô",
                "lào",
                "viêng chăn",
                "vientiane",
                "bộ công an",
                "bo cong a",
                "bo cong an viet nam",
                "an ninh",
                "\"hợp tác\"",
                "hợp tác lào",
                "tran dai quang",
                "ha noi",
                "2020",
                "kongthong",
                "vilay lakhamphon",
                "xyz không có",
                "b",
                "t",
            ]
            .iter()
            .map(|q| Query {
                q: q.to_string(),
                ..Query::default()
            })
            .collect();
            let extra: Vec<Query> = queries
                .iter()
                .flat_map(|q| {
                    let mut out = Vec::new();
                    for sort in [Sort::Oldest, Sort::Relevance] {
                        out.push(Query { sort, ..q.clone() });
                    }
                    out.push(Query {
                        from: PartialDate::new(2020, None, None),
                        to: PartialDate::new(2023, Some(12), None),
                        ..q.clone()
                    });
                    out.push(Query {
                        e: vec!["person:to-lam".into()],
                        ..q.clone()
                    });
                    if let Some(s) = sources.first() {
                        out.push(Query {
                            source: Some(s.clone()),
                            ..q.clone()
                        });
                    }
                    out
                })
                .collect();
            queries.extend(extra);
            queries.push(Query {
                e: vec!["person:nobody".into()],
                ..Query::default()
            });
            for q in &queries {
                let want = index.search(&c, q);
                let got = search
                    .search(q)
                    .unwrap_or_else(|needs| panic!("needs {needs:?}"));
                let shown: Vec<usize> = got.shown.iter().map(|&p| order[p]).collect();
                assert_eq!(shown, want.shown, "{q:?}");
                assert_eq!(got.undated_left_out, want.undated_left_out, "{q:?}");
                assert_eq!(got.apart, want.apart, "{q:?}");
                assert_eq!(got.named, want.named, "{q:?}");
                let facets = search.facets(&got.shown, &[], 6).unwrap();
                let expected = index.facets(&c, &want.shown, &[], 6);
                assert_eq!(facets, expected, "{q:?}");
                let mut needs = index::Needs::new();
                let suggested = search.suggest(&q.q, &[], 8, &mut needs);
                assert!(needs.is_empty());
                let expected: Vec<(u32, u32)> = index
                    .suggest(&q.q, &[], 8)
                    .into_iter()
                    .map(|(e, n)| (e as u32, n as u32))
                    .collect();
                assert_eq!(suggested, expected, "{q:?}");
            }
        }
    }

    #[test]
    fn what_a_search_keeps_gives_the_answers_it_would_find_again() {
        use crate::view::Query;
        let c = seeds();
        let packs = write(&c, &mut |_| {});
        let kept = shelf(&packs);
        let m = &packs.manifest;
        let n = m.articles as usize;
        // Every article shown: the whole collection is counted once.
        let all: Vec<usize> = (0..n).collect();
        assert!(kept.totals().is_none());
        let whole = m.search(&kept).facets(&all, &[], 6).unwrap();
        assert!(kept.totals().is_some());
        for q in [
            "công an",
            "cong an",
            "bộ công an",
            "lào",
            "an ninh",
            "hợp tác lào",
            "t",
        ] {
            let query = Query {
                q: q.into(),
                ..Query::default()
            };
            let fresh = shelf(&packs);
            let want = m.search(&fresh).search(&query).unwrap();
            let want_facets = m.search(&fresh).facets(&want.shown, &[], 6).unwrap();
            // Twice: the phrase's articles found, then kept.
            for _ in 0..2 {
                let got = m.search(&kept).search(&query).unwrap();
                assert_eq!(got, want, "{q}");
                let facets = m.search(&kept).facets(&got.shown, &[], 6).unwrap();
                assert_eq!(facets, want_facets, "{q}");
            }
        }
        assert_eq!(m.search(&kept).facets(&all, &[], 6).unwrap(), whole);
    }

    #[test]
    fn a_search_names_the_packs_it_still_needs() {
        let c = corpus();
        let packs = write(&c, &mut |_| {});
        let m = &packs.manifest;
        let empty = Packed::default();
        let q = crate::view::Query {
            q: "tô lâm".into(),
            ..Default::default()
        };
        let needs = m.search(&empty).search(&q).unwrap_err();
        assert!(needs.contains(&m.meta_name()));
        assert!(needs.iter().any(|n| n.starts_with("term-")));
        // With what it named, it may need more (the entities a phrase
        // names), never the same again.
        let mut shelf = Packed::default();
        let mut asked = 0;
        let mut needs = needs;
        loop {
            for name in &needs {
                let bytes = &packs.files.iter().find(|(n, _)| n == name).unwrap().1;
                shelf.insert(name, bytes).unwrap();
            }
            asked += 1;
            match m.search(&shelf).search(&q) {
                Ok(found) => {
                    assert!(!found.shown.is_empty());
                    break;
                }
                Err(more) => {
                    assert!(more.iter().all(|n| !shelf.has(n)));
                    needs = more;
                }
            }
            assert!(asked < 5);
        }
        // Far fewer than all the packs.
        assert!(shelf.len() < packs.files.len());
    }

    #[test]
    fn once_a_view_is_drawn_the_shards_it_did_not_read_are_let_go_down_to_a_size() {
        let c = corpus();
        let packs = write(&c, &mut |_| {});
        let m = &packs.manifest;
        let mut shelf = Packed::default();
        for (name, bytes) in &packs.files {
            shelf.insert(name, bytes).unwrap();
        }
        let all = shelf.len();
        // Under the size, nothing goes.
        assert!(shelf.trim(usize::MAX).is_empty());
        assert!(shelf.search_bytes() > 0);
        // A view that read none of the search's shards keeps them all.
        assert!(shelf.trim(0).is_empty());
        // A view that read one: the others all go, and nothing else
        // (cards, docs, meta).
        let one = packs
            .files
            .iter()
            .map(|(n, _)| n)
            .find(|n| n.starts_with("name-"))
            .unwrap();
        shelf.get(one);
        let dropped = shelf.trim(0);
        assert!(!dropped.is_empty());
        assert!(dropped.iter().all(|n| !shelf.has(n)));
        assert_eq!(shelf.len(), all - dropped.len());
        assert!(shelf.has(one));
        assert!(dropped.iter().all(|n| ["term", "name", "entity", "facet"]
            .iter()
            .any(|k| n.starts_with(&format!("{k}-")))));
        assert!(shelf.has(&m.meta_name()));
        // A view searches for a word, its shards fetched again: what it
        // read stays, whatever the size.
        let q = crate::view::Query {
            q: "vientiane".into(),
            ..Default::default()
        };
        let mut needs = m.search(&shelf).search(&q).unwrap_err();
        while !needs.is_empty() {
            for name in &needs {
                let bytes = &packs.files.iter().find(|(n, _)| n == name).unwrap().1;
                shelf.insert(name, bytes).unwrap();
            }
            needs = match m.search(&shelf).search(&q) {
                Ok(found) => m
                    .search(&shelf)
                    .facets(&found.shown, &[], 6)
                    .err()
                    .unwrap_or_default(),
                Err(more) => more,
            };
        }
        let found = m.search(&shelf).search(&q).unwrap();
        let facets = m.search(&shelf).facets(&found.shown, &[], 6).unwrap();
        assert!(shelf.trim(0).is_empty());
        assert_eq!(m.search(&shelf).search(&q).unwrap(), found);
        assert_eq!(
            m.search(&shelf).facets(&found.shown, &[], 6).unwrap(),
            facets
        );
    }
}
