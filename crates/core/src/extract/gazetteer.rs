//! The word lists extraction leans on, read from the data files in
//! `crates/core/data/` (each says where it came from), and the
//! Aho–Corasick automata over the listed names, titles and cue phrases,
//! walked from one place in a text.

use std::sync::OnceLock;

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, MatchKind, StartKind};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::entity::EntityType;
use crate::extract::token::{tokenize, Token, TokenKind};
use crate::extract::wordset::WordSet;
use crate::normalize::normalize;

/// A known name: what it names, and the canonical name of that.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Known {
    pub kind: EntityType,
    pub canonical: String,
    pub detail: KnownDetail,
}

impl Known {
    /// A listed company, brand or other body that is neither a state's nor
    /// a paper, agency or broadcaster.
    pub fn is_company(&self) -> bool {
        matches!(
            self.detail,
            KnownDetail::Organization {
                state: false,
                news: false
            }
        )
    }
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
    Organization {
        /// A body of a state (a ministry, party, state body, police,
        /// army or court): each country has its own.
        state: bool,
        /// A paper, an agency or a broadcaster.
        news: bool,
    },
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
        /// A rank ("Đại tướng"), held whatever the office: of no country.
        rank: bool,
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
    /// A word for a body before its bare name ("hãng", "tờ").
    BodyBefore,
    /// A word for a thing before its make or model ("xe", "dòng").
    ThingBefore,
    /// A word of grammar, never inside a name ("và", "của").
    Grammar,
    /// A word after which a capitalised word is no name ("thứ", "người").
    NoNameAfter,
    /// A word for a national team before its country ("đội tuyển", "ĐT").
    Team,
}

impl Cue {
    /// How many kinds of cue there are.
    pub const COUNT: usize = 16;
}

