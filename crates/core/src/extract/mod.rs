//! Entity extraction: normalised text → syllable tokens → recognizers
//! propose spans → one resolver decides overlaps → mentions resolved into
//! entities, titles attached to people.
//!
//! Recognizers only *propose* ([`Proposal`]); [`decide::decide`] alone
//! chooses which proposals become mentions. Each recognizer is one file
//! behind the [`Recognizer`] trait, composed by [`Extractor`].
//!
//! ```
//! use doichieu_core::extract::Extractor;
//! use doichieu_core::entity::EntityType;
//!
//! let extractor = Extractor::default();
//! let found = extractor.extract_text("Chiều 10/2, Bộ trưởng Tô Lâm đến thủ đô Vientiane.");
//! let people: Vec<&str> = found.iter().filter(|m| m.kind == EntityType::Person).map(|m| m.text.as_str()).collect();
//! assert_eq!(people, ["Tô Lâm"]);
//! ```

pub mod date;
pub mod decide;
pub mod event;
pub mod gazetteer;
pub mod location;
pub mod organization;
pub mod person;
pub mod resolve;
pub mod roles;
pub mod title;
pub mod token;

use crate::entity::EntityType;
use gazetteer::{Cue, Gazetteer, Known};
use token::{is_uppercase, tokenize, Token, TokenKind};

/// How sure a recognizer is of a span; the resolver prefers the surer one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Evidence {
    /// The shape of the words alone (capitalised syllables).
    Shape,
    /// The same name was recognised elsewhere in the document.
    Document,
    /// A cue word next to it ("ông", "tỉnh", "Bộ").
    Cue,
    /// A listed name (gazetteer).
    Known,
}

/// A span some recognizer thinks is a mention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proposal {
    /// Byte range in the document text.
    pub start: usize,
    pub end: usize,
    pub kind: EntityType,
    pub evidence: Evidence,
    /// The canonical name when the recognizer knows it ("Viêng Chăn" → "Vientiane").
    pub canonical: Option<String>,
}

