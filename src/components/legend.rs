//! The highlight legend: one toggle per entity type, with its colour and
//! its underline, writing `t` in the link.

use doichieu_core::view::{Action, EntityType, Lang, ViewState};
use yew::prelude::*;

use crate::i18n::strings;
use crate::view::navigate;

/// The toggles, with `counts`, the mentions of each type on the page. A
/// function rather than a component, as [`print_key`] is: neither holds
/// state, and each component type is its own copy of Yew's lifecycle code
/// in the wasm.
pub fn legend(state: &ViewState, counts: &[(EntityType, usize)]) -> Html {
    let lang = state.query.lang;
    let s = strings(lang);
    let buttons = counts.iter().map(|&(kind, count)| {
        let on = state.query.shows(kind);
        let next = state.apply(Action::ToggleType(kind));
        let onclick = Callback::from(move |_| navigate(&next));
        html! {
            <li>
                <button type="button" class="legend-item" aria-pressed={on.to_string()} data-toggle-type={kind.as_str()} {onclick}>
                    { sample(lang, kind) }
                    <span class="legend-count">{ count }</span>
                </button>
            </li>
        }
    });
    html! {
        <nav class="legend" aria-label={s.legend_label}>
            <span class="legend-label" aria-hidden="true">{ s.legend_label }</span>
            <ul>{ for buttons }</ul>
        </nav>
    }
}

/// A type's name in its colour and underline, as the legend shows it.
pub fn sample(lang: Lang, kind: EntityType) -> Html {
    html! { <span class="legend-sample" data-type={kind.as_str()}>{ (strings(lang).type_name)(kind) }</span> }
}

/// On paper, where the legend's buttons are not printed: each type's
/// underline with its name, and the link of the page.
pub fn print_key(lang: Lang) -> Html {
    let s = strings(lang);
    let link = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    html! {
        <div class="print-only print-key" aria-hidden="true">
            <p>
                { s.print_key }
                { for EntityType::ALL.iter().map(|&kind| html! {
                    <>{ " " }{ sample(lang, kind) }</>
                }) }
            </p>
            <p class="print-link">{ link }</p>
        </div>
    }
}
