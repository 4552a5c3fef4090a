//! Annotated text and how extraction is measured against it.
//!
//! The annotated files (`.ann`, described in `tests/gold/CONVENTIONS.md`)
//! hold one paragraph a line, `# doc: <name>` opening each document and
//! mentions written `[TYPE text]`. [`read`] turns them into [`GoldDoc`]s;
//! [`Scores`] counts what an [`Extractor`] finds against them in three ways:
//! - [`Scope::Document`]: each document extracted whole, every mention by
//!   exact span and type;
//! - [`Scope::Line`]: each line extracted on its own, with nothing of the
//!   lines around it (as a sentence set is measured);
//! - [`Scope::NameSet`]: each document extracted whole, and compared as
//!   the set of distinct (name as written, type) it marks.
//!
//! ```
//! use doichieu_core::gold::{read, Scope, Scores};
//! use doichieu_core::entity::EntityType;
//! use doichieu_core::extract::Extractor;
//!
//! let docs = read("# doc: a\nBộ trưởng [PER Tô Lâm] đến [LOC Lào].\n").unwrap();
//! let types = [EntityType::Person, EntityType::Location];
//! let scores = Scores::measure(&Extractor::default(), &docs, Scope::Document, &types);
//! assert_eq!(scores.total().f1(), 1.0);
//! ```

use std::collections::{BTreeMap, HashSet};
use std::fmt;

use crate::entity::EntityType;
use crate::extract::Extractor;
use crate::normalize::place_tone_marks;

/// One mention in a gold document: byte range in its paragraph, and type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct GoldMention {
    pub start: usize,
    pub end: usize,
    pub kind: EntityType,
}

/// One annotated document: its paragraphs, each with its mentions.
#[derive(Clone, Debug, Default)]
pub struct GoldDoc {
    pub name: String,
    pub paragraphs: Vec<(String, Vec<GoldMention>)>,
}

impl GoldDoc {
    /// The document's text (paragraphs joined by a blank line) and its
    /// mentions in byte offsets of that text.
    pub fn text(&self) -> (String, Vec<GoldMention>) {
        let mut text = String::new();
        let mut mentions = Vec::new();
        for (paragraph, spans) in &self.paragraphs {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            let base = text.len();
            text.push_str(paragraph);
            mentions.extend(spans.iter().map(|m| GoldMention {
                start: base + m.start,
                end: base + m.end,
                kind: m.kind,
            }));
        }
        (text, mentions)
    }
}

/// Why a line of annotated text could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldError {
    /// 1-based line number.
    pub line: usize,
    pub reason: String,
}

impl fmt::Display for GoldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.reason)
    }
}

/// The type a tag of the annotated text names (`PER`, `ORG`, `LOC`, `DATE`, `TITLE`, `EVENT`).
pub fn tag(name: &str) -> Option<EntityType> {
    Some(match name {
        "PER" => EntityType::Person,
        "ORG" => EntityType::Organization,
        "LOC" => EntityType::Location,
        "DATE" => EntityType::Date,
        "TITLE" => EntityType::Title,
        "EVENT" => EntityType::Event,
        _ => return None,
    })
}

/// Strips `[TYPE …]` markup from one line: the text, with one tone-mark
/// placement, and its mentions in byte offsets of that text.
pub fn parse_line(line: &str) -> Result<(String, Vec<GoldMention>), String> {
    let mut text = String::new();
    let mut open: Vec<(usize, EntityType)> = Vec::new();
    let mut spans = Vec::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if matches!(chars.peek(), Some('[' | ']')) => {
                text.extend(chars.next());
            }
            '[' => {
                let name: String =
                    std::iter::from_fn(|| chars.next_if(|c| c.is_ascii_uppercase())).collect();
                let kind = tag(&name).ok_or_else(|| format!("unknown type {name:?}"))?;
                if chars.next() != Some(' ') {
                    return Err(format!("the type {name} is not followed by a space"));
                }
                open.push((text.len(), kind));
            }
            ']' => {
                let (start, kind) = open.pop().ok_or("a ] closes nothing")?;
                spans.push(GoldMention {
                    start,
                    end: text.len(),
                    kind,
                });
            }
            _ => text.push(c),
        }
    }
    if !open.is_empty() {
        return Err("a [ is never closed".into());
    }
    let normalised = place_tone_marks(&text);
    if normalised.len() != text.len() {
        return Err("one tone-mark placement changed the length of the line".into());
    }
    spans.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    Ok((normalised, spans))
}

