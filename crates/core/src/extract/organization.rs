//! Organisations: listed bodies and their abbreviations ("Bộ Công an",
//! "TTXVN", "Bộ GTVT"), a listed body with the country or province that
//! follows it ("Bộ Công an Lào"), and names opened by a head word ("Bộ",
//! "Sở", "Công ty", "Bệnh viện", "UBND" …) running on through capitalised
//! words, the lower-case syllables of their compounds ("Giáo dục"), a place
//! with its administrative word ("Công an tỉnh Điện Biên") and "và"
//! between names ("Bộ Giáo dục và Đào tạo").

use crate::entity::EntityType;
use crate::extract::gazetteer::{Cue, Known, KnownDetail, WordRole};
use crate::extract::location::{is_unit, place_after_admin_word, unit_holder};
use crate::extract::person::age_group;
use crate::extract::token::TokenKind;
use crate::extract::{Doc, Evidence, Proposal, Recognizer};

pub struct OrganizationRecognizer;

const MAX_NAME_TOKENS: usize = 12;

/// The most common words a body's name runs through before what closes it.
const MAX_LOWER_WORDS: usize = 4;

/// The most syllables of what a body named by its work works on.
const MAX_OBJECT_SYLLABLES: usize = 8;

/// The places that end an organisation's name.
const ENDING_PLACES: &[KnownDetail] = &[
    KnownDetail::Country,
    KnownDetail::Province,
    KnownDetail::Capital,
    KnownDetail::Place,
];

impl Recognizer for OrganizationRecognizer {
    fn propose(&self, doc: &Doc<'_>, _found: &[Proposal], out: &mut Vec<Proposal>) {
        listed(doc, out);
        headed(doc, out);
        teams(doc, out);
        by_form(doc, out);
        police_of_place(doc, out);
        papers(doc, out);
        bracketed(doc, out);
        sources(doc, out);
        out.retain(|p| !of_several_states(doc, p) && !opens_inside_listed_name(doc, p.start));
    }
}

/// "báo Thanh niên", "tờ Pháp luật TP.HCM": a paper whose name is an
/// ordinary compound written in sentence case, after a word for a paper;
/// its capital alone would not carry the name on.
fn papers(doc: &Doc<'_>, out: &mut Vec<Proposal>) {
    let tokens = &doc.tokens;
    for i in 0..tokens.len() {
        // Cheap first: the paper's name is capitalised, a word or two on.
        if !doc.cap_within(i + 1, i + 3) {
            continue;
        }
        let Some(n) = press_word_at(doc, i) else {
            continue;
        };
        if let Some((start, end)) = foreign_paper_after(doc, i, n) {
            out.push(Proposal {
                start: tokens[start].start,
                end: tokens[end - 1].end,
                kind: EntityType::Organization,
                evidence: Evidence::Cue,
                canonical: None,
            });
        } else {
            paper_in_sentence_case(doc, i + n, out);
        }
    }
}

/// The paper in sentence case whose name starts at token `start`, after
/// the word for it.
fn paper_in_sentence_case(doc: &Doc<'_>, start: usize, out: &mut Vec<Proposal>) {
    let g = doc.gazetteer;
    let tokens = &doc.tokens;
    if start >= tokens.len() || !doc.is_cap(start) || !tokens[start].space_before {
        return;
    }
    // The compound the capitalised word opens ("Thanh niên", "Người lao động").
    let Some(k) = (1..=2).rev().find(|&k| {
        start + k < tokens.len()
            && (start + 1..=start + k).all(|m| {
                tokens[m].kind == TokenKind::Word && !doc.is_cap(m) && tokens[m].space_before
            })
            && g.lexicon.contains(doc.lower(start, start + k + 1))
    }) else {
        return;
    };
    let mut end = start + k + 1;
    // "Pháp luật TP.HCM": capitalised words after it are the paper's.
    while end < tokens.len() && doc.is_cap(end) && tokens[end].space_before && end < start + 6 {
        end += 1;
    }
    out.push(Proposal {
        start: tokens[start].start,
        end: tokens[end - 1].end,
        kind: EntityType::Organization,
        evidence: Evidence::Cue,
        canonical: None,
    });
}

/// A word for a paper at token `i` ("báo", "tờ", "tạp chí", "trang"): its
/// length. Not one closing a compound, capitalised or not ("Nhà báo Jorge
/// Nicola", "Nghĩa trang Liệt sĩ"), nor a given name ("Trang Moon").
fn press_word_at(doc: &Doc<'_>, i: usize) -> Option<usize> {
    let g = doc.gazetteer;
    let tokens = &doc.tokens;
    if !g.rule_words.opens(WordRole::Press, doc.low(i)) {
        return None;
    }
    if doc.compound_with_previous(i) || (doc.is_cap(i) && g.given_names.contains(tokens[i].text)) {
        return None;
    }
    (1..=2)
        .rev()
        .find(|&n| i + n < tokens.len() && g.rule_words.has(WordRole::Press, doc.lower(i, i + n)))
}

/// The most words of a foreign paper's name.
const MAX_PAPER_TOKENS: usize = 5;

/// "tờ Daily Mirror", "Tạp chí Der Spiegel", "Báo Washington Post", "trang
/// Football London": after a word for a paper, capitalised or not, a run of
/// capitalised words of which one at least is foreign is the paper's name,
/// without the word for it, whatever its words name elsewhere ("Boston" in
/// "tờ The Boston Globe"). A country first is the paper's country ("báo Anh
/// Daily Mail"), no part of its name. Tokens of the name.
fn foreign_paper_at(doc: &Doc<'_>, i: usize) -> Option<(usize, usize)> {
    foreign_paper_after(doc, i, press_word_at(doc, i)?)
}

/// [`foreign_paper_at`], the word for a paper at token `i` being `n` tokens long.
fn foreign_paper_after(doc: &Doc<'_>, i: usize, n: usize) -> Option<(usize, usize)> {
    let g = doc.gazetteer;
    let tokens = &doc.tokens;
    let mut start = i + n;
    if start >= tokens.len() {
        return None;
    }
    if !doc.is_cap(start) || !tokens[start].space_before || !doc.joined(i + n - 1) {
        return None;
    }
    if let Some(country_end) = doc.listed_place_end(start, &[KnownDetail::Country]) {
        if doc.is_cap(country_end) && doc.joined(country_end - 1) {
            start = country_end;
        }
    }
    let mut end = start;
    let mut joined = true;
    while end < tokens.len()
        && end - start < MAX_PAPER_TOKENS
        && doc.is_cap(end)
        && tokens[end].kind == TokenKind::Word
        && joined
        // A sentence run on without its full stop ("báo Zing.vn Theo đó",
        // "Vietnamnet Ông Khoa").
        && doc.cue_len_at(end, Cue::NotName).is_none()
        && doc.cue_len_at(end, Cue::PersonBefore).is_none()
    {
        end += 1;
        // "GĐ&XH", "Bild-Zeitung": joined without spaces.
        let joiner = tokens
            .get(end)
            .is_some_and(|t| matches!(t.text, "&" | "-") && !t.space_before)
            && tokens.get(end + 1).is_some_and(|t| !t.space_before)
            && doc.is_cap(end + 1);
        if joiner {
            end += 1;
        }
        joined = joiner || doc.joined(end - 1);
    }
    let foreign = (start..end).any(|k| !g.is_vietnamese_syllable(doc.low(k)));
    // "báo Singapore", "Tuần báo Hongkong": the press of a place.
    let place = doc
        .name_at(tokens.get(start)?.start)
        .is_some_and(|(_, e, k)| {
            k.kind == EntityType::Location && e >= tokens[end.max(start + 1) - 1].end
        });
    (end > start && foreign && !place).then_some((start, end))
}

/// "công an Bình Phước", "công an tỉnh Nghệ An": the police of a listed
/// unit, written in lower case inside a sentence, is that unit's body (the
/// capitalised head is read by [`headed`]); "lực lượng công an" names none.
fn police_of_place(doc: &Doc<'_>, out: &mut Vec<Proposal>) {
    for i in 0..doc.tokens.len() {
        if doc.is_cap(i) || doc.lower_phrase_len(i, "công an") != Some(2) {
            continue;
        }
        let name_start = i + 2;
        let Some(next) = doc.tokens.get(name_start) else {
            continue;
        };
        let unit = doc.name_at(next.start).is_some_and(|(_, _, k)| {
            matches!(
                k.detail,
                KnownDetail::Province | KnownDetail::Capital | KnownDetail::District
            )
        }) || place_after_admin_word(doc, name_start)
            .is_some_and(|_| is_unit(doc, name_start));
        let end = place_of_listed_end(doc, name_start);
        if unit && end > name_start {
            out.push(Proposal {
                start: doc.tokens[i].start,
                end: doc.tokens[end - 1].end,
                kind: EntityType::Organization,
                evidence: Evidence::Cue,
                canonical: None,
            });
        }
    }
}

/// A body's name does not open inside a listed name: "Ban" in "Tây Ban Nha".
fn opens_inside_listed_name(doc: &Doc<'_>, start: usize) -> bool {
    let before = doc.names.partition_point(|n| n.0 < start);
    before > 0 && doc.names[before - 1].1 > start
}

/// Bodies told by the form of one word: a police department by its code
/// ("PC45", "PA83"), a unit of a provincial police as the news prints it;
/// a site by its domain ("zing.vn").
fn by_form(doc: &Doc<'_>, out: &mut Vec<Proposal>) {
    for t in &doc.tokens {
        if t.kind == TokenKind::Word && (police_code(t.text) || web_domain(t.text)) {
            out.push(Proposal {
                start: t.start,
                end: t.end,
                kind: EntityType::Organization,
                evidence: Evidence::Cue,
                canonical: None,
            });
        }
    }
}

/// A provincial police department's code: "P", a capital, two digits and
/// perhaps a letter ("PC45", "PA83", "PC02A").
fn police_code(word: &str) -> bool {
    let b = word.as_bytes();
    (4..=5).contains(&b.len())
        && b[0] == b'P'
        && b[1].is_ascii_uppercase()
        && b[2..4].iter().all(u8::is_ascii_digit)
        && b[4..].iter().all(u8::is_ascii_uppercase)
}

