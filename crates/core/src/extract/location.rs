//! Places: listed names (countries, capitals, provinces and their other
//! names, "Viêng Chăn" = Vientiane), and any capitalised name after an
//! administrative word, which the span includes ("tỉnh Nghệ An",
//! "huyện Kỳ Anh", "TP. HCM", "quận 1").

use crate::entity::EntityType;
use crate::extract::gazetteer::{Cue, KnownDetail, WordRole};
use crate::extract::token::TokenKind;
use crate::extract::{Doc, Evidence, Proposal, Recognizer};

pub struct LocationRecognizer;

/// A name after an administrative word is at most this many syllables.
const MAX_NAME_TOKENS: usize = 5;

impl Recognizer for LocationRecognizer {
    fn propose(&self, doc: &Doc<'_>, _found: &[Proposal], out: &mut Vec<Proposal>) {
        listed(doc, out);
        after_admin_word(doc, out);
        after_facility_word(doc, out);
        addressed_streets(doc, out);
        junction_streets(doc, out);
    }
}

/// "nút giao Trường Sơn - Hồng Hà", "vòng xoay Nguyễn Kiệm - Nguyễn Thái
/// Sơn", "giao lộ Trường Sơn - nhánh đường Tân Sơn Nhất": the roads that
/// meet at a junction, a dash apart, each a place of its own (and not the
/// people they are named after); the junction's word is outside them. A
/// junction named by one name is a facility ("nút giao Lăng Cha Cả").
fn junction_streets(doc: &Doc<'_>, out: &mut Vec<Proposal>) {
    let tokens = &doc.tokens;
    let g = doc.gazetteer;
    for i in 0..tokens.len() {
        // Cheap first: a capitalised word must follow within a few.
        if !doc.cap_within(i + 1, i + 4) || !g.rule_words.opens(WordRole::Junction, doc.low(i)) {
            continue;
        }
        let Some(k) = (1..=3).rev().find(|&k| {
            i + k < tokens.len() && g.rule_words.has(WordRole::Junction, doc.lower(i, i + k))
        }) else {
            continue;
        };
        let mut roads: Vec<(usize, usize)> = Vec::new();
        let mut start = i + k;
        while start < tokens.len() && doc.is_cap(start) && tokens[start].space_before {
            let end = name_run_end(doc, start);
            roads.push((start, end));
            // A dash, then the next road, perhaps after a few lower-case
            // words of its kind ("nhánh đường").
            if !tokens.get(end).is_some_and(|t| matches!(t.text, "-" | "–")) {
                break;
            }
            let mut next = end + 1;
            while next < tokens.len()
                && next < end + 4
                && tokens[next].kind == TokenKind::Word
                && !doc.is_cap(next)
            {
                next += 1;
            }
            start = next;
        }
        if roads.len() < 2 {
            continue;
        }
        for (s, e) in roads {
            out.push(Proposal {
                start: tokens[s].start,
                end: tokens[e - 1].end,
                kind: EntityType::Location,
                evidence: Evidence::Cue,
                canonical: None,
            });
        }
    }
}

/// "198 Trần Quang Khải, Hà Nội", "(số 56 Nguyễn Chí Thanh)", "Ngõ 495
/// Nguyễn Trãi": a house number, then a street named after a person,
/// closed by a bracket or by a comma or dash before a unit word or a
/// listed place. The street, not the person; not a unit's number ("quận 1
/// Trần Thế Thuận") nor a year ("Hoa hậu 2014 Nguyễn Cao Kỳ Duyên").
fn addressed_streets(doc: &Doc<'_>, out: &mut Vec<Proposal>) {
    let tokens = &doc.tokens;
    for k in 1..tokens.len().saturating_sub(1) {
        let number = &tokens[k];
        let house = number.kind == TokenKind::Number
            && number.text.len() <= 7
            && number.text.bytes().all(|b| b.is_ascii_digit() || b == b'/')
            && !(number.text.len() == 4 && matches!(&number.text[..2], "19" | "20"));
        if !house || doc.cue_len_at(k - 1, Cue::LocationAdmin).is_some() {
            continue;
        }
        let start = k + 1;
        let end = name_run_end(doc, start);
        if end < start + 2 || !tokens[start].space_before || !person_shaped_street(doc, start, end)
        {
            continue;
        }
        let closed = tokens.get(end).is_some_and(|t| {
            t.text == ")"
                || (matches!(t.text, "," | "-" | "–")
                    && (doc.cue_len_at(end + 1, Cue::LocationAdmin).is_some()
                        || doc
                            .tokens
                            .get(end + 1)
                            .and_then(|n| doc.name_at(n.start))
                            .is_some_and(|(_, _, known)| known.kind == EntityType::Location)))
        });
        if closed {
            out.push(Proposal {
                start: tokens[start].start,
                end: tokens[end - 1].end,
                kind: EntityType::Location,
                evidence: Evidence::Cue,
                canonical: None,
            });
        }
    }
}

/// Tokens `i..j` are a Vietnamese person's name as streets bear them: a
/// surname and one to three more syllables.
fn person_shaped_street(doc: &Doc<'_>, i: usize, j: usize) -> bool {
    (2..=4).contains(&(j - i))
        && doc.gazetteer.surnames.contains(doc.tokens[i].text)
        && (i..j).all(|k| doc.gazetteer.is_vietnamese_syllable(doc.low(k)))
}

