//! The page's one Trusted Types policy, `doichieu`. Under the reader's
//! Content-Security-Policy (`require-trusted-types-for 'script'`,
//! `trusted-types doichieu`) a string reaches an HTML or script-URL sink
//! only through it, and it lets through two things only: the markup the
//! core writes (an article's marked text and a comparison's chips, checked
//! by `markup::check`), and the service worker's own file. The markup is
//! checked once, where it is written, and the policy then lets through
//! that very string and nothing else, so it crosses into the page once. A browser without Trusted Types
//! gets the same check before the text is set.

use doichieu_core::markup;
use gloo::events::EventListener;
use js_sys::{Function, Object, Reflect};
use wasm_bindgen::prelude::*;
use web_sys::Element;

/// The policy's name, as the `trusted-types` directive lists it.
pub const POLICY: &str = "doichieu";
/// The service worker, beside the page (`scripts/offline` writes it).
const WORKER: &str = "sw.js";

thread_local! {
    /// `Ok(None)` where the browser has no Trusted Types.
    static POLICY_OBJECT: Result<Option<JsValue>, String> = create();
    /// The markup `markup::check` has just passed, while it is handed
    /// to the policy: the one string its `createHTML` lets through.
    static CHECKED: std::cell::RefCell<Option<JsValue>> = const { std::cell::RefCell::new(None) };
}

/// A thrown JavaScript value as a sentence.
fn describe(value: JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| format!("{value:?}"))
}

fn refuse(message: String) -> JsValue {
    js_sys::TypeError::new(&message).into()
}

fn create() -> Result<Option<JsValue>, String> {
    let window = web_sys::window().ok_or("no window")?;
    let factory = Reflect::get(&window, &"trustedTypes".into()).map_err(describe)?;
    if factory.is_undefined() || factory.is_null() {
        return Ok(None);
    }
    let html = Closure::<dyn Fn(JsValue) -> Result<JsValue, JsValue>>::new(|html: JsValue| {
        CHECKED.with(|checked| match &*checked.borrow() {
            Some(text) if *text == html => Ok(html),
            _ => Err(refuse(
                "only the reader's own markup (an article's marked text, a comparison's chips) is set as HTML".into(),
            )),
        })
    });
    let script_url = Closure::<dyn Fn(JsValue) -> Result<JsValue, JsValue>>::new(|url: JsValue| {
        match url.as_string() {
            Some(name) if name == WORKER => Ok(url),
            name => Err(refuse(format!(
                "{} is not a script of the reader",
                name.unwrap_or_default()
            ))),
        }
    });
    let options = Object::new();
    Reflect::set(&options, &"createHTML".into(), html.as_ref()).map_err(describe)?;
    Reflect::set(&options, &"createScriptURL".into(), script_url.as_ref()).map_err(describe)?;
    // The policy lives as long as the page.
    html.forget();
    script_url.forget();
    let create: Function = Reflect::get(&factory, &"createPolicy".into())
        .and_then(|f| f.dyn_into::<Function>())
        .map_err(describe)?;
    create
        .call2(&factory, &POLICY.into(), &options)
        .map(Some)
        .map_err(|e| {
            format!(
                "the page's Content-Security-Policy does not allow the policy «{POLICY}» ({})",
                describe(e)
            )
        })
}

/// Calls the policy's `method` on `value`.
fn through_policy(method: &str, value: &JsValue) -> Result<Option<JsValue>, String> {
    POLICY_OBJECT.with(|policy| match policy {
        Ok(None) => Ok(None),
        Ok(Some(policy)) => Reflect::get(policy, &method.into())
            .and_then(|f| f.dyn_into::<Function>())
            .and_then(|f| f.call1(policy, value))
            .map(Some)
            .map_err(describe),
        Err(problem) => Err(problem.clone()),
    })
}

/// Sets `html`, markup as the core writes it (an article's marked text, a
/// comparison's chips), as the content of `element`; refuses anything
/// else, saying why.
pub fn set_marked_html(element: &Element, html: &str) -> Result<(), String> {
    markup::check(html).map_err(|e| e.to_string())?;
    let text = JsValue::from_str(html);
    CHECKED.with(|checked| *checked.borrow_mut() = Some(text.clone()));
    let trusted = through_policy("createHTML", &text);
    CHECKED.with(|checked| checked.borrow_mut().take());
    Reflect::set(element, &"innerHTML".into(), &trusted?.unwrap_or(text))
        .map(drop)
        .map_err(describe)
}

/// Registers the service worker a moment after the page has loaded, where browsers
/// allow one (HTTPS or localhost; never from a file).
pub fn register_worker() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let served = window
        .location()
        .protocol()
        .is_ok_and(|p| p.starts_with("http"));
    let container = Reflect::get(&window.navigator(), &"serviceWorker".into())
        .ok()
        .filter(|c| !c.is_undefined() && !c.is_null());
    let (true, Some(container)) = (served, container) else {
        return;
    };
    let register = move || {
        let url = match through_policy("createScriptURL", &WORKER.into()) {
            Ok(Some(trusted)) => trusted,
            Ok(None) => WORKER.into(),
            Err(problem) => {
                web_sys::console::warn_1(&format!("offline use is off: {problem}").into());
                return;
            }
        };
        let registered = Reflect::get(&container, &"register".into())
            .and_then(|f| f.dyn_into::<Function>())
            .and_then(|f| f.call1(&container, &url))
            // A promise, which `Promise.resolve` gives back as it is.
            .map(|p| js_sys::Promise::resolve(&p));
        let warn = |e: JsValue| {
            web_sys::console::warn_1(&format!("offline use is off: {}", describe(e)).into());
        };
        match registered {
            Ok(promise) => {
                let on_error = crate::view::js_once_with(Box::new(warn));
                drop(promise.catch(&on_error));
                // Called at most once, when registration fails.
                on_error.forget();
            }
            Err(e) => warn(e),
        }
    };
    // A moment after the page has loaded and drawn its first view: the
    // worker's first install fetches every file of the build, which should
    // not compete with that first view.
    let later = move || {
        let callback = crate::view::js_once(Box::new(register));
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
                callback.unchecked_ref(),
                WORKER_DELAY_MS,
            );
        }
    };
    let loaded = window
        .document()
        .is_some_and(|d| d.ready_state() == "complete");
    if loaded {
        later();
    } else {
        EventListener::once(&window, "load", move |_| later()).forget();
    }
}

/// How long after the page's load the service worker is registered.
const WORKER_DELAY_MS: i32 = 1000;
