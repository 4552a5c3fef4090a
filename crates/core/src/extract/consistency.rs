//! Refiners after the decision, which read the document as a whole:
//! - a person's name decided once in a document marks its other
//!   occurrences there, and a person's short forms too ("Nguyễn Văn Cường"
//!   … "Cường"; "Michael Flynn" … "Flynn"), where those words stand alone
//!   as a capitalised run that nothing else took;
//! - an abbreviation in brackets right after a body's name is that body's
//!   ("Trung tâm Nghiên cứu Bão Quốc tế (IHRC)"), whatever language it
//!   abbreviates;
//! - a street named after a person is that street wherever else only the
//!   shape of a name would make it the person;
//! - a company named with its head ("Tổng công ty Viglacera") is its own
//!   name alone elsewhere in the document ("Viglacera"), not a person;
//! - a person's other name in brackets is the person's too: an actor's
//!   after the role's ("Tae Won (No Min Woo)"), a name as Vietnamese
//!   spells it ("Edouard Philippe (Ê-đu-a Phi-líp)"), and a foreign name
//!   before a person's in brackets ("Soo Yeon (Lee Da Hae)");
//! - a province or city of Việt Nam named as a side in a match is its team
//!   ("trận HA Gia Lai - TPHCM", "Hải Phòng 3-1", "thắng Thanh Hóa"), and so
//!   is each bare mention of it in that article.

use rustc_hash::FxHashMap;

use crate::entity::EntityType;
use crate::extract::decide::Refiner;
use crate::extract::gazetteer::{Cue, KnownDetail, WordRole};
use crate::extract::residual::plain_run;
use crate::extract::token::TokenKind;
use crate::extract::{Doc, Evidence, Proposal};

/// A person's name found again in the same document.
pub struct RepeatedNames;

impl Refiner for RepeatedNames {
    fn refine(&self, doc: &Doc<'_>, taken: &mut Vec<Proposal>) {
        refine(doc, taken);
    }
}

/// Adds to `taken` (the decided mentions, in text order) every other
/// occurrence of their names, and keeps the text order.
fn refine(doc: &Doc<'_>, taken: &mut Vec<Proposal>) {
    let g = doc.gazetteer;
    let mut names: FxHashMap<&str, EntityType> = FxHashMap::default();
    let mut short: FxHashMap<&str, EntityType> = FxHashMap::default();
    for p in taken.iter() {
        // Places and bodies are named by lists and cues, which find each
        // occurrence already; people are the names a document repeats bare.
        if p.kind != EntityType::Person {
            continue;
        }
        names.entry(&doc.text[p.start..p.end]).or_insert(p.kind);
        let (Some(i), Some(last)) = (doc.token_at(p.start), doc.token_ending_at(p.end)) else {
            continue;
        };
        if p.kind == EntityType::Person && last > i {
            let given = doc.tokens[last].text;
            // A Vietnamese name's given name; a foreign name's family name.
            if g.surnames.contains(doc.tokens[i].text) || !g.is_vietnamese_syllable(doc.low(last)) {
                short.entry(given).or_insert(EntityType::Person);
            }
            // "Ngô Trác Lâm" … "Trác Lâm": a Vietnamese name of three
            // syllables or more, its last two.
            if last >= i + 2 && g.surnames.contains(doc.tokens[i].text) && doc.joined(last - 1) {
                short
                    .entry(doc.span(last - 1, last + 1))
                    .or_insert(EntityType::Person);
            }
        }
    }
    if names.is_empty() {
        return;
    }
    // "Lương Xuân Trường" … "Xuân Trường": a listed district of two
    // syllables or more that is a person's short name in this document is
    // the person, unless a word before it says a place ("ở Xuân Trường");
    // never a country or a province ("Việt Nam", "Long An").
    for p in taken.iter_mut() {
        let text = &doc.text[p.start..p.end];
        if p.kind == EntityType::Location
            && text.contains(' ')
            && short.contains_key(text)
            && doc.name_at(p.start).is_none_or(|(_, _, k)| {
                !matches!(
                    k.detail,
                    KnownDetail::Country | KnownDetail::Province | KnownDetail::Capital
                )
            })
            && doc.token_at(p.start).is_some_and(|i| {
                i == 0
                    || (doc.cue_len_at(i - 1, Cue::LocationBefore).is_none()
                        && doc.cue_len_at(i - 1, Cue::LocationAdmin).is_none())
            })
        {
            p.kind = EntityType::Person;
            p.canonical = None;
        }
    }
    let mut covered = vec![false; doc.tokens.len()];
    for p in taken.iter() {
        covered[doc.tokens_in(p.start, p.end)].fill(true);
    }
    let tokens = &doc.tokens;
    let mut added = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if covered[i] || !doc.is_cap(i) || tokens[i].kind != TokenKind::Word {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < tokens.len() && doc.is_cap(j) && !covered[j] && doc.joined(j - 1) {
            j += 1;
        }
        let text = doc.span(i, j);
        if crate::extract::person::begins_compound(doc, j) {
            i = j;
            continue;
        }
        let kind = names.get(text).copied().or_else(|| {
            short
                .get(text)
                .copied()
                .filter(|_| plain_run(doc, i, j) && doc.name_at(tokens[i].start).is_none())
        });
        if let Some(kind) = kind {
            added.push(Proposal {
                start: tokens[i].start,
                end: tokens[j - 1].end,
                kind,
                evidence: Evidence::Document,
                canonical: None,
            });
        }
        i = j;
    }
    merge(taken, added);
}