fn after_facility_word(doc: &Doc<'_>, out: &mut Vec<Proposal>) {
    let tokens = &doc.tokens;
    for i in 0..tokens.len() {
        // A noun for a facility or a spot and its name after it, one place
        // ("sân Hàng Đẫy", "chợ Bạc Má", "phà Mỹ Thuận"), unless the noun
        // ends a compound ("yêu cầu"). Capitalised inside a sentence it
        // is a name's first word ("Chợ Lớn", "Cầu Giấy"), unless it is
        // an abbreviation ("KCN", "SVĐ") or a noun of several words
        // ("Khu công nghiệp VSIP", "Sân bay Tân Sơn Nhất").
        let Some(n) = doc.cue_len_at(i, Cue::LocationFacility) else {
            continue;
        };
        if doc.is_cap(i) && !doc.sentence_start[i] && !doc.is_acronym(i) && n < 2 {
            continue;
        }
        // "yêu cầu", "tàu sân bay": the noun ends a compound.
        // A noun of several words is checked whole ("tại nhà" is a
        // compound, "tại nhà hàng" is not).
        if i > 0
            && ((n == 1 && doc.gazetteer.lexicon.contains(doc.lower(i - 1, i + 1)))
                || doc.gazetteer.lexicon.contains(doc.lower(i - 1, i + n)))
        {
            continue;
        }
        // "sân bay quốc tế Nội Bài", "chợ gốm Bát Tràng": words of its
        // kind between the noun and the name.
        let mut start = i + n;
        for _ in 0..3 {
            let longest = (1..=3).rev().find(|&k| {
                start + k <= tokens.len()
                    && doc
                        .gazetteer
                        .rule_words
                        .has(WordRole::FacilityKind, doc.lower(start, start + k))
            });
            // "Cửa khẩu Quốc tế Lào Cai": a kind of several words may be
            // capitalised; one word is then the name's ("chợ Hoa Lư").
            match longest {
                Some(k) if !doc.is_cap(start) || k >= 2 => start += k,
                _ => break,
            }
        }
        // "Trạm biến áp (TBA) 110 kV Ngũ Hành Sơn": the noun's
        // abbreviation in brackets, then its rating.
        if doc.bracketed_acronym(start) {
            start += 3;
        }
        if tokens
            .get(start)
            .is_some_and(|t| t.kind == TokenKind::Number)
            && tokens
                .get(start + 1)
                .is_some_and(|t| t.text.eq_ignore_ascii_case("kv"))
        {
            start += 2;
        }
        if start >= tokens.len() {
            continue;
        }
        // An abbreviation is a name only after a noun of several words
        // ("Khu công nghiệp VSIP"), not after "sân" ("sân VFF").
        if !doc.is_cap(start) || (doc.is_acronym(start) && n < 2) || !tokens[start].space_before {
            continue;
        }
        let mut end = name_run_end(doc, start);
        if person_shaped(doc, start, end) {
            continue;
        }
        // "kim tự tháp Ai Cập", "chùa Nhật Bản": a country after the noun
        // says whose, and is the mention.
        if doc.listed_place_end(start, &[KnownDetail::Country]) == Some(end) {
            continue;
        }
        // "nút giao Trường Sơn - Hồng Hà": roads meeting, each its own
        // place ([`junction_streets`]).
        if doc
            .gazetteer
            .rule_words
            .has(WordRole::Junction, doc.lower(i, i + n))
            && tokens.get(end).is_some_and(|t| matches!(t.text, "-" | "–"))
        {
            continue;
        }
        // "KCN Sóng Thần 3": a numbered one.
        if unit_number_at(doc, end) {
            end += 1;
        }
        out.push(Proposal {
            start: tokens[i].start,
            end: tokens[end - 1].end,
            kind: EntityType::Location,
            evidence: Evidence::Cue,
            canonical: Some(doc.span(i, end).to_string()),
        });
    }
}

/// A one-syllable place that is also a given name, joined to another given
/// name, is part of a person's name ("Mỹ Linh", "Đức Huy", "Tuấn Anh").
fn given_name_pair(doc: &Doc<'_>, first: usize, last: usize) -> bool {
    let given = |k: usize| {
        doc.tokens
            .get(k)
            .is_some_and(|t| doc.gazetteer.given_names.contains(t.text))
    };
    first == last
        && given(first)
        && ((doc.joined(first) && doc.is_cap(first + 1) && given(first + 1))
            || (first > 0
                && doc.joined(first - 1)
                && doc.is_cap(first - 1)
                && given(first - 1)
                && !doc.sentence_start[first]))
}

/// Token `i` follows "người" or "tiếng": a people or a language named
/// after a place ("người Nhật", "tiếng Anh"), which is no mention of it.
pub(crate) fn demonym_at(doc: &Doc<'_>, i: usize) -> bool {
    let words = &doc.gazetteer.rule_words;
    i > 0
        && doc.tokens[i].space_before
        && (words.has(WordRole::Demonym, doc.low(i - 1))
            // "đàn ông Nhật", "phụ nữ Mỹ": Japanese men, American women.
            || (i > 1 && words.has(WordRole::Demonym, doc.lower(i - 2, i))))
}

fn listed(doc: &Doc<'_>, out: &mut Vec<Proposal>) {
    // "Hà Giang" alone at an article's end: its writer, not the province.
    let byline = crate::extract::person::byline(doc);
    for &(start, end, known) in &doc.names {
        if known.kind != EntityType::Location {
            continue;
        }
        let (Some(first), Some(last)) = (doc.token_at(start), doc.token_ending_at(end)) else {
            continue;
        };
        if byline == Some((first, last + 1)) {
            continue;
        }
        // "Lào" inside "Nguyễn Lào Cai" is not the country: a listed place after
        // a capitalised word counts only if the run is a place too. Before a
        // capitalised word only a one-syllable place is in doubt ("Mỹ Đình",
        // "Anh Tuấn"); a longer one is the place before a name ("Thủ tướng
        // Nhật Bản Sato Hiroshi").
        let inside_run = (first > 0
            && doc.is_cap(first - 1)
            && doc.joined(first - 1)
            && !doc.sentence_start[first])
            || (first == last
                && doc.is_cap(last + 1)
                && doc.joined(last)
                && !doc.is_acronym(last + 1));
        // A district named alone ("Gia Lâm", "Pleiku") is a guess from the
        // list: two syllables or more, or one that is no Vietnamese word.
        let district = known.detail == KnownDetail::District;
        if district && first == last && doc.gazetteer.is_vietnamese_syllable(doc.low(first)) {
            continue;
        }
        // "Anh Nguyễn Văn A", "Anh cho biết": the word for "he" before a name
        // or opening a sentence, not the country.
        if first == last
            && doc.cue_len_at(first, Cue::PersonBefore) == Some(1)
            && (doc.sentence_start[first] || doc.is_cap(last + 1))
        {
            continue;
        }
        // "ông Đức", "theo anh Đức": a one-syllable place that is also a
        // given name, right after a word for a person in lower case, is the
        // person ("sang Đức" stays the country).
        let honorific = first == last
            && first > 0
            && !doc.is_cap(first - 1)
            && doc.cue_len_at(first - 1, Cue::PersonBefore) == Some(1)
            && doc.gazetteer.given_names.contains(doc.tokens[first].text);
        if honorific {
            continue;
        }
        // "anh Sydney Brown": after a word for a person, a place's name
        // followed by another capitalised word is the person's first name.
        let person_named = doc.cue_before(first, Cue::PersonBefore).is_some()
            && doc.joined(last)
            && doc.is_cap(last + 1)
            && !doc.is_acronym(last + 1);
        // "Ý tưởng", "Mỹ nhân": a one-syllable place opening an ordinary
        // compound with the lower-case word after it is that word.
        let compound = first == last && crate::extract::person::begins_compound(doc, last + 1);
        if demonym_at(doc, first) || given_name_pair(doc, first, last) || person_named || compound {
            continue;
        }
        let evidence = if inside_run || district {
            Evidence::Shape
        } else {
            Evidence::Known
        };
        out.push(Proposal {
            start,
            end,
            kind: EntityType::Location,
            evidence,
            canonical: Some(known.canonical.clone()),
        });
    }
}

