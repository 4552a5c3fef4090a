//! The keyboard shortcuts: the list of them (the `?` key, or the button in
//! the header), the setting that turns the one-letter ones off (kept in the
//! browser, as a preference of the reader, not of a view), and the `/` key
//! that goes to the library's search box (from another view, to the library).

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlDialogElement, HtmlElement, KeyboardEvent};
use yew::prelude::*;

use doichieu_core::view::Lang;

use doichieu_core::view::{Action, Route, ViewState};

use crate::effect::use_cleaned_effect_on;
use crate::i18n::strings;
use crate::view::navigate;

/// Where the setting is kept in the browser's storage.
const SETTING: &str = "doichieu.single-key-shortcuts";

/// Whether the one-letter shortcuts (j, k, n, ?, /) are on: they are unless
/// the reader turned them off.
pub fn single_keys_on() -> bool {
    storage()
        .and_then(|s| s.get_item(SETTING).ok().flatten())
        .is_none_or(|v| v != "off")
}

fn set_single_keys(on: bool) {
    if let Some(s) = storage() {
        let _ = if on {
            s.remove_item(SETTING)
        } else {
            s.set_item(SETTING, "off")
        };
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// True when a key goes to a text field.
pub fn typing(e: &KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.has_attribute("contenteditable")
        })
}

/// A single key pressed with no modifier but Shift, outside a text field,
/// while the one-letter shortcuts are on.
pub fn single_key(e: &KeyboardEvent) -> Option<String> {
    if e.ctrl_key() || e.meta_key() || e.alt_key() || typing(e) || !single_keys_on() {
        return None;
    }
    Some(e.key())
}

/// The button opening the list of shortcuts, and the list itself: a hook,
/// drawn in the header with the copy-link control ([`crate::components::shell::use_tools`]).
#[hook]
pub fn use_shortcuts(lang: Lang) -> Html {
    let s = strings(lang);
    let dialog = use_node_ref();
    // Read from the browser's storage when the list opens, not as the page
    // is first drawn: a first read of the storage waits on the browser.
    let on = use_state(|| true);
    {
        let (dialog, on) = (dialog.clone(), on.clone());
        use_cleaned_effect_on((), move |_| {
            let listener = web_sys::window().map(|w| {
                let options = EventListenerOptions::enable_prevent_default();
                EventListener::new_with_options(&w, "keydown", options, move |e| {
                    let Some(e) = e.dyn_ref::<KeyboardEvent>() else {
                        return;
                    };
                    match single_key(e).as_deref() {
                        Some("?") => open_dialog(&dialog, &on),
                        Some("/") => {
                            if !focus_search() {
                                // Elsewhere, the library, with focus in its box once drawn.
                                let hash = web_sys::window()
                                    .and_then(|w| w.location().hash().ok())
                                    .unwrap_or_default();
                                let (state, _) = ViewState::parse(&hash);
                                FOCUS_SEARCH.with(|f| f.set(true));
                                navigate(&state.apply(Action::Open(Route::Library)));
                            }
                        }
                        _ => return,
                    }
                    e.prevent_default();
                })
            });
            Box::new(move || drop(listener))
        });
    }
    let open = {
        let (dialog, on) = (dialog.clone(), on.clone());
        Callback::from(move |_| open_dialog(&dialog, &on))
    };
    let close = {
        let dialog = dialog.clone();
        Callback::from(move |_| {
            if let Some(d) = dialog.cast::<HtmlDialogElement>() {
                d.close();
            }
        })
    };
    let toggle = {
        let on = on.clone();
        Callback::from(move |_| {
            set_single_keys(!*on);
            on.set(!*on);
        })
    };
    let rows = [
        ("Tab", s.key_tab),
        ("← → ↑ ↓", s.key_arrows),
        ("Enter", s.key_enter),
        ("j / n", s.key_next),
        ("k", s.key_previous),
        ("Esc", s.key_escape),
        ("/", s.key_search),
        ("?", s.key_help),
    ];
    html! {
        <>
            <button type="button" class="shortcuts-button" onclick={open} aria-haspopup="dialog" aria-keyshortcuts="?">{ s.shortcuts }</button>
            <dialog class="shortcuts" ref={dialog} aria-labelledby="shortcuts-heading">
                <h2 id="shortcuts-heading">{ s.shortcuts }</h2>
                <dl>{ for rows.iter().map(|(key, what)| html! {
                    <><dt><kbd>{ *key }</kbd></dt><dd>{ *what }</dd></>
                }) }</dl>
                <label class="setting">
                    <input type="checkbox" checked={*on} onchange={toggle} data-setting="single-key-shortcuts" />
                    { s.single_keys_setting }
                </label>
                <p><button type="button" onclick={close}>{ s.close }</button></p>
            </dialog>
        </>
    }
}

/// Opens the list, its setting as the browser keeps it.
fn open_dialog(dialog: &NodeRef, on: &UseStateHandle<bool>) {
    if let Some(d) = dialog.cast::<HtmlDialogElement>() {
        if !d.open() {
            on.set(single_keys_on());
            let _ = d.show_modal();
        }
    }
}

thread_local! {
    /// Set by `/` away from the library: the next view focuses its search box.
    static FOCUS_SEARCH: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether `/` asked for the search box of the view now drawn (asked once).
pub fn search_asked() -> bool {
    FOCUS_SEARCH.with(|f| f.replace(false))
}

/// Focuses the page's search box; false when it has none.
pub fn focus_search() -> bool {
    let input = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("input[type=search]").ok().flatten())
        .and_then(|el| el.dyn_into::<HtmlElement>().ok());
    match input {
        Some(input) => crate::view::focus(&input),
        None => false,
    }
}
