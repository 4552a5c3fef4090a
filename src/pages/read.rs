//! `#/read/<article-id>`: one article with its mentions marked, the legend,
//! the emphasised entity (`hl`), the paragraph of the link (`p`), and its
//! neighbours in the library.

use doichieu_core::compare::similar;
use doichieu_core::view::{Action, EntityType, Route, ViewState};
use yew::prelude::*;

use crate::components::alert::alert;
use crate::components::article_meta::article_meta;
use crate::components::article_text::ArticleText;
use crate::components::emphasis::{emphasis_bar, use_mention_keys};
use crate::components::legend::{legend, print_key};
use crate::corpus::SharedCorpus;
use crate::effect::use_effect_on;
use crate::i18n::strings;
use crate::pages::library::{library_order, LibraryPage};
use crate::view::set_title;

/// Articles offered to set beside this one.
const SUGGESTED: usize = 12;

#[derive(Properties, PartialEq)]
pub struct ReadPageProps {
    /// The collection shown: a property rather than a context, so that no
    /// context type of Yew is compiled for it.
    pub corpus: SharedCorpus,
    pub id: String,
    pub state: ViewState,
    /// What is around the article in a collection of packs, which the
    /// corpus (of this article alone) cannot tell.
    #[prop_or_default]
    pub around: Option<Around>,
}

/// The articles before and after one in the library, and those most like
/// it: id, title (and entities shared).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Around {
    pub newer: Option<(String, String)>,
    pub older: Option<(String, String)>,
    pub similar: Vec<(String, String, usize)>,
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
    let corpus = props.corpus.clone();
    let lang = props.state.query.lang;
    let s = strings(lang);
    let index = corpus.article_index(&props.id);
    use_mention_keys(props.state.clone());
    {
        let title = index.map_or_else(|| props.id.clone(), |i| corpus.articles[i].title.clone());
        use_effect_on(props.id.clone(), move |_| {
            set_title(&format!("{title} — Đối chiếu"));
        });
    }
    // The library's order, the articles like this one and the counts of its
    // marks do not change while it is read: computed once, not per render.
    let around = {
        let corpus = corpus.clone();
        use_memo(
            (props.id.clone(), index, props.around.clone()),
            move |(_, index, given)| {
                let index = (*index)?;
                let counts = type_counts(&corpus, &[index]);
                if let Some(given) = given {
                    return Some((given.clone(), counts));
                }
                let order = library_order(&corpus.articles);
                let id = &corpus.articles[index].id;
                let at = order.iter().position(|a| a.id == *id).unwrap_or(0);
                let link = |i: usize| {
                    let a = order.get(i)?;
                    Some((a.id.clone(), a.title.clone()))
                };
                let similar_articles = similar(&corpus, index, SUGGESTED)
                    .into_iter()
                    .map(|(other, shared)| {
                        let a = &corpus.articles[other];
                        (a.id.clone(), a.title.clone(), shared)
                    })
                    .collect();
                Some((
                    Around {
                        newer: at.checked_sub(1).and_then(link),
                        older: link(at + 1),
                        similar: similar_articles,
                    },
                    counts,
                ))
            },
        )
    };
    let home = props.state.apply(Action::Open(Route::Library)).to_hash();
    let Some(index) = index else {
        // Say what was not found, then show what there is.
        return html! {
            <>
                { alert(html! {
                    <>
                        <p>{ (s.article_not_found)(&props.id) }</p>
                        <p><a href={home}>{ s.back_to_library }</a></p>
                    </>
                }) }
                if props.around.is_none() {
                    <LibraryPage corpus={corpus.clone()} state={props.state.clone()} />
                }
            </>
        };
    };
    let article = &corpus.articles[index];
    let Some((around, counts)) = &*around else {
        return Html::default();
    };
    let link = |l: &Option<(String, String)>, label: &'static str, prev: bool| {
        l.as_ref().map(|(id, title)| {
            let href = props
                .state
                .apply(Action::Open(Route::Read(id.clone())))
                .to_hash();
            let body =
                html! { <><span class="label">{ label }</span><span class="t">{ title }</span></> };
            // Each class a literal: a class computed goes through Yew's class set.
            if prev {
                html! { <a class="prev" {href} rel="prev">{ body }</a> }
            } else {
                html! { <a class="next" {href} rel="next">{ body }</a> }
            }
        })
    };
    let newer = link(&around.newer, s.previous, true);
    let older = link(&around.older, s.next, false);
    let others = around.similar.iter().map(|(id, title, shared)| {
        let route = Route::Compare(vec![article.id.clone(), id.clone()]);
        let href = props.state.apply(Action::Open(route)).to_hash();
        html! {
            <li>
                <a href={href}>{ title }</a>
                <span class="shared">{ (s.shared_entities)(*shared) }</span>
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
                    { article_meta(article.date, article.date_basis, article.source.as_deref(), lang, true) }
                    if article.title_from_caption() {
                        <p class="note" data-title-basis="caption">{ s.title_from_caption }</p>
                    } else if article.title_derived {
                        <p class="note" data-title-basis="text">{ s.title_derived }</p>
                    }
                    { print_key(lang) }
                </header>
                <div class="tools">
                    { legend(&props.state, counts) }
                    { emphasis_bar(&corpus, &props.state, emphasised) }
                </div>
                <ArticleText corpus={corpus.clone()} {index} state={props.state.clone()} />
            </article>
            if !around.similar.is_empty() || around.newer.is_some() || around.older.is_some() {
                <details class="compare-with">
                    <summary>{ s.compare_with }</summary>
                    <ul>{ for others }</ul>
                </details>
            }
            <nav class="neighbours" aria-label={s.library}>{ newer }{ older }</nav>
        </div>
    }
}
