//! Any bytes: reading and parsing an article file never panics.
#![no_main]

use doichieu_core::corpus::decode_text;
use doichieu_core::{parse_article, FileKind};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = decode_text(data) {
        let article = parse_article("fuzz", &text, FileKind::Text);
        let _ = article.text();
        let article = parse_article("fuzz", &text, FileKind::Markdown);
        assert!(!article.title.is_empty());
    }
});
