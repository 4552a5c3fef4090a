//! The application root: provides the corpus, reads the view from the URL
//! and shows the page it names.

use doichieu_core::oddity::check;
use doichieu_core::view::{Route, ViewState};
use yew::prelude::*;

use crate::components::alert::alert;
use crate::components::shell::{offers_one_file, shell, use_online, use_tools};
use crate::corpus::{load_embedded, SharedCorpus};
use crate::effect::use_effect_on;
use crate::i18n::strings;
use crate::packs::{manifest_href, use_packs, Opening, SharedStore};
use crate::pages::packed::{opening, PackedLibrary, PackedPage};
use crate::pages::{
    compare::ComparePage, entity::EntityPage, library::LibraryPage, message::message_page,
    read::ReadPage,
};
use crate::view::{in_next_task, set_title, settle, use_view, CurrentView};

#[function_component]
pub fn App() -> Html {
    // A collection of packs beside the app, if the page names one; else
    // the collection embedded in the app.
    let href = use_memo((), |_| manifest_href());
    let (packs, generation) = use_packs((*href).clone());
    let corpus = use_memo((), |_| load_embedded());
    let view = use_view();
    let one_file = offers_one_file(*use_online(), href.is_some());
    let lang = view.state.query.lang;
    let tools = use_tools(&view);
    use_effect_on(lang, |lang| {
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", lang.as_str());
        }
    });
    // The first view is painted before what sums up the library (its
    // histogram and facets) is drawn, after that frame: first the index the
    // facets count with is built, then, in a task of its own, they are
    // drawn, so that neither holds the page for long.
    let summed_up = use_state_eq(|| false);
    let painted = (!*summed_up).then(|| {
        let summed_up = summed_up.clone();
        let library = href.is_none() && matches!(view.state.route, Route::Library);
        let corpus = library.then(|| corpus.clone());
        Callback::from(move |()| {
            if let Some(Ok(corpus)) = corpus.as_deref() {
                corpus.filter_index();
            }
            let summed_up = summed_up.clone();
            in_next_task(move || summed_up.set(true));
        })
    });
    // A route that cannot be shown names the page after the app alone.
    let unknown = matches!(view.state.route, Route::Unknown(_));
    use_effect_with(unknown, |&unknown| {
        if unknown {
            set_title("Đối chiếu");
        }
    });
    // Once the view is drawn: its place on the page, and focus.
    use_effect_with(view.clone(), move |view| settle(view, painted));
    if href.is_some() {
        let body = match &*packs.borrow() {
            Opening::Ready(store) => packed_page(&view, SharedStore(store.clone(), generation)),
            Opening::Loading => opening(lang, None),
            Opening::Failed(why) => opening(lang, Some(why)),
        };
        return shell(&view, &[], one_file, tools, body);
    }
    let body = match &*corpus {
        Ok(corpus) => page(&view, corpus, *summed_up),
        Err(e) => html! {
            { alert(html! { <>{ format!("{}: {e}.", strings(lang).corpus_unreadable) }</> }) }
        },
    };
    let oddities = match &*corpus {
        Ok(corpus) => check(corpus, &view.state),
        Err(_) => Vec::new(),
    };
    shell(&view, &oddities, one_file, tools, body)
}

/// The page of `view`'s route over the embedded collection; `summed_up`:
/// the library's histogram and facets are drawn (after its first frame).
pub fn page(view: &CurrentView, corpus: &SharedCorpus, summed_up: bool) -> Html {
    let state = view.state.clone();
    let corpus = corpus.clone();
    match &view.state.route {
        Route::Library => html! { <LibraryPage {corpus} {state} {summed_up} /> },
        Route::Read(id) => html! { <ReadPage {corpus} id={id.clone()} {state} /> },
        Route::Compare(ids) => html! { <ComparePage {corpus} ids={ids.clone()} {state} /> },
        Route::Entity(id) => html! { <EntityPage {corpus} id={id.clone()} {state} /> },
        Route::Unknown(path) => unknown_page(path, &state),
    }
}

/// The page of a route that cannot be shown.
fn unknown_page(path: &str, state: &ViewState) -> Html {
    let text = (strings(state.query.lang).unknown_page)(path);
    message_page(&text, state)
}

/// The page of `view`'s route over the collection of packs in `store`,
/// handed to it (and to no other) as a property.
fn packed_page(view: &CurrentView, store: SharedStore) -> Html {
    let state = view.state.clone();
    match &view.state.route {
        Route::Library => html! { <PackedLibrary {state} {store} /> },
        Route::Read(_) | Route::Compare(_) | Route::Entity(_) => {
            html! { <PackedPage {state} {store} /> }
        }
        Route::Unknown(path) => unknown_page(path, &state),
    }
}
