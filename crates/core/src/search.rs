//! What the library's search box means, and why an article matched.
//!
//! The text of `q` is read into phrases ([`phrases`]): the words typed
//! together are one phrase, matched in order and adjacent, as a name is
//! written; a `"quoted"` part is a phrase of its own that keeps its marks
//! as typed. Outside quotes, a word typed without marks ignores them ("to
//! lam" finds "Tô Lâm"), one typed with them keeps them. The last word of
//! a phrase still being typed may be the beginning of a word.
//!
//! The index ([`crate::filter`]) finds the articles; this module owns the
//! words of a query, how a word of the text is compared with one, the
//! sentence shown on a card ([`snippet`]) and the facets of the results.

use std::ops::Range;

use crate::corpus::Corpus;
use crate::normalize::{fold_ascii, place_tone_marks};

/// One run of letters and digits of a query word, as it is compared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    /// In lower case; folded to ASCII when `folded`.
    pub text: String,
    /// Compared with the text's words folded to ASCII (typed without marks).
    pub folded: bool,
    /// A word of the text may go on after it (the word being typed).
    pub prefix: bool,
}

/// Words that must stand together, in order, in the text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Phrase {
    /// Each run of letters and digits of the words typed, in order.
    pub runs: Vec<Run>,
    /// The words typed with signs in them ("tp.hcm", "8/3"), which the
    /// text must hold as written, not only as runs.
    pub signed: Vec<String>,
    /// Between quotes.
    pub quoted: bool,
}

impl Phrase {
    /// Whether a word of the text (in lower case) matches the run at `k`.
    pub fn run_matches(&self, k: usize, word: &str) -> bool {
        let run = &self.runs[k];
        if run.folded {
            let folded = fold_ascii(word);
            if run.prefix {
                folded.starts_with(&run.text)
            } else {
                folded == run.text
            }
        } else if run.prefix {
            word.starts_with(&run.text)
        } else {
            word == run.text
        }
    }

    /// The phrase as a name is compared: its runs, a space apart.
    pub fn key(&self) -> String {
        let mut out = String::new();
        for run in &self.runs {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&run.text);
        }
        out
    }
}

/// The phrases of a query: the words outside quotes, run by run, and each
/// quoted part. An unclosed quote runs to the end, its last word a prefix.
pub fn phrases(q: &str) -> Vec<Phrase> {
    // The query is expected composed (NFC), as typed; tone placement is
    // made the text's own ("hoà" finds "hòa").
    let q = crate::case::lower(&place_tone_marks(q));
    let parts: Vec<&str> = q.split('"').collect();
    let last = parts.len() - 1;
    let mut out = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        let quoted = i % 2 == 1;
        let words: Vec<&str> = part.split_whitespace().collect();
        let mut phrase = Phrase {
            quoted,
            ..Phrase::default()
        };
        for (w, word) in words.iter().enumerate() {
            let folded = !quoted && word.is_ascii();
            let mut runs = word
                .split(|c: char| !c.is_alphanumeric())
                .filter(|r| !r.is_empty())
                .peekable();
            if runs.peek().is_none() {
                continue;
            }
            if !word.chars().all(char::is_alphanumeric) {
                phrase.signed.push(word.to_string());
            }
            // Only the word still being typed may be a beginning: the last
            // one, outside quotes or inside a quote not yet closed.
            while let Some(run) = runs.next() {
                let typing = i == last && w + 1 == words.len();
                phrase.runs.push(Run {
                    text: run.to_string(),
                    folded,
                    prefix: typing && runs.peek().is_none(),
                });
            }
        }
        if !phrase.runs.is_empty() {
            out.push(phrase);
        }
    }
    out
}

/// The words of a text: each run of letters and digits with its byte range,
/// in lower case, and whether a sentence or line ends before it (a phrase
/// never reaches over one).
pub fn words(text: &str) -> impl Iterator<Item = (Range<usize>, String, bool)> + '_ {
    word_spans(text)
        .map(|(range, broken)| (range.clone(), crate::case::lower(&text[range]), broken))
}