fn after_admin_word(doc: &Doc<'_>, out: &mut Vec<Proposal>) {
    let tokens = &doc.tokens;
    for i in 0..tokens.len() {
        // Cheap first: no unit word and no abbreviation of one opens here
        // (what `admin_word_at` asks first).
        if !tokens[i].abbreviation && doc.cue_len_at(i, Cue::LocationAdmin).is_none() {
            continue;
        }
        let Some((name_start, j)) = place_after_admin_word(doc, i) else {
            continue;
        };
        // "các huyện Bắc Hà, Bảo Yên": a unit word shared by a list of
        // places stays out of each.
        // A numbered unit keeps its word ("các quận 2, 9").
        let shared =
            is_unit(doc, i) && doc.several_before(i) && !starts_with_digit(doc, name_start);
        out.push(Proposal {
            start: tokens[if shared { name_start } else { i }].start,
            end: tokens[j - 1].end,
            kind: EntityType::Location,
            evidence: Evidence::Cue,
            canonical: Some(place_name(doc, name_start, j)),
        });
    }
}

/// The canonical name of the place named by tokens `i..j`: the listed
/// place of that name, found in the document's one pass, or the words.
fn place_name(doc: &Doc<'_>, i: usize, j: usize) -> String {
    let end = doc.tokens[j - 1].end;
    doc.name_at(doc.tokens[i].start)
        .filter(|(_, e, k)| *e == end && k.kind == EntityType::Location)
        .map_or_else(
            || doc.span(i, j).to_string(),
            |(_, _, k)| k.canonical.clone(),
        )
}

/// An administrative or class word at token `i` and the name after it
/// ("tỉnh Nghệ An", "quận 1", "Quốc lộ 1A", "cao tốc Cam Lộ - La Sơn"):
/// where the name starts and where the place ends (exclusive token indices).
/// A person's name is not a place's: "UBND quận Nguyễn Thị Thu Hương" is a
/// body and its chair, while streets may bear one ("đường Võ Chí Công").
pub(crate) fn place_after_admin_word(doc: &Doc<'_>, i: usize) -> Option<(usize, usize)> {
    let tokens = &doc.tokens;
    let cue_len = admin_word_at(doc, i)?;
    let mut j = i + cue_len;
    // "TP. HCM", "P.Mỹ Thới": the abbreviation's full stop.
    if tokens.get(j).is_some_and(|t| t.is_punct('.'))
        && (matches!(tokens[j - 1].text, "TP" | "Tp") || unit_abbreviation(doc, i))
    {
        j += 1;
    }
    // "tổ dân phố số 5"
    if tokens.get(j).is_some_and(|t| t.text == "số") && starts_with_digit(doc, j + 1) {
        j += 1;
    }
    let name_start = j;
    // "… TP. Đặc biệt hơn": an abbreviation closing a sentence, then a
    // word that opens the next.
    if name_start > i + cue_len
        && tokens.get(name_start).is_some_and(|t| t.space_before)
        && doc.cue_len_at(name_start, Cue::NotName).is_some()
    {
        return None;
    }
    if starts_with_digit(doc, j) {
        j += 1; // "quận 1", "phường 12", "Quốc lộ 1A"
                // "ngõ 289 Hoàng Hoa Thám": the street the alley is off.
        if doc.rule_word_len(i, WordRole::Alley).is_some()
            && tokens.get(j).is_some_and(|t| t.space_before)
            && doc.is_cap(j)
        {
            j = name_run_end(doc, j);
        }
    } else {
        j = name_run_end(doc, j);
        let road = is_road(doc, i);
        if j > name_start && is_unit(doc, i) {
            // "UBND TP Hải Phòng Vũ Đình Lâm", "Chủ tịch UBND TP Hà Nội Chu
            // Ngọc Anh": the unit's listed name, then its chair (whose
            // words are no part of the place, even when the place's first
            // word is also a surname).
            if let Some((_, e, k)) = doc.name_at(tokens[name_start].start) {
                let listed_end = doc.token_ending_at(e).map_or(j, |last| last + 1);
                if k.kind == EntityType::Location
                    && listed_end < j
                    && doc.gazetteer.surnames.contains(tokens[listed_end].text)
                {
                    j = listed_end;
                }
            }
            if unit_holder(doc, i, name_start, j) {
                return None;
            }
        }
        if j > name_start && is_unit(doc, i) {
            // "thị trấn Nông trường Mộc Châu": a compound opening the name.
            if j == name_start + 1 && compound_opens_name(doc, name_start) {
                j = name_run_end(doc, name_start + 2);
            }
            // "xã A Lưới 2", "phường Sài Gòn 1": units numbered after their name.
            if unit_number_at(doc, j) {
                j += 1;
            }
        }
        // "cao tốc Cam Lộ - La Sơn": a road between two places.
        if j > name_start
            && road
            && tokens.get(j).is_some_and(|t| matches!(t.text, "-" | "–"))
            && doc.is_cap(j + 1)
            && doc.cue_len_at(j + 1, Cue::LocationAdmin).is_none()
        {
            j = name_run_end(doc, j + 1);
        }
    }
    // "P.Trần" closing an article: a writer's initial and family name.
    if unit_abbreviation(doc, i)
        && j == name_start + 1
        && doc.gazetteer.surnames.contains(tokens[name_start].text)
        && doc.name_at(tokens[name_start].start).is_none()
    {
        return None;
    }
    (j > name_start).then_some((name_start, j))
}

