//! Names no other recognizer explained, from their shape and the word
//! before them. Vietnamese capitalises only names inside a sentence, so a
//! run of capitalised words that no list, cue or other recognizer took is
//! still a name; in news it is most often a person called by the given
//! name alone ("… rồi Cường bỏ chạy"), a name without its family name
//! ("Minh Sang") or a foreign name ("Mourinho", "Kim Hee Sun").
//! - after a preposition of place ("tại", "ở", "đến") it is a place;
//! - written in capitals ("TVB", "EPA") it is an organisation;
//! - initials are a person's ("bé N.Q.H", "C.Ronaldo"), the full stop kept;
//! - otherwise a person.
//!
//! Every proposal here is a guess from shape ([`Evidence::Shape`]): any
//! other recognizer's proposal over the same words wins.

use crate::entity::EntityType;
use crate::extract::gazetteer::{Cue, WordRole};
use crate::extract::location::demonym_at;
use crate::extract::token::TokenKind;
use crate::extract::{Doc, Evidence, Proposal, Recognizer};

pub struct ResidualRecognizer;

/// A name of more words than this is not guessed.
const MAX_RUN: usize = 4;

impl Recognizer for ResidualRecognizer {
    fn propose(&self, doc: &Doc<'_>, found: &[Proposal], out: &mut Vec<Proposal>) {
        let covered = covered_tokens(doc, found);
        let tokens = &doc.tokens;
        let mut i = 0;
        while i < tokens.len() {
            if covered[i].is_some() || !doc.is_cap(i) || tokens[i].kind != TokenKind::Word {
                i += 1;
                continue;
            }
            // "người Pháp Théo Marchand": a people, then the name.
            if let Some(last) = people_at(doc, i) {
                i = last + 1;
                continue;
            }
            let mut j = i + 1;
            while j < tokens.len()
                && doc.is_cap(j)
                && covered[j].is_none()
                && doc.joined(j - 1)
                && tokens[j].kind == TokenKind::Word
            {
                j += 1;
            }
            // A run right after another name is its continuation, which
            // that recognizer chose to leave out ("Công ty … Hưng Phát").
            let continues = i > 0
                && covered[i - 1].is_some()
                && tokens[i - 1].kind == TokenKind::Word
                && tokens[i].space_before
                && !after_demonym(doc, &covered, i)
                || cut_short(doc, &covered, i);
            if !continues {
                if let Some(p) = guess(doc, &covered, i, j) {
                    out.push(p);
                }
            }
            i = j;
        }
    }
}

/// The run at `i` ends a name that its head opened a few lower-case words
/// before ("Công ty TNHH Suất ăn công nghiệp Phúc An", "Khu công nghiệp
/// Hiệp Phước", "Trưởng khoa Vi phẫu"), which no recognizer took whole.
fn cut_short(doc: &Doc<'_>, covered: &[Option<EntityType>], i: usize) -> bool {
    let tokens = &doc.tokens;
    let mut k = i;
    for _ in 0..4 {
        let Some(prev) = k.checked_sub(1) else {
            return false;
        };
        let t = &tokens[prev];
        // A preposition or a word of grammar ends any name before it.
        if t.kind != TokenKind::Word
            || !tokens[k].space_before
            || doc.cue_len_at(prev, Cue::LocationBefore).is_some()
            || doc.cue_len_at(prev, Cue::Grammar).is_some()
        {
            return false;
        }
        let body = matches!(
            covered[prev],
            Some(EntityType::Organization | EntityType::Location | EntityType::Title)
        );
        if body
            || [Cue::OrgHead, Cue::LocationFacility, Cue::LocationAdmin]
                .into_iter()
                .any(|cue| doc.cue_len_at(prev, cue).is_some())
        {
            return true;
        }
        // "Trưởng khoa …", "Khu công nghiệp …": a name in sentence case,
        // opened by an office or the first word of an ordinary compound.
        if t.is_capitalized() {
            let compound = tokens.get(prev + 1).is_some_and(|n| !n.is_capitalized())
                && doc.gazetteer.lexicon.contains(doc.lower(prev, prev + 2));
            return covered[prev].is_none() && (doc.title_at(t.start).is_some() || compound);
        }
        if covered[prev].is_some() {
            return false;
        }
        k = prev;
    }
    false
}

