//! The one place that decides which proposals become mentions, behind
//! the [`Decider`] trait, so that another way of deciding (a learned
//! scorer over the same proposals and their evidence) can sit beside the
//! rules without touching them; and the [`Refiner`]s that run after it.
//!
//! [`Rules`], the decider shipped: surer evidence first (a listed name or a
//! cue word over the shape of the words), then the longer span, then the
//! earlier. A span that overlaps one already taken is dropped, with one
//! exception: a title may contain the organisation or place it is an
//! office of ("Bộ trưởng [Bộ Công an]").

use std::cmp::Reverse;

use crate::entity::EntityType;
use crate::extract::token::TokenKind;
use crate::extract::{Doc, Evidence, Proposal};

/// Chooses, among every recognizer's proposals for one document, the
/// mentions: spans that do not overlap, but for a title holding its body.
pub trait Decider: Send + Sync {
    /// The mentions, in text order (an outer title before what it holds).
    fn decide(&self, doc: &Doc<'_>, proposals: Vec<Proposal>) -> Vec<Proposal>;
}

/// Changes the decided mentions of one document with what the decision
/// alone cannot see (a name decided once, found again).
pub trait Refiner: Send + Sync {
    /// Adds to or changes `taken`, keeping it in text order.
    fn refine(&self, doc: &Doc<'_>, taken: &mut Vec<Proposal>);
}

/// The rules: evidence, then length, then position ([`decide`]).
pub struct Rules;

impl Decider for Rules {
    fn decide(&self, doc: &Doc<'_>, mut proposals: Vec<Proposal>) -> Vec<Proposal> {
        // Where each line after the first starts: few, searched by halves.
        let lines: Vec<usize> = doc
            .tokens
            .iter()
            .filter(|t| t.line_before)
            .map(|t| t.start)
            .collect();
        proposals.retain_mut(|p| {
            let next_line = lines.partition_point(|&at| at <= p.start);
            lines.get(next_line).is_none_or(|&at| at >= p.end) || within_line(doc, p)
        });
        decide(proposals)
    }
}

/// Keeps a proposal within one line: a name never runs on into the next
/// paragraph ("Ngân hàng SHB" at the end of a headline, "ANTT.VN" opening
/// the body). One that does is cut before the break, where what is left
/// ends in a capitalised word, an acronym or a number, and knows no
/// canonical name then; otherwise it is dropped.
fn within_line(doc: &Doc<'_>, p: &mut Proposal) -> bool {
    let tokens = doc.tokens_in(p.start, p.end);
    let Some(broken) = tokens.clone().skip(1).find(|&k| doc.tokens[k].line_before) else {
        return true;
    };
    let Some(last) = (tokens.start..broken)
        .rev()
        .find(|&k| doc.tokens[k].kind != TokenKind::Punct)
    else {
        return false;
    };
    let t = &doc.tokens[last];
    if !(t.has_capital() || t.kind == TokenKind::Number) {
        return false;
    }
    p.end = t.end;
    p.canonical = None;
    true
}

impl Proposal {
    /// How sure the recognizer is, from 0 to 1, by its evidence: what a
    /// decider that weighs proposals starts from.
    pub fn score(&self) -> f32 {
        match self.evidence {
            Evidence::Shape => 0.25,
            Evidence::Document => 0.5,
            Evidence::Cue => 0.75,
            Evidence::Known => 1.0,
        }
    }
}

fn strong(e: Evidence) -> bool {
    e >= Evidence::Cue
}

/// A title holds the body or country it names: one it took ("Bộ trưởng
/// [Bộ Công an]") and one a listed office spells out ("Thủ tướng [Chính
/// phủ]", "Đại biểu [Quốc hội]").
fn nests(outer: &Proposal, inner: &Proposal) -> bool {
    may_hold(outer)
        && matches!(inner.kind, EntityType::Organization | EntityType::Location)
        && outer.start <= inner.start
        && inner.end <= outer.end
        && (outer.start, outer.end) != (inner.start, inner.end)
}

/// A proposal that may hold a body: a title.
fn may_hold(p: &Proposal) -> bool {
    p.kind == EntityType::Title
}

/// The order in which proposals are considered, as one number: surer
/// evidence first (strong or not), then the longer span, the earlier, the
/// surer within its class, one with a canonical name; alike in all of
/// these, the recognizers' order (the index, in the lowest bits).
fn rank(p: &Proposal, index: usize) -> u128 {
    let narrow = |n: usize| u128::from(u32::try_from(n).unwrap_or(u32::MAX));
    let weak = u128::from(!strong(p.evidence));
    let shorter = u128::from(u32::MAX) - narrow(p.end - p.start);
    let less_sure = 3 - p.evidence as u128;
    let unnamed = u128::from(p.canonical.is_none());
    weak << 99
        | shorter << 67
        | narrow(p.start) << 35
        | less_sure << 33
        | unnamed << 32
        | narrow(index)
}

/// The mentions, in text order (an outer title before what it contains).
pub fn decide(proposals: Vec<Proposal>) -> Vec<Proposal> {
    let mut order: Vec<u128> = proposals
        .iter()
        .enumerate()
        .map(|(i, p)| rank(p, i))
        .collect();
    order.sort_unstable();
    // What is taken, as two lists of spans in text order: titles that may
    // hold a body, and anything else. Two titles never nest, nor two of
    // anything else, so the spans of each list are disjoint, their ends
    // in order too, and those overlapping a span are found by a binary search.
    let mut titles: Vec<(usize, usize, usize)> = Vec::new();
    let mut others: Vec<(usize, usize, usize)> = Vec::new();
    let mut taken = vec![false; proposals.len()];
    'proposals: for key in order {
        let i = (key & u128::from(u32::MAX)) as usize;
        let p = &proposals[i];
        for held in [&titles, &others] {
            let first = held.partition_point(|&(_, end, _)| end <= p.start);
            for &(start, _, j) in &held[first..] {
                if start >= p.end {
                    break;
                }
                let t = &proposals[j];
                if !nests(t, p) && !nests(p, t) {
                    continue 'proposals;
                }
            }
        }
        let held = if may_hold(p) {
            &mut titles
        } else {
            &mut others
        };
        let at = held.partition_point(|&(start, _, _)| start < p.start);
        held.insert(at, (p.start, p.end, i));
        taken[i] = true;
    }
    let mut taken: Vec<Proposal> = proposals
        .into_iter()
        .zip(taken)
        .filter_map(|(p, taken)| taken.then_some(p))
        .collect();
    // No two share both ends: a span equal to one taken overlaps it without nesting.
    taken.sort_unstable_by_key(|p| (p.start, Reverse(p.end)));
    taken
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(start: usize, end: usize, kind: EntityType, evidence: Evidence) -> Proposal {
        Proposal {
            start,
            end,
            kind,
            evidence,
            canonical: None,
        }
    }

