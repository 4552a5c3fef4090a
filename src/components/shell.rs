//! The frame of every page: skip link, header with the library link and the
//! language switch, problems with the link itself, then the page.

use doichieu_core::view::{Action, Lang, Route};
use yew::prelude::*;

use crate::components::alert::Alert;
use crate::components::copy_link::CopyLink;
use crate::i18n::strings;
use crate::view::CurrentView;

#[derive(Properties, PartialEq)]
pub struct ShellProps {
    pub view: CurrentView,
    pub children: Html,
}

#[function_component]
pub fn Shell(props: &ShellProps) -> Html {
    let state = &props.view.state;
    let lang = state.query.lang;
    let s = strings(lang);
    let home = state.apply(Action::Open(Route::Library)).to_hash();
    let other = match lang {
        Lang::Vi => Lang::En,
        Lang::En => Lang::Vi,
    };
    let switch = state.apply(Action::SetLang(other)).to_hash();
    let problems = &props.view.problems;
    html! {
        <>
            <a class="skip" href="#main" onclick={skip_to_main()}>{ s.skip_to_content }</a>
            <header class="site">
                <a class="brand" href={home}>
                    <span class="brand-name">{ "Đối chiếu" }</span>
                    <span class="brand-tagline">{ s.app_tagline }</span>
                </a>
                <nav aria-label={s.library}>
                    <CopyLink href={state.to_hash()} {lang} />
                    <a class="lang" href={switch} hreflang={other.as_str()} lang={other.as_str()} aria-label={s.switch_lang_label}>{ s.switch_lang }</a>
                </nav>
            </header>
            <main id="main" tabindex="-1">
                if !problems.is_empty() {
                    <Alert>
                        <p>{ s.link_problems }</p>
                        <ul>{ for problems.iter().map(|p| html! { <li><code>{ p }</code></li> }) }</ul>
                    </Alert>
                }
                { props.children.clone() }
            </main>
            // The one-file reader sits beside a served build; the one file
            // itself, opened from disk, has nothing to offer here.
            if served() {
                <footer class="site">
                    <a href="doichieu.html" download="doichieu.html">{ s.one_file }</a>
                    <span class="muted">{ " — " }{ s.one_file_note }</span>
                </footer>
            }
        </>
    }
}

/// Whether the page came from a server (not from a file on disk).
fn served() -> bool {
    web_sys::window()
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
                let _ = main.focus();
            }
        }
    })
}