/// Tokens `i..j` have the shape of a Vietnamese person's full name and are
/// no listed place: a surname and two or more syllables ("Nguyễn Thị Thu Hương").
pub(crate) fn person_shaped(doc: &Doc<'_>, i: usize, j: usize) -> bool {
    j >= i + 3
        && doc.gazetteer.surnames.contains(doc.tokens[i].text)
        && !doc
            .name_at(doc.tokens[i].start)
            .is_some_and(|(_, e, k)| e == doc.tokens[j - 1].end && k.kind == EntityType::Location)
}

/// Tokens `name..end`, after the unit word at `unit`, name the unit's
/// office holder rather than the unit: person-shaped, after an office
/// ("Chủ tịch UBND quận Nguyễn Song Hào", "Chủ tịch Hội Nông dân huyện
/// Phan Thị Hải Yến") or a spouse's "bà xã", or followed by what a person
/// says or does ("… cho biết"). Wards and communes named after people stay
/// places ("phường Nguyễn Cư Trinh (quận 1)", "xã Lý Thường Kiệt, huyện Yên Mỹ").
pub(crate) fn unit_holder(doc: &Doc<'_>, unit: usize, name: usize, end: usize) -> bool {
    if !person_shaped(doc, name, end) {
        return false;
    }
    // "bà xã Hồ Hoài Anh", "ông xã …"
    if unit > 0 && doc.cue_len_at(unit - 1, Cue::PersonBefore) == Some(1) && !doc.is_cap(unit - 1) {
        return true;
    }
    let said = crate::extract::person::person_cue_after(doc, end);
    // An office before the unit, with nothing but the words of a body between.
    let from = doc.tokens[unit.saturating_sub(6)].start;
    let before = doc.tokens[unit].start;
    let office = doc.titles.iter().any(|&(s, e, _)| {
        s >= from
            && e <= before
            && (doc.tokens.partition_point(|t| t.start < e)..unit)
                .all(|k| doc.tokens[k].kind != TokenKind::Punct)
    });
    office || said
}

/// The end of a run of capitalised words from `j`, at most a place name
/// long, or of the listed place that starts there if it is longer ("tỉnh
/// Bà Rịa - Vũng Tàu").
/// Token `j` is "Ông" or "Bà" (a word for a person, capitalised) and a
/// family name follows it ("Ông Ngô Tấn Cư"; not "Ông Ích Khiêm").
fn person_word_before_surname(doc: &Doc<'_>, j: usize) -> bool {
    matches!(doc.tokens[j].text, "Ông" | "Bà")
        && doc.joined(j)
        && doc
            .tokens
            .get(j + 1)
            .is_some_and(|t| doc.gazetteer.surnames.contains(t.text))
}

fn name_run_end(doc: &Doc<'_>, mut j: usize) -> usize {
    let start = j;
    while j < doc.tokens.len() && j - start < MAX_NAME_TOKENS && doc.is_cap(j) {
        // "… Ngũ Hành Sơn Ông Ngô Tấn Cư": a sentence that lost its full
        // stop, where "Ông" or "Bà" opens a person's full name.
        if j > start && person_word_before_surname(doc, j) {
            break;
        }
        // "… kim tự tháp Giza Theo Kiến Thức": the article's sources.
        if j > start && doc.tokens[j].text == "Theo" {
            break;
        }
        j += 1;
        if !doc.joined(j - 1) {
            break;
        }
    }
    let listed = doc
        .tokens
        .get(start)
        .filter(|_| j > start)
        .and_then(|t| doc.name_at(t.start))
        .filter(|&(_, _, k)| k.kind == EntityType::Location)
        .and_then(|(_, end, _)| doc.token_ending_at(end));
    // "bang Queensland Larissa Waters": a listed place, then a foreign
    // person's name, which is none of the place.
    let foreign = |k: usize| k < j && doc.is_foreign_word(k);
    match listed {
        Some(last) if foreign(last + 1) && foreign(last + 2) => last + 1,
        Some(last) => j.max(last + 1),
        None => j,
    }
}

/// Token `j` is a short number or a numbered name ("1", "12", "1A").
fn starts_with_digit(doc: &Doc<'_>, j: usize) -> bool {
    doc.tokens.get(j).is_some_and(|t| {
        // "Q.1": right after an abbreviation's full stop.
        let after_stop = j > 0 && doc.tokens[j - 1].is_punct('.');
        (t.space_before || after_stop) && t.text.len() <= 4 && t.text.as_bytes()[0].is_ascii_digit()
    })
}

/// The capitalised word at `i` and the lower-case word after it are one
/// compound ("Nông trường"), and a capitalised word follows: the name goes on.
fn compound_opens_name(doc: &Doc<'_>, i: usize) -> bool {
    doc.joined(i)
        && doc.tokens[i + 1].kind == TokenKind::Word
        && !doc.is_cap(i + 1)
        && doc.joined(i + 1)
        && doc.is_cap(i + 2)
        && doc.gazetteer.lexicon.contains(doc.lower(i, i + 2))
}

