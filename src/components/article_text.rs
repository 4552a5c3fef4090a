//! The body of an article with its mentions marked: numbered paragraphs
//! (ids `<article-id>-pN`, the `p` of a link), photo captions set apart,
//! and every mention a `<mark data-entity data-type>`. Hovering or focusing
//! a mention shows its entity; clicking it (or Enter) opens the entity page.

use doichieu_core::highlight::{lay_out, to_html, HtmlOptions};
use doichieu_core::view::{Action, Route, ViewState};
use doichieu_core::Article;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use crate::corpus::SharedCorpus;
use crate::effect::use_effect_each_render;
use crate::i18n::{entity_name, strings, Strings};
use crate::trusted::set_marked_html;
use crate::view::navigate;

#[derive(Properties, PartialEq)]
pub struct ArticleTextProps {
    /// The collection shown: a property rather than a context, so that no
    /// context type of Yew is compiled for it.
    pub corpus: SharedCorpus,
    /// Index of the article in the corpus.
    pub index: usize,
    pub state: ViewState,
}

/// The entity card shown for the mention under the pointer or focus, placed
/// against the text: below the mark, or above it when below would leave
/// the window.
#[derive(Clone, PartialEq)]
struct Tip {
    entity: usize,
    /// The mark's top and bottom, from the top of the text.
    mark_top: f64,
    mark_bottom: f64,
    left: f64,
}

/// Space between a mark and its card, in pixels.
const TIP_GAP: f64 = 6.0;

