//! People: runs of capitalised syllables that no listed name, cue phrase or
//! earlier recognizer claimed, taken as a name when
//! - a person cue ("ông", "bà", "đồng chí") or a title stands right before
//!   ("Đại tướng Vilay Lakhamphong", "Thủ tướng Lào Thongloun Sisoulith"),
//! - a title follows after a comma ("Vilay Lakhamphong, Phó Thủ tướng"),
//! - it has the shape of a Vietnamese name: a surname, then one to three
//!   ordinary syllables ("Lương Tam Quang"), or
//! - the same name, or the given name of one, was recognised elsewhere in
//!   the document ("Bộ trưởng Vilay" after "Vilay Lakhamphong").
//!
//! The span is the name alone: honorifics and titles stay outside.

use std::collections::HashSet;

use crate::entity::EntityType;
use crate::extract::gazetteer::{Cue, KnownDetail, WordRole};
use crate::extract::location::demonym_at;
use crate::extract::residual::{foreign_kind, place_before, thing_before};
use crate::extract::token::TokenKind;
use crate::extract::{Doc, Evidence, Proposal, Recognizer};

pub struct PersonRecognizer;

const MAX_NAME_TOKENS: usize = 5;

impl Recognizer for PersonRecognizer {
    fn propose(&self, doc: &Doc<'_>, found: &[Proposal], out: &mut Vec<Proposal>) {
        let claimed = claimed_tokens(doc, found);
        let earlier = Earlier::of(found);
        if let Some((i, j)) = byline(doc) {
            out.push(person(doc, i, j, Evidence::Cue));
        }
        let runs = candidate_runs(doc, &earlier, &claimed);
        let mut names: HashSet<String> = HashSet::new();
        let mut pending = Vec::new();
        for (i, j) in runs {
            if foreign_body(doc, i, j) {
                out.push(Proposal {
                    kind: EntityType::Organization,
                    ..person(doc, i, j, Evidence::Shape)
                });
                continue;
            }
            match evidence(doc, found, &earlier, i, j) {
                Some(e) => {
                    remember(doc, i, j, &mut names);
                    out.push(person(doc, i, j, e));
                }
                None => pending.push((i, j)),
            }
        }
        // A name seen once is the same name later in the document, even
        // where it opens a sentence and is also a word ("Thịnh thắng 6-4").
        for (i, j) in pending {
            let text = doc.span(i, j);
            if names.contains(text) && !begins_compound(doc, j) {
                out.push(person(doc, i, j, Evidence::Document));
            }
        }
        for i in 0..doc.tokens.len() {
            if !doc.sentence_start[i] || !doc.is_cap(i) || claimed[i] {
                continue;
            }
            let mut j = i + 1;
            while j < doc.tokens.len() && doc.is_cap(j) && !claimed[j] && doc.joined(j - 1) {
                j += 1;
            }
            let start = doc.tokens[i].start;
            if !begins_compound(doc, j)
                && names.contains(doc.span(i, j))
                && !out.iter().any(|p| p.start == start)
            {
                out.push(person(doc, i, j, Evidence::Document));
            }
        }
    }
}

/// The run ending before token `j` ends with a word that begins an
/// ordinary compound with the lower-case word at `j` ("Quang cảnh", "Đại
/// biểu"): that word, not the name.
pub(crate) fn begins_compound(doc: &Doc<'_>, j: usize) -> bool {
    doc.tokens
        .get(j)
        .is_some_and(|n| !n.is_capitalized() && n.space_before)
        && doc.gazetteer.lexicon.contains(doc.lower(j - 1, j + 1))
}

fn person(doc: &Doc<'_>, i: usize, j: usize, evidence: Evidence) -> Proposal {
    let last = &doc.tokens[j - 1];
    // "chị H.", "Trần Văn P.": an initial keeps its full stop.
    let initial = last.is_initial()
        && doc
            .tokens
            .get(j)
            .is_some_and(|dot| dot.is_punct('.') && !dot.space_before);
    Proposal {
        start: doc.tokens[i].start,
        end: if initial { doc.tokens[j].end } else { last.end },
        kind: EntityType::Person,
        evidence,
        canonical: None,
    }
}

/// Where the titles and places that earlier recognizers proposed start and
/// end, sorted: the rules below ask of them for every run of capitalised
/// words, by a binary search rather than a look through every proposal.
struct Earlier {
    /// Where each title ends, in bytes.
    title_ends: Vec<usize>,
    /// Where each title starts.
    title_starts: Vec<usize>,
    /// Each place as (end, start, whether it has a canonical name).
    places: Vec<(usize, usize, bool)>,
}

