//! The highlight legend: one toggle per entity type, with its colour and
//! its underline, writing `t` in the link.

use doichieu_core::view::{Action, EntityType, Lang, ViewState};
use yew::prelude::*;

use crate::i18n::strings;
use crate::view::navigate;

#[derive(Properties, PartialEq)]
pub struct LegendProps {
    pub state: ViewState,
    /// Mentions of each type on the page.
    pub counts: Vec<(EntityType, usize)>,
}

#[function_component]
pub fn Legend(props: &LegendProps) -> Html {
    let s = strings(props.state.query.lang);
    let buttons = props.counts.iter().map(|&(kind, count)| {
        let on = props.state.query.shows(kind);
        let next = props.state.apply(Action::ToggleType(kind));
        let onclick = Callback::from(move |_| navigate(&next));
        html! {
            <li>
                <button type="button" class="legend-item" aria-pressed={on.to_string()} data-toggle-type={kind.as_str()} {onclick}>
                    <span class="legend-sample" data-type={kind.as_str()}>{ (s.type_name)(kind) }</span>
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

#[derive(Properties, PartialEq)]
pub struct PrintKeyProps {
    pub lang: Lang,
}

/// On paper, where the legend's buttons are not printed: each type's
/// underline with its name, and the link of the page.
#[function_component]
pub fn PrintKey(props: &PrintKeyProps) -> Html {
    let s = strings(props.lang);
    let link = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    html! {
        <div class="print-only print-key" aria-hidden="true">
            <p>
                { s.print_key }
                { for EntityType::ALL.iter().map(|&kind| html! {
                    <>{ " " }<span class="legend-sample" data-type={kind.as_str()}>{ (s.type_name)(kind) }</span></>
                }) }
            </p>
            <p class="print-link">{ link }</p>
        </div>
    }
}
