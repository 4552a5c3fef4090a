//! `#/`: every article, filtered by the link's `q`, `e`, `source`, `from`
//! and `to` as the reader types, in the order of `sort`: entities named by
//! the words typed suggested under the box, the results over time, what
//! they hold (facets), and each article a card saying why it matched, with
//! a box to pick it for setting side by side (`pick`).

use std::rc::Rc;

use doichieu_core::filter::Found;
use doichieu_core::histogram::Histogram;
use doichieu_core::search::{phrases, SNIPPET_WORDS};
use doichieu_core::view::{Action, EntityType, Query, Route, Sort, ViewState};
use doichieu_core::{Article, PartialDate};
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::components::alert::alert;
use crate::components::facets::{facet_list, NamedFacets};
use crate::components::histogram::{histogram_chart, histogram_place, use_chart_state, ChartState};
use crate::components::result_card::{result_card, ResultCard};
use crate::components::suggestions::{suggestions, Suggested, SUGGESTED};
use crate::corpus::SharedCorpus;
use crate::effect::use_effect_on;
use crate::i18n::strings;
use crate::view::{navigate, replace, set_title};

/// Articles listed at first, and added by "more": two screens or so, so
/// that a change of filter rewrites little of the page.
pub const PAGE: usize = 20;
/// At most this many articles are set side by side.
pub const MAX_COMPARED: usize = 4;
/// Entries in each group of facets.
pub const FACETS: usize = 6;

#[derive(Properties, PartialEq)]
pub struct LibraryPageProps {
    /// The collection shown: a property rather than a context, so that no
    /// context type of Yew is compiled for it.
    pub corpus: SharedCorpus,
    pub state: ViewState,
    /// The page has painted its first view: the histogram and the facets
    /// are drawn too (before, only their places are kept, so that the
    /// cards are painted first).
    #[prop_or(true)]
    pub summed_up: bool,
}

/// The articles in the library's order ([`Article::newest_first`]).
pub fn library_order(articles: &[Article]) -> Vec<&Article> {
    let mut sorted: Vec<&Article> = articles.iter().collect();
    doichieu_core::sort::sort_by(&mut sorted, |a, b| Article::newest_first(a, b));
    sorted
}

/// What the reader typed, composed (NFC) by the browser, so that text from
/// any keyboard compares equal to the corpus.
pub fn input_value(e: &Event) -> String {
    e.target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        .map(|i| String::from(js_sys::JsString::from(i.value()).normalize("NFC")))
        .unwrap_or_default()
}

/// A date box's value read: `Ok(None)` when empty, `Err` when not a date.
pub fn read_date(value: &str) -> Result<Option<PartialDate>, ()> {
    let value = value.trim();
    if value.is_empty() {
        Ok(None)
    } else {
        PartialDate::parse(value).map(Some).ok_or(())
    }
}

/// What the library shows, however it was found: counts, the results'
/// cards, and what is said beside them.
pub struct LibraryViewProps {
    pub state: ViewState,
    /// Articles in the collection.
    pub total: usize,
    /// Articles found.
    pub found: usize,
    /// Of those, undated (listed last).
    pub undated: usize,
    pub apart: usize,
    pub undated_left_out: usize,
    /// Entity ids of `e` that name no entity.
    pub unknown: Vec<String>,
    /// The entities required by `e`: id, name, type.
    pub chips: Vec<(String, String, EntityType)>,
    /// The results over time, in front of the whole collection.
    pub histogram: Option<(Histogram, Rc<Histogram>)>,
    pub facets: NamedFacets,
    pub suggested: Vec<Suggested>,
    /// The cards listed, in an `<ol>`, of the first [`LibraryBoxes::limit`]
    /// articles found.
    pub cards: Vec<Html>,
    /// Where in `cards` the undated articles begin (past its end if none do).
    pub first_undated: usize,
    /// Something the view needs is still on its way.
    pub loading: bool,
    /// Shown under the heading (a collection of packs: keeping it offline).
    pub extra: Html,
    /// The histogram and the facets are drawn right after the cards: their
    /// places are kept for them.
    pub summary_pending: bool,
}