    #[test]
    fn the_longest_of_equally_sure_spans_wins_then_the_earliest() {
        let got = decide(vec![
            p(0, 5, EntityType::Organization, Evidence::Known),
            p(0, 9, EntityType::Organization, Evidence::Cue),
            p(8, 12, EntityType::Location, Evidence::Known),
            p(20, 24, EntityType::Person, Evidence::Shape),
            p(22, 26, EntityType::Person, Evidence::Shape),
        ]);
        let spans: Vec<(usize, usize)> = got.iter().map(|p| (p.start, p.end)).collect();
        assert_eq!(spans, [(0, 9), (20, 24)]);
    }

    #[test]
    fn a_cue_beats_a_longer_guess_from_shape() {
        let got = decide(vec![
            p(0, 12, EntityType::Person, Evidence::Shape),
            p(5, 12, EntityType::Location, Evidence::Cue),
        ]);
        assert_eq!(got, [p(5, 12, EntityType::Location, Evidence::Cue)]);
    }

    /// Keeps the listed names only: a stand-in for a scorer that weighs proposals.
    struct ListedOnly;

    impl Decider for ListedOnly {
        fn decide(&self, _doc: &Doc<'_>, proposals: Vec<Proposal>) -> Vec<Proposal> {
            decide(proposals.into_iter().filter(|p| p.score() >= 1.0).collect())
        }
    }

    #[test]
    fn another_decider_replaces_the_rules_without_touching_the_recognizers() {
        use crate::extract::{gazetteer::Gazetteer, Extractor};
        let text = "Bộ trưởng Tô Lâm đến Lào, rồi Cường về Hà Nội.";
        let listed = Extractor::builder(Gazetteer::shipped())
            .with(crate::extract::location::LocationRecognizer)
            .with(crate::extract::person::PersonRecognizer)
            .with(crate::extract::residual::ResidualRecognizer)
            .decide_with(ListedOnly)
            .build();
        let got: Vec<&str> = listed.extract_text(text).iter().map(|f| f.text).collect();
        assert_eq!(got, ["Lào", "Hà Nội"]);
        let people = crate::extract::found_texts(text, EntityType::Person);
        assert_eq!(people, ["Tô Lâm", "Cường"]);
    }

    #[test]
    fn no_name_runs_on_into_the_next_paragraph() {
        let text = "Truy nã giám đốc lừa đảo tại Ngân hàng SHB\n\nANTT.VN – Cơ quan Cảnh sát điều tra vừa ra quyết định.";
        let orgs = crate::extract::found_texts(text, EntityType::Organization);
        assert!(orgs.iter().all(|o| !o.contains('\n')), "{orgs:?}");
        assert!(orgs.iter().any(|o| o == "Ngân hàng SHB"), "{orgs:?}");
    }

    #[test]
    fn a_title_keeps_the_body_it_heads() {
        let got = decide(vec![
            p(0, 20, EntityType::Title, Evidence::Known),
            p(10, 20, EntityType::Organization, Evidence::Known),
            p(5, 12, EntityType::Person, Evidence::Shape),
        ]);
        let kinds: Vec<EntityType> = got.iter().map(|p| p.kind).collect();
        assert_eq!(kinds, [EntityType::Title, EntityType::Organization]);
    }
}
