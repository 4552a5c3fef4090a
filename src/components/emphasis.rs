//! The emphasised entity (`hl`): a bar naming it with buttons to step
//! through its mentions, and the keys that do the same anywhere on the page
//! (j or n: next, k: previous, Escape: clear); the letters can be turned
//! off ([`crate::components::shortcuts`]).

use doichieu_core::view::{Action, ViewState};
use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;

use crate::components::shortcuts::{single_key, single_keys_on, typing};
use crate::corpus::SharedCorpus;
use crate::effect::use_cleaned_effect_on;
use crate::i18n::{entity_name, strings};
use crate::view::navigate;

/// Moves focus to the next (or previous) mention of the emphasised entity,
/// or of any entity when none is emphasised, after the one focused.
pub fn step(forward: bool) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let selector = if doc.query_selector("mark.hl").ok().flatten().is_some() {
        "mark.hl"
    } else {
        "mark[data-entity]"
    };
    // From the root element rather than the document (the same marks, in
    // the same order): the app binds `querySelectorAll` on elements only.
    let Some(Ok(list)) = doc
        .document_element()
        .map(|root| root.query_selector_all(selector))
    else {
        return;
    };
    let marks: Vec<HtmlElement> = (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok())
        .collect();
    if marks.is_empty() {
        return;
    }
    let active: Option<Element> = doc.active_element();
    let at = active.and_then(|a| marks.iter().position(|m| a.is_same_node(Some(m))));
    let next = match (at, forward) {
        (Some(i), true) => (i + 1) % marks.len(),
        (Some(i), false) => (i + marks.len() - 1) % marks.len(),
        (None, true) => 0,
        (None, false) => marks.len() - 1,
    };
    let mark = &marks[next];
    crate::view::focus(mark);
    let options = ScrollIntoViewOptions::new();
    options.set_block(ScrollLogicalPosition::Center);
    mark.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Listens for the mention keys while the page is shown.
#[hook]
pub fn use_mention_keys(state: ViewState) {
    use_cleaned_effect_on(state, |state| {
        let clear = state.apply(Action::Highlight(None));
        let has_hl = state.query.hl.is_some();
        let listener = web_sys::window().map(|w| {
            let options = EventListenerOptions::enable_prevent_default();
            EventListener::new_with_options(&w, "keydown", options, move |e| {
                let Some(e) = e.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                // Escape is no character key: it stays when the others are turned off.
                if e.key() == "Escape" && has_hl && !typing(e) {
                    navigate(&clear);
                } else {
                    match single_key(e).as_deref() {
                        Some("j" | "n") => step(true),
                        Some("k") => step(false),
                        _ => return,
                    }
                }
                e.prevent_default();
            })
        });
        Box::new(move || drop(listener))
    });
}

/// Names the emphasised entity of `state`, with `count` mentions on the
/// page, with previous/next and clear. A function rather than a component:
/// it holds no state, and each component type is its own copy of Yew's
/// lifecycle code in the wasm.
pub fn emphasis_bar(corpus: &SharedCorpus, state: &ViewState, count: usize) -> Html {
    let s = strings(state.query.lang);
    let Some(entity) = state.query.hl.as_deref().and_then(|id| corpus.entity(id)) else {
        return html! {};
    };
    let clear = state.apply(Action::Highlight(None));
    html! {
        <div class="emphasis" role="status" data-type={entity.kind.as_str()}>
            <span class="emphasis-name">{ (s.emphasised)(&entity_name(s, entity), count) }</span>
            <span class="emphasis-actions">
                <button type="button" onclick={Callback::from(|_| step(false))} aria-keyshortcuts="k">{ "↑ " }{ s.previous_mention }</button>
                <button type="button" onclick={Callback::from(|_| step(true))} aria-keyshortcuts="j">{ "↓ " }{ s.next_mention }</button>
                <button type="button" onclick={Callback::from(move |_| navigate(&clear))} aria-keyshortcuts="Escape">{ "× " }{ s.clear_emphasis }</button>
            </span>
            if single_keys_on() {
                <span class="emphasis-keys">{ s.keys_hint }</span>
            }
        </div>
    }
}
