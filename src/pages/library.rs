//! `#/`: every article, newest first, each a link to its reading view.

use doichieu_core::view::{Action, Route, ViewState};
use doichieu_core::Article;
use yew::prelude::*;

use crate::components::article_meta::ArticleMeta;
use crate::corpus::use_corpus;
use crate::i18n::strings;
use crate::view::set_title;

/// Characters of opening text shown for each article.
const EXCERPT_CHARS: usize = 240;

#[derive(Properties, PartialEq)]
pub struct LibraryPageProps {
    pub state: ViewState,
}

/// Newest first; undated articles last; then by id, so the order is stable.
pub fn library_order(articles: &[Article]) -> Vec<&Article> {
    let mut sorted: Vec<&Article> = articles.iter().collect();
    sorted.sort_by(|a, b| {
        b.date
            .is_some()
            .cmp(&a.date.is_some())
            .then(b.date.cmp(&a.date))
            .then(a.id.cmp(&b.id))
    });
    sorted
}

#[function_component]
pub fn LibraryPage(props: &LibraryPageProps) -> Html {
    let corpus = use_corpus();
    let lang = props.state.query.lang;
    let s = strings(lang);
    use_effect_with(lang, move |_| {
        set_title(&format!("{} — Đối chiếu", s.library))
    });
    let articles = library_order(&corpus.articles);
    let items = articles.iter().map(|a| {
        let href = props
            .state
            .apply(Action::Open(Route::Read(a.id.clone())))
            .to_hash();
        html! {
            <li>
                <a class="card" data-article={a.id.clone()} href={href}>
                    <h2 class="card-title">{ &a.title }</h2>
                    <ArticleMeta article={(*a).clone()} {lang} />
                    <p class="excerpt">{ a.excerpt(EXCERPT_CHARS) }</p>
                </a>
            </li>
        }
    });
    html! {
        <section class="library" aria-labelledby="library-heading">
            <div class="library-head">
                <h1 id="library-heading">{ s.library }</h1>
                <p class="count">{ (s.articles_count)(articles.len()) }</p>
            </div>
            if articles.is_empty() {
                <p class="empty">{ s.empty_corpus }</p>
            } else {
                <ol class="cards">{ for items }</ol>
            }
        </section>
    }
}
