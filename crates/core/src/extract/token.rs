//! Syllable tokens with offsets that no later step changes.
//!
//! Vietnamese writes one syllable per space-separated unit, so a token is a
//! syllable (a run of letters and digits), a number (digits joined by `/`,
//! `.` or `,`: "10/2", "5/2/2026", "5.000"), a dotted name ("TP.HCM",
//! "VOV.VN", "Chinhphu.vn") or one punctuation character. Every token
//! carries its byte range in the text it came from.

use crate::normalize::is_letter;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

/// One token: its kind, byte range, and how it is cased.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    pub kind: TokenKind,
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    /// Whether whitespace separates it from the token before.
    pub space_before: bool,
    /// Its casing, told while it is read.
    case: Case,
}

/// How a token is cased.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Case {
    /// A word whose first letter is a capital.
    capitalized: bool,
    /// A word of two or more letters, all capitals.
    acronym: bool,
    /// Some character is a capital.
    any_capital: bool,
}

impl Token<'_> {
    /// Starts with a capital letter ("Lâm", "TTXVN", "Đà").
    pub fn is_capitalized(&self) -> bool {
        self.case.capitalized
    }

    /// Two or more letters, all capitals ("UBND", "TTXVN", "VN").
    pub fn is_acronym(&self) -> bool {
        self.case.acronym
    }

    /// Has a capital anywhere: lower-casing it changes it.
    pub fn has_capital(&self) -> bool {
        self.case.any_capital
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokenKind::Punct && self.text.starts_with(c)
    }
}

/// [`char::is_uppercase`], answered for Vietnamese letters without the
/// Unicode tables: in Latin-1 the capitals are `À`–`Þ`, and in the block of
/// Vietnamese letters (`Ạ`–`ỹ`) a capital is the even one of each pair.
/// Latin Extended-A holds "Ă ă Đ đ Ĩ ĩ Ũ ũ" in pairs, a capital then its
/// small letter, except in two runs where the small letter comes first;
/// "Ơ ơ Ư ư" are in Latin Extended-B.
#[inline]
pub(crate) fn is_uppercase(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    match c {
        'A'..='Z' | '\u{00C0}'..='\u{00D6}' | '\u{00D8}'..='\u{00DE}' => true,
        '\0'..='\u{7F}' | '\u{00D7}' | '\u{00DF}'..='\u{00FF}' => false,
        '\u{1EA0}'..='\u{1EFF}' => (c as u32) % 2 == 0,
        '\u{0100}'..='\u{012F}' | '\u{0132}'..='\u{0137}' | '\u{014A}'..='\u{0177}' => {
            (c as u32) % 2 == 0
        }
        '\u{0139}'..='\u{0148}' | '\u{0179}'..='\u{017E}' => (c as u32) % 2 == 1,
        '\u{01A0}' | '\u{01AF}' => true,
        '\u{01A1}' | '\u{01B0}' => false,
        _ => c.is_uppercase(),
    }
}

/// A letter or digit; Vietnamese letters and the usual punctuation are
/// answered without the Unicode tables.
#[inline]
fn alnum(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphanumeric(),
        '\u{00D7}' | '\u{00F7}' => false,
        '\u{00C0}'..='\u{024F}' | '\u{1EA0}'..='\u{1EF9}' => true,
        // General punctuation: dashes, quotes, the ellipsis.
        '\u{2000}'..='\u{206F}' => false,
        _ => c.is_alphanumeric(),
    }
}

/// The character starting at byte `i` of `bytes`, which holds UTF-8 and
/// has a character starting there, and its length in bytes: read from the
/// bytes without going through the general decoder.
#[inline(always)]
fn char_at(bytes: &[u8], i: usize) -> (char, usize) {
    let lead = u32::from(bytes[i]);
    let cont = |k: usize| u32::from(bytes[i + k] & 0x3F);
    let (code, len) = match lead {
        0..=0x7F => (lead, 1),
        0xC0..=0xDF => ((lead & 0x1F) << 6 | cont(1), 2),
        0xE0..=0xEF => ((lead & 0x0F) << 12 | cont(1) << 6 | cont(2), 3),
        _ => (
            (lead & 0x07) << 18 | cont(1) << 12 | cont(2) << 6 | cont(3),
            4,
        ),
    };
    (
        char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER),
        len,
    )
}