/// Tokens inside any proposal already made, with the type proposed.
fn covered_tokens(doc: &Doc<'_>, found: &[Proposal]) -> Vec<Option<EntityType>> {
    let mut covered = vec![None; doc.tokens.len()];
    for p in found {
        covered[doc.tokens_in(p.start, p.end)].fill(Some(p.kind));
    }
    covered
}

fn guess(doc: &Doc<'_>, covered: &[Option<EntityType>], i: usize, j: usize) -> Option<Proposal> {
    let tokens = &doc.tokens;
    let g = doc.gazetteer;
    // Sentence openers and words never a name on their own ("Theo", "HLV").
    let mut start = i;
    while start < j {
        match doc.cue_len_at(start, Cue::NotName) {
            Some(n) if start + n <= j => start += n,
            _ => break,
        }
    }
    // "Bé N.Q.H": an honorific opening the sentence is a cue, not the name;
    // "Việc Martial": nor is an ordinary word opening it before a foreign name.
    while start + 1 < j
        && (doc.cue_len_at(start, Cue::PersonBefore) == Some(1)
            || (doc.sentence_start[start]
                && g.lexicon.contains(doc.low(start))
                && !g.given_names.contains(tokens[start].text)
                && !g.surnames.contains(tokens[start].text)))
    {
        start += 1;
    }
    let j = foreign_run_end(doc, start, j);
    if start == j || j - start > MAX_RUN || cycle_year(doc, start, j) {
        return None;
    }
    if let Some(p) = initials(doc, start, j) {
        return Some(p);
    }
    if !plain_run(doc, start, j) || crate::extract::person::opens_with_company(doc, start) {
        return None;
    }
    // "Ảnh: REUTERS Người hòa giải …": a source in capitals, then the
    // next sentence run on, is the source alone.
    let j = if j > start + 1
        && doc.is_acronym(start)
        && !doc.is_acronym(start + 1)
        && g.is_vietnamese_syllable(doc.low(start + 1))
        && source_before(doc, start)
    {
        start + 1
    } else {
        j
    };
    let single = j - start == 1;
    let at_start = doc.sentence_start[start];
    let vietnamese = (start..j).all(|k| g.is_vietnamese_syllable(doc.low(k)));
    // A word for a body or a thing right before ("hãng", "vắc xin").
    let before =
        |cue: Cue| !at_start && tokens[start].space_before && doc.cue_before(start, cue).is_some();
    if single && compass_point(doc, start) {
        return None;
    }
    // "Nhóm II": a Roman numeral is a number.
    if single && tokens[start].text.bytes().all(|b| b"IVXL".contains(&b)) {
        return None;
    }
    let kind = if single && doc.is_acronym(start) {
        // "Ảnh: EPA", "theo TVB", "hãng tin AFP": an abbreviation named as
        // a source or after a word for a body is the body's; two
        // letters as a photo credit or alone on the last line are a
        // writer's initials ("Ảnh: NT", "PL").
        if initials_signed(doc, start) {
            EntityType::Person
        } else if !(source_before(doc, start) || before(Cue::BodyBefore)) {
            return None;
        } else {
            EntityType::Organization
        }
    } else if source_before(doc, start)
        && (single || !vietnamese)
        && (single || !foreign_person(doc, start, j))
    {
        // "Ảnh: Sina", "theo Straitstimes": a source named bare; "Ảnh:
        // Kevin Phạm" is the photographer.
        EntityType::Organization
    } else if vietnamese {
        // "… rồi Cường bỏ chạy", "Minh Sang ghi bàn": given names.
        // "Hân Nguyễn", "Miu Lê": a given name, then the family name, as
        // stage names are written.
        let stage_name = j - start == 2
            && g.given_names.contains(tokens[start].text)
            && g.surnames.contains(tokens[start + 1].text)
            && !g.given_names.contains(tokens[start + 1].text);
        let given = stage_name || (start..j).all(|k| g.given_names.contains(tokens[k].text));
        // "tại Hòa Sơn, huyện Hòa Vang": a place named before the larger
        // unit that holds it.
        let unit_after = tokens.get(j).is_some_and(|t| t.text == ",")
            && doc.cue_len_at(j + 1, Cue::LocationAdmin).is_some();
        if place_before(doc, start) && unit_after {
            EntityType::Location
        } else if given && (!at_start || !single) || beside_person(doc, covered, start, j) {
            EntityType::Person
        } else if place_before(doc, start) && !(single && g.lexicon.contains(doc.low(start))) {
            EntityType::Location
        } else {
            return None;
        }
    } else if let Some(kind) = foreign_kind(doc, start, j) {
        // "CJ Entertainment", "Friends Arena"; "Control Center" is no name.
        // "tại Hamilton": a person's name after a word of place is the place's.
        match kind {
            Some(EntityType::Person) if single && place_before(doc, start) => EntityType::Location,
            // "tờ The Hill", "tạp chí Shape": a paper's name, whatever its
            // words name.
            Some(EntityType::Location) | None if before(Cue::BodyBefore) => {
                EntityType::Organization
            }
            Some(kind) => kind,
            None => return None,
        }
    } else if (at_start || (start > i && doc.sentence_start[i])) && single && !in_list(doc, start) {
        // "Messi gây tranh cãi": a foreign name opening a sentence, before
        // a Vietnamese word, is a person's.
        let verb_after = tokens.get(j).is_some_and(|n| {
            n.kind == TokenKind::Word
                && !n.is_capitalized()
                && n.space_before
                && g.is_vietnamese_syllable(doc.low(j))
        });
        if !verb_after {
            return None;
        }
        EntityType::Person
    } else if before(Cue::BodyBefore) {
        EntityType::Organization
    } else if before(Cue::ThingBefore) {
        return None;
    } else if place_before(doc, start) {
        EntityType::Location
    } else if in_list(doc, start)
        || (!single && foreign_person(doc, start, j))
        || beside_person(doc, covered, start, j)
    {
        EntityType::Person
    } else {
        return None;
    };
    Some(Proposal {
        start: tokens[start].start,
        end: tokens[j - 1].end,
        kind,
        evidence: Evidence::Shape,
        canonical: None,
    })
}

