//! Whether a word could be one Vietnamese syllable, by the rules of the
//! language's spelling rather than by a list: an onset, a rhyme (medial,
//! nucleus, coda) and at most one tone mark, with the spelling's own
//! constraints (*k* and *gh*/*ngh* before *i*, *e*, *ê*; *q* always with
//! *u*) and the tones a stop coda allows (only sắc and nặng after *p*,
//! *t*, *c*, *ch*).
//!
//! ```
//! use doichieu_core::syllable::is_vietnamese_syllable;
//!
//! assert!(is_vietnamese_syllable("lâm"));
//! assert!(is_vietnamese_syllable("nghiêng"));
//! assert!(!is_vietnamese_syllable("sisoulith"));
//! assert!(!is_vietnamese_syllable("kong"));
//! ```

use unicode_normalization::char::decompose_canonical;

/// Onsets, longest first so that "ngh" is tried before "ng" and "n".
const ONSETS: [&str; 28] = [
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
];

/// A syllable's tone, from its mark (Unicode combining characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tone {
    Level,
    Grave,
    Acute,
    Hook,
    Tilde,
    Dot,
}

impl Tone {
    fn of_mark(mark: char) -> Option<Tone> {
        Some(match mark {
            '\u{300}' => Tone::Grave,
            '\u{301}' => Tone::Acute,
            '\u{309}' => Tone::Hook,
            '\u{303}' => Tone::Tilde,
            '\u{323}' => Tone::Dot,
            _ => return None,
        })
    }
}

/// A lower- or upper-case word is one possible Vietnamese syllable
/// ("lâm", "Thủy", "quốc", "khuỷu"), not a foreign word or a misspelling
/// ("sisoulith", "kong", "ghá", "hàt").
pub fn is_vietnamese_syllable(word: &str) -> bool {
    // No syllable has more than seven letters ("nghiêng") or an f, j, w, z.
    if word.chars().count() > 7 || word.bytes().any(|b| b"fjwzFJWZ".contains(&b)) {
        return false;
    }
    let Some((plain, tone)) = letters_and_tone(word) else {
        return false;
    };
    ONSETS.iter().any(|onset| {
        plain
            .strip_prefix(onset)
            .is_some_and(|rhyme| fits(onset, rhyme) && tone_fits(rhyme, tone))
    })
}

/// The word lower-cased without its tone mark ("Thủy" → "thuy"), and the
/// tone; `None` if a letter is not Vietnamese or the word has two tones.
fn letters_and_tone(word: &str) -> Option<(String, Tone)> {
    let mut plain = String::with_capacity(word.len());
    let mut tone = None;
    let mut ok = true;
    for c in word.chars().flat_map(char::to_lowercase) {
        decompose_canonical(c, |part| {
            if let Some(t) = Tone::of_mark(part) {
                let after_vowel = plain.chars().next_back().is_some_and(is_vowel);
                ok &= tone.is_none() && after_vowel;
                tone = Some(t);
                return;
            }
            let last = plain.pop();
            let letter = match (last, part) {
                (Some('a'), '\u{306}') => 'ă',
                (Some('a'), '\u{302}') => 'â',
                (Some('e'), '\u{302}') => 'ê',
                (Some('o'), '\u{302}') => 'ô',
                (Some('o'), '\u{31B}') => 'ơ',
                (Some('u'), '\u{31B}') => 'ư',
                (_, 'a'..='e' | 'g'..='i' | 'k'..='v' | 'x' | 'y' | 'đ') => {
                    plain.extend(last);
                    part
                }
                _ => {
                    ok = false;
                    plain.extend(last);
                    return;
                }
            };
            plain.push(letter);
        });
    }
    (ok && !plain.is_empty()).then_some((plain, tone.unwrap_or(Tone::Level)))
}

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'y'
    )
}

/// The rhyme is one, and the onset may be written before it.
fn fits(onset: &str, rhyme: &str) -> bool {
    let Some(first) = rhyme.chars().next() else {
        return false;
    };
    let front = matches!(first, 'i' | 'e' | 'ê' | 'y');
    match onset {
        // "qua", "quốc", "quý", "quyết", "quỳnh": the u is the medial.
        "qu" => match first {
            'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'ơ' => is_rhyme(rhyme),
            'y' => is_rhyme(rhyme) || is_rhyme(&format!("u{rhyme}")),
            _ => rhyme == "ôc",
        },
        "" => is_rhyme(rhyme),
        _ if first == 'y' && rhyme != "y" => false,
        "k" | "gh" | "ngh" if !front => false,
        "c" | "ng" if front => false,
        "g" if matches!(first, 'e' | 'ê' | 'y') => false,
        "gi" if matches!(first, 'i' | 'y') => false,
        _ => is_rhyme(rhyme),
    }
}

/// A stop coda (p, t, c, ch) takes only the sắc or nặng tone.
fn tone_fits(rhyme: &str, tone: Tone) -> bool {
    let stop = rhyme.ends_with(['p', 't', 'c']) || rhyme.ends_with("ch");
    !stop || matches!(tone, Tone::Acute | Tone::Dot)
}

