//! One article in the library's results: a link to it with its title, date
//! and source, the sentence where the query matched (matched words in
//! `mark[data-match]`), the spelling it holds of each entity named or
//! required, and its box for setting side by side. The sentence, the
//! spellings and the box are drawn by functions the cards of a collection
//! of packs share.

use std::ops::Range;

use doichieu_core::article::DateBasis;
use doichieu_core::corpus::Corpus;
use doichieu_core::search::{snippet, spelling_in, Snippet};
use doichieu_core::view::{Action, Lang, Route, ViewState};
use doichieu_core::PartialDate;
use yew::prelude::*;

use crate::components::article_meta::article_meta;
use crate::i18n::strings;
use crate::view::replace;

/// Characters of opening text shown when nothing in the text matched.
const EXCERPT_CHARS: usize = 240;

/// What a card shows of its article.
pub struct ResultCard<'a> {
    /// The article's index in the corpus.
    pub article: usize,
    pub state: &'a ViewState,
    /// The query has words.
    pub filtering: bool,
    /// Where the query's phrases stand in the article's text (byte ranges).
    pub found: Vec<Range<usize>>,
    /// Entities named by the query or required by `e` (corpus indices).
    pub entities: &'a [usize],
    /// The pick box is off: as many articles as can be set side by side are picked.
    pub full: bool,
}

/// A card's sentence with the words that matched in `mark[data-match]`.
fn snippet_html(found: &Snippet) -> Html {
    let mut pieces = Vec::new();
    let mut at = 0;
    for m in &found.marks {
        pieces.push(html! { { &found.text[at..m.start] } });
        pieces.push(html! { <mark data-match="">{ &found.text[m.clone()] }</mark> });
        at = m.end;
    }
    pieces.push(html! { { &found.text[at..] } });
    html! { <p class="excerpt snippet">{ for pieces }</p> }
}

/// The items of a card's `ul.card-entities`: each entity of `entities`
/// (indices into `corpus`) that `article` mentions, by its name, with the
/// spelling the article gives it when that differs.
pub fn spelling_items(
    corpus: &Corpus,
    article: usize,
    entities: &[usize],
    lang: Lang,
) -> Vec<Html> {
    let s = strings(lang);
    entities
        .iter()
        .filter_map(|&e| {
            let spelling = spelling_in(corpus, article, e)?;
            let entity = &corpus.entities[e];
            let said = (spelling != entity.name).then(|| format!(" · {}", (s.spelled)(&spelling)));
            Some(html! {
                <li data-type={entity.kind.as_str()} data-mentions={entity.id.clone()}>
                    { &entity.name }{ for said }
                </li>
            })
        })
        .collect()
}

/// A card's box that picks its article (`id`, `title`) to be set side by
/// side; off when `full` and the article is not picked.
fn pick_box(state: &ViewState, id: &str, title: &str, full: bool) -> Html {
    let s = strings(state.query.lang);
    let checked = state.query.pick.iter().any(|p| p == id);
    let toggle = {
        let next = state.apply(Action::TogglePick(id.to_string()));
        Callback::from(move |_| replace(&next))
    };
    html! {
        <label class="pick">
            <input type="checkbox" {checked} disabled={full && !checked} onchange={toggle} data-pick={id.to_string()} />
            <span class="visually-hidden">{ (s.select_for_compare)(title) }</span>
        </label>
    }
}

/// What every card shows of its article, however the article was read.
pub struct CardParts<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub date: Option<PartialDate>,
    pub date_basis: DateBasis,
    pub source: Option<&'a str>,
    /// The sentence where the query matched, if any.
    pub found: Option<Snippet>,
    /// The article's opening, shown when no sentence matched.
    pub excerpt: &'a str,
    pub spellings: Vec<Html>,
    /// The spellings are listed (even none).
    pub list_spellings: bool,
}

/// A card of `parts` for the view `state`, its pick box off when `full`:
/// drawn by the cards of the embedded collection and of packs alike.
pub fn card(state: &ViewState, parts: CardParts<'_>, full: bool) -> Html {
    let lang = state.query.lang;
    let checked = state.query.pick.iter().any(|p| p == parts.id);
    let href = state
        .apply(Action::Open(Route::Read(parts.id.to_string())))
        .to_hash();
    let text = match &parts.found {
        Some(found) => snippet_html(found),
        None => html! { <p class="excerpt">{ parts.excerpt }</p> },
    };
    // Each class a literal: a class computed goes through Yew's class set.
    let body = html! {
        <>
            <a class="card" data-article={parts.id.to_string()} href={href}>
                <h2 class="card-title">{ parts.title }</h2>
                { article_meta(parts.date, parts.date_basis, parts.source, lang, false) }
                { text }
                if parts.list_spellings {
                    <ul class="card-entities">{ for parts.spellings }</ul>
                }
            </a>
            { pick_box(state, parts.id, parts.title, full) }
        </>
    };
    if checked {
        html! { <li class="card-item picked">{ body }</li> }
    } else {
        html! { <li class="card-item">{ body }</li> }
    }
}

/// One card of the embedded collection.
pub fn result_card(corpus: &Corpus, props: ResultCard<'_>) -> Html {
    let state = props.state;
    let a = &corpus.articles[props.article];
    let filtering = props.filtering || !props.entities.is_empty();
    let found = filtering
        .then(|| snippet(corpus, props.article, props.found, props.entities))
        .flatten();
    let excerpt = if found.is_none() {
        a.excerpt(EXCERPT_CHARS)
    } else {
        String::new()
    };
    let parts = CardParts {
        id: &a.id,
        title: &a.title,
        date: a.date,
        date_basis: a.date_basis,
        source: a.source.as_deref(),
        found,
        excerpt: &excerpt,
        spellings: spelling_items(corpus, props.article, props.entities, state.query.lang),
        list_spellings: !props.entities.is_empty(),
    };
    card(state, parts, props.full)
}
