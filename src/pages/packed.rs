//! The views of a collection of packs: the library searched over shards,
//! an article read from its bundle, articles set side by side, an entity
//! over its newest articles. Each reads what has arrived, asks the store
//! for the rest, and says it is loading meanwhile.

use std::rc::Rc;

use doichieu_core::filter::{Facets, Found};
use doichieu_core::histogram::Histogram;
use doichieu_core::oddity::compared;
use doichieu_core::pack::index::Needs;
use doichieu_core::pack::{Card, Doc};
use doichieu_core::search::{find, phrases, snippet, Phrase};
use doichieu_core::view::{EntityType, Route, Sort, ViewState};
use yew::prelude::*;

use crate::components::alert::alert;
use crate::components::facets::{Counted, NamedFacets};
use crate::components::result_card::{card, spelling_items, CardParts};
use crate::components::suggestions::{Suggested, SUGGESTED};
use crate::corpus::SharedCorpus;
use crate::effect::use_effect_on;
use crate::i18n::strings;
use crate::packs::{keep_offline, merged, Keeping, SharedStore};
use crate::pages::compare::ComparePage;
use crate::pages::entity::EntityPage;
use crate::pages::library::{
    library_view, use_library_boxes, LibraryViewProps, FACETS, MAX_COMPARED,
};
use crate::pages::read::{Around, ReadPage};

/// Articles of an entity read for its page in a large collection.
const ENTITY_ARTICLES: usize = 24;

#[derive(Properties, PartialEq)]
pub struct PackedProps {
    pub state: ViewState,
    /// The collection's store: a property, not a context, so that no
    /// context type of Yew is compiled for it.
    pub store: SharedStore,
}

/// Says the view is on its way.
fn loading(lang: doichieu_core::view::Lang) -> Html {
    html! { <p class="loading" data-loading="" aria-live="polite">{ strings(lang).loading }</p> }
}

/// The packs that failed, named with why.
fn failures(store: &SharedStore) -> Html {
    let failed = store.failed.borrow();
    if failed.is_empty() {
        return Html::default();
    }
    html! {
        { alert(html! { <>{ for failed.iter().map(|(name, why)| html! { <p>{ format!("{name}: {why}") }</p> }) }</> }) }
    }
}