/// What a word of `rule_words.tsv` is to the rule that names it: each
/// role is one list, looked up where the rule looks, never walked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WordRole {
    /// A lower-case word that may end an event's name ("toàn quốc").
    EventEnding,
    /// A lower-case word that carries an event's name on but never ends it ("bóng đá").
    EventCarrying,
    /// A colour that ends an event's name after a compound ("Mùa hè xanh").
    EventColour,
    /// An ordinal written as a word after "lần thứ" or "thứ" ("nhất", "hai").
    Ordinal,
    /// A word that counts something after a number, not an event's number ("năm", "người").
    EventCounter,
    /// The head of a session, an event only with its body ("kỳ họp").
    SessionHead,
    /// A word after "Giải" that makes it a prize ("nhất", "khuyến khích").
    Prize,
    /// A word that names an administrative unit, from the province down to
    /// the hamlet ("tỉnh", "tp", "thôn"): not a road, not a natural feature.
    Unit,
    /// A unit word that, written alone after a body, stands for the unit
    /// the body belongs to ("UBND tỉnh", "Công an huyện").
    UnitOfBody,
    /// A noun or unit counted by a number before it, by its first syllable ("hộ", "tháng").
    Counted,
    /// A class word of a road ("quốc lộ", "đường").
    Road,
    /// A class word of a road written capitalised or not inside a sentence ("Quốc lộ").
    RoadEitherCase,
    /// A word before a place's name that makes it a people or a language ("người", "tiếng").
    Demonym,
    /// A head that names a body by its place alone ("ubnd", "tỉnh ủy", "công an").
    PlaceBody,
    /// A party committee or youth union named alone, capitalised, for the
    /// one of the article's place ("thành ủy", "đảng ủy").
    CommitteeAlone,
    /// A party committee or cell written before the name of the body it
    /// belongs to, which the name includes ("đảng bộ", "chi bộ").
    PartyCell,
    /// A word that names a side of a match before it ("trận", "gặp",
    /// "thắng") or after it ("thắng", "hòa").
    MatchSide,
    /// A result a side of a match has, after it ("thắng", "thua", "hòa").
    MatchResult,
    /// An alley numbered off a street, whose name follows the number
    /// ("ngõ 289 Hoàng Hoa Thám").
    Alley,
    /// A point of the compass, also a given name ("Nam", "Bắc").
    Direction,
    /// A word before a point of the compass that makes it a region ("vào
    /// Nam", "ngoài Bắc", "từ Nam ra Bắc").
    Toward,
    /// A word of a sport after a word for a national team ("bóng", "futsal").
    TeamSport,
    /// A news agency's descriptor before its name ("hãng tin").
    Agency,
    /// A word after which "điều tra" belongs to a unit's name ("cảnh sát").
    Investigating,
    /// A word that never carries a body's name on: a verb opening the
    /// clause after it ("đầu tư"), a connective, a superlative, a term.
    NotInName,
    /// A verb naming a body's work, whose object is its name too ("quản lý").
    FieldVerb,
    /// A surname of East Asia, written as a Vietnamese syllable is ("Song",
    /// "Kim", "Ban"), that opens a foreign name ("Song Hye Kyo").
    ForeignSurname,
    /// A unit word's abbreviation written against its name ("P.Mỹ Thới").
    UnitAbbreviation,
    /// A word of a facility's kind between its noun and its name ("quốc tế").
    FacilityKind,
    /// A lower-case particle inside a foreign name ("de", "van", "bin").
    NameParticle,
    /// A noun for a work or a show before its quoted title ("ca khúc", "phim").
    WorkNoun,
    /// A word between a work's noun and its title ("mang tên").
    WorkNaming,
    /// A lower-case unit word ending a title before the unit's name ("phòng").
    TitleUnit,
    /// A listed title of a minister ("Bộ trưởng"), as written.
    Minister,
    /// A ministry's field named after a minister's title ("công an").
    MinistryField,
    /// A body whose chair passes from country to country ("ASEAN"), as written.
    ChairedInTurn,
    /// A word before a colon that opens a photo's credit ("ảnh").
    PhotoCredit,
    /// A word before a colon after which a name is a source ("nguồn").
    SourceLabel,
    /// A heavenly stem, the first word of a year's name in the sixty-year cycle ("đinh").
    YearStem,
    /// An earthly branch, the second word of a year's name ("dậu"): "Tết Đinh Dậu".
    YearBranch,
    /// A junction of roads, named by the roads that meet there ("nút giao", "vòng xoay").
    Junction,
    /// A word ending a tournament's or a show's name after its capitalised
    /// words, as written ("Cup", "Open"): "VTV Cup", "Madrid Open".
    EventTail,
    /// A word for a paper, after which its name may be an ordinary compound
    /// in sentence case ("báo Thanh niên").
    Press,
    /// The head of a company's name, whose own name after it stands for the
    /// company alone ("Tổng công ty Viglacera" … "Viglacera").
    CompanyHead,
    /// A company's legal form after its head, no part of its own name ("CP", "TNHH").
    LegalForm,
    /// A head written in lower case that still opens a body's name when a
    /// Vietnamese name follows it ("bệnh viện Chợ Rẫy", "trường THPT An
    /// Dương", "công ty Du lịch Hải Nam").
    LowerHead,
    /// A head written in lower case that opens the body of a country or a
    /// province after it ("cảnh sát Anh", "quân đội Thổ Nhĩ Kỳ").
    LowerHeadOfPlace,
}