impl Earlier {
    fn of(found: &[Proposal]) -> Self {
        let mut earlier = Earlier {
            title_ends: Vec::new(),
            title_starts: Vec::new(),
            places: Vec::new(),
        };
        for p in found {
            match p.kind {
                EntityType::Title => {
                    earlier.title_ends.push(p.end);
                    earlier.title_starts.push(p.start);
                }
                EntityType::Location => {
                    earlier.places.push((p.end, p.start, p.canonical.is_some()));
                }
                _ => {}
            }
        }
        earlier.title_ends.sort_unstable();
        earlier.title_starts.sort_unstable();
        earlier.places.sort_unstable();
        earlier
    }

    /// A title ends at byte `end`.
    fn title_ends_at(&self, end: usize) -> bool {
        self.title_ends.binary_search(&end).is_ok()
    }

    /// A title starts at byte `start`.
    fn title_starts_at(&self, start: usize) -> bool {
        self.title_starts.binary_search(&start).is_ok()
    }

    /// The places that end at byte `end`, as (end, start, listed).
    fn places_ending_at(&self, end: usize) -> &[(usize, usize, bool)] {
        let from = self.places.partition_point(|p| p.0 < end);
        let to = from + self.places[from..].partition_point(|p| p.0 == end);
        &self.places[from..to]
    }
}

/// Tokens inside a span another recognizer is sure of.
fn claimed_tokens(doc: &Doc<'_>, found: &[Proposal]) -> Vec<bool> {
    let mut claimed = vec![false; doc.tokens.len()];
    for p in found.iter().filter(|p| p.evidence >= Evidence::Cue) {
        claimed[doc.tokens_in(p.start, p.end)].fill(true);
    }
    // "người Brazil", "tiếng Hàn Quốc": a people or a language, no name.
    for &(start, end, known) in &doc.names {
        let tokens = doc.tokens_in(start, end);
        if known.kind == EntityType::Location && !tokens.is_empty() && demonym_at(doc, tokens.start)
        {
            claimed[tokens].fill(true);
        }
    }
    claimed
}

/// Runs of unclaimed capitalised syllables, without a sentence opener
/// that is never a name ("Chiều", "Tại").
fn candidate_runs(doc: &Doc<'_>, earlier: &Earlier, claimed: &[bool]) -> Vec<(usize, usize)> {
    let tokens = &doc.tokens;
    let mut runs = Vec::new();
    let mut i = 0;
    // Where a photo credit's name was cut from the sentence after it.
    let mut credit_cut = usize::MAX;
    while i < tokens.len() {
        // A run starts after an abbreviation ("NSND Trọng Khải").
        if !doc.is_cap(i) || claimed[i] || doc.is_acronym(i) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        loop {
            if j < tokens.len()
                && doc.is_cap(j)
                && !claimed[j]
                && doc.joined(j - 1)
                && !doc.is_acronym(j)
            {
                j += 1;
            } else if inner_joiner(doc, j) && !claimed[j + 1] {
                // "Park Min-jun", "H'Mai Niê"
                j += 2;
            } else if let Some(n) = particles_at(doc, j).filter(|&n| !claimed[j + n]) {
                // "Ronald dela Rosa", "Robin van Persie"
                j += n;
            } else {
                break;
            }
        }
        // "Bùi Nguyên Khánh Cụ thể, …": a sentence that lost its full stop,
        // whose first word begins a compound and is no given name.
        if j >= i + 3
            && begins_compound(doc, j)
            && !doc.gazetteer.given_names.contains(tokens[j - 1].text)
        {
            j -= 1;
        }
        // "Ảnh: Thành Cường Những người ăn xin …": a photo credit run on into
        // the next sentence ends with its last given or family name.
        if j > i + 2 && photo_credit_before(doc, i) {
            let k = (i..j).find(|&k| !is_name_word(doc, k)).unwrap_or(j);
            if k >= i + 2 && k < j && doc.gazetteer.is_vietnamese_syllable(doc.low(k)) {
                j = k;
                credit_cut = k;
            }
        }
        // "Chu Huyền Theo Đời sống Plus": a byline, then the source it is from.
        if tokens[j - 1].text == "Theo" && claimed.get(j) == Some(&true) {
            j -= 1;
            if j == i {
                i += 1;
                continue;
            }
        }
        let mut start = i;
        while start < j
            && (doc.sentence_start[i] || i == credit_cut)
            && opener_is_not_name(doc, start, j)
        {
            start += 1;
        }
        // "U80 Hoàng Kiều": an age ("under 80") before a name is none of it.
        while start + 1 < j && age_group(doc.tokens[start].text) {
            start += 1;
        }
        // "Ông Lê Thành Đô": a capitalised honorific is a cue, not the name.
        // Inside a sentence "Anh" before one given name is the name's own
        // ("Xuân Trường, Anh Đức").
        while start + 1 < j
            && doc.cue_len_at(start, Cue::PersonBefore) == Some(1)
            && !given_name_with_anh(doc, start, j)
        {
            start += 1;
        }
        // "Lào Thongloun Sisoulith": a listed place before a name is the place.
        while start + 1 < j && leading_place(doc, earlier, start) {
            start += 1;
        }
        // "Công chúa Hy Lạp Maria-Olympia": so is a listed country of
        // several words before a foreign name.
        if let Some(after) = leading_country(doc, start, j) {
            start = after;
        }
        let end = crate::extract::residual::foreign_run_end(doc, start, j);
        // "Covid-19", "Su-30": a name with a number joined by a hyphen is a
        // disease's, a model's, no person's.
        let coded = doc
            .tokens
            .get(end)
            .is_some_and(|t| matches!(t.text, "-" | "–") && !t.space_before)
            && doc.tokens.get(end + 1).is_some_and(|t| {
                !t.space_before && t.text.starts_with(|c: char| c.is_ascii_digit())
            });
        if start < end && end - start <= MAX_NAME_TOKENS && !doc.is_acronym(start) && !coded {
            runs.push((start, end));
        }
        i = j;
    }
    runs
}

