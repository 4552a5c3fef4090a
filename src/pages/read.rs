//! `#/read/<article-id>`: one article, with its neighbours in the library.

use doichieu_core::view::{Action, Route, ViewState};
use yew::prelude::*;

use crate::components::alert::Alert;
use crate::components::article_meta::ArticleMeta;
use crate::components::article_text::ArticleText;
use crate::corpus::use_corpus;
use crate::i18n::strings;
use crate::pages::library::{library_order, LibraryPage};
use crate::view::{scroll_to_top, set_title};

#[derive(Properties, PartialEq)]
pub struct ReadPageProps {
    pub id: String,
    pub state: ViewState,
}

#[function_component]
pub fn ReadPage(props: &ReadPageProps) -> Html {
    let corpus = use_corpus();
    let lang = props.state.query.lang;
    let s = strings(lang);
    let article = corpus.article(&props.id).cloned();
    {
        let title = article
            .as_ref()
            .map_or_else(|| props.id.clone(), |a| a.title.clone());
        use_effect_with(props.id.clone(), move |_| {
            set_title(&format!("{title} — Đối chiếu"));
            scroll_to_top();
        });
    }
    let home = props.state.apply(Action::Open(Route::Library)).to_hash();
    let Some(article) = article else {
        // Say what was not found, then show what there is.
        return html! {
            <>
                <Alert>
                    <p>{ (s.article_not_found)(&props.id) }</p>
                    <p><a href={home}>{ s.back_to_library }</a></p>
                </Alert>
                <LibraryPage state={props.state.clone()} />
            </>
        };
    };
    let order = library_order(&corpus.articles);
    let at = order.iter().position(|a| a.id == article.id).unwrap_or(0);
    let link = |i: usize, label: &'static str, class: &'static str| {
        order.get(i).map(|a| {
            let href = props.state.apply(Action::Open(Route::Read(a.id.clone()))).to_hash();
            html! { <a class={class} href={href} rel={if class == "prev" { "prev" } else { "next" }}><span class="label">{ label }</span><span class="t">{ &a.title }</span></a> }
        })
    };
    let newer = at.checked_sub(1).and_then(|i| link(i, s.previous, "prev"));
    let older = link(at + 1, s.next, "next");
    html! {
        <div class="reading">
            <p class="crumbs"><a href={home}>{ s.back_to_library }</a></p>
            <article data-article={article.id.clone()} aria-labelledby="article-title">
                <header>
                    <h1 id="article-title">{ &article.title }</h1>
                    <ArticleMeta article={article.clone()} {lang} explain_date=true />
                    if article.title_derived {
                        <p class="note">{ s.title_derived }</p>
                    }
                </header>
                <ArticleText article={article.clone()} {lang} />
            </article>
            <nav class="neighbours" aria-label={s.library}>{ newer }{ older }</nav>
        </div>
    }
}
