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

use crate::corpus::use_corpus;
use crate::i18n::{strings, Strings};
use crate::style::use_style;
use crate::trusted::set_marked_html;
use crate::view::navigate;

#[derive(Properties, PartialEq)]
pub struct ArticleTextProps {
    /// Index of the article in the corpus.
    pub index: usize,
    pub state: ViewState,
}

/// The entity card shown for the mention under the pointer or focus.
#[derive(Clone, PartialEq)]
struct Tip {
    entity: usize,
    top: f64,
    left: f64,
}

#[function_component]
pub fn ArticleText(props: &ArticleTextProps) -> Html {
    let corpus = use_corpus();
    let tip = use_state(|| None::<Tip>);
    let container = use_node_ref();
    let s = strings(props.state.query.lang);
    let article = &corpus.articles[props.index];
    let tip_id = format!("{}-tip", article.id);

    let show = {
        let (tip, corpus, container) = (tip.clone(), corpus.clone(), container.clone());
        move |target: Option<web_sys::EventTarget>| {
            let found = mark_of(target).and_then(|mark| {
                let entity = corpus.entity_index(&mark.get_attribute("data-entity")?)?;
                let host = container.cast::<Element>()?;
                let (m, h) = (
                    mark.get_bounding_client_rect(),
                    host.get_bounding_client_rect(),
                );
                Some(Tip {
                    entity,
                    top: m.bottom() - h.top(),
                    left: (m.left() - h.left()).max(0.0),
                })
            });
            if *tip != found {
                tip.set(found);
            }
        }
    };
    let onmouseover = {
        let show = show.clone();
        Callback::from(move |e: MouseEvent| show(e.target()))
    };
    let onfocusin = Callback::from(move |e: FocusEvent| show(e.target()));
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
        if e.key() == "Enter" && open(e.target()) {
            e.prevent_default();
        }
    });

    // Placed through the CSSOM: a strict policy refuses a style attribute.
    let card_ref = use_node_ref();
    use_style(
        card_ref.clone(),
        (*tip).as_ref().map_or_else(Vec::new, |t| {
            vec![
                ("top", format!("{}px", (t.top + 6.0).round() as i64)),
                ("left", format!("{}px", t.left.round() as i64)),
            ]
        }),
    );
    let card = (*tip).as_ref().map(|t| {
        let e = &corpus.entities[t.entity];
        let title_here = e.titles_in(&article.id).join(", ");
        html! {
            <div class="entity-tip" role="tooltip" id={tip_id.clone()} ref={card_ref.clone()} data-type={e.kind.as_str()}>
                <span class="tip-type">{ (s.type_name)(e.kind) }</span>
                <strong class="tip-name">{ &e.name }</strong>
                if !title_here.is_empty() {
                    <span class="tip-title">{ format!("{}: {title_here}", s.tip_title_here) }</span>
                }
                <span class="tip-hint">{ s.tip_open }</span>
            </div>
        }
    });
    html! {
        <div class="article-text" ref={container} {onmouseover} {onfocusin} onmouseleave={hide.reform(Event::from)} onfocusout={hide.reform(Event::from)} {onclick} {onkeydown}>
            <Body index={props.index} state={props.state.clone()} />
            { card.unwrap_or_default() }
        </div>
    }
}

/// The blocks of the text; re-rendered only when the article or the view
/// changes, never for the entity card, so the marks keep their focus.
#[function_component]
fn Body(props: &ArticleTextProps) -> Html {
    let corpus = use_corpus();
    let query = &props.state.query;
    let s = strings(query.lang);
    let article = &corpus.articles[props.index];
    let blocks = lay_out(&corpus, props.index, |kind| query.shows(kind));
    let link = |n: u32| {
        let href = props.state.apply(Action::Paragraph(Some(n))).to_hash();
        (href, (s.paragraph_link)(n))
    };
    // Built as one string (every character of the text escaped) and set
    // at once through the page's Trusted Types policy, which takes only
    // this shape of HTML: thousands of marks render in a few milliseconds.
    let html = to_html(
        &corpus,
        &blocks,
        &HtmlOptions {
            article_id: &article.id,
            emphasised: query
                .hl
                .as_deref()
                .and_then(|id| corpus.entity_index(id))
                .and_then(|i| u32::try_from(i).ok()),
            target: query.p,
            photo_label: s.photo,
            paragraph_link: &link,
            described_by: &format!("{}-tip", article.id),
        },
    );
    let text = use_memo(html, |html| {
        let article = &corpus.articles[props.index];
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
    Html::VRef(Element::clone(&text).into())
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