/// The small letter of a capital, for the capitals of Vietnamese and the
/// Latin blocks around them, which map one to one; `None` for the rest.
#[inline]
fn small_of(c: char) -> Option<char> {
    let code = c as u32;
    let small = match c {
        'A'..='Z' | '\u{00C0}'..='\u{00D6}' | '\u{00D8}'..='\u{00DE}' => code + 0x20,
        '\u{1EA0}'..='\u{1EFF}'
        | '\u{0100}'..='\u{012F}'
        | '\u{0132}'..='\u{0137}'
        | '\u{014A}'..='\u{0177}'
            if code % 2 == 0 =>
        {
            code + 1
        }
        '\u{0139}'..='\u{0148}' | '\u{0179}'..='\u{017E}' if code % 2 == 1 => code + 1,
        '\u{01A0}' | '\u{01AF}' => code + 1,
        _ => return None,
    };
    char::from_u32(small)
}

/// Tokens and their lower-cased text, read in one pass.
pub struct Scan<'a> {
    pub tokens: Vec<Token<'a>>,
    /// Every token with its capitals lower-cased, one space between
    /// tokens that the text separates.
    pub lowered: String,
    /// Where each token is in `lowered`.
    pub lowered_at: Vec<(u32, u32)>,
}

/// The letters and capitals of a token, counted as it is read.
#[derive(Default)]
struct Counts {
    letters: u32,
    capitals: u32,
}

impl Counts {
    #[inline]
    fn ascii(&mut self, b: u8) {
        self.letters += u32::from(b.is_ascii_alphabetic());
        self.capitals += u32::from(b.is_ascii_uppercase());
    }

    #[inline]
    fn char(&mut self, c: char) -> bool {
        let capital = is_uppercase(c);
        if is_letter(c) {
            self.letters += 1;
            self.capitals += u32::from(capital);
        }
        capital
    }

    /// The casing of a token of this kind whose first character is `first`.
    fn case(&self, kind: TokenKind, first: char, any_capital: bool) -> Case {
        // Without a capital there is nothing more to tell, as for most tokens.
        if !any_capital || kind != TokenKind::Word {
            return Case {
                any_capital,
                ..Case::default()
            };
        }
        Case {
            capitalized: is_uppercase(first),
            acronym: self.letters >= 2 && self.capitals == self.letters,
            any_capital,
        }
    }
}

