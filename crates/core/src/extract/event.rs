//! Named events. A listed event is one by its name alone ("Tết", "SEA
//! Games", "Quốc khánh"); a head word ("Đại hội", "Hội nghị", "Giải") is
//! one only with its name after it. Either takes what follows as part of
//! its name: capitalised words, numbers, years and seasons, Roman numerals,
//! "lần thứ …", the body and term of a session ("Kỳ họp thứ 10, Quốc hội
//! khóa XV"), and the lower-case words of official names ("toàn quốc",
//! "bóng đá vô địch quốc gia"). A named storm is its name after "bão".

use crate::entity::EntityType;
use crate::extract::gazetteer::{Cue, WordRole};
use crate::extract::token::TokenKind;
use crate::extract::{Doc, Evidence, Proposal, Recognizer};

pub struct EventRecognizer;

const MAX_NAME_TOKENS: usize = 16;

fn is_roman(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))
}

impl Recognizer for EventRecognizer {
    fn propose(&self, doc: &Doc<'_>, found: &[Proposal], out: &mut Vec<Proposal>) {
        let tokens = &doc.tokens;
        // Organisations and places proposed before, by where they start,
        // worked out at the first event word: most texts have none.
        let mut bodies: Option<Vec<(usize, usize)>> = None;
        let mut i = 0;
        while i < tokens.len() {
            if !doc.is_cap(i) {
                if tokens[i].text == "bão" {
                    if let Some(end) = storm_name_end(doc, i + 1) {
                        push(doc, out, i + 1, end, Evidence::Cue);
                        i = end;
                        continue;
                    }
                }
                i += 1;
                continue;
            }
            let Some((head, listed)) = event_word_at(doc, i) else {
                i += 1;
                continue;
            };
            let bodies = bodies.get_or_insert_with(|| bodies_in(doc, found));
            let name = name_at(doc, bodies, i + head);
            let end = name.end.max(i + head);
            let session = doc
                .gazetteer
                .rule_words
                .has(WordRole::SessionHead, doc.lower(i, i + head));
            let event = if listed {
                true
            } else if session {
                name.body
            } else {
                name.end > i + head && !is_prize(doc, i, head)
            };
            // "Đại hội Đảng các cấp": congresses at every level, no one event.
            let generic = doc.lower_phrase_len(end, "các cấp").is_some()
                || doc.lower(i, (i + 3).min(tokens.len())) == "đại hội đồng";
            if event && !generic {
                let evidence = if listed {
                    Evidence::Known
                } else {
                    Evidence::Cue
                };
                push(doc, out, i, end, evidence);
                i = end;
            } else {
                i += 1;
            }
        }
        named_before_tail(doc, out);
    }
}

/// "VTV Cup", "Madrid Open", "PPA Tour Asia Vietnam Cup 2025": one to five
/// capitalised words, then a word that ends a tournament's name, and its
/// year; the place or body in its words is no mention of its own.
fn named_before_tail(doc: &Doc<'_>, out: &mut Vec<Proposal>) {
    let tokens = &doc.tokens;
    for k in 1..tokens.len() {
        // Cheap first: the tail and the word before it are capitalised.
        if !doc.is_cap(k)
            || !doc.is_cap(k - 1)
            || !tokens[k].space_before
            || !doc
                .gazetteer
                .rule_words
                .has(WordRole::EventTail, tokens[k].text)
        {
            continue;
        }
        let mut start = k;
        while start > 0
            && k - start < 5
            && doc.is_cap(start - 1)
            && doc.joined(start - 1)
            && !doc.sentence_start[start]
        {
            start -= 1;
        }
        if start == k {
            continue;
        }
        let mut end = k + 1;
        if tokens
            .get(end)
            .is_some_and(|t| t.kind == TokenKind::Number && t.space_before && t.text.len() == 4)
        {
            end += 1;
        }
        push(doc, out, start, end, Evidence::Cue);
    }
}

fn push(doc: &Doc<'_>, out: &mut Vec<Proposal>, start: usize, end: usize, evidence: Evidence) {
    out.push(Proposal {
        start: doc.tokens[start].start,
        end: doc.tokens[end - 1].end,
        kind: EntityType::Event,
        evidence,
        canonical: None,
    });
}