impl WordRole {
    /// Every role by its name in `rule_words.tsv`.
    pub const ALL: [(&'static str, WordRole); 47] = [
        ("event_ending", WordRole::EventEnding),
        ("event_carrying", WordRole::EventCarrying),
        ("event_colour", WordRole::EventColour),
        ("ordinal", WordRole::Ordinal),
        ("event_counter", WordRole::EventCounter),
        ("session_head", WordRole::SessionHead),
        ("prize", WordRole::Prize),
        ("unit", WordRole::Unit),
        ("unit_of_body", WordRole::UnitOfBody),
        ("counted", WordRole::Counted),
        ("road", WordRole::Road),
        ("road_either_case", WordRole::RoadEitherCase),
        ("demonym", WordRole::Demonym),
        ("place_body", WordRole::PlaceBody),
        ("committee_alone", WordRole::CommitteeAlone),
        ("party_cell", WordRole::PartyCell),
        ("match_side", WordRole::MatchSide),
        ("match_result", WordRole::MatchResult),
        ("alley", WordRole::Alley),
        ("direction", WordRole::Direction),
        ("toward", WordRole::Toward),
        ("team_sport", WordRole::TeamSport),
        ("agency", WordRole::Agency),
        ("investigating", WordRole::Investigating),
        ("not_in_name", WordRole::NotInName),
        ("field_verb", WordRole::FieldVerb),
        ("foreign_surname", WordRole::ForeignSurname),
        ("unit_abbreviation", WordRole::UnitAbbreviation),
        ("facility_kind", WordRole::FacilityKind),
        ("name_particle", WordRole::NameParticle),
        ("work_noun", WordRole::WorkNoun),
        ("work_naming", WordRole::WorkNaming),
        ("title_unit", WordRole::TitleUnit),
        ("minister", WordRole::Minister),
        ("ministry_field", WordRole::MinistryField),
        ("chaired_in_turn", WordRole::ChairedInTurn),
        ("photo_credit", WordRole::PhotoCredit),
        ("source_label", WordRole::SourceLabel),
        ("year_stem", WordRole::YearStem),
        ("year_branch", WordRole::YearBranch),
        ("junction", WordRole::Junction),
        ("event_tail", WordRole::EventTail),
        ("press", WordRole::Press),
        ("company_head", WordRole::CompanyHead),
        ("legal_form", WordRole::LegalForm),
        ("lower_head", WordRole::LowerHead),
        ("lower_head_of_place", WordRole::LowerHeadOfPlace),
    ];

    /// Its words are compared as written, capitals and all, rather than
    /// lower-cased.
    pub fn as_written(self) -> bool {
        matches!(
            self,
            WordRole::Minister | WordRole::ChairedInTurn | WordRole::EventTail
        )
    }

    /// The role named `name` in `rule_words.tsv`.
    pub fn named(name: &str) -> Option<WordRole> {
        Self::ALL.iter().find(|(n, _)| *n == name).map(|&(_, r)| r)
    }

    /// Its name in `rule_words.tsv`.
    pub fn name(self) -> &'static str {
        Self::ALL[self as usize].0
    }
}

/// The words of `rule_words.tsv`, a set for each role.
#[derive(Debug, Default)]
pub struct RuleWords {
    /// `words[role]`: its words, as written.
    words: Vec<WordSet>,
    /// `firsts[role]`: the first token of each of its words, as written.
    firsts: Vec<WordSet>,
    /// `longest[role]`: its longest word, in tokens.
    longest: Vec<usize>,
}

impl RuleWords {
    fn read(text: &str) -> Self {
        let mut lists = RuleWords {
            words: vec![WordSet::default(); WordRole::ALL.len()],
            firsts: vec![WordSet::default(); WordRole::ALL.len()],
            longest: vec![0; WordRole::ALL.len()],
        };
        for row in rows(text) {
            let (word, role) = (normalize(field(&row, 0)), field(&row, 1));
            let Some(role) = WordRole::named(role) else {
                panic!("rule_words.tsv: unknown role {role:?} for {word:?}");
            };
            let role = role as usize;
            let tokens = tokenize(&word);
            lists.longest[role] = lists.longest[role].max(tokens.len());
            if let Some(first) = tokens.first() {
                lists.firsts[role].insert(first.text.to_string());
            }
            lists.words[role].insert(word);
        }
        lists
    }

    /// `word` is one of the role's words (compared as written).
    pub fn has(&self, role: WordRole, word: &str) -> bool {
        self.words[role as usize].contains(word)
    }

    /// Some word of the role opens with the token `first` (as written): a
    /// cheap test before looking up the phrases a token opens.
    pub fn opens(&self, role: WordRole, first: &str) -> bool {
        self.firsts[role as usize].contains(first)
    }

    /// The role's longest word, in tokens.
    pub fn longest(&self, role: WordRole) -> usize {
        self.longest[role as usize]
    }

    /// The role's words, in no order.
    pub fn words(&self, role: WordRole) -> impl Iterator<Item = &str> {
        self.words[role as usize].iter()
    }
}

