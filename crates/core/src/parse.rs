//! Parsing one article file into an [`Article`].
//!
//! The shapes handled are those of Vietnamese wire and newspaper copy as it
//! is saved to text: an optional `---` front matter (`title:`, `date:`,
//! `source:`), an optional ` date YYYY-MM[-DD]` first line that may carry
//! body text after it, a short title line, an agency lede ("VOV.VN - …",
//! "Theo phóng viên TTXVN …") or trailer ("Theo Chinhphu.vn/TTXVN"), photo
//! captions ending in a credit ("… (Ảnh: Phạm Kiên/TTXVN)", "Ảnh: TTXVN
//! phát") and the closing mark "./.".

use crate::article::{shorten, Article, Block};
use crate::date::{infer_article_date, PartialDate};
use crate::normalize::normalize;

/// What kind of file the text came from: Markdown paragraphs may be
/// hard-wrapped and are separated by blank lines; in plain text every line
/// is a paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Text,
    Markdown,
}

impl FileKind {
    /// The kind for a file extension (`txt`, `md`, `markdown`), if it is one of ours.
    pub fn from_extension(ext: &str) -> Option<Self> {
        match ext.to_ascii_lowercase().as_str() {
            "txt" => Some(Self::Text),
            "md" | "markdown" => Some(Self::Markdown),
            _ => None,
        }
    }
}

/// A title longer than this is a paragraph, not a title.
const MAX_TITLE_CHARS: usize = 160;
/// A derived title is cut near this length.
const DERIVED_TITLE_CHARS: usize = 110;
/// A paragraph longer than this is not a photo caption.
const MAX_CAPTION_CHARS: usize = 400;
/// A credit longer than this is a sentence, not a credit.
const MAX_CREDIT_CHARS: usize = 60;

#[derive(Default)]
struct FrontMatter {
    title: Option<String>,
    date: Option<PartialDate>,
    source: Option<String>,
}

/// Parses the text of one article file. Never fails: whatever the text,
/// the result is an article (possibly with an empty body).
pub fn parse_article(id: &str, raw: &str, kind: FileKind) -> Article {
    let text = normalize(raw);
    let (front, body) = split_front_matter(&text);
    let (header_date, body) = split_header_date(body);
    let mut paragraphs = split_paragraphs(body, kind);

    let mut title = front.title.clone();
    if title.is_none() && paragraphs.len() > 1 && is_title_like(&paragraphs[0]) {
        title = Some(
            paragraphs
                .remove(0)
                .trim_start_matches('#')
                .trim()
                .to_string(),
        );
    }

    let mut source = front.source.clone();
    if let Some(trailer) = paragraphs.last().and_then(|p| trailer_source(p)) {
        source = source.or(Some(trailer));
        paragraphs.pop();
    }
    if let Some(first) = paragraphs.first_mut() {
        if let Some((agency, rest)) = lede_source(first) {
            source = source.or(Some(agency));
            *first = rest;
        }
    }
    if source.is_none() {
        source = paragraphs.iter().take(3).find_map(|p| reporter_source(p));
    }

    let blocks: Vec<Block> = paragraphs
        .into_iter()
        .map(|p| strip_closing_mark(&p))
        .filter(|p| !p.is_empty())
        .map(|p| caption(&p).unwrap_or(Block::Paragraph(p)))
        .collect();

    let body_paragraphs: Vec<&str> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p.as_str()),
            Block::Caption { .. } => None,
        })
        .collect();
    let header = front.date.or(header_date);
    let (date, date_basis) = infer_article_date(header, front.date.is_some(), &body_paragraphs);

    let title_derived = title.is_none();
    let title = title.unwrap_or_else(|| derive_title(&blocks, id));

    Article {
        id: id.to_string(),
        title,
        title_derived,
        date,
        date_basis,
        source,
        blocks,
    }
}