/// A company's own name, after its head and legal form, said alone.
pub struct CompanyShortNames;

impl Refiner for CompanyShortNames {
    fn refine(&self, doc: &Doc<'_>, taken: &mut Vec<Proposal>) {
        let names: Vec<&str> = taken
            .iter()
            .filter(|p| p.kind == EntityType::Organization)
            .filter_map(|p| company_own_name(doc, p))
            .collect();
        if names.is_empty() {
            return;
        }
        // A bare name the shape of words alone made a person's is the company's.
        for p in taken.iter_mut() {
            if p.kind == EntityType::Person
                && p.evidence == Evidence::Shape
                && names.contains(&&doc.text[p.start..p.end])
            {
                p.kind = EntityType::Organization;
            }
        }
        let mut covered = vec![false; doc.tokens.len()];
        for p in taken.iter() {
            covered[doc.tokens_in(p.start, p.end)].fill(true);
        }
        let tokens = &doc.tokens;
        let mut added = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            if covered[i] || !doc.is_cap(i) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < tokens.len() && doc.is_cap(j) && !covered[j] && doc.joined(j - 1) {
                j += 1;
            }
            if names.contains(&doc.span(i, j)) {
                added.push(Proposal {
                    start: tokens[i].start,
                    end: tokens[j - 1].end,
                    kind: EntityType::Organization,
                    evidence: Evidence::Document,
                    canonical: None,
                });
            }
            i = j;
        }
        merge(taken, added);
    }
}

/// The company's own name in `p`: the capitalised words that end it, after
/// a company's head and any legal form ("Công ty CP Vinamilk" → "Vinamilk",
/// "Công ty taxi Việt Phú" → "Việt Phú"), unless they are a listed place's
/// name ("Công ty Xi măng Hà Tiên").
fn company_own_name<'a>(doc: &Doc<'a>, p: &Proposal) -> Option<&'a str> {
    let i = doc.token_at(p.start)?;
    let end = doc.token_ending_at(p.end)? + 1;
    let mut start = i + doc.rule_word_len(i, WordRole::CompanyHead)?;
    while let Some(n) = doc.rule_word_len(start, WordRole::LegalForm) {
        start += n;
    }
    let mut first = end;
    while first > start && doc.is_cap(first - 1) && (first == end || doc.joined(first - 1)) {
        first -= 1;
    }
    if first == end
        || (first > start && doc.is_cap(first - 1))
        || doc.rule_word_len(first, WordRole::LegalForm).is_some()
    {
        return None;
    }
    let listed_place = doc
        .name_at(doc.tokens[first].start)
        .is_some_and(|(_, known_end, known)| {
            known_end == p.end && known.kind != EntityType::Organization
        });
    (!listed_place).then(|| doc.span(first, end))
}

/// A person's other name, in brackets after it or before it.
pub struct BracketedPeople;

