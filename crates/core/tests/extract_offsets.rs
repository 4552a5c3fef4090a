//! Whatever the text, every mention is a valid slice of it: start < end,
//! both on character boundaries, and the slice is the mention's text.
#![cfg(not(target_arch = "wasm32"))]

use doichieu_core::extract::Extractor;
use doichieu_core::normalize;
use proptest::prelude::*;

/// Syllables, cue words, numbers and punctuation of Vietnamese news, mixed at random.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "Bộ",
            "trưởng",
            "Bộ Công an",
            "Tô",
            "Lâm",
            "ông",
            "bà",
            "tỉnh",
            "Nghệ An",
            "TP.",
            "HCM",
            "TP.HCM",
            "Viêng Chăn",
            "Đại hội",
            "lần thứ",
            "XIII",
            "ngày",
            "tháng",
            "năm",
            "10/2",
            "5/2/2026",
            "1/2020",
            "quý",
            "I",
            "Ủy ban",
            "nhân dân",
            "và",
            "Thủ tướng",
            "Lào",
            "Vilay",
            "Lakhamphong",
            "Kong",
            "Thong",
            "(Ảnh:",
            "TTXVN)",
            "UBND",
            "Công ty",
            "Sở",
            "Y tế",
            "Nguyễn",
            "Văn",
            "An",
            "huyện",
            "Kỳ Anh",
            "đồng chí",
            "Chiều",
            "Tại",
        ])
        .prop_map(String::from),
        "[ ,.;:()\\-/–\n]{1,3}",
        "[0-9]{1,4}",
        "\\PC{1,6}",
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..40).prop_map(|pieces| pieces.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn every_mention_is_a_slice_of_the_text(raw in text()) {
        let text = normalize(&raw);
        for m in Extractor::default().extract_text(&text) {
            prop_assert!(m.start < m.end && m.end <= text.len(), "{m:?}");
            prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
            prop_assert_eq!(&text[m.start..m.end], m.text);
        }
    }

    #[test]
    fn any_text_at_all_is_safe(raw in "\\PC{0,200}") {
        let text = normalize(&raw);
        for m in Extractor::default().extract_text(&text) {
            prop_assert_eq!(&text[m.start..m.end], m.text);
        }
    }
}