/// "U80", "U23", "U.20": an age or a team's age group.
pub(crate) fn age_group(word: &str) -> bool {
    word.strip_prefix('U').is_some_and(|rest| {
        let digits = rest.trim_start_matches('.');
        !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
    })
}

/// Tokens `start..j` are "Anh" and one given name, inside a sentence or
/// credited with a photo ("Ảnh: Anh Đức"): a two-syllable name ("Anh
/// Đức", "Anh Tú"), not the honorific.
fn given_name_with_anh(doc: &Doc<'_>, start: usize, j: usize) -> bool {
    j == start + 2
        && doc.tokens[start].text == "Anh"
        && (!doc.sentence_start[start] || photo_credit_before(doc, start))
        && doc
            .gazetteer
            .given_names
            .contains(doc.tokens[start + 1].text)
}

/// "Frenkie de Jong", "Ursula von der Leyen": the lower-case particles of a
/// foreign name from token `j`, between a foreign word and a capitalised
/// one: how many.
pub(crate) fn particles_at(doc: &Doc<'_>, j: usize) -> Option<usize> {
    let particle = |k: usize| {
        doc.tokens
            .get(k)
            .is_some_and(|t| t.text.len() <= 4 && t.space_before && !t.line_before)
            && is_particle(doc, k)
    };
    // The cheap tests first: this runs at the end of every capitalised run.
    let n = (1..=2).take_while(|&n| particle(j + n - 1)).last()?;
    (j > 0
        && doc.is_cap(j - 1)
        && doc.is_cap(j + n)
        && doc.joined(j + n - 1)
        && !doc.gazetteer.is_vietnamese_syllable(doc.low(j - 1)))
    .then_some(n)
}

/// Token `k` is a particle inside a foreign name ("de", "van").
fn is_particle(doc: &Doc<'_>, k: usize) -> bool {
    !doc.tokens[k].has_capital() && doc.rule_word_len(k, WordRole::NameParticle) == Some(1)
}

/// "Toyota Vios", "Honda CB Shine": a run opened by a listed company is its
/// product or its branch, never a person's name.
pub(crate) fn opens_with_company(doc: &Doc<'_>, i: usize) -> bool {
    doc.name_at(doc.tokens[i].start)
        .is_some_and(|(_, _, k)| k.is_company())
}

/// "Tân Châu", "NGÂN ANH" alone on an article's last line: its writer's
/// name, every word of it a given or family name, even where it is also a
/// place's. The tokens of the name.
pub(crate) fn byline(doc: &Doc<'_>) -> Option<(usize, usize)> {
    let tokens = &doc.tokens;
    let mut end = tokens.len();
    if end > 0 && tokens[end - 1].is_punct('.') {
        end -= 1;
    }
    // Back from the end over at most five tokens, to the line's start or,
    // where paragraphs run together ("… tại Tổng Công ty PVC. Trường Văn"),
    // to the last full stop, after which two to four names are the byline.
    // A text of one line has one only after a full stop in it.
    let mut start = None;
    for k in (end.saturating_sub(5)..end).rev() {
        let t = &tokens[k];
        if t.line_before {
            start = Some(k);
            break;
        }
        if t.kind != TokenKind::Word && t.text.ends_with(['.', '!', '?']) {
            if end - k - 1 < 2 || !tokens.get(k + 1)?.space_before {
                return None;
            }
            start = Some(k + 1);
            break;
        }
    }
    let start = start?;
    if end <= start || end - start > 4 {
        return None;
    }
    let g = doc.gazetteer;
    let name_word = |k: usize| {
        let low = doc.low(k);
        let mut chars = low.chars();
        let titled: String = chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
        tokens[k].kind == TokenKind::Word
            && tokens[k].has_capital()
            && (g.given_names.contains(&titled) || g.surnames.contains(&titled))
    };
    ((start..end).all(name_word)
        && doc.name_at(tokens[start].start).is_none_or(|(_, e, k)| {
            k.kind == EntityType::Location
                && e == tokens[end - 1].end
                && k.detail != KnownDetail::Country
        }))
    .then_some((start, end))
}

