//! A corpus: the articles read from files or folders, every problem found
//! on the way named by file, and the bytes the app embeds.

use std::collections::HashMap;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use std::io::Write;

use flate2::write::DeflateEncoder;
use flate2::Compression;
use serde::Serialize;

use crate::article::{Article, DateBasis};
use crate::entity::{Entity, EntityType};
use crate::extract::resolve::extract_corpus_telling;
use crate::extract::Extractor;
use crate::parse::{parse_article, FileKind};
use crate::sidecar;
use crate::wire::{inflate_read, Read, Reader, Stop};

/// A file larger than this is refused: no news article is this long, and
/// the whole corpus is embedded in the page.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// First bytes of an encoded corpus, then a format version, then the
/// corpus in postcard, compressed with DEFLATE.
const MAGIC: &[u8; 4] = b"DCCR";
const FORMAT_VERSION: u16 = 6;

/// The articles of a collection, in id order, with the entities found in
/// them once [`Corpus::annotate`] has run.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Corpus {
    pub articles: Vec<Article>,
    /// Every entity, in id order.
    pub entities: Vec<Entity>,
    /// Per article (in the order of `articles`), its mentions in text order.
    #[serde(serialize_with = "mark_steps::serialize")]
    pub marks: Vec<Vec<Mark>>,
}

/// Marks as they are written: each one's start from the start of the one
/// before (they are in text order), its length, and its entity. The numbers
/// are then small and alike, and the embedded corpus compresses better.
/// Any marks read back as they were written (the steps wrap around).
mod mark_steps {
    use super::Mark;
    use crate::wire::{Reader, Stop};
    use serde::{Serialize, Serializer};

    /// (start from the mark before, length, entity)
    type Step = (u32, u32, u32);

    pub fn serialize<S: Serializer>(marks: &[Vec<Mark>], to: S) -> Result<S::Ok, S::Error> {
        let steps: Vec<Vec<Step>> = marks
            .iter()
            .map(|list| {
                let mut before = 0;
                list.iter()
                    .map(|m| {
                        let step = (
                            m.start.wrapping_sub(before),
                            m.end.wrapping_sub(m.start),
                            m.entity,
                        );
                        before = m.start;
                        step
                    })
                    .collect()
            })
            .collect();
        steps.serialize(to)
    }

    pub fn read(r: &mut Reader) -> Result<Vec<Vec<Mark>>, Stop> {
        r.seq(|r| {
            let mut start = 0u32;
            r.seq(|r| {
                let (gap, len, entity): Step = crate::wire::Read::read(r)?;
                start = start.wrapping_add(gap);
                Ok(Mark {
                    start,
                    end: start.wrapping_add(len),
                    entity,
                })
            })
        })
    }
}

/// One mention of an entity, as the reader shows it: a byte range of
/// [`Article::text`] and the index of its entity in [`Corpus::entities`].
/// (The entity's type is the mention's type.)
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    pub start: u32,
    pub end: u32,
    pub entity: u32,
}

/// How bad a problem is: an error stops the build, a warning does not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Severity {
    Error,
    Warning,
}

/// Something wrong with one input file (or folder), said for a person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub file: String,
    pub severity: Severity,
    pub reason: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{level}: {}: {}", self.file, self.reason)
    }
}

/// A corpus as read, with the problems found.
#[derive(Debug, Default)]
pub struct Loaded {
    pub corpus: Corpus,
    pub problems: Vec<Problem>,
}

impl Loaded {
    /// True when a build from these files must fail.
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Error)
    }
}

/// Why embedded corpus bytes could not be read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    NotACorpus,
    Version(u16),
    Corrupt(String),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotACorpus => write!(f, "the embedded data is not a Đối chiếu corpus"),
            Self::Version(v) => write!(
                f,
                "the embedded corpus has format {v}; this reader knows format {FORMAT_VERSION}"
            ),
            Self::Corrupt(e) => write!(f, "the embedded corpus is damaged: {e}"),
        }
    }
}

