//! `#/compare/<id>,<id>[,…]`: articles in columns, in the link's order,
//! under the entities set against each other: those in every article,
//! those only in some, and people whose titles differ.

use doichieu_core::compare::{chips_html, compare, Chip, Comparison, Row};
use doichieu_core::oddity::compared;
use doichieu_core::view::{Action, EntityType, Route, ViewState};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use crate::components::alert::alert;
use crate::components::article_meta::article_meta;
use crate::components::article_text::ArticleText;
use crate::components::emphasis::{emphasis_bar, use_mention_keys};
use crate::components::legend::{legend, print_key, sample};
use crate::corpus::SharedCorpus;
use crate::effect::{use_effect_each_render, use_effect_on};
use crate::i18n::{entity_name, strings};
use crate::pages::read::{emphasised_count, type_counts};
use crate::style::use_style;
use crate::trusted::set_marked_html;
use crate::view::{focus, set_title};

#[derive(Properties, PartialEq)]
pub struct ComparePageProps {
    /// The collection shown: a property rather than a context, so that no
    /// context type of Yew is compiled for it.
    pub corpus: SharedCorpus,
    pub ids: Vec<String>,
    pub state: ViewState,
}

#[function_component]
pub fn ComparePage(props: &ComparePageProps) -> Html {
    let corpus = props.corpus.clone();
    let lang = props.state.query.lang;
    let s = strings(lang);
    use_mention_keys(props.state.clone());
    // Each article once, at most four: the shell says what was left out.
    let ids = compared(&props.ids);
    let (found, missing): (Vec<_>, Vec<_>) = ids
        .iter()
        .partition(|id| corpus.article_index(id).is_some());
    let indices: Vec<usize> = found
        .iter()
        .filter_map(|id| corpus.article_index(id))
        .collect();
    let count = indices.len();
    // The overview's state: the rows whose chips are all shown ("+N"
    // pressed), a bit per row, two rows per type; and whether it is open.
    // Both start again when the overview comes back after fewer than two
    // articles were found.
    let expanded = use_state_eq(|| 0usize);
    let open = use_state(|| !phone());
    {
        let (expanded, open) = (expanded.clone(), open.clone());
        use_effect_on(count, move |n| {
            set_title(&format!("{} — Đối chiếu", (s.compare_title)(*n)));
            if *n < 2 {
                expanded.set(0);
                if *open == phone() {
                    open.set(!phone());
                }
            }
        });
    }
    let comparison = {
        let corpus = corpus.clone();
        use_memo(indices.clone(), move |indices| compare(&corpus, indices))
    };
    let columns = indices.iter().map(|&index| {
        let a = &corpus.articles[index];
        let href = props
            .state
            .apply(Action::Open(Route::Read(a.id.clone())))
            .to_hash();
        html! {
            <article data-article={a.id.clone()} class="column" aria-labelledby={format!("{}-title", a.id)}>
                <header>
                    <h2 id={format!("{}-title", a.id)} lang="vi"><a href={href}>{ &a.title }</a></h2>
                    { article_meta(a.date, a.date_basis, a.source.as_deref(), lang, true) }
                </header>
                <ArticleText corpus={corpus.clone()} {index} state={props.state.clone()} />
            </article>
        }
    });
    let missing_list = missing
        .iter()
        .map(|id| format!("«{id}»"))
        .collect::<Vec<_>>()
        .join(", ");
    let columns_ref = use_node_ref();
    use_style(
        columns_ref.clone(),
        vec![("--columns", count.max(1).to_string())],
    );
    let counts = {
        let corpus = corpus.clone();
        use_memo(indices.clone(), move |indices| {
            type_counts(&corpus, indices)
        })
    };
    let emphasised = emphasised_count(&corpus, &props.state, &indices);
    // A chip with focus is drawn again when it is chosen (its row is set
    // at once): focus goes back to it.
    let chip = focused_chip();
    use_effect_each_render(move || {
        if let Some(chip) = chip {
            refocus(&chip);
        }
        Box::new(|| ())
    });
    html! {
        <section class="compare" aria-labelledby="compare-heading">
            <h1 id="compare-heading">{ (s.compare_title)(count) }</h1>
            { print_key(lang) }
            if !missing.is_empty() {
                { alert(html! { <>{ (s.articles_not_found)(&missing_list) }</> }) }
            }
            if count < 2 {
                { alert(html! { <>{ s.compare_needs_two }</> }) }
            }
            if count >= 2 {
                { overview(&corpus, &props.state, &comparison, &indices, expanded, open) }
            }
            <div class="tools">
                { legend(&props.state, &counts) }
                { emphasis_bar(&corpus, &props.state, emphasised) }
            </div>
            <div class="columns" ref={columns_ref}>{ for columns }</div>
        </section>
    }
}

