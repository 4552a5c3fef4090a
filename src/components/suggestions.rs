//! Under the library's search box: the entities whose names or spellings
//! begin with the words typed, each with its count of articles; choosing
//! one requires it (`e`) in place of the words.

use doichieu_core::view::{Action, ViewState};
use yew::prelude::*;

use crate::corpus::use_corpus;
use crate::i18n::strings;
use crate::view::navigate;

/// Entities suggested at most.
const SUGGESTED: usize = 6;

#[derive(Properties, PartialEq)]
pub struct SuggestionsProps {
    pub state: ViewState,
    /// Entities already required (corpus indices), not suggested again.
    pub skip: Vec<usize>,
}

#[function_component]
pub fn Suggestions(props: &SuggestionsProps) -> Html {
    let corpus = use_corpus();
    let state = &props.state;
    let s = strings(state.query.lang);
    let suggested = corpus
        .filter_index()
        .suggest(&state.query.q, &props.skip, SUGGESTED);
    if suggested.is_empty() {
        return html! {};
    }
    let items = suggested.into_iter().map(|(e, n)| {
        let entity = &corpus.entities[e];
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