/// The name before token `i` is a people's ("tiền đạo người Pháp Théo
/// Marchand"), which no name continues.
fn after_demonym(doc: &Doc<'_>, covered: &[Option<EntityType>], i: usize) -> bool {
    let mut k = i - 1;
    while k > 0 && covered[k - 1] == covered[i - 1] && doc.joined(k - 1) {
        k -= 1;
    }
    crate::extract::location::demonym_at(doc, k)
}

/// A listed place at token `i` named as a people ("người Pháp"): its last token.
fn people_at(doc: &Doc<'_>, i: usize) -> Option<usize> {
    if !crate::extract::location::demonym_at(doc, i) {
        return None;
    }
    let (_, end, known) = doc.name_at(doc.tokens[i].start)?;
    (known.kind == EntityType::Location).then_some(())?;
    doc.token_ending_at(end)
}

/// Tokens `i..j` name a year of the sixty-year cycle ("Tết Đinh Dậu"),
/// not a person, though its stem may be a surname.
pub(crate) fn cycle_year(doc: &Doc<'_>, i: usize, j: usize) -> bool {
    let words = &doc.gazetteer.rule_words;
    j == i + 2
        && words.has(WordRole::YearStem, doc.low(i))
        && words.has(WordRole::YearBranch, doc.low(i + 1))
}

