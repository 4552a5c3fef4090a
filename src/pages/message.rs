//! A route that cannot be shown: says why and leads back to the library.

use doichieu_core::view::{Action, Route, ViewState};
use yew::prelude::*;

use crate::components::alert::alert;
use crate::i18n::strings;

/// The page saying `text`, with a link to the library. A function rather
/// than a component: it holds no state (the app names the page "Đối chiếu"
/// when it is shown), and each component type is its own copy of Yew's
/// lifecycle code in the wasm.
pub fn message_page(text: &str, state: &ViewState) -> Html {
    let s = strings(state.query.lang);
    let home = state.apply(Action::Open(Route::Library)).to_hash();
    html! {
        <section class="message">
            { alert(html! {
                <>
                    <p>{ text }</p>
                    <p><a href={home}>{ s.back_to_library }</a></p>
                </>
            }) }
        </section>
    }
}