#[function_component]
pub fn ArticleText(props: &ArticleTextProps) -> Html {
    let corpus = props.corpus.clone();
    let tip = use_state(|| None::<Tip>);
    let container = use_node_ref();
    let s = strings(props.state.query.lang);
    let article = &corpus.articles[props.index];
    let tip_id = format!("{}-tip", article.id);

    // The mark the card describes: it points at the card only while the card is shown.
    let described = use_mut_ref(|| None::<HtmlElement>);
    let show = {
        let (tip, corpus, container) = (tip.clone(), corpus.clone(), container.clone());
        let described = described.clone();
        move |target: Option<web_sys::EventTarget>| {
            let mark = mark_of(target);
            let found = mark.as_ref().and_then(|mark| {
                let entity = corpus.entity_index(&mark.get_attribute("data-entity")?)?;
                let host = container.cast::<Element>()?;
                let (m, h) = (
                    mark.get_bounding_client_rect(),
                    host.get_bounding_client_rect(),
                );
                Some(Tip {
                    entity,
                    mark_top: m.top() - h.top(),
                    mark_bottom: m.bottom() - h.top(),
                    left: (m.left() - h.left()).max(0.0),
                })
            });
            *described.borrow_mut() = found.as_ref().and(mark);
            if *tip != found {
                tip.set(found);
            }
        }
    };
    let onmouseover = {
        let show = show.clone();
        Callback::from(move |e: MouseEvent| show(e.target()))
    };
    let onfocusin = Callback::from(move |e: FocusEvent| {
        if let Some(stop) = stop_of(e.target()) {
            take_tab_stop(&stop);
        }
        show(e.target())
    });
    let hide = {
        let tip = tip.clone();
        Callback::from(move |_: Event| tip.set(None))
    };
    let open = {
        let (state, corpus) = (props.state.clone(), corpus.clone());
        move |target: Option<web_sys::EventTarget>| {
            let Some(id) = mark_of(target).and_then(|m| m.get_attribute("data-entity")) else {
                return false;
            };
            if corpus.entity(&id).is_none() {
                return false;
            }
            navigate(&state.apply(Action::Open(Route::Entity(id))));
            true
        }
    };
    let onclick = {
        let open = open.clone();
        Callback::from(move |e: MouseEvent| {
            if open(e.target()) {
                e.prevent_default();
            }
        })
    };
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        let handled = match e.key().as_str() {
            "Enter" => open(e.target()),
            "ArrowRight" | "ArrowDown" => move_within(e.target(), Step::Next),
            "ArrowLeft" | "ArrowUp" => move_within(e.target(), Step::Previous),
            "Home" => move_within(e.target(), Step::First),
            "End" => move_within(e.target(), Step::Last),
            _ => false,
        };
        if handled {
            e.prevent_default();
        }
    });

    // Placed through the CSSOM (a strict policy refuses a style attribute),
    // below the mark, or above it when the window would cut it off.
    let card_ref = use_node_ref();
    {
        let (card_ref, tip, described) = (card_ref.clone(), (*tip).clone(), described.clone());
        let tip_id = tip_id.clone();
        use_effect_each_render(move || {
            let mark = described.borrow().clone();
            if let (Some(t), Some(card)) = (&tip, card_ref.cast::<HtmlElement>()) {
                place_card(&card, t);
                if let Some(mark) = &mark {
                    let _ = mark.set_attribute("aria-describedby", &tip_id);
                }
            }
            Box::new(move || {
                if let Some(mark) = mark {
                    let _ = mark.remove_attribute("aria-describedby");
                }
            })
        });
    }
    let card = (*tip).as_ref().map(|t| {
        let e = &corpus.entities[t.entity];
        let title_here = e.titles_in(&article.id).join(", ");
        html! {
            <div class="entity-tip" role="tooltip" id={tip_id.clone()} ref={card_ref.clone()} data-type={e.kind.as_str()}>
                <span class="tip-type">{ (s.type_name)(e.kind) }</span>
                <strong class="tip-name">{ entity_name(s, e).into_owned() }</strong>
                if !title_here.is_empty() {
                    <span class="tip-title">{ format!("{}: {title_here}", s.tip_title_here) }</span>
                }
                <span class="tip-hint">{ s.tip_open }</span>
            </div>
        }
    });
    // The blocks of the text, built again only when the article, the view
    // or the collection changes, never for the entity card: the same
    // element is kept, so the marks keep their focus. Built as one string
    // (every character of the text escaped) and set at once through the
    // page's Trusted Types policy, which takes only this shape of HTML:
    // thousands of marks render in a few milliseconds.
    let html = use_memo(
        (corpus.clone(), props.index, props.state.clone()),
        |(corpus, index, state)| marked_html(corpus, *index, state),
    );
    let text = use_memo(html, |html| {
        let holder = gloo::utils::document()
            .create_element("div")
            .expect("a document makes elements");
        holder.set_class_name("marked");
        if let Err(problem) = set_marked_html(&holder, html) {
            web_sys::console::error_1(&problem.clone().into());
            show_plain(&holder, article, &problem, s);
        }
        holder
    });
    html! {
        <div class="article-text" lang="vi" ref={container} {onmouseover} {onfocusin} onmouseleave={hide.reform(Event::from)} onfocusout={hide.reform(Event::from)} {onclick} {onkeydown}>
            { Html::VRef(Element::clone(&text).into()) }
            { card.unwrap_or_default() }
        </div>
    }
}

/// The text's blocks as HTML, for the article `index` of `corpus` in the
/// view `state`.
fn marked_html(corpus: &SharedCorpus, index: usize, state: &ViewState) -> String {
    let query = &state.query;
    let s = strings(query.lang);
    let blocks = lay_out(corpus, index, |kind| query.shows(kind));
    let link = |n: u32| {
        let href = state.apply(Action::Paragraph(Some(n))).to_hash();
        (href, (s.paragraph_link)(n))
    };
    to_html(
        corpus,
        &blocks,
        &HtmlOptions {
            article_id: &corpus.articles[index].id,
            emphasised: query
                .hl
                .as_deref()
                .and_then(|id| corpus.entity_index(id))
                .and_then(|i| u32::try_from(i).ok()),
            target: query.p,
            photo_label: s.photo,
            paragraph_link: &link,
        },
    )
}

