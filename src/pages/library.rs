//! `#/`: every article, newest first, filtered by the link's `q`, `e`,
//! `from` and `to` as the reader types; each article a link to its reading
//! view, with a box to pick it for setting side by side.

use doichieu_core::histogram::Histogram;
use doichieu_core::view::{Action, Query, Route, ViewState};
use doichieu_core::{Article, PartialDate};
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::alert::Alert;
use crate::components::article_meta::ArticleMeta;
use crate::components::histogram::HistogramChart;
use crate::corpus::use_corpus;
use crate::i18n::strings;
use crate::view::{navigate, replace, set_title};

/// Characters of opening text shown for each article.
const EXCERPT_CHARS: usize = 240;
/// Articles listed at first, and added by "more": two screens or so, so
/// that a change of filter rewrites little of the page.
const PAGE: usize = 20;
/// At most this many articles are set side by side.
const MAX_COMPARED: usize = 4;

#[derive(Properties, PartialEq)]
pub struct LibraryPageProps {
    pub state: ViewState,
}

/// The articles in the library's order ([`Article::newest_first`]).
pub fn library_order(articles: &[Article]) -> Vec<&Article> {
    let mut sorted: Vec<&Article> = articles.iter().collect();
    sorted.sort_by(|a, b| Article::newest_first(a, b));
    sorted
}

/// What the reader typed, composed (NFC) by the browser, so that text from
/// any keyboard compares equal to the corpus.
fn input_value(e: &Event) -> String {
    e.target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        .map(|i| String::from(js_sys::JsString::from(i.value()).normalize("NFC")))
        .unwrap_or_default()
}

