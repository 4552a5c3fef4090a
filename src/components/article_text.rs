//! The body of an article: numbered paragraphs (anchors `p-N`, the `p` of
//! a link) and photo captions set apart from them.

use doichieu_core::view::Lang;
use doichieu_core::{Article, Block};
use yew::prelude::*;

use crate::i18n::strings;

#[derive(Properties, PartialEq)]
pub struct ArticleTextProps {
    pub article: Article,
    pub lang: Lang,
}

#[function_component]
pub fn ArticleText(props: &ArticleTextProps) -> Html {
    let s = strings(props.lang);
    let prefix = &props.article.id;
    let mut number = 0;
    let blocks = props.article.blocks.iter().map(|block| match block {
        Block::Paragraph(text) => {
            number += 1;
            html! { <p id={format!("{prefix}-p{number}")} data-p={number.to_string()}>{ text }</p> }
        }
        Block::Caption { text, credit } => html! {
            <figure class="caption">
                <figcaption>
                    if !text.is_empty() { <span class="caption-text">{ text }</span> }
                    if let Some(credit) = credit {
                        <span class="credit">{ format!("{}: {credit}", s.photo) }</span>
                    }
                </figcaption>
            </figure>
        },
    });
    html! { <div class="article-text">{ for blocks }</div> }
}
