//! Text normalisation: NFC, one tone-mark placement, tidy whitespace.
//!
//! Vietnamese has two spellings in common use for the open syllables
//! *oa*, *oe* and *uy*: the tone mark on the second vowel ("hoà", "thuỷ",
//! "khoẻ") or on the first ("hòa", "thủy", "khỏe"). Both appear in the same
//! newspaper, often in the same article. The core settles on the second form
//! (mark on the first vowel), which is the more frequent in current news, so
//! that "hoà bình" and "hòa bình" are the same words everywhere: in search,
//! in entity names and in the text shown.

use unicode_normalization::UnicodeNormalization;

/// Each row: a base vowel, then its five toned forms (grave, acute, hook
/// above, tilde, dot below). Written out from the Vietnamese alphabet.
const VOWELS: [&str; 24] = [
    "aàáảãạ",
    "ăằắẳẵặ",
    "âầấẩẫậ",
    "eèéẻẽẹ",
    "êềếểễệ",
    "iìíỉĩị",
    "oòóỏõọ",
    "ôồốổỗộ",
    "ơờớởỡợ",
    "uùúủũụ",
    "ưừứửữự",
    "yỳýỷỹỵ",
    "AÀÁẢÃẠ",
    "ĂẰẮẲẴẶ",
    "ÂẦẤẨẪẬ",
    "EÈÉẺẼẸ",
    "ÊỀẾỂỄỆ",
    "IÌÍỈĨỊ",
    "OÒÓỎÕỌ",
    "ÔỒỐỔỖỘ",
    "ƠỜỚỞỠỢ",
    "UÙÚỦŨỤ",
    "ƯỪỨỬỮỰ",
    "YỲÝỶỸỴ",
];

/// Each vowel's row and tone, by character: `row * 6 + tone + 1`, 0 for a
/// character that is no vowel. Every vowel is below U+0250 or in Latin
/// Extended Additional (U+1EA0..U+1EFA).
struct VowelTable {
    low: [u8; 0x250],
    additional: [u8; 0x5A],
}

fn vowel_table() -> &'static VowelTable {
    static TABLE: std::sync::OnceLock<VowelTable> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = VowelTable {
            low: [0; 0x250],
            additional: [0; 0x5A],
        };
        for (row, forms) in VOWELS.iter().enumerate() {
            for (tone, c) in forms.chars().enumerate() {
                let code = (row * 6 + tone + 1) as u8;
                match c as usize {
                    i @ 0..0x250 => table.low[i] = code,
                    i @ 0x1EA0..0x1EFA => table.additional[i - 0x1EA0] = code,
                    _ => unreachable!("every Vietnamese vowel is in the table's ranges"),
                }
            }
        }
        table
    })
}

/// Splits a vowel into (row, tone), tone 0 meaning none.
fn vowel_parts(c: char) -> Option<(usize, usize)> {
    let table = vowel_table();
    let code = match c as usize {
        i @ 0..0x250 => table.low[i],
        i @ 0x1EA0..0x1EFA => table.additional[i - 0x1EA0],
        _ => 0,
    };
    (code > 0).then(|| {
        let v = (code - 1) as usize;
        (v / 6, v % 6)
    })
}

fn vowel_with_tone(row: usize, tone: usize) -> char {
    VOWELS[row].chars().nth(tone).expect("tone index is 0..=5")
}

fn base_lower(c: char) -> Option<char> {
    vowel_parts(c).map(|(row, _)| VOWELS[row % 12].chars().next().expect("row is non-empty"))
}

/// Normalises article text: NFC, one tone-mark placement, no stray
/// whitespace (non-breaking and other spaces become a plain space, runs of
/// spaces collapse, line ends are `\n`, lines are trimmed). A NUL, which no
/// page can show, becomes the replacement character U+FFFD.
pub fn normalize(input: &str) -> String {
    // Most text arrives composed already; composing is the slow part.
    let nfc: std::borrow::Cow<'_, str> = if input.is_ascii() || input.chars().all(composed) {
        std::borrow::Cow::Borrowed(input)
    } else {
        match unicode_normalization::is_nfc_quick(input.chars()) {
            unicode_normalization::IsNormalized::Yes => std::borrow::Cow::Borrowed(input),
            _ => std::borrow::Cow::Owned(input.nfc().collect()),
        }
    };
    let mut out = String::with_capacity(nfc.len());
    for (i, line) in nfc.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if is_tidy(line) {
            out.push_str(line);
        } else {
            tidy_line(line, &mut out);
        }
    }
    // "Ðảng": the Icelandic eth typed for the Vietnamese Đ (as long in UTF-8).
    if out.contains(['\u{00D0}', '\u{00F0}']) {
        out = out.replace('\u{00D0}', "Đ").replace('\u{00F0}', "đ");
    }
    place_tone_marks(&out)
}

