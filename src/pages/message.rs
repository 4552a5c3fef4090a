//! A route that cannot be shown: says why and leads back to the library.

use doichieu_core::view::{Action, Route, ViewState};
use yew::prelude::*;

use crate::components::alert::alert;
use crate::i18n::strings;
use crate::view::set_title;

#[derive(Properties, PartialEq)]
pub struct MessagePageProps {
    pub text: String,
    pub state: ViewState,
}

#[function_component]
pub fn MessagePage(props: &MessagePageProps) -> Html {
    let s = strings(props.state.query.lang);
    use_effect_with((), |_| set_title("Đối chiếu"));
    let home = props.state.apply(Action::Open(Route::Library)).to_hash();
    html! {
        <section class="message">
            { alert(html! {
                <>
                    <p>{ &props.text }</p>
                    <p><a href={home}>{ s.back_to_library }</a></p>
                </>
            }) }
        </section>
    }
}