impl Refiner for BracketedPeople {
    fn refine(&self, doc: &Doc<'_>, taken: &mut Vec<Proposal>) {
        let tokens = &doc.tokens;
        let mut covered = vec![false; tokens.len()];
        for p in taken.iter() {
            covered[doc.tokens_in(p.start, p.end)].fill(true);
        }
        let mut added = Vec::new();
        for p in taken.iter().filter(|p| p.kind == EntityType::Person) {
            let (Some(first), Some(last)) = (doc.token_at(p.start), doc.token_ending_at(p.end))
            else {
                continue;
            };
            // "Tae Won (No Min Woo)": the name in the brackets after it.
            if tokens.get(last + 1).is_some_and(|t| t.text == "(") {
                if let Some(close) = bracketed_name(doc, &covered, last + 2) {
                    added.push((last + 2, close));
                }
            }
            // "Soo Yeon (Lee Da Hae)": a foreign name before it, the
            // person's name in brackets.
            let bracketed = first >= 2
                && tokens[first - 1].text == "("
                && tokens.get(last + 1).is_some_and(|t| t.text == ")");
            if bracketed {
                let end = first - 1;
                let mut start = end;
                while start > 0
                    && end - start < 4
                    && !covered[start - 1]
                    && doc.is_cap(start - 1)
                    && (start == end || doc.joined(start - 1))
                {
                    start -= 1;
                }
                let foreign =
                    (start..end).any(|k| !doc.gazetteer.is_vietnamese_syllable(doc.low(k)));
                if start < end
                    && foreign
                    && (start == 0 || !doc.is_cap(start - 1))
                    && doc.name_at(tokens[start].start).is_none()
                    && plain_run(doc, start, end)
                {
                    added.push((start, end));
                }
            }
        }
        if added.is_empty() {
            return;
        }
        for (i, j) in added {
            taken.push(Proposal {
                start: tokens[i].start,
                end: tokens[j - 1].end,
                kind: EntityType::Person,
                evidence: Evidence::Document,
                canonical: None,
            });
        }
        taken.sort_unstable_by_key(|p| (p.start, std::cmp::Reverse(p.end)));
        taken.dedup_by_key(|p| (p.start, p.end));
    }
}

/// The end (exclusive) of a name that fills brackets opened before token
/// `i`: capitalised words, each perhaps of syllables joined by dashes
/// ("Ê-đu-a Phi-líp"), nothing taken, no listed name, closed by ")".
fn bracketed_name(doc: &Doc<'_>, covered: &[bool], i: usize) -> Option<usize> {
    let tokens = &doc.tokens;
    if i >= tokens.len() || !doc.is_cap(i) || doc.name_at(tokens[i].start).is_some() {
        return None;
    }
    let mut k = i;
    while k < tokens.len() && k < i + 10 {
        let t = &tokens[k];
        if covered[k] {
            return None;
        }
        if t.text == ")" {
            break;
        }
        let dash =
            t.text == "-" && !t.space_before && tokens.get(k + 1).is_some_and(|n| !n.space_before);
        let after_dash = k > i && tokens[k - 1].text == "-" && !t.space_before;
        let word = t.kind == TokenKind::Word && (doc.is_cap(k) || after_dash);
        if !(dash || word) {
            return None;
        }
        k += 1;
    }
    if k == i || tokens.get(k).is_none_or(|t| t.text != ")") {
        return None;
    }
    // A name, not a word in capitals ("(Trái)"), a source ("(AFP)") or a
    // body's head: spelt with dashes, foreign, or of a person's syllables.
    let g = doc.gazetteer;
    let words = || (i..k).filter(|&m| tokens[m].kind == TokenKind::Word);
    // A club, a band or a paper in brackets after a person is no name of
    // theirs ("Ricardo Quaresma (Besiktas)", "Hà Nguyên (Ngoisao)"): a
    // person's name is spelt with dashes, or is of two words or more that
    // open with a family or given name.
    let dashed = (i..k).any(|m| tokens[m].text == "-");
    let full = words().count() >= 2;
    let foreign = full
        && (g.rule_words.has(WordRole::ForeignSurname, doc.low(i))
            || g.foreign_given.contains(tokens[i].text));
    let personal = full
        && words()
            .all(|m| g.surnames.contains(tokens[m].text) || g.given_names.contains(tokens[m].text));
    let head = [
        Cue::OrgHead,
        Cue::EventHead,
        Cue::LocationAdmin,
        Cue::LocationFacility,
        Cue::NotName,
    ]
    .into_iter()
    .any(|cue| doc.cue_len_at(i, cue).is_some())
        || doc.title_at(tokens[i].start).is_some();
    let acronym = words().any(|m| doc.is_acronym(m));
    ((dashed || foreign || personal) && !head && !acronym).then_some(k)
}

