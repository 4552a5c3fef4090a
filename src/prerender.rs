//! The library's first view written as HTML at build time, by the same
//! components the app draws it with: the embedded collection, at the link
//! with no fragment (`#/`), in the default language, before its histogram and
//! facets are drawn, which is what the app draws first. `scripts/build` puts it
//! in `index.html`, so that the cards are painted before the wasm is fetched
//! and compiled; the app replaces it with the same elements as it starts.

use doichieu_core::oddity::check;
use doichieu_core::view::ViewState;
use yew::prelude::*;

use crate::app::page;
use crate::components::alert::alert;
use crate::components::shell::{shell, use_tools};
use crate::corpus::load_embedded;
use crate::view::{Arrival, CurrentView};

/// The app's first view at `#/`, as the app draws it on a served page with a
/// network (the footer offers the one-file reader).
#[function_component]
fn FirstView() -> Html {
    let (state, problems) = ViewState::parse("");
    let view = CurrentView {
        state,
        problems,
        arrival: Arrival::Load,
        visit: 0,
    };
    let tools = use_tools(&view);
    match load_embedded() {
        Ok(corpus) => {
            let oddities = check(&corpus, &view.state);
            let body = page(&view, &corpus, false);
            shell(&view, &oddities, true, tools, body)
        }
        Err(e) => alert(html! { <>{ e.to_string() }</> }),
    }
}

/// The first view's HTML.
pub fn first_view() -> String {
    futures::executor::block_on(
        yew::LocalServerRenderer::<FirstView>::new()
            .hydratable(false)
            .render(),
    )
}
