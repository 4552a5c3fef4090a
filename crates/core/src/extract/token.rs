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

impl Case {
    /// The casing of a token of this kind, text and first character, given
    /// whether any of its characters is a capital (found as it was read).
    fn of(kind: TokenKind, text: &str, first: char, any_capital: bool) -> Case {
        // Without a capital there is nothing more to tell, as for most tokens.
        if !any_capital || kind != TokenKind::Word {
            return Case {
                any_capital,
                ..Case::default()
            };
        }
        let mut letters = 0;
        let mut capitals = 0;
        for c in text.chars().filter(|&c| is_letter(c)) {
            letters += 1;
            capitals += usize::from(is_uppercase(c));
        }
        Case {
            capitalized: is_uppercase(first),
            acronym: letters >= 2 && capitals == letters,
            any_capital,
        }
    }
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

/// The character starting at byte `i` of `text` and its length in bytes,
/// read from the UTF-8 bytes without going through the general decoder.
#[inline]
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let bytes = text.as_bytes();
    let lead = u32::from(*bytes.get(i)?);
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
    char::from_u32(code).map(|c| (c, len))
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(text.len() / 4);
    let mut space_before = true;
    let mut at = 0;
    while at < bytes.len() {
        // Spaces and line ends, the commonest separators, are told from their byte.
        if matches!(bytes[at], b' ' | b'\n') {
            space_before = true;
            at += 1;
            continue;
        }
        let start = at;
        let Some((c, len)) = char_at(text, at) else {
            break;
        };
        at += len;
        if c.is_whitespace() {
            space_before = true;
            continue;
        }
        let mut any_capital = is_uppercase(c);
        let kind = if alnum(c) {
            // Only digits and the joiners "/.," make a number.
            let mut numeric = c.is_ascii_digit();
            while let Some(&b) = bytes.get(at) {
                // ASCII letters and digits, most of a word, are told from their byte.
                if b.is_ascii_alphanumeric() {
                    numeric &= b.is_ascii_digit();
                    any_capital |= b.is_ascii_uppercase();
                    at += 1;
                    continue;
                }
                if !b.is_ascii() {
                    match char_at(text, at) {
                        Some((n, n_len)) if alnum(n) => {
                            numeric = false;
                            any_capital |= is_uppercase(n);
                            at += n_len;
                            continue;
                        }
                        _ => break,
                    }
                }
                // A joiner stays inside when an alphanumeric follows at once:
                // "10/2", "5.000", "TP.HCM", "Chinhphu.vn".
                let joins = match b {
                    b'.' => char_at(text, at + 1).is_some_and(|(f, _)| alnum(f)),
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
        tokens.push(Token {
            kind,
            text: &text[start..at],
            start,
            end: at,
            space_before,
            case: Case::of(kind, &text[start..at], c, any_capital),
        });
        space_before = false;
    }
    tokens
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