/// Token `j` is the number of a unit, written after its name ("xã A Lưới
/// 2"): one or two digits, not a count of what comes after it ("xã Hòa
/// Phú 5 hộ dân", "2 tháng") nor the start of a range or a ratio.
fn unit_number_at(doc: &Doc<'_>, j: usize) -> bool {
    let Some(t) = doc.tokens.get(j) else {
        return false;
    };
    if t.kind != TokenKind::Number
        || !t.space_before
        || t.text.len() > 2
        || !t.text.bytes().all(|b| b.is_ascii_digit())
    {
        return false;
    }
    let Some(next) = doc.tokens.get(j + 1) else {
        return true;
    };
    match next.kind {
        TokenKind::Number => false,
        TokenKind::Punct => !matches!(next.text, "-" | "–" | "/" | "%" | "+"),
        TokenKind::Word => {
            doc.is_cap(j + 1)
                || !(doc
                    .gazetteer
                    .rule_words
                    .has(WordRole::Counted, doc.low(j + 1))
                    || doc.cue_len_at(j + 1, Cue::DateWord).is_some())
        }
    }
}

/// The word at `i` names an administrative unit ("tỉnh", "thành phố",
/// "TP", "huyện", "xã", "phường", "thôn" …), not a road or a natural feature.
pub(crate) fn is_unit(doc: &Doc<'_>, i: usize) -> bool {
    if unit_abbreviation(doc, i) {
        return true;
    }
    let Some(n) = doc.cue_len_at(i, Cue::LocationAdmin) else {
        return false;
    };
    let word = doc.lower(i, i + n).trim_end_matches('.');
    doc.gazetteer.rule_words.has(WordRole::Unit, word)
}

/// "P.Mỹ Thới", "Q.Tân Bình", "H.Tân Thành", "Q.1": a unit word's
/// one- or two-letter abbreviation at token `i`, in capitals, with its full
/// stop written against the name or number after it.
fn unit_abbreviation(doc: &Doc<'_>, i: usize) -> bool {
    doc.tokens[i].abbreviation && doc.rule_word_len(i, WordRole::UnitAbbreviation) == Some(1)
}

/// The class word at `i` names a road ("cao tốc", "quốc lộ", "đường").
fn is_road(doc: &Doc<'_>, i: usize) -> bool {
    doc.rule_word_len(i, WordRole::Road).is_some()
}

