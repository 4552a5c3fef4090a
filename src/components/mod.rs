//! Pieces shared by the pages.

pub mod alert;
pub mod article_meta;
pub mod article_text;
pub mod emphasis;
pub mod histogram;
pub mod legend;
pub mod shell;
pub mod shortcuts;