/// A document being read: its text, tokens and what is known of each token.
pub struct Doc<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token<'a>>,
    /// `sentence_start[i]`: token `i` opens a sentence, line or clause after a colon.
    pub sentence_start: Vec<bool>,
    pub gazetteer: &'a Gazetteer,
    /// Every listed name in the text (leftmost-longest), by byte range, in text order.
    pub names: Vec<(usize, usize, &'a Known)>,
    /// Every listed title in the text, in text order.
    pub titles: Vec<(usize, usize, &'a Known)>,
    /// Every token lower-cased, a space between tokens that the text
    /// separates, and where each token is in it.
    lowered: String,
    lowered_at: Vec<(u32, u32)>,
    /// `cue_lens[i][cue]`: the length of the longest cue of that kind starting at token `i`, 0 for none.
    cue_lens: Vec<[u8; Cue::COUNT]>,
    /// `caps[i]`: token `i` is a word starting with a capital.
    caps: Vec<bool>,
    /// `acronyms[i]`: token `i` is a capitalised word of two or more letters, all capitals.
    acronyms: Vec<bool>,
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str, gazetteer: &'a Gazetteer) -> Self {
        let tokens = tokenize(text);
        let n = tokens.len();
        let mut sentence_start = Vec::with_capacity(n);
        let mut caps = Vec::with_capacity(n);
        let mut acronyms = Vec::with_capacity(n);
        let mut lowered = String::with_capacity(text.len());
        let mut lowered_at = Vec::with_capacity(n);
        let mut prev: Option<&Token<'_>> = None;
        for t in &tokens {
            let opens = match prev {
                None => true,
                Some(prev) => {
                    (t.space_before && text.as_bytes()[prev.end..t.start].contains(&b'\n'))
                        || (prev.kind == TokenKind::Punct
                            && matches!(
                                prev.text,
                                "." | "!" | "?" | ":" | "…" | "\"" | "“" | "(" | "-" | "–"
                            ))
                }
            };
            sentence_start.push(opens && t.kind == TokenKind::Word);
            let cap = t.is_capitalized();
            caps.push(cap);
            acronyms.push(cap && t.is_acronym());
            if t.space_before && !lowered.is_empty() {
                lowered.push(' ');
            }
            let from = lowered.len() as u32;
            push_lowercase(&mut lowered, t.text);
            lowered_at.push((from, lowered.len() as u32));
            prev = Some(t);
        }
        let names = gazetteer.find_names(text).collect();
        // Titles are found whatever the case after their capital ("Bí thư Trung ương đảng"):
        // matched in the lower-cased tokens, kept when they start and end on tokens.
        let titles = gazetteer
            .find_titles_lowered(&lowered)
            .into_iter()
            .filter_map(|(s, e, known)| {
                let first = lowered_at
                    .binary_search_by(|r: &(u32, u32)| (r.0 as usize).cmp(&s))
                    .ok()?;
                let last = lowered_at
                    .binary_search_by(|r: &(u32, u32)| (r.1 as usize).cmp(&e))
                    .ok()?;
                tokens[first]
                    .is_capitalized()
                    .then(|| (tokens[first].start, tokens[last].end, known))
            })
            .collect();
        let mut doc = Self {
            text,
            tokens,
            sentence_start,
            gazetteer,
            names,
            titles,
            lowered,
            lowered_at,
            cue_lens: Vec::new(),
            caps,
            acronyms,
        };
        doc.cue_lens = doc.find_cues();
        doc
    }

    /// Looks up every cue phrase once, longest last (so the longest wins).
    fn find_cues(&self) -> Vec<[u8; Cue::COUNT]> {
        let mut lens = vec![[0u8; Cue::COUNT]; self.tokens.len()];
        for (i, slot) in lens.iter_mut().enumerate() {
            if self.tokens[i].kind != TokenKind::Word || !self.gazetteer.starts_cue(self.low(i)) {
                continue;
            }
            let max = self.gazetteer.max_cue_len.min(self.tokens.len() - i);
            for n in 1..=max {
                let last = i + n - 1;
                let extends =
                    n == 1 || (self.tokens[last].kind == TokenKind::Word && self.joined(last - 1));
                let phrase = self.lower(i, i + n);
                if !extends || !self.gazetteer.starts_cue(phrase) {
                    break;
                }
                for &cue in self.gazetteer.cue(phrase) {
                    slot[cue as usize] = n as u8;
                }
            }
        }
        lens
    }

    /// Token `i` lower-cased.
    pub fn low(&self, i: usize) -> &str {
        let (from, to) = self.lowered_at[i];
        &self.lowered[from as usize..to as usize]
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
        self.tokens.binary_search_by(|t| t.start.cmp(&start)).ok()
    }

    /// The token index that ends at byte `end`, if one does.
    pub fn token_ending_at(&self, end: usize) -> Option<usize> {
        self.tokens.binary_search_by(|t| t.end.cmp(&end)).ok()
    }

    /// The lower-cased text of tokens `i..j`, a single space where the text has any.
    pub fn lower(&self, i: usize, j: usize) -> &str {
        if i >= j {
            return "";
        }
        &self.lowered[self.lowered_at[i].0 as usize..self.lowered_at[j - 1].1 as usize]
    }

    /// How many tokens from `i` spell `phrase` lower-cased (syllables
    /// separated by one space: "nhân dân"), if they do.
    pub fn lower_phrase_len(&self, i: usize, phrase: &str) -> Option<usize> {
        let from = self.lowered_at.get(i)?.0 as usize;
        let end = from + phrase.len();
        if self.lowered.as_bytes().get(from..end)? != phrase.as_bytes() {
            return None;
        }
        // The phrase ends where a token ends.
        let tail = self.lowered_at.get(i..)?;
        let last = tail.iter().position(|&(_, to)| to as usize >= end)?;
        (tail[last].1 as usize == end).then_some(last + 1)
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

    /// A capitalised word, not punctuation.
    pub fn is_cap(&self, i: usize) -> bool {
        self.caps.get(i).copied().unwrap_or(false)
    }

    /// A capitalised word of two or more letters, all capitals ("UBND", "TTXVN").
    pub fn is_acronym(&self, i: usize) -> bool {
        self.acronyms.get(i).copied().unwrap_or(false)
    }

    /// Tokens `i` and `i + 1` are separated by a space only (no punctuation).
    pub fn joined(&self, i: usize) -> bool {
        self.tokens
            .get(i + 1)
            .is_some_and(|n| n.kind != TokenKind::Punct)
            && self.tokens[i].kind != TokenKind::Punct
    }
}

/// Appends `word` lower-cased. A word with no capital, as most are, is
/// copied as it is.
fn push_lowercase(out: &mut String, word: &str) {
    if word.is_ascii() {
        let from = out.len();
        out.push_str(word);
        out[from..].make_ascii_lowercase();
    } else if word.chars().any(is_uppercase) {
        out.extend(word.chars().flat_map(char::to_lowercase));
    } else {
        out.push_str(word);
    }
}

/// One kind of evidence for one type of entity.
pub trait Recognizer: Send + Sync {
    /// Adds what it finds in `doc` to `out`. `found` holds what earlier
    /// recognizers proposed, for those that build on it (titles on bodies,
    /// people on titles).
    fn propose(&self, doc: &Doc<'_>, found: &[Proposal], out: &mut Vec<Proposal>);
}

/// A mention found in a text, before entity resolution.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub kind: EntityType,
    pub text: String,
    pub canonical: Option<String>,
}

/// The pipeline: recognizers in order, then the resolver.
pub struct Extractor {
    gazetteer: &'static Gazetteer,
    recognizers: Vec<Box<dyn Recognizer>>,
}

impl Default for Extractor {
    /// Every recognizer, over the shipped lists.
    fn default() -> Self {
        Self::builder(Gazetteer::shipped())
            .with(date::DateRecognizer)
            .with(location::LocationRecognizer)
            .with(organization::OrganizationRecognizer)
            .with(event::EventRecognizer)
            .with(title::TitleRecognizer)
            .with(person::PersonRecognizer)
            .build()
    }
}

/// Composes an [`Extractor`].
pub struct ExtractorBuilder {
    extractor: Extractor,
}

impl ExtractorBuilder {
    pub fn with(mut self, recognizer: impl Recognizer + 'static) -> Self {
        self.extractor.recognizers.push(Box::new(recognizer));
        self
    }

    pub fn build(self) -> Extractor {
        self.extractor
    }
}

impl Extractor {
    pub fn builder(gazetteer: &'static Gazetteer) -> ExtractorBuilder {
        ExtractorBuilder {
            extractor: Extractor {
                gazetteer,
                recognizers: Vec::new(),
            },
        }
    }

    /// The mentions in one normalised text (one document), in text order.
    pub fn extract_text(&self, text: &str) -> Vec<Found> {
        let doc = Doc::new(text, self.gazetteer);
        let mut proposals = Vec::new();
        for recognizer in &self.recognizers {
            let mut out = Vec::new();
            recognizer.propose(&doc, &proposals, &mut out);
            proposals.extend(out);
        }
        decide::decide(proposals)
            .into_iter()
            .map(|p| Found {
                start: p.start,
                end: p.end,
                kind: p.kind,
                text: text[p.start..p.end].to_string(),
                canonical: p.canonical,
            })
            .collect()
    }
}

/// What the last recognizer of `chain` proposes for `text` over the sample
/// lists, after the earlier ones proposed theirs: each span as written.
#[cfg(test)]
pub(crate) fn proposed_texts(text: &str, chain: &[&dyn Recognizer]) -> Vec<String> {
    let g = gazetteer::sample();
    let doc = Doc::new(text, &g);
    let mut found = Vec::new();
    let mut last = Vec::new();
    for recognizer in chain {
        last = Vec::new();
        recognizer.propose(&doc, &found, &mut last);
        found.extend(last.iter().cloned());
    }
    last.iter()
        .map(|p| text[p.start..p.end].to_string())
        .collect()
}
