//! A problem shown to the reader (`role="alert"`, a page hook).

use yew::prelude::*;

/// The problem's words in the box every view shows problems in. A function
/// rather than a component: it holds no state, and each component type is
/// its own copy of Yew's lifecycle code in the wasm.
pub fn alert(children: Html) -> Html {
    html! { <div class="alert" role="alert">{ children }</div> }
}
