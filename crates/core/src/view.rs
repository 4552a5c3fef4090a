//! The URL contract: what a `#/route?query` link means.
//!
//! Reading is two steps, as links come from people: the fragment is split
//! into a path and raw key/value pairs ([`RawQuery`]), then each value is
//! checked and typed into a [`ViewState`]. A value that cannot be read is
//! dropped and reported as a [`LinkProblem`], so the view shows the rest
//! and says what was wrong. [`ViewState::to_hash`] writes the canonical
//! link back; `parse(to_hash(v)) == v` for every state.

use std::fmt;

use crate::date::PartialDate;

pub use crate::entity::EntityType;

/// The interface language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Vi => "vi",
            Self::En => "en",
        }
    }
}

/// The order of the library's articles (`sort`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Sort {
    /// Newest first, the undated last (the default).
    #[default]
    Newest,
    /// Oldest first, the undated last.
    Oldest,
    /// With a query: the most matches first, then the newest.
    Relevance,
}

impl Sort {
    pub const ALL: [Sort; 3] = [Sort::Newest, Sort::Oldest, Sort::Relevance];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Newest => "newest",
            Self::Oldest => "oldest",
            Self::Relevance => "relevance",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Which view a link opens.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum Route {
    /// `#/`: every article.
    #[default]
    Library,
    /// `#/read/<article-id>`.
    Read(String),
    /// `#/compare/<id>,<id>[,…]`.
    Compare(Vec<String>),
    /// `#/entity/<entity-id>`.
    Entity(String),
    /// A path this version does not know; kept to say so.
    Unknown(String),
}

/// The typed query of a link. Empty fields are absent from the link.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Query {
    /// `q`: the text filter.
    pub q: String,
    /// `e`: entity ids, all required.
    pub e: Vec<String>,
    /// `t`: entity types shown highlighted; `None` means all.
    pub t: Option<Vec<EntityType>>,
    pub from: Option<PartialDate>,
    pub to: Option<PartialDate>,
    /// `hl`: one entity emphasised.
    pub hl: Option<String>,
    /// `p`: a paragraph number (1-based) to scroll to.
    pub p: Option<u32>,
    pub lang: Lang,
    /// `source`: only the articles of this source.
    pub source: Option<String>,
    /// `sort`: the library's order.
    pub sort: Sort,
    /// `pick`: the library's articles picked to set side by side.
    pub pick: Vec<String>,
}

/// A view: the route and its query.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct ViewState {
    pub route: Route,
    pub query: Query,
}

/// A part of a link that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkProblem {
    pub key: String,
    pub value: String,
    pub reason: &'static str,
}

impl fmt::Display for LinkProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}={}: {}", self.key, self.value, self.reason)
    }
}

/// A fragment split into its path and decoded key/value pairs, nothing checked yet.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RawQuery {
    pub path: String,
    pub pairs: Vec<(String, String)>,
}

impl RawQuery {
    /// Splits `#/read/x?hl=a&p=2` (with or without the `#`).
    pub fn parse(fragment: &str) -> Self {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        let (path, query) = fragment.split_once('?').unwrap_or((fragment, ""));
        let pairs = query
            .split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| {
                let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
                (decode_value(key), decode_value(value))
            })
            .collect();
        Self {
            path: path.to_string(),
            pairs,
        }
    }
}

/// An action on the view; [`ViewState::apply`] gives the next view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Open a route, keeping the language and the types shown, nothing else.
    Open(Route),
    SetLang(Lang),
    /// Show or hide the highlights of one type (`t`).
    ToggleType(EntityType),
    /// Emphasise one entity, or none (`hl`).
    Highlight(Option<String>),
    /// Scroll to a paragraph, or to none (`p`).
    Paragraph(Option<u32>),
    /// The text filter (`q`).
    SetText(String),
    /// The entities required (`e`).
    SetEntities(Vec<String>),
    /// The date range (`from`, `to`).
    SetRange(Option<PartialDate>, Option<PartialDate>),
    /// Only the articles of one source, or of any (`source`).
    SetSource(Option<String>),
    /// The library's order (`sort`).
    SetSort(Sort),
    /// Pick an article to set side by side, or unpick it (`pick`).
    TogglePick(String),
    /// Unpick every article.
    ClearPicks,
}

