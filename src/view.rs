//! The URL fragment as view state: read on every `hashchange`, written by
//! following links. Parsing and formatting are the core's
//! ([`doichieu_core::view`]); this hook only connects them to the window.

use doichieu_core::view::{LinkProblem, ViewState};
use gloo::events::EventListener;
use yew::prelude::*;

/// The current view and what in its link could not be read.
#[derive(Clone, PartialEq)]
pub struct CurrentView {
    pub state: ViewState,
    pub problems: Vec<String>,
}

fn read_location() -> CurrentView {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    let (state, problems) = ViewState::parse(&hash);
    CurrentView {
        state,
        problems: problems.iter().map(LinkProblem::to_string).collect(),
    }
}

/// The view named by the URL; re-renders when the fragment changes.
#[hook]
pub fn use_view() -> CurrentView {
    let view = use_state(read_location);
    {
        let view = view.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window()
                .map(|w| EventListener::new(&w, "hashchange", move |_| view.set(read_location())));
            move || drop(listener)
        });
    }
    (*view).clone()
}

/// Sets the document title for the current view.
pub fn set_title(title: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(title);
    }
}

/// Brings the top of the page into view after a route change.
pub fn scroll_to_top() {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Opens a view: a new history entry, so Back returns.
pub fn navigate(state: &ViewState) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(&state.to_hash());
    }
}

/// Replaces the current view without a new history entry (typing in a
/// filter), then tells the page, as a followed link would.
pub fn replace(state: &ViewState) {
    let Some(w) = web_sys::window() else {
        return;
    };
    if let Ok(history) = w.history() {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&state.to_hash()),
        );
        if let Ok(event) = web_sys::Event::new("hashchange") {
            let _ = w.dispatch_event(&event);
        }
    }
}

/// Brings the element with this id to the top of the view.
pub fn scroll_to_paragraph(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        el.scroll_into_view();
    }
}