/// The abbreviation a body's name is given in brackets.
pub struct BracketedAbbreviations;

impl Refiner for BracketedAbbreviations {
    fn refine(&self, doc: &Doc<'_>, taken: &mut Vec<Proposal>) {
        let tokens = &doc.tokens;
        let mut added = Vec::new();
        for (n, p) in taken.iter().enumerate() {
            if p.kind != EntityType::Organization {
                continue;
            }
            let Some(last) = doc.token_ending_at(p.end) else {
                continue;
            };
            let (open, abbr, close) = (last + 1, last + 2, last + 3);
            let bracketed = tokens
                .get(open)
                .is_some_and(|t| t.text == "(" && t.space_before)
                && doc.is_acronym(abbr)
                && !tokens[abbr].text.contains('.')
                && tokens.get(close).is_some_and(|t| t.text == ")");
            // Already a mention ("(TTXVN)", "(TP.HCM)"): nothing to add.
            let taken_after = taken
                .get(n + 1)
                .is_some_and(|q| q.start < tokens.get(close).map_or(usize::MAX, |t| t.end));
            if bracketed && !taken_after {
                added.push(Proposal {
                    start: tokens[abbr].start,
                    end: tokens[abbr].end,
                    kind: EntityType::Organization,
                    evidence: Evidence::Document,
                    canonical: Some(
                        p.canonical
                            .clone()
                            .unwrap_or_else(|| doc.text[p.start..p.end].to_string()),
                    ),
                });
            }
        }
        merge(taken, added);
    }
}

/// A province or city named as a side in a match: its football team.
pub struct PlacesAsTeams;

impl Refiner for PlacesAsTeams {
    fn refine(&self, doc: &Doc<'_>, taken: &mut Vec<Proposal>) {
        let tokens = &doc.tokens;
        let home_place = |p: &Proposal| {
            p.kind == EntityType::Location
                && doc.name_at(p.start).is_some_and(|(_, e, k)| {
                    e == p.end && matches!(k.detail, KnownDetail::Province | KnownDetail::Capital)
                })
        };
        let score = |k: usize| {
            tokens.get(k).is_some_and(|t| {
                t.kind == TokenKind::Number
                    && t.text.contains('-')
                    && t.text.split('-').all(|n| !n.is_empty() && n.len() <= 2)
            })
        };
        let mut teams: Vec<&str> = Vec::new();
        for (n, p) in taken.iter().enumerate() {
            if !home_place(p) {
                continue;
            }
            let (Some(first), Some(last)) = (doc.token_at(p.start), doc.token_ending_at(p.end))
            else {
                continue;
            };
            let words = &doc.gazetteer.rule_words;
            let after = |k: usize| {
                tokens.get(k).is_some_and(|t| t.space_before)
                    && doc.rule_word_len(k, WordRole::MatchResult).is_some()
            };
            let match_word = (first > 0 && words.has(WordRole::MatchSide, doc.low(first - 1)))
                || (first > 1 && words.has(WordRole::MatchSide, doc.lower(first - 2, first)))
                || after(last + 1);
            // "HA Gia Lai - TPHCM": a side against a team.
            let against = |q: Option<&Proposal>| {
                q.is_some_and(|q| q.kind == EntityType::Organization || home_place(q))
            };
            let dash_before = first >= 2
                && matches!(tokens[first - 1].text, "-" | "–")
                && against(n.checked_sub(1).and_then(|m| taken.get(m)))
                && taken[n - 1].end == tokens[first - 2].end;
            let dash_after = tokens
                .get(last + 1)
                .is_some_and(|t| matches!(t.text, "-" | "–"))
                && against(taken.get(n + 1))
                && tokens
                    .get(last + 2)
                    .is_some_and(|t| taken[n + 1].start == t.start);
            let with_score = score(last + 1) || (first > 0 && score(first - 1));
            let side = match_word
                || with_score
                || ((dash_before || dash_after) && sports_match_before(doc, first));
            if side {
                teams.push(&doc.text[p.start..p.end]);
            }
        }
        if teams.is_empty() {
            return;
        }
        for p in taken.iter_mut() {
            if home_place(p) && teams.contains(&&doc.text[p.start..p.end]) {
                p.kind = EntityType::Organization;
                p.canonical = None;
            }
        }
    }
}

