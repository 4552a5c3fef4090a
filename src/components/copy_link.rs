//! The copy-link control of every view (`[data-copy-link]`): puts the
//! page's address, which is the view, on the clipboard and says so.

use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::effect::use_effect_on;
use crate::i18n::strings;

#[derive(Clone, Copy, PartialEq)]
enum Status {
    Idle,
    Copied,
    Failed,
}

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
        Closure::once(move |_: JsValue| done.emit(true))
    };
    let failed = Closure::once(move |_: JsValue| done.emit(false));
    let _ = promise.then2(&ok, &failed);
    ok.forget();
    failed.forget();
}

/// The control for the view whose link is `href` (a new view clears
/// "copied"): a hook, drawn by the component of the header's tools
/// ([`crate::components::shell`]) with the shortcuts, one component for both.
#[hook]
pub fn use_copy_link(href: &str, lang: doichieu_core::view::Lang) -> Html {
    let s = strings(lang);
    let status = use_state_eq(|| Status::Idle);
    {
        let status = status.clone();
        use_effect_on(href.to_string(), move |_| status.set(Status::Idle));
    }
    let onclick = {
        let status = status.clone();
        Callback::from(move |_| {
            let href = web_sys::window()
                .and_then(|w| w.location().href().ok())
                .unwrap_or_default();
            let status = status.clone();
            write_clipboard(
                &href,
                Callback::from(move |ok| {
                    status.set(if ok { Status::Copied } else { Status::Failed })
                }),
            );
        })
    };
    let said = match *status {
        Status::Idle => "",
        Status::Copied => s.copied,
        Status::Failed => s.copy_failed,
    };
    html! {
        <span class="copy-link">
            <button type="button" data-copy-link="" data-copied={(*status == Status::Copied).then_some("")} {onclick}>{ s.copy_link }</button>
            <span class="copy-status" role="status" aria-live="polite">{ said }</span>
        </span>
    }
}