impl Read for Corpus {
    fn read(r: &mut Reader) -> Result<Self, Stop> {
        Ok(Corpus {
            articles: Read::read(r)?,
            entities: Read::read(r)?,
            marks: mark_steps::read(r)?,
        })
    }
}

impl Corpus {
    /// The article with this id.
    pub fn article(&self, id: &str) -> Option<&Article> {
        self.article_index(id).map(|i| &self.articles[i])
    }

    /// Where the article with this id is in [`Corpus::articles`].
    pub fn article_index(&self, id: &str) -> Option<usize> {
        self.articles
            .binary_search_by(|a| a.id.as_str().cmp(id))
            .ok()
    }

    /// The entity with this id.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entity_index(id).map(|i| &self.entities[i])
    }

    /// Where the entity with this id is in [`Corpus::entities`].
    pub fn entity_index(&self, id: &str) -> Option<usize> {
        self.entities
            .binary_search_by(|e| e.id.as_str().cmp(id))
            .ok()
    }

    /// The mentions of the article at `index`, in text order (none before
    /// [`Corpus::annotate`]).
    pub fn marks_of(&self, index: usize) -> &[Mark] {
        self.marks.get(index).map_or(&[], Vec::as_slice)
    }

    /// The type of the entity a mark points to.
    pub fn kind_of(&self, mark: &Mark) -> EntityType {
        self.entities[mark.entity as usize].kind
    }

    /// Finds and resolves the entities of every article.
    pub fn annotate(&mut self, extractor: &Extractor) {
        self.annotate_telling(extractor, &mut |_| {});
    }

    /// [`Corpus::annotate`], telling `progress` how many articles are read.
    pub fn annotate_telling(&mut self, extractor: &Extractor, progress: &mut dyn FnMut(usize)) {
        let extraction = extract_corpus_telling(&self.articles, extractor, progress);
        self.set_extraction(extraction);
    }

    /// Takes what extraction made of these articles
    /// ([`crate::extract::resolve::extract_corpus`]) as their marks and
    /// entities: [`Corpus::annotate`] in two steps, so that the articles
    /// can be read for something else while they are extracted.
    pub fn set_extraction(&mut self, extraction: crate::extract::resolve::Extraction) {
        // Resolution gives one entity per id, in id order.
        let entities = extraction.entities;
        debug_assert!(entities.windows(2).all(|w| w[0].id < w[1].id));
        let index_of = |id: &str| {
            entities
                .binary_search_by(|e| e.id.as_str().cmp(id))
                .ok()
                .and_then(|i| u32::try_from(i).ok())
        };
        // The mentions of one entity share its id: each id is looked up once.
        let mut known: rustc_hash::FxHashMap<*const u8, Option<u32>> = Default::default();
        let marks = extraction
            .mentions
            .iter()
            .map(|mentions| {
                let mut marks: Vec<Mark> = mentions
                    .iter()
                    .filter_map(|m| {
                        let entity = *known
                            .entry(m.entity.as_ptr())
                            .or_insert_with(|| index_of(&m.entity));
                        Some(Mark {
                            start: m.start,
                            end: m.end,
                            entity: entity?,
                        })
                    })
                    .collect();
                marks.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
                marks
            })
            .collect();
        self.marks = marks;
        self.entities = entities;
    }

    /// The bytes the app embeds. They are compressed: the app holds them
    /// for as long as it runs, beside the corpus read from them.
    pub fn encode(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        let body = postcard::to_allocvec(self).expect("writing to a Vec cannot fail");
        let mut deflate = DeflateEncoder::new(out, Compression::default());
        deflate
            .write_all(&body)
            .expect("writing to a Vec cannot fail");
        deflate.finish().expect("writing to a Vec cannot fail")
    }

    /// Reads bytes written by [`Corpus::encode`].
    pub fn decode(bytes: &[u8]) -> Result<Self, DecodeError> {
        let rest = bytes
            .strip_prefix(MAGIC.as_slice())
            .ok_or(DecodeError::NotACorpus)?;
        let (version, body) = rest
            .split_first_chunk::<2>()
            .ok_or(DecodeError::NotACorpus)?;
        let version = u16::from_le_bytes(*version);
        if version != FORMAT_VERSION {
            return Err(DecodeError::Version(version));
        }
        // Read as it is inflated, so that the whole uncompressed form is
        // never in memory at once.
        let corpus: Corpus =
            inflate_read(body, u64::MAX).map_err(|e| DecodeError::Corrupt(e.to_string()))?;
        corpus.check_marks().map_err(DecodeError::Corrupt)?;
        Ok(corpus)
    }

    /// Whether every mark can be shown: one list of marks per article, each
    /// mark's entity among the entities and its range in order. Bytes read
    /// back well-formed may still say otherwise; they are refused, never
    /// followed into a panic.
    fn check_marks(&self) -> Result<(), String> {
        if !self.marks.is_empty() && self.marks.len() != self.articles.len() {
            return Err(format!(
                "{} lists of mentions for {} articles",
                self.marks.len(),
                self.articles.len()
            ));
        }
        let entities = self.entities.len();
        for (marks, article) in self.marks.iter().zip(&self.articles) {
            if let Some(m) = marks
                .iter()
                .find(|m| m.entity as usize >= entities || m.start > m.end)
            {
                return Err(format!(
                    "a mention of article «{}» at {}..{} names entity {} of {entities}",
                    article.id, m.start, m.end, m.entity
                ));
            }
        }
        Ok(())
    }
}

