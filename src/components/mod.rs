//! Pieces shared by the pages.

pub mod alert;
pub mod article_meta;
pub mod article_text;
pub mod copy_link;
pub mod emphasis;
pub mod facets;
pub mod histogram;
pub mod legend;
pub mod result_card;
pub mod shell;
pub mod shortcuts;
pub mod suggestions;
