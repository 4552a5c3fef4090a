//! Syllable tokens with offsets that no later step changes.
//!
//! Vietnamese writes one syllable per space-separated unit, so a token is a
//! syllable (a run of letters and digits), a number (digits joined by `/`,
//! `.` or `,`: "10/2", "5/2/2026", "5.000"), a dotted name ("TP.HCM",
//! "VOV.VN", "Chinhphu.vn") or one punctuation character. Every token
//! carries its byte range in the text it came from.

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
}

impl Token<'_> {
    /// Starts with a capital letter ("Lâm", "TTXVN", "Đà").
    pub fn is_capitalized(&self) -> bool {
        self.kind == TokenKind::Word && self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Two or more letters, all capitals ("UBND", "TTXVN", "VN").
    pub fn is_acronym(&self) -> bool {
        let mut letters = self.text.chars().filter(|c| c.is_alphabetic());
        self.kind == TokenKind::Word
            && letters.clone().count() >= 2
            && letters.all(char::is_uppercase)
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokenKind::Punct && self.text.starts_with(c)
    }
}

/// A letter or digit; Vietnamese letters are answered without the Unicode tables.
fn alnum(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphanumeric(),
        '\u{00D7}' | '\u{00F7}' => false,
        '\u{00C0}'..='\u{024F}' | '\u{1EA0}'..='\u{1EF9}' => true,
        _ => c.is_alphanumeric(),
    }
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::with_capacity(text.len() / 4);
    let mut chars = text.char_indices().peekable();
    let mut space_before = true;
    while let Some((start, c)) = chars.next() {
        if c == ' ' || c == '\n' || c.is_whitespace() {
            space_before = true;
            continue;
        }
        let kind = if alnum(c) {
            let mut end = start + c.len_utf8();
            let mut all_digits = c.is_ascii_digit();
            loop {
                match chars.peek().copied() {
                    Some((i, n)) if alnum(n) => {
                        all_digits &= n.is_ascii_digit();
                        end = i + n.len_utf8();
                        chars.next();
                    }
                    // A joiner stays inside when an alphanumeric follows at once:
                    // "10/2", "5.000", "TP.HCM", "Chinhphu.vn".
                    Some((i, j @ ('.' | '/' | ','))) => {
                        let next = text[i + 1..].chars().next();
                        let joins = match j {
                            '.' => next.is_some_and(alnum),
                            _ => all_digits && next.is_some_and(|n| n.is_ascii_digit()),
                        };
                        if !joins {
                            break;
                        }
                        chars.next();
                        end = i + 1;
                    }
                    _ => break,
                }
            }
            let token_text = &text[start..end];
            let numeric = token_text.starts_with(|f: char| f.is_ascii_digit())
                && token_text
                    .chars()
                    .all(|t| t.is_ascii_digit() || "/.,".contains(t));
            let kind = if numeric {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            tokens.push(Token {
                kind,
                text: token_text,
                start,
                end,
                space_before,
            });
            space_before = false;
            continue;
        } else {
            TokenKind::Punct
        };
        let end = start + c.len_utf8();
        tokens.push(Token {
            kind,
            text: &text[start..end],
            start,
            end,
            space_before,
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
