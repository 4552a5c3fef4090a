//! Where a sentence ends in Vietnamese news text: the one splitter behind
//! the sentence starts of extraction ([`crate::extract::Doc`]), a mention in
//! its sentence ([`crate::highlight::in_context`]), the title made from an
//! article's opening sentence, and the clause before a date.
//!
//! A sentence ends at a full stop, question or exclamation mark or ellipsis
//! ("…", "...", the closing "./.") that is followed by the end of the text, a
//! line break, or a space and anything but a lower-case word. The quotes and
//! brackets closing right after the stop belong to the sentence that ends
//! ("… đến Lào.” Ông"). These stops do not end one:
//! - a stop inside a word or number: "TP.HCM", "1.000", "5.3", "Chinhphu.vn";
//! - a stop before a lower-case word: "… rồi", "“Đi!” anh nói";
//! - the full stop of an abbreviation written before a name: "TP. Hồ Chí
//!   Minh", "PGS.TS. Nguyễn Văn An", "Mr. Smith" (`data/abbreviations.txt`);
//! - an elision in brackets: "(...)", "[…]";
//! - the full stop of an initial ("A.", "Đ.", "Ch.", "N.V.A.") before a
//!   number or a bracket ("Nguyễn Văn A. (35 tuổi)"), before another initial
//!   ("George H. W. Bush"), inside a foreign name, before a word that cannot
//!   be a Vietnamese syllable ("George W. Bush", "Harry J. Kazianis"), or
//!   abbreviating a district, ward or commune before its name ("H. Vĩnh
//!   Thạnh", "Q. Hai Bà Trưng").
//!
//! A Vietnamese name abbreviates its last syllable ("Nguyễn Văn H."), so a
//! capital after an initial that ends a Vietnamese name opens the next
//! sentence ("Nguyễn Văn H. Tại cơ quan điều tra, …"), as it does after a
//! label ("30 độ C. Nhiệt độ …", "Serie A. Trong khi đó"). A Vietnamese
//! name with an initial inside ("Nguyễn H. Nam") is rare, and is read as
//! two sentences.

use std::ops::Range;
use std::sync::OnceLock;

/// Abbreviations whose full stop never ends a sentence, one a line: the
/// data file without its comment lines, which the program never reads.
const ABBREVIATIONS: &str = match std::str::from_utf8(&LISTED) {
    Ok(text) => text,
    Err(_) => panic!("a line of abbreviations.txt cut inside a character"),
};
const FILE: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/abbreviations.txt"
));
const LISTED: [u8; uncommented(FILE, &mut [])] = {
    let mut out = [0; uncommented(FILE, &mut [])];
    uncommented(FILE, &mut out);
    out
};

/// Copies the lines of `file` that are not comments (`#…`) into `out`,
/// as far as it reaches, and gives their length.
const fn uncommented(file: &[u8], out: &mut [u8]) -> usize {
    let (mut at, mut len, mut line_start) = (0, 0, true);
    let mut comment = false;
    while at < file.len() {
        if line_start {
            comment = file[at] == b'#';
        }
        if !comment {
            if len < out.len() {
                out[len] = file[at];
            }
            len += 1;
        }
        line_start = file[at] == b'\n';
        at += 1;
    }
    len
}

/// Whether `c` can end a sentence.
pub fn is_stop(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// A quote or bracket that closes what the stop before it ended.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»')
}

