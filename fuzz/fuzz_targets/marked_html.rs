//! Any text: the marked HTML the reader sets is accepted by its Trusted
//! Types check and shows exactly the article's text, paragraph numbers and
//! the photo label included.
#![no_main]

use doichieu_core::extract::Extractor;
use doichieu_core::highlight::{lay_out, to_html, HtmlOptions, LaidBlock, Piece};
use doichieu_core::{markup, parse_article, Corpus, FileKind};
use libfuzzer_sys::fuzz_target;

fn text(pieces: &[Piece<'_>], out: &mut String) {
    for piece in pieces {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Mark { inner, .. } => text(inner, out),
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(raw) = std::str::from_utf8(data) else { return };
    // The first line is the article's id, as a file name would give it.
    let (id, body) = raw.split_once('\n').unwrap_or(("a", raw));
    let mut corpus = Corpus {
        articles: vec![parse_article(id, body, FileKind::Text)],
        ..Corpus::default()
    };
    corpus.annotate(&Extractor::default());
    let blocks = lay_out(&corpus, 0, |_| true);
    let link = |n: u32| (format!("#/read/{id}?p={n}"), format!("{body:.20} {n}"));
    let html = to_html(
        &corpus,
        &blocks,
        &HtmlOptions {
            article_id: id,
            emphasised: Some(0),
            target: Some(1),
            photo_label: "Ảnh",
            paragraph_link: &link,
        },
    );
    let shown = markup::text_of(&html).unwrap_or_else(|e| panic!("{e}: {html}"));
    let mut expected = String::new();
    for block in &blocks {
        match block {
            LaidBlock::Paragraph { number, pieces } => {
                expected.push_str(&number.to_string());
                text(pieces, &mut expected);
            }
            LaidBlock::Caption { text: caption, credit } => {
                if let Some(caption) = caption {
                    text(caption, &mut expected);
                }
                if let Some(credit) = credit {
                    expected.push_str("Ảnh: ");
                    text(credit, &mut expected);
                }
            }
        }
    }
    assert_eq!(shown, expected.replace('\0', "\u{FFFD}"));
});
