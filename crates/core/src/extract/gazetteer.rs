//! The word lists extraction leans on, read from the data files in
//! `crates/core/data/` (each says where it came from), and one
//! Aho–Corasick automaton over every known name.

use std::sync::OnceLock;

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, MatchKind, StartKind};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::entity::EntityType;
use crate::normalize::normalize;

/// A known name: what it names, and the canonical name of that.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Known {
    pub kind: EntityType,
    pub canonical: String,
    pub detail: KnownDetail,
}

/// What else a list says of a known name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KnownDetail {
    Country,
    Capital,
    Province,
    District,
    /// Any other place: a region, a city abroad, a sea, an island, a mountain.
    Place,
    Organization,
    /// A title.
    Title {
        /// The body or country it heads usually follows.
        takes_body: bool,
        /// It is a title only with that body after it ("Trưởng [Phòng
        /// Cảnh sát hình sự]"); alone the word is something else.
        needs_body: bool,
        /// An honour ("NSND", "Anh hùng Lao động"): written before a name
        /// like a title, but not an office or rank, so not a mention.
        honour: bool,
    },
}

/// What a cue word says about the words next to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Cue {
    PersonBefore,
    PersonAfter,
    LocationAdmin,
    LocationFacility,
    LocationBefore,
    OrgHead,
    OrgInner,
    EventHead,
    /// A listed event, an event by its name alone ("Tết", "SEA Games").
    EventName,
    DateWord,
    NotName,
}

impl Cue {
    /// How many kinds of cue there are.
    pub const COUNT: usize = 11;
}

/// All the lists, loaded once.
pub struct Gazetteer {
    pub names: Vec<(String, Known)>,
    automaton: AhoCorasick,
    /// Titles lower-cased, to find "Bí thư Trung ương đảng" as "Bí thư Trung ương Đảng".
    titles: Vec<Known>,
    titles_automaton: AhoCorasick,
    /// Where each lower-cased title is in `titles`.
    title_index: HashMap<String, usize>,
    pub surnames: HashSet<String>,
    /// Cue phrases, lower-cased.
    cues: HashMap<String, Vec<Cue>>,
    /// What each pattern of `cue_automaton` is.
    cue_kinds: Vec<Vec<Cue>>,
    /// Every cue phrase, walked from one place in a lower-cased text.
    cue_automaton: DFA,
    /// Longest cue, in syllables.
    pub max_cue_len: usize,
    /// Lower-case common words (one or more syllables).
    pub lexicon: HashSet<String>,
}

macro_rules! data {
    ($name:literal) => {
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/", $name))
    };
}