/// A corpus of these (id, text) articles with its entities found: for tests.
#[cfg(test)]
pub(crate) fn annotated(articles: &[(&str, &str)]) -> Corpus {
    let mut corpus = Corpus {
        articles: articles
            .iter()
            .map(|(id, text)| parse_article(id, text, FileKind::Text))
            .collect(),
        ..Corpus::default()
    };
    corpus.annotate(&Extractor::default());
    corpus
}

/// Reads a corpus as the build does: every `.txt`/`.md` file named, or found
/// (recursively, hidden files skipped) in every folder named.
pub fn load(paths: &[PathBuf]) -> Loaded {
    let mut loaded = Loaded::default();
    let mut seen: HashMap<String, String> = HashMap::new();
    let mut files: Vec<PathBuf> = Vec::new();
    for path in paths {
        files.extend(article_files(path, &mut loaded.problems));
    }
    // Each file is read and parsed on its own, on every core; what they
    // say is then taken in the order of the files.
    let read = crate::pack::parallel_map(&files, |file| {
        let shown = file.display().to_string();
        let mut problems = Vec::new();
        let Some(raw) = read_text(file, &shown, &mut problems) else {
            return (shown, String::new(), None, problems);
        };
        let kind = file
            .extension()
            .and_then(|e| e.to_str())
            .and_then(FileKind::from_extension)
            .unwrap_or(FileKind::Text);
        let id = file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if let Some(problem) = id_problem(&id) {
            problems.push(error(&shown, problem));
            return (shown, id, None, problems);
        }
        if let Some(tag) = markup_tag(&raw) {
            let reason = format!(
                "contains markup ({tag}); it is kept and shown as plain text, never as HTML"
            );
            problems.push(Problem {
                file: shown.clone(),
                severity: Severity::Warning,
                reason,
            });
        }
        let article = parse_article(&id, &raw, kind);
        (shown, id, Some(article), problems)
    });
    for (shown, id, article, problems) in read {
        let Some(article) = article else {
            loaded.problems.extend(problems);
            continue;
        };
        if let Some(first) = seen.get(&id) {
            let reason = format!("has the id \"{id}\", as {first} does; article ids are file names without extension and must differ, so rename one");
            loaded.problems.push(error(&shown, reason));
            continue;
        }
        loaded.problems.extend(problems);
        seen.insert(id, shown);
        loaded.corpus.articles.push(article);
    }
    for path in paths.iter().filter(|p| p.is_dir()) {
        apply_sidecar(path, &mut loaded);
    }
    loaded.corpus.articles.sort_by(|a, b| a.id.cmp(&b.id));
    loaded
}