/// If the stop at byte `at` of `text` ends a sentence, the byte where that
/// sentence ends: after the run of stops it is part of ("...", "?!", "./.")
/// and the quotes and brackets that close right after it. `None` when the
/// character at `at` is no stop, or its sentence goes on.
pub fn end_at(text: &str, at: usize) -> Option<usize> {
    if !text.get(at..)?.starts_with(is_stop) {
        return None;
    }
    let run_start = text[..at].trim_end_matches(is_stop).len();
    let mut run_end = at;
    loop {
        let rest = &text[run_end..];
        match rest.chars().next() {
            Some(c) if is_stop(c) => run_end += c.len_utf8(),
            // The closing mark of wire copy, "./.".
            Some('/') if rest.starts_with("/.") && text[..run_end].ends_with('.') => run_end += 2,
            _ => break,
        }
    }
    // "(...)": words left out of a quotation, inside the sentence.
    if text[..run_start].ends_with(['(', '[']) {
        return None;
    }
    let closed = text.len() - text[run_end..].trim_start_matches(is_closer).len();
    let after = &text[closed..];
    let next = after.trim_start();
    let gap = &after[..after.len() - next.len()];
    if next.is_empty() || gap.contains('\n') {
        return Some(closed);
    }
    let run = &text[run_start..run_end];
    let first = next.chars().next().unwrap_or(' ');
    if gap.is_empty() {
        // "TP.HCM", "1.000": a full stop between letters or digits is inside
        // a word. Other stops end a sentence before a capital even without
        // the space ("… nhỉ?Tối", "… cảm xúc .Đưa").
        let inside_word =
            run == "." && closed == run_end && text[..run_start].ends_with(char::is_alphanumeric);
        return (!inside_word && first.is_uppercase()).then_some(closed);
    }
    if first.is_lowercase() {
        return None;
    }
    // A lone full stop, nothing closed after it: it may be an abbreviation's.
    if run == "." && closed == run_end {
        let word = word_before(&text[..run_start]);
        if is_abbreviation(word) {
            return None;
        }
        if is_initials(word) && name_goes_on(&text[..run_start - word.len()], word, next) {
            return None;
        }
    }
    Some(closed)
}

/// The byte where the sentence holding byte `at` starts: after the last
/// sentence end or line break before it.
pub fn start_of(text: &str, at: usize) -> usize {
    text[..at]
        .char_indices()
        .rev()
        .find_map(|(i, c)| match c {
            '\n' => Some(i + 1),
            _ if is_stop(c) => end_at(text, i).filter(|&end| end <= at),
            _ => None,
        })
        .unwrap_or(0)
}

/// The byte where the sentence holding byte `at` ends: after its stop and
/// what closes it, before a line break, or at the end of the text.
pub fn end_of(text: &str, at: usize) -> usize {
    text[at..]
        .char_indices()
        .find_map(|(i, c)| match c {
            '\n' => Some(at + i),
            _ if is_stop(c) => end_at(text, at + i),
            _ => None,
        })
        .unwrap_or(text.len())
}

/// The sentence around the byte range `start..end` (which may hold stops
/// of its own), as a byte range of `text`.
pub fn around(text: &str, start: usize, end: usize) -> Range<usize> {
    start_of(text, start)..end_of(text, end)
}

/// The text's first sentence, with its stop.
pub fn first(text: &str) -> &str {
    &text[..end_of(text, 0)]
}

/// The word just before a stop: its letters and digits, and the dots
/// inside it ("PGS.TS", "N.V.A", "TP.HCM", "2020").
fn word_before(text: &str) -> &str {
    let start = text
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '.')
        .last()
        .map_or(text.len(), |(i, _)| i);
    text[start..].trim_start_matches('.')
}

/// Listed, or every part of it between dots listed ("PGS.TS").
fn is_abbreviation(word: &str) -> bool {
    static LISTED: OnceLock<Vec<&'static str>> = OnceLock::new();
    let listed = LISTED.get_or_init(|| {
        let mut rows: Vec<&str> = ABBREVIATIONS
            .lines()
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .collect();
        crate::sort::sort(&mut rows);
        rows
    });
    let is_listed = |w: &str| listed.binary_search(&w).is_ok();
    is_listed(word) || (word.contains('.') && word.split('.').all(is_listed))
}

/// One capital, or the capital and small letters of a Vietnamese onset
/// ("Ch", "Ng", "Th"), standing for a name.
fn is_initial(part: &str) -> bool {
    let mut chars = part.chars();
    let Some(capital) = chars.next() else {
        return false;
    };
    let rest = chars.as_str();
    (capital.is_ascii_uppercase() || capital == 'Đ')
        && (rest.is_empty()
            || matches!(
                part,
                "Ch" | "Gh" | "Gi" | "Kh" | "Ng" | "Ngh" | "Nh" | "Ph" | "Qu" | "Th" | "Tr"
            ))
}