/// Token `i` is a point of the compass meaning a region: after "vào",
/// "trong", "ngoài", "ra", "từ" ("vào Nam"), or paired with another
/// ("từ Nam ra Bắc", "hợp tác Nam – Nam") or with a place ("Nam Iraq").
fn compass_point(doc: &Doc<'_>, i: usize) -> bool {
    let words = &doc.gazetteer.rule_words;
    if !words.has(WordRole::Direction, doc.low(i)) {
        return false;
    }
    let toward = |k: usize| words.has(WordRole::Toward, doc.low(k));
    let direction = |k: usize| k < doc.tokens.len() && words.has(WordRole::Direction, doc.low(k));
    let before = i > 0 && !doc.sentence_start[i] && toward(i - 1);
    // Another point two tokens away, across "ra", "vào" or a dash.
    let joined_to = |joiner: usize, other: usize| {
        (toward(joiner) || matches!(doc.tokens[joiner].text, "-" | "–")) && direction(other)
    };
    let paired = (i + 2 < doc.tokens.len() && joined_to(i + 1, i + 2))
        || (i >= 2 && joined_to(i - 1, i - 2));
    let of_place = doc
        .tokens
        .get(i + 1)
        .and_then(|n| doc.name_at(n.start))
        .is_some_and(|(_, _, k)| k.kind == EntityType::Location);
    before || paired || of_place
}

/// Tokens `i..j` are joined to a person's name by "và", "hay" or "hoặc"
/// ("Huỳnh Hiểu Minh và Angelababy", "McGregor hay Khabib Nurmagomedov"):
/// another person.
fn beside_person(doc: &Doc<'_>, covered: &[Option<EntityType>], i: usize, j: usize) -> bool {
    let joiner = |k: usize| matches!(doc.low(k), "và" | "hay" | "hoặc");
    let person = |k: usize| covered.get(k) == Some(&Some(EntityType::Person));
    (i >= 2 && joiner(i - 1) && person(i - 2))
        || (j + 1 < doc.tokens.len() && joiner(j) && person(j + 1))
}

/// Token `i` is an item of a list of capitalised words ("Navas, Ramos,
/// Varane", "Alisson; Gomez; Robertson").
fn in_list(doc: &Doc<'_>, i: usize) -> bool {
    let tokens = &doc.tokens;
    let joiner = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| t.is_punct(',') || t.is_punct(';'))
    };
    (i >= 2 && joiner(i - 1) && doc.is_cap(i - 2)) || (joiner(i + 1) && doc.is_cap(i + 2))
}

/// Where a foreign name among tokens `i..j` ends when a headline or a list
/// ran into the next sentence without a stop: before a Vietnamese word
/// that opens sentences ("Phil Jones Một nguồn tin …") or begins an
/// ordinary compound with the lower-case word after it ("… Ronaldo Thông
/// số hiệp 1").
pub(crate) fn foreign_run_end(doc: &Doc<'_>, i: usize, mut j: usize) -> usize {
    let g = doc.gazetteer;
    // The cheap tests first: this runs on every capitalised run.
    while j >= i + 2
        && (doc.cue_len_at(j - 1, Cue::NotName).is_some()
            || doc.tokens.get(j).is_some_and(|n| {
                n.kind == TokenKind::Word
                    && !n.has_capital()
                    && n.space_before
                    && g.lexicon.contains(doc.lower(j - 1, j + 1))
            }))
        && g.is_vietnamese_syllable(doc.low(j - 1))
        && (i..j - 1).any(|k| !g.is_vietnamese_syllable(doc.low(k)))
    {
        j -= 1;
    }
    j
}