/// A hyphen or apostrophe inside a name, with no space around it.
fn inner_joiner(doc: &Doc<'_>, j: usize) -> bool {
    let (Some(t), Some(next)) = (doc.tokens.get(j), doc.tokens.get(j + 1)) else {
        return false;
    };
    matches!(t.text, "-" | "'" | "’")
        && !t.space_before
        && !next.space_before
        && next.kind == TokenKind::Word
}

/// Token `i` is a one-word listed place ("Lào", "Nga").
fn leading_place(doc: &Doc<'_>, earlier: &Earlier, i: usize) -> bool {
    let t = &doc.tokens[i];
    earlier
        .places_ending_at(t.end)
        .iter()
        .any(|&(_, start, listed)| listed && start == t.start)
}

/// A listed country of several words opens tokens `start..j` and a foreign
/// name follows it: where the name starts.
fn leading_country(doc: &Doc<'_>, start: usize, j: usize) -> Option<usize> {
    let (_, end, known) = doc.name_at(doc.tokens.get(start)?.start)?;
    let last = doc.token_ending_at(end)?;
    (known.detail == KnownDetail::Country
        && last > start
        && last + 1 < j
        && !doc.gazetteer.is_vietnamese_syllable(doc.low(last + 1)))
    .then_some(last + 1)
}

/// The run's first word opens sentences and is never a name by itself
/// ("Chiều", "Tại"), or the run is an ordinary word capitalised ("Trước đó").
fn opener_is_not_name(doc: &Doc<'_>, start: usize, end: usize) -> bool {
    let g = doc.gazetteer;
    // "Song Hye Kyo": a surname of East Asia before foreign words.
    let foreign_surname = || {
        end > start + 1
            && g.rule_words.has(WordRole::ForeignSurname, doc.low(start))
            && !g.is_vietnamese_syllable(doc.low(start + 1))
    };
    doc.cue_len_at(start, Cue::NotName)
        .is_some_and(|n| start + n <= end && !foreign_surname())
        || (end - start == 1
            && g.lexicon.contains(doc.lower(start, end))
            && !g.surnames.contains(doc.tokens[start].text))
}

