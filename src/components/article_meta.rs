//! An article's date and source, as one line.

use doichieu_core::view::Lang;
use doichieu_core::{DateBasis, PartialDate};
use yew::prelude::*;

use crate::i18n::strings;

/// The line of an article's date, how it was read when `explain_date` (the
/// reading and side-by-side views), and its `source`, the agency or paper
/// ([`doichieu_core::Article::source`]). A function rather than a
/// component: it holds no state, and each component type is its own copy
/// of Yew's lifecycle code in the wasm.
pub fn article_meta(
    date: Option<PartialDate>,
    date_basis: DateBasis,
    source: Option<&str>,
    lang: Lang,
    explain_date: bool,
) -> Html {
    let s = strings(lang);
    let date = match date {
        Some(d) => html! { <time datetime={d.to_string()}>{ (s.format_date)(d) }</time> },
        None => html! { <span class="unknown">{ s.no_date }</span> },
    };
    let basis = explain_date.then(|| {
        html! {
            <span class="date-basis" data-date-basis={date_basis.as_str()}>{ format!(" ({})", (s.date_basis)(date_basis)) }</span>
        }
    });
    let source = match source {
        Some(src) => {
            html! { <span class="source"><span class="visually-hidden">{ format!("{}: ", s.source) }</span>{ src }</span> }
        }
        None => html! { <span class="source unknown">{ s.no_source }</span> },
    };
    html! {
        <p class="meta">{ date }{ basis }<span class="sep" aria-hidden="true">{ " · " }</span>{ source }</p>
    }
}
