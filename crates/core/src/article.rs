//! One parsed article: what the reader sees and what the index reads.

use serde::{Deserialize, Serialize};

pub use crate::date::DateBasis;
use crate::date::PartialDate;

/// An article of the corpus, its text normalised (see [`crate::normalize`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// The file name without its extension; stable, used in links.
    pub id: String,
    pub title: String,
    /// The title was made from the opening sentence, the file having none.
    pub title_derived: bool,
    pub date: Option<PartialDate>,
    pub date_basis: DateBasis,
    /// The agency or paper it came from ("VOV.VN", "TTXVN", "Chinhphu.vn/TTXVN").
    pub source: Option<String>,
    /// Body paragraphs and photo captions, in reading order.
    pub blocks: Vec<Block>,
}

/// A unit of the article's body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Block {
    Paragraph(String),
    /// A photo caption: its text and the credit ("Phạm Kiên/TTXVN"), if any.
    Caption {
        text: String,
        credit: Option<String>,
    },
}

impl Article {
    /// The body paragraphs, captions left out.
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Paragraph(p) => Some(p.as_str()),
            Block::Caption { .. } => None,
        })
    }

    /// The opening of the body, cut at a word boundary near `max_chars`.
    pub fn excerpt(&self, max_chars: usize) -> String {
        let mut out = String::new();
        for p in self.paragraphs() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(p);
            if out.chars().count() > max_chars {
                break;
            }
        }
        shorten(&out, max_chars)
    }

    /// Number of characters of body text (captions included).
    pub fn char_count(&self) -> usize {
        self.blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph(p) => p.chars().count(),
                Block::Caption { text, .. } => text.chars().count(),
            })
            .sum()
    }
}

/// Cuts `text` to at most `max_chars` characters at a word boundary, with
/// an ellipsis when anything was cut.
pub fn shorten(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let cut: String = text.chars().take(max_chars).collect();
    let at_word = cut.rfind(' ').map_or(cut.as_str(), |i| &cut[..i]);
    let trimmed = at_word.trim_end_matches([',', ';', ':', '-', '–', ' ']);
    format!("{trimmed}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorten_cuts_at_a_word_and_marks_the_cut() {
        assert_eq!(shorten("Bộ trưởng Tô Lâm", 40), "Bộ trưởng Tô Lâm");
        assert_eq!(
            shorten("Bộ trưởng Tô Lâm, Đại tướng", 18),
            "Bộ trưởng Tô Lâm…"
        );
    }
}
