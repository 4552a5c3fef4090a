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
    /// Whether a line break is in that whitespace: a name never runs over one.
    pub line_before: bool,
    /// A unit word's abbreviation whose full stop, written against the name
    /// after it, was split off: the "P" of "P.Mỹ Thới", the "TP" of "TP.Sóc Trăng".
    pub abbreviation: bool,
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

impl<'a> Token<'a> {
    /// This lower-case particle read as a word of the name around it ("al"
    /// in "Deir al Zour").
    pub(crate) fn in_name(mut self) -> Self {
        self.case.capitalized = true;
        self
    }

    /// This token and those after it up to `last`, as one word of `text`
    /// ("al-Jubeir", "H’Drai"), capitalised if it is or `capitalized` says so.
    pub(crate) fn through(self, last: &Token<'a>, text: &'a str, capitalized: bool) -> Self {
        Token {
            text: &text[self.start..last.end],
            end: last.end,
            abbreviation: false,
            case: Case {
                capitalized: capitalized || self.case.capitalized,
                acronym: false,
                any_capital: self.case.any_capital || last.case.any_capital || capitalized,
            },
            ..self
        }
    }

    /// Starts with a capital letter ("Lâm", "TTXVN", "Đà").
    pub fn is_capitalized(&self) -> bool {
        self.case.capitalized
    }

    /// Two or more letters, all capitals ("UBND", "TTXVN", "VN").
    pub fn is_acronym(&self) -> bool {
        self.case.acronym
    }

    /// Could be a name's initial before a full stop: one capital ("H",
    /// "Đ"), or a capital and a consonant ("Th", "Ch", "Ng"), never a
    /// syllable with a vowel ("Tú", "Ca"), nor a unit's abbreviation ("Tp.",
    /// "Tx.": thành phố, thị xã).
    pub fn is_initial(&self) -> bool {
        if matches!(self.text, "Tp" | "Tx") {
            return false;
        }
        let mut chars = self.text.chars();
        let (Some(first), second, None) = (chars.next(), chars.next(), chars.next()) else {
            return false;
        };
        (first.is_ascii_uppercase() || first == 'Đ')
            && second.is_none_or(|c| {
                c.is_ascii_lowercase() && !"aeiouy".contains(c) && !"AEIOUY".contains(first)
            })
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
    /// The text with its capitals lower-cased and its whitespace made
    /// spaces, byte for byte: a token's range in the text is its range
    /// here, and the syllables of a phrase on one line are one space apart
    /// ("nhân dân"). A capital whose small letter is spelt with another
    /// number of bytes ("İ") stays as it is.
    pub lowered: String,
}

// What a byte tells of the character it starts, as bits.
/// A space, tab or line end.
const SPACE: u8 = 1;
/// A small ASCII letter, or any letter that is not a capital.
const SMALL: u8 = 2;
/// A capital letter.
const CAPITAL: u8 = 4;
/// An ASCII digit.
const DIGIT: u8 = 8;
/// `.`, `/` or `,`, which may join the parts of a number or a dotted name.
const JOINER: u8 = 16;
/// The first byte of a character beyond ASCII.
const WIDE: u8 = 32;
/// A letter or digit beyond ASCII that is neither a capital nor a letter
/// ("²"): it keeps a token from being a number.
const OTHER: u8 = 64;

/// [`SPACE`] … [`WIDE`] for every byte; 0 for ASCII punctuation.
const CLASS: [u8; 256] = {
    let mut class = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        class[b] = match b as u8 {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => SPACE,
            b'a'..=b'z' => SMALL,
            b'A'..=b'Z' => CAPITAL,
            b'0'..=b'9' => DIGIT,
            b'.' | b'/' | b',' => JOINER,
            0x80..=0xFF => WIDE,
            _ => 0,
        };
        b += 1;
    }
    class
};

/// The class of each character from U+00C0 to U+024F, Latin-1 letters to
/// Latin Extended-B: all are letters but `×` and `÷`.
const LATIN: [u8; 0x190] = {
    let mut class = [0u8; 0x190];
    let mut i = 0;
    while i < class.len() {
        class[i] = match char::from_u32(0xC0 + i as u32) {
            Some('\u{D7}' | '\u{F7}') | None => 0,
            Some(c) if c.is_uppercase() => CAPITAL,
            Some(_) => SMALL,
        };
        i += 1;
    }
    class
};