fn evidence(
    doc: &Doc<'_>,
    found: &[Proposal],
    earlier: &Earlier,
    i: usize,
    j: usize,
) -> Option<Evidence> {
    let g = doc.gazetteer;
    if crate::extract::residual::cycle_year(doc, i, j) {
        return None;
    }
    if given_name_with_anh(doc, i, j) {
        return Some(Evidence::Shape);
    }
    // "Hot girl Philippines": a country's whole name is no one's, unless it
    // is one syllable that is also a given name ("Đức", "Mỹ").
    if doc.listed_place_end(i, &[KnownDetail::Country]) == Some(j)
        && !(j == i + 1 && g.given_names.contains(doc.tokens[i].text))
    {
        return None;
    }
    // "Nguồn tin từ Weibo tiết lộ": a platform or a product is no one.
    if opens_with_company(doc, i) || (j == i + 1 && foreign_kind(doc, i, j) == Some(None)) {
        return None;
    }
    // "Tp.", "TX.": a unit's abbreviation cut from its name by a line break.
    if j == i + 1
        && doc.tokens[i].text.len() <= 2
        && doc.cue_len_at(i, Cue::LocationAdmin).is_some()
    {
        return None;
    }
    // One capitalised word that begins an ordinary compound with the next
    // ("Bộ trưởng Ngoại giao") is that word, not a name.
    let single = j - i == 1;
    let starts_compound = single
        && doc
            .tokens
            .get(j)
            .is_some_and(|n| !n.is_capitalized() && n.space_before)
        && g.lexicon.contains(doc.lower(i, j + 1));
    if starts_compound {
        return None;
    }
    // After a title only a name that is not an ordinary word ("tiếp Đoàn, Thứ trưởng …").
    let after_ok = !single || !g.lexicon.contains(doc.low(i));
    // "Bộ Tư lệnh Thái Bình Dương Mỹ": a country alone after a title is
    // the title's country, not its holder.
    let country_alone = single && doc.listed_place_end(i, &[KnownDetail::Country]) == Some(j);
    // "Giám đốc Sở", "Phó Viện trưởng Viện …": the head of a body named
    // short is the body, unless it is also a name ("Giám đốc Khoa").
    let head_alone = single
        && doc.cue_len_at(i, Cue::OrgHead).is_some()
        && !g.given_names.contains(doc.tokens[i].text)
        && !g.surnames.contains(doc.tokens[i].text);
    if person_cue_before(doc, i)
        || (title_before(doc, earlier, i) && !country_alone && !head_alone)
        || (after_ok && title_after(doc, earlier, j))
        || (after_ok && person_cue_after(doc, j) && !holds_place(doc, found, i, j))
        || photo_credit(doc, i, j)
    {
        return Some(Evidence::Cue);
    }
    let surname = g.surnames.contains(doc.tokens[i].text);
    // The surname itself need not be an ordinary syllable ("Nguyễn" never is).
    // "Nguyễn Thị Tuyết H.": the last syllable may be an initial.
    let initial = |k: usize| {
        k + 1 == j
            && doc.tokens[k].text.chars().count() == 1
            && doc
                .tokens
                .get(j)
                .is_some_and(|dot| dot.is_punct('.') && !dot.space_before)
    };
    let vietnamese = (i + 1..j).all(|k| g.is_vietnamese_syllable(doc.low(k)) || initial(k));
    let ordinary_words = g.lexicon.contains(doc.lower(i, j));
    // "Matheus Oliveira", "Kanokwan Srisawat": two or three capitalised words,
    // none an ordinary Vietnamese syllable, inside a sentence.
    // "Song Hye Kyo", "Ban Ki-moon": a surname of East Asia that is also
    // a Vietnamese syllable opens one.
    let surname_opens = g.rule_words.has(WordRole::ForeignSurname, doc.low(i))
        && g.is_vietnamese_syllable(doc.low(i));
    // "Song Hye Kyo" may open a sentence; "Frenkie de Jong" has particles.
    let particles = (i..j).filter(|&k| is_particle(doc, k)).count();
    // "Kim Jong-nam", "Ban Ki-moon": a hyphen joins a syllable of the name
    // to the next; the pair is one word of it.
    let joined = (i..j)
        .filter(|&k| doc.tokens[k].kind != TokenKind::Word && k > i && inner_joiner(doc, k))
        .count();
    let joined_word = |k: usize| k > i && k < j && inner_joiner(doc, k - 1) && surname_opens;
    let foreign = (2..=3).contains(&(j - i - particles - 2 * joined))
        && (!doc.sentence_start[i] || surname_opens || particles > 0)
        && (i..j).all(|k| {
            doc.tokens[k].kind == TokenKind::Word
                || (surname_opens && k > i && inner_joiner(doc, k))
        })
        && if surname_opens {
            (i + 1..j).any(|k| !g.is_vietnamese_syllable(doc.low(k)))
        } else {
            (i..j).all(|k| {
                !g.is_vietnamese_syllable(doc.low(k)) || is_particle(doc, k) || joined_word(k)
            })
        };
    // After "tại", "ở", "đến" a foreign name is a place's (see `residual`).
    if foreign
        && !place_before(doc, i)
        && !thing_before(doc, i)
        && !foreign_body(doc, i, j)
        && foreign_kind(doc, i + usize::from(surname_opens), j)
            .is_none_or(|kind| kind == Some(EntityType::Person))
    {
        return Some(Evidence::Shape);
    }
    (surname && (2..=4).contains(&(j - i)) && vietnamese && !ordinary_words)
        .then_some(Evidence::Shape)
}

/// Tokens `i..j` are foreign words after a word for a body ("tờ Rodong
/// Sinmun", "hãng Air Canada", "nhóm Jemaah Ansharut Daulah"): the body's
/// name, not a person's.
fn foreign_body(doc: &Doc<'_>, i: usize, j: usize) -> bool {
    let g = doc.gazetteer;
    // "súng trường", "vận động trường": the word ends a compound, it names
    // no body.
    let body_word = doc.cue_before(i, Cue::BodyBefore).is_some_and(|c| {
        c == 0
            || doc.tokens[c - 1].kind != TokenKind::Word
            || !g.lexicon.contains(doc.lower(c - 1, c + 1))
    });
    (2..=4).contains(&(j - i))
        && !doc.sentence_start[i]
        && doc.tokens[i].space_before
        && body_word
        && (i..j)
            .all(|k| doc.tokens[k].kind == TokenKind::Word && !g.is_vietnamese_syllable(doc.low(k)))
        && foreign_kind(doc, i, j) != Some(None)
}

fn person_cue_before(doc: &Doc<'_>, i: usize) -> bool {
    doc.cue_before(i, Cue::PersonBefore).is_some()
}

