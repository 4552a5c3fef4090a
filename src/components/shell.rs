//! The frame of every page: skip link, header with the library link and the
//! language switch, problems with the link itself, then the page.

use doichieu_core::view::{Action, Lang, Route};
use yew::prelude::*;

use doichieu_core::oddity::Oddity;
use gloo::events::EventListener;

use crate::components::alert::alert;
use crate::components::copy_link::use_copy_link;
use crate::components::shortcuts::use_shortcuts;
use crate::effect::use_cleaned_effect_on;
use crate::i18n::strings;
use crate::view::CurrentView;

/// The frame around `page`, for `view`, with the header's `tools`
/// ([`use_tools`]), what the view made of an odd link (`oddities`,
/// [`doichieu_core::oddity`]) and whether the footer offers the one-file
/// reader (`one_file`, [`offers_one_file`]). A function rather than a
/// component: its state is the app's, and each component type is its own
/// copy of Yew's lifecycle code in the wasm.
pub fn shell(
    view: &CurrentView,
    oddities: &[Oddity],
    one_file: bool,
    tools: Html,
    page: Html,
) -> Html {
    let state = &view.state;
    let lang = state.query.lang;
    let s = strings(lang);
    let home = state.apply(Action::Open(Route::Library)).to_hash();
    let other = match lang {
        Lang::Vi => Lang::En,
        Lang::En => Lang::Vi,
    };
    let switch = state.apply(Action::SetLang(other)).to_hash();
    let problems = &view.problems;
    html! {
        <>
            <a class="skip" href="#main" onclick={skip_to_main()}>{ s.skip_to_content }</a>
            <header class="site">
                <a class="brand" href={home}>
                    <span class="brand-name">{ "Đối chiếu" }</span>
                    <span class="brand-tagline">{ s.app_tagline }</span>
                </a>
                <div class="site-tools">
                    { tools }
                    <a class="lang" href={switch} hreflang={other.as_str()} lang={other.as_str()} aria-label={s.switch_lang_label}>{ s.switch_lang }</a>
                </div>
            </header>
            <main id="main" tabindex="-1">
                if !problems.is_empty() {
                    { alert(html! {
                        <>
                            <p>{ s.link_problems }</p>
                            <ul>{ for problems.iter().map(|p| html! { <li><code>{ (s.link_problem)(p) }</code></li> }) }</ul>
                        </>
                    }) }
                }
                if !oddities.is_empty() {
                    { alert(html! { <>{ for oddities.iter().map(|o| html! { <p data-oddity="">{ (s.oddity)(o) }</p> }) }</> }) }
                }
                { page }
            </main>
            if one_file {
                <footer class="site">
                    <a href="doichieu.html" download="doichieu.html">{ s.one_file }</a>
                    <span class="muted">{ " — " }{ s.one_file_note }</span>
                </footer>
            }
        </>
    }
}

/// The header's tools, the copy-link control and the shortcuts, for `view`
/// (a new view clears "copied"): a hook, so that their state is kept by the
/// component drawing the shell.
#[hook]
pub fn use_tools(view: &CurrentView) -> Html {
    let lang = view.state.query.lang;
    let copy = use_copy_link(&view.state.to_hash(), lang);
    let shortcuts = use_shortcuts(lang);
    html! { <>{ copy }{ shortcuts }</> }
}

/// Whether the browser has a network, followed as it comes and goes.
#[hook]
pub fn use_online() -> UseStateHandle<bool> {
    let online = use_state(|| web_sys::window().is_none_or(|w| w.navigator().on_line()));
    {
        let online = online.clone();
        use_cleaned_effect_on((), move |_| {
            let listeners = web_sys::window().map(|w| {
                let (on, off) = (online.clone(), online);
                (
                    EventListener::new(&w, "online", move |_| on.set(true)),
                    EventListener::new(&w, "offline", move |_| off.set(false)),
                )
            });
            Box::new(move || drop(listeners))
        });
    }
    online
}

/// Whether the footer offers the one-file reader. It sits beside a served
/// build; the one file itself, opened from disk, has nothing to offer here,
/// nor has a page with no network (`online`: the worker keeps the reader, not
/// this file), nor a collection of packs (`packs`: the one file embeds only
/// the collection built into the app).
pub fn offers_one_file(online: bool, packs: bool) -> bool {
    online
        && !packs
        && web_sys::window()
            .and_then(|w| w.location().protocol().ok())
            .is_some_and(|p| p.starts_with("http"))
}

/// The skip link moves focus without touching the fragment, which is the view.
fn skip_to_main() -> Callback<MouseEvent> {
    Callback::from(|e: MouseEvent| {
        e.prevent_default();
        if let Some(main) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("main"))
        {
            use wasm_bindgen::JsCast;
            if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
                crate::view::focus(&main);
            }
        }
    })
}
