//! A collection written as packs beside the app (`doichieu pack`): the
//! page is told the manifest by a `<meta name="doichieu-packs">`, fetches
//! it, then fetches each pack a view needs, once, and keeps it decoded
//! (the search's shards up to a size once they are not read).
//! Views read what is here and ask for what is not; each arrival draws
//! them again.

use std::cell::RefCell;
use std::rc::Rc;

use crate::effect::use_effect_on;
use doichieu_core::pack::index::Names;
use doichieu_core::pack::{Decoded, Manifest, Packed, FOLDER, META_NAME};
use doichieu_core::Corpus;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

/// The manifest's path, if the page names one.
pub fn manifest_href() -> Option<String> {
    let document = web_sys::window()?.document()?;
    let meta = document
        .query_selector(&format!("meta[name=\"{META_NAME}\"]"))
        .ok()??;
    meta.get_attribute("content").filter(|c| !c.is_empty())
}

/// Fetches `url` whole.
async fn fetch(url: &str) -> Result<Vec<u8>, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| "the network refused it".to_string())?;
    // What `fetch` fulfils with is always a `Response`.
    let response: web_sys::Response = response.unchecked_into();
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(|_| "unreadable")?)
        .await
        .map_err(|_| "cut off".to_string())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The packs of one collection: what is here, what is on its way, and
/// what could not be had.
pub struct Store {
    /// Where the manifest was read from.
    pub href: String,
    pub manifest: Manifest,
    pub packed: RefCell<Packed>,
    asked: RefCell<Names>,
    /// Packs that failed, with why.
    pub failed: RefCell<Vec<(String, String)>>,
    /// Called when a pack arrives or fails.
    notify: Callback<()>,
}

impl Store {
    /// Asks for each pack of `names` not here nor asked yet.
    pub fn request(self: &Rc<Self>, names: impl IntoIterator<Item = String>) {
        for name in names {
            self.ask(name);
        }
    }

    /// Asks for the pack `name` if it is not here nor asked yet (one copy
    /// of this for every kind of list [`Store::request`] is given).
    fn ask(self: &Rc<Self>, name: String) {
        if self.packed.borrow().has(&name) || !self.asked.borrow_mut().insert(name.clone()) {
            return;
        }
        let store = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let url = format!("{FOLDER}/{name}");
            let result = fetch(&url).await.and_then(|bytes| {
                store
                    .packed
                    .borrow_mut()
                    .insert(&name, &bytes)
                    .map_err(|e| e.to_string())
            });
            if let Err(why) = result {
                store.failed.borrow_mut().push((name, why));
            }
            store.notify.emit(());
        });
    }

    /// Once a view is drawn: lets go of the search's shards it did not
    /// read, down to [`Packed::KEEP_BYTES`], so that a long search of a
    /// large collection does not keep every shard it ever fetched.
    pub fn trim(&self) {
        let dropped = self.packed.borrow_mut().trim(Packed::KEEP_BYTES);
        let mut asked = self.asked.borrow_mut();
        for name in dropped {
            asked.remove(&name);
        }
    }

    /// The doc of an article (a corpus of it alone, and what is around
    /// it), if its bundle is here; asks for it if not.
    pub fn doc(self: &Rc<Self>, id: &str) -> Option<Rc<doichieu_core::pack::Doc>> {
        let name = self.manifest.doc_bundle(id)?;
        let found = match self.packed.borrow().get(&name) {
            Some(Decoded::Docs(docs)) => Some(
                docs.iter()
                    .find(|d| d.corpus.articles.first().is_some_and(|a| a.id == id))
                    .cloned(),
            ),
            _ => None,
        };
        match found {
            Some(doc) => doc,
            None => {
                self.request([name]);
                None
            }
        }
    }

    /// Whether the bundle that would hold `id` is here (so that an
    /// article missing from it is known to be missing).
    pub fn has_bundle_of(&self, id: &str) -> bool {
        self.manifest
            .doc_bundle(id)
            .is_some_and(|name| self.packed.borrow().has(&name))
    }

    /// The card at a place in the library, if its shard is here.
    pub fn card(self: &Rc<Self>, position: usize) -> Option<doichieu_core::pack::Card> {
        if let Some(card) = self.manifest.first.get(position) {
            return Some(card.clone());
        }
        let name = self.manifest.card_shard(position)?;
        let card = match self.packed.borrow().get(&name) {
            Some(Decoded::Cards(cards)) => cards
                .get(position % doichieu_core::pack::CARDS_PER_SHARD)
                .cloned(),
            _ => None,
        };
        if card.is_none() {
            self.request([name]);
        }
        card
    }
}

/// The store, shared with every view, and how many packs have arrived (so
/// that views draw again when one does).
#[derive(Clone)]
pub struct SharedStore(pub Rc<Store>, pub usize);

impl PartialEq for SharedStore {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0) && self.1 == other.1
    }
}

impl std::ops::Deref for SharedStore {
    type Target = Rc<Store>;
    fn deref(&self) -> &Rc<Store> {
        &self.0
    }
}

/// The manifest, or why it could not be read.
pub enum Opening {
    Loading,
    Ready(Rc<Store>),
    Failed(String),
}