/// A street named after a person ("đường Nguyễn Kiệm", "vòng xoay Nguyễn
/// Kiệm - Nguyễn Thái Sơn"): its other mentions in the document that only
/// the shape of a name made people are the street too ("Nhánh 2 Nguyễn
/// Kiệm - Nguyễn Thái Sơn sẽ thi công").
pub struct StreetsNamedForPeople;

impl Refiner for StreetsNamedForPeople {
    fn refine(&self, doc: &Doc<'_>, taken: &mut Vec<Proposal>) {
        let g = doc.gazetteer;
        let mut streets: Vec<&str> = Vec::new();
        for p in taken.iter() {
            if p.kind != EntityType::Location {
                continue;
            }
            // The name after its road or unit word: "đường Nguyễn Kiệm".
            let (Some(mut i), Some(last)) = (doc.token_at(p.start), doc.token_ending_at(p.end))
            else {
                continue;
            };
            while i < last && !doc.is_cap(i) {
                i += 1;
            }
            let person_shaped = last > i
                && last - i <= 3
                && g.surnames.contains(doc.tokens[i].text)
                && (i..=last).all(|k| doc.is_cap(k) && g.is_vietnamese_syllable(doc.low(k)));
            if person_shaped {
                streets.push(doc.span(i, last + 1));
            }
        }
        if streets.is_empty() {
            return;
        }
        for p in taken.iter_mut() {
            if p.kind == EntityType::Person
                && matches!(p.evidence, Evidence::Shape | Evidence::Document)
                && streets.contains(&&doc.text[p.start..p.end])
            {
                p.kind = EntityType::Location;
                p.canonical = None;
            }
        }
    }
}

/// "trận" (a match) within a few tokens before `i`.
fn sports_match_before(doc: &Doc<'_>, i: usize) -> bool {
    (i.saturating_sub(7)..i).any(|k| doc.low(k) == "trận")
}

/// Adds a refiner's mentions to those taken, kept in the order the
/// decision stage gives them: by start, the longest first.
fn merge(taken: &mut Vec<Proposal>, added: Vec<Proposal>) {
    if !added.is_empty() {
        taken.extend(added);
        taken.sort_unstable_by_key(|p| (p.start, std::cmp::Reverse(p.end)));
    }
}

#[cfg(test)]
mod tests {
    use crate::entity::EntityType;
    use crate::extract::found_texts;

    #[test]
    fn a_street_named_after_a_person_is_the_street_throughout() {
        let text = "Khởi công cầu vượt tại vòng xoay Nguyễn Kiệm - Nguyễn Thái Sơn. Nhánh 2 Nguyễn Kiệm - Nguyễn Thái Sơn sẽ thi công sau.";
        assert!(found_texts(text, EntityType::Person).is_empty());
        assert_eq!(found_texts(text, EntityType::Location).len(), 4);
        // A person of the same name said as a person stays one.
        let text = "Ông Nguyễn Kiệm đến dự. Trụ sở ở đường Nguyễn Kiệm.";
        assert_eq!(found_texts(text, EntityType::Person), ["Nguyễn Kiệm"]);
    }

    #[test]
    fn a_full_name_marks_its_given_name_later_in_the_document() {
        assert_eq!(
            found_texts(
                "Anh Nguyễn Văn Cường (25 tuổi) bị bắt. Theo công an, Cường khai nhận đã trộm xe.",
                EntityType::Person
            ),
            ["Nguyễn Văn Cường", "Cường"]
        );
        assert_eq!(
            found_texts(
                "Con gái của Ngô Trác Lâm nhập viện. Hai mẹ con giờ đã đoàn tụ và Trác Lâm vẫn đang điều trị.",
                EntityType::Person
            ),
            ["Ngô Trác Lâm", "Trác Lâm"]
        );
        let text =
            "Xuân Trường ra sân từ đầu. Lương Xuân Trường sinh tại Tuyên Quang, quê ở Xuân Trường.";
        assert_eq!(
            found_texts(text, EntityType::Person),
            ["Xuân Trường", "Lương Xuân Trường"]
        );
        assert_eq!(
            found_texts(text, EntityType::Location),
            ["Tuyên Quang", "Xuân Trường"]
        );
    }