#[function_component]
pub fn PackedLibrary(props: &PackedProps) -> Html {
    let store = props.store.clone();
    let state = &props.state;
    let boxes = use_library_boxes(state);
    let query = &state.query;
    // Once a query is drawn, the search's shards it did not read may go.
    {
        let store = store.0.clone();
        use_effect_on(state.clone(), move |_| store.trim());
    }
    let m = &store.manifest;
    let n = m.articles as usize;
    let packed = store.packed.borrow();
    let search = m.search(&*packed);
    let mut needs = Needs::new();
    let meta = {
        use doichieu_core::pack::Shelf;
        packed.meta(&m.meta_name())
    };
    if meta.is_none() {
        needs.insert(m.meta_name());
    }

    // Required entities: known ones filter, unknown ones are named.
    let mut chips: Vec<(String, String, EntityType)> = Vec::new();
    let mut unknown: Vec<String> = Vec::new();
    let mut required: Vec<u32> = Vec::new();
    for id in &query.e {
        match search.entity_index(id, &mut needs) {
            Some(Some(e)) => {
                required.push(e);
                if let Some((id, name, kind, _)) = search.entity(e, &mut needs) {
                    chips.push((id.clone(), name.clone(), *kind));
                }
            }
            Some(None) => unknown.push(id.clone()),
            None => {}
        }
    }
    let effective = doichieu_core::view::Query {
        e: query
            .e
            .iter()
            .filter(|id| !unknown.contains(id))
            .cloned()
            .collect(),
        ..query.clone()
    };
    let plain = effective.q.trim().is_empty()
        && effective.e.is_empty()
        && effective.from.is_none()
        && effective.to.is_none()
        && effective.source.is_none();
    // The whole collection in the library's order needs no search.
    let found: Option<Found> = if plain && effective.sort != Sort::Oldest {
        Some(Found {
            shown: (0..n).collect(),
            ..Found::default()
        })
    } else {
        match search.search(&effective) {
            Ok(found) => Some(found),
            Err(more) => {
                needs.extend(more);
                None
            }
        }
    };
    let found = found.unwrap_or_default();
    let shown = &found.shown;
    let date_of = |p: usize| meta.and_then(|m| m.dates.get(p).copied().flatten());
    // The undated articles shown, and where the first of them is listed.
    let (mut undated, mut first_undated) = (0, usize::MAX);
    if meta.is_some() {
        for (k, &p) in shown.iter().enumerate() {
            if date_of(p).is_none() {
                first_undated = first_undated.min(k);
                undated += 1;
            }
        }
    }
    // The whole collection's bars are counted once.
    let all = {
        let store = store.0.clone();
        use_memo((m.meta, meta.is_some()), move |_| {
            use doichieu_core::pack::Shelf;
            let packed = store.packed.borrow();
            let meta = packed.meta(&store.manifest.meta_name())?;
            Some(Rc::new(Histogram::of(meta.dates.iter().copied())))
        })
    };
    let histogram = (*all)
        .clone()
        .map(|all| (all.within(shown.iter().map(|&p| date_of(p))), all));

    // Facets: the whole collection's are in the manifest.
    let facets = if plain {
        NamedFacets {
            entities: m
                .index
                .top
                .iter()
                .map(|list| {
                    list.iter()
                        .take(FACETS)
                        .map(|(_, id, name, count)| Counted {
                            id: id.clone(),
                            name: name.clone(),
                            count: *count as usize,
                        })
                        .collect()
                })
                .collect(),
            sources: m
                .index
                .sources
                .iter()
                .take(FACETS)
                .filter_map(|&(i, c)| Some((m.sources.get(i as usize)?.clone(), c as usize)))
                .collect(),
            years: m
                .index
                .years
                .iter()
                .map(|&(y, c)| (y, c as usize))
                .collect(),
        }
    } else if shown.is_empty() {
        NamedFacets::default()
    } else {
        match search.facets(shown, &required, FACETS) {
            Ok(facets) => name_facets(&search, facets, &mut needs),
            Err(more) => {
                needs.extend(more);
                NamedFacets::default()
            }
        }
    };
    let suggested: Vec<Suggested> = search
        .suggest(&query.q, &required, SUGGESTED, &mut needs)
        .into_iter()
        .filter_map(|(e, articles)| {
            let (id, name, kind, _) = search.entity(e, &mut needs)?;
            Some(Suggested {
                id: id.clone(),
                name: name.clone(),
                kind: *kind,
                articles: articles as usize,
            })
        })
        .collect();

    // The cards listed, each from its shard, its sentence from its bundle.
    let query_phrases = phrases(&query.q);
    let mut card_entities: Vec<String> = Vec::new();
    for &e in found.named.iter() {
        if let Some((id, ..)) = search.entity(e as u32, &mut needs) {
            card_entities.push(id.clone());
        }
    }
    card_entities.extend(chips.iter().map(|c| c.0.clone()));
    let full = query.pick.len() >= MAX_COMPARED;
    let filtering = !query_phrases.is_empty() || !card_entities.is_empty();
    let listed: Vec<usize> = shown.iter().take(boxes.limit()).copied().collect();
    let mut cards_missing = false;
    let cards = listed
        .iter()
        .map(|&p| {
            let Some(card) = store.card(p) else {
                cards_missing = true;
                return Html::default();
            };
            let doc = filtering.then(|| store.doc(&card.id)).flatten();
            packed_card(PackedCard {
                card,
                doc,
                state,
                phrases: &query_phrases,
                entities: &card_entities,
                full,
            })
        })
        .collect();
    drop(packed);
    let waiting = !needs.is_empty() || cards_missing;
    store.request(needs);
    html! {
        <>
        { failures(&store) }
        { library_view(LibraryViewProps {
            state: state.clone(),
            total: n,
            found: shown.len(),
            undated,
            apart: found.apart,
            undated_left_out: found.undated_left_out,
            unknown,
            chips,
            histogram,
            facets,
            suggested,
            cards,
            first_undated,
            loading: waiting,
            extra: html! { <KeepOffline lang={query.lang} store={store.clone()} /> },
            summary_pending: false,
        }, &boxes) }
        </>
    }
}