/// The class bits of the character beyond ASCII that starts at byte `at`
/// ([`WIDE`] set there), and its length: 0 when it is no letter or digit.
/// The letters of Vietnamese are told from their code alone.
#[inline(always)]
fn wide_class(bytes: &[u8], at: usize) -> (u8, usize) {
    let lead = bytes[at];
    let next = bytes.get(at + 1).map_or(0, |&b| u32::from(b & 0x3F));
    match lead {
        // U+00C0–U+024F, Latin-1 letters to Latin Extended-B.
        0xC3..=0xC9 => {
            let code = (u32::from(lead) & 0x1F) << 6 | next;
            if let Some(&class) = LATIN.get((code - 0xC0) as usize) {
                return (class, 2);
            }
        }
        // U+1EA0–U+1EF9, the toned vowels: a capital, then its small letter.
        0xE1 if matches!(bytes.get(at + 1), Some(0xBA | 0xBB)) => {
            let code = 0x1000 | next << 6 | bytes.get(at + 2).map_or(0, |&b| u32::from(b & 0x3F));
            if (0x1EA0..=0x1EF9).contains(&code) {
                return (if code % 2 == 0 { CAPITAL } else { SMALL }, 3);
            }
        }
        _ => {}
    }
    let (c, len) = char_at(bytes, at);
    let class = if !alnum(c) {
        0
    } else if is_uppercase(c) {
        CAPITAL
    } else if is_letter(c) {
        SMALL
    } else {
        OTHER
    };
    (class, len)
}

/// The casing of a word whose first character has class `first` and whose
/// characters together have classes `all`.
fn case_of(word: &str, first: u8, all: u8) -> Case {
    if all & CAPITAL == 0 {
        return Case::default();
    }
    // All capitals when no letter is small, and at least two letters ("UBND", not "Đ").
    let acronym = all & SMALL == 0 && word.chars().filter(|&c| is_letter(c)).nth(1).is_some();
    Case {
        capitalized: first == CAPITAL,
        acronym,
        any_capital: true,
    }
}

/// The lower-cased text, built as the text is read: copied as it is up to
/// each character that changes, then that character's replacement, which
/// is spelt with as many bytes. ASCII capitals are lowered at the end, all
/// at once.
struct Lowered<'a> {
    text: &'a str,
    out: String,
    copied: usize,
}

impl<'a> Lowered<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text,
            out: String::with_capacity(text.len()),
            copied: 0,
        }
    }

    /// Writes `with` in place of the text's bytes `at..at + with.len()`.
    fn replace(&mut self, at: usize, with: &str) {
        self.out.push_str(&self.text[self.copied..at]);
        self.out.push_str(with);
        self.copied = at + with.len();
    }

    /// Whitespace other than a space at `at..end` becomes spaces.
    fn space(&mut self, at: usize, end: usize) {
        const SPACES: &str = "    ";
        self.replace(at, &SPACES[..end - at]);
    }

    /// Lowers the capitals beyond ASCII of `word`, which starts at byte `at`:
    /// by their small letter where it is spelt with as many bytes.
    fn lower(&mut self, at: usize, word: &str) {
        for (i, c) in word.char_indices() {
            if c.is_ascii() || !is_uppercase(c) {
                continue;
            }
            let small = small_of(c).or_else(|| {
                let mut all = c.to_lowercase();
                match (all.next(), all.next()) {
                    (Some(small), None) => Some(small),
                    _ => None,
                }
            });
            if let Some(small) = small.filter(|s| s.len_utf8() == c.len_utf8()) {
                self.replace(at + i, small.encode_utf8(&mut [0; 4]));
            }
        }
    }

    fn finish(mut self) -> String {
        self.out.push_str(&self.text[self.copied..]);
        self.out.make_ascii_lowercase();
        self.out
    }
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    scan(text).tokens
}

/// "TP.Sóc Trăng", "Tp.Hà Tĩnh", "P.Mỹ Thới", "Q.1": the abbreviation of
/// a unit word ("thành phố", "phường", "quận" …) with its full stop written
/// against the unit's name or number is two words, as "TP. Sóc Trăng" is;
/// "TP.HCM", all capitals, stays one, and so do initials ("N.Q.H").
fn city_abbreviation(text: &str, start: usize, dot: usize) -> bool {
    let word = &text[start..dot];
    if !matches!(word, "TP" | "Tp" | "P" | "Q" | "H" | "X" | "TX" | "TT")
        || text.as_bytes()[dot] != b'.'
    {
        return false;
    }
    let mut after = text[dot + 1..].chars();
    let first = after.next();
    let second = after.next();
    let named = first.is_some_and(char::is_uppercase) && second.is_some_and(char::is_lowercase);
    let numbered = matches!(word, "P" | "Q") && first.is_some_and(|c| c.is_ascii_digit());
    named || numbered
}