impl Gazetteer {
    /// The lists shipped in the crate.
    pub fn shipped() -> &'static Gazetteer {
        static SHIPPED: OnceLock<Gazetteer> = OnceLock::new();
        SHIPPED.get_or_init(|| {
            Gazetteer::from_sources(&Sources {
                countries: data!("countries.tsv"),
                provinces: data!("provinces.tsv"),
                districts: data!("districts.tsv"),
                places: data!("places.tsv"),
                organizations: data!("organizations.tsv"),
                titles: data!("titles.tsv"),
                surnames: data!("surnames.txt"),
                cues: data!("cues.tsv"),
                events: data!("events.tsv"),
                words: data!("words.txt"),
            })
        })
    }

    /// Builds the lists from the text of each file.
    pub fn from_sources(src: &Sources) -> Self {
        let mut names: Vec<(String, Known)> = Vec::new();
        let mut add = |name: &str, kind: EntityType, canonical: &str, detail: KnownDetail| {
            let name = normalize(name);
            if !name.is_empty() {
                names.push((
                    name,
                    Known {
                        kind,
                        canonical: normalize(canonical),
                        detail,
                    },
                ));
            }
        };
        for row in rows(src.countries) {
            let (name, aliases, capital, capital_aliases) = (
                field(&row, 0),
                field(&row, 1),
                field(&row, 2),
                field(&row, 3),
            );
            for n in std::iter::once(name).chain(split(aliases)) {
                add(n, EntityType::Location, name, KnownDetail::Country);
            }
            if !capital.is_empty() {
                for n in std::iter::once(capital).chain(split(capital_aliases)) {
                    add(n, EntityType::Location, capital, KnownDetail::Capital);
                }
            }
        }
        for row in rows(src.provinces) {
            let (name, aliases) = (field(&row, 0), field(&row, 2));
            for n in std::iter::once(name).chain(split(aliases)) {
                add(n, EntityType::Location, name, KnownDetail::Province);
            }
        }
        for row in rows(src.districts) {
            add(
                field(&row, 0),
                EntityType::Location,
                field(&row, 0),
                KnownDetail::District,
            );
        }
        for row in rows(src.places) {
            let name = field(&row, 0);
            for n in std::iter::once(name).chain(split(field(&row, 2))) {
                add(n, EntityType::Location, name, KnownDetail::Place);
            }
        }
        for row in rows(src.organizations) {
            let name = field(&row, 0);
            for n in std::iter::once(name).chain(split(field(&row, 1))) {
                add(n, EntityType::Organization, name, KnownDetail::Organization);
            }
        }
        for row in rows(src.titles) {
            let title = field(&row, 0);
            let detail = KnownDetail::Title {
                takes_body: matches!(field(&row, 2), "yes" | "only"),
                needs_body: field(&row, 2) == "only",
                honour: field(&row, 1) == "honour",
            };
            for n in std::iter::once(title).chain(split(field(&row, 3))) {
                add(n, EntityType::Title, title, detail);
            }
        }
        // A name listed twice keeps its first meaning, in the order read above;
        // districts that share a province's name are the province.
        let mut seen = HashSet::default();
        names.retain(|(n, _)| seen.insert(n.clone()));
        // Titles have an automaton of their own: a title never hides the
        // body inside it ("Chủ tịch Quốc hội" holds "Quốc hội").
        let (title_names, names): (Vec<_>, Vec<_>) = names
            .into_iter()
            .partition(|(_, k)| k.kind == EntityType::Title);
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(names.iter().map(|(n, _)| n.as_str()))
            .expect("the gazetteer automaton builds");

        let title_rows: Vec<(String, Known)> = title_names
            .into_iter()
            .map(|(n, k)| (n.to_lowercase(), k))
            .collect();
        let title_index = title_rows
            .iter()
            .enumerate()
            .map(|(i, (n, _))| (n.clone(), i))
            .collect();
        let titles_automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(title_rows.iter().map(|(n, _)| n.as_str()))
            .expect("the title automaton builds");
        let titles = title_rows.into_iter().map(|(_, k)| k).collect();

        let mut cues: HashMap<String, Vec<Cue>> = HashMap::default();
        for row in rows(src.cues) {
            let cue = match field(&row, 1) {
                "person_before" => Cue::PersonBefore,
                "person_after" => Cue::PersonAfter,
                "location_admin" => Cue::LocationAdmin,
                "location_facility" => Cue::LocationFacility,
                "location_before" => Cue::LocationBefore,
                "org_head" => Cue::OrgHead,
                "org_inner" => Cue::OrgInner,
                "event_head" => Cue::EventHead,
                "date_word" => Cue::DateWord,
                "not_name" => Cue::NotName,
                _ => continue,
            };
            cues.entry(normalize(field(&row, 0)).to_lowercase())
                .or_default()
                .push(cue);
        }
        // Listed events are cues too, found in the same walk: an event by
        // its name alone, or a series named only with its number ("APEC").
        for row in rows(src.events) {
            let cue = match field(&row, 1) {
                "series" => Cue::EventHead,
                _ => Cue::EventName,
            };
            for n in std::iter::once(field(&row, 0)).chain(split(field(&row, 2))) {
                cues.entry(normalize(n).to_lowercase())
                    .or_default()
                    .push(cue);
            }
        }
        let (cue_phrases, cue_kinds): (Vec<&str>, Vec<Vec<Cue>>) = cues
            .iter()
            .filter(|(phrase, _)| !phrase.is_empty())
            .map(|(phrase, kinds)| (phrase.as_str(), kinds.clone()))
            .unzip();
        let cue_automaton = DFA::builder()
            .match_kind(MatchKind::Standard)
            .start_kind(StartKind::Anchored)
            .build(cue_phrases)
            .expect("the cue automaton builds");
        let max_cue_len = cues.keys().map(|k| k.split(' ').count()).max().unwrap_or(1);
        let surnames = rows(src.surnames)
            .map(|r| normalize(field(&r, 0)))
            .collect();
        let lexicon = rows(src.words).map(|r| normalize(field(&r, 0))).collect();
        Self {
            names,
            automaton,
            titles,
            titles_automaton,
            title_index,
            surnames,
            cues,
            cue_kinds,
            cue_automaton,
            max_cue_len,
            lexicon,
        }
    }

    /// Every known name in `text`, leftmost-longest, as byte ranges.
    pub fn find_names<'a>(
        &'a self,
        text: &'a str,
    ) -> impl Iterator<Item = (usize, usize, &'a Known)> + 'a {
        self.automaton
            .find_iter(text)
            .map(|m| (m.start(), m.end(), &self.names[m.pattern().as_usize()].1))
    }

    /// The listed title spelt `lower` (lower-cased), if there is one.
    pub fn title_named(&self, lower: &str) -> Option<&Known> {
        self.title_index.get(lower).map(|&i| &self.titles[i])
    }

    /// Every listed title in a lower-cased text: byte ranges of that text.
    pub fn find_titles_lowered(&self, lowered: &str) -> Vec<(usize, usize, &Known)> {
        self.titles_automaton
            .find_iter(lowered)
            .map(|m| (m.start(), m.end(), &self.titles[m.pattern().as_usize()]))
            .collect()
    }

    /// Every cue phrase that starts at byte `from` of a lower-cased text,
    /// shortest first: where it ends and what it is. The automaton is walked
    /// from `from` on, byte by byte, as far as a cue may go and no further.
    pub fn cues_from<'a>(
        &'a self,
        lowered: &'a str,
        from: usize,
    ) -> impl Iterator<Item = (usize, &'a [Cue])> + 'a {
        let dfa = &self.cue_automaton;
        let mut state = dfa
            .start_state(Anchored::Yes)
            .expect("the cue automaton is built for anchored walks");
        lowered.as_bytes()[from..]
            .iter()
            .enumerate()
            .map_while(move |(walked, &byte)| {
                state = dfa.next_state(Anchored::Yes, state, byte);
                if dfa.is_dead(state) {
                    return None;
                }
                // A state's matches also hold the shorter phrases ending
                // here; the one starting at `from` spans the whole walk.
                let len = walked + 1;
                let pattern = dfa
                    .is_match(state)
                    .then(|| {
                        (0..dfa.match_len(state))
                            .map(|k| dfa.match_pattern(state, k))
                            .find(|&p| dfa.pattern_len(p) == len)
                    })
                    .flatten();
                Some((from + len, pattern))
            })
            .filter_map(|(end, pattern)| Some((end, self.cue_kinds[pattern?].as_slice())))
    }

    /// What a lower-case cue phrase ("ông", "thành phố") is.
    pub fn cue(&self, phrase: &str) -> &[Cue] {
        self.cues.get(phrase).map_or(&[], Vec::as_slice)
    }

    pub fn is_cue(&self, phrase: &str, cue: Cue) -> bool {
        self.cue(phrase).contains(&cue)
    }

    /// A lower-case syllable of ordinary Vietnamese ("lâm" yes, "sisoulith" no),
    /// by the rules of the spelling.
    pub fn is_vietnamese_syllable(&self, lower: &str) -> bool {
        crate::syllable::is_vietnamese_syllable(lower)
    }
}

