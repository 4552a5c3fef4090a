//! A problem shown to the reader (`role="alert"`, a page hook).

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AlertProps {
    pub children: Html,
}

#[function_component]
pub fn Alert(props: &AlertProps) -> Html {
    html! { <div class="alert" role="alert">{ props.children.clone() }</div> }
}
