//! An article laid out for reading with its mentions marked: blocks
//! (numbered paragraphs, captions with credits) whose text is split into
//! plain runs and marks, marks nested where a title holds the body it is an
//! office of ("Bộ trưởng Bộ Công an").

use crate::article::{Article, Segment, SegmentKind};
use crate::corpus::{Corpus, Mark};
use crate::entity::EntityType;

/// A run of an article's text: plain, or one mention (which may hold others).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    Mark {
        mark: Mark,
        kind: EntityType,
        /// The mention's text, split by the mentions inside it.
        inner: Vec<Piece<'a>>,
    },
}

/// A block of the article as shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LaidBlock<'a> {
    /// A body paragraph, numbered from 1 (the `p` of a link).
    Paragraph { number: u32, pieces: Vec<Piece<'a>> },
    /// A photo caption and its credit; either may be missing.
    Caption {
        text: Option<Vec<Piece<'a>>>,
        credit: Option<Vec<Piece<'a>>>,
    },
}

/// Lays out the article at `index` of the corpus, marking the mentions
/// whose type `shown` accepts. A hidden mention's text stays plain, and
/// the mentions inside it are still marked.
pub fn lay_out<'a>(
    corpus: &'a Corpus,
    index: usize,
    shown: impl Fn(EntityType) -> bool,
) -> Vec<LaidBlock<'a>> {
    let article = &corpus.articles[index];
    let marks: Vec<(Mark, EntityType)> = corpus
        .marks_of(index)
        .iter()
        .map(|m| (*m, corpus.kind_of(m)))
        .filter(|(_, kind)| shown(*kind))
        .collect();
    let mut blocks = Vec::new();
    let mut number = 0;
    let mut next = 0;
    for segment in article.segments() {
        let pieces = pieces_of(&segment, &marks, &mut next);
        match segment.kind {
            SegmentKind::Paragraph => {
                number += 1;
                blocks.push(LaidBlock::Paragraph { number, pieces });
            }
            SegmentKind::Caption => blocks.push(LaidBlock::Caption {
                text: Some(pieces),
                credit: None,
            }),
            SegmentKind::Credit => match blocks.last_mut() {
                Some(LaidBlock::Caption {
                    credit: c @ None, ..
                }) => *c = Some(pieces),
                _ => blocks.push(LaidBlock::Caption {
                    text: None,
                    credit: Some(pieces),
                }),
            },
        }
    }
    blocks
}

/// The pieces of one segment. `next` is the first mark not yet placed;
/// marks are in text order, outer before inner at the same start.
fn pieces_of<'a>(
    segment: &Segment<'a>,
    marks: &[(Mark, EntityType)],
    next: &mut usize,
) -> Vec<Piece<'a>> {
    let base = segment.byte_start;
    let end = base + segment.text.len();
    // Marks before this segment (or across its start) cannot be placed.
    while *next < marks.len() && (marks[*next].0.start as usize) < base {
        *next += 1;
    }
    let mut i = *next;
    while i < marks.len() && (marks[i].0.start as usize) < end {
        i += 1;
    }
    let mine = &marks[*next..i];
    *next = i;
    let mut at = 0;
    nest(segment.text, base, 0, segment.text.len(), mine, &mut at)
}

/// The pieces of `text[from..to]` (offsets relative to `base`), taking
/// marks from `marks[*at..]` while they start before `to`. A mark that
/// crosses the end of the one around it is left out.
fn nest<'a>(
    text: &'a str,
    base: usize,
    from: usize,
    to: usize,
    marks: &[(Mark, EntityType)],
    at: &mut usize,
) -> Vec<Piece<'a>> {
    let mut out = Vec::new();
    let mut pos = from;
    while let Some(&(mark, kind)) = marks.get(*at) {
        let start = (mark.start as usize).saturating_sub(base);
        let end = (mark.end as usize).saturating_sub(base);
        if start >= to {
            break;
        }
        *at += 1;
        let fits = start >= pos && end <= to && start < end;
        if !fits || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        if start > pos {
            out.push(Piece::Text(&text[pos..start]));
        }
        let inner = nest(text, base, start, end, marks, at);
        out.push(Piece::Mark { mark, kind, inner });
        pos = end;
    }
    if pos < to {
        out.push(Piece::Text(&text[pos..to]));
    }
    out
}

