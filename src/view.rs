//! The URL fragment as view state: read on every `hashchange`, written by
//! following links. Parsing and formatting are the core's
//! ([`doichieu_core::view`]); this hook only connects them to the window.

use doichieu_core::view::{LinkProblem, Route, ViewState};

use crate::components::shortcuts::{focus_search, search_asked};
use crate::effect::use_cleaned_effect_on;
use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// How the reader came to the current view, which says where the page opens.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Arrival {
    /// The page was loaded with this link.
    Load,
    /// Another route: the page opens at its top, or at its paragraph (`p`).
    NewRoute,
    /// The same route at another paragraph (`p`).
    NewParagraph,
    /// Back or Forward (or a reload) to a view left at this scroll position.
    Return(f64),
    /// The same route with another query (a filter, a type, an emphasis): nothing moves.
    Same,
}

/// The current view and what in its link could not be read.
#[derive(Clone, PartialEq)]
pub struct CurrentView {
    pub state: ViewState,
    pub problems: Vec<LinkProblem>,
    pub arrival: Arrival,
    /// Counts the views, so that arriving twice the same way still moves.
    pub visit: u32,
}

fn read_location(previous: Option<&CurrentView>) -> CurrentView {
    let window = web_sys::window();
    let hash = shown_hash();
    let (state, problems) = ViewState::parse(&hash);
    let left_at = window
        .as_ref()
        .and_then(|w| w.history().ok())
        .and_then(|h| h.state().ok())
        .and_then(|s| s.as_f64());
    let arrival = match (left_at, previous) {
        (Some(y), _) => Arrival::Return(y),
        (None, None) => Arrival::Load,
        (None, Some(p)) if p.state.route != state.route => Arrival::NewRoute,
        (None, Some(p)) if p.state.query.p != state.query.p && state.query.p.is_some() => {
            Arrival::NewParagraph
        }
        (None, Some(_)) => Arrival::Same,
    };
    CurrentView {
        state,
        problems,
        arrival,
        visit: previous.map_or(0, |p| p.visit.wrapping_add(1)),
    }
}

/// The view named by the URL; re-renders when the fragment changes. The
/// scroll position is kept in each history entry, so that Back and Forward
/// return to where the reader was.
#[hook]
pub fn use_view() -> CurrentView {
    let view = use_reducer_eq(|| ViewHolder(read_location(None)));
    {
        let view = view.dispatcher();
        use_cleaned_effect_on((), move |_| {
            let window = web_sys::window();
            if let Some(history) = window.as_ref().and_then(|w| w.history().ok()) {
                let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
            }
            let listeners = window.map(|w| {
                let hash = EventListener::new(&w, "hashchange", move |_| view.dispatch(()));
                let pending = std::rc::Rc::new(std::cell::Cell::new(None::<i32>));
                let scroll = EventListener::new(&w, "scroll", move |_| keep_scroll_soon(&pending));
                // A link followed right after scrolling still leaves its place behind.
                let options = EventListenerOptions::run_in_capture_phase();
                let click =
                    EventListener::new_with_options(&w, "click", options, |_| keep_scroll());
                (hash, scroll, click)
            });
            Box::new(move || drop(listeners))
        });
    }
    view.0.clone()
}

#[derive(PartialEq)]
struct ViewHolder(CurrentView);

impl Reducible for ViewHolder {
    type Action = ();
    fn reduce(self: std::rc::Rc<Self>, _: ()) -> std::rc::Rc<Self> {
        std::rc::Rc::new(ViewHolder(read_location(Some(&self.0))))
    }
}

/// Writes the scroll position into the current history entry.
fn keep_scroll() {
    let Some(w) = web_sys::window() else {
        return;
    };
    let y = w.scroll_y().unwrap_or(0.0);
    if let Ok(history) = w.history() {
        // Without a link, as `replaceState(y, "")`: the one binding of it the app has.
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::from_f64(y), "", None);
    }
}

/// Keeps the scroll position once scrolling pauses (browsers limit how
/// often a page may write its history).
fn keep_scroll_soon(pending: &std::rc::Rc<std::cell::Cell<Option<i32>>>) {
    let Some(w) = web_sys::window() else {
        return;
    };
    if let Some(id) = pending.take() {
        w.clear_timeout_with_handle(id);
    }
    let done = pending.clone();
    // Kept only for the view that scrolled: once another view's entry is
    // current, the position read would be the old view's, in the new entry.
    let scrolled = w.location().hash().unwrap_or_default();
    let callback = js_once(Box::new(move || {
        done.set(None);
        let now = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
        if now == scrolled {
            keep_scroll();
        }
    }));
    if let Ok(id) =
        w.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 120)
    {
        pending.set(Some(id));
    }
}

/// `f` as a JavaScript function called once. Every caller hands over a boxed
/// closure, so that wasm-bindgen's code for it is compiled once, not once
/// per closure.
pub fn js_once(f: Box<dyn FnOnce()>) -> wasm_bindgen::JsValue {
    wasm_bindgen::closure::Closure::once_into_js(f)
}

/// [`js_once`] for a callback given one value (a promise's).
pub fn js_once_with(
    f: Box<dyn FnOnce(wasm_bindgen::JsValue)>,
) -> wasm_bindgen::closure::Closure<dyn FnMut(wasm_bindgen::JsValue)> {
    wasm_bindgen::closure::Closure::once(f)
}

/// Runs `f` in a task of its own, after those already queued (a timeout
/// of 0).
pub fn in_next_task(f: impl FnOnce() + 'static) {
    if let Some(w) = web_sys::window() {
        let f = js_once(Box::new(f));
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(f.unchecked_ref(), 0);
    }
}