/// The event word at token `i`: its length in tokens, and whether it is a
/// listed event (an event alone) rather than a head that needs a name.
fn event_word_at(doc: &Doc<'_>, i: usize) -> Option<(usize, bool)> {
    // "V-League": a listed name joined by a hyphen, which cues never span.
    let tokens = &doc.tokens;
    if tokens
        .get(i + 1)
        .is_some_and(|t| t.text == "-" && !t.space_before)
        && tokens
            .get(i + 2)
            .is_some_and(|t| t.kind == TokenKind::Word && !t.space_before)
    {
        let joined = doc.lower(i, i + 3);
        if doc.gazetteer.is_cue(joined, Cue::EventName) {
            return Some((3, true));
        }
        if doc.gazetteer.is_cue(joined, Cue::EventHead) {
            return Some((3, false));
        }
    }
    let listed = doc.cue_len_at(i, Cue::EventName).unwrap_or(0);
    let head = doc.cue_len_at(i, Cue::EventHead).unwrap_or(0);
    match (listed, head) {
        (0, 0) => None,
        (l, h) if l >= h => Some((l, true)),
        (_, h) => Some((h, false)),
    }
}

/// "Giải Nhất", "Giải Khuyến khích": a prize.
fn is_prize(doc: &Doc<'_>, i: usize, head: usize) -> bool {
    doc.lower(i, i + head) == "giải" && doc.rule_word_len(i + head, WordRole::Prize).is_some()
}

/// Organisations and places proposed by earlier recognizers, as token
/// ranges sorted by their first token, longest first.
fn bodies_in(doc: &Doc<'_>, found: &[Proposal]) -> Vec<(usize, usize)> {
    let mut bodies: Vec<(usize, usize)> = found
        .iter()
        .filter(|p| matches!(p.kind, EntityType::Organization | EntityType::Location))
        .filter_map(|p| Some((doc.token_at(p.start)?, doc.token_ending_at(p.end)? + 1)))
        .collect();
    bodies.sort_unstable_by_key(|&(s, e)| (s, std::cmp::Reverse(e)));
    bodies
}

/// The longest organisation or place proposed from token `j`: the token after it.
fn body_end(bodies: &[(usize, usize)], j: usize) -> Option<usize> {
    let k = bodies.partition_point(|&(s, _)| s < j);
    bodies.get(k).filter(|&&(s, _)| s == j).map(|&(_, e)| e)
}

/// The name after an event word.
struct Name {
    /// The token after the name's last token (its start if there is no name).
    end: usize,
    /// It holds a capitalised word or a body ("Quốc hội"), not only a number.
    body: bool,
}

/// "lần thứ 10", "thứ XIV", "lần thứ nhất", "khóa XV" at token `j`: the token after it.
fn numbered_end(doc: &Doc<'_>, j: usize) -> Option<usize> {
    let n = doc
        .lower_phrase_len(j, "lần thứ")
        .or_else(|| doc.lower_phrase_len(j, "thứ"))
        .or_else(|| doc.lower_phrase_len(j, "khóa"))?;
    let t = doc.tokens.get(j + n)?;
    let ordinal = t.kind == TokenKind::Number
        || is_roman(t.text)
        || doc.gazetteer.rule_words.has(WordRole::Ordinal, t.text) && doc.lower(j, j + n) != "khóa";
    // "lần thứ hai liên tiếp": the second time running, not the event's number.
    let running = doc.lower_phrase_len(j + n + 1, "liên tiếp").is_some();
    (ordinal && t.space_before && !running).then_some(j + n + 1)
}

/// A number that belongs to the name at token `j` (not a count, "80 năm"),
/// with a season's second year ("2025-2026"): the token after it.
fn number_end(doc: &Doc<'_>, j: usize) -> Option<usize> {
    let tokens = &doc.tokens;
    if tokens[j].kind != TokenKind::Number {
        return None;
    }
    let mut end = j + 1;
    if tokens
        .get(end)
        .is_some_and(|t| matches!(t.text, "-" | "–") && !t.space_before)
        && tokens
            .get(end + 1)
            .is_some_and(|t| t.kind == TokenKind::Number && !t.space_before)
    {
        end += 2;
    }
    // A date ("2/9") counts nothing.
    let counted = tokens[j].text.bytes().all(|b| b.is_ascii_digit())
        && tokens.get(end).is_some_and(|t| t.space_before)
        && doc.rule_word_len(end, WordRole::EventCounter).is_some();
    (!counted).then_some(end)
}