/// The entities set against each other, by type. A function rather than a
/// component: the page keeps its state (`expanded`, `open`).
fn overview(
    corpus: &SharedCorpus,
    state: &ViewState,
    cmp: &Comparison,
    indices: &[usize],
    expanded: UseStateHandle<usize>,
    open: UseStateHandle<bool>,
) -> Html {
    let s = strings(state.query.lang);
    let expanded_rows = *expanded;
    let row_chips =
        |bit: usize, rows: Vec<&Row>| chip_list(corpus, state, rows, expanded_rows, bit);
    let groups = EntityType::ALL.iter().enumerate().filter_map(|(k, &kind)| {
        let (all, some) = cmp.of_type(corpus, kind);
        if all.is_empty() && some.is_empty() {
            return None;
        }
        Some(html! {
            <section class="overview-type" data-type-group={kind.as_str()} aria-label={(s.type_name)(kind)}>
                <h3>{ sample(state.query.lang, kind) }</h3>
                <div class="overview-row shared">
                    <h4>{ s.in_all }<span class="n">{ all.len() }</span></h4>
                    { row_chips(2 * k, all) }
                </div>
                <div class="overview-row partial">
                    <h4>{ s.only_some }<span class="n">{ some.len() }</span></h4>
                    { row_chips(2 * k + 1, some) }
                </div>
            </section>
        })
    });
    let changes = cmp.title_changes.iter().map(|change| {
        let e = &corpus.entities[change.entity as usize];
        // Dated stages in order, joined by arrows; undated ones after, set
        // apart, as nothing says when they were held.
        let stages = change.stages.iter().enumerate().map(|(i, (_, date, titles))| {
            let (sep, when) = match date {
                Some(d) => (" → ", format!(" ({})", (s.format_date)(*d))),
                None => (" · ", format!(" ({})", doichieu_core::case::lower(s.no_date))),
            };
            html! {
                <>
                    if i > 0 { <span class="arrow" aria-hidden="true">{ sep }</span> }
                    if date.is_none() {
                        <span class="stage undated">{ titles.join(", ") }{ when }</span>
                    } else {
                        <span class="stage">{ titles.join(", ") }{ when }</span>
                    }
                </>
            }
        });
        let href = state.apply(Action::Open(Route::Entity(e.id.clone()))).to_hash();
        html! {
            <li data-entity-change={e.id.clone()}><a href={href}>{ &e.name }</a>{ ": " }{ for stages }</li>
        }
    });
    let toggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    // "+N" of every row, from its `data-more`: the chips are markup set at
    // once, with no listener of their own.
    let onclick = Callback::from(move |e: MouseEvent| {
        let bit = e
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|t| t.closest("[data-more]").ok().flatten())
            .and_then(|b| b.get_attribute("data-more")?.parse::<u32>().ok());
        if let Some(bit) = bit.filter(|&b| b < usize::BITS) {
            expanded.set(*expanded | 1 << bit);
        }
    });
    let body = html! {
        <>
            <div class="overview-head">
                <h2 id="overview-heading">{ s.entities_heading }</h2>
                <button type="button" class="overview-toggle" aria-expanded={open.to_string()} aria-controls="overview-body" onclick={toggle}>
                    { if *open { s.hide_overview } else { s.show_overview } }
                </button>
            </div>
            <div id="overview-body" hidden={!*open}>
            <p class="overview-note">{ format!("{} · ", s.per_article_counts) }{ for indices.iter().enumerate().map(|(i, &a)| html! {
                <span class="col-key">{ format!("{} {}", column_letter(i), shorten(&corpus.articles[a].title)) }</span>
            }) }</p>
            if !cmp.title_changes.is_empty() {
                <div class="title-changes">
                    <h3>{ s.title_changes }</h3>
                    <ul>{ for changes }</ul>
                </div>
            }
            if cmp.rows.is_empty() {
                <p>{ s.no_entities }</p>
            }
            <div class="overview-types">{ for groups }</div>
            </div>
        </>
    };
    // Each class a literal: a class computed goes through Yew's class set.
    if *open {
        html! { <section class="overview open" aria-labelledby="overview-heading" {onclick}>{ body }</section> }
    } else {
        html! { <section class="overview" aria-labelledby="overview-heading" {onclick}>{ body }</section> }
    }
}

