//! A document being read: its tokens, and what is known of each token,
//! worked out once for every recognizer: where sentences start (where
//! [`crate::sentence`], the one splitter, ends them), which words are
//! capitalised, every token lower-cased, every listed name, title and cue
//! phrase in the text.

use crate::extract::gazetteer::{Cue, Gazetteer, Known, KnownDetail, WordRole};
use crate::extract::token::{scan, Scan, Token, TokenKind};
use crate::sentence;

/// A document being read: its text, tokens and what is known of each token.
pub struct Doc<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token<'a>>,
    /// `sentence_start[i]`: word `i` opens a sentence (as [`crate::sentence`]
    /// ends them), a line, or a clause after a colon, quote, bracket or dash.
    pub sentence_start: Vec<bool>,
    pub gazetteer: &'a Gazetteer,
    /// Every listed name in the text (leftmost-longest), by byte range, in text order.
    pub names: Vec<(usize, usize, &'a Known)>,
    /// Every listed title in the text, in text order.
    pub titles: Vec<(usize, usize, &'a Known)>,
    /// The text lower-cased, byte for byte ([`Scan::lowered`]).
    lowered: String,
    /// `cue_lens[i][cue]`: the length of the longest cue of that kind starting at token `i`, 0 for none.
    cue_lens: Vec<[u8; Cue::COUNT]>,
    /// `next_cap[i]`: the first capitalised word at or after token `i`
    /// (the number of tokens if none), so that a rule asks "a capital
    /// within a few words?" in one step.
    next_cap: Vec<u32>,
    /// `from_byte[b]`: how many tokens start before byte `b` of the text
    /// (`b` up to the text's length), so that the token starting or ending
    /// at a byte is found in one step: the rules ask it of every span they weigh.
    from_byte: Vec<u32>,
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str, gazetteer: &'a Gazetteer) -> Self {
        let Scan { tokens, lowered } = scan(text);
        let tokens = name_particles(text, &lowered, tokens, gazetteer);
        let mut sentence_start = Vec::with_capacity(tokens.len());
        // A sentence ended ([`sentence::end_at`]) since the last word or number.
        let mut ended = true;
        let mut prev: Option<&Token<'_>> = None;
        for t in &tokens {
            let opens = ended
                || prev.is_some_and(|prev| {
                    t.line_before
                        || (prev.kind == TokenKind::Punct
                            && matches!(prev.text, ":" | "\"" | "“" | "(" | "-" | "–"))
                });
            sentence_start.push(opens && t.kind == TokenKind::Word);
            if t.kind == TokenKind::Punct {
                ended |= matches!(t.text, "." | "!" | "?" | "…")
                    && sentence::end_at(text, t.start).is_some();
            } else {
                ended = false;
            }
            prev = Some(t);
        }
        let names = find_listed(
            &tokens,
            |t| gazetteer.may_open_name(t),
            |from, found| gazetteer.names_from(text, from, found),
        );
        // Titles are found whatever the case after their capital ("Bí thư Trung ương đảng"):
        // matched in the lower-cased text from a capitalised token.
        let titles = find_listed(
            &tokens,
            |t| t.is_capitalized(),
            |from, found| gazetteer.titles_from(&lowered, from, found),
        );
        let cue_lens = find_cues(&tokens, gazetteer, &lowered);
        let mut next_cap = vec![tokens.len() as u32; tokens.len() + 1];
        for i in (0..tokens.len()).rev() {
            next_cap[i] = if tokens[i].is_capitalized() {
                i as u32
            } else {
                next_cap[i + 1]
            };
        }
        let from_byte = tokens_before(&tokens, text.len());
        Self {
            text,
            tokens,
            sentence_start,
            gazetteer,
            names,
            titles,
            lowered,
            cue_lens,
            next_cap,
            from_byte,
        }
    }

    /// The text lower-cased, byte for byte: a token's range in the text is its range here.
    pub fn lowered(&self) -> &str {
        &self.lowered
    }

    /// Token `i` lower-cased.
    pub fn low(&self, i: usize) -> &str {
        let t = &self.tokens[i];
        &self.lowered[t.start..t.end]
    }

    /// The token after a listed place of one of these kinds starting at
    /// token `j`.
    pub fn listed_place_end(&self, j: usize, kinds: &[KnownDetail]) -> Option<usize> {
        let (_, end, known) = self.name_at(self.tokens.get(j)?.start)?;
        if !kinds.contains(&known.detail) {
            return None;
        }
        self.token_ending_at(end).map(|last| last + 1)
    }

    /// The listed name that starts at byte `start`, if any.
    pub fn name_at(&self, start: usize) -> Option<(usize, usize, &'a Known)> {
        self.names
            .binary_search_by(|n| n.0.cmp(&start))
            .ok()
            .map(|i| self.names[i])
    }

    /// The listed title that starts at byte `start`, if any.
    pub fn title_at(&self, start: usize) -> Option<(usize, usize, &'a Known)> {
        self.titles
            .binary_search_by(|n| n.0.cmp(&start))
            .ok()
            .map(|i| self.titles[i])
    }

    /// The token index that starts at byte `start`, if one does.
    pub fn token_at(&self, start: usize) -> Option<usize> {
        let i = *self.from_byte.get(start)? as usize;
        (self.tokens.get(i)?.start == start).then_some(i)
    }

    /// The tokens of a span that starts where a token starts: from that
    /// token to the last one starting before `end`; none if no token
    /// starts at `start`.
    pub fn tokens_in(&self, start: usize, end: usize) -> std::ops::Range<usize> {
        let Some(first) = self.token_at(start) else {
            return 0..0;
        };
        // The tokens starting before `end`, all of them past the text's end.
        let before = self
            .from_byte
            .get(end)
            .map_or(self.tokens.len(), |&n| n as usize);
        first..before.max(first)
    }

    /// The token index that ends at byte `end`, if one does.
    pub fn token_ending_at(&self, end: usize) -> Option<usize> {
        // Tokens do not overlap: one ending at `end` is the last to start before it.
        let i = (*self.from_byte.get(end)? as usize).checked_sub(1)?;
        (self.tokens[i].end == end).then_some(i)
    }

    /// The lower-cased text of tokens `i..j`, a single space where the text has any.
    #[inline]
    pub fn lower(&self, i: usize, j: usize) -> &str {
        if i >= j {
            return "";
        }
        &self.lowered[self.tokens[i].start..self.tokens[j - 1].end]
    }

    /// How many tokens from `i` spell `phrase` lower-cased (syllables
    /// separated by one space: "nhân dân"), if they do.
    pub fn lower_phrase_len(&self, i: usize, phrase: &str) -> Option<usize> {
        let from = self.tokens.get(i)?.start;
        let end = from + phrase.len();
        if self.lowered.as_bytes().get(from..end)? != phrase.as_bytes() {
            return None;
        }
        // The phrase ends where a token ends.
        let tail = self.tokens.get(i..)?;
        let last = tail.iter().position(|t| t.end >= end)?;
        (tail[last].end == end).then_some(last + 1)
    }

    /// The text of tokens `i..j` as written.
    pub fn span(&self, i: usize, j: usize) -> &'a str {
        &self.text[self.tokens[i].start..self.tokens[j - 1].end]
    }

    /// The longest cue of kind `cue` ending just before token `i`, as the token it starts at.
    pub fn cue_before(&self, i: usize, cue: Cue) -> Option<usize> {
        (1..=self.gazetteer.max_cue_len.min(i))
            .rev()
            .map(|n| i - n)
            .find(|&s| self.cue_len_at(s, cue) == Some(i - s))
    }

    /// The length of the longest cue of kind `cue` starting at token `i`
    /// (compared lower-cased).
    pub fn cue_len_at(&self, i: usize, cue: Cue) -> Option<usize> {
        match self.cue_lens.get(i).map(|lens| lens[cue as usize]) {
            Some(0) | None => None,
            Some(n) => Some(n as usize),
        }
    }

    /// The length in tokens of the shortest word of `role` (`rule_words.tsv`)
    /// that tokens from `i` spell lower-cased, as [`Doc::lower_phrase_len`]
    /// compares a phrase.
    pub fn rule_word_len(&self, i: usize, role: WordRole) -> Option<usize> {
        let words = &self.gazetteer.rule_words;
        if i >= self.tokens.len() || !words.opens(role, self.low(i)) {
            return None;
        }
        let most = words.longest(role).min(self.tokens.len() - i);
        (1..=most).find(|&n| words.has(role, self.lower(i, i + n)))
    }

    /// Token `i` opens a body or an office said of several countries at
    /// once: a word of several right before it ("hai Bộ Công an", "các Bộ
    /// trưởng"), or before the honorific before it ("hai đồng chí Bộ trưởng").
    pub fn several_before(&self, i: usize) -> bool {
        let several = |end: usize| {
            self.gazetteer
                .offices
                .several_before
                .iter()
                .any(|(w, n)| end >= *n && self.lower_phrase_len(end - n, w) == Some(*n))
        };
        several(i) || self.cue_before(i, Cue::PersonBefore).is_some_and(several)
    }

    /// Token `j`, right after a body, opens words that make it the body of
    /// several countries ("Bộ Công an hai nước").
    pub fn several_after(&self, j: usize) -> bool {
        self.gazetteer
            .offices
            .several_after
            .iter()
            .any(|w| self.lower_phrase_len(j, w).is_some())
    }

    /// A capitalised word, not punctuation.
    pub fn is_cap(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(Token::is_capitalized)
    }

    /// Some token of `from..to` is a capitalised word ([`Doc::is_cap`]).
    pub fn cap_within(&self, from: usize, to: usize) -> bool {
        let to = to.min(self.tokens.len());
        from < to && (self.next_cap[from] as usize) < to
    }

    /// A capitalised word of two or more letters, all capitals ("UBND", "TTXVN").
    pub fn is_acronym(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.is_capitalized() && t.is_acronym())
    }

    /// Token `i` opens an abbreviation in brackets: "(", an acronym, ")".
    pub fn bracketed_acronym(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.is_punct('('))
            && self.is_acronym(i + 1)
            && self.tokens.get(i + 2).is_some_and(|t| t.is_punct(')'))
    }

    /// Token `i` is a capitalised word, no acronym, that is no Vietnamese
    /// syllable: a word of a foreign name.
    pub fn is_foreign_word(&self, i: usize) -> bool {
        self.is_cap(i) && !self.is_acronym(i) && !self.gazetteer.is_vietnamese_syllable(self.low(i))
    }

    /// Token `i`, after a space, closes a common compound with the lower-case
    /// word before it ("văn bản", "thị trường"): it is that compound's.
    pub fn closes_compound(&self, i: usize) -> bool {
        i > 0 && !self.is_cap(i - 1) && self.compound_with_previous(i)
    }

    /// Token `i`, after a space, and the word before it, capitalised or
    /// not, are one common compound ("Nhà báo", "nghĩa trang").
    pub fn compound_with_previous(&self, i: usize) -> bool {
        i > 0
            && self.tokens[i].space_before
            && self.tokens[i - 1].kind == TokenKind::Word
            && self.gazetteer.lexicon.contains(self.lower(i - 1, i + 1))
    }

    /// Tokens `i` and `i + 1` are separated by a space only (no punctuation,
    /// no line break).
    pub fn joined(&self, i: usize) -> bool {
        self.tokens
            .get(i + 1)
            .is_some_and(|n| n.kind != TokenKind::Punct && !n.line_before)
            && self.tokens[i].kind != TokenKind::Punct
    }
}