/// [`words`] without the words: each run's byte range, and whether a
/// sentence or line ends before it ([`is_break`] of the gap before it).
/// Read byte by byte, a character decoded only outside ASCII, and what the
/// gap holds of a break noted as it is passed.
pub fn word_spans(text: &str) -> impl Iterator<Item = (Range<usize>, bool)> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0usize;
    let mut after_word = false;
    // The character at `i` (not ASCII) and its length; Vietnamese's
    // letters are known by their first bytes, without decoding them:
    // U+00C0..=U+024F but × and ÷ (lead bytes 0xC3..=0xC9), and Latin
    // Extended Additional (0xE1 0xB8..=0xBB).
    let wide = move |i: usize| -> (Option<char>, usize) {
        match bytes[i] {
            0xC3 if matches!(bytes.get(i + 1), Some(0x97 | 0xB7)) => (Some('×'), 2),
            0xC3..=0xC9 => (None, 2),
            0xE1 if matches!(bytes.get(i + 1), Some(0xB8..=0xBB)) => (None, 3),
            _ => {
                let c = text[i..].chars().next().expect("a character starts here");
                (Some(c), c.len_utf8())
            }
        }
    };
    std::iter::from_fn(move || {
        let (mut line, mut space, mut stop) = (false, false, false);
        let start = loop {
            let &b = bytes.get(at)?;
            if b.is_ascii() {
                if b.is_ascii_alphanumeric() {
                    break at;
                }
                match b {
                    b'\n' => line = true,
                    b'\t' | b'\x0B' | b'\x0C' | b'\r' | b' ' => space = true,
                    b'.' | b'!' | b'?' | b';' | b':' => stop = true,
                    _ => {}
                }
                at += 1;
            } else {
                let (c, len) = wide(at);
                // A character not decoded is a letter.
                let Some(c) = c.filter(|&c| !alphanumeric(c)) else {
                    break at;
                };
                space |= c.is_whitespace();
                at += len;
            }
        };
        while let Some(&b) = bytes.get(at) {
            if b.is_ascii() {
                if !b.is_ascii_alphanumeric() {
                    break;
                }
                at += 1;
            } else {
                let (c, len) = wide(at);
                if c.is_some_and(|c| !alphanumeric(c)) {
                    break;
                }
                at += len;
            }
        }
        let broken = after_word && (line || (space && stop));
        after_word = true;
        Some((start..at, broken))
    })
}

/// `char::is_alphanumeric`, answered at once for ASCII and the letters of
/// Vietnamese (Latin-1 to Latin Extended-B, and Latin Extended Additional).
#[inline]
fn alphanumeric(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphanumeric(),
        '\u{00D7}' | '\u{00F7}' => false,
        '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}' => true,
        _ => c.is_alphanumeric(),
    }
}

/// The byte ranges of the words of a text (runs of letters and digits),
/// as [`words`] gives them, without reading them.
pub fn word_ranges(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    word_spans(text).map(|(range, _)| range)
}

/// Whether what lies between two words ends a sentence or a line: a line
/// break, or a stop followed by a space ("Lâm. Hà", not "tp.hcm").
pub fn is_break(gap: &str) -> bool {
    gap.contains('\n')
        || (gap.contains(char::is_whitespace) && gap.contains(['.', '!', '?', ';', ':']))
}

/// Where each phrase stands in `text`, as byte ranges from its first
/// word's start to its last word's end, in text order.
pub fn find(text: &str, phrases: &[Phrase]) -> Vec<Range<usize>> {
    let words: Vec<(Range<usize>, String, bool)> = words(text).collect();
    let mut out = Vec::new();
    for phrase in phrases {
        let n = phrase.runs.len();
        'start: for s in 0..words.len().saturating_sub(n - 1) {
            for k in 0..n {
                let (_, word, broken) = &words[s + k];
                if (k > 0 && *broken) || !phrase.run_matches(k, word) {
                    continue 'start;
                }
            }
            out.push(words[s].0.start..words[s + n - 1].0.end);
        }
    }
    in_order(out)
}

/// Byte ranges in text order.
pub fn in_order(ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut keys: Vec<u64> = ranges
        .into_iter()
        .map(|r| ((r.start as u64) << 32) | r.end as u64)
        .collect();
    crate::sort::sort(&mut keys);
    keys.into_iter()
        .map(|k| (k >> 32) as usize..(k & 0xffff_ffff) as usize)
        .collect()
}

/// The sentence shown on a card: where the reader's words or names stand.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    /// Byte ranges of `text` that matched, in order, not overlapping.
    pub marks: Vec<Range<usize>>,
}

/// Characters kept on each side of the first match.
const REACH: usize = 110;