/// Tokens `i..j` can be a name by their shape and their neighbours: no
/// initial or dotted word, no number after them or in them ("Galaxy S25"),
/// not part of a hyphenated word ("VN-Index"), not a day, a month or a
/// people ("thứ Hai", "tháng Giêng", "người Nhật"), not an ordinary
/// compound with the word before or after ("Quang cảnh"), and not opened by
/// a word that heads other names ("Bộ", "Khu", "Đền").
pub(crate) fn plain_run(doc: &Doc<'_>, i: usize, j: usize) -> bool {
    let tokens = &doc.tokens;
    let g = doc.gazetteer;
    let dotted_or_short = (i..j).any(|k| {
        let t = tokens[k].text;
        t.contains('.') || t.chars().count() == 1 || t.bytes().any(|b| b.is_ascii_digit())
    });
    let hyphen = |k: usize| tokens.get(k).is_some_and(|t| t.text == "-");
    let hyphenated = (i > 0 && hyphen(i - 1) && !tokens[i].space_before)
        || (hyphen(j) && !tokens[j].space_before);
    let number_after = tokens
        .get(j)
        .is_some_and(|n| n.kind == TokenKind::Number && n.space_before);
    let lower_word = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| t.kind == TokenKind::Word && !t.is_capitalized())
    };
    let compound_after =
        lower_word(j) && tokens[j].space_before && g.lexicon.contains(doc.lower(j - 1, j + 1));
    let compound_before = i > 0
        && lower_word(i - 1)
        && tokens[i].space_before
        && g.lexicon.contains(doc.lower(i - 1, i + 1));
    // "800 Mbps", "eTax Mobile": a unit, a product; "thứ Hai", "người Nhật",
    // "trên Facebook", "30 tỷ Đồng": a day, a people, a platform, a unit.
    let after_thing = i > 0
        && (tokens[i - 1].kind == TokenKind::Number
            || (tokens[i - 1].has_capital() && !tokens[i - 1].is_capitalized()));
    let after_word = i > 0 && doc.cue_before(i, Cue::NoNameAfter) == Some(i - 1);
    let heads = [
        Cue::OrgHead,
        Cue::EventHead,
        Cue::LocationAdmin,
        Cue::LocationFacility,
        Cue::PersonBefore,
        Cue::DateWord,
    ]
    .into_iter()
    .any(|cue| doc.cue_len_at(i, cue).is_some())
        || doc.title_at(tokens[i].start).is_some();
    !(dotted_or_short
        || hyphenated
        || number_after
        || compound_after
        || compound_before
        || after_word
        || after_thing
        || heads
        || demonym_at(doc, i))
}

/// A preposition of place ends right before token `i` ("tại", "ở", "đến");
/// not "trên", which also puts things on a platform ("trên Facebook"),
/// nor "về" in "thuộc về", which gives a thing to its owner ("thuộc về
/// Javier Hernandez").
pub(crate) fn place_before(doc: &Doc<'_>, i: usize) -> bool {
    !doc.sentence_start[i]
        && doc.cue_before(i, Cue::LocationBefore).is_some()
        && !doc.is_cap(i - 1)
        && doc.low(i - 1) != "trên"
        && !(doc.low(i - 1) == "về" && i >= 2 && doc.low(i - 2) == "thuộc")
}

/// What the foreign words of tokens `i..j` tell of the name: `Some(None)`
/// when a word is a product's ("Galaxy Note", "Control Center"), the type
/// its last word gives to a name of two words or more ("CJ Entertainment",
/// "Friends Arena"), or `None` when they tell nothing.
pub(crate) fn foreign_kind(doc: &Doc<'_>, i: usize, j: usize) -> Option<Option<EntityType>> {
    let words = &doc.gazetteer.foreign_words;
    let role = |k: usize| words.get(doc.tokens[k].text).copied();
    // "Galaxy S8", "Boeing 787X": a model's code is no name's word.
    let code = |k: usize| {
        let t = &doc.tokens[k];
        t.kind == TokenKind::Word && t.text.bytes().any(|b| b.is_ascii_digit())
    };
    if (i..j).any(|k| role(k) == Some(None) || code(k)) {
        return Some(None);
    }
    match role(j - 1) {
        // "Manchester City", "Old Trafford", "Cristiano Ronaldo".
        Some(Some(kind)) if j - i >= 2 => Some(Some(kind)),
        // "Zidane", "Merkel": a name news gives alone.
        Some(Some(EntityType::Person)) => Some(Some(EntityType::Person)),
        _ => None,
    }
}