/// What [`to_html`] needs beyond the blocks: the words and links of the
/// interface, and what the link asks for.
pub struct HtmlOptions<'a> {
    /// Prefix of paragraph ids: `<article-id>-p<N>`.
    pub article_id: &'a str,
    /// The entity emphasised (`hl`), by index.
    pub emphasised: Option<u32>,
    /// The paragraph of the link (`p`).
    pub target: Option<u32>,
    /// "Ảnh" / "Photo", before a credit.
    pub photo_label: &'a str,
    /// The link and its label for paragraph N.
    pub paragraph_link: &'a dyn Fn(u32) -> (String, String),
}

/// The blocks as HTML: every character of the article's text escaped, so
/// text is only ever shown as text; every mention a `<mark data-entity
/// data-type tabindex>` (class `hl` when emphasised). The text is one stop
/// of the Tab key (a roving tabindex): its first mark has `tabindex="0"`,
/// the others and every paragraph's link `"-1"`, reached with the arrow
/// keys; a text with no mark has its first paragraph's link as its stop.
pub fn to_html(corpus: &Corpus, blocks: &[LaidBlock<'_>], options: &HtmlOptions<'_>) -> String {
    let mut out = String::with_capacity(4096);
    let mut marks = Marks {
        corpus,
        options,
        stop_given: false,
    };
    let mut first_link = None;
    for block in blocks {
        match block {
            LaidBlock::Paragraph { number, pieces } => {
                let target = options.target == Some(*number);
                let (href, label) = (options.paragraph_link)(*number);
                out.push_str(if target {
                    "<div class=\"para target\">"
                } else {
                    "<div class=\"para\">"
                });
                out.push_str(PILCROW);
                first_link.get_or_insert(out.len());
                out.push_str(" href=\"");
                escape_into(&mut out, &href);
                out.push_str("\" aria-label=\"");
                escape_into(&mut out, &label);
                out.push_str(&format!("\">{number}</a><p id=\""));
                escape_into(&mut out, options.article_id);
                out.push_str(&format!("-p{number}\" data-p=\"{number}\""));
                if target {
                    out.push_str(" class=\"target\"");
                }
                out.push('>');
                marks.write(pieces, &mut out);
                out.push_str("</p></div>");
            }
            LaidBlock::Caption { text, credit } => {
                out.push_str("<figure class=\"caption\"><figcaption>");
                if let Some(text) = text {
                    out.push_str("<span class=\"caption-text\">");
                    marks.write(text, &mut out);
                    out.push_str("</span>");
                }
                if let Some(credit) = credit {
                    out.push_str("<span class=\"credit\">");
                    escape_into(&mut out, options.photo_label);
                    out.push_str(": ");
                    marks.write(credit, &mut out);
                    out.push_str("</span>");
                }
                out.push_str("</figcaption></figure>");
            }
        }
    }
    // `tabindex="-1"` ends where the first link's opening was written up to.
    if let (false, Some(end)) = (marks.stop_given, first_link) {
        out.replace_range(end - 3..end - 1, "0");
    }
    out
}

/// How every paragraph's link opens: out of the Tab order, as the marks.
const PILCROW: &str = "<a class=\"pilcrow\" tabindex=\"-1\"";

/// Writes pieces of text with their marks, the first mark being the text's stop.
struct Marks<'c, 'o> {
    corpus: &'c Corpus,
    options: &'o HtmlOptions<'o>,
    stop_given: bool,
}

impl Marks<'_, '_> {
    fn write(&mut self, pieces: &[Piece<'_>], out: &mut String) {
        for piece in pieces {
            match piece {
                Piece::Text(text) => escape_into(out, text),
                Piece::Mark { mark, kind, inner } => {
                    out.push_str("<mark data-entity=\"");
                    escape_into(out, &self.corpus.entities[mark.entity as usize].id);
                    out.push_str("\" data-type=\"");
                    out.push_str(kind.as_str());
                    out.push('"');
                    if self.options.emphasised == Some(mark.entity) {
                        out.push_str(" class=\"hl\"");
                    }
                    out.push_str(if self.stop_given {
                        " tabindex=\"-1\">"
                    } else {
                        " tabindex=\"0\">"
                    });
                    self.stop_given = true;
                    self.write(inner, out);
                    out.push_str("</mark>");
                }
            }
        }
    }
}

/// Appends `text` with the characters that mean something in HTML escaped,
/// as text or as a double-quoted attribute value, so that a page reads back
/// exactly `text`: a carriage return is written as a reference (a page
/// would read a bare one as a line feed), and a NUL, which no page keeps,
/// as the replacement character a page would show for it.
pub fn escape_into(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(i) = rest.find(['&', '<', '>', '"', '\'', '\r', '\0']) {
        out.push_str(&rest[..i]);
        out.push_str(match rest.as_bytes()[i] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\r' => "&#13;",
            b'\0' => "\u{FFFD}",
            _ => "&#39;",
        });
        rest = &rest[i + 1..];
    }
    out.push_str(rest);
}

/// The number of the paragraph holding byte `offset` of the article's
/// text; for a caption, the paragraph before it (`None` before the first).
pub fn paragraph_at(article: &Article, offset: usize) -> Option<u32> {
    let mut number = 0;
    for segment in article.segments() {
        if segment.byte_start > offset {
            break;
        }
        if segment.kind == SegmentKind::Paragraph {
            number += 1;
        }
    }
    (number > 0).then_some(number)
}

/// A mention in its sentence, cut to a readable length.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InContext {
    pub before: String,
    pub text: String,
    pub after: String,
}