/// Words from the start of a card's first match to the last word its
/// sentence can show: the longest phrase matched (32 words), then
/// [`REACH`] characters, a word each at most.
pub const SNIPPET_WORDS: usize = 32 + REACH;

/// The sentence of an article around the first place its text holds a
/// phrase (`found`: byte ranges of its text, as [`find`] or the index's
/// `phrase_ranges` give them), or else mentions one of `entities` (indices
/// into [`Corpus::entities`]), with every such place in it marked; `None`
/// when the text has neither (a match in the title only).
pub fn snippet(
    corpus: &Corpus,
    article: usize,
    found: Vec<Range<usize>>,
    entities: &[usize],
) -> Option<Snippet> {
    let text = corpus.articles[article].text();
    let mut found = found;
    found.extend(
        corpus
            .marks_of(article)
            .iter()
            .filter(|m| entities.contains(&(m.entity as usize)))
            .map(|m| m.start as usize..m.end as usize),
    );
    let found = in_order(found);
    let first = found.first()?.clone();
    let mut sentence = crate::sentence::around(&text, first.start, first.end);
    sentence.start = first.start - text[sentence.start..first.start].trim_start().len();
    // Cut to about REACH characters on each side of the first match, at spaces.
    let mut start = sentence.start;
    if text[start..first.start].chars().count() > REACH {
        let from = text[..first.start]
            .char_indices()
            .rev()
            .nth(REACH - 1)
            .map_or(start, |(i, _)| i);
        start = text[from..first.start]
            .find(' ')
            .map_or(from, |i| from + i + 1);
    }
    let mut end = sentence.end;
    if text[first.end..end].chars().count() > REACH {
        let to = text[first.end..]
            .char_indices()
            .nth(REACH)
            .map_or(end, |(i, _)| first.end + i);
        end = text[first.end..to].rfind(' ').map_or(to, |i| first.end + i);
    }
    let mut out = Snippet::default();
    if start > sentence.start {
        out.text.push('…');
    }
    let offset = out.text.len();
    out.text.push_str(text[start..end].trim_end());
    let kept = start..start + out.text.len() - offset;
    let mut last = 0;
    for r in found {
        if r.start >= kept.start && r.end <= kept.end && r.start - start + offset >= last {
            let m = r.start - start + offset..r.end - start + offset;
            last = m.end;
            out.marks.push(m);
        }
    }
    if end < sentence.end {
        out.text.push('…');
    }
    Some(out)
}

