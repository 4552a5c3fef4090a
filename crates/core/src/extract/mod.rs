//! Entity extraction: normalised text → syllable tokens → recognizers
//! propose spans → one resolver decides overlaps → mentions resolved into
//! entities, titles attached to people.
//!
//! Recognizers only *propose* ([`Proposal`]); one [`decide::Decider`] alone
//! chooses which proposals become mentions, and [`decide::Refiner`]s
//! after it add what only the decided mentions show. Each recognizer is one file
//! behind the [`Recognizer`] trait, composed by [`Extractor`].
//!
//! ```
//! use doichieu_core::extract::Extractor;
//! use doichieu_core::entity::EntityType;
//!
//! let extractor = Extractor::default();
//! let found = extractor.extract_text("Chiều 10/2, Bộ trưởng Tô Lâm đến thủ đô Vientiane.");
//! let people: Vec<&str> = found.iter().filter(|m| m.kind == EntityType::Person).map(|m| m.text).collect();
//! assert_eq!(people, ["Tô Lâm"]);
//! ```

pub mod consistency;
pub mod date;
pub mod decide;
pub mod doc;
pub mod event;
pub mod gazetteer;
pub mod location;
pub mod office;
pub mod organization;
pub mod person;
pub mod residual;
pub mod resolve;
pub mod roles;
pub mod title;
pub mod token;
pub mod wordset;
pub mod works;

use crate::entity::EntityType;
pub use doc::Doc;
use gazetteer::Gazetteer;

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

/// One kind of evidence for one type of entity.
pub trait Recognizer: Send + Sync {
    /// Adds what it finds in `doc` to `out`. `found` holds what earlier
    /// recognizers proposed, for those that build on it (titles on bodies,
    /// people on titles).
    fn propose(&self, doc: &Doc<'_>, found: &[Proposal], out: &mut Vec<Proposal>);
}

/// A mention found in a text, before entity resolution.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found<'t> {
    pub start: usize,
    pub end: usize,
    pub kind: EntityType,
    /// The mention as written: `text[start..end]` of the text it was found in.
    pub text: &'t str,
    pub canonical: Option<String>,
}

impl Found<'_> {
    /// The same mention, no longer borrowing the text it was found in
    /// (`text` left empty until [`Found::with_text`]).
    pub fn into_owned_offsets(self) -> Found<'static> {
        Found {
            start: self.start,
            end: self.end,
            kind: self.kind,
            text: "",
            canonical: self.canonical,
        }
    }

    /// The mention with its words taken again from `text`, the text it was
    /// found in.
    pub fn with_text(self, text: &str) -> Found<'_> {
        Found {
            start: self.start,
            end: self.end,
            kind: self.kind,
            text: &text[self.start..self.end],
            canonical: self.canonical,
        }
    }
}

/// The pipeline: recognizers in order, then the resolver.
pub struct Extractor {
    gazetteer: &'static Gazetteer,
    recognizers: Vec<Box<dyn Recognizer>>,
    decider: Box<dyn decide::Decider>,
    refiners: Vec<Box<dyn decide::Refiner>>,
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
            .with(residual::ResidualRecognizer)
            .refine_with(consistency::CompanyShortNames)
            .refine_with(consistency::RepeatedNames)
            .refine_with(consistency::BracketedPeople)
            .refine_with(consistency::BracketedAbbreviations)
            .refine_with(consistency::PlacesAsTeams)
            .refine_with(consistency::StreetsNamedForPeople)
            .refine_with(title::SaidOfSeveral)
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

    /// Decides with `decider` instead of the rules ([`decide::Rules`]).
    pub fn decide_with(mut self, decider: impl decide::Decider + 'static) -> Self {
        self.extractor.decider = Box::new(decider);
        self
    }

    /// Adds a refiner, run after the decision in the order added.
    pub fn refine_with(mut self, refiner: impl decide::Refiner + 'static) -> Self {
        self.extractor.refiners.push(Box::new(refiner));
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
                decider: Box::new(decide::Rules),
                refiners: Vec::new(),
            },
        }
    }

    /// The lists it reads.
    pub fn gazetteer(&self) -> &'static Gazetteer {
        self.gazetteer
    }

    /// Every span the recognizers propose for one normalised text, in the
    /// recognizers' order, before the resolver chooses among them. None is
    /// inside the quoted title of a work ([`works`]).
    pub fn proposals(&self, text: &str) -> Vec<Proposal> {
        self.proposals_in(&Doc::new(text, self.gazetteer))
    }

    fn proposals_in(&self, doc: &Doc<'_>) -> Vec<Proposal> {
        let work_titles = works::quoted_titles(doc);
        let mut proposals = Vec::new();
        for recognizer in &self.recognizers {
            let mut out = Vec::new();
            recognizer.propose(doc, &proposals, &mut out);
            works::drop_inside(&work_titles, &mut out);
            proposals.extend(out);
        }
        proposals
    }

    /// The mentions in one normalised text (one document), in text order.
    pub fn extract_text<'t>(&self, text: &'t str) -> Vec<Found<'t>> {
        let doc = Doc::new(text, self.gazetteer);
        let mut taken = self.decider.decide(&doc, self.proposals_in(&doc));
        for refiner in &self.refiners {
            refiner.refine(&doc, &mut taken);
        }
        taken
            .into_iter()
            .map(|p| Found {
                start: p.start,
                end: p.end,
                kind: p.kind,
                text: &text[p.start..p.end],
                canonical: p.canonical,
            })
            .collect()
    }
}

/// What the last recognizer of `chain` proposes for `text` over the sample
/// lists, after the earlier ones proposed theirs: each span as written.
/// The mentions of type `kind` the whole pipeline finds in `text`, as written.
#[cfg(test)]
pub(crate) fn found_texts(text: &str, kind: EntityType) -> Vec<String> {
    Extractor::default()
        .extract_text(text)
        .into_iter()
        .filter(|f| f.kind == kind)
        .map(|f| f.text.to_string())
        .collect()
}

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