/// A word of `role` written lower-case at token `j`: its length.
fn phrase_at(doc: &Doc<'_>, j: usize, role: WordRole) -> Option<usize> {
    if doc.is_cap(j) {
        return None;
    }
    doc.rule_word_len(j, role)
}

fn name_at(doc: &Doc<'_>, bodies: &[(usize, usize)], start: usize) -> Name {
    let tokens = &doc.tokens;
    let mut name = Name {
        end: start,
        body: false,
    };
    let mut j = start;
    // Carrying words since the last word that may end the name.
    let mut carried = 0;
    // After "về": the topic, capitalised words joined by "và".
    let mut topic = false;
    // After a number or year the name is whole but for its term ("Hội nghị
    // Trung ương 11 khóa XIII"), not "World Cup 2030 khu vực châu Á".
    let mut numbered = false;
    while j < tokens.len() && j - start < MAX_NAME_TOKENS {
        // "Kỳ họp thứ 10, Quốc hội khóa XV": a session's body and term after a comma.
        if tokens[j].text == "," && name.end == j && j > start {
            match session_body_end(doc, bodies, j + 1) {
                Some(end) => {
                    j = end;
                    name.end = end;
                    name.body = true;
                    continue;
                }
                None => break,
            }
        }
        if !tokens[j].space_before {
            break;
        }
        let ends_here = name.end == j;
        let next = if let Some(end) = numbered_end(doc, j) {
            Some(end)
        } else if numbered {
            None
        } else if let (true, Some(n)) = (
            tokens.get(j + 1).is_some_and(|t| t.text.len() == 4),
            doc.lower_phrase_len(j, "năm"),
        ) {
            // "năm 2025" inside the name.
            let end = number_end(doc, j + n).filter(|_| tokens[j + n].space_before);
            numbered |= end.is_some();
            end
        } else if let Some(end) = body_end(bodies, j).filter(|_| {
            // A body or place spelt from a lower-case word ("tỉnh Gia Lai")
            // goes on a capitalised name ("Đảng bộ tỉnh Gia Lai"), not a number.
            doc.is_cap(j) || (j > start && doc.is_cap(j - 1) && ends_here)
        }) {
            name.body = true;
            Some(end)
        } else if doc.is_cap(j) {
            name.body = true;
            Some(j + 1)
        } else if let Some(end) = number_end(doc, j) {
            numbered = true;
            Some(end)
        } else if let Some(n) = phrase_at(doc, j, WordRole::EventEnding) {
            Some(j + n)
        } else if j > start && doc.is_cap(j - 1) && ends_here && compound(doc, j) {
            // "Vật lý", "Trung ương": a compound opened by a capitalised word.
            Some(j + 1)
        } else if j >= start + 2
            && ends_here
            && doc.is_cap(j - 2)
            && !doc.is_cap(j - 1)
            && compound(doc, j - 1)
            && doc
                .gazetteer
                .rule_words
                .has(WordRole::EventColour, doc.low(j))
        {
            // "Mùa hè xanh", "Hoa phượng đỏ", "Bàn tay vàng": a colour after
            // that compound, in a name written in sentence case.
            Some(j + 1)
        } else {
            None
        };
        if let Some(end) = next {
            j = end;
            name.end = end;
            carried = 0;
            continue;
        }
        if let Some(n) = phrase_at(doc, j, WordRole::EventCarrying).filter(|_| !numbered) {
            carried += n;
            if carried > 4 {
                break;
            }
            j += n;
            continue;
        }
        // "Hội thảo quốc tế về Vi mạch và Bán dẫn": a capitalised topic.
        let joiner = if topic { "và" } else { "về" };
        let joins_topic = ends_here && doc.low(j) == joiner;
        if joins_topic && doc.is_cap(j + 1) && tokens[j + 1].space_before {
            topic = true;
            j += 1;
            continue;
        }
        break;
    }
    name
}