#[function_component]
pub fn LibraryPage(props: &LibraryPageProps) -> Html {
    let corpus = use_corpus();
    let state = &props.state;
    let query = &state.query;
    let lang = query.lang;
    let s = strings(lang);
    let selected = use_state(Vec::<String>::new);
    let bad_date = use_state(|| None::<String>);
    let limit = use_state_eq(|| PAGE);
    let search = use_node_ref();
    use_effect_with(lang, move |_| {
        set_title(&format!("{} — Đối chiếu", s.library))
    });
    // The box follows the link (Back, a shared link) unless it already says the same.
    {
        let search = search.clone();
        use_effect_with(query.q.clone(), move |q| {
            if let Some(input) = search.cast::<HtmlInputElement>() {
                if input.value().trim() != q {
                    input.set_value(q);
                }
            }
        });
    }

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
    // Newest first, as the index keeps them, the undated last.
    let (matched, undated_left_out) = corpus
        .filter_index()
        .matches_and_undated(&corpus, &effective);
    let shown: Vec<&Article> = matched.into_iter().map(|i| &corpus.articles[i]).collect();
    let undated = shown.iter().filter(|a| a.date.is_none()).count();
    let first_undated = shown.len() - undated;
    let histogram = Histogram::of(shown.iter().map(|a| a.date));
    let filtering =
        !query.q.is_empty() || !query.e.is_empty() || query.from.is_some() || query.to.is_some();

    let oninput = {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            let value = input_value(&e.into());
            replace(&state.apply(Action::SetText(value)));
        })
    };
    let date_change = |is_from: bool| {
        let (state, bad_date) = (state.clone(), bad_date.clone());
        Callback::from(move |e: Event| {
            let value = input_value(&e).trim().to_string();
            let parsed = if value.is_empty() {
                None
            } else if let Some(d) = PartialDate::parse(&value) {
                Some(d)
            } else {
                bad_date.set(Some(value));
                return;
            };
            bad_date.set(None);
            let q = &state.query;
            let (from, to) = if is_from {
                (parsed, q.to)
            } else {
                (q.from, parsed)
            };
            navigate(&state.apply(Action::SetRange(from, to)));
        })
    };
    let chips = known.iter().map(|id| {
        let e = corpus.entity(id).expect("known ids were checked");
        let rest: Vec<String> = known.iter().filter(|k| *k != id).cloned().collect();
        let next = state.apply(Action::SetEntities(rest));
        let onclick = Callback::from(move |_| navigate(&next));
        let page = state.apply(Action::Open(Route::Entity(id.clone()))).to_hash();
        html! {
            <li class="filter-chip" data-type={e.kind.as_str()}>
                <a href={page}>{ &e.name }</a>
                <button type="button" aria-label={(s.remove_entity)(&e.name)} {onclick}>{ "×" }</button>
            </li>
        }
    });
    let clear = state
        .apply(Action::SetText(String::new()))
        .apply(Action::SetEntities(Vec::new()))
        .apply(Action::SetRange(None, None))
        .to_hash();

    let hidden = shown.len().saturating_sub(*limit);
    let more = {
        let limit = limit.clone();
        Callback::from(move |_| limit.set(*limit + PAGE))
    };
    let items = shown.iter().take(*limit).enumerate().map(|(k, a)| {
        let href = state.apply(Action::Open(Route::Read(a.id.clone()))).to_hash();
        let checked = selected.contains(&a.id);
        let full = !checked && selected.len() >= MAX_COMPARED;
        let toggle = {
            let (selected, id) = (selected.clone(), a.id.clone());
            Callback::from(move |_| {
                let mut next = (*selected).clone();
                if let Some(i) = next.iter().position(|s| *s == id) {
                    next.remove(i);
                } else if next.len() < MAX_COMPARED {
                    next.push(id.clone());
                }
                selected.set(next);
            })
        };
        let heading = (k == first_undated).then(|| {
            html! { <li class="undated-heading" data-undated-heading={undated.to_string()}><h2>{ (s.undated_heading)(undated) }</h2></li> }
        });
        html! {
            <>
            { for heading }
            <li class={classes!("card-item", checked.then_some("picked"))}>
                <a class="card" data-article={a.id.clone()} href={href}>
                    <h2 class="card-title">{ &a.title }</h2>
                    <ArticleMeta date={a.date} date_basis={a.date_basis} source={a.source.clone()} {lang} />
                    <p class="excerpt">{ a.excerpt(EXCERPT_CHARS) }</p>
                </a>
                <label class="pick">
                    <input type="checkbox" {checked} disabled={full} onchange={toggle} data-pick={a.id.clone()} />
                    <span class="visually-hidden">{ (s.select_for_compare)(&a.title) }</span>
                </label>
            </li>
            </>
        }
    });
    let clear_picks = {
        let selected = selected.clone();
        Callback::from(move |_| selected.set(Vec::new()))
    };
    let compare_href = (selected.len() >= 2).then(|| {
        state
            .apply(Action::Open(Route::Compare((*selected).clone())))
            .to_hash()
    });
    html! {
        <section class="library" aria-labelledby="library-heading">
            <div class="library-head">
                <h1 id="library-heading">{ s.library }</h1>
                <p class="count" aria-live="polite">{
                    if filtering { (s.showing)(shown.len(), corpus.articles.len()) } else { (s.articles_count)(shown.len()) }
                }
                if undated > 0 {
                    <span class="undated-count" data-undated={undated.to_string()}>{ format!(" · {}", (s.undated_listed_last)(undated)) }</span>
                }
                </p>
            </div>
            <form class="filters" role="search" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <label class="search">
                    <span class="visually-hidden">{ s.search_label }</span>
                    <input type="search" ref={search} placeholder={s.search_placeholder} {oninput} autocomplete="off" spellcheck="false" />
                </label>
                <label class="date">
                    <span>{ s.from_label }</span>
                    <input type="text" inputmode="numeric" name="from" placeholder="2015" title={s.date_hint} value={query.from.map(|d| d.to_string()).unwrap_or_default()} onchange={date_change(true)} size="10" />
                </label>
                <label class="date">
                    <span>{ s.to_label }</span>
                    <input type="text" inputmode="numeric" name="to" placeholder="2026-02" title={s.date_hint} value={query.to.map(|d| d.to_string()).unwrap_or_default()} onchange={date_change(false)} size="10" />
                </label>
                if filtering {
                    <a class="clear" href={clear}>{ s.clear_filters }</a>
                }
            </form>
            if let Some(bad) = &*bad_date {
                <Alert>{ format!("«{bad}»: {}", s.date_hint) }</Alert>
            }
            if undated_left_out > 0 {
                <p class="note" data-undated-left-out={undated_left_out.to_string()}>{ (s.undated_left_out)(undated_left_out) }</p>
            }
            if !shown.is_empty() {
                <HistogramChart histogram={histogram} state={state.clone()} />
            }
            if !unknown.is_empty() {
                <Alert>{ for unknown.iter().map(|id| html! { <p>{ (s.entity_not_found)(id) }</p> }) }</Alert>
            }
            if !known.is_empty() {
                <div class="required">
                    <span class="label">{ s.required_entities }</span>
                    <ul class="filter-chips">{ for chips }</ul>
                </div>
            }
            <p class="compare-hint">{ s.compare_pick_hint }</p>
            if corpus.articles.is_empty() {
                <p class="empty">{ s.empty_corpus }</p>
            } else if shown.is_empty() {
                <p class="empty">{ s.no_matches }</p>
            } else {
                <ol class="cards">{ for items }</ol>
                if hidden > 0 {
                    <p class="more"><button type="button" onclick={more}>{ (s.more_articles)(hidden) }</button></p>
                }
            }
            if !selected.is_empty() {
                <div class="compare-bar" role="region" aria-label={s.compare_pick_hint}>
                    <span class="picked-count">{ (s.compare_selected)(selected.len()) }</span>
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