/// A site by its domain ("zing.vn", "scmp.com", "Traveller.com.au"): the
/// outlet a story or a photo is credited to.
fn web_domain(word: &str) -> bool {
    const ENDINGS: [&str; 12] = [
        "vn", "com", "net", "org", "info", "tv", "uk", "au", "jp", "kr", "cn", "fr",
    ];
    let bytes = word.as_bytes();
    // The last full stop opens an ending of two to four letters: look for
    // it there alone, which tells most words at once.
    let n = bytes.len();
    let Some(dot) = (3..=5)
        .filter(|&k| k < n)
        .map(|k| n - k)
        .find(|&at| bytes[at] == b'.')
    else {
        return false;
    };
    bytes[0].is_ascii_alphabetic()
        && ENDINGS
            .iter()
            .any(|e| e.eq_ignore_ascii_case(&word[dot + 1..]))
        && word
            .split('.')
            .all(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
}

/// "hai Bộ Công an", "Bộ Công an hai nước": a body that every state has,
/// said of several at once, is no one body (and no mention); the places
/// after it ("hai Bộ Công an Việt Nam-Lào") are left to be places.
fn of_several_states(doc: &Doc<'_>, p: &Proposal) -> bool {
    let state = doc.name_at(p.start).is_some_and(|(_, _, known)| {
        matches!(known.detail, KnownDetail::Organization { state: true, .. })
    });
    if !state {
        return false;
    }
    let (Some(first), Some(last)) = (doc.token_at(p.start), doc.token_ending_at(p.end)) else {
        return false;
    };
    doc.several_before(first) || doc.several_after(last + 1)
}

fn listed(doc: &Doc<'_>, out: &mut Vec<Proposal>) {
    for &(start, end, known) in &doc.names {
        if known.kind != EntityType::Organization {
            continue;
        }
        let (Some(first), Some(last)) = (doc.token_at(start), doc.token_ending_at(end)) else {
            continue;
        };
        // "500 MB", "4 GB": an abbreviation after a number is its unit.
        if first == last
            && doc.is_acronym(first)
            && first > 0
            && doc.tokens[first - 1].kind == TokenKind::Number
        {
            continue;
        }
        if names_a_model(doc, first, last, known) {
            continue;
        }
        // "Yamaha Motor Việt Nam": the company's place after it.
        let (end, canonical) = match company_of_listed(doc, last, known)
            .map(|e| place_after(doc, e).unwrap_or(e))
            .or_else(|| place_after(doc, last + 1))
        {
            Some(name_end) => (doc.tokens[name_end - 1].end, None),
            None => (end, Some(known.canonical.clone())),
        };
        // "Keisuke Honda", "Tân Hòa Phát": a listed name after another
        // capitalised word is only a guess; it may be part of a longer name.
        // Not a listed name of two words or more after a foreign word: that
        // word is a name of its own ("Torres Real Madrid: Navas, …").
        let inside_run = first > 0
            && doc.is_cap(first - 1)
            && doc.joined(first - 1)
            && !doc.sentence_start[first]
            && !doc.is_acronym(first - 1)
            && head_at(doc, first - 1).is_none()
            && (first == last || doc.gazetteer.is_vietnamese_syllable(doc.low(first - 1)));
        out.push(Proposal {
            start,
            end,
            kind: EntityType::Organization,
            evidence: if inside_run {
                Evidence::Shape
            } else {
                Evidence::Known
            },
            canonical,
        });
    }
}

/// Sports teams: a national team with its team word ("đội tuyển Việt
/// Nam", "tuyển nữ Thái Lan", "U23 Việt Nam") and a club written with "FC"
/// after its name ("Hà Nội FC").
fn teams(doc: &Doc<'_>, out: &mut Vec<Proposal>) {
    let tokens = &doc.tokens;
    let mut push = |start: usize, end: usize| {
        out.push(Proposal {
            start: tokens[start].start,
            end: tokens[end - 1].end,
            kind: EntityType::Organization,
            evidence: Evidence::Cue,
            canonical: None,
        });
    };
    let age_group_at = |k: usize| tokens.get(k).is_some_and(|t| age_group(t.text));
    for i in 0..tokens.len() {
        let t = tokens[i].text;
        let age_group = age_group_at(i);
        let team_word = doc.cue_len_at(i, Cue::Team);
        if age_group || team_word.is_some() {
            let mut j = i + team_word.unwrap_or(1);
            // "đội tuyển bóng đá nữ", "tuyển futsal"
            while j < tokens.len()
                && !doc.is_cap(j)
                && j - i < 6
                && doc
                    .gazetteer
                    .rule_words
                    .has(WordRole::TeamSport, doc.low(j))
            {
                j += 1;
            }
            // "đội tuyển U15 Việt Nam": the age group after the team word.
            if team_word.is_some() && age_group_at(j) {
                j += 1;
            }
            // "U23 Macau", "U21 Hà Nội": an age group's side may be a
            // territory or a province; a team word's is a country.
            let sides: &[KnownDetail] = if age_group {
                &[
                    KnownDetail::Country,
                    KnownDetail::Place,
                    KnownDetail::Province,
                    KnownDetail::Capital,
                ]
            } else {
                &[KnownDetail::Country]
            };
            if let Some(end) = doc.listed_place_end(j, sides) {
                push(i, end);
            }
        }
        if t == "FC" && i > 0 && doc.is_cap(i - 1) && doc.joined(i - 1) {
            let mut start = i - 1;
            while start > 0
                && doc.is_cap(start - 1)
                && doc.joined(start - 1)
                && !doc.sentence_start[start]
                && i - start < 4
            {
                start -= 1;
            }
            push(start, i + 1);
        }
    }
}

/// A listed country, capital or province starting at token `i`, directly after a name: its end token.
fn place_after(doc: &Doc<'_>, i: usize) -> Option<usize> {
    let t = doc.tokens.get(i)?;
    if !t.space_before || !doc.is_cap(i) {
        return None;
    }
    doc.listed_place_end(i, ENDING_PLACES)
}

fn headed(doc: &Doc<'_>, out: &mut Vec<Proposal>) {
    let tokens = &doc.tokens;
    let mut i = 0;
    while i < tokens.len() {
        let Some(head_len) = head_at(doc, i) else {
            i += 1;
            continue;
        };
        // "Ban Ki-moon": a head that is also a surname of East Asia, before
        // a foreign word, opens a person's name.
        let foreign_name = head_len == 1
            && doc
                .gazetteer
                .rule_words
                .has(WordRole::ForeignSurname, doc.low(i))
            && foreign_given_name(doc, i + 1);
        // "Báo Washington Post": the paper is named without its word.
        if foreign_name || starts_title(doc, i, head_len) || foreign_paper_at(doc, i).is_some() {
            i += 1;
            continue;
        }
        let name_start = i + head_len;
        // A listed body at the head ("Bộ Công an", "Quốc hội") is a whole
        // name: after it come only a place of its own ("Bộ Công an Lào",
        // "UBND tỉnh Hà Tĩnh"), never more capitalised words, which are a
        // person ("Bộ Công an Lương Tam Quang") or another body.
        let end = headed_end(doc, i, head_len);
        // The place it stands in, by its listed name ("tại Viêng Chăn" is
        // "tại Vientiane"), when it stands abroad.
        let abroad = (end > name_start)
            .then(|| abroad_place_end(doc, i, head_len, end))
            .flatten();
        let canonical = abroad.and_then(|_| {
            let place = doc.tokens.get(end + 1)?;
            let (_, _, known) = doc.name_at(place.start)?;
            Some(format!(
                "{}{}",
                &doc.text[tokens[i].start..place.start],
                known.canonical
            ))
        });
        let end = abroad.unwrap_or(end);
        let end = if doc.is_cap(i) {
            end
        } else {
            lower_headed_end(doc, name_start, end)
        };
        let acronym_head = doc.is_acronym(i);
        if end > name_start
            && (person_named(doc, i, end)
                || head_inside_person(doc, i, head_len, end)
                || agency_before_listed(doc, i, end)
                || force_unnamed(doc, i, name_start, end))
        {
            i += 1;
            continue;
        }
        // "Phó Bí thư Thường trực Thành ủy": a committee named alone.
        // Not "Thành ủy viên", a member's title.
        let committee = end == name_start
            && !crate::extract::person::begins_compound(doc, name_start)
            && doc
                .gazetteer
                .rule_words
                .has(WordRole::CommitteeAlone, doc.lower(i, name_start));
        // "UBND" alone is the committee of the article's place; "CLB", "BV"
        // alone are any club, any hospital.
        // Not those never a name on their own: "CSGT", "BHXH" are named
        // with their place ("CSGT huyện Diễn Châu", "BHXH TP Hà Nội").
        let body_alone = acronym_head
            && head_len == 1
            && is_place_body(doc, i, head_len)
            && doc.cue_len_at(i, Cue::NotName).is_none();
        if end > name_start || body_alone || committee {
            let name = Proposal {
                start: tokens[i].start,
                end: tokens[end.max(name_start) - 1].end,
                kind: EntityType::Organization,
                evidence: Evidence::Cue,
                canonical,
            };
            // "Cục Nghệ thuật biểu diễn (NTBD)": the abbreviation it is
            // given in brackets names the same body.
            if end > name_start && abbreviated_after(doc, name_start, end) {
                out.push(Proposal {
                    start: tokens[end + 1].start,
                    end: tokens[end + 1].end,
                    canonical: Some(
                        name.canonical
                            .clone()
                            .unwrap_or_else(|| doc.text[name.start..name.end].to_string()),
                    ),
                    ..name.clone()
                });
            }
            out.push(name);
            i = end.max(name_start);
        } else {
            i += 1;
        }
    }
}

/// "Lực lượng Công an", "Lực lượng CSGT": a force named by its service
/// alone is any of that service's units, no body's name; "Lực lượng Vệ binh
/// Cách mạng Iran", "Lực lượng Không quân Syria", "Lực lượng Nujaba" are
/// named: by two capitalised words, a place or a foreign word.
fn force_unnamed(doc: &Doc<'_>, i: usize, name_start: usize, end: usize) -> bool {
    if doc.lower(i, name_start) != "lực lượng" {
        return false;
    }
    if head_at(doc, name_start).is_some() {
        return true;
    }
    let named = |k: usize| doc.is_cap(k) && !doc.is_acronym(k);
    // "Lực lượng an ninh Iran": a country's forces in lower case are no name.
    if !named(name_start) {
        return true;
    }
    let capitals = (name_start..end).filter(|&k| named(k)).count();
    let place = (name_start..end).any(|k| doc.listed_place_end(k, ENDING_PLACES).is_some());
    let foreign = (name_start..end).any(|k| doc.is_foreign_word(k));
    !(capitals >= 2 || place || foreign)
}

/// "đảng Dân chủ Barack Obama": a Vietnamese name after a head in lower
/// case ends before two foreign words, which name the next one (a person
/// of that body). The token after the name.
fn lower_headed_end(doc: &Doc<'_>, name_start: usize, end: usize) -> usize {
    let vietnamese = |k: usize| {
        doc.tokens[k].kind == TokenKind::Word
            && !doc.is_acronym(k)
            && doc.gazetteer.is_vietnamese_syllable(doc.low(k))
    };
    let foreign = |k: usize| k < end && doc.is_foreign_word(k) && doc.joined(k - 1);
    (name_start + 1..end)
        .find(|&k| {
            vietnamese(k - 1)
                && foreign(k)
                && foreign(k + 1)
                && doc.listed_place_end(k, ENDING_PLACES).is_none()
        })
        .unwrap_or(end)
}

/// The most tokens of the sources a line's "Theo" names.
const MAX_SOURCE_TOKENS: usize = 8;

/// "Theo Kiến Thức", "(Theo Ngôi sao)", "(Theo CNN, Daily Mail)": the
/// papers and agencies an article is taken from, written after "Theo" at
/// the start of a line or in brackets, up to the line's end or the closing
/// bracket, and nothing else: each, between commas or slashes, is a body,
/// whatever the case of its words after the first.
fn sources(doc: &Doc<'_>, out: &mut Vec<Proposal>) {
    let tokens = &doc.tokens;
    // Where the last line starts: found from the end, once.
    let last_line_start = tokens.iter().rposition(|t| t.line_before).unwrap_or(0);
    for at in memchr::memmem::find_iter(doc.text.as_bytes(), b"Theo") {
        // The sources open with a capital: "Theo đó", "Theo ông" name none.
        let Some(i) = doc
            .token_at(at)
            .filter(|&i| tokens[i].text == "Theo" && doc.is_cap(i + 1))
        else {
            continue;
        };
        let bracketed = i > 0 && tokens[i - 1].text == "(";
        // "… đại kim tự tháp Giza  Theo Kiến Thức": on the last line, a
        // capitalised "Theo" right after a word opens the sources too.
        let last_line = || {
            i > 0
                && tokens[i - 1].kind == TokenKind::Word
                && i > last_line_start
                && tokens.last().is_some_and(|t| t.kind != TokenKind::Punct)
        };
        if !(bracketed || i == 0 || tokens[i].line_before || last_line()) {
            continue;
        }
        let last = tokens.len().min(i + 2 + MAX_SOURCE_TOKENS);
        let close = (i + 1..last).find(|&k| {
            if bracketed {
                tokens[k].text == ")"
            } else {
                tokens.get(k + 1).is_none_or(|n| n.line_before)
            }
        });
        let Some(close) = close else {
            continue;
        };
        let end = if bracketed { close } else { close + 1 };
        if bracketed && tokens.get(close + 1).is_some_and(|n| !n.line_before) {
            continue;
        }
        let mut from = i + 1;
        for k in i + 1..=end {
            let cut = k == end || matches!(tokens[k].text, "," | "/");
            if !cut {
                continue;
            }
            let words = from..k;
            let plain = words.clone().all(|w| {
                tokens[w].kind != TokenKind::Punct || matches!(tokens[w].text, "&" | "-" | ".")
            });
            // "Theo Minh Nhật/Vnexpress.net": the writer, then the paper.
            let writer = k < end
                && tokens[k].text == "/"
                && words.clone().all(|w| {
                    doc.is_cap(w)
                        && !doc.is_acronym(w)
                        && doc.gazetteer.is_vietnamese_syllable(doc.low(w))
                });
            if !words.is_empty()
                && plain
                && !writer
                && doc.is_cap(from)
                && tokens[k - 1].kind != TokenKind::Punct
            {
                out.push(Proposal {
                    start: tokens[from].start,
                    end: tokens[k - 1].end,
                    kind: EntityType::Organization,
                    evidence: Evidence::Cue,
                    canonical: None,
                });
            }
            from = k + 1;
        }
    }
}

/// The most tokens a body's name closed by a place and a bracketed
/// abbreviation runs back over to its head word.
const MAX_BRACKETED_TOKENS: usize = 16;

/// "Hội đồng tham mưu trưởng Liên quân Hàn Quốc (JCS)", "Viện Hàn lâm
/// khoa học xã hội Việt Nam (HLKHXHVN)", "Chính phủ Hòa hợp dân tộc Libya
/// (GNA)": a listed place right before an abbreviation in brackets closes a
/// body's name, which runs back to its head word through words the lexicon
/// may not know; the abbreviation names the same body. The head is the
/// nearest back, or one further through capitalised words only ("Bộ Tư
/// lệnh Lực lượng Đặc nhiệm của Mỹ (USSOCOM)"), not across a stop, a
/// bracket, a verb of the sentence, "ở", the sentence's start or more
/// than eight lower-case words.
fn bracketed(doc: &Doc<'_>, out: &mut Vec<Proposal>) {
    let tokens = &doc.tokens;
    for (at, _) in doc.text.match_indices('(') {
        let Some(k) = doc.token_at(at).filter(|&k| k >= 2) else {
            continue;
        };
        if !doc.bracketed_acronym(k)
            || doc.cue_len_at(k + 1, Cue::NotName).is_some()
            || doc
                .name_at(tokens[k + 1].start)
                .is_some_and(|(_, _, known)| known.kind != EntityType::Organization)
        {
            continue;
        }
        let Some(place_start) =
            (k.saturating_sub(4)..k).find(|&s| doc.listed_place_end(s, ENDING_PLACES) == Some(k))
        else {
            continue;
        };
        let is_head = |s: usize| {
            doc.is_cap(s) && doc.cue_len_at(s, Cue::OrgHead).is_some() && !starts_title(doc, s, 1)
        };
        let mut head = None;
        let mut lower = 0;
        let mut s = place_start;
        while s > 0 && place_start - s < MAX_BRACKETED_TOKENS {
            s -= 1;
            let t = &tokens[s];
            let joins = matches!(t.text, "," | "và");
            if t.kind == TokenKind::Punct && !matches!(t.text, "," | "-" | "–") {
                break;
            }
            if t.text == "ở" || (!joins && doc.rule_word_len(s, WordRole::NotInName).is_some()) {
                break;
            }
            if !doc.is_cap(s) {
                lower += 1;
                if lower > MAX_LOWER_WORDS * 2 {
                    break;
                }
            }
            if is_head(s) {
                head = Some(s);
                break;
            }
            if doc.sentence_start[s] || t.line_before {
                break;
            }
        }
        // "Bộ Tư lệnh Lực lượng Đặc nhiệm": a head further back through
        // capitalised words only.
        if let Some(near) = head {
            let mut s = near;
            // A lower-case syllable after a capitalised one is of its word ("Tư lệnh").
            let of_name = |k: usize| {
                doc.joined(k)
                    && (doc.is_cap(k)
                        || (k > 0
                            && doc.tokens[k].kind == TokenKind::Word
                            && doc.is_cap(k - 1)
                            && doc.joined(k - 1)))
            };
            while s > 0 && of_name(s - 1) && !doc.sentence_start[s] {
                s -= 1;
                if is_head(s) {
                    head = Some(s);
                }
            }
        }
        let Some(head) = head else {
            continue;
        };
        let name = Proposal {
            start: tokens[head].start,
            end: tokens[k - 1].end,
            kind: EntityType::Organization,
            evidence: Evidence::Cue,
            canonical: None,
        };
        out.push(Proposal {
            start: tokens[k + 1].start,
            end: tokens[k + 1].end,
            canonical: Some(doc.text[name.start..name.end].to_string()),
            ..name.clone()
        });
        out.push(name);
    }
}

/// Where the name of a body whose head of `head_len` tokens is at token
/// `i` ends: the token after it.
fn headed_end(doc: &Doc<'_>, i: usize, head_len: usize) -> usize {
    let name_start = i + head_len;
    if let Some(listed_end) = listed_org_end(doc, i) {
        // "Học viện Ngoại giao quốc gia Hàn Quốc": more of its name
        // up to a place that closes it.
        return place_of_listed_end(
            doc,
            closed_lower_words(doc, name_start, listed_end, true).unwrap_or(listed_end),
        );
    }
    let place_body = is_place_body(doc, i, head_len)
        || (!doc.is_cap(i) && doc.rule_word_len(i, WordRole::LowerHeadOfPlace).is_some());
    if !place_body {
        return name_end(doc, name_start);
    }
    let end = place_of_listed_end(doc, name_start);
    // "Đảng bộ Bệnh viện đa khoa Thường Xuân", "Đảng ủy Công an tỉnh": a
    // party cell, then the body it belongs to, is one name.
    let party_cell = || {
        doc.gazetteer
            .rule_words
            .has(WordRole::PartyCell, doc.lower(i, name_start))
    };
    if end == name_start && doc.is_cap(name_start) && party_cell() {
        let inner_head =
            head_at(doc, name_start).or_else(|| listed_org_end(doc, name_start).map(|_| 0));
        if let Some(inner_end) = inner_head
            .map(|n| headed_end(doc, name_start, n))
            .filter(|&e| e > name_start + inner_head.unwrap_or(0))
        {
            return inner_end;
        }
    }
    end
}

/// "Đại sứ quán Việt Nam tại Lào", "Cơ quan đại diện Bộ Công an Việt Nam
/// tại Lào": a body that stands abroad, opened by a head word of
/// `offices.tsv`, whose name ends at token `end`, is named with the place
/// it stands in after "tại": one embassy per place. The token after that
/// place.
fn abroad_place_end(doc: &Doc<'_>, i: usize, head_len: usize, end: usize) -> Option<usize> {
    let words = &doc.gazetteer.offices;
    let head = doc.lower(i, i + head_len);
    if !words.abroad.iter().any(|w| w == head) {
        return None;
    }
    let at = doc.tokens.get(end)?;
    if !at.space_before || !words.at.iter().any(|w| w == doc.low(end)) {
        return None;
    }
    place_after(doc, end + 1)
}

/// A foreign given name at token `i`: a capitalised word that is no
/// Vietnamese syllable, or two joined by a hyphen ("Ki-moon").
fn foreign_given_name(doc: &Doc<'_>, i: usize) -> bool {
    let foreign = |k: usize| {
        doc.tokens.get(k).is_some_and(|t| t.kind == TokenKind::Word)
            && !doc.gazetteer.is_vietnamese_syllable(doc.low(k))
    };
    doc.is_cap(i)
        && !doc.is_acronym(i)
        && (foreign(i)
            || (doc
                .tokens
                .get(i + 1)
                .is_some_and(|t| t.text == "-" && !t.space_before)
                && doc.tokens.get(i + 2).is_some_and(|t| !t.space_before)
                && foreign(i + 2)))
}

/// Tokens `i..end`, opened by a head word that is also a surname ("Đoàn"),
/// have a person's shape: three or four capitalised syllables, no
/// abbreviation among them ("Đoàn Quốc Huy", not "Đoàn Thanh niên").
fn person_named(doc: &Doc<'_>, i: usize, end: usize) -> bool {
    (3..=4).contains(&(end - i))
        && doc.gazetteer.surnames.contains(doc.tokens[i].text)
        && (i..end).all(|k| doc.is_cap(k) && !doc.is_acronym(k) && (k == i || doc.joined(k - 1)))
        && listed_org_end(doc, i).is_none()
}

/// A head word of one token that belongs to a person's name: a middle name
/// between a family name and a given name ("Phạm Trường Long", "Lương
/// Trường Phi"), or a name itself before one given name and nothing more
/// ("Trường Giang", "Đoàn Hùng", "Trường Giang và Nhã Phương"; "Khoa Nhi",
/// a common compound, is the ward).
fn head_inside_person(doc: &Doc<'_>, i: usize, head_len: usize, end: usize) -> bool {
    let g = doc.gazetteer;
    let given = |k: usize| {
        doc.is_cap(k) && !doc.is_acronym(k) && g.given_names.contains(doc.tokens[k].text)
    };
    if head_len != 1 || !doc.joined(i) || !given(i + 1) {
        return false;
    }
    let middle = i > 0
        && doc.is_cap(i - 1)
        && doc.joined(i - 1)
        && g.surnames.contains(doc.tokens[i - 1].text);
    let one_name_after = end == i + 2
        || !(doc.is_cap(i + 2) && doc.joined(i + 1))
            && doc.tokens.get(i + 2).is_some_and(|t| t.text == "và");
    let named = one_name_after
        && (given(i) || g.surnames.contains(doc.tokens[i].text))
        && !doc.compound_with_previous(i + 1)
        && doc.name_at(doc.tokens[i].start).is_none()
        && doc.name_at(doc.tokens[i + 1].start).is_none();
    middle || named
}

/// "Hãng tin Reuters", "Hãng thông tấn Yonhap": an agency's descriptor,
/// capitalised at a sentence's start or by habit, before a listed name that
/// is the whole of the rest.
fn agency_before_listed(doc: &Doc<'_>, i: usize, end: usize) -> bool {
    doc.rule_word_len(i, WordRole::Agency)
        .is_some_and(|n| listed_org_end(doc, i + n) == Some(end))
}

/// The head at token `i` names a body by its place alone: the people's
/// committee, council, party committee, police, court or procuracy of a
/// unit ("UBND tỉnh Nghệ An", "Tỉnh ủy Gia Lai", "Công an xã Đức Lập").
/// What follows it is a place or nothing, never a person ("Bí thư Tỉnh ủy
/// Đặng Ngọc Tuấn").
fn is_place_body(doc: &Doc<'_>, i: usize, head_len: usize) -> bool {
    doc.gazetteer
        .rule_words
        .has(WordRole::PlaceBody, doc.lower(i, i + head_len))
}

/// The token after a listed organisation starting at token `i`.
fn listed_org_end(doc: &Doc<'_>, i: usize) -> Option<usize> {
    let (_, end, known) = doc.name_at(doc.tokens[i].start)?;
    if known.kind != EntityType::Organization {
        return None;
    }
    doc.token_ending_at(end).map(|last| last + 1)
}

/// Where a listed body's name ends, taking a place written after it: a
/// listed country or province, or an administrative word with its name.
fn place_of_listed_end(doc: &Doc<'_>, end: usize) -> usize {
    let end = level_and_seat_end(doc, end);
    let Some(next) = doc.tokens.get(end) else {
        return end;
    };
    if !next.space_before {
        return end;
    }
    if let Some(place_end) = place_after(doc, end) {
        return place_end;
    }
    if let Some((_, place_end)) = place_after_admin_word(doc, end) {
        return place_end;
    }
    if let Some(n) = lone_admin_word(doc, end) {
        return end + n;
    }
    if lone_city(doc, end) {
        return end + 1;
    }
    // "Quận ủy Long Biên": any listed place, districts too.
    let run_end = place_name_run_end(doc, end);
    if run_end > end
        && doc.name_at(doc.tokens[end].start).is_some_and(|(_, e, k)| {
            k.kind == EntityType::Location && e == doc.tokens[run_end - 1].end
        })
    {
        return run_end;
    }
    end
}

/// "TAND Cấp cao tại Hà Nội": a court's or procuracy's level, and the seat
/// that names it. The token after them.
fn level_and_seat_end(doc: &Doc<'_>, end: usize) -> usize {
    let Some(n) = doc.lower_phrase_len(end, "cấp cao") else {
        return end;
    };
    let end = end + n;
    if doc.tokens.get(end).is_some_and(|t| t.text == "tại") {
        if let Some(place_end) = place_after(doc, end + 1) {
            return place_end;
        }
    }
    end
}

/// The end of a run of capitalised words from `j` that can be a place's name.
fn place_name_run_end(doc: &Doc<'_>, mut j: usize) -> usize {
    let start = j;
    while j < doc.tokens.len()
        && j - start < 4
        && doc.is_cap(j)
        && !doc.is_acronym(j)
        && doc.tokens[j].space_before
        && head_at(doc, j).is_none()
    {
        j += 1;
    }
    j
}

/// "UBND TP đã kiến nghị", "Phó chủ tịch UBND TP Lê Thanh Liêm": "TP" at
/// token `i` with no name of its own after it (a lower-case word, a stop, a
/// person) stands for the article's city.
fn lone_city(doc: &Doc<'_>, i: usize) -> bool {
    let tokens = &doc.tokens;
    if !matches!(tokens[i].text, "TP" | "Tp") || !tokens[i].space_before {
        return false;
    }
    let Some(next) = tokens.get(i + 1) else {
        return true;
    };
    if next.kind == TokenKind::Punct {
        let joins = matches!(next.text, "-" | "–" | "&") && !next.space_before;
        let abbreviates = next.text == "." && doc.is_cap(i + 2);
        return !(joins || abbreviates);
    }
    next.space_before
        && (!doc.is_cap(i + 1) || unit_holder(doc, i, i + 1, place_name_run_end(doc, i + 1)))
}

/// A bare administrative word that stands for the unit of the body before
/// it ("UBND tỉnh", "Công an huyện", "Ban Chấp hành Đảng bộ tỉnh"): its length.
fn lone_admin_word(doc: &Doc<'_>, i: usize) -> Option<usize> {
    let t = doc.tokens.get(i)?;
    if !t.space_before || doc.is_cap(i) {
        return None;
    }
    let n = doc.rule_word_len(i, WordRole::UnitOfBody)?;
    // Nothing after it, or a person ("UBND quận Nguyễn Thị Thu Hương").
    let run_end = place_name_run_end(doc, i + n);
    (!doc.is_cap(i + n) || unit_holder(doc, i, i + n, run_end)).then_some(n)
}

/// An organisation head word at token `i`, written with its capital, or in
/// lower case where [`lower_head_at`] reads one: its length.
fn head_at(doc: &Doc<'_>, i: usize) -> Option<usize> {
    if !doc.is_cap(i) {
        return lower_head_at(doc, i);
    }
    doc.cue_len_at(i, Cue::OrgHead)
}

/// A head written in lower case inside a sentence that still opens a body's
/// name: before a Vietnamese name ("bệnh viện Chợ Rẫy", "trường THPT An
/// Dương", "công ty Du lịch Hải Nam"), or before a country or province for
/// its police or army ("cảnh sát Anh"). Not of several ("các bệnh viện
/// Hà Nội"), nor closing a compound ("thị trường Mỹ"), nor before a foreign
/// name, which names the body alone ("công ty Samsung").
fn lower_head_at(doc: &Doc<'_>, i: usize) -> Option<usize> {
    // Most words have no capitalised word a head's length after them: look
    // no further for those.
    let near = doc.cap_within(i + 1, i + 5);
    if !near {
        return None;
    }
    let of_place = doc.rule_word_len(i, WordRole::LowerHeadOfPlace);
    let plain = doc.rule_word_len(i, WordRole::LowerHead);
    let word = of_place.or(plain)?;
    if doc.sentence_start[i] || doc.several_before(i) {
        return None;
    }
    if doc.closes_compound(i) {
        return None;
    }
    // The head as its capitalised form runs ("trường THPT", "công ty TNHH").
    let n = doc.cue_len_at(i, Cue::OrgHead).unwrap_or(0).max(word);
    let next = doc.tokens.get(i + n)?;
    if !next.space_before || !doc.is_cap(i + n) {
        return None;
    }
    if of_place.is_some() {
        let place = doc.name_at(next.start).is_some_and(|(_, _, k)| {
            matches!(
                k.detail,
                KnownDetail::Country | KnownDetail::Province | KnownDetail::Capital
            )
        });
        return place.then_some(n);
    }
    // A sentence run on without its full stop ("ngân hàng Thực tế …"), an
    // honorific ("trường Cô Nguyễn Thị Liễu") or a country ("các trường
    // Hàn Quốc") after the head is no body's name.
    let vietnamese = doc.gazetteer.is_vietnamese_syllable(doc.low(i + n))
        && doc.cue_len_at(i + n, Cue::NotName).is_none()
        && doc.cue_len_at(i + n, Cue::PersonBefore).is_none();
    let listed = doc.name_at(next.start).is_some_and(|(_, _, k)| {
        k.kind == EntityType::Organization || k.detail == KnownDetail::Country
    });
    (vietnamese && !listed).then_some(n)
}

/// A listed title starts at token `i` and runs at least as far as the head
/// word of `head_len` tokens there ("Bộ trưởng" is not the ministry "Bộ …";
/// "Đại sứ quán" is the embassy, not the title "Đại sứ").
fn starts_title(doc: &Doc<'_>, i: usize, head_len: usize) -> bool {
    doc.title_at(doc.tokens[i].start)
        .and_then(|(_, e, _)| doc.token_ending_at(e))
        .is_some_and(|last| last + 1 >= i + head_len)
}

/// Where the name after a head word ends (exclusive token index).
pub(crate) fn name_end(doc: &Doc<'_>, start: usize) -> usize {
    let tokens = &doc.tokens;
    let mut j = start;
    let mut last_good = start;
    while j < tokens.len() && j - start < MAX_NAME_TOKENS {
        let after_joiner = j > start && matches!(tokens[j - 1].text, "-" | "&" | ".");
        if j > start
            && !tokens[j].space_before
            && tokens[j].kind != TokenKind::Punct
            && !after_joiner
        {
            break;
        }
        let t = &tokens[j];
        // A listed country or province ends the name: "Bộ Công an Lào",
        // "UBND TP Hải Phòng" (then comes a person, not more name).
        // Not a place beginning a compound: "Vụ Pháp chế", "Viện Pháp y".
        let compound_opens = tokens
            .get(j + 1)
            .is_some_and(|n| n.space_before && !n.has_capital())
            && doc.gazetteer.lexicon.contains(doc.lower(j, j + 2));
        // Nor a one-word place inside a run of names: "Đại học Tôn Đức
        // Thắng", "Đại học Shanghai Jiao Tong".
        let one_word_inside_names = (j > start
            && doc.is_cap(j - 1)
            && !doc.is_acronym(j - 1)
            && doc.joined(j - 1)
            && doc.is_cap(j + 1)
            && doc.joined(j))
            // "Đại học Shanghai Jiao Tong": a foreign place, then more
            // foreign words of the name.
            || (j == start
                && doc.is_cap(j + 1)
                && doc.joined(j)
                && !doc.gazetteer.is_vietnamese_syllable(doc.low(j))
                && !doc.gazetteer.is_vietnamese_syllable(doc.low(j + 1)));
        // "Bệnh viện Việt Nam - Thụy Điển Uông Bí", "Trường Hà Nội - Amsterdam":
        // two places joined by a dash name one body, which goes on.
        if let Some(second_end) = doc
            .listed_place_end(j, ENDING_PLACES)
            .filter(|&e| {
                doc.tokens
                    .get(e)
                    .is_some_and(|t| matches!(t.text, "-" | "–"))
            })
            .and_then(|e| doc.listed_place_end(e + 1, ENDING_PLACES))
        {
            j = second_end;
            last_good = j;
            continue;
        }
        if let Some(place_end) = doc
            .listed_place_end(j, ENDING_PLACES)
            .filter(|&e| !(compound_opens || one_word_inside_names && e == j + 1))
        {
            // "Bộ Tư lệnh Thái Bình Dương Mỹ": a region, then the country
            // whose body it is.
            let country_after = doc
                .listed_place_end(j, &[KnownDetail::Place])
                .and_then(|_| doc.listed_place_end(place_end, &[KnownDetail::Country]))
                .filter(|_| tokens[place_end].space_before);
            return country_after.unwrap_or(place_end);
        }
        // "Ủy ban Khí hậu Liên hợp quốc": a listed body written with a
        // word in lower case ends the name, through that word.
        if let Some(listed_end) = (j > start && doc.is_cap(j))
            .then(|| listed_org_end(doc, j))
            .flatten()
            .filter(|&e| (j..e).any(|k| !doc.is_cap(k)) && !(doc.is_cap(e) && doc.joined(e - 1)))
        {
            return listed_end;
        }
        let accepted = if doc.is_cap(j) {
            // A new body starts: "Bộ Công an và Bộ An ninh" are two.
            !(j > start && head_at(doc, j).is_some() && tokens[j - 1].text == "và")
        } else if t.kind == TokenKind::Number {
            j > start
        } else if t.kind == TokenKind::Punct {
            // "GD-ĐT", "TP. HCM"
            let dash = (t.text == "-" || t.text == "&")
                && !t.space_before
                && doc.is_cap(j + 1)
                && !tokens[j + 1].space_before;
            let tp_dot = t.text == "."
                && j > 0
                && matches!(tokens[j - 1].text, "TP" | "Tp")
                && doc.is_cap(j + 1);
            dash || tp_dot || fields_joined(doc, start, j)
        } else if let Some(k) = trade_words_end(doc, j) {
            j = k;
            last_good = k;
            continue;
        } else {
            let compound = j > start
                && doc.is_cap(j - 1)
                && doc.gazetteer.lexicon.contains(doc.lower(j - 1, j + 1));
            // "Cảnh sát điều tra", "An ninh điều tra": the one verb that
            // belongs to a unit's name, and only after these.
            let investigation = doc.lower_phrase_len(j, "điều tra").filter(|_| {
                j >= 2
                    && doc
                        .gazetteer
                        .rule_words
                        .has(WordRole::Investigating, doc.lower(j - 2, j))
            });
            let inner = doc.cue_len_at(j, Cue::OrgInner).or(investigation);
            let admin = doc.cue_len_at(j, Cue::LocationAdmin);
            // "Bộ Giáo dục và Đào tạo", "Đội Phòng chống ma túy và tội phạm",
            // "Phòng Cảnh sát điều tra tội phạm về ma túy"
            // Not right after the head: "Đảng và Nhà nước" are two.
            // Not between foreign names: "Hãng Boeing và Airbus" are two.
            let connector = (t.text == "và"
                && j > start
                && ((doc.is_cap(j + 1)
                    && head_at(doc, j + 1).is_none()
                    && doc.gazetteer.is_vietnamese_syllable(doc.low(j + 1)))
                    || doc.cue_len_at(j + 1, Cue::OrgInner).is_some()))
                || (t.text == "về" && j > start && doc.cue_len_at(j + 1, Cue::OrgInner).is_some());
            if let Some(n) = inner.filter(|_| !compound) {
                j += n;
                last_good = j;
                continue;
            }
            if admin.is_some() && !compound {
                if let Some((_, place_end)) = place_after_admin_word(doc, j) {
                    return place_end;
                }
            }
            if let Some(n) = lone_admin_word(doc, j).filter(|_| doc.is_cap(j - 1)) {
                return j + n;
            }
            // "Bảo tàng thiên nhiên Việt Nam", "Liên đoàn bóng đá châu Âu":
            // common words right after the head, closed by a place (an
            // abbreviation closes generic words too: "Hội đồng quản trị
            // (HĐQT)"). Not after a head that is also a name ("Khoa",
            // "Đoàn"), which a verb may follow.
            let named_head = start > 0 && {
                let head = doc.tokens[start - 1].text;
                doc.gazetteer.given_names.contains(head) || doc.gazetteer.surnames.contains(head)
            };
            if j == start && !named_head {
                if let Some(k) = closed_lower_words(doc, start, j, false) {
                    j = k;
                    last_good = k;
                    continue;
                }
                // "Chi cục bảo vệ môi trường", "Trung tâm phát triển quỹ
                // đất": the body's work in lower case right after its head,
                // and what it works on. Not after a head opening a sentence,
                // which a verb may follow ("Trường hoạt động trở lại").
                let opens_sentence =
                    (start.saturating_sub(3)..start).any(|k| doc.sentence_start[k]);
                // Nor a compound of the head's last word ("Bộ xử lý đồ họa").
                if let Some(k) = doc
                    .rule_word_len(j, WordRole::FieldVerb)
                    .filter(|&n| {
                        !opens_sentence
                            && !doc.gazetteer.lexicon.contains(doc.lower(start - 1, j + n))
                    })
                    .and_then(|n| field_object_end(doc, start, j + n))
                {
                    j = k;
                    last_good = k;
                    continue;
                }
            }
            if !(compound || connector) && j > start {
                if let Some(k) = field_object_end(doc, start, j) {
                    // Only a place may follow what a body works on, not
                    // a person ("Viện Nghiên cứu phòng chống ung thư Trần …").
                    if !doc.is_cap(k) || doc.listed_place_end(k, ENDING_PLACES).is_some() {
                        j = k;
                        last_good = k;
                        continue;
                    }
                    return k;
                }
                if let Some(k) = closed_lower_words(doc, start, j, true) {
                    j = k;
                    last_good = k;
                    continue;
                }
            }
            if !(compound || connector) {
                if let Some(e) = sentence_case_compound_end(doc, start, j) {
                    j = e;
                    last_good = e;
                    continue;
                }
            }
            compound || connector
        };
        if !accepted {
            break;
        }
        j += 1;
        if tokens[j - 1].kind != TokenKind::Punct && !matches!(tokens[j - 1].text, "và" | "về") {
            last_good = j;
        }
    }
    last_good
}

/// "Vụ Quan hệ quốc tế", "Trường Đại học Kinh tế quốc dân": a name's
/// field written in sentence case, its first word capitalised and the rest
/// not, one common compound of three or four syllables through token `j`.
/// The token after it.
fn sentence_case_compound_end(doc: &Doc<'_>, start: usize, j: usize) -> Option<usize> {
    let first = (start.max(j.saturating_sub(3))..j)
        .rev()
        .find(|&c| doc.is_cap(c))?;
    // Not a sentence run on after the name ("Theo kết quả", "Cùng với đó").
    if !(first + 1..=j).all(|k| lower_word(doc, k))
        || doc.cue_len_at(first, Cue::LocationBefore).is_some()
        || doc.rule_word_len(first, WordRole::NotInName).is_some()
    {
        return None;
    }
    // Not a unit's compound ("Công an huyện"): its place comes after it.
    (j + 1..=first + 4)
        .rev()
        .filter(|&e| e - first >= 3)
        .find(|&e| {
            (j + 1..e).all(|k| lower_word(doc, k))
                && (first..e).all(|k| doc.cue_len_at(k, Cue::Grammar).is_none())
                && !is_unit(doc, e - 1)
                && doc.gazetteer.lexicon.contains(doc.lower(first, e))
        })
}

/// "Công ty TNHH MTV sản xuất thương mại Hoàng Long", "Công ty TNHH xử
/// lý nước Trâm Anh": after a company's legal form, the trade it is in,
/// in lower case, up to the capitalised name that closes it. The token
/// where that name starts.
fn trade_words_end(doc: &Doc<'_>, j: usize) -> Option<usize> {
    let legal_form = (1..=2).any(|n| {
        j >= n && doc.rule_word_len(j - n, WordRole::LegalForm) == Some(n) && doc.is_cap(j - n)
    });
    if !legal_form {
        return None;
    }
    let tokens = &doc.tokens;
    // "nước" is water inside a trade ("cấp nước", "xử lý nước"), not the
    // word for a country.
    let trade = |k: usize| {
        lower_word(doc, k)
            && doc.gazetteer.is_vietnamese_syllable(tokens[k].text)
            && (doc.cue_len_at(k, Cue::LocationBefore).is_none()
                || (k > j && tokens[k].text == "nước"))
            && doc.cue_len_at(k, Cue::PersonAfter).is_none()
    };
    let mut k = j;
    while k < j + MAX_OBJECT_SYLLABLES && trade(k) {
        // "thương mại và dịch vụ": two trades; no other word of grammar.
        if doc.cue_len_at(k, Cue::Grammar).is_some() && !(tokens[k].text == "và" && k > j) {
            return None;
        }
        k += 1;
    }
    let closes = k > j
        && tokens[k - 1].text != "và"
        && tokens
            .get(k)
            .is_some_and(|t| t.space_before && !t.line_before)
        && doc.is_cap(k)
        && doc.cue_len_at(k, Cue::PersonBefore).is_none()
        && doc.title_at(tokens[k].start).is_none();
    closes.then_some(k)
}

/// Token `k` is a lower-case word after a space on the same line: one that
/// may carry a body's name on.
fn lower_word(doc: &Doc<'_>, k: usize) -> bool {
    doc.tokens.get(k).is_some_and(|t| {
        t.kind == TokenKind::Word && t.space_before && !t.has_capital() && !t.line_before
    })
}

/// "Cục Quản lý lao động ngoài nước", "Ban Chỉ đạo quốc gia vận động hiến
/// máu tình nguyện", "Phòng Cảnh sát quản lý kinh tế và chức vụ": after a
/// verb that names a body's work, the common words from token `j` that say
/// what it works on are its name too, up to a word of grammar, a verb that
/// opens the sentence's clause, or punctuation. The token after them.
fn field_object_end(doc: &Doc<'_>, start: usize, j: usize) -> Option<usize> {
    let tokens = &doc.tokens;
    // The work may be the head's own ("Ban Quản lý", "Ban Chỉ đạo").
    let field = (1..=3).any(|n| {
        j >= n
            && doc
                .gazetteer
                .rule_words
                .has(WordRole::FieldVerb, doc.lower(j - n, j))
    });
    // "Phòng Cảnh sát quản lý kinh tế", "Cục Cảnh sát truy nã tội phạm":
    // a police unit's work, written after it.
    let police_work = j >= 2
        && doc
            .gazetteer
            .rule_words
            .has(WordRole::Investigating, doc.lower(j - 2, j))
        && doc.rule_word_len(j, WordRole::FieldVerb).is_some();
    // "Ban Chỉ đạo quốc gia vận động …": a second work after the first.
    let second_work = doc.rule_word_len(j, WordRole::FieldVerb).is_some()
        && (start.saturating_sub(2)..j)
            .any(|k| doc.is_cap(k) && doc.rule_word_len(k, WordRole::FieldVerb).is_some());
    if !field && !police_work && !second_work {
        return None;
    }
    let content = |k: usize| {
        lower_word(doc, k)
            && doc.gazetteer.is_vietnamese_syllable(tokens[k].text)
            && doc.cue_len_at(k, Cue::Grammar).is_none()
            && doc.cue_len_at(k, Cue::LocationBefore).is_none()
            && doc.cue_len_at(k, Cue::PersonAfter).is_none()
            && doc.rule_word_len(k, WordRole::NotInName).is_none()
    };
    let mut k = j;
    while k < j + MAX_OBJECT_SYLLABLES && content(k) {
        k += 1;
        // "quản lý kinh tế và chức vụ": two fields of one work.
        if tokens.get(k).is_some_and(|t| t.text == "và") && content(k + 1) && content(k + 2) {
            k += 1;
        }
    }
    (k > j + 1).then_some(k)
}

/// "Học viện Ngoại giao quốc gia Hàn Quốc", "Cục Nghệ thuật biểu diễn
/// (NTBD)": common lower-case words from token `j` that carry a body's name
/// on, because what comes after them closes it: a listed place, an
/// administrative word with its place, or the body's abbreviation in
/// brackets, spelling their initials. Words of a sentence's verb ("đầu tư",
/// "cho biết") carry nothing. The token where the closing starts.
fn closed_lower_words(
    doc: &Doc<'_>,
    start: usize,
    j: usize,
    abbreviation_closes: bool,
) -> Option<usize> {
    let tokens = &doc.tokens;
    let plain = |k: usize| lower_word(doc, k);
    let mut k = j;
    for _ in 0..MAX_LOWER_WORDS {
        let n = (2..=3).rev().find(|&n| {
            (k..k + n).all(plain) && doc.gazetteer.lexicon.contains(doc.lower(k, k + n))
        })?;
        if doc.rule_word_len(k, WordRole::NotInName).is_some()
            || doc.cue_len_at(k, Cue::PersonAfter).is_some()
        {
            return None;
        }
        k += n;
        let t = tokens.get(k)?;
        let place = t.space_before
            && (doc.listed_place_end(k, ENDING_PLACES).is_some()
                || (doc.cue_len_at(k, Cue::LocationAdmin).is_some()
                    && place_after_admin_word(doc, k).is_some()));
        if place || (abbreviation_closes && abbreviated_after(doc, start, k)) {
            return Some(k);
        }
    }
    None
}

/// Tokens `k..` are an abbreviation in brackets ("(NTBD)") whose letters
/// are the initials of the words before it, from one at or after `start`.
fn abbreviated_after(doc: &Doc<'_>, start: usize, k: usize) -> bool {
    let tokens = &doc.tokens;
    if !doc.bracketed_acronym(k) {
        return false;
    }
    let letters: Vec<char> = tokens[k + 1].text.chars().map(initial_letter).collect();
    k >= letters.len()
        && k - letters.len() + 1 >= start.saturating_sub(1)
        && (k - letters.len()..k)
            .zip(&letters)
            .all(|(i, &l)| tokens[i].text.chars().next().map(initial_letter) == Some(l))
}

/// A letter as an abbreviation writes it: upper case, "Đ" as "D" too.
fn initial_letter(c: char) -> char {
    match c {
        'đ' | 'Đ' => 'D',
        c => c.to_uppercase().next().unwrap_or(c),
    }
}

/// "Hiệp hội Cà phê - Ca cao", "Trường Cao đẳng Kinh tế - Kỹ thuật": a
/// spaced dash at token `j` between two fields of a body's name, each a
/// capitalised common compound; a dash between names ("Bộ Công an - Bộ
/// Quốc phòng", "Hà Nội - Hải Phòng") ends the name.
fn fields_joined(doc: &Doc<'_>, start: usize, j: usize) -> bool {
    let tokens = &doc.tokens;
    let compound = |i: usize| {
        doc.is_cap(i)
            && !doc.is_cap(i + 1)
            && tokens[i + 1].space_before
            && doc.gazetteer.lexicon.contains(doc.lower(i, i + 2))
    };
    matches!(tokens[j].text, "-" | "–")
        && tokens[j].space_before
        && j >= start + 2
        && j + 3 <= tokens.len()
        && tokens[j + 1].space_before
        && compound(j - 2)
        && compound(j + 1)
}

/// "xe tay ga Yamaha NVX", "chiếc Rolls-Royce Phantom", "Honda SH 150":
/// a company named at tokens `first..=last` with a model after it names a
/// product, not the company: the model is a code (capitals or digits), or
/// a capitalised word when a word for a thing comes shortly before.
fn names_a_model(doc: &Doc<'_>, first: usize, last: usize, known: &Known) -> bool {
    if !known.is_company() || !doc.joined(last) {
        return false;
    }
    let next = last + 1;
    let Some(model) = doc.tokens.get(next) else {
        return false;
    };
    if doc.name_at(model.start).is_some() || head_at(doc, next).is_some() {
        return false;
    }
    // Not a team's age group ("U19", "U.20").
    let code = !age_group(model.text)
        && (doc.is_acronym(next)
            || (model.kind == TokenKind::Word && model.text.bytes().any(|b| b.is_ascii_digit())));
    let thing_before = (first.saturating_sub(3)..first)
        .any(|k| doc.cue_len_at(k, Cue::ThingBefore).is_some() && !doc.is_cap(k));
    // "FPT Play", "Samsung Pay": a word of products after the company.
    let product = doc.is_cap(next) && doc.gazetteer.foreign_words.get(model.text) == Some(&None);
    code || product || (thing_before && (doc.is_cap(next) || model.kind == TokenKind::Number))
}

/// "FPT Telecom", "Viettel Telecom": a listed company and a foreign word
/// of bodies right after it name one of its companies. The token after it.
fn company_of_listed(doc: &Doc<'_>, last: usize, known: &Known) -> Option<usize> {
    let next = last + 1;
    let word = doc.tokens.get(next)?;
    (known.is_company()
        && doc.joined(last)
        && doc.is_cap(next)
        && doc.name_at(word.start).is_none()
        && doc.gazetteer.foreign_words.get(word.text) == Some(&Some(EntityType::Organization)))
    .then_some(next + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn orgs(text: &str) -> Vec<String> {
        let mut got = crate::extract::proposed_texts(text, &[&OrganizationRecognizer]);
        got.sort();
        got.dedup();
        got
    }

    #[test]
    fn a_head_in_lower_case_opens_a_vietnamese_name_or_a_country_s_police() {
        let orgs = |text: &str| crate::extract::found_texts(text, EntityType::Organization);
        assert_eq!(
            orgs("Bệnh nhân được đưa đến bệnh viện Chợ Rẫy."),
            ["bệnh viện Chợ Rẫy"]
        );
        assert_eq!(
            orgs("Học sinh trường THPT An Dương đi tham quan."),
            ["trường THPT An Dương"]
        );
        assert_eq!(
            orgs("Bé học trường mầm non Sen Vàng."),
            ["trường mầm non Sen Vàng"]
        );
        assert_eq!(
            orgs("Sáng 4/6, cảnh sát Anh đã bắt giữ 12 đối tượng."),
            ["cảnh sát Anh"]
        );
        // Not of several, not closing a compound, not before an honorific
        // or a sentence run on, not a person after the police's country.
        assert!(orgs("Các bệnh viện Hà Nội quá tải.").is_empty());
        assert!(orgs("Hàng vào thị trường Mỹ tăng.").is_empty());
        assert!(orgs("Hai người gặp nhau ở phim trường Hậu duệ mặt trời.").is_empty());
        assert!(orgs("Đó là lỗ hổng của ngân hàng Thực tế đến nay vẫn còn.").is_empty());
        assert!(orgs("Lực lượng cảnh sát đã có mặt.").is_empty());
        assert_eq!(
            orgs("Tư lệnh cảnh sát Philippines Ronald Dela Rosa nói."),
            ["cảnh sát Philippines"]
        );
    }

    #[test]
    fn a_party_in_lower_case_is_named_with_its_word_and_not_its_members() {
        let orgs = |text: &str| crate::extract::found_texts(text, EntityType::Organization);
        assert_eq!(
            orgs("Đàm phán giữa đảng Bảo thủ và đảng Hợp nhất Dân chủ vẫn diễn ra."),
            ["đảng Bảo thủ", "đảng Hợp nhất Dân chủ"]
        );
        assert_eq!(
            orgs("Cựu tổng thống đảng Dân chủ Barack Obama lên tiếng."),
            ["đảng Dân chủ"]
        );
        // A foreign name after the word is the party alone.
        assert_eq!(orgs("Đảng viên đảng AKP cầm quyền phản đối."), ["AKP"]);
    }

    #[test]
    fn a_place_and_an_abbreviation_in_brackets_close_a_body_s_name() {
        let orgs = |text: &str| crate::extract::found_texts(text, EntityType::Organization);
        assert_eq!(
            orgs("Đề án do Viện Hàn lâm khoa học xã hội Việt Nam (HLKHXHVN) thực hiện."),
            ["Viện Hàn lâm khoa học xã hội Việt Nam", "HLKHXHVN"]
        );
        assert_eq!(
            orgs("Lực lượng trung thành với Chính phủ Hòa hợp dân tộc Libya (GNA) đã chiếm."),
            ["Chính phủ Hòa hợp dân tộc Libya", "GNA"]
        );
        assert_eq!(
            orgs("Trong tương quan này, Bộ Tư lệnh Lực lượng Đặc nhiệm của Mỹ (USSOCOM) cho biết."),
            ["Bộ Tư lệnh Lực lượng Đặc nhiệm của Mỹ", "USSOCOM"]
        );
        // A list of bodies is not one name; nor a place's own abbreviation.
        assert_eq!(
            orgs("Hội Mỹ nghệ và Chế biến gỗ Thành phố Hồ Chí Minh (HAWA), Hiệp hội Chế biến gỗ tỉnh Bình Dương (BIFA) dự họp."),
            [
                "Hội Mỹ nghệ và Chế biến gỗ Thành phố Hồ Chí Minh",
                "HAWA",
                "Hiệp hội Chế biến gỗ tỉnh Bình Dương",
                "BIFA"
            ]
        );
        assert!(orgs("Du khách đến Các tiểu vương quốc Arab thống nhất (UAE) đông.").is_empty());
    }

    #[test]
    fn the_sources_after_theo_at_a_line_s_end_are_bodies() {
        let orgs = |text: &str| crate::extract::found_texts(text, EntityType::Organization);
        assert_eq!(orgs("Giá vàng tăng.\nTheo Kiến Thức"), ["Kiến Thức"]);
        assert_eq!(orgs("Giá vàng tăng. (Theo Ngôi sao)"), ["Ngôi sao"]);
        assert_eq!(
            orgs("Giá vàng tăng. (Theo CNN, Daily Mail)"),
            ["CNN", "Daily Mail"]
        );
        assert_eq!(
            orgs("Lời bình.\nTheo Minh Nhật/Vnexpress.net"),
            ["Vnexpress.net"]
        );
        assert_eq!(
            orgs("ANTT.VN – Cơ quan Cảnh sát điều tra vừa ra quyết định."),
            ["ANTT.VN", "Cơ quan Cảnh sát điều tra"]
        );
        // Not a word after it in lower case, nor a clause that goes on.
        assert!(orgs("Giá vàng tăng (theo dõi)").is_empty());
        assert!(orgs("Theo Minh Hằng, chị gái anh, giá tăng.").is_empty());
    }

    #[test]
    fn a_service_s_abbreviation_is_a_body_with_its_place_only() {
        let orgs = |text: &str| crate::extract::found_texts(text, EntityType::Organization);
        assert_eq!(
            orgs("CSGT huyện Diễn Châu phối hợp với PCCC quận Bình Thạnh."),
            ["CSGT huyện Diễn Châu", "PCCC quận Bình Thạnh"]
        );
        assert_eq!(orgs("Hồ sơ thuộc BHXH TP Hà Nội."), ["BHXH TP Hà Nội"]);
        assert!(orgs("Người dân đóng BHXH đầy đủ, CSGT lập biên bản.").is_empty());
    }

    #[test]
    fn a_force_is_a_body_when_it_is_named() {
        let orgs = |text: &str| crate::extract::found_texts(text, EntityType::Organization);
        assert_eq!(
            orgs("Lực lượng Vệ binh Cách mạng Hồi giáo Iran lên tiếng."),
            ["Lực lượng Vệ binh Cách mạng Hồi giáo Iran"]
        );
        assert_eq!(orgs("Lực lượng Nujaba nã pháo."), ["Lực lượng Nujaba"]);
        assert!(orgs("Lực lượng Công an đã thu giữ 3 bánh heroin.").is_empty());
        assert!(orgs("Lực lượng Hải quan cho biết.").is_empty());
        assert!(orgs("Thủ lĩnh lực lượng an ninh Iran cho biết.").is_empty());
    }

    #[test]
    fn a_listed_body_with_a_word_in_lower_case_ends_a_name() {
        let orgs = |text: &str| crate::extract::found_texts(text, EntityType::Organization);
        assert_eq!(
            orgs("Ủy ban Khí hậu Liên hợp quốc họp."),
            ["Ủy ban Khí hậu Liên hợp quốc"]
        );
        assert_eq!(
            orgs("Ông là Ủy viên Ban Thường vụ Đoàn Thanh niên Bộ Xây dựng."),
            ["Ban Thường vụ Đoàn Thanh niên Bộ Xây dựng"]
        );
    }

    #[test]
    fn a_paper_named_by_an_ordinary_compound_is_the_paper() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Organization);
        assert_eq!(found("Tổng hợp theo báo Thanh niên."), ["Thanh niên"]);
        assert_eq!(
            found("Theo báo Người lao động, vụ việc xảy ra."),
            ["Người lao động"]
        );
        assert_eq!(
            found("Bộ VHTTDL chỉ đạo Cục Văn hóa cơ sở."),
            ["Bộ VHTTDL", "Cục Văn hóa cơ sở"]
        );
    }

    #[test]
    fn fields_joined_by_a_dash_are_one_name_but_two_bodies_are_two() {
        let orgs = crate::extract::found_texts(
            "Hiệp hội Cà phê - Ca cao Việt Nam, Trường Cao đẳng Kinh tế - Kỹ thuật và Bộ Công an - Bộ Quốc phòng",
            EntityType::Organization,
        );
        assert_eq!(
            orgs,
            [
                "Hiệp hội Cà phê - Ca cao Việt Nam",
                "Trường Cao đẳng Kinh tế - Kỹ thuật",
                "Bộ Công an",
                "Bộ Quốc phòng"
            ]
        );
    }

    #[test]
    fn a_listed_body_takes_the_country_after_it() {
        assert!(orgs("giữa Bộ Công an Lào và").contains(&"Bộ Công an Lào".to_string()));
    }

    #[test]
    fn a_head_word_opens_a_name_through_a_place() {
        assert_eq!(orgs("Bộ An ninh Lào đã"), ["Bộ An ninh Lào"]);
        assert_eq!(orgs("và Bộ Công an Việt Nam, ông"), ["Bộ Công an Việt Nam"]);
    }

    #[test]
    fn a_listed_body_takes_a_place_after_it_but_not_a_person() {
        let got = orgs("Thứ trưởng Bộ Công an Lương Tam Quang cho biết");
        assert!(got.contains(&"Bộ Công an".to_string()), "{got:?}");
        assert!(!got.iter().any(|o| o.contains("Lương")), "{got:?}");
        let got = orgs("hợp tác Bộ Công an Việt Nam-Lào tốt đẹp");
        assert!(!got.iter().any(|o| o.contains("Lào")), "{got:?}");
    }

    #[test]
    fn an_abbreviation_after_a_number_is_a_unit() {
        let got = |text: &str| crate::extract::found_texts(text, EntityType::Organization);
        assert!(got("gói cước 500 MB mỗi ngày").is_empty());
        assert_eq!(got("ngân hàng MB cho biết"), ["MB"]);
    }

    #[test]
    fn a_title_is_not_an_organisation() {
        assert!(orgs("Bộ trưởng Tô Lâm").is_empty());
    }

    #[test]
    fn an_embassy_is_a_body_not_its_head_s_title() {
        let found = crate::extract::Extractor::default().extract_text(
            "nhân viên Đại sứ quán Việt Nam tại Viêng Chăn và Đại sứ Việt Nam tại Lào",
        );
        let spans: Vec<(&str, EntityType, Option<&str>)> = found
            .iter()
            .map(|f| (f.text, f.kind, f.canonical.as_deref()))
            .collect();
        assert_eq!(
            spans,
            [
                (
                    "Đại sứ quán Việt Nam tại Viêng Chăn",
                    EntityType::Organization,
                    Some("Đại sứ quán Việt Nam tại Vientiane")
                ),
                ("Đại sứ Việt Nam", EntityType::Title, None),
                ("Việt Nam", EntityType::Location, Some("Việt Nam")),
                ("Lào", EntityType::Location, Some("Lào")),
            ]
        );
    }

    #[test]
    fn a_state_body_said_of_several_countries_is_no_mention() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Organization);
        assert!(found("hợp tác giữa hai Bộ Công an ngày càng sâu").is_empty());
        assert!(found("Bộ Công an hai nước cần tiếp tục").is_empty());
        assert!(found("Đoàn đại biểu hai Bộ Công an Việt Nam-Lào chụp ảnh").is_empty());
        assert_eq!(found("hai ngân hàng và Bộ Công an Lào"), ["Bộ Công an Lào"]);
    }

    #[test]
    fn a_surname_that_heads_bodies_opens_a_person_too() {
        let got = |text: &str| -> Vec<String> {
            let g = crate::extract::gazetteer::Gazetteer::shipped();
            let doc = Doc::new(text, g);
            let mut out = Vec::new();
            headed(&doc, &mut out);
            out.iter()
                .map(|p| text[p.start..p.end].to_string())
                .collect()
        };
        assert!(got("Theo ông Đoàn Quốc Huy, giá").is_empty());
        assert!(got("Thủ tướng tiếp Thượng tướng Phạm Trường Long, Phó Chủ tịch").is_empty());
        assert!(got("Cặp đôi Trường Giang và Nhã Phương").is_empty());
        assert_eq!(got("Bé được đưa vào Khoa Nhi điều trị"), ["Khoa Nhi"]);
        assert_eq!(
            got("Đoàn Thanh niên Cộng sản Hồ Chí Minh"),
            ["Đoàn Thanh niên Cộng sản Hồ Chí Minh"]
        );
        assert_eq!(got("Tại Trạm Y tế xã Ea Kly, chị"), ["Trạm Y tế xã Ea Kly"]);
    }

    #[test]
    fn no_body_opens_inside_a_listed_name() {
        let found = |text: &str, kind| crate::extract::found_texts(text, kind);
        let text = "Hà Lan cạnh tranh với Tây Ban Nha và Pháp.";
        assert!(found(text, EntityType::Organization).is_empty());
        assert_eq!(
            found(text, EntityType::Location),
            ["Hà Lan", "Tây Ban Nha", "Pháp"]
        );
    }

    #[test]
    fn a_listed_club_after_a_foreign_name_is_the_club() {
        let found = |text: &str, kind| crate::extract::found_texts(text, kind);
        let text = "Koke, Griezmann, Torres Real Madrid: Navas, Ramos.";
        assert_eq!(found(text, EntityType::Organization), ["Real Madrid"]);
        assert!(found(text, EntityType::Person).contains(&"Torres".to_string()));
    }

    #[test]
    fn a_country_opening_a_compound_stays_in_the_name() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Organization);
        assert_eq!(
            found("Viện Pháp y Quốc gia cho biết."),
            ["Viện Pháp y Quốc gia"]
        );
        assert_eq!(found("Ông là Bí thư Ban Cán sự Đảng."), ["Ban Cán sự Đảng"]);
        assert_eq!(
            found("Công ty Trách nhiệm hữu hạn Quốc tế Unilever Việt Nam bị phạt."),
            ["Công ty Trách nhiệm hữu hạn Quốc tế Unilever Việt Nam"]
        );
    }

    #[test]
    fn a_team_word_takes_the_age_group_after_it() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Organization);
        assert_eq!(
            found("Trận đấu giữa đội tuyển U15 Việt Nam và U15 Singapore."),
            ["đội tuyển U15 Việt Nam", "U15 Singapore"]
        );
    }

    #[test]
    fn a_police_department_is_named_by_its_code() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Organization);
        assert_eq!(
            found("Phòng Cảnh sát hình sự (PC45) đã bắt giữ nghi phạm."),
            ["Phòng Cảnh sát hình sự", "PC45"]
        );
        assert!(police_code("PA83") && police_code("PC02A"));
        assert!(!police_code("P45") && !police_code("PCR") && !police_code("PC456"));
    }

    #[test]
    fn a_site_is_named_by_its_domain() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Organization);
        assert_eq!(found("Nguồn: scmp.com"), ["scmp.com"]);
        assert!(web_domain("Traveller.com.au") && web_domain("zing.vn"));
        assert!(!web_domain("TP.HCM") && !web_domain("5.000") && !web_domain(".vn"));
    }

    #[test]
    fn what_a_body_works_on_is_its_name() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Organization);
        assert_eq!(
            found("Cục Kiểm soát hoạt động bảo vệ môi trường, Tổng cục Môi trường cho biết."),
            [
                "Cục Kiểm soát hoạt động bảo vệ môi trường",
                "Tổng cục Môi trường"
            ]
        );
        assert_eq!(
            found("Ban Chỉ đạo quốc gia vận động hiến máu tình nguyện sẽ tôn vinh họ."),
            ["Ban Chỉ đạo quốc gia vận động hiến máu tình nguyện"]
        );
        assert_eq!(
            found("Phòng Cảnh sát quản lý kinh tế và chức vụ đã vào cuộc."),
            ["Phòng Cảnh sát quản lý kinh tế và chức vụ"]
        );
        // The clause after the name is not its work, nor is a person after it.
        assert_eq!(
            found("Viện Nghiên cứu phòng chống ung thư khuyến cáo người dân."),
            ["Viện Nghiên cứu phòng chống ung thư"]
        );
        assert_eq!(found("Sở Y tế kiểm tra, xử lý vi phạm."), ["Sở Y tế"]);
        assert_eq!(
            found("Ban Kiểm soát nhiệm kỳ 2017 - 2022 họp."),
            ["Ban Kiểm soát"]
        );
    }

    #[test]
    fn common_words_run_on_to_the_place_or_the_abbreviation_that_closes_a_name() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Organization);
        assert_eq!(
            found("Ông là giảng viên Học viện Ngoại giao quốc gia Hàn Quốc."),
            ["Học viện Ngoại giao quốc gia Hàn Quốc"]
        );
        assert_eq!(
            found("Theo Cục Nghệ thuật biểu diễn (NTBD), chương trình bị dừng."),
            ["Cục Nghệ thuật biểu diễn", "NTBD"]
        );
        // A verb of the sentence between the name and a place.
        assert_eq!(
            found("Tập đoàn Samsung đầu tư Việt Nam từ lâu."),
            ["Tập đoàn Samsung"]
        );
        // An abbreviation that does not spell the words is another body.
        assert_eq!(
            found("Cục Nghệ thuật biểu diễn (VOV) đưa tin."),
            ["Cục Nghệ thuật biểu diễn", "VOV"]
        );
    }

    #[test]
    fn a_one_word_place_inside_a_run_of_names_does_not_end_it() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Organization);
        assert_eq!(
            found("Trường Đại học Tôn Đức Thắng tuyển sinh."),
            ["Trường Đại học Tôn Đức Thắng"]
        );
        assert_eq!(
            found("Bộ Công an Lào Vilay Lakhamphong"),
            ["Bộ Công an Lào"]
        );
    }

    #[test]
    fn a_company_with_a_model_after_it_names_a_product() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Organization);
        assert!(found("Doanh số của Yamaha NVX 155 giảm.").is_empty());
        assert!(found("Ông mua chiếc Rolls-Royce Phantom mới.").is_empty());
        // The company itself, its branch in a country, its team's age group, a paper.
        assert_eq!(found("Yamaha cho biết doanh số giảm."), ["Yamaha"]);
        assert_eq!(found("Ông làm cho Samsung Việt Nam."), ["Samsung Việt Nam"]);
        assert_eq!(found("Theo VOA News hôm qua."), ["VOA"]);
    }

    #[test]
    fn an_agency_s_descriptor_stays_out_wherever_it_is_capitalised() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Organization);
        assert_eq!(
            found("(Nguồn: EPA) Hãng thông tấn Yonhap dẫn lời giáo sư."),
            ["EPA", "Yonhap"]
        );
    }

    #[test]
    fn two_places_joined_by_a_dash_name_one_body() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Organization);
        assert_eq!(
            found("Ông điều trị tại Bệnh viện Việt Nam - Thụy Điển Uông Bí."),
            ["Bệnh viện Việt Nam - Thụy Điển Uông Bí"]
        );
        assert_eq!(
            found("Học sinh Trường THPT Chuyên Hà Nội - Amsterdam đoạt giải."),
            ["Trường THPT Chuyên Hà Nội - Amsterdam"]
        );
        // A listed body and the country of each side stay apart.
        assert_eq!(
            found("Hợp tác Bộ Công an Việt Nam - Lào tốt."),
            ["Bộ Công an Việt Nam"]
        );
    }

    #[test]
    fn the_police_of_a_named_unit_in_lower_case_is_its_body() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Organization);
        assert_eq!(
            found("Qua điều tra, công an Bình Phước nhận định."),
            ["công an Bình Phước"]
        );
        assert!(found("Cán bộ công an đến hiện trường.").is_empty());
    }

    #[test]
    fn common_words_right_after_a_head_go_on_to_a_place_that_closes_them() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Organization);
        assert_eq!(
            found("Đại diện Bảo tàng thiên nhiên Việt Nam và Liên đoàn bóng đá châu Âu đã đến."),
            ["Bảo tàng thiên nhiên Việt Nam", "Liên đoàn bóng đá châu Âu"]
        );
        assert_eq!(
            found("Các nhà khoa học ở Đại học Shanghai Jiao Tong đã công bố."),
            ["Đại học Shanghai Jiao Tong"]
        );
        // Generic words are no name, even with an abbreviation after them;
        // a given name is no head.
        assert!(found("Hội đồng quản trị (HĐQT) họp sáng nay.").is_empty());
        assert!(found("Năm ấy Khoa trở thành tay vợt Việt Nam số một.").is_empty());
    }

    #[test]
    fn and_right_after_a_head_joins_two_bodies_not_one_name() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Organization);
        assert!(found("Sự lãnh đạo của Đảng và Nhà nước ta rất quý.").is_empty());
        assert_eq!(
            found("Ông về Bộ Giáo dục và Đào tạo."),
            ["Bộ Giáo dục và Đào tạo"]
        );
    }

    #[test]
    fn a_party_committee_named_alone_is_a_body() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Organization);
        assert_eq!(
            found("Phó Bí thư Thường trực Thành ủy Ngô Thị Thanh Hằng phát biểu."),
            ["Thành ủy"]
        );
        // A member's title is none.
        assert!(found("Các đồng chí Thành ủy viên được luân chuyển.").is_empty());
    }

    #[test]
    fn an_age_group_s_side_may_be_a_territory() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Organization);
        assert_eq!(
            found("Trận đấu giữa U23 Hàn Quốc và U23 Macau diễn ra tối qua."),
            ["U23 Hàn Quốc", "U23 Macau"]
        );
        assert_eq!(
            found("Chánh văn phòng Nội các Nhật Bản phát biểu."),
            ["Nội các Nhật Bản"]
        );
    }

    #[test]
    fn a_region_s_command_takes_its_country_and_a_party_cell_its_body() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Organization);
        let people = |text: &str| crate::extract::found_texts(text, EntityType::Person);
        let text = "Bộ Tư lệnh Thái Bình Dương Mỹ đã phát hiện vật thể.";
        assert_eq!(found(text), ["Bộ Tư lệnh Thái Bình Dương Mỹ"]);
        assert!(people(text).is_empty());
        assert_eq!(
            found("Hạm đội Biển Đen của Nga rời cảng."),
            ["Hạm đội Biển Đen"]
        );
        assert_eq!(
            found("Tới đây Đảng bộ Bệnh viện đa khoa Thường Xuân sẽ họp."),
            ["Đảng bộ Bệnh viện đa khoa Thường Xuân"]
        );
        assert_eq!(
            found("Đảng ủy Công an tỉnh đã chỉ đạo."),
            ["Đảng ủy Công an tỉnh"]
        );
        assert_eq!(found("Đảng bộ tỉnh đã họp."), ["Đảng bộ tỉnh"]);
        assert_eq!(
            found("Giải do Liên đoàn Bóng đá thế giới tổ chức."),
            ["Liên đoàn Bóng đá thế giới"]
        );
        assert_eq!(
            found("Bé được cho bú tại phòng họp Thượng viện."),
            ["Thượng viện"]
        );
        assert_eq!(
            found("Theo Cơ quan tình báo Trung ương Mỹ, ông đã đi."),
            ["Cơ quan tình báo Trung ương Mỹ"]
        );
    }

    #[test]
    fn a_company_word_after_a_listed_company_names_its_company_and_a_product_word_none() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Organization);
        assert_eq!(
            found("Viễn thông FPT (FPT Telecom) công bố, FPT Play có mặt."),
            ["FPT", "FPT Telecom"]
        );
        assert_eq!(
            found("Công nhân của Yamaha Motor Việt Nam nghỉ."),
            ["Yamaha Motor Việt Nam"]
        );
        // A police department by its code before 2018.
        assert_eq!(
            found("Cục Cảnh sát điều tra (C46) truy nã ông."),
            ["Cục Cảnh sát điều tra", "C46"]
        );
    }

    #[test]
    fn a_company_s_trade_after_its_legal_form_runs_on_to_its_name() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Organization);
        let people = |text: &str| crate::extract::found_texts(text, EntityType::Person);
        let text = "Công ty TNHH MTV sản xuất thương mại Hoàng Long cho biết.";
        assert_eq!(
            found(text),
            ["Công ty TNHH MTV sản xuất thương mại Hoàng Long"]
        );
        assert!(people(text).is_empty());
        assert_eq!(
            found("Giám đốc Công ty TNHH xử lý nước Trâm Anh bị bắt."),
            ["Công ty TNHH xử lý nước Trâm Anh"]
        );
        assert_eq!(
            found("Công ty TNHH thương mại và xây dựng Thuận Việt nộp thuế."),
            ["Công ty TNHH thương mại và xây dựng Thuận Việt"]
        );
        // Not a sentence after the legal form.
        assert!(found("Công ty CP đầu tư vào Hà Nội.").is_empty());
    }

    #[test]
    fn a_foreign_paper_is_named_without_the_word_for_it() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Organization);
        assert_eq!(
            found("Tờ Daily Mirror cho biết Costa sẽ ra đi."),
            ["Daily Mirror"]
        );
        assert_eq!(found("Báo Washington Post đưa tin."), ["Washington Post"]);
        assert_eq!(
            found("Mới đây, tờ The Boston Globe đưa tin."),
            ["The Boston Globe"]
        );
        assert_eq!(
            found("Theo trang Football London, đội bóng muốn mua."),
            ["Football London"]
        );
        assert_eq!(found("Theo báo GĐ&XH, vụ việc xảy ra."), ["GĐ&XH"]);
        // A word closing a compound is no word for a paper; a country
        // first is the paper's country.
        assert!(found("Nhà báo Jorge Nicola tiết lộ.").is_empty());
        assert!(found("Họ viếng nghĩa trang Piskaryovskoye.").is_empty());
        assert_eq!(
            found("Theo báo Anh Daily Mail, vụ việc xảy ra."),
            ["Daily Mail"]
        );
        // A Vietnamese paper keeps its word.
        assert_eq!(found("Báo Quảng Ninh đưa tin."), ["Báo Quảng Ninh"]);
    }

    #[test]
    fn the_city_of_a_body_may_be_named_by_its_abbreviation_alone() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Organization);
        assert_eq!(
            found("Theo ông Liêm, UBND TP đã 3 lần kiến nghị."),
            ["UBND TP"]
        );
        assert_eq!(
            found("Phó chủ tịch UBND TP Lê Thanh Liêm cho biết."),
            ["UBND TP"]
        );
        assert_eq!(
            found("Chủ tịch UBND TP Hà Nội Chu Ngọc Anh vừa ký quyết định."),
            ["UBND TP Hà Nội"]
        );
        assert_eq!(
            found("Chủ tịch UBND TP. Đà Nẵng cho biết."),
            ["UBND TP. Đà Nẵng"]
        );
    }

    #[test]
    fn an_investigating_agency_is_named_alone_and_a_body_s_work_runs_on() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Organization);
        assert_eq!(
            found("Cơ quan Cảnh sát điều tra đã khởi tố vụ án."),
            ["Cơ quan Cảnh sát điều tra"]
        );
        assert_eq!(
            found("Theo cơ quan CSĐT Công an TP. Kon Tum, vụ việc xảy ra."),
            ["cơ quan CSĐT Công an TP. Kon Tum"]
        );
        assert_eq!(
            found("Bệnh nhân nằm ở Khoa Hồi sức tích cực."),
            ["Khoa Hồi sức tích cực"]
        );
        assert_eq!(
            found("Cơ quan Thi hành án hình sự Liên bang Nga cho biết."),
            ["Cơ quan Thi hành án hình sự Liên bang Nga"]
        );
        assert_eq!(
            found("Hồ sơ gửi Ủy ban Kiểm tra theo quy định."),
            ["Ủy ban Kiểm tra"]
        );
        assert_eq!(
            found("Ông Viên là Chi cục trưởng Chi cục bảo vệ môi trường."),
            ["Chi cục bảo vệ môi trường"]
        );
        assert_eq!(
            found("Đơn vị đã có văn bản gửi Trung tâm phát triển quỹ đất của tỉnh."),
            ["Trung tâm phát triển quỹ đất"]
        );
    }

    #[test]
    fn a_generic_abbreviation_alone_names_no_body() {
        let found = |text: &str| crate::extract::found_texts(text, EntityType::Organization);
        assert!(found("Anh cảm ơn CLB và BV đã giúp đỡ.").is_empty());
        assert_eq!(found("Sáng nay UBND đã họp."), ["UBND"]);
        assert!(found("Nhóm II và Nhóm III có nguy cơ thấp.").is_empty());
    }
}