/// A word said of people follows the run at `j`, directly or after a comma
/// or an opening bracket and a number: "Minh Khoa cho biết", "Keo
/// Sengphet, quốc tịch Lào", "Hùng (45 tuổi)", "Nguyễn Văn Hùng (SN 1990)".
pub(crate) fn person_cue_after(doc: &Doc<'_>, j: usize) -> bool {
    let mut k = j;
    if doc
        .tokens
        .get(k)
        .is_some_and(|t| t.is_punct(',') || t.is_punct('('))
    {
        k += 1;
        if doc
            .tokens
            .get(k)
            .is_some_and(|t| t.kind == TokenKind::Number)
        {
            k += 1;
        }
    }
    doc.cue_len_at(k, Cue::PersonAfter).is_some()
}

/// A listed place is among tokens `i..j`: "Savills Hà Nội cho biết" is a
/// company's branch speaking, not a person.
fn holds_place(doc: &Doc<'_>, found: &[Proposal], i: usize, j: usize) -> bool {
    let (start, end) = (doc.tokens[i].start, doc.tokens[j - 1].end);
    found.iter().any(|p| {
        p.kind == EntityType::Location && p.canonical.is_some() && start <= p.start && p.end <= end
    })
}

/// A photo credit: "(Ảnh: Minh Cường/Báo Quảng Ninh)", "Ảnh: Phạm Kiên - TTXVN".
fn photo_credit(doc: &Doc<'_>, i: usize, j: usize) -> bool {
    photo_credit_before(doc, i)
        && doc.tokens.get(j).is_none_or(|n| {
            matches!(n.text, "/" | ")" | "-" | "–") || (doc.is_cap(j) && name_words(doc, i, j))
        })
}

/// Tokens `i..j` are two or more given or family names ("Thành Cường").
fn name_words(doc: &Doc<'_>, i: usize, j: usize) -> bool {
    j >= i + 2 && (i..j).all(|k| is_name_word(doc, k))
}

/// Token `k` is a given or family name as written.
fn is_name_word(doc: &Doc<'_>, k: usize) -> bool {
    let g = doc.gazetteer;
    let text = doc.tokens[k].text;
    g.given_names.contains(text) || g.surnames.contains(text)
}

/// A photo credit's label and colon end right before token `i` ("Ảnh:").
pub(crate) fn photo_credit_before(doc: &Doc<'_>, i: usize) -> bool {
    i >= 2
        && doc.tokens[i - 1].is_punct(':')
        && doc
            .gazetteer
            .rule_words
            .has(WordRole::PhotoCredit, doc.low(i - 2))
}

/// A title, or a title and the place it is of, ends right before token `i`.
fn title_before(doc: &Doc<'_>, earlier: &Earlier, i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).map(|p| &doc.tokens[p]) else {
        return false;
    };
    if !doc.tokens[i].space_before {
        return false;
    }
    if earlier.title_ends_at(prev.end) {
        return true;
    }
    // An honour is no mention, but a name follows it ("NSND Trọng Khải").
    // Listed titles follow one another without overlapping: their ends are in order.
    if doc
        .titles
        .binary_search_by(|&(_, e, _)| e.cmp(&prev.end))
        .is_ok()
    {
        return true;
    }
    let title_ends_before = |k: usize| k > 0 && earlier.title_ends_at(doc.tokens[k - 1].end);
    // "Thủ tướng Lào Thongloun Sisoulith"
    earlier
        .places_ending_at(prev.end)
        .iter()
        .any(|&(_, start, _)| doc.token_at(start).is_some_and(title_ends_before))
        // "Công chúa Hy Lạp Maria-Olympia": a listed country no proposal kept.
        || doc.names.iter().any(|&(start, end, known)| {
            end == prev.end
                && known.detail == KnownDetail::Country
                && doc.token_at(start).is_some_and(title_ends_before)
        })
}

/// ", Phó Thủ tướng" right after the run.
fn title_after(doc: &Doc<'_>, earlier: &Earlier, j: usize) -> bool {
    let (Some(comma), Some(next)) = (doc.tokens.get(j), doc.tokens.get(j + 1)) else {
        return false;
    };
    comma.is_punct(',') && earlier.title_starts_at(next.start)
}