/// A character that is composed whatever surrounds it (no canonical
/// combining class, and NFC's quick check says yes): Latin up to the
/// combining marks, Latin Extended Additional (Vietnamese's letters with
/// two marks) and the common punctuation (dashes, quotes, the ellipsis).
/// A text of these only is in NFC already, without the Unicode tables.
fn composed(c: char) -> bool {
    matches!(c, '\0'..='\u{02FF}' | '\u{1E00}'..='\u{1EFF}' | '\u{2010}'..='\u{2027}')
}

/// A line with nothing to tidy: no tab, carriage return, NUL, unusual space or
/// byte-order mark (their UTF-8 lead bytes are absent), no double space,
/// nothing to trim.
fn is_tidy(line: &str) -> bool {
    let bytes = line.as_bytes();
    bytes.first().is_none_or(|&b| b != b' ')
        && bytes.last().is_none_or(|&b| b != b' ')
        && !bytes
            .iter()
            .any(|&b| matches!(b, b'\t' | b'\r' | b'\0' | 0xC2 | 0xE2 | 0xE3 | 0xEF))
        && !bytes.windows(2).any(|w| w == b"  ")
}

fn tidy_line(line: &str, out: &mut String) {
    let mut last_space = true;
    let start = out.len();
    for c in line.chars() {
        let c = match c {
            '\u{00A0}'
            | '\u{2000}'..='\u{200A}'
            | '\u{202F}'
            | '\u{205F}'
            | '\u{3000}'
            | '\t'
            | '\r' => ' ',
            '\0' => '\u{FFFD}',
            '\u{200B}' | '\u{FEFF}' => continue,
            other => other,
        };
        if c == ' ' {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
        } else {
            out.push(c);
            last_space = false;
        }
    }
    while out.len() > start && out.ends_with(' ') {
        out.pop();
    }
}

/// Moves the tone mark of an open *oa*, *oe* or *uy* syllable from the
/// second vowel to the first ("hoà" → "hòa", "thuỷ" → "thủy"); leaves
/// closed syllables ("hoàn", "thuyết") and *qu* + *y* ("quý") alone, where
/// both conventions agree. One pass; only words that need it are rewritten.
pub fn place_tone_marks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    // The current word: its last three letters with their byte offsets, and how many vowels it has.
    let mut tail: [(usize, char); 3] = [(0, ' '); 3];
    let mut letters = 0usize;
    let mut vowels = 0usize;
    let mut finish =
        |end: usize, tail: &[(usize, char); 3], letters: usize, vowels: usize, out: &mut String| {
            if letters < 2 || vowels != 2 {
                return;
            }
            let ((at1, first), (_, second)) = (tail[1], tail[2]);
            let Some(((row1, 0), (row2, tone2))) = vowel_parts(first).zip(vowel_parts(second))
            else {
                return;
            };
            let base = |row: usize| VOWELS[row % 12].chars().next().expect("row is non-empty");
            if tone2 == 0
                || !matches!(
                    (base(row1), base(row2)),
                    ('o', 'a') | ('o', 'e') | ('u', 'y')
                )
            {
                return;
            }
            // "qu" is a consonant: in "quý" the tone rightly sits on the y.
            if base(row1) == 'u' && letters >= 3 && matches!(tail[0].1, 'q' | 'Q') {
                return;
            }
            out.push_str(&text[copied..at1]);
            out.push(vowel_with_tone(row1, tone2));
            out.push(vowel_with_tone(row2, 0));
            copied = end;
        };
    for (at, c) in text.char_indices() {
        if is_letter(c) {
            tail = [tail[1], tail[2], (at, c)];
            letters += 1;
            if vowel_parts(c).is_some() {
                vowels += 1;
            }
        } else {
            if letters > 0 {
                finish(at, &tail, letters, vowels, &mut out);
            }
            letters = 0;
            vowels = 0;
        }
    }
    if letters > 0 {
        finish(text.len(), &tail, letters, vowels, &mut out);
    }
    out.push_str(&text[copied..]);
    out
}