/// "A", "Ch", "N.V.A": initials only.
fn is_initials(word: &str) -> bool {
    !word.is_empty() && word.split('.').all(is_initial)
}

/// Whether the name goes on after the initial `initial` and its full stop,
/// given the text before the initial and the text after the stop's space.
fn name_goes_on(before: &str, initial: &str, next: &str) -> bool {
    if next.starts_with(|c: char| c.is_ascii_digit() || c == '(') {
        // "Nguyễn Văn A. (35 tuổi)", "P. 5"
        return true;
    }
    let following = leading_word(next);
    if !following.starts_with(char::is_uppercase) {
        return false;
    }
    let after_following = &next[following.len()..];
    // "George H. W. Bush", "N. V. A."
    if is_initials(following) && after_following.starts_with('.') {
        return true;
    }
    // The word before the initial, a space between them.
    let spaced = before.trim_end_matches(' ');
    let previous = (spaced.len() < before.len()).then(|| {
        let word = word_before(spaced);
        &word[word.rfind('.').map_or(0, |i| i + 1)..]
    });
    let in_a_name = previous
        .is_some_and(|w| w.starts_with(char::is_uppercase) && w.chars().any(char::is_lowercase));
    if in_a_name {
        // "George W. Bush", "Nga V. Putin"; not "Nguyễn Văn A. Ông …",
        // "Serie A. Trong …".
        return cannot_be_one_syllable(following);
    }
    // "huyện" (H.), "quận" (Q.), "phường" (P.), "xã" (X.) before a place's
    // name of two capitalised words or more: "H. Vĩnh Thạnh", not "C. Nhiệt độ".
    matches!(initial, "H" | "Q" | "P" | "X")
        && after_following
            .strip_prefix(' ')
            .is_some_and(|w| w.starts_with(char::is_uppercase))
}

/// The letters and digits `text` opens with.
fn leading_word(text: &str) -> &str {
    let end = text
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(text.len());
    &text[..end]
}