#[function_component]
pub fn LibraryPage(props: &LibraryPageProps) -> Html {
    let corpus = props.corpus.clone();
    let state = &props.state;
    let boxes = use_library_boxes(state);
    let query = &state.query;
    let summed_up = props.summed_up;
    let all = use_memo(corpus.clone(), |c| {
        Histogram::of(c.articles.iter().map(|a| a.date))
    });

    // Unknown entity ids are named and left out; the rest filter.
    let (known, unknown): (Vec<String>, Vec<String>) = query
        .e
        .iter()
        .cloned()
        .partition(|id| corpus.entity(id).is_some());
    let effective = Query {
        e: known.clone(),
        ..query.clone()
    };
    // The library's first view, without words, needs no index: it is
    // built when the facets are drawn, after that view is painted. Once it
    // is, the index lists every view (in its order, with no sorting).
    let found = match corpus.built_filter_index() {
        Some(index) => index.search(&corpus, &effective),
        None => Found::without_index(&corpus, &effective)
            .unwrap_or_else(|| corpus.filter_index().search(&corpus, &effective)),
    };
    let shown = &found.shown;
    let undated = shown
        .iter()
        .filter(|&&i| corpus.articles[i].date.is_none())
        .count();
    let first_undated = shown
        .iter()
        .position(|&i| corpus.articles[i].date.is_none())
        .unwrap_or(shown.len());
    let required: Vec<usize> = known
        .iter()
        .filter_map(|id| corpus.entity_index(id))
        .collect();
    let facets = if summed_up {
        NamedFacets::of(
            corpus
                .filter_index()
                .facets(&corpus, shown, &required, FACETS),
            &corpus,
        )
    } else {
        NamedFacets::default()
    };
    let suggestions = if query.q.trim().is_empty() {
        Vec::new()
    } else {
        corpus
            .filter_index()
            .suggest(&query.q, &required, SUGGESTED)
    };
    let suggested: Vec<Suggested> = suggestions
        .into_iter()
        .map(|(e, articles)| {
            let entity = &corpus.entities[e];
            Suggested {
                id: entity.id.clone(),
                name: entity.name.clone(),
                kind: entity.kind,
                articles,
            }
        })
        .collect();
    let query_phrases = phrases(&query.q);
    let mut card_entities = found.named.clone();
    card_entities.extend(required.iter().copied());
    let chips: Vec<(String, String, EntityType)> = required
        .iter()
        .map(|&e| {
            let e = &corpus.entities[e];
            (e.id.clone(), e.name.clone(), e.kind)
        })
        .collect();

    let full = query.pick.len() >= MAX_COMPARED;
    let listed: Vec<usize> = shown.iter().take(boxes.limit()).copied().collect();
    let placed = if query_phrases.is_empty() {
        Vec::new()
    } else {
        corpus
            .filter_index()
            .phrase_ranges(&corpus, &listed, &query_phrases, SNIPPET_WORDS)
    };
    let mut placed = placed.into_iter();
    let cards = listed
        .iter()
        .map(|&i| {
            let found = placed.next().unwrap_or_default();
            let filtering = !query_phrases.is_empty();
            let card = ResultCard {
                article: i,
                state,
                filtering,
                found,
                entities: &card_entities,
                full,
            };
            result_card(&corpus, card)
        })
        .collect();
    let histogram = (summed_up && (!all.bars.is_empty() || all.undated > 0)).then(|| {
        let shown = all.within(shown.iter().map(|&i| corpus.articles[i].date));
        (shown, all.clone())
    });
    let view = LibraryViewProps {
        state: state.clone(),
        total: corpus.articles.len(),
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
        loading: false,
        extra: Html::default(),
        summary_pending: !summed_up,
    };
    library_view(view, &boxes)
}

/// The heading before the undated articles of a list.
fn undated_heading(s: &'static crate::i18n::Strings, undated: usize) -> Html {
    html! { <li class="undated-heading" data-undated-heading={undated.to_string()}><h2>{ (s.undated_heading)(undated) }</h2></li> }
}

/// What the library keeps of its own, beside the link: its search box,
/// which follows the link, and a date box's value that is not a date.
pub struct LibraryBoxes {
    search: NodeRef,
    bad_date: UseStateHandle<Option<String>>,
    chart: ChartState,
    /// Articles listed: a page of them, and a page more each time "more" is pressed.
    limit: UseStateHandle<usize>,
}

impl LibraryBoxes {
    /// Articles listed.
    pub fn limit(&self) -> usize {
        *self.limit
    }
}

/// The library's own state, kept by the page that draws it with
/// [`library_view`]; the page is named after the library.
#[hook]
pub fn use_library_boxes(state: &ViewState) -> LibraryBoxes {
    let lang = state.query.lang;
    let s = strings(lang);
    let bad_date = use_state(|| None::<String>);
    let search = use_node_ref();
    use_effect_on(lang, move |_| {
        set_title(&format!("{} — Đối chiếu", s.library))
    });
    // The box follows the link (Back, a shared link) unless it already says the same.
    {
        let search = search.clone();
        use_effect_on(state.query.q.clone(), move |q| {
            if let Some(input) = search.cast::<HtmlInputElement>() {
                if input.value().trim() != q {
                    input.set_value(q);
                }
            }
        });
    }
    LibraryBoxes {
        search,
        bad_date,
        chart: use_chart_state(),
        limit: use_state_eq(|| PAGE),
    }
}