/// Splits `text` into tokens and lower-cases it, in one pass.
pub fn scan(text: &str) -> Scan<'_> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(text.len() / 4);
    let mut lowered = Lowered::new(text);
    let mut space_before = true;
    let mut line_before = false;
    let mut at = 0;
    while at < bytes.len() {
        let first = CLASS[usize::from(bytes[at])];
        if first & SPACE != 0 {
            if bytes[at] != b' ' {
                lowered.space(at, at + 1);
                line_before |= matches!(bytes[at], b'\n' | b'\r');
            }
            space_before = true;
            at += 1;
            continue;
        }
        let start = at;
        let (first, mut all) = if first & WIDE != 0 {
            let (class, len) = wide_class(bytes, at);
            at += len;
            if class == 0 && text[start..at].starts_with(char::is_whitespace) {
                lowered.space(start, at);
                // U+2028 and U+2029 break lines too.
                line_before |= matches!(&text[start..at], "\u{2028}" | "\u{2029}" | "\u{85}");
                space_before = true;
                continue;
            }
            (class, class)
        } else {
            at += 1;
            (first & !JOINER, first & !JOINER)
        };
        let mut abbreviation = false;
        let kind = if all == 0 {
            TokenKind::Punct
        } else {
            while at < bytes.len() {
                let class = CLASS[usize::from(bytes[at])];
                // ASCII letters and digits, most of a word, are told from their byte.
                if class & (SMALL | CAPITAL | DIGIT) != 0 {
                    all |= class;
                    at += 1;
                } else if class & WIDE != 0 {
                    let (class, len) = wide_class(bytes, at);
                    if class == 0 {
                        break;
                    }
                    all |= class;
                    at += len;
                } else if class & JOINER != 0 && joins(bytes, at, all == DIGIT) {
                    if city_abbreviation(text, start, at) {
                        abbreviation = true;
                        break;
                    }
                    // A joiner stays inside when an alphanumeric follows at once:
                    // "10/2", "5.000", "TP.HCM", "Chinhphu.vn".
                    at += 1;
                } else {
                    break;
                }
            }
            if all == DIGIT {
                TokenKind::Number
            } else {
                TokenKind::Word
            }
        };
        let word = &text[start..at];
        let case = if kind == TokenKind::Word {
            case_of(word, first, all)
        } else {
            Case::default()
        };
        if all & CAPITAL != 0 && !word.is_ascii() {
            lowered.lower(start, word);
        }
        tokens.push(Token {
            kind,
            text: word,
            start,
            end: at,
            space_before,
            line_before,
            abbreviation,
            case,
        });
        space_before = false;
        line_before = false;
    }
    Scan {
        tokens,
        lowered: lowered.finish(),
    }
}

/// Whether the joiner at byte `at` joins what is before it to what follows:
/// a dot when a letter or digit follows, a slash or comma inside a number
/// when a digit follows.
#[inline]
fn joins(bytes: &[u8], at: usize, numeric: bool) -> bool {
    match bytes[at] {
        b'.' => at + 1 < bytes.len() && alnum(char_at(bytes, at + 1).0),
        b'/' | b',' => numeric && bytes.get(at + 1).is_some_and(u8::is_ascii_digit),
        _ => false,
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
            texts("P.Mỹ Thới, Q.1, N.Q.H"),
            ["P", ".", "Mỹ", "Thới", ",", "Q", ".", "1", ",", "N.Q.H"]
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
        let text = "Đại Tướng TP.HCM, İzmir ỨNG 10/2\nquận  Ba\tĐình";
        let s = scan(text);
        assert_eq!(s.lowered, "đại tướng tp.hcm, İzmir ứng 10/2 quận  ba đình");
        // Byte for byte: every token is where it is in the text.
        assert_eq!(s.lowered.len(), text.len());
        for t in &s.tokens {
            assert_eq!(
                s.lowered[t.start..t.end].chars().count(),
                t.text.chars().count()
            );
        }
        let wide = scan("\u{2126}\u{a0}Ж Ω");
        assert_eq!(wide.lowered, "\u{2126}  ж ω");
    }

    #[test]
    fn every_character_beyond_ascii_is_classed_as_unicode_classes_it() {
        for c in '\u{80}'..=char::MAX {
            let mut buf = [0; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            let class = if !alnum(c) {
                0
            } else if c.is_uppercase() {
                CAPITAL
            } else if is_letter(c) {
                SMALL
            } else {
                OTHER
            };
            assert_eq!(wide_class(bytes, 0), (class, c.len_utf8()), "{c:?}");
        }
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

    #[test]
    fn initials_are_consonants_and_lines_are_told() {
        let t = tokenize("H Th Đ Tú Ca An Ng");
        let initial: Vec<bool> = t.iter().map(Token::is_initial).collect();
        assert_eq!(initial, [true, true, true, false, false, false, true]);
        let t = tokenize("ông Trump\n\nThư ký");
        assert!(!t[1].line_before && t[2].line_before && !t[3].line_before);
    }

    #[test]
    fn a_city_abbreviation_against_its_name_is_split() {
        fn words(text: &str) -> Vec<&str> {
            tokenize(text).iter().map(|t| t.text).collect()
        }
        assert_eq!(words("TP.Sóc Trăng"), ["TP", ".", "Sóc", "Trăng"]);
        assert_eq!(words("TP.HCM"), ["TP.HCM"]);
        assert_eq!(words("Chinhphu.vn"), ["Chinhphu.vn"]);
    }
}