/// Reads annotated text: every document with its paragraphs.
pub fn read(content: &str) -> Result<Vec<GoldDoc>, GoldError> {
    let mut docs: Vec<GoldDoc> = Vec::new();
    for (n, line) in content.lines().enumerate() {
        let error = |reason: String| GoldError {
            line: n + 1,
            reason,
        };
        if let Some(name) = line.strip_prefix("# doc:") {
            docs.push(GoldDoc {
                name: name.trim().to_string(),
                paragraphs: Vec::new(),
            });
            continue;
        }
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let doc = docs
            .last_mut()
            .ok_or_else(|| error("a paragraph before any `# doc:` line".into()))?;
        doc.paragraphs.push(parse_line(line.trim()).map_err(error)?);
    }
    Ok(docs)
}

/// True and false positives and false negatives.
#[derive(Default, Clone, Copy, Debug, PartialEq, Eq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn precision(self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// How the extractor is run and compared; see the module's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Document,
    Line,
    NameSet,
}

/// One difference between the extractor and the gold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    pub doc: String,
    pub kind: EntityType,
    /// `true`: found but not in the gold; `false`: in the gold, missed.
    pub extra: bool,
    pub text: String,
    /// The paragraph (or line) it is in.
    pub context: String,
}

/// Counts per type, and every difference.
#[derive(Default, Clone, Debug)]
pub struct Scores {
    pub by_type: BTreeMap<EntityType, Counts>,
    pub differences: Vec<Difference>,
}

impl Scores {
    /// Runs `extractor` over `docs` as `scope` says, counting the types in
    /// `types` (every type when empty).
    pub fn measure(
        extractor: &Extractor,
        docs: &[GoldDoc],
        scope: Scope,
        types: &[EntityType],
    ) -> Scores {
        let counted = |k: EntityType| types.is_empty() || types.contains(&k);
        let mut scores = Scores::default();
        for kind in EntityType::ALL.into_iter().filter(|&k| counted(k)) {
            scores.by_type.insert(kind, Counts::default());
        }
        for doc in docs {
            match scope {
                Scope::Line => {
                    for (text, gold) in &doc.paragraphs {
                        let found = spans(extractor, text);
                        scores.compare(&doc.name, text, gold, &found, &counted);
                    }
                }
                Scope::Document => {
                    let (text, gold) = doc.text();
                    let found = spans(extractor, &text);
                    scores.compare(&doc.name, &text, &gold, &found, &counted);
                }
                Scope::NameSet => {
                    let (text, gold) = doc.text();
                    let names = |ms: &[GoldMention]| -> HashSet<(String, EntityType)> {
                        ms.iter()
                            .filter(|m| counted(m.kind))
                            .map(|m| (text[m.start..m.end].to_string(), m.kind))
                            .collect()
                    };
                    let g = names(&gold);
                    let f = names(&spans(extractor, &text));
                    for (name, kind) in f.difference(&g) {
                        scores.note(&doc.name, *kind, true, name, "");
                    }
                    for (name, kind) in g.difference(&f) {
                        scores.note(&doc.name, *kind, false, name, "");
                    }
                    for (_, kind) in g.intersection(&f) {
                        scores.by_type.entry(*kind).or_default().tp += 1;
                    }
                }
            }
        }
        scores
    }