/// Remembers a name and the parts by which the text may refer to it again:
/// the given name of a Vietnamese name ("Quang"), the first name of a foreign one ("Vilay").
fn remember(doc: &Doc<'_>, i: usize, j: usize, names: &mut HashSet<String>) {
    names.insert(doc.span(i, j).to_string());
    if j - i >= 2 {
        if doc.gazetteer.surnames.contains(doc.tokens[i].text) {
            names.insert(doc.tokens[j - 1].text.to_string());
        } else {
            names.insert(doc.tokens[i].text.to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{
        location::LocationRecognizer, organization::OrganizationRecognizer, title::TitleRecognizer,
    };

    fn people(text: &str) -> Vec<String> {
        let chain: [&dyn Recognizer; 4] = [
            &LocationRecognizer,
            &OrganizationRecognizer,
            &TitleRecognizer,
            &PersonRecognizer,
        ];
        crate::extract::proposed_texts(text, &chain)
    }

    #[test]
    fn a_byline_ends_before_the_source_it_is_from() {
        let people = |text: &str| crate::extract::found_texts(text, EntityType::Person);
        assert_eq!(
            people("Giá tăng.\nChu Huyền Theo Đời sống Plus"),
            ["Chu Huyền"]
        );
        // Paragraphs run together: the last sentence, names alone.
        assert_eq!(
            people("Vụ án xảy ra tại Tổng Công ty PVC. Trường Văn"),
            ["Trường Văn"]
        );
        assert_eq!(
            people("Giá vàng tăng mạnh. Nguồn tin cho biết Hà Nội mưa."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_country_s_whole_name_is_no_person() {
        let people = |text: &str| crate::extract::found_texts(text, EntityType::Person);
        assert!(people("Cô là hot girl Philippines nổi tiếng.").is_empty());
        assert_eq!(people("Anh Đức cho biết."), ["Đức"]);
    }

    #[test]
    fn a_photo_credit_run_on_into_the_next_sentence_ends_with_the_name() {
        let people = |text: &str| crate::extract::found_texts(text, EntityType::Person);
        assert_eq!(
            people("Ảnh: Thành Cường Những người ăn xin ngồi trước cổng chùa."),
            ["Thành Cường"]
        );
        assert_eq!(
            people("Ảnh: Thành Cường Đi chùa ngày đầu năm là nét đẹp."),
            ["Thành Cường"]
        );
    }

    #[test]
    fn a_body_named_short_after_a_title_is_no_person() {
        let people = |text: &str| crate::extract::found_texts(text, EntityType::Person);
        assert!(people("Giám đốc Sở cho biết, Phó GĐ Cty cũng vậy.").is_empty());
        assert_eq!(people("Giám đốc Khoa cho biết."), ["Khoa"]);
        assert_eq!(
            people(
                "Khởi công Trạm biến áp Ngũ Hành Sơn Ông Ngô Tấn Cư, Chủ tịch UBND quận phát biểu."
            ),
            ["Ngô Tấn Cư"]
        );
    }

    #[test]
    fn a_foreign_name_something_belongs_to_is_a_person() {
        let people = |text: &str| crate::extract::found_texts(text, EntityType::Person);
        assert_eq!(
            people("Bàn mở tỷ số thuộc về Javier Hernandez, với pha đột phá."),
            ["Javier Hernandez"]
        );
    }

    #[test]
    fn a_title_or_cue_before_a_name_makes_it_a_person() {
        assert_eq!(
            people("Đại tướng Vilay Lakhamphong tiếp ông Kongthong."),
            ["Vilay Lakhamphong", "Kongthong"]
        );
    }

    #[test]
    fn sentence_openers_are_not_people() {
        assert_eq!(people("Chiều nay, Tại đây."), Vec::<String>::new());
    }

    #[test]
    fn a_name_seen_once_is_found_again() {
        assert_eq!(
            people("Bộ trưởng Vilay Lakhamphong đến. Sau đó Vilay phát biểu."),
            ["Vilay Lakhamphong", "Vilay"]
        );
    }

    #[test]
    fn a_full_stop_after_a_syllable_ends_the_sentence_not_an_initial() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Person);
        assert_eq!(found("Ông Em là chồng thứ hai của bà Tú."), ["Em", "Tú"]);
        assert_eq!(
            found("Nạn nhân là chị Th. và anh Trần Văn P. ở xã."),
            ["Th.", "Trần Văn P."]
        );
    }

    #[test]
    fn a_foreign_name_run_into_the_next_sentence_ends_before_it() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Person);
        assert_eq!(
            found("Mourinho chốt tương lai Phil Jones Một nguồn tin tiết lộ."),
            ["Mourinho", "Phil Jones"]
        );
    }

    #[test]
    fn anh_before_one_given_name_inside_a_sentence_is_the_name() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Person);
        assert_eq!(
            found("Các cầu thủ Xuân Trường, Văn Toàn, Anh Đức đá chính."),
            ["Xuân Trường", "Văn Toàn", "Anh Đức"]
        );
        // The honorific opening a sentence, and the country before a name.
        assert_eq!(found("Anh Tú kể lại."), ["Tú"]);
        assert_eq!(found("Thủ tướng Anh Theresa May nói."), ["Theresa May"]);
        // A photo's credit names the photographer.
        assert_eq!(found("Ảnh: Anh Đức"), ["Anh Đức"]);
    }

    #[test]
    fn a_name_with_a_number_joined_is_no_person() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Person);
        assert!(found("Những bệnh nhân Covid-19 đầu tiên đã khỏi.").is_empty());
    }

    #[test]
    fn a_surname_of_east_asia_that_is_a_vietnamese_syllable_opens_a_foreign_name() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Person);
        assert_eq!(
            found("Tháng 6/2019, Song Hye Kyo và Song Joong Ki xác nhận ly hôn."),
            ["Song Hye Kyo", "Song Joong Ki"]
        );
        assert_eq!(found("Tổng thư ký Ban Ki-moon phát biểu."), ["Ban Ki-moon"]);
    }

    #[test]
    fn the_particles_of_a_foreign_name_are_inside_it() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Person);
        assert_eq!(
            found("Cảnh sát trưởng Ronald dela Rosa cho biết."),
            ["Ronald dela Rosa"]
        );
        assert_eq!(found("Robin van Persie giải nghệ."), ["Robin van Persie"]);
        assert_eq!(
            found("Bà Ursula von der Leyen phát biểu."),
            ["Ursula von der Leyen"]
        );
        assert_eq!(found("Song Hye Kyo từng muốn sinh con."), ["Song Hye Kyo"]);
        // A hyphen joins two syllables of a Korean given name.
        assert_eq!(found("Nạn nhân là Kim Jong-nam."), ["Kim Jong-nam"]);
        assert_eq!(found("Siêu mẫu Vĩnh Thụy đến dự."), ["Vĩnh Thụy"]);
        // A Chinese family name read in Vietnamese.
        assert_eq!(
            found("Lâm Tâm Như và Hoắc Kiến Hoa kết hôn."),
            ["Lâm Tâm Như", "Hoắc Kiến Hoa"]
        );
        assert_eq!(found("Ông từng nói đó là Kim Jong-un."), ["Kim Jong-un"]);
    }

    #[test]
    fn a_run_opened_by_a_listed_company_is_no_person() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Person);
        assert!(found("Cụ thể, dòng xe ăn khách Toyota Vios cũng được giảm giá.").is_empty());
        assert!(found("Honda CB Shine lập kỷ lục doanh số.").is_empty());
    }

    #[test]
    fn a_name_alone_on_the_last_line_is_the_writer_s() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Person);
        assert_eq!(
            found("Công an đã bắt giữ nghi phạm.\n\nTân Châu"),
            ["Tân Châu"]
        );
        assert_eq!(
            found("Công an đã bắt giữ nghi phạm.\nNGÂN ANH"),
            ["NGÂN ANH"]
        );
        // A country, or words that are no names, are not.
        assert!(found("Tin từ nước bạn.\nLào").is_empty());
        assert!(found("Công an đã bắt giữ nghi phạm.\nTheo VnExpress").is_empty());
    }

    #[test]
    fn an_age_before_a_name_is_none_of_it() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Person);
        assert_eq!(found("Tỷ phú U80 Hoàng Kiều kết hôn."), ["Hoàng Kiều"]);
        assert!(age_group("U23") && age_group("U.20") && !age_group("Uông"));
    }

    #[test]
    fn foreign_words_after_a_word_for_a_body_name_the_body() {
        let org = |text: &str| crate::extract::found_texts(text, EntityType::Organization);
        let person = |text: &str| crate::extract::found_texts(text, EntityType::Person);
        let text = "Theo tờ Rodong Sinmun, cơ trưởng của hãng Air Canada và tạp chí Vanity Fair đều có mặt.";
        assert_eq!(org(text), ["Rodong Sinmun", "Air Canada", "Vanity Fair"]);
        assert!(person(text).is_empty());
        // "súng trường" is a rifle, not a school.
        assert!(org("Súng trường CheyTac Intervention được lính bắn tỉa sử dụng.").is_empty());
    }

    #[test]
    fn a_name_seen_before_is_not_the_first_word_of_a_compound() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Person);
        assert_eq!(
            found("Theo ông Đại, phòng đã ký. Đại biểu khác đồng ý."),
            ["Đại"]
        );
    }

    #[test]
    fn a_title_a_country_of_two_words_then_a_foreign_name() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Person);
        assert_eq!(
            found("Công chúa Hy Lạp Maria-Olympia gây chú ý."),
            ["Maria-Olympia"]
        );
        assert_eq!(found("Tin đồn về bầu Hiển lan nhanh."), ["Hiển"]);
    }

    #[test]
    fn a_platform_is_no_one_even_before_a_word_said_of_people() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Person);
        assert!(found("Nguồn tin từ Weibo tiết lộ cô đã kết hôn.").is_empty());
        assert_eq!(
            found("Song Hye Kyo tiết lộ cô đã kết hôn."),
            ["Song Hye Kyo"]
        );
    }

    #[test]
    fn a_body_s_remains_are_a_person_s() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Person);
        assert_eq!(
            found("Ảnh chụp cho thấy thi thể của Dainotti bị che phủ."),
            ["Dainotti"]
        );
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Organization);
        assert_eq!(
            found("Băng đảng mafia Cosa Nostra hoạt động mạnh."),
            ["Cosa Nostra"]
        );
    }
}
