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
/// The plain vowel of row `row` of [`VOWELS`].
fn vowel_base(row: usize) -> char {
    VOWELS[row % 12].chars().next().expect("row is non-empty")
}

/// A tone on the second vowel of "oa", "oe" or "uy" (rows `row1`, `row2`
/// of [`VOWELS`], tone `tone2` on the second): the old style, which moves
/// it to the first where the pair ends an open syllable.
fn old_style_tone(row1: usize, row2: usize, tone2: usize) -> bool {
    tone2 != 0
        && matches!(
            (vowel_base(row1), vowel_base(row2)),
            ('o', 'a') | ('o', 'e') | ('u', 'y')
        )
}

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
    let scanned = composed_scan(input);
    let nfc: std::borrow::Cow<'_, str> = if scanned.is_some() {
        std::borrow::Cow::Borrowed(input)
    } else {
        match unicode_normalization::is_nfc_quick(input.chars()) {
            unicode_normalization::IsNormalized::Yes => std::borrow::Cow::Borrowed(input),
            _ => std::borrow::Cow::Owned(input.nfc().collect()),
        }
    };
    // Most text has nothing to tidy, which one reading of it tells.
    let mut out = if is_tidy(&nfc) {
        nfc.into_owned()
    } else {
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
        out
    };
    // "Ðảng": the Icelandic eth typed for the Vietnamese Đ (as long in UTF-8:
    // C3 90 and C3 B0). Text composed already was read for it; tidying
    // neither makes nor removes one.
    let eth = scanned.unwrap_or_else(|| {
        out.as_bytes()
            .windows(2)
            .any(|w| w[0] == 0xC3 && matches!(w[1], 0x90 | 0xB0))
    });
    if eth {
        out = out.replace('\u{00D0}', "Đ").replace('\u{00F0}', "đ");
    }
    place_tone_marks_owned(out)
}

/// A character that is composed whatever surrounds it (no canonical
/// combining class, and NFC's quick check says yes): Latin up to the
/// combining marks, Latin Extended Additional (Vietnamese's letters with
/// two marks) and the common punctuation (dashes, quotes, the ellipsis).
/// A text of these only is in NFC already, without the Unicode tables
/// ([`all_composed`] reads it over the bytes).
#[cfg(test)]
fn composed(c: char) -> bool {
    matches!(c, '\0'..='\u{02FF}' | '\u{1E00}'..='\u{1EFF}' | '\u{2010}'..='\u{2027}')
}

/// [`composed`] of every character, read over the bytes: ASCII and the
/// two-byte characters up to U+02FF (lead bytes up to 0xCB), Latin Extended
/// Additional (0xE1 0xB8..=0xBB) and U+2010..=U+2027 (0xE2 0x80 0x90..=0xA7).
#[cfg(test)]
fn all_composed(text: &str) -> bool {
    composed_scan(text).is_some()
}

/// [`all_composed`], and if so, whether the text has an eth (Ð or ð):
/// none where some character may need composing.
fn composed_scan(text: &str) -> Option<bool> {
    let bytes = text.as_bytes();
    let mut eth = false;
    let mut i = 0;
    while i < bytes.len() {
        // Eight ASCII bytes at a time, or on to the first byte beyond ASCII.
        if let Some(eight) = bytes.get(i..i + 8) {
            let word = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
            let high = word & 0x8080_8080_8080_8080;
            if high == 0 {
                i += 8;
                continue;
            }
            i += high.trailing_zeros() as usize / 8;
        }
        match bytes[i] {
            0..0x80 => i += 1,
            0xC3 => {
                eth |= matches!(bytes.get(i + 1), Some(0x90 | 0xB0));
                i += 2
            }
            0xC0..=0xCB => i += 2,
            0xE1 if matches!(bytes.get(i + 1), Some(0xB8..=0xBB)) => i += 3,
            0xE2 if bytes.get(i + 1) == Some(&0x80)
                && matches!(bytes.get(i + 2), Some(0x90..=0xA7)) =>
            {
                i += 3
            }
            _ => return None,
        }
    }
    Some(eth)
}