/// How many tokens an administrative or class word at `i` spans ("tỉnh" 1,
/// "thành phố" 2, "TP" 1, "sông" 1). Inside a sentence it is written in
/// lower case or as an abbreviation: a capitalised one there is part of a
/// name ("Nhật Bản", "Hồ Chí Minh"). "Quốc lộ" is written either way.
fn admin_word_at(doc: &Doc<'_>, i: usize) -> Option<usize> {
    if unit_abbreviation(doc, i) {
        return Some(1);
    }
    let n = doc.cue_len_at(i, Cue::LocationAdmin)?;
    let t = &doc.tokens[i];
    // "phiên bản Pixel", "bản 125": a village ("bản") has a Vietnamese name;
    // so has a canal ("kênh Nhiêu Lộc"), not a channel ("kênh VTV3").
    if matches!(doc.low(i), "bản" | "kênh")
        && doc.tokens.get(i + n).is_none_or(|next| {
            !doc.gazetteer.is_vietnamese_syllable(doc.low(i + n)) || next.kind != TokenKind::Word
        })
    {
        return None;
    }
    // "Sơn Tùng M-TP": a word joined to the one before by a dash is part
    // of that name.
    if i > 1 && !t.space_before && doc.tokens[i - 1].text == "-" && !doc.tokens[i - 1].space_before
    {
        return None;
    }
    // "văn bản số 253", "nông thôn Aleppo", "bà xã Kỳ Hân": a unit word
    // that closes a common compound with the word before it is that word,
    // unless the compound is a unit word itself ("thị xã"). A unit word of
    // two syllables stands ("trưởng thành phố Bandung").
    if n == 1
        && is_unit(doc, i)
        && doc.closes_compound(i)
        && doc.cue_len_at(i - 1, Cue::LocationAdmin).is_none()
    {
        return None;
    }
    // "huyện miền núi A Lưới", "vùng núi Tây Bắc": a kind of land, not a
    // mountain's class word, before a listed place, which stands alone, or a
    // number ("vùng núi 9-12 độ C").
    if i > 0
        && matches!(doc.low(i - 1), "miền" | "vùng")
        && doc.closes_compound(i)
        && (starts_with_digit(doc, i + 1)
            || doc
                .tokens
                .get(i + 1)
                .is_some_and(|next| doc.name_at(next.start).is_some()))
    {
        return None;
    }
    // "Thành phố Hồ Chí Minh": not the street word inside a capitalised
    // unit word, which is one before a listed province or city.
    if i > 0
        && doc.is_cap(i - 1)
        && doc.joined(i - 1)
        && doc.cue_len_at(i - 1, Cue::LocationAdmin) == Some(n + 1)
    {
        return None;
    }
    let listed_unit_after = || {
        is_unit(doc, i)
            && doc.tokens.get(i + n).is_some_and(|next| {
                doc.name_at(next.start).is_some_and(|(_, _, k)| {
                    matches!(
                        k.detail,
                        KnownDetail::Province | KnownDetail::Capital | KnownDetail::District
                    )
                })
            })
    };
    let plain = !doc.is_cap(i)
        || doc.sentence_start[i]
        || doc.is_acronym(i)
        || t.text.ends_with('.')
        // "Tp. Hồ Chí Minh": an abbreviation whose full stop the cue spells.
        || (t.text == "Tp"
            && doc.tokens.get(i + 1).is_some_and(|d| d.is_punct('.') && !d.space_before)
            && doc.tokens.get(i + 2).is_some_and(|n| !n.line_before))
        || doc.rule_word_len(i, WordRole::RoadEitherCase).is_some()
        // "UBND Phường 3", "Quận 1": a number is no name's syllable.
        || (is_unit(doc, i) && starts_with_digit(doc, i + n))
        || listed_unit_after();
    plain.then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::found_texts;
    use crate::extract::gazetteer::sample;

    fn places(text: &str) -> Vec<(String, String)> {
        let g = sample();
        let doc = Doc::new(text, &g);
        let mut out = Vec::new();
        LocationRecognizer.propose(&doc, &[], &mut out);
        let mut got: Vec<(String, String)> = out
            .into_iter()
            .map(|p| {
                (
                    text[p.start..p.end].to_string(),
                    p.canonical.unwrap_or_default(),
                )
            })
            .collect();
        got.sort();
        got
    }

    #[test]
    fn a_place_s_name_ends_before_the_sources_and_a_foreign_person() {
        let places = |text: &str| crate::extract::found_texts(text, EntityType::Location);
        assert_eq!(
            places("Loạt bí ẩn ở đại kim tự tháp Giza Theo Kiến Thức"),
            ["đại kim tự tháp Giza"]
        );
        assert_eq!(
            places("Thượng nghị sĩ bang Queensland Larissa Waters cho con bú."),
            ["bang Queensland"]
        );
    }

    #[test]
    fn cities_as_the_official_press_spells_them_and_common_misspellings_are_places() {
        assert_eq!(
            found_texts(
                "Đoàn đã tới Niu Y-oóc rồi sang Oa-sinh-tơn DC; rồi về Phillipines giải phóng Marawi.",
                EntityType::Location
            )[..3],
            ["Niu Y-oóc", "Oa-sinh-tơn DC", "Phillipines"]
        );
    }

    #[test]
    fn a_one_syllable_place_opening_a_compound_is_that_word() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Location);
        assert!(found("Ý tưởng ra mắt MV mới rất hay.").is_empty());
        assert_eq!(found("Ông sang Ý học tập."), ["Ý"]);
    }

    #[test]
    fn an_alley_keeps_its_street_and_a_road_stops_before_a_unit() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Location);
        assert_eq!(
            found("Ông sống tại ngõ 289 Hoàng Hoa Thám, Hà Nội."),
            ["ngõ 289 Hoàng Hoa Thám", "Hà Nội"]
        );
        assert_eq!(
            found("Cửa hàng ở đường Tăng Bạc Hỗ - TP Quy Nhơn bị cháy."),
            ["đường Tăng Bạc Hỗ", "TP Quy Nhơn"]
        );
    }

    #[test]
    fn a_channel_is_no_canal() {
        let found = |text: &str, kind| crate::extract::found_texts(text, kind);
        let text = "Phát sóng trên kênh VTV3, gần kênh Nhiêu Lộc.";
        assert_eq!(found(text, EntityType::Organization), ["VTV3"]);
        assert_eq!(found(text, EntityType::Location), ["kênh Nhiêu Lộc"]);
    }

    #[test]
    fn a_house_number_then_a_person_s_name_is_a_street() {
        let found = |text: &str, kind| crate::extract::found_texts(text, kind);
        let text =
            "Giao dịch tại 198 Trần Quang Khải, Hà Nội và cửa hàng (số 56 Nguyễn Chí Thanh).";
        assert_eq!(
            found(text, EntityType::Location),
            ["Trần Quang Khải", "Hà Nội", "Nguyễn Chí Thanh"]
        );
        assert!(found(text, EntityType::Person).is_empty());
        // A unit's number or a year before a name is no address.
        let text =
            "Chủ tịch UBND quận 1 Trần Thế Thuận và Hoa hậu 2014 Nguyễn Cao Kỳ Duyên, cùng đến.";
        assert_eq!(
            found(text, EntityType::Person),
            ["Trần Thế Thuận", "Nguyễn Cao Kỳ Duyên"]
        );
    }

    #[test]
    fn the_roads_meeting_at_a_junction_are_places() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Location);
        let names = found("Khởi công cầu vượt tại nút giao Trường Sơn - Hồng Hà và vòng xoay Nguyễn Kiệm - Nguyễn Thái Sơn.");
        for road in ["Trường Sơn", "Hồng Hà", "Nguyễn Kiệm", "Nguyễn Thái Sơn"] {
            assert!(names.iter().any(|n| n == road), "{road} in {names:?}");
        }
        let names = found("Cầu vượt giao lộ Trường Sơn - nhánh đường Tân Sơn Nhất - Bình Lợi có tổng mức đầu tư lớn.");
        assert!(names.iter().any(|n| n == "Trường Sơn"), "{names:?}");
        // One name: the junction is the place.
        let names = found("Điều tiết giao thông tại nút giao Lăng Cha Cả.");
        assert_eq!(names, ["nút giao Lăng Cha Cả"]);
    }

    #[test]
    fn the_planets_are_places() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Location);
        assert_eq!(
            found("Tàu thăm dò gửi về ảnh bề mặt Sao Hỏa, Hành tinh Đỏ."),
            ["Sao Hỏa", "Hành tinh Đỏ"]
        );
    }

    #[test]
    fn restaurants_theatres_and_bases_are_places_but_a_basis_is_not() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Location);
        assert_eq!(
            found("Tiệc cưới tại nhà hàng Phố Đôi."),
            ["nhà hàng Phố Đôi"]
        );
        assert_eq!(
            found("Ông lên trực thăng ở căn cứ không quân Andrews."),
            ["căn cứ không quân Andrews"]
        );
        assert!(found("Căn cứ Quy định số 181, ông bị cảnh cáo.").is_empty());
    }

    #[test]
    fn facilities_by_their_noun_abbreviated_numbered_or_of_several_words() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Location);
        assert_eq!(
            found("Công nhân KCN Sóng Thần 3 và Khu công nghiệp VSIP I đến SVĐ Old Trafford."),
            [
                "KCN Sóng Thần 3",
                "Khu công nghiệp VSIP I",
                "SVĐ Old Trafford"
            ]
        );
        assert_eq!(
            found("Du khách đến chợ gốm cổ truyền Bát Tràng rồi tắm ở thác Kawasan."),
            ["chợ gốm cổ truyền Bát Tràng", "thác Kawasan"]
        );
        assert_eq!(
            found("Xe qua Cửa khẩu Quốc tế Lào Cai đến SVĐ Quốc gia Mỹ Đình."),
            ["Cửa khẩu Quốc tế Lào Cai", "SVĐ Quốc gia Mỹ Đình"]
        );
        assert_eq!(
            found("Khởi công Trạm biến áp (TBA) 110 kV Ngũ Hành Sơn; TBA 220 kV Hòa Xuân chờ."),
            [
                "Trạm biến áp (TBA) 110 kV Ngũ Hành Sơn",
                "TBA 220 kV Hòa Xuân"
            ]
        );
        assert_eq!(
            found("Bí ẩn của kim tự tháp Ai Cập gần căn cứ quân sự Mỹ."),
            ["Ai Cập", "Mỹ"]
        );
    }

    #[test]
    fn a_city_s_abbreviation_in_sentence_case_keeps_its_full_stop() {
        assert_eq!(
            crate::extract::found_texts(
                "Người dân Tp. Hồ Chí Minh mua thực phẩm ở Tp.Cần Thơ.",
                EntityType::Location
            ),
            ["Tp. Hồ Chí Minh", "Tp.Cần Thơ"]
        );
        // Cut from its name by a line break, it is nobody's initial.
        let found = |kind| crate::extract::found_texts("Người dân Tp.\nHồ Chí Minh mua.", kind);
        assert_eq!(found(EntityType::Location), ["Hồ Chí Minh"]);
        assert!(found(EntityType::Person).is_empty());
    }

    #[test]
    fn other_names_of_a_place_resolve_to_it() {
        assert_eq!(
            places("tại thủ đô Viêng Chăn"),
            [("Viêng Chăn".into(), "Vientiane".into())]
        );
        assert_eq!(
            places("nước CHDCND Lào"),
            [("CHDCND Lào".into(), "Lào".into())]
        );
    }

    #[test]
    fn the_administrative_word_is_part_of_the_span() {
        assert_eq!(
            places("ở tỉnh Nghệ An."),
            [
                ("Nghệ An".into(), "Nghệ An".into()),
                ("tỉnh Nghệ An".into(), "Nghệ An".into())
            ]
        );
        assert_eq!(
            places("thành phố Vinh"),
            [("thành phố Vinh".into(), "Vinh".into())]
        );
    }

    #[test]
    fn every_unit_word_is_an_administrative_word() {
        let g = crate::extract::gazetteer::Gazetteer::shipped();
        for word in g.rule_words.words(WordRole::Unit) {
            assert!(g.is_cue(word, Cue::LocationAdmin), "{word}");
        }
        for word in g.rule_words.words(WordRole::UnitOfBody) {
            assert!(g.rule_words.has(WordRole::Unit, word), "{word}");
        }
    }

    /// The places proposed after an administrative word, over the shipped lists.
    fn units(text: &str) -> Vec<String> {
        let g = crate::extract::gazetteer::Gazetteer::shipped();
        let doc = Doc::new(text, g);
        let mut out = Vec::new();
        after_admin_word(&doc, &mut out);
        out.into_iter()
            .map(|p| text[p.start..p.end].to_string())
            .collect()
    }

    #[test]
    fn a_number_after_a_units_name_belongs_to_it() {
        assert_eq!(units("Tại xã A Lưới 2, TP Huế"), ["xã A Lưới 2", "TP Huế"]);
        assert_eq!(units("phường Sài Gòn 1 đã"), ["phường Sài Gòn 1"]);
        assert_eq!(units("xã Ea Kly 3."), ["xã Ea Kly 3"]);
        assert_eq!(units("UBND Phường 3 và quận 12"), ["Phường 3", "quận 12"]);
    }

    #[test]
    fn a_count_after_a_units_name_does_not() {
        assert_eq!(units("xã Hòa Phú 5 hộ dân bị ngập"), ["xã Hòa Phú"]);
        assert_eq!(units("huyện Kỳ Anh 2 người bị thương"), ["huyện Kỳ Anh"]);
        assert_eq!(units("xã Hòa Phú 12 tháng qua"), ["xã Hòa Phú"]);
        assert_eq!(units("tỉnh Nghệ An 2025"), ["tỉnh Nghệ An"]);
        assert_eq!(units("xã Hòa Phú 2-3 ngày"), ["xã Hòa Phú"]);
        // A road's number is its name, not a unit's.
        assert_eq!(units("sông Hồng 2 lần"), ["sông Hồng"]);
    }

    #[test]
    fn a_compound_can_open_a_units_name() {
        assert_eq!(
            units("thị trấn Nông trường Mộc Châu, tỉnh Sơn La"),
            ["thị trấn Nông trường Mộc Châu", "tỉnh Sơn La"]
        );
        assert_eq!(units("tỉnh Nghệ An toàn dân"), ["tỉnh Nghệ An"]);
    }

    #[test]
    fn a_ward_named_after_a_person_is_a_place_unless_its_holder_is_meant() {
        let found = |text: &str, kind| crate::extract::found_texts(text, kind);
        assert_eq!(
            found(
                "Anh trú tại xã Lý Thường Kiệt, huyện Yên Mỹ.",
                EntityType::Location
            ),
            ["xã Lý Thường Kiệt", "huyện Yên Mỹ"]
        );
        assert_eq!(
            found(
                "Chủ tịch UBND quận Nguyễn Song Hào phát động.",
                EntityType::Person
            ),
            ["Nguyễn Song Hào"]
        );
    }

    #[test]
    fn a_listed_place_with_a_dash_stays_whole_after_its_unit_word() {
        let found = |text: &str, kind| crate::extract::found_texts(text, kind);
        assert_eq!(
            found("Anh sống ở tỉnh Bà Rịa - Vũng Tàu.", EntityType::Location),
            ["tỉnh Bà Rịa - Vũng Tàu"]
        );
        assert_eq!(
            found(
                "Công an tỉnh Bà Rịa - Vũng Tàu cho biết.",
                EntityType::Organization
            ),
            ["Công an tỉnh Bà Rịa - Vũng Tàu"]
        );
        assert!(found("các thành phố miền Bắc", EntityType::Location)
            .iter()
            .all(|s| !s.starts_with("thành phố")));
    }

    #[test]
    fn a_name_never_runs_over_a_line_break() {
        let found = crate::extract::found_texts(
            "Nhà Trắng khuyên tờ báo xin lỗi ông Trump\n\nThư ký báo chí nói.",
            EntityType::Person,
        );
        assert_eq!(found, ["Trump"]);
    }

    #[test]
    fn a_unit_word_shared_by_a_list_stays_out_of_each_place() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Location);
        assert_eq!(
            found("Nguy cơ cao tại các huyện Bắc Hà, Bảo Yên, Mường Khương."),
            ["Bắc Hà", "Bảo Yên", "Mường Khương"]
        );
        assert_eq!(found("Nguy cơ cao tại huyện Bắc Hà."), ["huyện Bắc Hà"]);
        // A numbered unit keeps its word.
        assert_eq!(
            found("Mưa lớn tại các quận 2, 9 và Thủ Đức."),
            ["quận 2", "Thủ Đức"]
        );
    }

    #[test]
    fn a_capitalised_unit_word_before_a_listed_city_is_the_city_s() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Location);
        assert_eq!(
            found("Hôm qua tại Thành phố Hồ Chí Minh trời mưa."),
            ["Thành phố Hồ Chí Minh"]
        );
        // Never the street word inside it.
        assert!(!found("Công an Thành phố Hồ Chí Minh cho biết.")
            .iter()
            .any(|p| p.starts_with("phố")));
    }

    #[test]
    fn a_unit_abbreviated_against_its_name_is_the_place() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Location);
        assert_eq!(
            found("Ông ở P.Mỹ Thới, Q.Tân Bình, nhà ở Q.1 và H.Tân Thành."),
            ["P.Mỹ Thới", "Q.Tân Bình", "Q.1", "H.Tân Thành"]
        );
        // Initials stay a person's, and so does a writer's initial and family name.
        assert!(found("Bé N.Q.H đi học.").is_empty());
        assert!(found("Xe đã được đưa về.\nP.Trần").is_empty());
    }

    #[test]
    fn words_of_a_facility_s_kind_stay_in_its_span() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Location);
        assert_eq!(
            found("Máy bay hạ cánh xuống sân bay quốc tế Nội Bài."),
            ["sân bay quốc tế Nội Bài"]
        );
        assert_eq!(found("Họ ghé chợ gốm Bát Tràng."), ["chợ gốm Bát Tràng"]);
        assert_eq!(
            found("Cư dân khu đô thị mới Thủ Thiêm phản ánh."),
            ["khu đô thị mới Thủ Thiêm"]
        );
    }

    #[test]
    fn a_unit_word_closing_a_compound_is_that_word() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Location);
        assert_eq!(
            found("Bộ trả lời bằng văn bản số 253."),
            Vec::<String>::new()
        );
        assert_eq!(found("Giao tranh ở vùng nông thôn Aleppo."), ["Aleppo"]);
        assert_eq!(found("Ông về thị xã Sơn Tây."), ["thị xã Sơn Tây"]);
        assert_eq!(found("Đây là huyện miền núi A Lưới."), ["A Lưới"]);
        assert_eq!(found("Mưa lớn ở vùng núi Tây Bắc."), ["Tây Bắc"]);
        assert_eq!(found("Họ lên đỉnh núi Bà Đen."), ["núi Bà Đen"]);
        assert_eq!(
            found("Theo cảnh sát trưởng thành phố Bandung, nghi can đã khai."),
            ["thành phố Bandung"]
        );
        assert_eq!(
            crate::extract::found_texts(
                "Anh chúc mừng sinh nhật bà xã Kỳ Hân.",
                EntityType::Person
            ),
            ["Kỳ Hân"]
        );
    }

    #[test]
    fn a_city_s_abbreviation_ending_a_sentence_or_inside_a_name_is_no_place() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Location);
        assert_eq!(
            found("Anh bắt tay Sơn Tùng M-TP. Đặc biệt hơn, anh cười."),
            Vec::<String>::new()
        );
        assert_eq!(
            found("Xe buýt là việc của TP. Ngoài ra, vé sẽ giảm."),
            Vec::<String>::new()
        );
        assert_eq!(found("Ông đến TP. Hồ Chí Minh."), ["TP. Hồ Chí Minh"]);
        assert_eq!(found("Tàu neo ở cảng cá (H.Tuy An)."), ["H.Tuy An"]);
    }

    #[test]
    fn a_place_s_name_alone_at_the_end_is_the_writer_s() {
        let found = |text: &str, kind| crate::extract::found_texts(text, kind);
        let text = "Anh ấy ghi bàn cho Gangwon.\nHà Giang";
        assert_eq!(found(text, EntityType::Location), ["Gangwon"]);
        assert_eq!(found(text, EntityType::Person), ["Hà Giang"]);
        assert_eq!(
            found("Trận đấu diễn ra năm 2017. Hà Giang", EntityType::Person),
            ["Hà Giang"]
        );
    }

    #[test]
    fn a_place_that_is_a_given_name_after_a_word_for_a_person_is_the_person() {
        let found = |text: &str, kind| crate::extract::found_texts(text, kind);
        assert_eq!(
            found(
                "Theo anh Đức, chiếc xe đỗ dưới lòng đường.",
                EntityType::Person
            ),
            ["Đức"]
        );
        assert_eq!(
            found("Anh sang Đức thi đấu.", EntityType::Location),
            ["Đức"]
        );
        assert!(found("Đàn ông Nhật vẫn đi làm muộn.", EntityType::Location).is_empty());
    }

    #[test]
    fn old_cities_pyramids_and_temples_are_facilities() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Location);
        assert_eq!(
            found("Đoàn khách thăm thành cổ Quảng Trị."),
            ["thành cổ Quảng Trị"]
        );
        assert_eq!(
            found("Họ chụp ảnh trước kim tự tháp Kheops."),
            ["kim tự tháp Kheops"]
        );
        assert_eq!(
            found("Người dân đi lễ ở thiền viện Trúc Lâm."),
            ["thiền viện Trúc Lâm"]
        );
    }
}