fn split_front_matter(text: &str) -> (FrontMatter, &str) {
    let mut front = FrontMatter::default();
    let Some(rest) = text.strip_prefix("---\n") else {
        return (front, text);
    };
    let Some(end) = rest
        .find("\n---")
        .filter(|&e| rest[e + 4..].starts_with('\n') || rest.len() == e + 4)
    else {
        return (front, text);
    };
    for line in rest[..end].lines() {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().trim_matches('"').trim();
        if value.is_empty() {
            continue;
        }
        match key.trim().to_ascii_lowercase().as_str() {
            "title" => front.title = Some(value.to_string()),
            "date" => front.date = PartialDate::parse(value),
            "source" => front.source = Some(value.to_string()),
            _ => {}
        }
    }
    (front, rest[end + 4..].trim_start_matches('\n'))
}

/// Reads a first line ` date 2023-12 …`, returning the date and the body
/// with the header removed (text after the date on that line is kept).
fn split_header_date(body: &str) -> (Option<PartialDate>, &str) {
    let trimmed = body.trim_start();
    let Some(after) = trimmed.strip_prefix("date ") else {
        return (None, body);
    };
    let token_end = after.find([' ', '\n']).unwrap_or(after.len());
    match PartialDate::parse(&after[..token_end]) {
        Some(date) => (Some(date), after[token_end..].trim_start_matches(' ')),
        None => (None, body),
    }
}

