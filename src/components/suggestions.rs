//! Under the library's search box: the entities whose names or spellings
//! begin with the words typed, each with its count of articles; choosing
//! one requires it (`e`) in place of the words.

use doichieu_core::view::{Action, EntityType, ViewState};
use yew::prelude::*;

use crate::i18n::strings;
use crate::view::navigate;

/// Entities suggested at most.
pub const SUGGESTED: usize = 6;

/// An entity suggested: id, name, type, articles.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggested {
    pub id: String,
    pub name: String,
    pub kind: EntityType,
    pub articles: usize,
}

/// The entities `suggested` for the words of `state`. A function rather
/// than a component: it holds no state, and each component type is its own
/// copy of Yew's lifecycle code in the wasm.
pub fn suggestions(state: &ViewState, suggested: &[Suggested]) -> Html {
    let s = strings(state.query.lang);
    if suggested.is_empty() {
        return html! {};
    }
    let items = suggested.iter().map(|entity| {
        let n = entity.articles;
        let mut required = state.query.e.clone();
        required.push(entity.id.clone());
        let next = state
            .apply(Action::SetEntities(required))
            .apply(Action::SetText(String::new()));
        let onclick = Callback::from(move |_| navigate(&next));
        html! {
            <li>
                <button type="button" data-suggest={entity.id.clone()} data-type={entity.kind.as_str()} {onclick}>
                    <span class="name">{ &entity.name }</span>
                    <span class="n">{ (s.in_articles)(n) }</span>
                </button>
            </li>
        }
    });
    html! {
        <div class="suggestions">
            <span class="label">{ s.suggestions_label }</span>
            <ul>{ for items }</ul>
        </div>
    }
}
