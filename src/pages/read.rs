//! `#/read/<article-id>`: one article with its mentions marked, the legend,
//! the emphasised entity (`hl`), the paragraph of the link (`p`), and its
//! neighbours in the library.

use doichieu_core::compare::similar;
use doichieu_core::view::{Action, EntityType, Route, ViewState};
use yew::prelude::*;

use crate::components::alert::Alert;
use crate::components::article_meta::ArticleMeta;
use crate::components::article_text::ArticleText;
use crate::components::emphasis::{use_mention_keys, EmphasisBar};
use crate::components::legend::{Legend, PrintKey};
use crate::corpus::{use_corpus, SharedCorpus};
use crate::i18n::strings;
use crate::pages::library::{library_order, LibraryPage};
use crate::view::set_title;

/// Articles offered to set beside this one.
const SUGGESTED: usize = 12;

#[derive(Properties, PartialEq)]
pub struct ReadPageProps {
    pub id: String,
    pub state: ViewState,
}

/// Mentions per type in these articles, every type listed.
pub fn type_counts(corpus: &SharedCorpus, articles: &[usize]) -> Vec<(EntityType, usize)> {
    let mut counts: Vec<(EntityType, usize)> = EntityType::ALL.iter().map(|&t| (t, 0)).collect();
    for &index in articles {
        for mark in corpus.marks_of(index) {
            let kind = corpus.kind_of(mark);
            if let Some(c) = counts.iter_mut().find(|(t, _)| *t == kind) {
                c.1 += 1;
            }
        }
    }
    counts
}

/// Mentions of the emphasised entity in these articles.
pub fn emphasised_count(corpus: &SharedCorpus, state: &ViewState, articles: &[usize]) -> usize {
    let Some(hl) = state
        .query
        .hl
        .as_deref()
        .and_then(|id| corpus.entity_index(id))
    else {
        return 0;
    };
    articles
        .iter()
        .flat_map(|&i| corpus.marks_of(i))
        .filter(|m| m.entity as usize == hl)
        .count()
}

#[function_component]
pub fn ReadPage(props: &ReadPageProps) -> Html {
    let corpus = use_corpus();
    let lang = props.state.query.lang;
    let s = strings(lang);
    let index = corpus.article_index(&props.id);
    use_mention_keys(props.state.clone());
    {
        let title = index.map_or_else(|| props.id.clone(), |i| corpus.articles[i].title.clone());
        use_effect_with(props.id.clone(), move |_| {
            set_title(&format!("{title} — Đối chiếu"));
        });
    }
    // The library's order, the articles like this one and the counts of its
    // marks do not change while it is read: computed once, not per render.
    let order = {
        let corpus = corpus.clone();
        use_memo((), move |_| {
            library_order(&corpus.articles)
                .into_iter()
                .map(|a| a.id.clone())
                .collect::<Vec<_>>()
        })
    };
    let neighbours = {
        let corpus = corpus.clone();
        use_memo(index, move |&index| {
            index.map(|index| {
                (
                    similar(&corpus, index, SUGGESTED),
                    type_counts(&corpus, &[index]),
                )
            })
        })
    };
    let home = props.state.apply(Action::Open(Route::Library)).to_hash();
    let Some(index) = index else {
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
    let article = &corpus.articles[index];
    let at = order.iter().position(|id| *id == article.id).unwrap_or(0);
    let link = |i: usize, label: &'static str, class: &'static str| {
        order.get(i).and_then(|id| corpus.article(id)).map(|a| {
            let href = props.state.apply(Action::Open(Route::Read(a.id.clone()))).to_hash();
            html! { <a class={class} href={href} rel={if class == "prev" { "prev" } else { "next" }}><span class="label">{ label }</span><span class="t">{ &a.title }</span></a> }
        })
    };
    let newer = at.checked_sub(1).and_then(|i| link(i, s.previous, "prev"));
    let older = link(at + 1, s.next, "next");
    let Some((similar_articles, counts)) = &*neighbours else {
        return Html::default();
    };
    let others = similar_articles.iter().map(|&(other, shared)| {
        let a = &corpus.articles[other];
        let route = Route::Compare(vec![article.id.clone(), a.id.clone()]);
        let href = props.state.apply(Action::Open(route)).to_hash();
        html! {
            <li>
                <a href={href}>{ &a.title }</a>
                <span class="shared">{ (s.shared_entities)(shared) }</span>
            </li>
        }
    });
    let emphasised = emphasised_count(&corpus, &props.state, &[index]);
    html! {
        <div class="reading">
            <p class="crumbs"><a href={home}>{ s.back_to_library }</a></p>
            <article data-article={article.id.clone()} aria-labelledby="article-title">
                <header>
                    <h1 id="article-title" lang="vi">{ &article.title }</h1>
                    <ArticleMeta date={article.date} date_basis={article.date_basis} source={article.source.clone()} {lang} explain_date=true />
                    if article.title_from_caption() {
                        <p class="note" data-title-basis="caption">{ s.title_from_caption }</p>
                    } else if article.title_derived {
                        <p class="note" data-title-basis="text">{ s.title_derived }</p>
                    }
                    <PrintKey {lang} />
                </header>
                <div class="tools">
                    <Legend state={props.state.clone()} counts={counts.clone()} />
                    <EmphasisBar state={props.state.clone()} count={emphasised} />
                </div>
                <ArticleText {index} state={props.state.clone()} />
            </article>
            if order.len() > 1 {
                <details class="compare-with">
                    <summary>{ s.compare_with }</summary>
                    <ul>{ for others }</ul>
                </details>
            }
            <nav class="neighbours" aria-label={s.library}>{ newer }{ older }</nav>
        </div>
    }
}