impl ViewState {
    /// Reads a link's fragment. Never fails: what cannot be read is left out
    /// and listed in the returned problems.
    pub fn parse(fragment: &str) -> (Self, Vec<LinkProblem>) {
        let raw = RawQuery::parse(fragment);
        let mut problems = Vec::new();
        let route = parse_route(&raw.path);
        let mut query = Query::default();
        for (key, value) in raw.pairs {
            let mut bad = |reason| {
                problems.push(LinkProblem {
                    key: key.clone(),
                    value: value.clone(),
                    reason,
                })
            };
            match key.as_str() {
                "q" => query.q = value.trim().to_string(),
                "e" => query.e = split_list(&value),
                "t" => {
                    let mut types = Vec::new();
                    for name in split_list(&value) {
                        match EntityType::parse(&name) {
                            Some(t) if !types.contains(&t) => types.push(t),
                            Some(_) => {}
                            None => bad("not an entity type (person, organization, location, date, title, event)"),
                        }
                    }
                    crate::sort::sort(&mut types);
                    query.t = Some(types);
                }
                "from" | "to" => match PartialDate::parse(&value) {
                    Some(d) if key == "from" => query.from = Some(d),
                    Some(d) => query.to = Some(d),
                    None => bad("not a date (YYYY, YYYY-MM or YYYY-MM-DD)"),
                },
                "hl" if !value.trim().is_empty() => query.hl = Some(value.trim().to_string()),
                "hl" => {}
                "p" => match value.parse::<u32>() {
                    Ok(n) if n >= 1 => query.p = Some(n),
                    _ => bad("not a paragraph number (1, 2, 3…)"),
                },
                "source" if !value.trim().is_empty() => {
                    query.source = Some(value.trim().to_string())
                }
                "source" => {}
                "sort" => match Sort::parse(value.trim()) {
                    Some(sort) => query.sort = sort,
                    None => bad("not an order (newest, oldest, relevance)"),
                },
                "pick" => query.pick = split_list(&value),
                "lang" => match value.as_str() {
                    "vi" => query.lang = Lang::Vi,
                    "en" => query.lang = Lang::En,
                    _ => bad("not a language this reader speaks (vi, en)"),
                },
                // Keys from newer links are ignored, so old readers still open them.
                _ => {}
            }
        }
        (Self { route, query }, problems)
    }

    /// The canonical fragment for this view, starting with `#/`.
    pub fn to_hash(&self) -> String {
        let mut out = self.route_hash();
        write_pairs(&mut out, &self.query_pairs(), 0);
        out
    }

    /// The route part of the fragment, starting with `#/`.
    fn route_hash(&self) -> String {
        let mut out = String::from("#/");
        match &self.route {
            Route::Library => {}
            Route::Read(id) => {
                out.push_str("read/");
                out.push_str(&encode_segment(id));
            }
            Route::Compare(ids) => {
                out.push_str("compare/");
                out.push_str(
                    &ids.iter()
                        .map(|id| encode_segment(id))
                        .collect::<Vec<_>>()
                        .join(","),
                );
            }
            Route::Entity(id) => {
                out.push_str("entity/");
                out.push_str(&encode_segment(id));
            }
            Route::Unknown(path) => out.push_str(path.trim_start_matches('/')),
        }
        out
    }