/// Token `j` ends a compound word opened by the capitalised word before it ("Quốc hội").
fn compound(doc: &Doc<'_>, j: usize) -> bool {
    doc.gazetteer.lexicon.contains(doc.lower(j - 1, j + 1))
}

/// After a comma at `j - 1`: a body and its term ("Quốc hội khóa XV"), the token after them.
fn session_body_end(doc: &Doc<'_>, bodies: &[(usize, usize)], j: usize) -> Option<usize> {
    if !doc.is_cap(j) {
        return None;
    }
    let mut k = body_end(bodies, j).unwrap_or(j);
    while doc.tokens.get(k).is_some_and(|t| t.space_before)
        && (doc.is_cap(k) || (k > j && doc.is_cap(k - 1) && compound(doc, k)))
    {
        k += 1;
    }
    (doc.lower_phrase_len(k, "khóa").is_some())
        .then(|| numbered_end(doc, k))
        .flatten()
}

/// "bão Kajiki", "siêu bão Yagi": the storm's name from token `j`, not
/// "bão số 5", nor a listed place after the word ("bão Hà Nội").
fn storm_name_end(doc: &Doc<'_>, j: usize) -> Option<usize> {
    let t = doc.tokens.get(j)?;
    if !doc.is_cap(j)
        || !t.space_before
        || doc.is_acronym(j)
        || doc.sentence_start[j]
        || doc.low(j) == "số"
        || doc.name_at(t.start).is_some()
    {
        return None;
    }
    let end = if doc.is_cap(j + 1) && doc.joined(j) && doc.tokens[j + 1].space_before {
        j + 2
    } else {
        j + 1
    };
    Some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(text: &str) -> Vec<String> {
        crate::extract::proposed_texts(text, &[&EventRecognizer])
    }

    #[test]
    fn a_tournament_is_named_by_its_words_and_a_cup_or_an_open() {
        let found = |text: &str, kind| crate::extract::found_texts(text, kind);
        assert_eq!(
            found("Nadal vào chung kết Madrid Open.", EntityType::Event),
            ["Madrid Open"]
        );
        assert!(found("Nadal vào chung kết Madrid Open.", EntityType::Location).is_empty());
        assert_eq!(
            found("Tuyển trẻ tham dự VTV Cup 2017.", EntityType::Event),
            ["VTV Cup 2017"]
        );
        // Opening a sentence, the word is no tail.
        assert!(events("Open Society tài trợ.").is_empty());
    }

    #[test]
    fn congresses_take_their_number() {
        assert_eq!(
            events("tiến tới Đại hội Đảng toàn quốc lần thứ 10 vào đầu năm"),
            ["Đại hội Đảng toàn quốc lần thứ 10"]
        );
        assert_eq!(events("Nghị quyết Đại hội XI của Đảng"), ["Đại hội XI"]);
        assert_eq!(events("nhân dịp Quốc khánh nước"), ["Quốc khánh"]);
    }

    #[test]
    fn a_generic_meeting_is_not_an_event() {
        assert!(events("tại Hội nghị, hai bên").is_empty());
        // A head opening a sentence with nothing name-like after it.
        assert!(events("Hội nghị thảo luận nhiều nội dung.").is_empty());
    }

    #[test]
    fn congresses_at_every_level_are_no_one_event() {
        assert!(events("tổ chức thành công Đại hội Đảng các cấp").is_empty());
    }

    #[test]
    fn a_congress_name_ends_before_its_term() {
        assert_eq!(
            events("Đại hội Đảng toàn quốc lần thứ XIV, nhiệm kỳ 2026-2031"),
            ["Đại hội Đảng toàn quốc lần thứ XIV"]
        );
    }

    #[test]
    fn listed_events_stand_alone_and_take_their_number_or_date() {
        assert_eq!(events("sau Tết, giá rau giảm"), ["Tết"]);
        assert_eq!(events("dịp Quốc khánh 2/9 năm nay"), ["Quốc khánh 2/9"]);
        assert_eq!(events("tại SEA Games 33 ở Thái Lan"), ["SEA Games 33"]);
        assert_eq!(events("vô địch Seagame 31"), ["Seagame 31"]);
        assert_eq!(
            events("kỳ nghỉ Tết Nguyên đán Ất Tỵ 2025 kéo dài"),
            ["Tết Nguyên đán Ất Tỵ 2025"]
        );
    }

    #[test]
    fn a_hyphenated_league_takes_its_season() {
        assert_eq!(events("vòng 5 V-League 2025/26 có"), ["V-League 2025/26"]);
        assert_eq!(
            events("V-League 2025-2026 khởi tranh"),
            ["V-League 2025-2026"]
        );
    }

    #[test]
    fn a_series_is_an_event_only_with_its_number() {
        assert_eq!(events("tổ chức APEC 2027 tại"), ["APEC 2027"]);
        assert!(events("các nền kinh tế APEC cam kết").is_empty());
    }

    #[test]
    fn a_name_is_whole_after_its_number_but_for_its_term() {
        assert_eq!(
            events("vòng loại SEA Games 33 khu vực Đông Nam Á"),
            ["SEA Games 33"]
        );
        assert_eq!(
            events("Hội nghị Trung Ương 11 khóa XIII bế mạc"),
            ["Hội nghị Trung Ương 11 khóa XIII"]
        );
        // "lần thứ hai liên tiếp" counts the times, it is not the event's number.
        assert_eq!(
            events("vô địch Đại hội Thể Thao lần thứ hai liên tiếp"),
            ["Đại hội Thể Thao"]
        );
    }

    #[test]
    fn a_count_after_a_number_is_not_the_name() {
        assert!(events("Hội nghị 80 năm qua").is_empty());
    }

    #[test]
    fn lower_case_words_of_official_names_carry_it_to_its_end() {
        assert_eq!(
            events("xem Lễ hội pháo hoa quốc tế Đà Nẵng năm nay"),
            ["Lễ hội pháo hoa quốc tế Đà Nẵng"]
        );
        assert_eq!(
            events("Hội nghị hợp tác an ninh lần thứ 13 diễn ra"),
            ["Hội nghị hợp tác an ninh lần thứ 13"]
        );
        // Carrying words alone do not make a name.
        assert!(events("Hội nghị hợp tác diễn ra").is_empty());
    }

    #[test]
    fn a_session_needs_its_body() {
        assert!(events("Kỳ họp thứ 10 sẽ khai mạc").is_empty());
        assert_eq!(
            events("khai mạc Kỳ họp thứ nhất, HĐND Tỉnh khóa XIII tại"),
            ["Kỳ họp thứ nhất, HĐND Tỉnh khóa XIII"]
        );
    }

    #[test]
    fn a_topic_after_ve_is_part_of_the_name() {
        assert_eq!(
            events("Hội nghị quốc tế về Vi Mạch và Bán Dẫn khai mạc"),
            ["Hội nghị quốc tế về Vi Mạch và Bán Dẫn"]
        );
    }

    #[test]
    fn a_colour_ends_a_name_written_in_sentence_case() {
        let events = |text: &str| crate::extract::found_texts(text, EntityType::Event);
        assert_eq!(
            events("Chiến dịch Mùa hè xanh năm nay và Lễ hội Hoa phượng đỏ Hải Phòng"),
            ["Chiến dịch Mùa hè xanh", "Lễ hội Hoa phượng đỏ Hải Phòng"]
        );
        // A colour not after a compound opened by a capital is not the name's.
        assert_eq!(events("Lễ hội Đền Hùng đỏ rực cờ hoa"), ["Lễ hội Đền Hùng"]);
    }

    #[test]
    fn a_named_storm_is_its_name() {
        assert_eq!(events("cơn bão Kajiki đổ bộ"), ["Kajiki"]);
        assert!(events("bão số 5 đổ bộ").is_empty());
    }

    #[test]
    fn a_prize_is_not_a_tournament() {
        assert!(events("Giải Nhất thuộc về").is_empty());
    }

    #[test]
    fn a_general_assembly_is_a_body() {
        assert!(events("Đại hội đồng cổ đông thường niên").is_empty());
    }
}