/// A word that cannot be one Vietnamese syllable by its letters alone: it
/// has f, j, w or z, vowels in two places ("George", "Putin"), or
/// consonants before or after its vowels that Vietnamese does not write
/// ("Smith", "Bush", "Trump"). The reading views need only this much;
/// [`crate::syllable`] has the rules.
fn cannot_be_one_syllable(word: &str) -> bool {
    // Beyond ASCII, every letter of Vietnamese but đ is a vowel.
    let is_vowel = |c: char| {
        matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
            || (!c.is_ascii() && !matches!(c, 'đ' | 'Đ'))
    };
    let lower: String = word
        .chars()
        .map(|c| {
            if c == 'Đ' {
                'đ'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    if lower.contains(['f', 'j', 'w', 'z']) {
        return true;
    }
    let Some(first) = lower.find(is_vowel) else {
        return true;
    };
    let rhyme = &lower[first..];
    // What follows the first run of vowels: a second run makes it a coda no syllable has.
    let coda = &rhyme[rhyme.find(|c: char| !is_vowel(c)).unwrap_or(rhyme.len())..];
    let onsets = [
        "", "b", "c", "ch", "d", "đ", "g", "gh", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh",
        "p", "ph", "q", "r", "s", "t", "th", "tr", "v", "x",
    ];
    let codas = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];
    !(onsets.contains(&&lower[..first]) && codas.contains(&coda))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sentences of `text`, each trimmed, line by line.
    fn sentences(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut at = 0;
        while at < text.len() {
            let end = end_of(text, at);
            let sentence = text[at..end].trim();
            if !sentence.is_empty() {
                out.push(sentence);
            }
            at = if text[end..].starts_with('\n') {
                end + 1
            } else {
                end.max(at + 1)
            };
        }
        out
    }

    #[test]
    fn full_stops_question_and_exclamation_marks_end_sentences() {
        assert_eq!(
            sentences("Đoàn đến Viêng Chăn. Hai bên hội đàm! Kết quả ra sao? Còn chờ."),
            [
                "Đoàn đến Viêng Chăn.",
                "Hai bên hội đàm!",
                "Kết quả ra sao?",
                "Còn chờ."
            ]
        );
    }

    #[test]
    fn a_line_break_ends_a_sentence_without_a_stop() {
        assert_eq!(
            sentences("Quang cảnh hội đàm\nHai bên ký biên bản."),
            ["Quang cảnh hội đàm", "Hai bên ký biên bản."]
        );
    }

    #[test]
    fn stops_inside_words_and_numbers_do_not_end_a_sentence() {
        assert_eq!(
            sentences("Tại TP.HCM có 1.000 người và 5.3 triệu lượt xem trên Chinhphu.vn. Hết."),
            [
                "Tại TP.HCM có 1.000 người và 5.3 triệu lượt xem trên Chinhphu.vn.",
                "Hết."
            ]
        );
    }

    #[test]
    fn a_sentence_ends_after_a_dotted_name_or_a_number() {
        assert_eq!(
            sentences("Đoàn đã đến TP.HCM. Năm nay có 2.500 người. 12 người khác vắng."),
            [
                "Đoàn đã đến TP.HCM.",
                "Năm nay có 2.500 người.",
                "12 người khác vắng."
            ]
        );
    }

    #[test]
    fn the_abbreviations_are_the_lines_of_their_file_but_its_comments() {
        let file = std::str::from_utf8(super::FILE).unwrap();
        let listed: Vec<&str> = file.lines().filter(|l| !l.starts_with('#')).collect();
        assert!(listed.contains(&"PGS") && listed.len() < file.lines().count());
        assert_eq!(super::ABBREVIATIONS.lines().collect::<Vec<_>>(), listed);
    }

    #[test]
    fn listed_abbreviations_do_not_end_a_sentence() {
        assert_eq!(
            sentences("Tại TP. Hồ Chí Minh, PGS.TS. Lê Thu Hà và ThS. Đỗ Minh gặp Mr. Smith ở Tp. Thủ Đức. Hết."),
            [
                "Tại TP. Hồ Chí Minh, PGS.TS. Lê Thu Hà và ThS. Đỗ Minh gặp Mr. Smith ở Tp. Thủ Đức.",
                "Hết."
            ]
        );
        assert_eq!(
            sentences("GS. TS. Phan Văn Khải phát biểu."),
            ["GS. TS. Phan Văn Khải phát biểu."]
        );
    }

    #[test]
    fn an_acronym_that_is_not_listed_ends_a_sentence() {
        assert_eq!(
            sentences("Tin do TTXVN. Ông Lâm cho biết thêm."),
            ["Tin do TTXVN.", "Ông Lâm cho biết thêm."]
        );
        assert_eq!(
            sentences("Đoàn làm việc với UBND. Chiều cùng ngày, đoàn về."),
            ["Đoàn làm việc với UBND.", "Chiều cùng ngày, đoàn về."]
        );
    }

    #[test]
    fn an_initial_that_ends_a_vietnamese_name_ends_the_sentence_before_a_capital() {
        assert_eq!(
            sentences("Bị can là Nguyễn Văn H. Tại cơ quan điều tra, H. khai nhận."),
            [
                "Bị can là Nguyễn Văn H.",
                "Tại cơ quan điều tra, H. khai nhận."
            ]
        );
        assert_eq!(
            sentences("Người bị nạn là chị Lê Thị B. Chị được đưa đi cấp cứu."),
            ["Người bị nạn là chị Lê Thị B.", "Chị được đưa đi cấp cứu."]
        );
    }

    #[test]
    fn an_initial_before_a_lower_case_word_a_number_or_a_bracket_goes_on() {
        assert_eq!(
            sentences("Anh Trần Văn T. cho biết đã trình báo. Hết."),
            ["Anh Trần Văn T. cho biết đã trình báo.", "Hết."]
        );
        assert_eq!(
            sentences("Đối tượng Nguyễn Văn A. (35 tuổi, trú tại Hà Tĩnh) bị bắt. Hết."),
            [
                "Đối tượng Nguyễn Văn A. (35 tuổi, trú tại Hà Tĩnh) bị bắt.",
                "Hết."
            ]
        );
    }

    #[test]
    fn dotted_initials_are_one_name() {
        assert_eq!(
            sentences("Anh N.V.A. và chị Ch. cùng khai báo. Hết."),
            ["Anh N.V.A. và chị Ch. cùng khai báo.", "Hết."]
        );
        assert_eq!(
            sentences("Tên đối tượng là N. V. A. Ông A. khai."),
            ["Tên đối tượng là N. V. A.", "Ông A. khai."]
        );
    }

    #[test]
    fn a_middle_initial_of_a_foreign_name_goes_on() {
        assert_eq!(
            sentences("Cựu Tổng thống George W. Bush và ông John F. Kennedy được nhắc tới. Hết."),
            [
                "Cựu Tổng thống George W. Bush và ông John F. Kennedy được nhắc tới.",
                "Hết."
            ]
        );
        assert_eq!(
            sentences("Tổng thống Nga V. Putin phát biểu. Hết."),
            ["Tổng thống Nga V. Putin phát biểu.", "Hết."]
        );
    }

    #[test]
    fn a_letter_after_a_foreign_word_before_a_vietnamese_word_ends_a_sentence() {
        assert_eq!(
            sentences("Đội bóng dẫn đầu Serie A. Trong khi đó, đội khách thua."),
            ["Đội bóng dẫn đầu Serie A.", "Trong khi đó, đội khách thua."]
        );
        assert_eq!(
            sentences("Hãng vừa ra mắt mẫu xe Cargo X. Đây là mẫu xe điện."),
            ["Hãng vừa ra mắt mẫu xe Cargo X.", "Đây là mẫu xe điện."]
        );
    }

    #[test]
    fn an_abbreviated_district_before_its_name_goes_on() {
        assert_eq!(
            sentences("Vụ việc xảy ra tại xã Phú Sơn, H. Vĩnh Thạnh. Công an đã đến."),
            [
                "Vụ việc xảy ra tại xã Phú Sơn, H. Vĩnh Thạnh.",
                "Công an đã đến."
            ]
        );
        assert_eq!(
            sentences("Anh sống ở P. Bến Nghé, Q. Hai Bà Trưng. Hết."),
            ["Anh sống ở P. Bến Nghé, Q. Hai Bà Trưng.", "Hết."]
        );
    }

    #[test]
    fn a_letter_after_a_lower_case_word_is_a_label_that_can_end_a_sentence() {
        assert_eq!(
            sentences("Nhiệt độ cao nhất 38 độ C. Nhiệt độ thấp nhất 27 độ C."),
            ["Nhiệt độ cao nhất 38 độ C.", "Nhiệt độ thấp nhất 27 độ C."]
        );
        assert_eq!(
            sentences("Trẻ cần bổ sung vitamin D. Vitamin này có trong sữa."),
            ["Trẻ cần bổ sung vitamin D.", "Vitamin này có trong sữa."]
        );
    }

    #[test]
    fn a_word_of_one_letter_with_a_mark_is_a_word_not_an_initial() {
        assert_eq!(
            sentences("Đội tuyển vô địch Đông Nam Á. Tại vòng loại, đội thắng Ý. Hết."),
            [
                "Đội tuyển vô địch Đông Nam Á.",
                "Tại vòng loại, đội thắng Ý.",
                "Hết."
            ]
        );
    }

    #[test]
    fn ellipses_end_a_sentence_only_before_a_capital() {
        assert_eq!(
            sentences("Chờ mãi… rồi cũng đến. Họ nói... Thôi, về thôi… Hết"),
            [
                "Chờ mãi… rồi cũng đến.",
                "Họ nói...",
                "Thôi, về thôi…",
                "Hết"
            ]
        );
        assert_eq!(
            sentences("Ông nói: “Chúng tôi (...) Hà Nội sẽ làm”. Hết."),
            ["Ông nói: “Chúng tôi (...) Hà Nội sẽ làm”.", "Hết."]
        );
    }

    #[test]
    fn closing_quotes_and_brackets_belong_to_the_sentence_they_close() {
        assert_eq!(
            sentences("Ông nói: “Chúng tôi sẽ đến.” Bà gật đầu. (Ảnh: TTXVN.) Hết."),
            [
                "Ông nói: “Chúng tôi sẽ đến.”",
                "Bà gật đầu.",
                "(Ảnh: TTXVN.)",
                "Hết."
            ]
        );
    }

    #[test]
    fn a_quoted_question_before_a_lower_case_word_goes_on() {
        assert_eq!(
            sentences("“Sao lại thế?” chị hỏi. “Đi thôi!” anh đáp."),
            ["“Sao lại thế?” chị hỏi.", "“Đi thôi!” anh đáp."]
        );
    }

    #[test]
    fn the_closing_mark_of_wire_copy_ends_the_last_sentence() {
        let text = "Hai bên ký kết biên bản hợp tác./.";
        assert_eq!(end_at(text, text.find("./.").unwrap()), Some(text.len()));
        assert_eq!(first(text), text);
        assert_eq!(sentences("Câu một./. Câu hai."), ["Câu một./.", "Câu hai."]);
    }

    #[test]
    fn a_stop_outside_a_word_ends_a_sentence_before_a_capital_even_without_a_space() {
        assert_eq!(
            sentences("Nhà cậu làm bánh chưa?Tối nay ăn gì…Mai tính ."),
            ["Nhà cậu làm bánh chưa?", "Tối nay ăn gì…", "Mai tính ."]
        );
        assert_eq!(
            sentences("Ai cũng có cảm xúc .Đưa họ vào đường cùng thì khó."),
            ["Ai cũng có cảm xúc .", "Đưa họ vào đường cùng thì khó."]
        );
    }

    #[test]
    fn a_stop_before_an_opening_quote_or_dash_ends_the_sentence() {
        assert_eq!(
            sentences("Đoàn đã đến. “Chúng tôi vui mừng”, ông nói. - Hết."),
            ["Đoàn đã đến.", "“Chúng tôi vui mừng”, ông nói.", "- Hết."]
        );
    }

    #[test]
    fn the_sentence_around_a_mention_is_bounded_by_stops_and_lines() {
        let text = "Câu đầu. Sáng 10/2, Bộ trưởng Tô Lâm đến TP. Hồ Chí Minh. Câu sau.\nDòng hai.";
        let at = text.find("Tô Lâm").unwrap();
        let range = around(text, at, at + "Tô Lâm".len());
        assert_eq!(
            &text[range],
            " Sáng 10/2, Bộ trưởng Tô Lâm đến TP. Hồ Chí Minh."
        );
        let line = text.find("hai").unwrap();
        assert_eq!(&text[around(text, line, line)], "Dòng hai.");
    }

    #[test]
    fn the_first_sentence_stops_at_its_first_end() {
        assert_eq!(
            first("Tại TP. Hồ Chí Minh, hội nghị mở. Câu sau."),
            "Tại TP. Hồ Chí Minh, hội nghị mở."
        );
        assert_eq!(first("Không có dấu chấm"), "Không có dấu chấm");
        assert_eq!(first("Một dòng\nDòng sau."), "Một dòng");
    }

    #[test]
    fn every_stop_of_a_run_ends_the_sentence_at_the_same_place() {
        let text = "Họ nói?!... Hết.";
        let ends: Vec<Option<usize>> = text
            .char_indices()
            .filter(|&(_, c)| is_stop(c))
            .map(|(i, _)| end_at(text, i))
            .collect();
        let after = text.find(" Hết").unwrap();
        assert_eq!(ends[..5], [Some(after); 5]);
    }

    #[test]
    fn whole_foreign_words_cannot_be_one_syllable_but_vietnamese_ones_can() {
        for w in [
            "George", "Lyndon", "Putin", "John", "Kazianis", "Bush", "Trump", "Smith", "Park",
        ] {
            assert!(cannot_be_one_syllable(w), "{w}");
        }
        for w in [
            "Nguyễn", "Văn", "Quốc", "Giữa", "Ông", "Khuya", "Người", "Nghiêng", "Trong", "Đây",
        ] {
            assert!(!cannot_be_one_syllable(w), "{w}");
        }
    }
}