/// Foreign words `i..j` show themselves a person's name: a given name opens
/// them ("Elle Fanning", "Shinzo Abe"), or a surname of East Asia ("Shin
/// Min Ah"), or a well-known name; a Vietnamese name is among them ("Jun
/// Phạm", "Angela Phương Trinh"); or a word said of people follows
/// ("Sjaak Swart cho biết"). Without any, a run of foreign words is as
/// often a work, a product or a show ("Star Wars", "Touch ID", "The Face").
pub(crate) fn foreign_person(doc: &Doc<'_>, i: usize, j: usize) -> bool {
    let g = doc.gazetteer;
    let first = doc.tokens[i].text;
    g.foreign_given.contains(first)
        || g.rule_words.has(WordRole::ForeignSurname, doc.low(i))
        || g.foreign_words.get(first) == Some(&Some(EntityType::Person))
        || (i..j).any(|k| {
            let t = doc.tokens[k].text;
            g.surnames.contains(t) || g.given_names.contains(t)
        })
        || crate::extract::person::person_cue_after(doc, j)
        || in_list(doc, i)
}

/// Token `i`, two capitals, signs the article: alone on its last line
/// ("PL"), or as the photo credit ("Ảnh: NT"). Three are as often a
/// source's ("VGP").
fn initials_signed(doc: &Doc<'_>, i: usize) -> bool {
    let tokens = &doc.tokens;
    let t = &tokens[i];
    if t.text.len() != 2 || !t.text.bytes().all(|b| b.is_ascii_uppercase()) {
        return false;
    }
    let photo = crate::extract::person::photo_credit_before(doc, i);
    let rest_of_text = tokens[i + 1..].iter().all(|n| n.kind == TokenKind::Punct);
    let last_line = t.line_before && rest_of_text;
    photo || last_line
}

/// A source is named right before token `i`: a photo credit ("Ảnh:",
/// "Nguồn:") or "theo" ("theo Yonhap").
fn source_before(doc: &Doc<'_>, i: usize) -> bool {
    let t = &doc.tokens;
    (i >= 2
        && t[i - 1].is_punct(':')
        && doc
            .gazetteer
            .rule_words
            .has(WordRole::SourceLabel, doc.low(i - 2)))
        || (i >= 1 && doc.low(i - 1) == "theo")
}

/// A word for a thing before its make or model ends right before token
/// `i` ("dòng Galaxy", "giải Grand Slam").
pub(crate) fn thing_before(doc: &Doc<'_>, i: usize) -> bool {
    doc.tokens[i].space_before && doc.cue_before(i, Cue::ThingBefore).is_some()
}

/// Initials standing for a person: "N.Q.H", "K.T.", "C.Ronaldo", "P.Trần",
/// with a full stop right after them kept in the span.
fn initials(doc: &Doc<'_>, i: usize, j: usize) -> Option<Proposal> {
    let t = &doc.tokens[i];
    if j != i + 1 || !t.text.contains('.') {
        return None;
    }
    let parts: Vec<&str> = t.text.split('.').filter(|p| !p.is_empty()).collect();
    let initial = |p: &&str| p.chars().count() == 1 && p.chars().all(char::is_uppercase);
    let all_initials = parts.len() >= 2 && parts.iter().all(initial);
    // "C.Ronaldo", but not "P.Bến Thành" (a ward) nor "TP.HCM".
    let one_and_name = parts.len() == 2
        && initial(&parts[0])
        && parts[1].chars().count() > 1
        && parts[1].chars().next().is_some_and(char::is_uppercase)
        && parts[1].chars().skip(1).all(char::is_lowercase)
        && !doc.is_cap(j);
    if !(all_initials || one_and_name) {
        return None;
    }
    let mut end = t.end;
    if let Some(dot) = doc.tokens.get(j) {
        if dot.is_punct('.') && !dot.space_before && all_initials {
            end = dot.end;
        }
    }
    Some(Proposal {
        start: t.start,
        end,
        kind: EntityType::Person,
        evidence: Evidence::Shape,
        canonical: None,
    })
}