/// The sentence of `text` around the byte range `start..end` (as
/// [`crate::sentence`] splits it), at most about `reach` characters on each
/// side of the mention.
pub fn in_context(text: &str, start: usize, end: usize, reach: usize) -> InContext {
    let sentence = crate::sentence::around(text, start, end);
    let before = text[sentence.start..start].trim_start();
    let after = text[end..sentence.end].trim_end();
    InContext {
        before: cut_left(before, reach),
        text: text[start..end].to_string(),
        after: crate::article::shorten(after, reach),
    }
}

/// The last `max` characters of `text`, from a word boundary, with an
/// ellipsis when anything was cut.
fn cut_left(text: &str, max: usize) -> String {
    let count = text.chars().count();
    if count <= max {
        return text.to_string();
    }
    let skip = count - max;
    let rest: String = text.chars().skip(skip).collect();
    let at_boundary = text.chars().nth(skip - 1) == Some(' ');
    let at_word = if at_boundary {
        rest.as_str()
    } else {
        rest.find(' ').map_or(rest.as_str(), |i| &rest[i + 1..])
    };
    format!("…{at_word}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{parse_article, FileKind};

    fn corpus(text: &str) -> Corpus {
        crate::corpus::annotated(&[("a", text)])
    }

    fn flat(pieces: &[Piece<'_>], out: &mut String) {
        for p in pieces {
            match p {
                Piece::Text(t) => out.push_str(t),
                Piece::Mark { kind, inner, .. } => {
                    out.push('[');
                    out.push_str(kind.as_str());
                    out.push(' ');
                    flat(inner, out);
                    out.push(']');
                }
            }
        }
    }

    fn shown(blocks: &[LaidBlock<'_>]) -> Vec<String> {
        blocks
            .iter()
            .map(|b| {
                let mut s = String::new();
                match b {
                    LaidBlock::Paragraph { number, pieces } => {
                        s.push_str(&format!("{number}: "));
                        flat(pieces, &mut s);
                    }
                    LaidBlock::Caption { text, credit } => {
                        s.push_str("caption: ");
                        flat(text.as_deref().unwrap_or_default(), &mut s);
                        s.push_str(" / ");
                        flat(credit.as_deref().unwrap_or_default(), &mut s);
                    }
                }
                s
            })
            .collect()
    }

    #[test]
    fn paragraphs_and_captions_carry_their_marks_nested() {
        let c = corpus(
            "Tiêu đề\nBộ trưởng Bộ Công an, Đại tướng Tô Lâm đến Hà Nội.\nQuang cảnh hội đàm. (Ảnh: Phạm Kiên/TTXVN)\nÔng Tô Lâm phát biểu.",
        );
        let blocks = lay_out(&c, 0, |_| true);
        assert_eq!(
            shown(&blocks),
            [
                "1: [title Bộ trưởng [organization Bộ Công an]], [title Đại tướng] [person Tô Lâm] đến [location Hà Nội].",
                "caption: Quang cảnh hội đàm. / [person Phạm Kiên]/[organization TTXVN]",
                "2: Ông [person Tô Lâm] phát biểu.",
            ]
        );
        let titles_hidden = lay_out(&c, 0, |k| k != EntityType::Title);
        assert!(shown(&titles_hidden)[0]
            .starts_with("1: Bộ trưởng [organization Bộ Công an], Đại tướng [person"));
    }

    #[test]
    fn html_escapes_every_character_of_the_text() {
        let c = corpus(
            "Tiêu đề\n<script>alert('x')</script> & \"Tô Lâm\" đến Hà Nội.\nẢnh <b>. (Ảnh: Phạm Kiên/TTXVN)",
        );
        let blocks = lay_out(&c, 0, |_| true);
        let link = |n: u32| (format!("#/read/a?p={n}"), format!("Đoạn {n}"));
        let hl = c.entity_index("location:ha-noi").map(|i| i as u32);
        let html = to_html(
            &c,
            &blocks,
            &HtmlOptions {
                article_id: "a",
                emphasised: hl,
                target: Some(1),
                photo_label: "Ảnh",
                paragraph_link: &link,
            },
        );
        assert!(!html.contains("<script>"), "{html}");
        assert!(!html.contains("<b>"), "{html}");
        assert!(
            html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;"),
            "{html}"
        );
        assert!(html.starts_with("<div class=\"para target\"><a class=\"pilcrow\" tabindex=\"-1\" href=\"#/read/a?p=1\" aria-label=\"Đoạn 1\">1</a><p id=\"a-p1\" data-p=\"1\" class=\"target\">"), "{html}");
        assert!(html.contains("<mark data-entity=\"location:ha-noi\" data-type=\"location\" class=\"hl\" tabindex=\"-1\">Hà Nội</mark>"), "{html}");
        // One stop per text: the first mark only, never a paragraph's link.
        assert_eq!(html.matches("tabindex=\"0\"").count(), 1, "{html}");
        assert_eq!(
            html.matches("<a class=\"pilcrow\" tabindex=\"-1\"").count(),
            1,
            "{html}"
        );
        assert!(
            html.contains("<span class=\"credit\">Ảnh: <mark data-entity=\"person:pham-kien\""),
            "{html}"
        );
        // Taking the tags out gives back the text.
        let mut text = String::new();
        let mut in_tag = false;
        for ch in html.chars() {
            match ch {
                '<' => in_tag = true,
                '>' => in_tag = false,
                _ if !in_tag => text.push(ch),
                _ => {}
            }
        }
        assert!(text.contains("&lt;script&gt;"), "{text}");
        // With every type hidden, the first paragraph's link is the stop.
        let plain = lay_out(&c, 0, |_| false);
        let html = to_html(
            &c,
            &plain,
            &HtmlOptions {
                article_id: "a",
                emphasised: None,
                target: None,
                photo_label: "Ảnh",
                paragraph_link: &link,
            },
        );
        assert!(!html.contains("<mark"), "{html}");
        assert!(
            html.starts_with(
                "<div class=\"para\"><a class=\"pilcrow\" tabindex=\"0\" href=\"#/read/a?p=1\""
            ),
            "{html}"
        );
        assert_eq!(html.matches("tabindex=\"0\"").count(), 1, "{html}");
        crate::markup::check(&html).unwrap();
    }

    #[test]
    fn crossing_marks_are_left_out_rather_than_broken() {
        let segment = Segment {
            kind: SegmentKind::Paragraph,
            text: "abcdef",
            char_start: 0,
            byte_start: 0,
        };
        let m = |start, end| {
            (
                Mark {
                    start,
                    end,
                    entity: 0,
                },
                EntityType::Person,
            )
        };
        let marks = [m(0, 3), m(2, 5), m(4, 6)];
        let mut next = 0;
        let pieces = pieces_of(&segment, &marks, &mut next);
        let mut s = String::new();
        flat(&pieces, &mut s);
        assert_eq!(s, "[person abc]d[person ef]");
    }

    #[test]
    fn paragraph_numbers_skip_captions() {
        let a = parse_article(
            "a",
            "Tiêu đề\nMột.\nẢnh minh họa. (Ảnh: TTXVN)\nHai.",
            FileKind::Text,
        );
        let text = a.text();
        assert_eq!(paragraph_at(&a, 0), Some(1));
        assert_eq!(paragraph_at(&a, text.find("minh").unwrap()), Some(1));
        assert_eq!(paragraph_at(&a, text.find("Hai").unwrap()), Some(2));
    }

    #[test]
    fn context_is_the_sentence_around_the_mention() {
        let text = "Câu đầu. Sáng 10/2, Bộ trưởng Tô Lâm đến Lào. Câu sau.";
        let start = text.find("Tô Lâm").unwrap();
        let c = in_context(text, start, start + "Tô Lâm".len(), 80);
        assert_eq!(c.before, "Sáng 10/2, Bộ trưởng ");
        assert_eq!(c.text, "Tô Lâm");
        assert_eq!(c.after, " đến Lào.");
        let short = in_context(text, start, start + "Tô Lâm".len(), 10);
        assert_eq!(short.before, "…Bộ trưởng ");
        let tp = "Ông A ở TP. Hồ Chí Minh.";
        let at = tp.find("Hồ").unwrap();
        let hcm = "Hồ Chí Minh".len();
        assert_eq!(in_context(tp, at, at + hcm, 80).before, "Ông A ở TP. ");
    }

    #[test]
    fn context_ends_after_a_closing_quote_and_after_a_dotted_name() {
        let lam = |text: &str| {
            let at = text.find("Tô Lâm").unwrap();
            in_context(text, at, at + "Tô Lâm".len(), 80)
        };
        let quoted = lam("Ông nói: “Đoàn sẽ đến.” Bộ trưởng Tô Lâm đến Lào. Câu sau.");
        assert_eq!(quoted.before, "Bộ trưởng ");
        assert_eq!(quoted.after, " đến Lào.");
        let dotted = lam("Hội nghị họp tại TP.HCM. Bộ trưởng Tô Lâm phát biểu. Câu sau.");
        assert_eq!(dotted.before, "Bộ trưởng ");
        let named = lam("Ông gặp PGS.TS. Lê Hà và Bộ trưởng Tô Lâm tại Tp. Thủ Đức. Sau đó về.");
        assert_eq!(named.before, "Ông gặp PGS.TS. Lê Hà và Bộ trưởng ");
        assert_eq!(named.after, " tại Tp. Thủ Đức.");
    }
}

/// Markup cannot be injected: whatever an article, its id or a link holds,
/// the marked HTML, read back by a browser's parser (html5ever), shows
/// exactly the article's text, in the reader's elements and attributes only.
/// (Native only, as are the property tests' dependencies.)
#[cfg(all(test, not(target_arch = "wasm32")))]
mod injection {
    use super::*;
    use crate::markup::{self, ELEMENTS};
    use crate::view::{Query, Route, ViewState};
    use html5ever::tendril::TendrilSink;
    use html5ever::{local_name, ns, parse_fragment, ParseOpts, QualName};
    use markup5ever_rcdom::{Handle, NodeData, RcDom};
    use proptest::prelude::*;

    /// Pieces of hostile text: markup, references, quotes, bidi controls,
    /// NUL and other controls, replacement and non-characters, and the
    /// names the extractor marks, so that marks sit among them.
    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            prop::sample::select(vec![
                "<script>alert(1)</script>",
                "<img src=x onerror=alert(1)>",
                "<svg onload=alert(1)>",
                "</p></div><div>",
                "</mark>",
                "<mark data-entity=\"person:x\">",
                "<a href=\"javascript:alert(1)\">",
                "<!--",
                "-->",
                "<![CDATA[",
                "]]>",
                "<p",
                "&amp;",
                "&lt;",
                "&#60;",
                "&#x3C;",
                "&nbsp;",
                "&",
                "&#0;",
                "\"",
                "'",
                "`",
                "“",
                "”",
                "=",
                "\u{202E}",
                "\u{202D}",
                "\u{2066}",
                "\u{2069}",
                "\u{200F}",
                "\u{061C}",
                "\0",
                "\r",
                "\r\n",
                "\t",
                "\u{1}",
                "\u{7F}",
                "\u{85}",
                "\u{C}",
                "\u{FFFD}",
                "\u{FFFE}",
                "\u{10FFFF}",
                "Bộ trưởng Bộ Công an Tô Lâm",
                "Hà Nội",
                "Viêng Chăn",
                "ngày 5/2/2026",
                "(Ảnh: Phạm Kiên/TTXVN)",
            ])
            .prop_map(String::from),
            "[ \n]{1,2}",
            any::<char>().prop_map(String::from),
            "\\PC{1,6}",
        ]
    }

    fn text() -> impl Strategy<Value = String> {
        prop::collection::vec(piece(), 1..40).prop_map(|pieces| pieces.concat())
    }

    /// A value a link or a file name could hold.
    fn value() -> impl Strategy<Value = String> {
        prop::collection::vec(piece(), 0..4).prop_map(|pieces| pieces.concat())
    }

    /// The element's text, as `textContent`.
    fn text_content(node: &Handle, out: &mut String) {
        if let NodeData::Text { contents } = &node.data {
            out.push_str(&contents.borrow());
        }
        for child in node.children.borrow().iter() {
            text_content(child, out);
        }
    }

    fn attr(node: &Handle, name: &str) -> Option<String> {
        let NodeData::Element { attrs, .. } = &node.data else {
            return None;
        };
        let attrs = attrs.borrow();
        attrs
            .iter()
            .find(|a| &*a.name.local == name)
            .map(|a| a.value.to_string())
    }

    /// What the page shows, read from the parsed fragment.
    #[derive(Default, Debug)]
    struct Shown {
        /// Paragraphs, caption texts and credits, in order.
        blocks: Vec<(SegmentKind, String)>,
        /// Every mark: its entity and its text, in order.
        marks: Vec<(String, String)>,
        /// Every paragraph link and label, and every paragraph id.
        links: Vec<(String, String)>,
        ids: Vec<String>,
        /// Every class attribute.
        classes: Vec<String>,
        /// Elements and attributes the reader does not write.
        foreign: Vec<String>,
    }

    fn read(node: &Handle, shown: &mut Shown) {
        match &node.data {
            NodeData::Element { name, attrs, .. } => {
                let tag = &*name.local;
                match ELEMENTS.iter().find(|(n, _)| *n == tag) {
                    Some((_, allowed)) if name.ns == ns!(html) => {
                        for a in attrs.borrow().iter() {
                            if !allowed.contains(&&*a.name.local) || a.name.ns != ns!() {
                                shown.foreign.push(format!("{tag} {}", &*a.name.local));
                            }
                        }
                    }
                    _ => shown.foreign.push(tag.to_string()),
                }
                let class = attr(node, "class").unwrap_or_default();
                if let Some(class) = attr(node, "class") {
                    shown.classes.push(class);
                }
                let own = || {
                    let mut s = String::new();
                    text_content(node, &mut s);
                    s
                };
                match tag {
                    "p" => {
                        shown.blocks.push((SegmentKind::Paragraph, own()));
                        shown.ids.push(attr(node, "id").unwrap_or_default());
                    }
                    "span" if class == "caption-text" => {
                        shown.blocks.push((SegmentKind::Caption, own()))
                    }
                    "span" if class == "credit" => shown.blocks.push((SegmentKind::Credit, own())),
                    "mark" => shown
                        .marks
                        .push((attr(node, "data-entity").unwrap_or_default(), own())),
                    "a" => shown.links.push((
                        attr(node, "href").unwrap_or_default(),
                        attr(node, "aria-label").unwrap_or_default(),
                    )),
                    _ => {}
                }
            }
            NodeData::Text { .. } | NodeData::Document => {}
            other => shown.foreign.push(format!("{other:?}")),
        }
        for child in node.children.borrow().iter() {
            read(child, shown);
        }
    }

    /// Parses `html` as the page does when it sets it inside a `<div>`.
    fn parse(html: &str) -> Shown {
        let context = QualName::new(None, ns!(html), local_name!("div"));
        let dom = parse_fragment(
            RcDom::default(),
            ParseOpts::default(),
            context,
            vec![],
            true,
        )
        .one(html);
        let root = dom.document.children.borrow()[0].clone();
        let mut shown = Shown::default();
        for child in root.children.borrow().iter() {
            read(child, &mut shown);
        }
        shown
    }

    fn marks_of(corpus: &Corpus, pieces: &[Piece<'_>], out: &mut Vec<(String, String)>) {
        for piece in pieces {
            if let Piece::Mark { mark, inner, .. } = piece {
                let mut text = String::new();
                flat_text(inner, &mut text);
                out.push((corpus.entities[mark.entity as usize].id.clone(), text));
                marks_of(corpus, inner, out);
            }
        }
    }

    fn flat_text(pieces: &[Piece<'_>], out: &mut String) {
        for piece in pieces {
            match piece {
                Piece::Text(t) => out.push_str(t),
                Piece::Mark { inner, .. } => flat_text(inner, out),
            }
        }
    }

    /// Writes the article's marked HTML for a view with these link values,
    /// and checks what a browser reads back from it.
    fn round_trip(
        id: &str,
        text: &str,
        q: &str,
        e: &str,
        hl: &str,
    ) -> Result<Shown, TestCaseError> {
        let corpus = crate::corpus::annotated(&[(id, text)]);
        let article = &corpus.articles[0];
        let state = ViewState {
            route: Route::Read(id.to_string()),
            query: Query {
                q: q.to_string(),
                e: vec![e.to_string(), hl.to_string()],
                hl: Some(hl.to_string()),
                ..Query::default()
            },
        };
        let link = |n: u32| {
            let s = state.apply(crate::view::Action::Paragraph(Some(n)));
            (s.to_hash(), format!("{q} {n}"))
        };
        let label = format!("Ảnh {hl}");
        let blocks = lay_out(&corpus, 0, |_| true);
        let html = to_html(
            &corpus,
            &blocks,
            &HtmlOptions {
                article_id: id,
                emphasised: Some(0),
                target: Some(1),
                photo_label: &label,
                paragraph_link: &link,
            },
        );
        // The page's policy takes it…
        prop_assert_eq!(markup::check(&html), Ok(()), "{}", html);
        // …and a browser reads back exactly the text, in the reader's elements.
        let shown = parse(&html);
        prop_assert!(shown.foreign.is_empty(), "{:?} in {}", shown.foreign, html);
        let expected: Vec<(SegmentKind, String)> = article
            .segments()
            .map(|s| match s.kind {
                SegmentKind::Credit => (
                    s.kind,
                    format!("{}: {}", label.replace('\0', "\u{FFFD}"), s.text),
                ),
                _ => (s.kind, s.text.to_string()),
            })
            .collect();
        prop_assert_eq!(&shown.blocks, &expected);
        let mut marks = Vec::new();
        let mut paragraphs = 0;
        for block in &blocks {
            match block {
                LaidBlock::Paragraph { pieces, .. } => {
                    paragraphs += 1;
                    marks_of(&corpus, pieces, &mut marks);
                }
                LaidBlock::Caption { text, credit } => {
                    for pieces in text.iter().chain(credit) {
                        marks_of(&corpus, pieces, &mut marks);
                    }
                }
            }
        }
        prop_assert_eq!(&shown.marks, &marks);
        // A NUL, which no page keeps, is shown as U+FFFD.
        let page = |s: String| s.replace('\0', "\u{FFFD}");
        let links: Vec<_> = (1..=paragraphs)
            .map(|n| {
                let (href, label) = link(n);
                (page(href), page(label))
            })
            .collect();
        prop_assert_eq!(&shown.links, &links);
        let ids: Vec<_> = (1..=paragraphs)
            .map(|n| page(format!("{id}-p{n}")))
            .collect();
        prop_assert_eq!(&shown.ids, &ids);
        prop_assert!(links.iter().all(|(href, _)| href.starts_with('#')));
        // The policy's own reading of the text agrees with the browser's.
        prop_assert_eq!(markup::text_of(&html).unwrap(), page_text(&html));
        Ok(shown)
    }

    /// All the text of `html` parsed inside a `<div>`.
    fn page_text(html: &str) -> String {
        let context = QualName::new(None, ns!(html), local_name!("div"));
        let dom = parse_fragment(
            RcDom::default(),
            ParseOpts::default(),
            context,
            vec![],
            true,
        )
        .one(html);
        let mut text = String::new();
        text_content(&dom.document, &mut text);
        text
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn any_text_reads_back_as_exactly_that_text(text in text()) {
            round_trip("a", &text, "", "", "person:to-lam")?;
        }

        #[test]
        fn any_link_value_and_id_stays_text(
            id in value(), text in text(), q in value(), e in value(), hl in value(),
        ) {
            round_trip(&id, &text, &q, &e, &hl)?;
        }

        #[test]
        fn escaped_text_reads_back_exactly_as_text_and_as_an_attribute(s in text()) {
            let mut html = String::from("<span class=\"");
            escape_into(&mut html, &s);
            html.push_str("\">");
            escape_into(&mut html, &s);
            html.push_str("</span>");
            let shown = parse(&html);
            let page = s.replace('\0', "\u{FFFD}");
            prop_assert_eq!(page_text(&html), page.clone());
            prop_assert!(shown.foreign.is_empty(), "{:?}", shown.foreign);
            prop_assert_eq!(&shown.classes, &[page]);
            prop_assert_eq!(markup::check(&html), Ok(()));
        }
    }

    #[test]
    fn markup_in_a_file_and_its_name_is_shown_as_written() {
        let id = "x\"><script>alert(1)</script>";
        let text = "Tiêu đề\n<img src=x onerror=alert(1)> và Tô Lâm ở \"Hà Nội\" & <b>\u{202E}bidi\u{0}\nẢnh <i>x</i>. (Ảnh: Phạm Kiên/TTXVN)";
        let shown = round_trip(
            id,
            text,
            "<b>q</b>",
            "\"><svg onload=alert(1)>",
            "person:to-lam\"",
        )
        .expect("reads back");
        assert!(shown.blocks[0]
            .1
            .starts_with("<img src=x onerror=alert(1)> và Tô Lâm"));
        assert!(shown
            .marks
            .contains(&("person:to-lam".into(), "Tô Lâm".into())));
        assert_eq!(shown.ids[0], "x\"><script>alert(1)</script>-p1");
        assert!(
            shown.links[0].0.contains("q=%3Cb%3Eq%3C/b%3E"),
            "{:?}",
            shown.links
        );
    }
}
