//! An article's date and source, as one line.

use doichieu_core::view::Lang;
use doichieu_core::{DateBasis, PartialDate};
use yew::prelude::*;

use crate::i18n::strings;

#[derive(Properties, PartialEq)]
pub struct ArticleMetaProps {
    pub date: Option<PartialDate>,
    pub date_basis: DateBasis,
    /// The agency or paper ([`doichieu_core::Article::source`]).
    pub source: Option<String>,
    pub lang: Lang,
    /// Say how the date was read (the reading and side-by-side views).
    #[prop_or_default]
    pub explain_date: bool,
}

#[function_component]
pub fn ArticleMeta(props: &ArticleMetaProps) -> Html {
    let s = strings(props.lang);
    let date = match props.date {
        Some(d) => html! { <time datetime={d.to_string()}>{ (s.format_date)(d) }</time> },
        None => html! { <span class="unknown">{ s.no_date }</span> },
    };
    let basis = props.explain_date.then(|| {
        html! {
            <span class="date-basis" data-date-basis={props.date_basis.as_str()}>{ format!(" ({})", (s.date_basis)(props.date_basis)) }</span>
        }
    });
    let source = match &props.source {
        Some(src) => {
            html! { <span class="source"><span class="visually-hidden">{ format!("{}: ", s.source) }</span>{ src }</span> }
        }
        None => html! { <span class="source unknown">{ s.no_source }</span> },
    };
    html! {
        <p class="meta">{ date }{ basis }<span class="sep" aria-hidden="true">{ " · " }</span>{ source }</p>
    }
}