fn split_paragraphs(body: &str, kind: FileKind) -> Vec<String> {
    match kind {
        FileKind::Text => body
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect(),
        FileKind::Markdown => body
            .split("\n\n")
            .map(|block| {
                block
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .filter(|p| !p.is_empty())
            .collect(),
    }
}

fn is_title_like(p: &str) -> bool {
    let p = p.trim_start_matches('#').trim();
    p.chars().count() <= MAX_TITLE_CHARS
        && p.split_whitespace().count() >= 2
        && !p.ends_with(['.', ';', ','])
        && caption(p).is_none()
        && lede_source(p).is_none()
        && trailer_source(p).is_none()
}

/// "Theo Chinhphu.vn/TTXVN" as the last paragraph.
fn trailer_source(p: &str) -> Option<String> {
    let rest = p.strip_prefix("Theo ")?.trim().trim_end_matches('.');
    let credible = !rest.is_empty()
        && rest.chars().count() <= MAX_CREDIT_CHARS
        && rest.split_whitespace().count() <= 4
        && !rest.starts_with("phóng viên")
        && !rest.contains(',');
    credible.then(|| rest.to_string())
}

/// "VOV.VN - Bộ trưởng …": an agency name, a dash, the text.
fn lede_source(p: &str) -> Option<(String, String)> {
    let (head, rest) = p.split_once(' ')?;
    let rest = rest.trim_start();
    let rest = rest.strip_prefix(['-', '–', '—'])?.trim_start();
    let is_agency = head.chars().all(|c| c.is_alphanumeric() || c == '.')
        && (head.chars().filter(|c| c.is_uppercase()).count() >= 2
            || head.to_lowercase().ends_with(".vn"));
    (is_agency && !rest.is_empty()).then(|| (head.to_string(), rest.to_string()))
}

/// "Theo phóng viên TTXVN tại Vientiane, …": the reporting agency.
fn reporter_source(p: &str) -> Option<String> {
    let rest = p
        .strip_prefix("Theo phóng viên ")
        .or_else(|| p.strip_prefix("Theo PV "))?;
    let agency: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '.')
        .collect();
    (agency.chars().any(char::is_uppercase)).then_some(agency)
}

fn strip_closing_mark(p: &str) -> String {
    let p = p.trim();
    match p.strip_suffix("./.") {
        Some(rest) if rest.trim().is_empty() => String::new(),
        Some(rest) => format!("{}.", rest.trim_end()),
        None => p.to_string(),
    }
}

/// A paragraph that ends in a photo credit is a caption.
fn caption(p: &str) -> Option<Block> {
    if p.chars().count() > MAX_CAPTION_CHARS {
        return None;
    }
    let credible =
        |c: &str| !c.is_empty() && c.chars().count() <= MAX_CREDIT_CHARS && !c.contains(". ");
    if let Some(open) = p.rfind("(Ảnh:") {
        let close = p[open..].find(')')? + open;
        if !p[close + 1..].trim().is_empty() {
            return None;
        }
        let credit = p[open + "(Ảnh:".len()..close].trim();
        return credible(credit).then(|| Block::Caption {
            text: p[..open].trim().to_string(),
            credit: Some(credit.to_string()),
        });
    }
    let at = p.rfind("Ảnh:")?;
    let before = p[..at].trim();
    let credit = p[at + "Ảnh:".len()..].trim().trim_end_matches('.');
    let starts_cleanly = before.is_empty() || before.ends_with(['.', '!', '?', '"', '”']);
    (starts_cleanly && credible(credit)).then(|| Block::Caption {
        text: before.to_string(),
        credit: Some(credit.to_string()),
    })
}

/// A title from the opening sentence: of the lead photo's caption when the
/// article opens with one (in these sources it summarises the story), else of
/// the first paragraph; the file id when the article has no text at all.
fn derive_title(blocks: &[Block], id: &str) -> String {
    let opening = blocks.iter().find_map(|b| match b {
        Block::Paragraph(p) => Some(p.as_str()),
        Block::Caption { text, .. } if !text.is_empty() => Some(text.as_str()),
        Block::Caption { .. } => None,
    });
    let Some(opening) = opening else {
        return id.to_string();
    };
    let sentence = crate::sentence::first(opening).trim_end_matches(['.', ' ']);
    if !sentence.chars().any(char::is_alphanumeric) {
        // Nothing to call it by in the text ("…", "./."): the file name it is.
        return id.to_string();
    }
    shorten(sentence, DERIVED_TITLE_CHARS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::DateBasis;

    #[test]
    fn header_line_gives_the_date_and_keeps_its_text() {
        let a = parse_article(
            "x",
            " date 2025-01 Tổng Bí thư Tô Lâm tiếp đoàn.\n\nĐoạn hai.",
            FileKind::Text,
        );
        assert_eq!(a.date, PartialDate::parse("2025-01"));
        assert_eq!(a.date_basis, DateBasis::Header);
        assert_eq!(a.paragraphs().next(), Some("Tổng Bí thư Tô Lâm tiếp đoàn."));
        assert!(a.title_derived);
        assert_eq!(a.title, "Tổng Bí thư Tô Lâm tiếp đoàn");
    }

    #[test]
    fn a_date_written_in_words_dates_the_article() {
        let raw = "Hợp tác an ninh Việt Nam - Lào\nNgày 10 tháng 2 năm 2020, Bộ trưởng Tô Lâm hội đàm với Bộ trưởng Vilay Lakhamphong.\nHai bên ký biên bản.";
        let a = parse_article("x", raw, FileKind::Text);
        assert_eq!(a.date, PartialDate::parse("2020-02-10"));
        assert_eq!(a.date_basis, DateBasis::DatelineAndFullDate);
    }

    #[test]
    fn front_matter_overrides_what_is_inferred() {
        let raw = "---\ntitle: Tiêu đề riêng\ndate: 2024-05-01\nsource: Báo Nhân Dân\n---\n date 2023-12 Ngày 6/12, đoàn đến Lào.\nĐoạn hai.";
        let a = parse_article("x", raw, FileKind::Text);
        assert_eq!(a.title, "Tiêu đề riêng");
        assert!(!a.title_derived);
        assert_eq!(a.date, PartialDate::parse("2024-05-01"));
        assert_eq!(a.date_basis, DateBasis::FrontMatter);
        assert_eq!(a.source.as_deref(), Some("Báo Nhân Dân"));
    }

    #[test]
    fn short_first_line_is_the_title_and_agency_lede_the_source() {
        let raw = "Tăng cường hợp tác an ninh Việt Nam - Lào\nVOV.VN - Bộ trưởng thông báo kết quả\nChiều nay (15/1), năm 2015.";
        let a = parse_article("x", raw, FileKind::Text);
        assert_eq!(a.title, "Tăng cường hợp tác an ninh Việt Nam - Lào");
        assert_eq!(a.source.as_deref(), Some("VOV.VN"));
        assert_eq!(a.paragraphs().next(), Some("Bộ trưởng thông báo kết quả"));
    }

    #[test]
    fn trailer_is_the_source_and_leaves_the_body() {
        let raw = "Một đoạn văn dài về hội đàm, ngày 10/2 năm 2020.\nĐoạn cuối./.\n\nTheo Chinhphu.vn/TTXVN";
        let a = parse_article("x", raw, FileKind::Text);
        assert_eq!(a.source.as_deref(), Some("Chinhphu.vn/TTXVN"));
        assert_eq!(
            a.paragraphs().collect::<Vec<_>>(),
            [
                "Một đoạn văn dài về hội đàm, ngày 10/2 năm 2020.",
                "Đoạn cuối."
            ]
        );
    }

    #[test]
    fn photo_credits_make_captions() {
        assert_eq!(
            caption("Quang cảnh cuộc hội đàm. (Ảnh: Phạm Kiên/TTXVN)"),
            Some(Block::Caption {
                text: "Quang cảnh cuộc hội đàm.".into(),
                credit: Some("Phạm Kiên/TTXVN".into())
            })
        );
        assert_eq!(
            caption("Đoàn đại biểu chụp ảnh kỷ niệm. Ảnh: TTXVN phát"),
            Some(Block::Caption {
                text: "Đoàn đại biểu chụp ảnh kỷ niệm.".into(),
                credit: Some("TTXVN phát".into())
            })
        );
        assert_eq!(
            caption("Bài viết nói về Ảnh: một đề tài. Và còn nhiều câu nữa ở đây."),
            None
        );
    }

    #[test]
    fn markdown_paragraphs_are_joined_across_hard_wraps() {
        let raw = "# Tiêu đề bài\n\nDòng một\ndòng hai.\n\nĐoạn hai.";
        let a = parse_article("x", raw, FileKind::Markdown);
        assert_eq!(a.title, "Tiêu đề bài");
        assert_eq!(
            a.paragraphs().collect::<Vec<_>>(),
            ["Dòng một dòng hai.", "Đoạn hai."]
        );
    }

    #[test]
    fn a_text_of_punctuation_is_titled_by_its_file_name() {
        for raw in [".", "…", "-- !", "\u{a0}."] {
            assert_eq!(
                parse_article("tep", raw, FileKind::Text).title,
                "tep",
                "{raw:?}"
            );
        }
    }

    #[test]
    fn an_empty_text_still_parses() {
        let a = parse_article("trong", "", FileKind::Text);
        assert_eq!(a.title, "trong");
        assert!(a.blocks.is_empty());
        assert_eq!(a.date, None);
    }

    #[test]
    fn a_derived_title_is_the_opening_sentence_as_the_splitter_cuts_it() {
        let title = |body: &str| parse_article("x", body, FileKind::Text).title;
        assert_eq!(
            title("Tại TP. Hồ Chí Minh, hội nghị mở. Câu sau."),
            "Tại TP. Hồ Chí Minh, hội nghị mở"
        );
        // A sentence ends after an acronym that is not an abbreviation of a title or place.
        assert_eq!(
            title("Đoàn đã đến thăm VN. Chiều cùng ngày, hai bên hội đàm."),
            "Đoàn đã đến thăm VN"
        );
        // The quote that closes the sentence stays with it.
        assert_eq!(
            title("Ông Lâm nói: “Hợp tác là then chốt.” Hai bên ký biên bản."),
            "Ông Lâm nói: “Hợp tác là then chốt.”"
        );
        // An ellipsis before a capital ends the sentence.
        assert_eq!(
            title("Mưa lớn kéo dài… Nhiều tuyến đường ngập sâu."),
            "Mưa lớn kéo dài…"
        );
    }
}