#[cfg(test)]
mod tests {
    use crate::entity::EntityType;
    use crate::extract::found_texts;

    #[test]
    fn a_given_name_alone_inside_a_sentence_is_a_person() {
        assert_eq!(
            found_texts(
                "Sau đó Loan lấy thuốc, rồi Cường trốn học lên tàu.",
                EntityType::Person
            ),
            ["Loan", "Cường"]
        );
    }

    #[test]
    fn a_foreign_name_alone_is_a_person_with_some_evidence() {
        // Opening the sentence before a verb, after a cue, or in a list.
        assert_eq!(
            found_texts(
                "Việc Martial bị treo giò khiến thầy trò Mourinho lo lắng.",
                EntityType::Person
            ),
            ["Martial", "Mourinho"]
        );
        assert_eq!(
            found_texts(
                "Đội hình: Navas, Ramos, Varane, Marcelo.",
                EntityType::Person
            ),
            ["Navas", "Ramos", "Varane", "Marcelo"]
        );
        // A foreign word with none is as often a platform, a product or a place.
        assert!(found_texts(
            "Đoạn clip được đăng lên YouTube và Facebook.",
            EntityType::Person
        )
        .is_empty());
        assert!(found_texts("Tên lửa rơi xuống Bushehr hôm qua.", EntityType::Person).is_empty());
    }

    #[test]
    fn after_a_preposition_of_place_it_is_a_place() {
        assert_eq!(
            found_texts("Cả đoàn đã đến Solna vào buổi chiều.", EntityType::Location),
            ["Solna"]
        );
    }

    #[test]
    fn initials_are_a_person_with_their_full_stop() {
        assert_eq!(
            found_texts(
                "Bé N.Q.H (6 tuổi) và chị K.T. được đưa đi viện; C.Ronaldo thì không.",
                EntityType::Person
            ),
            ["N.Q.H", "K.T.", "C.Ronaldo"]
        );
    }

    #[test]
    fn weekdays_months_and_peoples_are_no_names() {
        assert!(found_texts(
            "Sáng thứ Hai, người Nhật đón tháng Giêng.",
            EntityType::Person
        )
        .is_empty());
    }

    #[test]
    fn a_year_of_the_cycle_is_no_person_and_a_stage_name_is_one() {
        assert!(found_texts("Tết Đinh Dậu năm nay rất vui.", EntityType::Person).is_empty());
        assert_eq!(
            found_texts(
                "Trên sân khấu, Hân Nguyễn và Ly Nguyễn song ca.",
                EntityType::Person
            ),
            ["Hân Nguyễn", "Ly Nguyễn"]
        );
    }

    #[test]
    fn a_ship_is_no_person() {
        assert!(found_texts("Tàu sân bay USS Carl Vinson đã đến.", EntityType::Person).is_empty());
    }