/// All the lists, loaded once.
pub struct Gazetteer {
    pub names: Vec<(String, Known)>,
    /// Every name, walked from one place in a text.
    automaton: NFA,
    /// The first token of every name that does not open with a capital
    /// ("bán đảo Sơn Trà", "eo biển Hormuz"): a name can start only at a
    /// capitalised token or at one of these.
    uncapitalised_openers: WordSet,
    /// Titles lower-cased, to find "Bí thư Trung ương đảng" as "Bí thư Trung ương Đảng".
    titles: Vec<Known>,
    titles_automaton: NFA,
    /// Where each lower-cased title is in `titles`.
    title_index: HashMap<String, usize>,
    pub surnames: WordSet,
    /// Given and middle names ("Cường", "Minh"), as written.
    pub given_names: WordSet,
    /// Foreign words that tell what a foreign name is ("Entertainment",
    /// "Arena", "Series"): a type, or `None` for a product's word.
    pub foreign_words: HashMap<String, Option<EntityType>>,
    /// Given names of other languages that open a person's full name
    /// ("John", "Tatiana"), as written.
    pub foreign_given: WordSet,
    /// Cue phrases, lower-cased.
    cues: HashMap<String, Vec<Cue>>,
    /// What each pattern of `cue_automaton` is.
    cue_kinds: Vec<Vec<Cue>>,
    /// Every cue phrase, walked from one place in a lower-cased text.
    cue_automaton: DFA,
    /// Longest cue, in syllables.
    pub max_cue_len: usize,
    /// Lower-case common words (one or more syllables).
    pub lexicon: WordSet,
    /// Every syllable of the lexicon's words: a fast answer, before the
    /// spelling rules, that a lower-case word is Vietnamese.
    syllables: WordSet,
    /// The words of `offices.tsv`.
    pub offices: OfficeWords,
    /// The words the rules name, by role (`rule_words.tsv`).
    pub rule_words: RuleWords,
}

/// What `offices.tsv` says: whose an office or a body is, where it
/// stands, and when it is those of several countries. Lower-cased.
#[derive(Debug, Default)]
pub struct OfficeWords {
    /// The country whose news this is, by its listed name.
    pub home: String,
    /// Written between a body and its country ("nước").
    pub country_words: Vec<String>,
    /// Offices and bodies named with the place they stand in abroad.
    pub abroad: Vec<String>,
    /// The word before that place ("tại").
    pub at: Vec<String>,
    /// The head of the body a minister named by its field heads ("Bộ"),
    /// as written.
    pub field_heads: Vec<String>,
    /// Words before a body or office that make it several countries', each
    /// with its count of words.
    pub several_before: Vec<(String, usize)>,
    /// Words after a body that do the same ("hai nước").
    pub several_after: Vec<String>,
}

/// An automaton over `patterns` to be walked from one place in a text
/// ([`walk`]), kept small. A DFA takes a few instructions less a byte, but
/// over thousands of names its table takes tens of megabytes (37 MB for the
/// shipped names), and nearly every step of a walk would then miss the
/// cache: a contiguous NFA of the same names takes under 1 MB.
fn walked<'p>(patterns: impl IntoIterator<Item = &'p str>) -> NFA {
    NFA::builder()
        .match_kind(MatchKind::Standard)
        .build(patterns)
        .expect("the automaton builds")
}

/// An automaton over the cue phrases, walked from every word: as a DFA,
/// whose table (3 MB) stays small enough for the cache and whose steps are
/// the cheapest.
fn walked_often<'p>(patterns: impl IntoIterator<Item = &'p str>) -> DFA {
    DFA::builder()
        .match_kind(MatchKind::Standard)
        .start_kind(StartKind::Anchored)
        .build(patterns)
        .expect("the cue automaton builds")
}