/// The text of every data file.
pub struct Sources<'a> {
    pub countries: &'a str,
    pub provinces: &'a str,
    pub districts: &'a str,
    pub places: &'a str,
    pub organizations: &'a str,
    pub titles: &'a str,
    pub surnames: &'a str,
    pub cues: &'a str,
    /// Named events: name, kind, other spellings.
    pub events: &'a str,
    /// Ordinary lower-case words, one per line.
    pub words: &'a str,
}

fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::trim).collect())
}

fn field<'a>(row: &[&'a str], i: usize) -> &'a str {
    row.get(i).copied().unwrap_or("")
}

fn split(values: &str) -> impl Iterator<Item = &str> {
    values.split('|').map(str::trim).filter(|v| !v.is_empty())
}

#[cfg(test)]
pub(crate) fn sample() -> Gazetteer {
    Gazetteer::from_sources(&Sources {
        countries: "# test\nLào\tCHDCND Lào|Laos\tVientiane\tViêng Chăn\nViệt Nam\tVN\tHà Nội\t\n",
        provinces: "Nghệ An\ttỉnh\t\tboth\nHồ Chí Minh\tthành phố\tTP.HCM|TP. HCM\tboth\n",
        districts: "Kỳ Anh\thuyện\tHà Tĩnh\n",
        places: "Bắc Bộ\tregion\tmiền Bắc\n",
        organizations: "Bộ Công an\t\tministry\nTTXVN\tThông tấn xã Việt Nam\tnews\n",
        titles: "Bộ trưởng\toffice\tyes\t\nĐại tướng\trank\tno\t\nTiến sĩ\thonour\tno\tTS\nBí thư Trung ương Đảng\toffice\tno\t\nThủ tướng\toffice\tyes\t\n",
        surnames: "Nguyễn\nTô\n",
        cues: "ông\tperson_before\nđồng chí\tperson_before\ntỉnh\tlocation_admin\nthành phố\tlocation_admin\nTP\tlocation_admin\nBộ\torg_head\nChiều\tnot_name\nTại\tnot_name\nĐại hội\tevent_head\nHội nghị\tevent_head\nGiải\tevent_head\nKỳ họp\tevent_head\nLễ hội\tevent_head\n",
        events: "Tết\tholiday\t\nSEA Games\tgames\tSeagame\nV-League\ttournament\t\nAPEC\tseries\t\nQuốc khánh\tholiday\t\nTết Nguyên đán\tholiday\t\n",
        words: "lâm\nchiều\nthành phố\nan ninh\ncông an\ngiáo dục\nđào tạo\nbộ trưởng\n",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_resolve_to_their_canonical_name() {
        let g = sample();
        let found: Vec<(&str, &str)> = g
            .find_names("Tại Viêng Chăn, CHDCND Lào, Bộ Công an, TS")
            .map(|(s, e, k)| {
                (
                    &"Tại Viêng Chăn, CHDCND Lào, Bộ Công an, TS"[s..e],
                    k.canonical.as_str(),
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                ("Viêng Chăn", "Vientiane"),
                ("CHDCND Lào", "Lào"),
                ("Bộ Công an", "Bộ Công an"),
            ]
        );
        // Titles are looked up on their own, lower-cased.
        assert_eq!(
            g.title_named("ts").map(|k| k.canonical.as_str()),
            Some("Tiến sĩ")
        );
    }

    #[test]
    fn every_shipped_word_is_lower_case_and_made_of_syllables() {
        let words = data!("words.txt");
        let rows: Vec<&str> = words.lines().filter(|l| !l.starts_with('#')).collect();
        assert!(rows.len() >= 15_000, "{} words", rows.len());
        for w in &rows {
            assert_eq!(*w, normalize(w), "{w:?} is not normalised");
            assert_eq!(*w, w.to_lowercase(), "{w:?} is not lower-case");
            assert!(
                w.split(' ').all(crate::syllable::is_vietnamese_syllable),
                "{w:?} has a syllable that is not Vietnamese"
            );
        }
        assert!(
            rows.windows(2).all(|p| p[0] < p[1]),
            "sorted, no duplicates"
        );
        let g = Gazetteer::shipped();
        for w in [
            "chiều",
            "tuy nhiên",
            "giáo dục",
            "phát triển nông thôn",
            "hôm qua",
        ] {
            assert!(g.lexicon.contains(w), "{w}");
        }
    }

    #[test]
    fn cues_and_syllables_are_looked_up() {
        let g = sample();
        assert!(g.is_cue("ông", Cue::PersonBefore));
        assert!(g.is_cue("thành phố", Cue::LocationAdmin));
        assert!(!g.is_cue("bà", Cue::PersonBefore));
        assert!(g.is_vietnamese_syllable("lâm"));
        assert!(!g.is_vietnamese_syllable("sisoulith"));
        assert!(g.surnames.contains("Tô"));
    }
}