    /// The query's keys and values as the fragment writes them, in order.
    fn query_pairs(&self) -> Vec<(&'static str, String)> {
        let q = &self.query;
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if !q.q.is_empty() {
            pairs.push(("q", q.q.clone()));
        }
        if !q.e.is_empty() {
            pairs.push(("e", q.e.join(",")));
        }
        if let Some(t) = &q.t {
            pairs.push((
                "t",
                t.iter().map(|t| t.as_str()).collect::<Vec<_>>().join(","),
            ));
        }
        if let Some(d) = q.from {
            pairs.push(("from", d.to_string()));
        }
        if let Some(d) = q.to {
            pairs.push(("to", d.to_string()));
        }
        if let Some(hl) = &q.hl {
            pairs.push(("hl", hl.clone()));
        }
        if let Some(p) = q.p {
            pairs.push(("p", p.to_string()));
        }
        if let Some(source) = &q.source {
            pairs.push(("source", source.clone()));
        }
        if q.sort != Sort::default() {
            pairs.push(("sort", q.sort.as_str().to_string()));
        }
        if !q.pick.is_empty() {
            pairs.push(("pick", q.pick.join(",")));
        }
        if q.lang != Lang::default() {
            pairs.push(("lang", q.lang.as_str().to_string()));
        }
        pairs
    }

    /// The view after an action. Pure: the caller writes it to the URL.
    pub fn apply(&self, action: Action) -> Self {
        match action {
            Action::Open(route) => Self {
                route,
                query: Query {
                    lang: self.query.lang,
                    t: self.query.t.clone(),
                    ..Query::default()
                },
            },
            Action::SetLang(lang) => self.with(|q| q.lang = lang),
            Action::ToggleType(kind) => self.with(|q| {
                let mut shown: Vec<EntityType> =
                    q.t.clone().unwrap_or_else(|| EntityType::ALL.to_vec());
                if let Some(i) = shown.iter().position(|&t| t == kind) {
                    shown.remove(i);
                } else {
                    shown.push(kind);
                    crate::sort::sort(&mut shown);
                }
                q.t = (shown.len() < EntityType::ALL.len()).then_some(shown);
            }),
            Action::Highlight(hl) => self.with(|q| q.hl = hl.filter(|h| !h.is_empty())),
            Action::Paragraph(p) => self.with(|q| q.p = p.filter(|&p| p >= 1)),
            Action::SetText(text) => self.with(|q| q.q = text.trim().to_string()),
            Action::SetEntities(e) => self.with(|q| q.e = e),
            Action::SetRange(from, to) => self.with(|q| {
                q.from = from;
                q.to = to;
            }),
            Action::SetSource(source) => self.with(|q| q.source = source.filter(|s| !s.is_empty())),
            Action::SetSort(sort) => self.with(|q| q.sort = sort),
            Action::TogglePick(id) => self.with(|q| {
                if let Some(i) = q.pick.iter().position(|p| *p == id) {
                    q.pick.remove(i);
                } else {
                    q.pick.push(id);
                }
            }),
            Action::ClearPicks => self.with(|q| q.pick.clear()),
        }
    }

    fn with(&self, change: impl FnOnce(&mut Query)) -> Self {
        let mut next = self.clone();
        change(&mut next.query);
        next
    }
}

impl Query {
    /// Whether mentions of this type are highlighted (`t`; all when absent).
    pub fn shows(&self, kind: EntityType) -> bool {
        self.t.as_ref().is_none_or(|t| t.contains(&kind))
    }
}

fn split_list(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

/// Percent-decodes a path segment (`%20`, `%C3%B4`); malformed escapes are
/// kept as written, and bytes that are not UTF-8 read as U+FFFD.
fn percent_decode(s: &str) -> String {
    decode_bytes(s.as_bytes())
}

/// Decodes a query key or value: a `+` is a space, then as [`percent_decode`].
fn decode_value(s: &str) -> String {
    decode_bytes(s.replace('+', " ").as_bytes())
}

fn decode_bytes(bytes: &[u8]) -> String {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = match bytes[i..] {
            [b'%', high, low, ..] => hex_digit(high).zip(hex_digit(low)),
            _ => None,
        };
        match escaped {
            Some((high, low)) => {
                out.push(high << 4 | low);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex_digit(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// Percent-encodes (upper-case hex) every byte of `s` but ASCII letters,
/// digits, `-_.~:` and the bytes of `also`, which a link keeps as written.
/// A space is `+` where `space_plus` is set.
fn encode(s: &str, also: &[u8], space_plus: bool) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~:".contains(&b) || also.contains(&b) {
            out.push(b as char);
        } else if b == b' ' && space_plus {
            out.push('+');
        } else {
            out.push('%');
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 15)] as char);
        }
    }
    out
}