/// Puts the page where the reader should find it once the view is drawn:
/// at the top (or at `p`) for a new view, where it was left for Back and
/// Forward, and focus on the new page's heading after a change of route;
/// then calls `painted`, in a task after the frame that shows it.
pub fn settle(view: &CurrentView, painted: Option<Callback<()>>) {
    let (arrival, state) = (view.arrival, view.state.clone());
    let Some(w) = web_sys::window() else {
        return;
    };
    let callback = js_once(Box::new(move || {
        let paragraph = || match (&state.route, state.query.p) {
            (Route::Read(id), Some(p)) => scroll_to_paragraph(&format!("{id}-p{p}")),
            _ => false,
        };
        match arrival {
            Arrival::Return(y) => {
                if let Some(w) = web_sys::window() {
                    w.scroll_to_with_x_and_y(0.0, y);
                }
            }
            // A page just loaded is where the reader left the library's
            // first view, painted before the app (at its top otherwise).
            Arrival::Load | Arrival::NewParagraph => {
                paragraph();
            }
            Arrival::NewRoute => {
                if !paragraph() {
                    scroll_to_top();
                }
                if !(search_asked() && focus_search()) {
                    focus_heading();
                }
            }
            Arrival::Same => {}
        }
        // A task queued in a frame's callback runs after that frame is painted.
        if let Some(painted) = painted {
            in_next_task(move || painted.emit(()));
        }
    }));
    // A place inside the page waits for its fonts, which move the text as
    // they arrive; the top of the page does not.
    let placed = matches!(arrival, Arrival::Return(_) | Arrival::NewParagraph)
        || (arrival == Arrival::Load && view.state.query.p.is_some());
    let fonts_ready = placed
        .then(|| {
            let document: wasm_bindgen::JsValue = w.document()?.into();
            let fonts = js_sys::Reflect::get(&document, &"fonts".into()).ok()?;
            // `Promise.resolve` gives back the promise itself.
            js_sys::Reflect::get(&fonts, &"ready".into())
                .ok()
                .filter(|ready| ready.is_object())
                .map(|ready| js_sys::Promise::resolve(&ready))
        })
        .flatten();
    match fonts_ready {
        Some(ready) => {
            let then = js_once_with(Box::new(move |_| {
                if let Some(w) = web_sys::window() {
                    let _ = w.request_animation_frame(callback.unchecked_ref());
                }
            }));
            let _ = ready.then(&then);
            then.forget();
        }
        None => {
            let _ = w.request_animation_frame(callback.unchecked_ref());
        }
    }
}

/// Moves focus to the page's heading (its first `h1`), or to the main
/// region when it has none, without scrolling.
fn focus_heading() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let target = doc
        .query_selector("main h1")
        .ok()
        .flatten()
        .or_else(|| doc.get_element_by_id("main"));
    if let Some(el) = target.and_then(|t| t.dyn_into::<HtmlElement>().ok()) {
        if !el.has_attribute("tabindex") {
            let _ = el.set_attribute("tabindex", "-1");
        }
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = el.focus_with_options(&options);
    }
}

/// Focuses `el` as `el.focus()` does: the one focus call of the app, so
/// that the browser's `focus` is bound once (with its options).
pub fn focus(el: &HtmlElement) -> bool {
    el.focus_with_options(&web_sys::FocusOptions::new()).is_ok()
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

thread_local! {
    /// A view shown before its link is written: the link it replaces and
    /// its own (see [`replace`]).
    static UNWRITTEN: std::cell::RefCell<Option<(String, String)>> =
        const { std::cell::RefCell::new(None) };
}

/// The fragment of the view on screen: the one typed, while its link waits
/// to be written, else the location's.
fn shown_hash() -> String {
    shown_over(location_hash())
}

/// The fragment of the view on screen when the location's is `now`.
fn shown_over(now: String) -> String {
    UNWRITTEN.with(|u| match &*u.borrow() {
        Some((was, shown)) if *was == now => shown.clone(),
        _ => now,
    })
}

fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Replaces the current view without a new history entry (typing in a
/// filter): the page is drawn for it at once, and its link written in
/// the history entry once that is painted, so that a keystroke's drawing
/// does not wait for the browser's history. A link followed meanwhile
/// wins: the one typed is then not written.
pub fn replace(state: &ViewState) {
    let Some(w) = web_sys::window() else {
        return;
    };
    let hash = state.to_hash();
    // The same view (a space typed after a word): the link and the page
    // stay as they are.
    let was = location_hash();
    if shown_over(was.clone()) == hash {
        return;
    }
    let first = UNWRITTEN.with(|u| u.replace(Some((was, hash)))).is_none();
    if let Ok(event) = web_sys::Event::new("hashchange") {
        let _ = w.dispatch_event(&event);
    }
    if first {
        // A task queued in a frame's callback runs after that frame is painted.
        let write = js_once(Box::new(|| in_next_task(write_link)));
        let _ = w.request_animation_frame(write.unchecked_ref());
    }
}

/// Writes the link of the view typed, unless another was followed since
/// (at once when the link is about to be copied).
pub fn write_link() {
    let Some((was, shown)) = UNWRITTEN.with(|u| u.take()) else {
        return;
    };
    let Some(w) = web_sys::window() else {
        return;
    };
    if w.location().hash().is_ok_and(|now| now == was) {
        if let Ok(history) = w.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&shown));
        }
    }
}

/// Brings the element with this id to the top of the view; false when
/// there is none.
pub fn scroll_to_paragraph(id: &str) -> bool {
    match web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        Some(el) => {
            // The options' defaults are those of `scrollIntoView()`; the app
            // binds only the call with options.
            el.scroll_into_view_with_scroll_into_view_options(
                &web_sys::ScrollIntoViewOptions::new(),
            );
            true
        }
        None => false,
    }
}
