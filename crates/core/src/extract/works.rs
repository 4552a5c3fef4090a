//! Works and shows named by a quoted title after their noun: phim "Đào,
//! phở và piano", ca khúc "Hà Nội mùa thu", cuốn sách "Nhật ký Đặng Thùy
//! Trâm", chương trình "Gặp nhau cuối tuần". The names inside such a title
//! belong to the title and are not mentions; quotes after any other word
//! (a statement, a nickname, a charge) are left alone.

use crate::extract::gazetteer::WordRole;
use crate::extract::token::TokenKind;
use crate::extract::{Doc, Proposal};

/// A quoted title is at most this many tokens.
const MAX_TITLE_TOKENS: usize = 40;

/// The byte ranges inside the quotes of every work's quoted title in `doc`,
/// in text order. Two titles joined by a comma or "và" after one noun
/// ("hai ca khúc \"…\" và \"…\"") are both titles.
pub fn quoted_titles(doc: &Doc<'_>) -> Vec<(usize, usize)> {
    let tokens = &doc.tokens;
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !(opening_quote(doc, i) && after_work_noun(doc, i)) {
            i += 1;
            continue;
        }
        // The title, and any more joined to it.
        let mut open = i;
        while let Some(close) = closing_quote(doc, open) {
            out.push((tokens[open].end, tokens[close].start));
            i = close + 1;
            let next = match tokens.get(close + 1).map(|t| t.text) {
                Some("," | "và") => close + 2,
                _ => break,
            };
            if !opening_quote(doc, next) {
                break;
            }
            open = next;
        }
        i = i.max(open + 1);
    }
    out
}

/// Drops from `proposals` every one that starts or ends inside a quoted
/// title (`titles` as [`quoted_titles`] gives them). A span holding a whole
/// title is kept.
pub fn drop_inside(titles: &[(usize, usize)], proposals: &mut Vec<Proposal>) {
    if titles.is_empty() {
        return;
    }
    let inside = |at: usize| titles.iter().any(|&(s, e)| s <= at && at < e);
    proposals.retain(|p| !(inside(p.start) || (p.end > 0 && inside(p.end - 1))));
}

/// Token `i` opens a quotation: an opening curly quote, or a straight one
/// written as an opening quote is, a space before it and none after.
fn opening_quote(doc: &Doc<'_>, i: usize) -> bool {
    let Some(t) = doc.tokens.get(i).filter(|t| t.kind == TokenKind::Punct) else {
        return false;
    };
    match t.text {
        "“" | "‘" => true,
        "\"" => t.space_before && doc.tokens.get(i + 1).is_some_and(|n| !n.space_before),
        _ => false,
    }
}

/// The token that closes the quotation opened at `open`, in the same
/// paragraph and not far off, with something quoted between them.
fn closing_quote(doc: &Doc<'_>, open: usize) -> Option<usize> {
    let closer = match doc.tokens[open].text {
        "“" => "”",
        "‘" => "’",
        _ => "\"",
    };
    let tokens = &doc.tokens;
    let last = tokens.len().min(open + 2 + MAX_TITLE_TOKENS);
    let close = (open + 1..last).find(|&k| tokens[k].text == closer)?;
    let between = &doc.text[tokens[open].end..tokens[close].start];
    (close > open + 1 && !between.contains('\n')).then_some(close)
}

/// A work's noun ends right before token `i`, or a naming word after it does.
fn after_work_noun(doc: &Doc<'_>, i: usize) -> bool {
    let listed = &doc.gazetteer.rule_words;
    let ends_in = |i: usize, role: WordRole| -> Option<usize> {
        (1..=listed.longest(role).min(i))
            .rev()
            .find(|&n| listed.has(role, doc.lower(i - n, i)) && words(doc, i - n, i))
            .map(|n| i - n)
    };
    let before = ends_in(i, WordRole::WorkNaming).unwrap_or(i);
    ends_in(before, WordRole::WorkNoun).is_some()
}

/// Tokens `i..j` are all words.
fn words(doc: &Doc<'_>, i: usize, j: usize) -> bool {
    doc.tokens[i..j].iter().all(|t| t.kind == TokenKind::Word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entity::EntityType;
    use crate::extract::Extractor;

    fn titles(text: &str) -> Vec<&str> {
        let g = crate::extract::gazetteer::sample();
        let doc = Doc::new(text, &g);
        quoted_titles(&doc)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    fn mentions(text: &str) -> Vec<(&str, EntityType)> {
        Extractor::default()
            .extract_text(text)
            .into_iter()
            .map(|f| (f.text, f.kind))
            .collect()
    }

    #[test]
    fn a_quoted_title_after_a_work_noun_is_found() {
        assert_eq!(
            titles("bộ phim \"Đào, phở và piano\" của đạo diễn"),
            ["Đào, phở và piano"]
        );
        assert_eq!(
            titles("Ca khúc “Hà Nội mùa thu” vang lên"),
            ["Hà Nội mùa thu"]
        );
        assert_eq!(
            titles("cuốn sách mang tên “Nhật ký Đặng Thùy Trâm”."),
            ["Nhật ký Đặng Thùy Trâm"]
        );
        assert_eq!(
            titles("hai ca khúc “Nghệ An quê tôi” và “Bài ca Lào”"),
            ["Nghệ An quê tôi", "Bài ca Lào"]
        );
    }

    #[test]
    fn other_quotes_are_not_titles() {
        assert!(titles("ông nói: “Việt Nam luôn ủng hộ Lào”").is_empty());
        assert!(titles("ông Nguyễn Văn A (còn gọi là “Tư Lào”)").is_empty());
        assert!(titles("về tội “Lừa đảo chiếm đoạt tài sản”").is_empty());
        assert!(titles("chính sách “Một nước Trung Hoa”").is_empty());
        // A closing quote after a work noun opens nothing.
        assert!(titles("ông nói \"tôi thích xem phim\" rồi nói \"Hà Nội đẹp\"").is_empty());
        // No closing quote in the paragraph.
        assert!(titles("bộ phim “Hà Nội\n\nmùa thu").is_empty());
    }

    #[test]
    fn names_inside_a_work_title_are_not_mentions() {
        let got =
            mentions("Bộ phim “Đào, phở và piano” của đạo diễn Phi Tiến Sơn ra mắt tại Hà Nội.");
        assert!(
            got.contains(&("Phi Tiến Sơn", EntityType::Person)),
            "{got:?}"
        );
        assert!(got.contains(&("Hà Nội", EntityType::Location)), "{got:?}");
        let got = mentions(
            "Chương trình “Gặp nhau cuối tuần” và ca khúc “Hà Nội mùa thu” được yêu thích.",
        );
        assert!(!got.iter().any(|(t, _)| t.contains("Hà Nội")), "{got:?}");
        let got = mentions("Ông nói: “Hà Nội luôn chào đón bạn bè”.");
        assert!(got.contains(&("Hà Nội", EntityType::Location)), "{got:?}");
    }

    #[test]
    fn a_span_holding_a_whole_title_is_kept() {
        let p = |start, end| Proposal {
            start,
            end,
            kind: EntityType::Event,
            evidence: crate::extract::Evidence::Cue,
            canonical: None,
        };
        let mut proposals = vec![p(0, 20), p(5, 8), p(3, 12), p(12, 15)];
        drop_inside(&[(4, 12)], &mut proposals);
        assert_eq!(proposals, [p(0, 20), p(12, 15)]);
    }
}