    #[test]
    fn a_company_s_own_name_alone_is_the_company() {
        let text = "Tổng công ty Viglacera tổ chức đấu giá. Viglacera có 4 nhóm sản phẩm. Công ty CP Sông Đà Hoàng Long cho biết, Sông Đà Hoàng Long đã nộp hồ sơ.";
        assert_eq!(
            found_texts(text, EntityType::Organization),
            [
                "Tổng công ty Viglacera",
                "Viglacera",
                "Công ty CP Sông Đà Hoàng Long",
                "Sông Đà Hoàng Long"
            ]
        );
        assert!(found_texts(text, EntityType::Person).is_empty());
        // The place a company is named after stays a place.
        let text = "Công ty Xi măng Hà Tiên tăng giá. Hà Tiên là thành phố biển.";
        assert_eq!(
            found_texts(text, EntityType::Organization),
            ["Công ty Xi măng Hà Tiên"]
        );
    }

    #[test]
    fn a_person_s_other_name_in_brackets_is_the_person_s() {
        assert_eq!(
            found_texts(
                "Thủ tướng Edouard Philippe (Ê-đu-a Phi-líp) nhậm chức. Nhân vật Tae Won (Lee Min Ho) trèo lên cây, còn Soo Yeon (Lee Da Hae) đứng nhìn.",
                EntityType::Person
            ),
            [
                "Edouard Philippe",
                "Ê-đu-a Phi-líp",
                "Tae Won",
                "Lee Min Ho",
                "Soo Yeon",
                "Lee Da Hae"
            ]
        );
        // A place, a source, a club or a word in brackets is not a second name.
        let text = "Anh Nguyễn Văn Hùng (Hà Tĩnh) và bà Lê Thị Lan (Trái) cùng ông John Kerry (AFP). Đội hình: Ricardo Quaresma (Besiktas), Gelson Martins (Sporting Lisbon). Theo Hà Nguyên (Ngoisao)";
        assert_eq!(
            found_texts(text, EntityType::Person),
            [
                "Nguyễn Văn Hùng",
                "Lê Thị Lan",
                "John Kerry",
                "Ricardo Quaresma",
                "Gelson Martins",
                "Hà Nguyên"
            ]
        );
    }

    #[test]
    fn a_foreign_family_name_alone_is_the_same_person() {
        assert_eq!(
            found_texts(
                "Ông Michael Flynn từ chức. Theo báo này, Flynn đã gặp đại sứ.",
                EntityType::Person
            ),
            ["Michael Flynn", "Flynn"]
        );
    }

    #[test]
    fn an_abbreviation_in_brackets_after_a_body_is_the_body_s() {
        assert_eq!(
            found_texts(
                "Các kỹ sư tại Trung tâm Nghiên cứu Bão Quốc tế (IHRC) đã xây dựng mô hình.",
                EntityType::Organization
            ),
            ["Trung tâm Nghiên cứu Bão Quốc tế", "IHRC"]
        );
    }

    #[test]
    fn a_city_named_as_a_side_in_a_match_is_its_team() {
        let text = "Trên sân Lạch Tray, Hải Phòng thắng 3-1. Trận HA Gia Lai - Đà Nẵng hoãn. \
                    Đội bóng thắng Thanh Hóa. Hải Phòng lên thứ hai.";
        assert_eq!(
            found_texts(text, EntityType::Organization),
            [
                "Hải Phòng",
                "HA Gia Lai",
                "Đà Nẵng",
                "Thanh Hóa",
                "Hải Phòng"
            ]
        );
        // Not a city in an address or a place of play.
        assert_eq!(
            found_texts("Ông sống ở Hải Phòng từ năm 2000.", EntityType::Location),
            ["Hải Phòng"]
        );
    }
}