/// Walks `automaton` from byte `from` of `hay`, byte by byte, as far as a
/// pattern may go and no further, and calls `found(end, pattern)` for each
/// pattern spelt by `hay[from..end]` (the first listed, when two are
/// spelt alike), shortest first, until `found` returns false.
#[inline]
fn walk(
    automaton: &impl Automaton,
    hay: &[u8],
    from: usize,
    mut found: impl FnMut(usize, usize) -> bool,
) {
    let Ok(mut state) = automaton.start_state(Anchored::Yes) else {
        return;
    };
    for (walked, &byte) in hay[from..].iter().enumerate() {
        state = automaton.next_state(Anchored::Yes, state, byte);
        if automaton.is_dead(state) {
            return;
        }
        if !automaton.is_match(state) {
            continue;
        }
        // A state's matches also hold the shorter patterns ending here;
        // those starting at `from` span the whole walk.
        let len = walked + 1;
        let pattern = (0..automaton.match_len(state))
            .map(|k| automaton.match_pattern(state, k))
            .filter(|&p| automaton.pattern_len(p) == len)
            .min();
        if let Some(p) = pattern {
            if !found(from + len, p.as_usize()) {
                return;
            }
        }
    }
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
                given_names: data!("given_names.txt"),
                foreign_words: data!("foreign_words.tsv"),
                cues: data!("cues.tsv"),
                events: data!("events.tsv"),
                words: data!("words.txt"),
                offices: data!("offices.tsv"),
                rule_words: data!("rule_words.tsv"),
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
            let state = matches!(
                field(&row, 2),
                "ministry" | "party" | "state" | "police" | "military" | "court"
            );
            let news = field(&row, 2) == "news";
            for n in std::iter::once(name).chain(split(field(&row, 1))) {
                add(
                    n,
                    EntityType::Organization,
                    name,
                    KnownDetail::Organization { state, news },
                );
            }
        }
        for row in rows(src.titles) {
            let title = field(&row, 0);
            let detail = KnownDetail::Title {
                takes_body: matches!(field(&row, 2), "yes" | "only"),
                needs_body: field(&row, 2) == "only",
                honour: field(&row, 1) == "honour",
                rank: field(&row, 1) == "rank",
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
        let automaton = walked(names.iter().map(|(n, _)| n.as_str()));
        let uncapitalised_openers = names
            .iter()
            .filter_map(|(n, _)| tokenize(n).first().map(|t| (t.is_capitalized(), t.text)))
            .filter(|&(capitalised, _)| !capitalised)
            .map(|(_, first)| first.to_string())
            .collect();

        let title_rows: Vec<(String, Known)> = title_names
            .into_iter()
            .map(|(n, k)| (n.to_lowercase(), k))
            .collect();
        let title_index = title_rows
            .iter()
            .enumerate()
            .map(|(i, (n, _))| (n.clone(), i))
            .collect();
        let titles_automaton = walked(title_rows.iter().map(|(n, _)| n.as_str()));
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
                "body_before" => Cue::BodyBefore,
                "thing_before" => Cue::ThingBefore,
                "grammar" => Cue::Grammar,
                "no_name_after" => Cue::NoNameAfter,
                "team" => Cue::Team,
                other => panic!("cues.tsv: unknown role {other:?} for {:?}", field(&row, 0)),
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
        let cue_automaton = walked_often(cue_phrases);
        let max_cue_len = cues.keys().map(|k| k.split(' ').count()).max().unwrap_or(1);
        let surnames = rows(src.surnames)
            .map(|r| normalize(field(&r, 0)))
            .collect();
        let given_names = rows(src.given_names)
            .map(|r| normalize(field(&r, 0)))
            .collect();
        let foreign_given = rows(src.foreign_words)
            .filter(|r| field(r, 1) == "given")
            .map(|r| field(&r, 0).to_string())
            .collect();
        let foreign_words = rows(src.foreign_words)
            .filter(|r| field(r, 1) != "given")
            .map(|r| {
                let kind = match field(&r, 1) {
                    "organization" => Some(EntityType::Organization),
                    "location" => Some(EntityType::Location),
                    "person" => Some(EntityType::Person),
                    "thing" => None,
                    other => panic!("foreign_words.tsv: unknown role {other:?} for {:?}", r[0]),
                };
                (field(&r, 0).to_string(), kind)
            })
            .collect();
        let lexicon: WordSet = rows(src.words).map(|r| normalize(field(&r, 0))).collect();
        let syllables = lexicon
            .iter()
            .flat_map(|w| w.split(' '))
            .map(str::to_string)
            .collect();
        let mut offices = OfficeWords::default();
        for row in rows(src.offices) {
            let word = normalize(field(&row, 0));
            let list = match field(&row, 1) {
                "home" => {
                    offices.home = word;
                    continue;
                }
                "field_head" => {
                    offices.field_heads.push(word);
                    continue;
                }
                "country_word" => &mut offices.country_words,
                "abroad" => &mut offices.abroad,
                "at" => &mut offices.at,
                "several_before" => {
                    let n = word.split(' ').count();
                    offices.several_before.push((word.to_lowercase(), n));
                    continue;
                }
                "several_after" => &mut offices.several_after,
                other => panic!("offices.tsv: unknown role {other:?} for {word:?}"),
            };
            list.push(word.to_lowercase());
        }
        Self {
            names,
            automaton,
            uncapitalised_openers,
            titles,
            titles_automaton,
            title_index,
            surnames,
            given_names,
            foreign_words,
            foreign_given,
            cues,
            cue_kinds,
            cue_automaton,
            max_cue_len,
            lexicon,
            syllables,
            offices,
            rule_words: RuleWords::read(src.rule_words),
        }
    }

    /// The listed name spelt exactly `name`, if there is one (its first
    /// meaning, as [`Gazetteer::names_from`] gives it).
    pub fn name_exact(&self, name: &str) -> Option<&Known> {
        let mut found = None;
        self.names_from(name, 0, |end, known| {
            if end == name.len() {
                found = Some(known);
                return false;
            }
            end < name.len()
        });
        found
    }

    /// Whether a listed name may start at `token`: a word or number with
    /// a capital first, or the first token of a name that has none.
    pub fn may_open_name(&self, token: &Token<'_>) -> bool {
        token.kind != TokenKind::Punct
            && (token.is_capitalized() || self.uncapitalised_openers.contains(token.text))
    }

    /// Every listed name that starts at byte `from` of `text`, shortest
    /// first: `found(end, what)`, until it returns false.
    pub fn names_from<'g>(
        &'g self,
        text: &str,
        from: usize,
        mut found: impl FnMut(usize, &'g Known) -> bool,
    ) {
        walk(&self.automaton, text.as_bytes(), from, |end, p| {
            found(end, &self.names[p].1)
        });
    }

    /// The listed title spelt `lower` (lower-cased), if there is one.
    pub fn title_named(&self, lower: &str) -> Option<&Known> {
        self.title_index.get(lower).map(|&i| &self.titles[i])
    }

    /// Every listed title that starts at byte `from` of a lower-cased text,
    /// shortest first: `found(end, what)`, until it returns false.
    pub fn titles_from<'g>(
        &'g self,
        lowered: &str,
        from: usize,
        mut found: impl FnMut(usize, &'g Known) -> bool,
    ) {
        walk(
            &self.titles_automaton,
            lowered.as_bytes(),
            from,
            |end, p| found(end, &self.titles[p]),
        );
    }

    /// Every cue phrase that starts at byte `from` of a lower-cased text,
    /// shortest first: `found(end, what)`, until it returns false.
    pub fn cues_from(
        &self,
        lowered: &str,
        from: usize,
        mut found: impl FnMut(usize, &[Cue]) -> bool,
    ) {
        walk(&self.cue_automaton, lowered.as_bytes(), from, |end, p| {
            found(end, &self.cue_kinds[p])
        });
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
        self.syllables.contains(lower) || crate::syllable::is_vietnamese_syllable(lower)
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
    /// Given and middle names, one per line.
    pub given_names: &'a str,
    /// Foreign words and what they tell: word, role.
    pub foreign_words: &'a str,
    pub cues: &'a str,
    /// Named events: name, kind, other spellings.
    pub events: &'a str,
    /// Ordinary lower-case words, one per line.
    pub words: &'a str,
    /// Words of offices: home country, country words, offices abroad,
    /// words of several countries.
    pub offices: &'a str,
    /// Words the rules name, by role: word, role.
    pub rule_words: &'a str,
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
    Gazetteer::from_sources(&sample_sources())
}

#[cfg(test)]
fn sample_sources() -> Sources<'static> {
    Sources {
        countries: "# test\nLào\tCHDCND Lào|Laos\tVientiane\tViêng Chăn\nViệt Nam\tVN\tHà Nội\t\n",
        provinces: "Nghệ An\ttỉnh\t\tboth\nHồ Chí Minh\tthành phố\tTP.HCM|TP. HCM\tboth\n",
        districts: "Kỳ Anh\thuyện\tHà Tĩnh\n",
        places: "Bắc Bộ\tregion\tmiền Bắc\n",
        organizations: "Bộ Công an\t\tministry\nTTXVN\tThông tấn xã Việt Nam\tnews\n",
        titles: "Bộ trưởng\toffice\tyes\t\nĐại tướng\trank\tno\t\nTiến sĩ\thonour\tno\tTS\nBí thư Trung ương Đảng\toffice\tno\t\nThủ tướng\toffice\tyes\t\n",
        surnames: "Nguyễn\nTô\n",
        given_names: "Cường\nLâm\nMinh\nSang\n",
        foreign_words: "Entertainment\torganization\nArena\tlocation\nSeries\tthing\n",
        cues: "ông\tperson_before\nđồng chí\tperson_before\ntỉnh\tlocation_admin\nthành phố\tlocation_admin\nTP\tlocation_admin\nBộ\torg_head\nChiều\tnot_name\nTại\tnot_name\nĐại hội\tevent_head\nHội nghị\tevent_head\nGiải\tevent_head\nKỳ họp\tevent_head\nLễ hội\tevent_head\n",
        events: "Tết\tholiday\t\nSEA Games\tgames\tSeagame\nV-League\ttournament\t\nAPEC\tseries\t\nQuốc khánh\tholiday\t\nTết Nguyên đán\tholiday\t\n",
        words: "lâm\nchiều\nthành phố\nan ninh\ncông an\ngiáo dục\nđào tạo\nbộ trưởng\n",
        offices: "Việt Nam\thome\nnước\tcountry_word\nĐại sứ\tabroad\nĐại sứ quán\tabroad\ntại\tat\nhai\tseveral_before\nhai nước\tseveral_after\nBộ\tfield_head\n",
        // The words the rules name are part of the rules: the shipped ones.
        rule_words: data!("rule_words.tsv"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[should_panic(expected = "unknown role")]
    fn a_cue_of_an_unknown_role_stops_the_build() {
        let mut src = sample_sources();
        src.cues = "ông\tperson_bfore\n";
        Gazetteer::from_sources(&src);
    }

    #[test]
    #[should_panic(expected = "unknown role")]
    fn a_rule_word_of_an_unknown_role_stops_the_build() {
        let mut src = sample_sources();
        src.rule_words = "nhất\tprise\n";
        Gazetteer::from_sources(&src);
    }

    #[test]
    #[should_panic(expected = "unknown role")]
    fn an_office_word_of_an_unknown_role_stops_the_build() {
        let mut src = sample_sources();
        src.offices = "Việt Nam\thome\nnước\tcountry_wrd\n";
        Gazetteer::from_sources(&src);
    }

    #[test]
    fn every_rule_word_role_is_named_at_its_place() {
        for (k, &(name, role)) in WordRole::ALL.iter().enumerate() {
            assert_eq!(role as usize, k, "{name}");
            assert_eq!(role.name(), name);
        }
    }

    #[test]
    fn rule_words_are_looked_up_by_role() {
        let mut src = sample_sources();
        src.rule_words = "nhất\tprize\ntoàn quốc\tevent_ending\n";
        let g = Gazetteer::from_sources(&src);
        assert!(g.rule_words.has(WordRole::Prize, "nhất"));
        assert!(!g.rule_words.has(WordRole::EventEnding, "nhất"));
        assert_eq!(g.rule_words.longest(WordRole::EventEnding), 2);
        assert_eq!(g.rule_words.longest(WordRole::Ordinal), 0);
    }

    #[test]
    fn the_shipped_lists_load_with_every_role_known() {
        let g = Gazetteer::shipped();
        assert!(g.given_names.contains("Cường"));
        assert_eq!(
            g.foreign_words.get("Arena"),
            Some(&Some(EntityType::Location))
        );
    }

    #[test]
    fn aliases_resolve_to_their_canonical_name() {
        let g = sample();
        let text = "Tại Viêng Chăn, CHDCND Lào, Bộ Công an, TS";
        let mut found: Vec<(&str, &str)> = Vec::new();
        for word in ["Viêng", "CHDCND", "Bộ", "TS"] {
            let from = text.find(word).unwrap();
            g.names_from(text, from, |end, k| {
                found.push((&text[from..end], k.canonical.as_str()));
                true
            });
        }
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