/// A letter, with the common ASCII case answered without the Unicode tables.
pub fn is_letter(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphabetic(),
        '\u{00D7}' | '\u{00F7}' => false,
        '\u{00C0}'..='\u{024F}' | '\u{1EA0}'..='\u{1EF9}' => true,
        _ => c.is_alphabetic(),
    }
}

/// Folds Vietnamese text to lower-case ASCII: "Tô Lâm" → "to lam",
/// "Đà Nẵng" → "da nang". Used for slugs and accent-insensitive search.
pub fn fold_ascii(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let c = match c {
            'đ' | 'Đ' => 'd',
            _ => match base_lower(c) {
                Some('ă' | 'â') => 'a',
                Some('ê') => 'e',
                Some('ô' | 'ơ') => 'o',
                Some('ư') => 'u',
                Some(b) => b,
                None => c,
            },
        };
        out.extend(c.to_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_eth_typed_for_d_with_stroke_is_read_as_it() {
        assert_eq!(
            normalize("Ðảng và Nhà nước, ðồng chí"),
            "Đảng và Nhà nước, đồng chí"
        );
    }

    use super::*;

    #[test]
    fn a_character_read_as_composed_is_one_whatever_surrounds_it() {
        use unicode_normalization::char::canonical_combining_class;
        use unicode_normalization::{is_nfc_quick, IsNormalized};
        for c in ('\0'..='\u{2FFF}').filter(|&c| composed(c)) {
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
        }
    }

    #[test]
    fn every_vowel_and_only_a_vowel_has_its_row_and_tone() {
        for c in '\0'..='\u{2FFF}' {
            let listed = VOWELS.iter().enumerate().find_map(|(row, forms)| {
                forms.chars().position(|v| v == c).map(|tone| (row, tone))
            });
            assert_eq!(vowel_parts(c), listed, "{c:?}");
        }
    }

    #[test]
    fn both_tone_placements_become_one() {
        assert_eq!(normalize("hoà bình"), "hòa bình");
        assert_eq!(normalize("hòa bình"), "hòa bình");
        assert_eq!(normalize("ma tuý"), "ma túy");
        assert_eq!(normalize("cụ thể hoá"), "cụ thể hóa");
        assert_eq!(normalize("khoẻ mạnh"), "khỏe mạnh");
        assert_eq!(normalize("Uỷ ban"), "Ủy ban");
        assert_eq!(normalize("THUỶ"), "THỦY");
    }

    #[test]
    fn closed_syllables_and_qu_are_left_alone() {
        assert_eq!(normalize("hoàn thành"), "hoàn thành");
        assert_eq!(normalize("thuyết phục"), "thuyết phục");
        assert_eq!(normalize("quý báu"), "quý báu");
        assert_eq!(normalize("Quỳnh"), "Quỳnh");
        assert_eq!(normalize("khuya"), "khuya");
    }

    #[test]
    fn decomposed_input_is_composed() {
        let nfd = "Vie\u{302}\u{323}t Nam"; // "Việt" with combining marks
        assert_eq!(normalize(nfd), "Việt Nam");
        assert_eq!(normalize(nfd).chars().count(), 8);
    }

    #[test]
    fn whitespace_is_tidied_but_lines_are_kept() {
        assert_eq!(
            normalize("  Tô\u{a0}\u{a0}Lâm  \r\n\tHà Nội "),
            "Tô Lâm\nHà Nội"
        );
        assert_eq!(normalize("a\u{feff}b"), "ab");
        assert_eq!(normalize("a\0b"), "a\u{FFFD}b");
    }

    #[test]
    fn folding_strips_every_vietnamese_mark() {
        assert_eq!(fold_ascii("Tô Lâm"), "to lam");
        assert_eq!(fold_ascii("Đà Nẵng"), "da nang");
        assert_eq!(fold_ascii("Ủy viên Bộ Chính trị"), "uy vien bo chinh tri");
        assert_eq!(fold_ascii("Viêng Chăn"), "vieng chan");
    }
}