/// For every byte of a text of `len` bytes and the place after its end, how
/// many of `tokens` (in order, not overlapping) start before it.
fn tokens_before(tokens: &[Token<'_>], len: usize) -> Vec<u32> {
    let mut before = Vec::with_capacity(len + 1);
    for (i, t) in tokens.iter().enumerate() {
        // Bytes up to and including a token's start have `i` tokens before them.
        before.resize(t.start + 1, i as u32);
    }
    before.resize(len + 1, tokens.len() as u32);
    before
}

/// Every listed name (or title) among `tokens`, leftmost-longest, each
/// starting and ending on a token, as byte ranges of the document's text.
/// `open(token)` tells whether one may start at that token; `walk` finds
/// those starting at a byte of the text (or of its lower-cased copy, which
/// has the same offsets), shortest first, with where they end.
fn find_listed<'g>(
    tokens: &[Token<'_>],
    open: impl Fn(&Token<'_>) -> bool,
    walk: impl Fn(usize, &mut dyn FnMut(usize, &'g Known) -> bool),
) -> Vec<(usize, usize, &'g Known)> {
    let n = tokens.len();
    let mut found = Vec::new();
    let mut i = 0;
    while i < n {
        if !open(&tokens[i]) {
            i += 1;
            continue;
        }
        let mut last = i;
        let mut longest = None;
        walk(tokens[i].start, &mut |to, known| {
            while last + 1 < n && tokens[last].end < to {
                last += 1;
            }
            if tokens[last].end == to {
                longest = Some((last, known));
            }
            true
        });
        match longest {
            Some((last, known)) => {
                found.push((tokens[i].start, tokens[last].end, known));
                i = last + 1;
            }
            None => i += 1,
        }
    }
    found
}

/// The longest cue phrase of each kind starting at each token: `[i][cue]`
/// is its length in tokens, 0 for none. A cue is whole words: it starts
/// and ends on tokens and every token in it is a word.
fn find_cues(tokens: &[Token<'_>], gazetteer: &Gazetteer, lowered: &str) -> Vec<[u8; Cue::COUNT]> {
    // Filled rather than allocated zeroed: the allocator's zeroed path for
    // a block this size costs more than writing the zeros.
    let mut lens = Vec::with_capacity(tokens.len());
    lens.resize(tokens.len(), [0u8; Cue::COUNT]);
    for first in 0..tokens.len() {
        if tokens[first].kind != TokenKind::Word {
            continue;
        }
        // The token in which the cue found last ends; every token up to it is a word.
        let mut last = first;
        gazetteer.cues_from(lowered, tokens[first].start, |end, cues| {
            while tokens[last].end < end && tokens[last + 1].kind == TokenKind::Word {
                last += 1;
            }
            if tokens[last].end < end {
                // The cue would run into punctuation or a number, as would every longer one.
                return false;
            }
            if tokens[last].end == end {
                let n = (last - first + 1) as u8;
                for &cue in cues {
                    let len = &mut lens[first][cue as usize];
                    *len = (*len).max(n);
                }
            }
            true
        });
    }
    lens
}

/// Words that the text joins into one: an apostrophe between the letters
/// of two ("H’Drai"); the lower-case particles of foreign names, read as
/// words of those names: one joined by a hyphen to the capitalised word after it is one word with
/// it ("Adel al-Jubeir", "thành phố al-Bab"); one between two capitalised
/// words, one of them foreign, is a word of their name ("Deir al Zour",
/// "Robin van Persie").
fn name_particles<'a>(
    text: &'a str,
    lowered: &str,
    tokens: Vec<Token<'a>>,
    gazetteer: &Gazetteer,
) -> Vec<Token<'a>> {
    // Particles are short ASCII words: most words are not looked up.
    let particle = |t: &Token<'_>| {
        t.kind == TokenKind::Word
            && t.text.len() <= 4
            && !t.has_capital()
            && gazetteer.rule_words.has(WordRole::NameParticle, t.text)
    };
    let capital_word = |t: Option<&Token<'_>>| {
        t.is_some_and(|t| t.kind == TokenKind::Word && t.is_capitalized() && !t.line_before)
    };
    let foreign = |t: &Token<'_>| !gazetteer.is_vietnamese_syllable(&lowered[t.start..t.end]);
    // "H’Drai", "L'Oreal", "Bk’rông": an apostrophe between the letters of
    // one word, not an English possessive ("Vietnam's Next Top Model").
    let apostrophe = |i: usize| {
        let t = &tokens[i];
        t.kind == TokenKind::Punct
            && matches!(t.text, "'" | "’")
            && !t.space_before
            && i > 0
            && tokens[i - 1].kind == TokenKind::Word
            && tokens
                .get(i + 1)
                .is_some_and(|n| n.kind == TokenKind::Word && !n.space_before && n.text != "s")
    };
    // Most texts have none: they keep their tokens as they are. Where the
    // first change is, the loop below would have kept every token before
    // it, so the word before is the one it would have looked at.
    let changes_at = |i: usize| {
        let t = &tokens[i];
        if apostrophe(i) {
            return true;
        }
        if t.kind != TokenKind::Word || t.text.len() > 4 || t.has_capital() {
            return false;
        }
        let hyphen = tokens
            .get(i + 1)
            .is_some_and(|d| d.text == "-" && !d.space_before)
            && capital_word(tokens.get(i + 2))
            && !tokens[i + 2].space_before;
        let between = t.space_before
            && !t.line_before
            && !t.is_capitalized()
            && capital_word(tokens.get(i + 1))
            && i > 0
            && capital_word(tokens.get(i - 1))
            && tokens[i + 1].space_before;
        (hyphen || between)
            && particle(t)
            && (hyphen || foreign(&tokens[i - 1]) || foreign(&tokens[i + 1]))
    };
    let Some(first) = (0..tokens.len()).find(|&i| changes_at(i)) else {
        return tokens;
    };
    let mut out: Vec<Token<'a>> = Vec::with_capacity(tokens.len());
    out.extend_from_slice(&tokens[..first]);
    let mut i = first;
    while i < tokens.len() {
        let t = tokens[i];
        if apostrophe(i) {
            if let Some(before) = out.pop() {
                out.push(before.through(&tokens[i + 1], text, false));
                i += 2;
                continue;
            }
        }
        // The cheap tests first: this looks at every word.
        let hyphen = tokens
            .get(i + 1)
            .is_some_and(|d| d.text == "-" && !d.space_before)
            && capital_word(tokens.get(i + 2))
            && !tokens[i + 2].space_before;
        if hyphen && particle(&t) {
            out.push(t.through(&tokens[i + 2], text, true));
            i += 3;
            continue;
        }
        let between = t.space_before
            && !t.line_before
            && !t.is_capitalized()
            && capital_word(tokens.get(i + 1))
            && capital_word(out.last())
            && tokens[i + 1].space_before;
        if between && particle(&t) && (out.last().is_some_and(&foreign) || foreign(&tokens[i + 1]))
        {
            out.push(t.in_name());
        } else {
            out.push(t);
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::gazetteer;

    /// The words of `text` that open a sentence, line or clause.
    fn starts(text: &str) -> Vec<String> {
        let g = gazetteer::sample();
        let doc = Doc::new(text, &g);
        (0..doc.tokens.len())
            .filter(|&i| doc.sentence_start[i])
            .map(|i| doc.tokens[i].text.to_string())
            .collect()
    }

    #[test]
    fn the_particles_of_foreign_names_are_words_of_those_names() {
        use crate::entity::EntityType;
        use crate::extract::found_texts;
        assert_eq!(
            found_texts("Ông Mansour al-Turki cho biết.", EntityType::Person),
            ["Mansour al-Turki"]
        );
        assert_eq!(
            found_texts(
                "Quân đội tiến vào thành phố al-Bab hôm qua.",
                EntityType::Location
            ),
            ["thành phố al-Bab"]
        );
        assert_eq!(
            found_texts("Tỉnh Deir al Zour bị tấn công.", EntityType::Location),
            ["Tỉnh Deir al Zour"]
        );
        assert_eq!(
            found_texts("Thủ lĩnh al-Qaeda tuyên bố.", EntityType::Organization),
            ["al-Qaeda"]
        );
        // Not between Vietnamese words, nor across a line.
        let g = gazetteer::sample();
        let doc = Doc::new("Hà Nội an Nam", &g);
        assert!(!doc.is_cap(2));
        // An apostrophe inside a word is the word's; a possessive's is not.
        let words = |text: &str| -> Vec<String> {
            let doc = Doc::new(text, &g);
            doc.tokens.iter().map(|t| t.text.to_string()).collect()
        };
        assert_eq!(words("huyện Ia H’Drai"), ["huyện", "Ia", "H’Drai"]);
        assert_eq!(words("hãng L'Oreal"), ["hãng", "L'Oreal"]);
        assert_eq!(words("Vietnam's Next"), ["Vietnam", "'", "s", "Next"]);
        assert_eq!(
            words("‘Rock am Ring’ gần"),
            ["‘", "Rock", "am", "Ring", "’", "gần"]
        );
    }

    #[test]
    fn sentences_start_where_the_one_splitter_ends_them() {
        assert_eq!(
            starts("Tại TP. Hồ Chí Minh, ông Nguyễn Văn A. (35 tuổi) bị bắt. “Đi đâu?” chị hỏi. Ông nói: “Xong.” Anh về."),
            ["Tại", "Đi", "Ông", "Xong", "Anh"]
        );
    }

    #[test]
    fn lines_and_clauses_after_a_colon_quote_bracket_or_dash_start_too() {
        assert_eq!(
            starts("Chiều 10/2\nĐoàn đến: Hai bên hội đàm (Ảnh - Tư liệu)"),
            ["Chiều", "Đoàn", "Hai", "Ảnh", "Tư"]
        );
    }
}
