//! One parsed article: what the reader sees and what the index reads.

use serde::Serialize;

use crate::wire::{read_in_order, Read, Reader, Stop};

pub use crate::date::DateBasis;
use crate::date::PartialDate;

/// An article of the corpus, its text normalised (see [`crate::normalize`]).
#[derive(Clone, Debug, PartialEq, Serialize)]
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Block {
    Paragraph(String),
    /// A photo caption: its text and the credit ("Phạm Kiên/TTXVN"), if any.
    Caption {
        text: String,
        credit: Option<String>,
    },
}

read_in_order!(Article {
    id,
    title,
    title_derived,
    date,
    date_basis,
    source,
    blocks
});

impl Read for Block {
    fn read(r: &mut Reader) -> Result<Self, Stop> {
        Ok(match r.tag("kind of paragraph", 2)? {
            0 => Block::Paragraph(Read::read(r)?),
            _ => Block::Caption {
                text: Read::read(r)?,
                credit: Read::read(r)?,
            },
        })
    }
}

/// What a segment of the article's text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum SegmentKind {
    Paragraph,
    Caption,
    /// A photo credit ("Phạm Kiên/TTXVN"), without the "Ảnh:" label.
    Credit,
}

/// A piece of [`Article::text`]: a paragraph, a caption or a credit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment<'a> {
    pub kind: SegmentKind,
    pub text: &'a str,
    /// Where it starts in the article's text, in characters and in bytes.
    pub char_start: usize,
    pub byte_start: usize,
}

/// What separates segments in [`Article::text`].
pub const SEGMENT_SEPARATOR: &str = "\n\n";

impl Article {
    /// The article's text as extraction reads it and mention offsets count
    /// it: every paragraph, caption and credit, in order, separated by a
    /// blank line.
    pub fn text(&self) -> String {
        let mut out = String::with_capacity(self.text_len());
        self.push_text(&mut out);
        out
    }

    /// [`Article::text`] at the end of `out`.
    pub fn push_text(&self, out: &mut String) {
        for (i, (_, piece)) in self.pieces().enumerate() {
            if i > 0 {
                out.push_str(SEGMENT_SEPARATOR);
            }
            out.push_str(piece);
        }
    }

    /// The length in bytes of [`Article::text`], without making it.
    pub fn text_len(&self) -> usize {
        let mut len = 0;
        for (i, (_, piece)) in self.pieces().enumerate() {
            if i > 0 {
                len += SEGMENT_SEPARATOR.len();
            }
            len += piece.len();
        }
        len
    }

    /// The segments of [`Article::text`] with their offsets.
    pub fn segments(&self) -> impl Iterator<Item = Segment<'_>> {
        let (mut chars, mut bytes) = (0, 0);
        self.pieces().map(move |(kind, text)| {
            if bytes > 0 {
                chars += SEGMENT_SEPARATOR.chars().count();
                bytes += SEGMENT_SEPARATOR.len();
            }
            let segment = Segment {
                kind,
                text,
                char_start: chars,
                byte_start: bytes,
            };
            chars += text.chars().count();
            bytes += text.len();
            segment
        })
    }

    /// The pieces of text that are segments, in order, empty ones left out.
    fn pieces(&self) -> impl Iterator<Item = (SegmentKind, &str)> {
        self.blocks
            .iter()
            .flat_map(|b| {
                let (first, second) = match b {
                    Block::Paragraph(p) => ((SegmentKind::Paragraph, p.as_str()), None),
                    Block::Caption { text, credit } => (
                        (SegmentKind::Caption, text.as_str()),
                        credit.as_deref().map(|c| (SegmentKind::Credit, c)),
                    ),
                };
                std::iter::once(first).chain(second)
            })
            .filter(|(_, text)| !text.is_empty())
    }

    /// Whether the title, made from the text, is the lead photo's caption's
    /// opening sentence (as the title is made when the article opens with one).
    pub fn title_from_caption(&self) -> bool {
        let opening = self.blocks.iter().find(|b| match b {
            Block::Paragraph(_) => true,
            Block::Caption { text, .. } => !text.is_empty(),
        });
        self.title_derived && matches!(opening, Some(Block::Caption { .. }))
    }

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
                // A lede line often ends with no stop: one is put, so that
                // it does not run into the body.
                if !out.ends_with(['.', '!', '?', '…', ':', ';', '"', '”', ')']) {
                    out.push('.');
                }
                out.push(' ');
            }
            out.push_str(p);
            if out.chars().count() > max_chars {
                break;
            }
        }
        shorten(&out, max_chars)
    }

    /// The library's order: newest first, undated articles last, then by
    /// id so that the order is stable.
    pub fn newest_first(a: &Article, b: &Article) -> std::cmp::Ordering {
        b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id))
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
    fn segments_are_slices_of_the_text_at_their_offsets() {
        let a = crate::parse_article(
            "x",
            "Tiêu đề\nĐoạn một về Lào.\nQuang cảnh. (Ảnh: Phạm Kiên/TTXVN)\nĐoạn hai.",
            crate::FileKind::Text,
        );
        let text = a.text();
        let kinds: Vec<_> = a.segments().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            [
                SegmentKind::Paragraph,
                SegmentKind::Caption,
                SegmentKind::Credit,
                SegmentKind::Paragraph
            ]
        );
        for s in a.segments() {
            assert_eq!(&text[s.byte_start..s.byte_start + s.text.len()], s.text);
            let by_chars: String = text
                .chars()
                .skip(s.char_start)
                .take(s.text.chars().count())
                .collect();
            assert_eq!(by_chars, s.text);
        }
    }

    #[test]
    fn an_excerpt_puts_a_stop_after_a_lede_that_has_none() {
        let a = crate::parse_article(
            "x",
            "Tiêu đề\nVOV.VN - Bộ trưởng thông báo kết quả hội đàm cấp cao\nTrong khuôn khổ chuyến thăm, đoàn đến Lào.\nĐoạn ba.",
            crate::FileKind::Text,
        );
        assert_eq!(
            a.excerpt(200),
            "Bộ trưởng thông báo kết quả hội đàm cấp cao. Trong khuôn khổ chuyến thăm, đoàn đến Lào. Đoạn ba."
        );
    }

    #[test]
    fn a_title_made_from_the_lead_caption_is_told_apart() {
        let from_caption = crate::parse_article(
            "x",
            "Bộ trưởng thăm Lào. Ảnh: TTXVN phát\n\nChiều 5/2, Bộ trưởng đến Viêng Chăn.",
            crate::FileKind::Text,
        );
        assert!(from_caption.title_derived && from_caption.title_from_caption());
        let from_text = crate::parse_article(
            "x",
            "Chiều 5/2, Bộ trưởng đến Viêng Chăn và hội đàm.",
            crate::FileKind::Text,
        );
        assert!(from_text.title_derived && !from_text.title_from_caption());
    }

    #[test]
    fn shorten_cuts_at_a_word_and_marks_the_cut() {
        assert_eq!(shorten("Bộ trưởng Tô Lâm", 40), "Bộ trưởng Tô Lâm");
        assert_eq!(
            shorten("Bộ trưởng Tô Lâm, Đại tướng", 18),
            "Bộ trưởng Tô Lâm…"
        );
    }
}