/// A size in megabytes to a tenth, written without the float formatter.
fn megabytes(bytes: u64) -> String {
    let tenths = (bytes + 50_000) / 100_000;
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

/// Keeps every pack of the collection in the browser's cache, with its
/// size said first and its progress shown.
#[derive(Properties, PartialEq)]
struct KeepOfflineProps {
    lang: doichieu_core::view::Lang,
    store: SharedStore,
}

#[function_component]
fn KeepOffline(props: &KeepOfflineProps) -> Html {
    let store = &props.store;
    let s = strings(props.lang);
    let keeping = use_state(|| Keeping::Idle);
    let m = &store.manifest;
    let size = megabytes(m.pack_bytes);
    let onclick = {
        let (keeping, files, href) = (keeping.clone(), m.files(), store.href.clone());
        Callback::from(move |_| {
            let progress = {
                let keeping = keeping.clone();
                Callback::from(move |k| keeping.set(k))
            };
            wasm_bindgen_futures::spawn_local(keep_offline(href.clone(), files.clone(), progress));
        })
    };
    match &*keeping {
        Keeping::Idle => html! {
            <p class="keep-offline"><button type="button" data-keep-offline={m.pack_bytes.to_string()} {onclick}>{ (s.keep_offline)(&size) }</button></p>
        },
        Keeping::Running(done, total) => html! {
            <p class="keep-offline" aria-live="polite">
                <progress value={done.to_string()} max={total.to_string()} data-keep-progress=""></progress>
                { " " }{ (s.keeping)(*done, *total) }
            </p>
        },
        Keeping::Done => {
            html! { <p class="keep-offline" data-kept-offline="">{ s.kept_offline }</p> }
        }
        Keeping::Failed(why) => html! { { alert(html! { <>{ (s.keep_failed)(why) }</> }) } },
    }
}

/// Facets with their entities named, from the shards of the entities.
fn name_facets(
    search: &doichieu_core::pack::PackSearch<'_>,
    facets: Facets,
    needs: &mut Needs,
) -> NamedFacets {
    NamedFacets {
        entities: facets
            .entities
            .iter()
            .map(|list| {
                list.iter()
                    .filter_map(|&(e, count)| {
                        let (id, name, ..) = search.entity(e as u32, needs)?;
                        Some(Counted {
                            id: id.clone(),
                            name: name.clone(),
                            count,
                        })
                    })
                    .collect()
            })
            .collect(),
        sources: facets.sources,
        years: facets.years,
    }
}

/// What a card of a collection of packs shows of its article.
struct PackedCard<'a> {
    card: Card,
    /// The article's doc, when its bundle is here.
    doc: Option<Rc<Doc>>,
    state: &'a ViewState,
    /// The query's phrases.
    phrases: &'a [Phrase],
    /// Entities named or required (ids).
    entities: &'a [String],
    full: bool,
}

/// One article in the results: [`crate::components::result_card`]'s card,
/// from a card and, for the sentence that matched, the article's doc. A
/// function rather than a component, as it keeps no state.
fn packed_card(props: PackedCard<'_>) -> Html {
    let state = props.state;
    let a = &props.card;
    let in_doc: Vec<usize> = props
        .doc
        .as_ref()
        .map(|d| {
            props
                .entities
                .iter()
                .filter_map(|id| d.corpus.entity_index(id))
                .collect()
        })
        .unwrap_or_default();
    let found = props.doc.as_ref().and_then(|d| {
        let text = d.corpus.articles.first()?.text();
        let ranges = find(&text, props.phrases);
        snippet(&d.corpus, 0, ranges, &in_doc)
    });
    let spellings = props
        .doc
        .as_ref()
        .map(|d| spelling_items(&d.corpus, 0, &in_doc, state.query.lang))
        .unwrap_or_default();
    let parts = CardParts {
        id: &a.id,
        title: &a.title,
        date: a.date,
        date_basis: a.date_basis,
        source: a.source.as_deref(),
        found,
        excerpt: &a.excerpt,
        list_spellings: !spellings.is_empty(),
        spellings,
    };
    card(state, parts, props.full)
}