/// Dates (and sources and titles) from the folder's `articles.tsv`, if it
/// has one ([`crate::sidecar`]), every bad row named by file and line.
fn apply_sidecar(dir: &Path, loaded: &mut Loaded) {
    let file = dir.join(sidecar::FILE_NAME);
    if !file.is_file() {
        return;
    }
    let shown = file.display().to_string();
    let Some(text) = read_text(&file, &shown, &mut loaded.problems) else {
        return;
    };
    let (rows, problems) = sidecar::parse(&text);
    for p in problems {
        loaded.problems.push(Problem {
            file: shown.clone(),
            severity: p.severity,
            reason: format!("line {}: {}", p.line, p.reason),
        });
    }
    for row in rows {
        let Some(article) = loaded.corpus.articles.iter_mut().find(|a| a.id == row.id) else {
            loaded.problems.push(Problem {
                file: shown.clone(),
                severity: Severity::Warning,
                reason: format!(
                    "line {}: no article has the id \"{}\" (the file name without extension), so the row is not used",
                    row.line, row.id
                ),
            });
            continue;
        };
        article.date = Some(row.date);
        article.date_basis = DateBasis::Sidecar;
        if let Some(source) = row.source {
            article.source = Some(source);
        }
        if let Some(title) = row.title {
            article.title = title;
            article.title_derived = false;
        }
    }
}

fn error(file: &str, reason: impl Into<String>) -> Problem {
    Problem {
        file: file.to_string(),
        severity: Severity::Error,
        reason: reason.into(),
    }
}

fn article_files(path: &Path, problems: &mut Vec<Problem>) -> Vec<PathBuf> {
    let shown = path.display().to_string();
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            problems.push(error(&shown, format!("cannot be read: {e}")));
            return Vec::new();
        }
    };
    if meta.is_file() {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if FileKind::from_extension(ext).is_none() {
            problems.push(error(
                &shown,
                "is not an article file: articles are .txt or .md files",
            ));
            return Vec::new();
        }
        return vec![path.to_path_buf()];
    }
    let mut files = Vec::new();
    collect_dir(path, &mut files, problems);
    files.sort();
    if files.is_empty() {
        problems.push(error(
            &shown,
            "holds no .txt or .md files, so there is nothing to read",
        ));
    }
    files
}

fn collect_dir(dir: &Path, files: &mut Vec<PathBuf>, problems: &mut Vec<Problem>) {
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            problems.push(error(
                &dir.display().to_string(),
                format!("cannot be read: {e}"),
            ));
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        if path.is_dir() {
            collect_dir(&path, files, problems);
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .and_then(FileKind::from_extension)
            .is_some()
        {
            files.push(path);
        }
    }
}

fn read_text(file: &Path, shown: &str, problems: &mut Vec<Problem>) -> Option<String> {
    let size = fs::metadata(file).map(|m| m.len()).unwrap_or(0);
    if size > MAX_FILE_BYTES {
        let reason = format!(
            "is too large ({:.1} MB; an article file may be at most {} MB)",
            size as f64 / 1_048_576.0,
            MAX_FILE_BYTES / 1_048_576
        );
        problems.push(error(shown, reason));
        return None;
    }
    let bytes = match fs::read(file) {
        Ok(b) => b,
        Err(e) => {
            problems.push(error(shown, format!("cannot be read: {e}")));
            return None;
        }
    };
    match decode_text(&bytes) {
        Ok(text) => Some(text),
        Err(reason) => {
            problems.push(error(shown, reason));
            None
        }
    }
}

/// Checks that bytes are article text and returns it (a UTF-8 byte-order
/// mark removed), or says why not.
pub fn decode_text(bytes: &[u8]) -> Result<String, String> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err("is UTF-16 text; save it as UTF-8".into());
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    // `contains` of a byte is a fast search; the offset is found only if one is there.
    if let Some(at) = bytes
        .contains(&0)
        .then(|| bytes.iter().position(|&b| b == 0))
        .flatten()
    {
        return Err(format!("is binary, not text (a NUL byte at offset {at})"));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let good = &bytes[..e.valid_up_to()];
        let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = std::str::from_utf8(good).map_or(0, |g| g.rsplit('\n').next().map_or(0, |l| l.chars().count())) + 1;
        let byte = bytes[e.valid_up_to()];
        format!("is not UTF-8 text (byte 0x{byte:02X} at line {line}, column {column}); save it as UTF-8")
    })?;
    // Control characters (C0, DEL and C1, which UTF-8 writes as 0xC2 and
    // 0x80..=0x9F) and characters (bytes that open one), counted over the
    // bytes.
    let bytes = text.as_bytes();
    let controls = controls(bytes);
    let chars = bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count();
    if controls * 100 > chars.max(1) {
        return Err(format!(
            "is binary, not text ({controls} control characters)"
        ));
    }
    if text.trim().is_empty() {
        return Err("is empty".into());
    }
    Ok(text.to_string())
}