/// Whether the window is a phone's: the overview then starts closed, so
/// that the columns are at hand.
fn phone() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(max-width: 48rem)").ok().flatten())
        .is_some_and(|m| m.matches())
}

fn column_letter(i: usize) -> char {
    char::from(b'A' + (i as u8 % 26))
}

fn shorten(title: &str) -> String {
    doichieu_core::article::shorten(title, 40)
}

/// Chips shown before the rest are folded away.
const CHIPS_SHOWN: usize = 12;

/// The chip that has focus, if one has, as a selector (an id that a
/// selector cannot hold finds nothing, and focus stays where it is).
fn focused_chip() -> Option<String> {
    let id = gloo::utils::document()
        .active_element()?
        .closest(".overview [data-chip]")
        .ok()??
        .get_attribute("data-chip")?;
    Some(format!(".overview [data-chip=\"{id}\"]"))
}

/// Puts focus on the chip `selector` finds: the overview was drawn again
/// with focus on a chip, and a row's chips are set at once, so the chip
/// there now is a new one.
fn refocus(selector: &str) {
    let chip = gloo::utils::document().query_selector(selector);
    if let Some(chip) = chip
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<HtmlElement>().ok())
    {
        focus(&chip);
    }
}

/// The first chips of a row, then "+N", which shows the others (written
/// only then: a long comparison has hundreds); `expanded` holds, at `bit`,
/// whether it was pressed. The chips are links, written by the core as one
/// string and set at once through the page's policy.
fn chip_list(
    corpus: &SharedCorpus,
    state: &ViewState,
    rows: Vec<&Row>,
    expanded: usize,
    bit: usize,
) -> Html {
    let s = strings(state.query.lang);
    let open = expanded & (1 << bit) != 0;
    let hl = state.query.hl.as_deref();
    // The emphasised entity's chip is always shown.
    let shown = if open {
        rows.len()
    } else {
        let at = rows
            .iter()
            .position(|r| Some(corpus.entities[r.entity as usize].id.as_str()) == hl);
        CHIPS_SHOWN.max(at.map_or(0, |i| i + 1)).min(rows.len())
    };
    let rest = rows.len() - shown;
    let chips: Vec<Chip> = rows[..shown]
        .iter()
        .map(|row| {
            let e = &corpus.entities[row.entity as usize];
            let name = entity_name(s, e).into_owned();
            let on = hl == Some(e.id.as_str());
            let href = state
                .apply(Action::Highlight((!on).then(|| e.id.clone())))
                .to_hash();
            let counts = row
                .counts
                .iter()
                .enumerate()
                .map(|(i, c)| format!("{}{c}", column_letter(i)))
                .collect::<Vec<_>>()
                .join(" ");
            Chip {
                id: &e.id,
                kind: e.kind.as_str(),
                name,
                counts,
                href,
                current: on,
            }
        })
        .collect();
    let html = chips_html(&chips, (rest > 0).then_some((rest, bit)));
    let document = gloo::utils::document();
    let list = document
        .create_element("ul")
        .expect("a document makes elements");
    list.set_class_name("chips");
    let _ = list.set_attribute("data-row", &bit.to_string());
    if let Err(problem) = set_marked_html(&list, &html) {
        web_sys::console::error_1(&problem.clone().into());
        list.set_text_content(Some(&problem));
    }
    Html::VRef(list.into())
}