/// The spelling of an entity an article holds: its first mention's text.
pub fn spelling_in(corpus: &Corpus, article: usize, entity: usize) -> Option<String> {
    let mark = corpus
        .marks_of(article)
        .iter()
        .find(|m| m.entity as usize == entity)?;
    let text = corpus.articles[article].text();
    text.get(mark.start as usize..mark.end as usize)
        .map(String::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_read_byte_by_byte_are_those_read_by_character() {
        // Runs of letters and digits, each with the gap before it.
        fn by_character(text: &str) -> Vec<(Range<usize>, bool)> {
            let mut out = Vec::new();
            let mut last_end = 0;
            let mut start = None;
            for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
                match (start, c.is_alphanumeric() && i < text.len()) {
                    (None, true) => start = Some(i),
                    (Some(s), false) => {
                        out.push((s..i, last_end > 0 && is_break(&text[last_end..s])));
                        last_end = i;
                        start = None;
                    }
                    _ => {}
                }
            }
            out
        }
        let texts = [
            "Bộ trưởng Tô Lâm. Hà Nội, ngày 10/2: “Việt Nam – Lào”… tp.hcm",
            "  x\u{00A0}.y z\u{2003}!w\u{3000};v\u{0085}:u\n\nt\r\n?s\tq.r",
            "Ðảng ×÷ 2025-12; ạ Ữ ǅ ⅷ ٣ 中文 😀 end.",
            "",
            "...",
            "a",
            "một.\u{2028}hai. ba",
        ];
        for text in texts {
            assert_eq!(
                word_spans(text).collect::<Vec<_>>(),
                by_character(text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn letters_answered_at_once_are_those_of_the_unicode_tables() {
        for c in ('\0'..='\u{2FFF}').chain(['ạ', 'Ữ', '×', '÷', '–', '…']) {
            assert_eq!(alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    fn runs(q: &str) -> Vec<Vec<(String, bool, bool)>> {
        phrases(q)
            .into_iter()
            .map(|p| {
                p.runs
                    .into_iter()
                    .map(|r| (r.text, r.folded, r.prefix))
                    .collect()
            })
            .collect()
    }

    fn r(text: &str, folded: bool, prefix: bool) -> (String, bool, bool) {
        (text.to_string(), folded, prefix)
    }

    #[test]
    fn words_typed_together_are_one_phrase_and_quotes_another() {
        assert_eq!(
            runs("To Lâm"),
            [vec![r("to", true, false), r("lâm", false, true)]]
        );
        assert_eq!(
            runs("\"Tô Lâm\" lao"),
            [
                vec![r("tô", false, false), r("lâm", false, false)],
                vec![r("lao", true, true)]
            ]
        );
        assert_eq!(
            runs("\"to la"),
            [vec![r("to", false, false), r("la", false, true)]]
        );
        assert_eq!(
            runs("tp.hcm"),
            [vec![r("tp", true, false), r("hcm", true, true)]]
        );
        assert_eq!(phrases("tp.hcm")[0].signed, ["tp.hcm"]);
        assert!(phrases("  \"\" - ").is_empty());
        assert_eq!(runs("hoà"), [vec![r("hòa", false, true)]]);
    }

    #[test]
    fn a_phrase_is_found_in_order_adjacent_and_within_a_sentence() {
        let text = "Bộ trưởng Tô Lâm tiếp đoàn. Tổ công tác làm việc. Lâm Đồng";
        let found = |q: &str| -> Vec<&str> {
            find(text, &phrases(q))
                .into_iter()
                .map(|r| &text[r])
                .collect()
        };
        assert_eq!(found("to lam"), ["Tô Lâm"]);
        assert_eq!(found("tô lâm"), ["Tô Lâm"]);
        assert_eq!(found("\"to lam\""), Vec::<&str>::new());
        assert_eq!(found("lam to"), Vec::<&str>::new());
        assert_eq!(found("to cong tac lam"), ["Tổ công tác làm"]);
        assert_eq!(found("to cong lam"), Vec::<&str>::new());
        assert_eq!(found("việc lâm"), Vec::<&str>::new(), "not over a stop");
        assert_eq!(found("lam"), ["Lâm", "làm", "Lâm"]);
        assert_eq!(found("to l"), ["Tô Lâm"]);
    }

    #[test]
    fn the_snippet_is_the_sentence_of_the_first_match_with_it_marked() {
        let c = crate::corpus::annotated(&[(
            "a",
            "Tin\nĐoàn đến Lào hôm qua. Bộ trưởng Tô Lâm tiếp đoàn tại Hà Nội, và Tô Lâm phát biểu.",
        )]);
        let text = c.articles[0].text();
        let s = snippet(&c, 0, find(&text, &phrases("to lam")), &[]).expect("found");
        assert_eq!(
            s.text,
            "Bộ trưởng Tô Lâm tiếp đoàn tại Hà Nội, và Tô Lâm phát biểu."
        );
        let marked: Vec<&str> = s.marks.iter().map(|m| &s.text[m.clone()]).collect();
        assert_eq!(marked, ["Tô Lâm", "Tô Lâm"]);
        let lao = c.entity_index("location:lao").expect("Lào is a place");
        let s = snippet(&c, 0, Vec::new(), &[lao]).expect("found");
        assert_eq!(s.text, "Đoàn đến Lào hôm qua.");
        assert_eq!(&s.text[s.marks[0].clone()], "Lào");
        assert_eq!(spelling_in(&c, 0, lao).as_deref(), Some("Lào"));
        assert_eq!(snippet(&c, 0, Vec::new(), &[]), None);
    }

    #[test]
    fn a_long_sentence_is_cut_around_the_match() {
        let long = "chữ ".repeat(80);
        let c = crate::corpus::annotated(&[("a", &format!("Tin\n{long}Viêng Chăn {long}."))]);
        let text = c.articles[0].text();
        let s = snippet(&c, 0, find(&text, &phrases("vieng chan")), &[]).expect("found");
        assert!(
            s.text.starts_with('…') && s.text.ends_with('…'),
            "{}",
            s.text
        );
        assert!(s.text.chars().count() < 2 * REACH + 20);
        assert_eq!(&s.text[s.marks[0].clone()], "Viêng Chăn");
    }
}