/// Encodes a query value so that links stay readable: entity ids
/// (`person:to-lam`) and lists (`a,b`) as written, a space as `+`.
fn encode_value(s: &str) -> String {
    encode(s, b",/", true)
}

/// Percent-encodes what a path segment may not hold as written.
fn encode_segment(s: &str) -> String {
    encode(s, b"", false)
}

/// Writes `key=value` pairs, encoded, the first after `?` unless `written`
/// pairs come before it.
fn write_pairs(out: &mut String, pairs: &[(&str, String)], written: usize) {
    for (i, (key, value)) in pairs.iter().enumerate() {
        out.push(if i + written == 0 { '?' } else { '&' });
        out.push_str(key);
        out.push('=');
        out.push_str(&encode_value(value));
    }
}

fn parse_route(path: &str) -> Route {
    let path = path.trim_start_matches('/');
    let (head, rest) = path.split_once('/').unwrap_or((path, ""));
    let rest = rest.trim_end_matches('/');
    match (head, rest) {
        ("", "") => Route::Library,
        ("read", id) if !id.is_empty() => Route::Read(percent_decode(id)),
        ("compare", ids) if !ids.is_empty() => Route::Compare(
            ids.split(',')
                .filter(|s| !s.is_empty())
                .map(percent_decode)
                .collect(),
        ),
        ("entity", id) if !id.is_empty() => Route::Entity(percent_decode(id)),
        _ => Route::Unknown(percent_decode(path)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> ViewState {
        let (v, problems) = ViewState::parse(s);
        assert!(problems.is_empty(), "{s}: {problems:?}");
        v
    }

    #[test]
    fn routes_of_the_contract_are_read() {
        assert_eq!(parse("").route, Route::Library);
        assert_eq!(parse("#/").route, Route::Library);
        assert_eq!(
            parse("#/read/002_32c7cf5c29c9a34a").route,
            Route::Read("002_32c7cf5c29c9a34a".into())
        );
        assert_eq!(
            parse("#/compare/a,b,c").route,
            Route::Compare(vec!["a".into(), "b".into(), "c".into()])
        );
        assert_eq!(
            parse("#/entity/person:to-lam").route,
            Route::Entity("person:to-lam".into())
        );
        assert_eq!(
            parse("#/somewhere/else").route,
            Route::Unknown("somewhere/else".into())
        );
        assert_eq!(parse("#/read/").route, Route::Unknown("read/".into()));
    }

    #[test]
    fn query_keys_are_typed() {
        let v = parse("#/read/x?q=T%C3%B4+L%C3%A2m&e=person:to-lam,location:lao&t=title,person&from=2020&to=2025-01&hl=person:to-lam&p=3&lang=en");
        assert_eq!(v.query.q, "Tô Lâm");
        assert_eq!(v.query.e, ["person:to-lam", "location:lao"]);
        assert_eq!(v.query.t, Some(vec![EntityType::Person, EntityType::Title]));
        assert_eq!(v.query.from, PartialDate::parse("2020"));
        assert_eq!(v.query.to, PartialDate::parse("2025-01"));
        assert_eq!(v.query.hl.as_deref(), Some("person:to-lam"));
        assert_eq!(v.query.p, Some(3));
        assert_eq!(v.query.lang, Lang::En);
    }

    #[test]
    fn malformed_values_are_dropped_and_named() {
        let (v, problems) =
            ViewState::parse("#/read/x?p=abc&from=2020-13&t=person,ghost&lang=fr&hl=a");
        assert_eq!(v.route, Route::Read("x".into()));
        assert_eq!(v.query.p, None);
        assert_eq!(v.query.from, None);
        assert_eq!(v.query.t, Some(vec![EntityType::Person]));
        assert_eq!(v.query.hl.as_deref(), Some("a"));
        let keys: Vec<&str> = problems.iter().map(|p| p.key.as_str()).collect();
        assert_eq!(keys, ["p", "from", "t", "lang"]);
        assert_eq!(
            problems[0].to_string(),
            "p=abc: not a paragraph number (1, 2, 3…)"
        );
    }

    #[test]
    fn source_sort_and_picks_are_read_written_and_set() {
        let v = parse("#/?q=a&source=TTXVN&sort=relevance&pick=x,y");
        assert_eq!(v.query.source.as_deref(), Some("TTXVN"));
        assert_eq!(v.query.sort, Sort::Relevance);
        assert_eq!(v.query.pick, ["x", "y"]);
        assert_eq!(v.to_hash(), "#/?q=a&source=TTXVN&sort=relevance&pick=x,y");
        let next = v
            .apply(Action::TogglePick("x".into()))
            .apply(Action::TogglePick("z".into()))
            .apply(Action::SetSort(Sort::Newest))
            .apply(Action::SetSource(None));
        assert_eq!(next.to_hash(), "#/?q=a&pick=y,z");
        assert_eq!(next.apply(Action::ClearPicks).to_hash(), "#/?q=a");
        let (v, problems) = ViewState::parse("#/?sort=best");
        assert_eq!(v.query.sort, Sort::Newest);
        assert_eq!(problems[0].key, "sort");
    }

    #[test]
    fn unknown_keys_from_newer_links_are_ignored() {
        assert_eq!(parse("#/?future=1"), ViewState::default());
    }

    #[test]
    fn links_round_trip_through_their_canonical_form() {
        for link in [
            "#/",
            "#/read/002_32c7cf5c29c9a34a?hl=person:to-lam&p=4",
            "#/compare/a,b?t=person,title&lang=en",
            "#/entity/location:vientiane?from=2020&to=2025-01-31",
            "#/?q=Vi%C3%AAng+Ch%C4%83n&e=person:to-lam,location:lao",
            "#/read/b%C3%A0i%20m%E1%BB%99t",
        ] {
            let v = parse(link);
            assert_eq!(v.to_hash(), link);
            assert_eq!(parse(&v.to_hash()), v);
        }
    }

    #[test]
    fn ids_with_spaces_and_diacritics_survive_a_link() {
        let v = ViewState {
            route: Route::Read("bài một".into()),
            ..Default::default()
        };
        assert_eq!(parse(&v.to_hash()), v);
    }

    #[test]
    fn broken_percent_escapes_do_not_break_the_page() {
        assert_eq!(parse("#/read/%zz%").route, Route::Read("%zz%".into()));
        assert_eq!(parse("#/read/%E1%BB").route, Route::Read("\u{FFFD}".into()));
    }

    #[test]
    fn opening_a_route_keeps_only_the_language_and_types() {
        let v = parse("#/read/x?hl=a&p=2&lang=en&q=x&e=a");
        let next = v.apply(Action::Open(Route::Library));
        assert_eq!(next.to_hash(), "#/?lang=en");
        assert_eq!(next.apply(Action::SetLang(Lang::Vi)).to_hash(), "#/");
        let typed = parse("#/read/x?t=person&hl=a");
        assert_eq!(
            typed.apply(Action::Open(Route::Read("y".into()))).to_hash(),
            "#/read/y?t=person"
        );
    }

    #[test]
    fn toggling_types_writes_t_only_when_some_are_hidden() {
        let v = parse("#/read/x");
        assert!(v.query.shows(EntityType::Date));
        let no_dates = v.apply(Action::ToggleType(EntityType::Date));
        assert_eq!(
            no_dates.to_hash(),
            "#/read/x?t=person,organization,location,title,event"
        );
        assert!(!no_dates.query.shows(EntityType::Date));
        assert_eq!(
            no_dates
                .apply(Action::ToggleType(EntityType::Date))
                .to_hash(),
            "#/read/x"
        );
        let only = parse("#/read/x?t=person");
        assert_eq!(
            only.apply(Action::ToggleType(EntityType::Person)).to_hash(),
            "#/read/x?t="
        );
        assert!(parse("#/read/x?t=").query.t == Some(vec![]));
    }

    #[test]
    fn emphasis_paragraph_and_filters_are_set_by_actions() {
        let v = parse("#/read/x?p=3");
        let hl = v.apply(Action::Highlight(Some("person:to-lam".into())));
        assert_eq!(hl.to_hash(), "#/read/x?hl=person:to-lam&p=3");
        assert_eq!(
            hl.apply(Action::Highlight(None))
                .apply(Action::Paragraph(None))
                .to_hash(),
            "#/read/x"
        );
        let lib = parse("#/")
            .apply(Action::SetText(" Tô Lâm ".into()))
            .apply(Action::SetEntities(vec!["location:lao".into()]))
            .apply(Action::SetRange(PartialDate::parse("2020"), None));
        assert_eq!(
            lib.to_hash(),
            "#/?q=T%C3%B4+L%C3%A2m&e=location:lao&from=2020"
        );
    }
}

/// The link's escapes against the `percent-encoding` and `form_urlencoded`
/// crates' reading and writing of the same sets.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod escapes {
    use super::*;
    use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
    use proptest::prelude::*;

    const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'~')
        .remove(b':');
    const VALUE: &AsciiSet = &SEGMENT.remove(b',').remove(b'/');

    /// Text with what links escape or keep: `%` followed by good and bad
    /// hex, `+`, `&`, `=`, spaces, punctuation, Vietnamese and other scripts.
    fn text() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                Just("%".to_string()),
                Just("%2".to_string()),
                Just("%e1%bb%91".to_string()),
                Just("%C3".to_string()),
                Just("%zz".to_string()),
                Just("+".to_string()),
                Just("&".to_string()),
                Just("=".to_string()),
                Just("&&".to_string()),
                "[ -~]{0,4}",
                "[àáảãạăằắẳẵặâầấẩẫậđêềếểễệôồốổỗộơờớởỡợưừứửữự]{0,3}",
                any::<char>().prop_map(String::from),
            ],
            0..12,
        )
        .prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn segments_and_values_are_escaped_as_those_crates_escape_them(s in text()) {
            prop_assert_eq!(encode_segment(&s), utf8_percent_encode(&s, SEGMENT).to_string());
            prop_assert_eq!(
                encode_value(&s),
                utf8_percent_encode(&s, VALUE).to_string().replace("%20", "+")
            );
        }

        #[test]
        fn segments_are_read_as_those_crates_read_them(s in text()) {
            prop_assert_eq!(
                percent_decode(&s),
                percent_decode_str(&s).decode_utf8_lossy().into_owned()
            );
        }

        #[test]
        fn queries_are_split_and_read_as_those_crates_read_them(s in text()) {
            let ours = RawQuery::parse(&format!("#/?{s}")).pairs;
            let theirs: Vec<(String, String)> = form_urlencoded::parse(s.as_bytes())
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect();
            prop_assert_eq!(ours, theirs);
        }

        #[test]
        fn what_is_escaped_reads_back(s in text()) {
            prop_assert_eq!(percent_decode(&encode_segment(&s)), s.clone());
            prop_assert_eq!(decode_value(&encode_value(&s)), s);
        }
    }
}
