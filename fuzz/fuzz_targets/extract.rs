//! Any bytes: extraction never panics and every mention is a slice of the text.
#![no_main]

use doichieu_core::extract::Extractor;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(raw) = std::str::from_utf8(data) else { return };
    let text = doichieu_core::normalize(raw);
    for m in Extractor::default().extract_text(&text) {
        assert!(m.start < m.end && m.end <= text.len());
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        assert_eq!(&text[m.start..m.end], m.text);
    }
});