/// Every rhyme of the written language without its tone (medial o or u,
/// nucleus, coda), sorted by code point for binary search.
const RHYMES: [&str; 157] = [
    "a", "ac", "ach", "ai", "am", "an", "ang", "anh", "ao", "ap", "at", "au", "ay", "e", "ec",
    "em", "en", "eng", "eo", "ep", "et", "i", "ia", "ic", "ich", "im", "in", "inh", "ip", "it",
    "iu", "iêc", "iêm", "iên", "iêng", "iêp", "iêt", "iêu", "o", "oa", "oac", "oach", "oai", "oam",
    "oan", "oang", "oanh", "oao", "oap", "oat", "oay", "oc", "oe", "oen", "oeo", "oet", "oi", "om",
    "on", "ong", "ooc", "oong", "op", "ot", "oăc", "oăm", "oăn", "oăng", "oăt", "u", "ua", "uc",
    "ui", "um", "un", "ung", "up", "ut", "uy", "uya", "uych", "uynh", "uyp", "uyt", "uyu", "uyên",
    "uyêt", "uân", "uâng", "uât", "uây", "uê", "uêch", "uênh", "uôc", "uôi", "uôm", "uôn", "uông",
    "uôt", "uơ", "y", "yêm", "yên", "yêt", "yêu", "âc", "âm", "ân", "âng", "âp", "ât", "âu", "ây",
    "ê", "êch", "êm", "ên", "ênh", "êp", "êt", "êu", "ô", "ôc", "ôi", "ôm", "ôn", "ông", "ôp",
    "ôt", "ăc", "ăm", "ăn", "ăng", "ăp", "ăt", "ơ", "ơi", "ơm", "ơn", "ơp", "ơt", "ư", "ưa", "ưc",
    "ưi", "ưng", "ưt", "ưu", "ươc", "ươi", "ươm", "ươn", "ương", "ươp", "ươt", "ươu",
];

fn is_rhyme(rhyme: &str) -> bool {
    RHYMES.binary_search(&rhyme).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words of `words` that are not syllables.
    fn not_syllables(words: &str) -> Vec<&str> {
        words
            .split(' ')
            .filter(|w| !is_vietnamese_syllable(w))
            .collect()
    }

    #[test]
    fn ordinary_syllables_are_syllables() {
        let none: [&str; 0] = [];
        assert_eq!(
            not_syllables(
                "lâm chiều sáng nay tuy nhiên theo đó đồng thời hiện nay ngoài ra tại với"
            ),
            none
        );
        assert_eq!(
            not_syllables("người được nghiêng giữa gì gìn giếng khuỷu khuya huỵch thuở quốc quý quyết quỳnh quân qua"),
            none
        );
        assert_eq!(
            not_syllables("hòa thủy khỏe hoạch ngoặc xoong soóc oai uyên yêu ấy ơi ừ ạ đ\u{1ea1}i"),
            none
        );
    }

    #[test]
    fn rhymes_are_sorted_for_binary_search() {
        assert!(RHYMES.windows(2).all(|p| p[0] < p[1]));
    }

    #[test]
    fn capitals_and_either_tone_placement_are_accepted() {
        assert!(is_vietnamese_syllable("Thủy"));
        assert!(is_vietnamese_syllable("THỦY"));
        assert!(is_vietnamese_syllable("thuỷ"));
        // decomposed marks count as the composed letter
        assert!(is_vietnamese_syllable("la\u{302}m"));
    }

    #[test]
    fn foreign_words_are_not_syllables() {
        for w in [
            "sisoulith",
            "thongloun",
            "vilay",
            "vientiane",
            "matheus",
            "oliveira",
        ] {
            assert!(!is_vietnamese_syllable(w), "{w}");
        }
        for w in [
            "john", "park", "world", "fifa", "zalo", "jun", "", "1", "lâm-",
        ] {
            assert!(!is_vietnamese_syllable(w), "{w}");
        }
    }

    #[test]
    fn spelling_rules_of_onsets_are_kept() {
        // k, gh, ngh before i, e, ê (y); c, g, ng elsewhere
        for w in [
            "kong", "ka", "ghá", "nghà", "ngi", "ce", "ci", "gê", "qa", "quu", "tyên",
        ] {
            assert!(!is_vietnamese_syllable(w), "{w}");
        }
        for w in [
            "kia", "kể", "kỳ", "ghế", "nghe", "nghĩa", "cá", "gà", "ngà", "ly", "mỹ",
        ] {
            assert!(is_vietnamese_syllable(w), "{w}");
        }
    }

    #[test]
    fn a_stop_coda_takes_only_the_rising_or_heavy_tone() {
        for w in ["học", "bạch", "tắt", "lớp", "việc", "mát"] {
            assert!(is_vietnamese_syllable(w), "{w}");
        }
        for w in ["hàt", "lãc", "bảch", "hiềp", "mat"] {
            assert!(!is_vietnamese_syllable(w), "{w}");
        }
    }

    #[test]
    fn two_tone_marks_or_a_mark_on_a_consonant_are_not_a_syllable() {
        assert!(!is_vietnamese_syllable("hoàá"));
        assert!(!is_vietnamese_syllable("ḿa"));
        assert!(!is_vietnamese_syllable("ñam"));
    }
}
