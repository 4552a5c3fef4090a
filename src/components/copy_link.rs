//! The copy-link control of every view (`[data-copy-link]`): puts the
//! page's address, which is the view, on the clipboard and says so.

use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::effect::use_effect_on;
use crate::i18n::strings;
use crate::view::js_once_with;

// What the control says: nothing yet, copied, or that it could not copy.
// Numbers rather than an enum, as the app's other small states are, so that
// Yew's state code is compiled once for all of them.
const IDLE: usize = 0;
const COPIED: usize = 1;
const FAILED: usize = 2;

/// Writes `text` to the clipboard, then calls `done` with whether it could.
fn write_clipboard(text: &str, done: Callback<bool>) {
    let navigator = web_sys::window().map(|w| w.navigator());
    let has_clipboard = navigator.as_ref().is_some_and(|n| {
        js_sys::Reflect::get(n, &JsValue::from_str("clipboard")).is_ok_and(|c| c.is_object())
    });
    let Some(navigator) = navigator.filter(|_| has_clipboard) else {
        done.emit(false);
        return;
    };
    let promise = navigator.clipboard().write_text(text);
    let ok = {
        let done = done.clone();
        js_once_with(Box::new(move |_| done.emit(true)))
    };
    let failed = js_once_with(Box::new(move |_| done.emit(false)));
    let _ = promise.then2(&ok, &failed);
    ok.forget();
    failed.forget();
}

/// The control for the view whose link is `href` (a new view clears
/// "copied"): a hook, called with the shortcuts' by the header's tools
/// ([`crate::components::shell::use_tools`]), kept by the app.
#[hook]
pub fn use_copy_link(href: &str, lang: doichieu_core::view::Lang) -> Html {
    let s = strings(lang);
    let status = use_state_eq(|| IDLE);
    {
        let status = status.clone();
        use_effect_on(href.to_string(), move |_| status.set(IDLE));
    }
    let onclick = {
        let status = status.clone();
        Callback::from(move |_| {
            crate::view::write_link();
            let href = web_sys::window()
                .and_then(|w| w.location().href().ok())
                .unwrap_or_default();
            let status = status.clone();
            write_clipboard(
                &href,
                Callback::from(move |ok| status.set(if ok { COPIED } else { FAILED })),
            );
        })
    };
    let said = match *status {
        COPIED => s.copied,
        FAILED => s.copy_failed,
        _ => "",
    };
    html! {
        <span class="copy-link">
            <button type="button" data-copy-link="" data-copied={(*status == COPIED).then_some("")} {onclick}>{ s.copy_link }</button>
            <span class="copy-status" role="status" aria-live="polite">{ said }</span>
        </span>
    }
}