/// Lines with nothing to tidy: no tab, carriage return, NUL, unusual space
/// (U+00A0, U+2000..=U+200A, U+202F, U+205F, U+3000), zero-width space or
/// byte-order mark (their UTF-8 forms are absent), no double space,
/// nothing to trim (no space at either end, nor beside a line break).
fn is_tidy(line: &str) -> bool {
    let bytes = line.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    // The bytes that may open something to tidy.
    const SUSPECT: [bool; 256] = {
        let mut table = [false; 256];
        let mut k = 0;
        let suspects = [b'\t', b'\r', b'\0', b' ', b'\n', 0xC2, 0xE2, 0xE3, 0xEF];
        while k < suspects.len() {
            table[suspects[k] as usize] = true;
            k += 1;
        }
        table
    };
    let next = |i: usize| bytes.get(i).copied().unwrap_or(0);
    for (i, &b) in bytes.iter().enumerate() {
        if !SUSPECT[b as usize] {
            continue;
        }
        let untidy = match b {
            b'\t' | b'\r' | b'\0' => true,
            b' ' => matches!(next(i + 1), b' ' | b'\n'),
            b'\n' => next(i + 1) == b' ',
            0xC2 => next(i + 1) == 0xA0,
            0xE2 => match next(i + 1) {
                0x80 => matches!(next(i + 2), 0x80..=0x8B | 0xAF),
                0x81 => next(i + 2) == 0x9F,
                _ => false,
            },
            0xE3 => next(i + 1) == 0x80 && next(i + 2) == 0x80,
            0xEF => next(i + 1) == 0xBB && next(i + 2) == 0xBF,
            _ => false,
        };
        if untidy {
            return false;
        }
    }
    true
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
/// both conventions agree. Only the words where a plain *o* or *u* stands
/// before a toned vowel are read; only words that need it are rewritten.
pub fn place_tone_marks(text: &str) -> String {
    retoned(text).unwrap_or_else(|| text.to_string())
}

/// [`place_tone_marks`] of a text owned already, given back as it is where
/// no word needs it.
fn place_tone_marks_owned(text: String) -> String {
    retoned(&text).unwrap_or(text)
}

/// The high bit of each byte of `x` that is zero, and of no other.
const fn zero_bytes(x: u64) -> u64 {
    const LOW: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    !(((x & LOW) + LOW) | x | LOW)
}

/// [`place_tone_marks`], or none where no word needs it.
fn retoned(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = String::new();
    let mut copied = 0;
    let mut i = 0;
    const FIRST: [bool; 256] = {
        let mut table = [false; 256];
        table[b'o' as usize] = true;
        table[b'O' as usize] = true;
        table[b'u' as usize] = true;
        table[b'U' as usize] = true;
        table
    };
    const EACH: u64 = 0x0101_0101_0101_0101;
    while i + 1 < bytes.len() {
        // Eight places at a time where none holds an o or u (either case:
        // those bytes with 0x20 set) before a byte beyond ASCII.
        if let Some(nine) = bytes.get(i..i + 9) {
            let word = u64::from_le_bytes(nine[..8].try_into().expect("eight bytes"));
            let next = u64::from_le_bytes(nine[1..].try_into().expect("eight bytes"));
            let small = word | (0x20 * EACH);
            let vowel = zero_bytes(small ^ (u64::from(b'o') * EACH))
                | zero_bytes(small ^ (u64::from(b'u') * EACH));
            let found = vowel & next & (0x80 * EACH);
            if found == 0 {
                i += 8;
                continue;
            }
            i += found.trailing_zeros() as usize / 8;
        }
        // The first vowel: a plain o or u, which only ASCII spells.
        if !FIRST[bytes[i] as usize] {
            i += 1;
            continue;
        }
        let first = char::from(bytes[i]);
        // The second: a toned vowel right after it (never ASCII).
        let at = i + 1;
        i = at;
        if bytes[at].is_ascii() {
            continue;
        }
        let second = text[at..].chars().next().expect("a character starts here");
        let Some(((row1, _), (row2, tone2))) = vowel_parts(first).zip(vowel_parts(second)) else {
            continue;
        };
        if !old_style_tone(row1, row2, tone2) {
            continue;
        }
        // They end the word, and are its only vowels.
        let end = at + second.len_utf8();
        if text[end..].chars().next().is_some_and(is_letter) {
            continue;
        }
        let mut before = text[..at - 1].chars().rev().take_while(|&c| is_letter(c));
        let letter_before = before.next();
        if letter_before
            .into_iter()
            .chain(before)
            .any(|c| vowel_parts(c).is_some())
        {
            continue;
        }
        // "qu" is a consonant: in "quý" the tone rightly sits on the y.
        if vowel_base(row1) == 'u' && matches!(letter_before, Some('q' | 'Q')) {
            continue;
        }
        if out.capacity() == 0 {
            out.reserve(text.len() + 8);
        }
        out.push_str(&text[copied..at - 1]);
        out.push(vowel_with_tone(row1, tone2));
        out.push(vowel_with_tone(row2, 0));
        copied = end;
        i = end;
    }
    if copied == 0 {
        return None;
    }
    out.push_str(&text[copied..]);
    Some(out)
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
        crate::case::push_lower(&mut out, c);
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
        // In text still to compose (a combining acute), and in text without one.
        assert_eq!(normalize("Ðo\u{0301}ng ðô"), "Đóng đô");
        assert_eq!(normalize("Đóng đô"), "Đóng đô");
    }

    #[test]
    fn tone_marks_are_looked_for_eight_bytes_at_a_time_and_one_by_one_alike() {
        // Every offset of a word to move against the eight-byte steps, and
        // the o or u at the end of a step with its toned vowel in the next.
        for pad in 0..12 {
            for word in ["hoà", "Thuỷ", "HOÀ", "khoẻ", "quý", "hoàn"] {
                let text = format!("{}{word} x", "a".repeat(pad));
                assert_eq!(place_tone_marks(&text), by_every_letter(&text), "{text:?}");
                let text = format!("{}ngày {word}", "ơ".repeat(pad));
                assert_eq!(place_tone_marks(&text), by_every_letter(&text), "{text:?}");
            }
        }
        assert_eq!(place_tone_marks("chẳng có gì"), "chẳng có gì");
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

    // The placement as it was first written, reading every letter: the
    // reference the faster one is checked against.
    /// Moves the tone mark of an open *oa*, *oe* or *uy* syllable from the
    /// second vowel to the first ("hoà" → "hòa", "thuỷ" → "thủy"); leaves
    /// closed syllables ("hoàn", "thuyết") and *qu* + *y* ("quý") alone, where
    /// both conventions agree. One pass; only words that need it are rewritten.
    fn by_every_letter(text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut copied = 0;
        // The current word: its last three letters with their byte offsets, and how many vowels it has.
        let mut tail: [(usize, char); 3] = [(0, ' '); 3];
        let mut letters = 0usize;
        let mut vowels = 0usize;
        let mut finish = |end: usize,
                          tail: &[(usize, char); 3],
                          letters: usize,
                          vowels: usize,
                          out: &mut String| {
            if letters < 2 || vowels != 2 {
                return;
            }
            let ((at1, first), (_, second)) = (tail[1], tail[2]);
            let Some(((row1, 0), (row2, tone2))) = vowel_parts(first).zip(vowel_parts(second))
            else {
                return;
            };
            if !old_style_tone(row1, row2, tone2) {
                return;
            }
            // "qu" is a consonant: in "quý" the tone rightly sits on the y.
            if vowel_base(row1) == 'u' && letters >= 3 && matches!(tail[0].1, 'q' | 'Q') {
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

    #[test]
    fn tone_marks_placed_word_by_word_are_those_placed_letter_by_letter() {
        let texts = [
            "hoà thuỷ khoẻ hoàn thuyết quý Quý QUỶ Hoà HOÀ xoà loè",
            "oà uỷ òa ủy qoà hòa bình. Hoà-bình, thuỷ,điện toà\ntoà",
            "đoạn toàn hoàng khoá thoả thuận xuể uể oải nguyễn tuý chuẩn",
            "boá buý bươá coè ǅoà aoà ioè ưuỷ qquỷ 1oà oà1 oàx",
            "",
            "o",
            "oà",
            "ỏ",
            "quỷ",
        ];
        for text in texts {
            assert_eq!(place_tone_marks(text), by_every_letter(text), "{text:?}");
        }
        let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
        for file in std::fs::read_dir(seeds).expect("the default corpus is there") {
            let text = std::fs::read_to_string(file.expect("a file").path()).expect("text");
            assert_eq!(place_tone_marks(&text), by_every_letter(&text));
            // Its words with the marks moved the other way too.
            let other = text
                .replace("òa", "oà")
                .replace("ủy", "uỷ")
                .replace("óe", "oé");
            assert_eq!(place_tone_marks(&other), by_every_letter(&other));
        }
    }

    #[test]
    fn lines_read_as_tidy_are_those_tidying_leaves_alone() {
        let lines = [
            "Hà Nội – “Việt Nam”…",
            " x",
            "x ",
            "a  b",
            "a\u{00A0}b",
            "a\u{2003}b",
            "a\u{200B}b",
            "a\u{202F}b",
            "a\u{205F}b",
            "a\u{3000}b",
            "\u{FEFF}a",
            "a\tb",
            "a\rb",
            "a\0b",
            "a\u{2010}\u{2027}\u{2028}b",
            "°«»",
            "",
            "ｆ",
        ];
        for line in lines {
            let mut tidied = String::new();
            tidy_line(line, &mut tidied);
            assert_eq!(is_tidy(line), tidied == line, "{line:?}");
        }
        // Whole texts: tidy when every line is.
        for (a, b) in lines.iter().zip(lines.iter().skip(1)) {
            for text in [
                format!("{a}\n{b}"),
                format!("{a}\n\n{b}\nx"),
                format!("x\n{a}"),
            ] {
                let lines_tidy = text.split('\n').all(|line| {
                    let mut tidied = String::new();
                    tidy_line(line, &mut tidied);
                    tidied == line
                });
                assert_eq!(is_tidy(&text), lines_tidy, "{text:?}");
            }
        }
        assert!(is_tidy("a\nb\n\nc"));
        assert!(!is_tidy("a \nb"));
        assert!(!is_tidy("a\n b"));
    }

    #[test]
    fn text_read_as_composed_over_the_bytes_is_so_by_character() {
        let texts = [
            "Việt Nam – “Lào”…",
            "ascii",
            "a\u{0301}",
            "\u{2028}",
            "ǅ\u{02FF}\u{0300}",
            "\u{1EFF}\u{1F00}",
            "中",
        ];
        for text in texts {
            assert_eq!(all_composed(text), text.chars().all(composed), "{text:?}");
            // At every place against the eight-byte steps.
            for pad in 0..10 {
                let text = format!("{}{text}abcdefgh", "x".repeat(pad));
                assert_eq!(all_composed(&text), text.chars().all(composed), "{text:?}");
            }
        }
        assert_eq!(composed_scan("abcdefghijÐ"), Some(true));
        assert_eq!(composed_scan("abcdefghijđ"), Some(false));
    }
}