/// Control characters (C0 but line ends and tabs, DEL, and C1, which UTF-8
/// writes as 0xC2 0x80..=0x9F), counted over the bytes.
fn controls(bytes: &[u8]) -> usize {
    // Each count is a plain pass without branches, over runs short enough
    // for a byte to hold their count, which the compiler makes wide.
    let c0: usize = bytes
        .chunks(255)
        .map(|run| {
            let n: u8 = run
                .iter()
                .map(|&b| {
                    u8::from((b < 0x20) & (b != b'\n') & (b != b'\r') & (b != b'\t') | (b == 0x7F))
                })
                .sum();
            usize::from(n)
        })
        .sum();
    let pairs = bytes.len().saturating_sub(1);
    let c1: usize = bytes[..pairs]
        .chunks(255)
        .zip(bytes[1.min(bytes.len())..].chunks(255))
        .map(|(first, second)| {
            let n: u8 = first
                .iter()
                .zip(second)
                .map(|(&a, &b)| u8::from((a == 0xC2) & (b & 0xE0 == 0x80)))
                .sum();
            usize::from(n)
        })
        .sum();
    c0 + c1
}

/// Why a file name cannot be an article id, if it cannot.
fn id_problem(id: &str) -> Option<String> {
    if id.trim().is_empty() {
        return Some("has no name to use as the article id".into());
    }
    if id.contains(',') {
        return Some(format!("has a comma in its name (\"{id}\"); links use commas to separate articles, so rename it"));
    }
    None
}