/// An article read from its bundle, articles set side by side from theirs,
/// or an entity over its newest articles: one component for the three, its
/// page given a collection made of the bundles that route needs.
#[function_component]
pub fn PackedPage(props: &PackedProps) -> Html {
    let store = props.store.clone();
    let state = &props.state;
    let lang = state.query.lang;
    let mut docs: Vec<Rc<Doc>> = Vec::new();
    let mut waiting = false;
    let mut take = |id: &str, docs: &mut Vec<Rc<Doc>>| match store.doc(id) {
        Some(doc) => docs.push(doc),
        None if store.has_bundle_of(id) => {}
        None => waiting = true,
    };
    // The articles of an entity, of which its page shows the newest.
    let mut total = 0;
    match &state.route {
        Route::Read(id) => take(id, &mut docs),
        Route::Compare(ids) => {
            for id in &compared(ids) {
                take(id, &mut docs);
            }
        }
        Route::Entity(id) => {
            let m = &store.manifest;
            let mut needs = Needs::new();
            {
                let packed = store.packed.borrow();
                let search = m.search(&*packed);
                match search.entity_index(id, &mut needs) {
                    Some(Some(e)) => match search.entity(e, &mut needs) {
                        Some((_, _, _, articles)) => {
                            total = articles.len();
                            for &p in articles.iter().take(ENTITY_ARTICLES) {
                                match store.card(p as usize) {
                                    Some(card) => match store.doc(&card.id) {
                                        Some(doc) => docs.push(doc),
                                        None => waiting = true,
                                    },
                                    None => waiting = true,
                                }
                            }
                        }
                        None => waiting = true,
                    },
                    Some(None) => {}
                    None => waiting = true,
                }
            }
            store.request(needs);
        }
        _ => {}
    }
    let key: Vec<String> = docs
        .iter()
        .filter_map(|d| d.corpus.articles.first().map(|a| a.id.clone()))
        .collect();
    let corpus = use_memo(
        (state.route.clone(), key, waiting),
        move |(route, _, waiting)| {
            if *waiting {
                return None;
            }
            let Route::Read(_) = route else {
                return Some((SharedCorpus::new(merged(&docs)), None));
            };
            // An article whose bundle has come without it is not found.
            let Some(doc) = docs.first() else {
                return Some((
                    SharedCorpus::new(Default::default()),
                    Some(Around::default()),
                ));
            };
            let link = |l: &Option<doichieu_core::pack::Link>| {
                l.as_ref().map(|l| (l.id.clone(), l.title.clone()))
            };
            let around = Around {
                newer: link(&doc.newer),
                older: link(&doc.older),
                similar: doc
                    .similar
                    .iter()
                    .map(|(l, n)| (l.id.clone(), l.title.clone(), *n as usize))
                    .collect(),
            };
            Some((SharedCorpus::new(doc.corpus.clone()), Some(around)))
        },
    );
    let Some((corpus, around)) = &*corpus else {
        return html! { <>{ failures(&store) }{ loading(lang) }</> };
    };
    let corpus = corpus.clone();
    let state = state.clone();
    match &state.route {
        Route::Read(id) => {
            html! { <ReadPage {corpus} id={id.clone()} {state} around={around.clone()} /> }
        }
        Route::Compare(ids) => html! { <ComparePage {corpus} ids={ids.clone()} {state} /> },
        Route::Entity(id) => {
            let shown = corpus.articles.len();
            html! {
                <>
                if total > shown {
                    <p class="note" data-newest-of={total.to_string()}>{ (strings(lang).newest_of)(shown, total) }</p>
                }
                <EntityPage {corpus} id={id.clone()} {state} articles_total={(total > 0).then_some(total)} />
                </>
            }
        }
        _ => Html::default(),
    }
}

/// The collection's manifest, while it is fetched or once it failed.
pub fn opening(lang: doichieu_core::view::Lang, failed: Option<&str>) -> Html {
    match failed {
        Some(why) => html! {
            { alert(html! { <>{ format!("{}: {why}.", strings(lang).corpus_unreadable) }</> }) }
        },
        None => loading(lang),
    }
}