/// Fetches the manifest at `href` once, and keeps a store of its packs;
/// every arrival of a pack counts in the generation returned.
#[hook]
pub fn use_packs(href: Option<String>) -> (Rc<RefCell<Opening>>, usize) {
    let generation = use_state_eq(|| 0usize);
    let counter = use_mut_ref(|| 0usize);
    let opening = use_mut_ref(|| Opening::Loading);
    {
        let (generation, counter, opening) = (generation.clone(), counter.clone(), opening.clone());
        use_effect_on(href, move |href| {
            if let Some(href) = href.clone() {
                let bump = {
                    let (generation, counter) = (generation.clone(), counter.clone());
                    Callback::from(move |()| {
                        *counter.borrow_mut() += 1;
                        generation.set(*counter.borrow());
                    })
                };
                wasm_bindgen_futures::spawn_local(async move {
                    let read = fetch(&href).await.and_then(|bytes| {
                        doichieu_core::pack::decode::<Manifest>(
                            doichieu_core::pack::Kind::Manifest,
                            &bytes,
                        )
                        .map_err(|e| e.to_string())
                    });
                    *opening.borrow_mut() = match read {
                        Ok(manifest) => Opening::Ready(Rc::new(Store {
                            href: href.clone(),
                            manifest,
                            packed: RefCell::default(),
                            asked: RefCell::default(),
                            failed: RefCell::default(),
                            notify: bump.clone(),
                        })),
                        Err(why) => Opening::Failed(format!("{href}: {why}")),
                    };
                    bump.emit(());
                });
            }
        });
    }
    (opening, *generation)
}

/// Articles of several docs in one corpus, their entities merged by id,
/// for the views that read a corpus (comparison, an entity's mentions).
pub fn merged(docs: &[Rc<doichieu_core::pack::Doc>]) -> Corpus {
    let mut out = Corpus::default();
    let mut entities: Vec<doichieu_core::entity::Entity> = Vec::new();
    for doc in docs {
        for e in &doc.corpus.entities {
            match entities.iter_mut().find(|x| x.id == e.id) {
                Some(x) => {
                    for a in &e.aliases {
                        if !x.aliases.contains(a) {
                            x.aliases.push(a.clone());
                        }
                    }
                    x.articles.extend(e.articles.iter().cloned());
                    x.roles.extend(e.roles.iter().cloned());
                }
                None => entities.push(e.clone()),
            }
        }
    }
    doichieu_core::sort::sort_by(&mut entities, |a, b| a.id.cmp(&b.id));
    let mut articles: Vec<(doichieu_core::Article, Vec<doichieu_core::corpus::Mark>)> = Vec::new();
    for doc in docs {
        let (Some(article), Some(marks)) = (doc.corpus.articles.first(), doc.corpus.marks.first())
        else {
            continue;
        };
        let marks = marks
            .iter()
            .filter_map(|m| {
                let id = &doc.corpus.entities.get(m.entity as usize)?.id;
                let index = entities.binary_search_by(|e| e.id.cmp(id)).ok()?;
                Some(doichieu_core::corpus::Mark {
                    entity: index as u32,
                    ..*m
                })
            })
            .collect();
        articles.push((article.clone(), marks));
    }
    doichieu_core::sort::sort_by(&mut articles, |a, b| a.0.id.cmp(&b.0.id));
    articles.dedup_by(|a, b| a.0.id == b.0.id);
    for (article, marks) in articles {
        out.articles.push(article);
        out.marks.push(marks);
    }
    for e in &mut entities {
        doichieu_core::sort::sort(&mut e.articles);
        e.articles.dedup();
    }
    out.entities = entities;
    out
}

/// The cache that keeps packs (the service worker's, `scripts/sw.js`).
const PACKS_CACHE: &str = "packs-doichieu";

/// How far keeping the whole collection offline has gone.
#[derive(Clone, Debug, PartialEq)]
pub enum Keeping {
    Idle,
    /// Files kept, of all.
    Running(usize, usize),
    Done,
    Failed(String),
}

/// Puts every pack of the manifest into the packs' cache, a few at a time,
/// telling `progress` as files are kept.
pub async fn keep_offline(manifest_href: String, files: Vec<String>, progress: Callback<Keeping>) {
    let result = async {
        let window = web_sys::window().ok_or("no window")?;
        let caches = window
            .caches()
            .map_err(|_| "this browser keeps no caches for the page".to_string())?;
        let cache: web_sys::Cache = JsFuture::from(caches.open(PACKS_CACHE))
            .await
            .map_err(|_| "the cache could not be opened".to_string())?
            // What `caches.open` fulfils with is always a `Cache`.
            .unchecked_into();
        let mut urls: Vec<String> = files.iter().map(|f| format!("{FOLDER}/{f}")).collect();
        urls.push(manifest_href);
        let total = urls.len();
        let mut done = 0;
        progress.emit(Keeping::Running(0, total));
        for chunk in urls.chunks(6) {
            let adds: Vec<JsFuture> = chunk
                .iter()
                .map(|u| JsFuture::from(cache.add_with_str(u)))
                .collect();
            for (add, url) in adds.into_iter().zip(chunk) {
                add.await
                    .map_err(|_| format!("{url}: could not be fetched"))?;
                done += 1;
            }
            progress.emit(Keeping::Running(done, total));
        }
        Ok::<(), String>(())
    }
    .await;
    progress.emit(match result {
        Ok(()) => Keeping::Done,
        Err(why) => Keeping::Failed(why),
    });
}