    fn compare(
        &mut self,
        doc: &str,
        text: &str,
        gold: &[GoldMention],
        found: &[GoldMention],
        counted: &dyn Fn(EntityType) -> bool,
    ) {
        let g: HashSet<&GoldMention> = gold.iter().filter(|m| counted(m.kind)).collect();
        let f: HashSet<&GoldMention> = found.iter().filter(|m| counted(m.kind)).collect();
        let paragraph = |m: &GoldMention| {
            let start = text[..m.start].rfind("\n\n").map_or(0, |i| i + 2);
            let end = text[m.end..].find("\n\n").map_or(text.len(), |i| m.end + i);
            text[start..end].to_string()
        };
        for m in f.difference(&g) {
            self.note(doc, m.kind, true, &text[m.start..m.end], &paragraph(m));
        }
        for m in g.difference(&f) {
            self.note(doc, m.kind, false, &text[m.start..m.end], &paragraph(m));
        }
        for m in g.intersection(&f) {
            self.by_type.entry(m.kind).or_default().tp += 1;
        }
    }

    fn note(&mut self, doc: &str, kind: EntityType, extra: bool, text: &str, context: &str) {
        let c = self.by_type.entry(kind).or_default();
        if extra {
            c.fp += 1;
        } else {
            c.fn_ += 1;
        }
        self.differences.push(Difference {
            doc: doc.to_string(),
            kind,
            extra,
            text: text.to_string(),
            context: context.to_string(),
        });
    }

    /// Every counted type together (micro average).
    pub fn total(&self) -> Counts {
        let mut total = Counts::default();
        for c in self.by_type.values() {
            total.add(*c);
        }
        total
    }

    /// The table of counts, precision, recall and F1 per type, then all.
    pub fn table(&self) -> String {
        let mut out = format!(
            "{:<14}{:>6}{:>6}{:>6}{:>10}{:>8}{:>8}\n",
            "type", "tp", "fp", "fn", "precision", "recall", "F1"
        );
        let rows = self
            .by_type
            .iter()
            .map(|(k, c)| (k.as_str(), *c))
            .chain([("all", self.total())]);
        for (name, c) in rows {
            out.push_str(&format!(
                "{name:<14}{:>6}{:>6}{:>6}{:>10.3}{:>8.3}{:>8.3}\n",
                c.tp,
                c.fp,
                c.fn_,
                c.precision(),
                c.recall(),
                c.f1()
            ));
        }
        out
    }
}

fn spans(extractor: &Extractor, text: &str) -> Vec<GoldMention> {
    extractor
        .extract_text(text)
        .into_iter()
        .map(|m| GoldMention {
            start: m.start,
            end: m.end,
            kind: m.kind,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gold_markup_reads_back_to_its_text() {
        let (text, spans) =
            parse_line("[TITLE Bộ trưởng [ORG Bộ Công an]] [PER Tô Lâm] \\[x\\]").unwrap();
        assert_eq!(text, "Bộ trưởng Bộ Công an Tô Lâm [x]");
        let got: Vec<&str> = spans.iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(got, ["Bộ trưởng Bộ Công an", "Bộ Công an", "Tô Lâm"]);
    }

    #[test]
    fn a_broken_line_is_named_with_its_reason() {
        let err = read("# doc: a\nfine\n[PER Tô Lâm\n").unwrap_err();
        assert_eq!(err.to_string(), "line 3: a [ is never closed");
        let err = read("# doc: b\n[XYZ a]").unwrap_err();
        assert_eq!(err.line, 2);
        assert!(err.reason.contains("XYZ"), "{}", err.reason);
    }

    #[test]
    fn a_name_set_counts_each_name_once_per_document() {
        let docs = read("# doc: a\n[PER Ngô Văn Cường] đến.\n[PER Cường] về.\n[PER Cường] ngủ.\n")
            .unwrap();
        let people = [EntityType::Person];
        let set = Scores::measure(&Extractor::default(), &docs, Scope::NameSet, &people);
        let c = set.by_type[&EntityType::Person];
        assert_eq!(c.tp + c.fn_, 2, "two distinct names in the gold");
        let lines = Scores::measure(&Extractor::default(), &docs, Scope::Line, &people);
        let c = lines.by_type[&EntityType::Person];
        assert_eq!(c.tp + c.fn_, 3, "three mentions, one a line");
    }
}