/// The first HTML-like tag in the text, if any.
fn markup_tag(text: &str) -> Option<String> {
    const TAGS: [&str; 12] = [
        "script", "style", "p", "div", "span", "a", "br", "img", "html", "body", "iframe", "b",
    ];
    let mut rest = text;
    while let Some(i) = rest.find('<') {
        let after = &rest[i + 1..];
        let name: String = after
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect();
        let next = after.trim_start_matches('/').chars().nth(name.len());
        if TAGS.contains(&name.to_ascii_lowercase().as_str())
            && matches!(next, Some('>' | ' ' | '/'))
        {
            let end = after.find('>').map_or(after.len().min(20), |e| e + 1);
            return Some(format!("<{}", &after[..end]));
        }
        rest = after;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_counted_over_the_bytes() {
        fn by_pairs(bytes: &[u8]) -> usize {
            bytes
                .iter()
                .zip(bytes.iter().skip(1).map(Some).chain([None]))
                .filter(|&(&b, next)| match b {
                    b'\n' | b'\r' | b'\t' => false,
                    0..0x20 | 0x7F => true,
                    0xC2 => next.is_some_and(|&n| (0x80..0xA0).contains(&n)),
                    _ => false,
                })
                .count()
        }
        let mut long = String::new();
        for i in 0..2000u32 {
            long.push(char::from_u32(i % 0x200).unwrap_or('x'));
        }
        for text in [
            "",
            "\u{1}",
            "a\tb\r\nc\u{7F}\u{85}\u{A0}\u{9F}\u{C2}",
            long.as_str(),
        ] {
            assert_eq!(
                controls(text.as_bytes()),
                by_pairs(text.as_bytes()),
                "{text:?}"
            );
        }
        assert_eq!(controls(&[0xC2]), 0);
        assert_eq!(controls(&[0xC2, 0x80]), 1);
    }

    #[test]
    fn text_checks_name_the_reason() {
        // Control characters are counted as the Unicode tables count them.
        for text in ["a\u{85}b", "\u{1}\u{7F}\u{9F}\u{A0}xyz", "ab\tc\r\n"] {
            let controls = text
                .chars()
                .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
                .count();
            let refused = controls * 100 > text.chars().count();
            assert_eq!(decode_text(text.as_bytes()).is_err(), refused, "{text:?}");
        }
        assert_eq!(decode_text("Tô Lâm".as_bytes()).unwrap(), "Tô Lâm");
        assert_eq!(decode_text(b"\xEF\xBB\xBFHa").unwrap(), "Ha");
        assert_eq!(decode_text(b"  \n ").unwrap_err(), "is empty");
        assert!(decode_text(b"ab\0cd")
            .unwrap_err()
            .contains("NUL byte at offset 2"));
        let latin1 = b"Vi\xEAt Nam";
        assert_eq!(
            decode_text(latin1).unwrap_err(),
            "is not UTF-8 text (byte 0xEA at line 1, column 3); save it as UTF-8"
        );
        assert!(decode_text(&[0xFF, 0xFE, b'a', 0])
            .unwrap_err()
            .contains("UTF-16"));
    }

    #[test]
    fn the_folder_list_dates_its_articles_and_names_every_bad_row() {
        let dir = std::env::temp_dir().join(format!("doichieu-sidecar-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        fs::write(
            dir.join("a.txt"),
            "Tin một\nSáng 6/2, xuất khẩu đạt 10 tỷ USD vào năm 2030.",
        )
        .unwrap();
        fs::write(dir.join("b.txt"), " date 2016-05\nTin hai\nĐoàn đến Lào.").unwrap();
        fs::write(
            dir.join("articles.tsv"),
            "id\tdate\tsource\ttitle\na\t2017-02-06\tVnExpress\nb\tmai\nz\t2017\n",
        )
        .unwrap();
        let loaded = load(std::slice::from_ref(&dir));
        fs::remove_dir_all(&dir).unwrap();
        let a = &loaded.corpus.articles[0];
        assert_eq!(
            (
                a.date.map(|d| d.to_string()),
                a.date_basis,
                a.source.as_deref()
            ),
            (
                Some("2017-02-06".into()),
                DateBasis::Sidecar,
                Some("VnExpress")
            )
        );
        let b = &loaded.corpus.articles[1];
        assert_eq!(b.date.map(|d| d.to_string()), Some("2016-05".into()));
        let list = dir.join("articles.tsv").display().to_string();
        let named: Vec<String> = loaded.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            named,
            [
                format!("error: {list}: line 3: \"mai\" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (2017-02-06)"),
                format!("warning: {list}: line 4: no article has the id \"z\" (the file name without extension), so the row is not used"),
            ]
        );
        assert!(loaded.has_errors());
    }

    #[test]
    fn markup_is_noticed_but_angle_brackets_in_prose_are_not() {
        assert_eq!(
            markup_tag("a <script>alert(1)</script>").as_deref(),
            Some("<script>")
        );
        assert_eq!(
            markup_tag("<p class=x>Đoạn</p>").as_deref(),
            Some("<p class=x>")
        );
        assert_eq!(markup_tag("giá < 5 và > 3, <Hà Nội>"), None);
    }

    #[test]
    fn marks_read_back_as_written_in_any_order() {
        let mark = |start, end, entity| Mark { start, end, entity };
        let corpus = Corpus {
            marks: vec![
                vec![
                    mark(5, 9, 1),
                    mark(2, 3, 0),
                    mark(u32::MAX, 0, 2),
                    mark(7, 7, 0),
                ],
                vec![],
            ],
            ..Corpus::default()
        };
        let bytes = postcard::to_allocvec(&corpus).unwrap();
        assert_eq!(crate::wire::read_plain::<Corpus>(&bytes).unwrap(), corpus);
    }

    #[test]
    fn encoded_corpus_reads_back_and_foreign_bytes_are_refused() {
        let mut corpus = Corpus {
            articles: vec![parse_article(
                "a",
                "Tiêu đề bài\nBộ trưởng Tô Lâm đến Lào ngày 10/2/2020.",
                FileKind::Text,
            )],
            ..Corpus::default()
        };
        corpus.annotate(&Extractor::default());
        assert!(!corpus.entities.is_empty());
        assert_eq!(Corpus::decode(&corpus.encode()).unwrap(), corpus);
        assert_eq!(Corpus::decode(b"nope"), Err(DecodeError::NotACorpus));
        let mut old = corpus.encode();
        old[4] = 9;
        assert_eq!(Corpus::decode(&old), Err(DecodeError::Version(9)));
        // Cut short, or followed by anything, the bytes are refused, not misread.
        let whole = corpus.encode();
        for cut in [7, whole.len() / 2, whole.len() - 1] {
            assert!(matches!(
                Corpus::decode(&whole[..cut]),
                Err(DecodeError::Corrupt(_))
            ));
        }
        let mut longer = whole.clone();
        longer.extend_from_slice(b"more");
        assert!(matches!(
            Corpus::decode(&longer),
            Err(DecodeError::Corrupt(_))
        ));
    }

    #[test]
    fn a_stream_is_read_across_its_windows_and_no_further_than_its_limit() {
        // A string longer than the window of inflated bytes, then a byte.
        let value = ("Tô Lâm, Viêng Chăn. ".repeat(8_000), 7u8);
        let plain = postcard::to_allocvec(&value).unwrap();
        assert!(plain.len() > 1 << 17);
        let mut deflate = DeflateEncoder::new(Vec::new(), Compression::default());
        deflate.write_all(&plain).unwrap();
        let body = deflate.finish().unwrap();
        let read = |limit| inflate_read::<(String, u8)>(&body, limit);
        assert_eq!(read(u64::MAX), Ok(value.clone()));
        assert_eq!(read(plain.len() as u64), Ok(value));
        assert!(read(plain.len() as u64 - 1).is_err());
        assert!(read(0).is_err());
    }

    #[test]
    fn a_mention_of_an_entity_out_of_range_is_refused_not_followed() {
        let mut corpus = Corpus {
            articles: vec![parse_article(
                "a",
                "Tiêu đề bài\nBộ trưởng Tô Lâm đến Lào.",
                FileKind::Text,
            )],
            ..Corpus::default()
        };
        corpus.annotate(&Extractor::default());
        corpus.marks[0][0].entity = corpus.entities.len() as u32;
        match Corpus::decode(&corpus.encode()) {
            Err(DecodeError::Corrupt(why)) => assert!(why.contains("«a»"), "{why}"),
            other => panic!("{other:?}"),
        }
        corpus.marks.push(Vec::new());
        assert!(matches!(
            Corpus::decode(&corpus.encode()),
            Err(DecodeError::Corrupt(_))
        ));
    }

    #[test]
    fn marks_point_at_their_entities_and_slice_the_text() {
        let mut corpus = Corpus {
            articles: vec![parse_article(
                "a",
                "Tiêu đề\nBộ trưởng Bộ Công an, Đại tướng Tô Lâm tiếp Bộ trưởng Vilay Lakhamphong tại Hà Nội.",
                FileKind::Text,
            )],
            ..Corpus::default()
        };
        corpus.annotate(&Extractor::default());
        let text = corpus.articles[0].text();
        let shown: Vec<(&str, &str)> = corpus
            .marks_of(0)
            .iter()
            .map(|m| {
                let e = &corpus.entities[m.entity as usize];
                (&text[m.start as usize..m.end as usize], e.id.as_str())
            })
            .collect();
        assert!(shown.contains(&("Tô Lâm", "person:to-lam")), "{shown:?}");
        assert!(shown.contains(&("Hà Nội", "location:ha-noi")), "{shown:?}");
        assert_eq!(
            corpus.entity("person:to-lam").map(|e| e.name.as_str()),
            Some("Tô Lâm")
        );
        assert!(corpus
            .marks_of(0)
            .windows(2)
            .all(|w| w[0].start <= w[1].start));
        assert!(corpus.marks_of(7).is_empty());
    }
}