    #[test]
    fn a_well_known_name_given_alone_is_a_person_s() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Person);
        assert_eq!(
            found("Trận này Zidane cho Marcelo nghỉ, còn Benzema đá chính."),
            ["Zidane", "Marcelo", "Benzema"]
        );
        // Its full name stays whole, after a people too.
        assert_eq!(
            found("Bài phát biểu của tổng thống Mỹ Donald Trump kéo dài."),
            ["Donald Trump"]
        );
        // After a word of place it is the place's.
        assert!(found("Họ sống tại Hamilton từ nhỏ.").is_empty());
    }

    #[test]
    fn a_model_s_code_makes_a_foreign_run_no_name() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Person);
        assert!(found("Chiếc điện thoại mới, Galaxy S8 bán chạy.").is_empty());
    }

    #[test]
    fn foreign_words_opening_a_sentence_are_a_person_s_only_with_evidence() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Person);
        // A given name, a surname of East Asia, a Vietnamese name among them.
        assert_eq!(
            found("Elle Fanning hóa thân thành vũ công."),
            ["Elle Fanning"]
        );
        assert_eq!(found("Park Bo Gum đang quay phim mới."), ["Park Bo Gum"]);
        assert_eq!(found("Jun Phạm ra mắt ca khúc mới."), ["Jun Phạm"]);
        // None: a work, a feature, a show.
        assert!(found("Star Wars sẽ ra mắt vào tháng 12.").is_empty());
        assert!(found("Touch ID được đặt ở mặt sau.").is_empty());
    }

    #[test]
    fn a_name_joined_to_a_person_s_by_and_or_is_a_person_s() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Person);
        assert_eq!(
            found("Tin đồn Huỳnh Hiểu Minh và Angelababy ly hôn lan nhanh."),
            ["Huỳnh Hiểu Minh", "Angelababy"]
        );
        // A word of the language too.
        assert_eq!(
            found("Tòa xác nhận Trương Quỳnh Anh và Tim đã ly hôn."),
            ["Trương Quỳnh Anh", "Tim"]
        );
    }

    #[test]
    fn a_line_up_separated_by_semicolons_is_a_list_of_names() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Person);
        assert_eq!(
            found("Đội hình ra sân: Alisson; Gomez; Robertson; Henderson."),
            ["Alisson", "Gomez", "Robertson", "Henderson"]
        );
    }

    #[test]
    fn two_initials_signing_the_article_are_a_person_s() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Person);
        assert_eq!(found("Giá vàng hôm nay tăng mạnh.\nPL"), ["PL"]);
        assert_eq!(found("Một góc phố cổ. Ảnh: NT"), ["NT"]);
        // A listed agency stays the agency; capitals inside a text sign nothing.
        assert!(found("Một góc phố cổ. Ảnh: EPA").is_empty());
        assert!(found("Giá cổ phiếu HPG tăng.").is_empty());
    }

    #[test]
    fn a_source_is_a_body_unless_a_person_s_name_signs_the_photo() {
        let found = |text: &str, kind| crate::extract::found_texts(text, kind);
        assert_eq!(
            found("Ảnh: Kevin Phạm.", EntityType::Person),
            ["Kevin Phạm"]
        );
        assert_eq!(
            found("(Ảnh: Getty Images)", EntityType::Organization),
            ["Getty Images"]
        );
        // A source in capitals before the next sentence, run on.
        assert_eq!(
            found(
                "Phiến quân ở Deraa. Ảnh: REUTERS Người hòa giải của LHQ đến.",
                EntityType::Organization
            ),
            ["REUTERS", "LHQ"]
        );
        // After a word for a paper, its name, whatever its words say.
        assert_eq!(
            found(
                "Theo tờ The Hill, ông Trump lên trực thăng.",
                EntityType::Organization
            ),
            ["The Hill"]
        );
    }

    #[test]
    fn a_place_named_before_the_unit_holding_it_is_a_place() {
        let found = |text: &str, kind| crate::extract::found_texts(text, kind);
        let text = "Vụ việc xảy ra tại Hòa Sơn, huyện Hòa Vang, Đà Nẵng.";
        assert!(found(text, EntityType::Person).is_empty());
        assert!(found(text, EntityType::Location).contains(&"Hòa Sơn".to_string()));
    }

    #[test]
    fn a_point_of_the_compass_as_a_region_is_no_person() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Person);
        assert!(found("Anh vào Nam làm việc, rồi đi hát từ Nam ra Bắc.").is_empty());
        assert!(found("Hợp tác Nam – Nam phát triển.").is_empty());
        assert!(found("Các tàu di chuyển theo hướng Nam.").is_empty());
        assert_eq!(
            found("Mâu thuẫn giữa đối tượng Nam với vợ kéo dài."),
            ["Nam"]
        );
    }
}