/// The library as `props` say, with the page's `boxes`. A function rather
/// than a component: its state is kept by the page (both the embedded
/// collection's and that of packs draw it), and each component type is its
/// own copy of Yew's lifecycle code in the wasm.
pub fn library_view(props: LibraryViewProps, boxes: &LibraryBoxes) -> Html {
    let state = &props.state;
    let query = &state.query;
    let s = strings(query.lang);
    let LibraryBoxes {
        search,
        bad_date,
        chart,
        limit,
    } = boxes;
    let filtering = !query.q.is_empty()
        || !query.e.is_empty()
        || query.from.is_some()
        || query.to.is_some()
        || query.source.is_some();

    let oninput = {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            let value = input_value(&e.into());
            replace(&state.apply(Action::SetText(value)));
        })
    };
    // A date box applies as it is typed, once it holds a date (or nothing);
    // leaving it with something else says so.
    let date_input = |is_from: bool| {
        let (state, bad_date) = (state.clone(), bad_date.clone());
        Callback::from(move |e: InputEvent| {
            if let Ok(parsed) = read_date(&input_value(&e.into())) {
                bad_date.set(None);
                let q = &state.query;
                let (from, to) = if is_from {
                    (parsed, q.to)
                } else {
                    (q.from, parsed)
                };
                if (from, to) != (q.from, q.to) {
                    replace(&state.apply(Action::SetRange(from, to)));
                }
            }
        })
    };
    // Down from the box goes to the first entity suggested.
    let onkeydown = Callback::from(|e: KeyboardEvent| {
        if e.key() == "ArrowDown" {
            let first = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.query_selector("[data-suggest]").ok().flatten())
                .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(first) = first {
                e.prevent_default();
                crate::view::focus(&first);
            }
        }
    });
    let date_change = {
        let bad_date = bad_date.clone();
        Callback::from(move |e: Event| {
            let value = input_value(&e);
            bad_date.set(read_date(&value).is_err().then(|| value.trim().to_string()));
        })
    };
    let sort_change = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
                .map(|s| s.value())
                .unwrap_or_default();
            if let Some(sort) = Sort::parse(&value) {
                navigate(&state.apply(Action::SetSort(sort)));
            }
        })
    };
    let chips = props.chips.iter().map(|(id, name, kind)| {
        let rest: Vec<String> = query.e.iter().filter(|k| *k != id).cloned().collect();
        let next = state.apply(Action::SetEntities(rest));
        let onclick = Callback::from(move |_| navigate(&next));
        let page = state.apply(Action::Open(Route::Entity(id.clone()))).to_hash();
        html! {
            <li class="filter-chip" data-type={kind.as_str()}>
                <a href={page}>{ name }</a>
                <button type="button" aria-label={(s.remove_entity)(name)} {onclick}>{ "×" }</button>
            </li>
        }
    });
    let source_chip = query.source.as_ref().map(|source| {
        let next = state.apply(Action::SetSource(None));
        let onclick = Callback::from(move |_| navigate(&next));
        html! {
            <li class="filter-chip" data-source={source.clone()}>
                <span>{ format!("{}: {source}", s.sources_heading) }</span>
                <button type="button" aria-label={(s.remove_entity)(source)} {onclick}>{ "×" }</button>
            </li>
        }
    });
    let clear = state
        .apply(Action::SetText(String::new()))
        .apply(Action::SetEntities(Vec::new()))
        .apply(Action::SetRange(None, None))
        .apply(Action::SetSource(None))
        .to_hash();
    let more = {
        let limit = limit.clone();
        Callback::from(move |_| limit.set(*limit + PAGE))
    };
    let picks = &query.pick;
    let clear_picks = {
        let next = state.apply(Action::ClearPicks);
        Callback::from(move |_| replace(&next))
    };
    // A hand-written link may pick more than can be set side by side.
    let compare_href = (picks.len() >= 2).then(|| {
        let ids = picks.iter().take(MAX_COMPARED).cloned().collect();
        state.apply(Action::Open(Route::Compare(ids))).to_hash()
    });
    let sorts = Sort::ALL.iter().map(|&sort| {
        html! { <option value={sort.as_str()} selected={sort == query.sort}>{ (s.sort_name)(sort) }</option> }
    });
    let (found, undated) = (props.found, props.undated);
    let hidden = found.saturating_sub(**limit);
    let first_undated = props.first_undated;
    let cards = props.cards.into_iter().enumerate().map(|(k, card)| {
        let heading = (k == first_undated).then(|| undated_heading(s, undated));
        html! { <>{ for heading }{ card }</> }
    });
    html! {
        <section class="library" aria-labelledby="library-heading" aria-busy={props.loading.then_some("true")}>
            <div class="library-head">
                <h1 id="library-heading">{ s.library }</h1>
                <p class="count" aria-live="polite">{
                    if filtering { (s.showing)(found, props.total) } else { (s.articles_count)(found) }
                }
                if undated > 0 {
                    <span class="undated-count" data-undated={undated.to_string()}>{ format!(" · {}", (s.undated_listed_last)(undated)) }</span>
                }
                if props.loading {
                    <span class="loading" data-loading="">{ format!(" · {}", s.loading) }</span>
                }
                </p>
                { props.extra }
            </div>
            <form class="filters" role="search" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <label class="search">
                    <span class="visually-hidden">{ s.search_label }</span>
                    <input type="search" ref={search.clone()} placeholder={s.search_placeholder} {oninput} {onkeydown} autocomplete="off" spellcheck="false" />
                </label>
                <label class="date">
                    <span>{ s.from_label }</span>
                    <input type="text" inputmode="numeric" name="from" placeholder="2015" title={s.date_hint} value={query.from.map(|d| d.to_string()).unwrap_or_default()} oninput={date_input(true)} onchange={date_change.clone()} size="10" />
                </label>
                <label class="date">
                    <span>{ s.to_label }</span>
                    <input type="text" inputmode="numeric" name="to" placeholder="2026-02" title={s.date_hint} value={query.to.map(|d| d.to_string()).unwrap_or_default()} oninput={date_input(false)} onchange={date_change} size="10" />
                </label>
                <label class="date sort">
                    <span>{ s.sort_label }</span>
                    <select name="sort" onchange={sort_change}>{ for sorts }</select>
                </label>
                if filtering {
                    <a class="clear" href={clear}>{ s.clear_filters }</a>
                }
            </form>
            { suggestions(state, &props.suggested) }
            if let Some(bad) = &**bad_date {
                { alert(html! { <>{ format!("«{bad}»: {}", s.date_hint) }</> }) }
            }
            if props.apart > 0 {
                <p class="note" data-apart-count={props.apart.to_string()}>{ (s.apart)(props.apart) }</p>
            }
            if props.undated_left_out > 0 {
                <p class="note" data-undated-left-out={props.undated_left_out.to_string()}>{ (s.undated_left_out)(props.undated_left_out) }</p>
            }
            if !props.unknown.is_empty() {
                { alert(html! { <>{ for props.unknown.iter().map(|id| html! { <p>{ (s.entity_not_found)(id) }</p> }) }</> }) }
            }
            if !props.chips.is_empty() || source_chip.is_some() {
                <div class="required">
                    <span class="label">{ s.required_entities }</span>
                    <ul class="filter-chips">{ for chips }{ for source_chip }</ul>
                </div>
            }
            if let Some((histogram, all)) = &props.histogram {
                { histogram_chart(histogram, all, state, chart) }
            } else if props.summary_pending && props.total > 0 {
                { histogram_place() }
            }
            <div class="results">
                <div class="list">
                    <p class="compare-hint">{ s.compare_pick_hint }</p>
                    if props.total == 0 {
                        <p class="empty">{ s.empty_corpus }</p>
                    } else if found == 0 && !props.loading {
                        <p class="empty">{ s.no_matches }</p>
                    } else {
                        <ol class="cards">{ for cards }</ol>
                        if hidden > 0 {
                            <p class="more"><button type="button" onclick={more}>{ (s.more_articles)(hidden) }</button></p>
                        }
                    }
                </div>
                // Their column is kept by the grid while they are drawn.
                if found > 0 && !props.summary_pending {
                    { facet_list(&props.facets, state) }
                }
            </div>
            if !picks.is_empty() {
                <div class="compare-bar" role="region" aria-label={s.compare_pick_hint}>
                    <span class="picked-count">{ (s.compare_selected)(picks.len()) }</span>
                    if let Some(href) = compare_href {
                        <a class="button" href={href} data-compare-selected="">{ s.compare_open }</a>
                    } else {
                        <span class="hint">{ s.compare_pick_hint }</span>
                    }
                    <button type="button" class="clear-picks" onclick={clear_picks}>{ s.clear_picks }</button>
                </div>
            }
        </section>
    }
}