/// Appends `word`, which has a capital, lower-cased: the capitals of
/// Vietnamese from their pairs, any other by the Unicode tables.
fn push_lowered(out: &mut String, word: &str) {
    for c in word.chars() {
        if !is_uppercase(c) {
            out.push(c);
        } else if let Some(small) = small_of(c) {
            out.push(small);
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    scan(text).tokens
}

/// Splits `text` into tokens and lower-cases them, in one pass.
pub fn scan(text: &str) -> Scan<'_> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(text.len() / 4);
    let mut lowered = String::with_capacity(text.len() + text.len() / 8);
    let mut lowered_at = Vec::with_capacity(text.len() / 4);
    let mut space_before = true;
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        // Spaces and line ends, the commonest separators, are told from their byte.
        if matches!(b, b' ' | b'\n') {
            space_before = true;
            at += 1;
            continue;
        }
        let start = at;
        let (c, len) = char_at(bytes, at);
        at += len;
        if c.is_whitespace() {
            space_before = true;
            continue;
        }
        let mut counts = Counts::default();
        let mut any_capital = counts.char(c);
        let kind = if alnum(c) {
            // Only digits and the joiners "/.," make a number.
            let mut numeric = c.is_ascii_digit();
            while let Some(&b) = bytes.get(at) {
                // ASCII letters and digits, most of a word, are told from their byte.
                if b.is_ascii_alphanumeric() {
                    numeric &= b.is_ascii_digit();
                    any_capital |= b.is_ascii_uppercase();
                    counts.ascii(b);
                    at += 1;
                    continue;
                }
                if !b.is_ascii() {
                    let (n, n_len) = char_at(bytes, at);
                    if !alnum(n) {
                        break;
                    }
                    numeric = false;
                    any_capital |= counts.char(n);
                    at += n_len;
                    continue;
                }
                // A joiner stays inside when an alphanumeric follows at once:
                // "10/2", "5.000", "TP.HCM", "Chinhphu.vn".
                let joins = match b {
                    b'.' => at + 1 < bytes.len() && alnum(char_at(bytes, at + 1).0),
                    b'/' | b',' => numeric && bytes.get(at + 1).is_some_and(u8::is_ascii_digit),
                    _ => false,
                };
                if !joins {
                    break;
                }
                at += 1;
            }
            if numeric {
                TokenKind::Number
            } else {
                TokenKind::Word
            }
        } else {
            TokenKind::Punct
        };
        let word = &text[start..at];
        if space_before && !lowered.is_empty() {
            lowered.push(' ');
        }
        let from = lowered.len() as u32;
        if any_capital {
            push_lowered(&mut lowered, word);
        } else {
            lowered.push_str(word);
        }
        lowered_at.push((from, lowered.len() as u32));
        tokens.push(Token {
            kind,
            text: word,
            start,
            end: at,
            space_before,
            case: counts.case(kind, c, any_capital),
        });
        space_before = false;
    }
    Scan {
        tokens,
        lowered,
        lowered_at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        tokenize(text).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn syllables_numbers_and_dotted_names_are_tokens() {
        assert_eq!(
            texts("Chiều 10/2, tại thủ đô Viêng Chăn."),
            ["Chiều", "10/2", ",", "tại", "thủ", "đô", "Viêng", "Chăn", "."]
        );
        assert_eq!(
            texts("(Ảnh: Phạm Kiên/TTXVN)"),
            ["(", "Ảnh", ":", "Phạm", "Kiên", "/", "TTXVN", ")"]
        );
        assert_eq!(
            texts("TP.HCM và TP. HCM"),
            ["TP.HCM", "và", "TP", ".", "HCM"]
        );
        assert_eq!(
            texts("Theo Chinhphu.vn/TTXVN"),
            ["Theo", "Chinhphu.vn", "/", "TTXVN"]
        );
        assert_eq!(
            texts("5.000 người, ngày 5/2/2026"),
            ["5.000", "người", ",", "ngày", "5/2/2026"]
        );
        assert_eq!(texts("Việt Nam-Lào"), ["Việt", "Nam", "-", "Lào"]);
    }

    #[test]
    fn offsets_slice_the_original_text() {
        let text = "Đại tướng Tô Lâm, Ủy viên Bộ Chính trị";
        for t in tokenize(text) {
            assert_eq!(&text[t.start..t.end], t.text);
        }
    }

    #[test]
    fn capitals_are_told_as_unicode_tells_them() {
        for c in '\0'..=char::MAX {
            assert_eq!(is_uppercase(c), c.is_uppercase(), "{c:?}");
        }
        let t = tokenize("Đ ĐT đT Ư ƯỚC 3GPP");
        let acronyms: Vec<bool> = t.iter().map(Token::is_acronym).collect();
        assert_eq!(acronyms, [false, true, false, false, true, true]);
    }

    #[test]
    fn capitals_are_lowered_as_unicode_lowers_them() {
        for c in '\0'..=char::MAX {
            if let Some(small) = small_of(c) {
                assert_eq!(
                    c.to_lowercase().collect::<String>(),
                    small.to_string(),
                    "{c:?}"
                );
            }
        }
        let s = scan("Đại Tướng TP.HCM, İzmir ỨNG 10/2\nquận Ba Đình");
        let words: Vec<&str> = s
            .lowered_at
            .iter()
            .map(|&(a, b)| &s.lowered[a as usize..b as usize])
            .collect();
        assert_eq!(
            words,
            [
                "đại",
                "tướng",
                "tp.hcm",
                ",",
                "i\u{307}zmir",
                "ứng",
                "10/2",
                "quận",
                "ba",
                "đình"
            ]
        );
        assert_eq!(
            s.lowered,
            "đại tướng tp.hcm, i\u{307}zmir ứng 10/2 quận ba đình"
        );
    }

    #[test]
    fn kinds_and_casing_are_told() {
        let t = tokenize("UBND Hà 2024 ,");
        assert!(t[0].is_acronym() && t[0].is_capitalized());
        assert!(t[1].is_capitalized() && !t[1].is_acronym());
        assert_eq!(t[2].kind, TokenKind::Number);
        assert!(t[3].is_punct(','));
        assert!(!t[0].space_before || t[0].start == 0);
        assert!(t[3].space_before);
    }
}