/// The text without its marks, after a message saying why: what the page
/// shows when the marked text cannot be set.
fn show_plain(holder: &Element, article: &Article, problem: &str, s: &Strings) {
    let document = gloo::utils::document();
    let add = |tag: &str, text: &str| {
        if let Ok(el) = document.create_element(tag) {
            el.set_text_content(Some(text));
            let _ = holder.append_child(&el);
            return Some(el);
        }
        None
    };
    // As the Alert component shows a problem.
    if let Some(alert) = add("div", &format!("{} ({problem})", s.marks_unavailable)) {
        alert.set_class_name("alert");
        let _ = alert.set_attribute("role", "alert");
    }
    for segment in article.segments() {
        add("p", segment.text);
    }
}

/// Sets the card's place: below the mark, or above it when the card would
/// pass the window's bottom and fits above.
fn place_card(card: &HtmlElement, t: &Tip) {
    let style = card.style();
    let _ = style.set_property("left", &format!("{}px", t.left.round() as i64));
    let _ = style.set_property(
        "top",
        &format!("{}px", (t.mark_bottom + TIP_GAP).round() as i64),
    );
    let rect = card.get_bounding_client_rect();
    let window_height = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(f64::INFINITY);
    let room_above = rect.top() - TIP_GAP - (t.mark_bottom - t.mark_top) - TIP_GAP;
    let above = rect.bottom() > window_height && room_above >= rect.height();
    if above {
        let top = t.mark_top - TIP_GAP - rect.height();
        let _ = style.set_property("top", &format!("{}px", top.round() as i64));
    }
    let _ = card.toggle_attribute_with_force("data-above", above);
}

/// Where the arrow keys move among a text's marks and paragraph links.
#[derive(Clone, Copy)]
enum Step {
    Next,
    Previous,
    First,
    Last,
}

/// What the arrow keys move among: the marks and the paragraphs' links.
const STOPS: &str = "mark[data-entity], a.pilcrow";

/// Moves focus among the shown marks and paragraph links of the text
/// holding the focus (one stop of the Tab key, a roving tabindex); false
/// when focus is on neither.
fn move_within(target: Option<web_sys::EventTarget>, step: Step) -> bool {
    let Some(at_stop) = stop_of(target) else {
        return false;
    };
    let Some(list) = at_stop
        .closest(".article-text")
        .ok()
        .flatten()
        .and_then(|text| text.query_selector_all(STOPS).ok())
    else {
        return false;
    };
    // A paragraph's link hidden by the layout (on a phone) is passed over.
    let stops: Vec<HtmlElement> = (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok())
        .filter(|e| e.get_bounding_client_rect().width() > 0.0)
        .collect();
    let Some(at) = stops.iter().position(|m| m.is_same_node(Some(&at_stop))) else {
        return false;
    };
    let last = stops.len() - 1;
    let next = match step {
        Step::Next => (at + 1).min(last),
        Step::Previous => at.saturating_sub(1),
        Step::First => 0,
        Step::Last => last,
    };
    crate::view::focus(&stops[next]);
    true
}

/// Makes the focused mark or paragraph link its text's one stop of the Tab key.
fn take_tab_stop(stop: &HtmlElement) {
    if let Some(text) = stop.closest(".article-text").ok().flatten() {
        if let Ok(list) = text.query_selector_all("[tabindex=\"0\"]") {
            for i in 0..list.length() {
                if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                    let _ = el.set_attribute("tabindex", "-1");
                }
            }
        }
    }
    let _ = stop.set_attribute("tabindex", "0");
}

/// The mark or paragraph link at or around an event's target.
fn stop_of(target: Option<web_sys::EventTarget>) -> Option<HtmlElement> {
    target?
        .dyn_into::<Element>()
        .ok()?
        .closest(STOPS)
        .ok()??
        .dyn_into::<HtmlElement>()
        .ok()
}

/// The `<mark>` at or around an event's target.
fn mark_of(target: Option<web_sys::EventTarget>) -> Option<HtmlElement> {
    target?
        .dyn_into::<Element>()
        .ok()?
        .closest("mark[data-entity]")
        .ok()??
        .dyn_into::<HtmlElement>()
        .ok()
}
