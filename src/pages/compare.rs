//! `#/compare/<id>,<id>[,…]`: articles in columns, in the link's order.

use doichieu_core::view::{Action, Route, ViewState};
use yew::prelude::*;

use crate::components::alert::Alert;
use crate::components::article_meta::ArticleMeta;
use crate::components::article_text::ArticleText;
use crate::corpus::use_corpus;
use crate::i18n::strings;
use crate::view::set_title;

#[derive(Properties, PartialEq)]
pub struct ComparePageProps {
    pub ids: Vec<String>,
    pub state: ViewState,
}

#[function_component]
pub fn ComparePage(props: &ComparePageProps) -> Html {
    let corpus = use_corpus();
    let lang = props.state.query.lang;
    let s = strings(lang);
    let (found, missing): (Vec<_>, Vec<_>) = props
        .ids
        .iter()
        .partition(|id| corpus.article(id).is_some());
    let articles: Vec<_> = found
        .iter()
        .filter_map(|id| corpus.article(id))
        .cloned()
        .collect();
    let count = articles.len();
    use_effect_with(count, move |n| {
        set_title(&format!("{} — Đối chiếu", (s.compare_title)(*n)))
    });
    let columns = articles.iter().map(|a| {
        let href = props
            .state
            .apply(Action::Open(Route::Read(a.id.clone())))
            .to_hash();
        html! {
            <article data-article={a.id.clone()} class="column">
                <header>
                    <h2><a href={href}>{ &a.title }</a></h2>
                    <ArticleMeta article={a.clone()} {lang} explain_date=true />
                </header>
                <ArticleText article={a.clone()} {lang} />
            </article>
        }
    });
    let missing_list = missing
        .iter()
        .map(|id| format!("«{id}»"))
        .collect::<Vec<_>>()
        .join(", ");
    html! {
        <section class="compare" aria-labelledby="compare-heading">
            <h1 id="compare-heading">{ (s.compare_title)(count) }</h1>
            if !missing.is_empty() {
                <Alert>{ (s.articles_not_found)(&missing_list) }</Alert>
            }
            if count < 2 {
                <Alert>{ s.compare_needs_two }</Alert>
            }
            <div class="columns" style={format!("--columns: {}", count.max(1))}>{ for columns }</div>
        </section>
    }
}
