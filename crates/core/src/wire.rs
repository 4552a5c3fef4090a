//! Reading what is written in postcard, as it is inflated: the embedded
//! corpus and every pack. Writing is postcard's own (serde, natively); this
//! reader knows the few rules of its wire format for exactly the types the
//! app reads, each by its [`Read`], so that the web app holds none of
//! serde's generic reading machinery.
//!
//! The format: `u8` and `bool` a byte; `u16`, `u32`, `u64` and every length
//! in as many bytes as they need, seven bits a byte, the lowest first, the
//! high bit set on every byte but the last; a string or a sequence its
//! length, then its bytes or items; an option a byte 0 (none) or 1, then
//! the value; an enum its variant's number, then its fields; a struct or a
//! tuple its fields in order.

use std::fmt;

use miniz_oxide::inflate::stream::{inflate, InflateState};
use miniz_oxide::{DataFormat, MZFlush, MZStatus};

use crate::corpus::MAX_FILE_BYTES;

/// Why bytes could not be read, and where in the inflated bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unreadable {
    /// Bytes of inflated data read before the trouble.
    pub at: u64,
    pub why: Why,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Why {
    /// The data stops in the middle of a value.
    End,
    /// The compressed stream is broken.
    Stream,
    /// It inflates to more than it may.
    TooLarge,
    /// A number that is not one of those of its kind (`what`).
    Tag { what: &'static str, found: u64 },
    /// A number longer than its type holds.
    Number,
    /// A text longer than any article.
    Length(u64),
    /// A text not in UTF-8.
    Text,
    /// More bytes after the value.
    After,
}

impl fmt::Display for Unreadable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = self.at;
        match self.why {
            Why::End => write!(f, "the data stops at byte {at}, in the middle of a value"),
            Why::Stream => write!(
                f,
                "its compressed data is cut off or broken after byte {at}"
            ),
            Why::TooLarge => write!(f, "it holds more than the {at} bytes it may"),
            Why::Tag { what, found } => write!(f, "at byte {at}, {found} is no {what}"),
            Why::Number => write!(f, "at byte {at}, a number too large for its place"),
            Why::Length(n) => write!(
                f,
                "at byte {at}, a text of {n} bytes, longer than any article"
            ),
            Why::Text => write!(f, "at byte {at}, a text that is not UTF-8"),
            Why::After => write!(f, "more data after its end, at byte {at}"),
        }
    }
}

/// Reading stopped; the reader knows why ([`Unreadable`]). Nothing more
/// is carried back through every value being read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stop;

/// [`Read`] for a struct written as its fields in the order named, as
/// postcard writes a struct: `read_in_order!(Link { id, title });`.
macro_rules! read_in_order {
    ($ty:ident { $($field:ident),+ $(,)? }) => {
        impl $crate::wire::Read for $ty {
            fn read(r: &mut $crate::wire::Reader) -> Result<Self, $crate::wire::Stop> {
                Ok($ty { $($field: $crate::wire::Read::read(r)?),+ })
            }
        }
    };
}
pub(crate) use read_in_order;

/// A value as the wire format writes it.
pub trait Read: Sized {
    fn read(r: &mut Reader) -> Result<Self, Stop>;
}

/// Reads one value from the DEFLATE stream `body`, as it is inflated,
/// nothing after it, refusing it if it inflates to more than `limit`
/// bytes. The whole inflated form is never in memory at once.
pub fn inflate_read<T: Read>(body: &[u8], limit: u64) -> Result<T, Unreadable> {
    let mut r = Reader {
        input: body,
        state: InflateState::new_boxed(DataFormat::Raw),
        window: vec![0; 1 << 16],
        at: 0,
        end: 0,
        before: 0,
        limit,
        ended: false,
        failed: false,
        trouble: Unreadable {
            at: 0,
            why: Why::End,
        },
    };
    let value = T::read(&mut r).map_err(|Stop| r.trouble)?;
    // Nothing may follow the value, in the stream or after it.
    if r.fill() || r.failed || !r.input.is_empty() {
        return Err(Unreadable {
            at: r.position(),
            why: Why::After,
        });
    }
    Ok(value)
}

/// A reader of a compressed stream. It inflates with miniz_oxide's stream
/// directly (no reader of `std::io` between, nor its errors, which the wasm
/// would carry).
pub struct Reader<'a> {
    /// The compressed bytes not yet inflated.
    input: &'a [u8],
    state: Box<InflateState>,
    /// Inflated bytes, read from `at` to `end`.
    window: Vec<u8>,
    at: usize,
    end: usize,
    /// Bytes inflated before those of the window.
    before: u64,
    /// The most bytes it may inflate to.
    limit: u64,
    /// The stream said it ended.
    ended: bool,
    /// The stream is corrupt or cut off.
    failed: bool,
    /// Why reading stopped, once it has.
    trouble: Unreadable,
}

impl Reader<'_> {
    /// Inflates more when every inflated byte has been read; false when no
    /// byte is left (the stream ended, failed or reached the limit).
    fn fill(&mut self) -> bool {
        while self.at == self.end {
            let left = self.limit - self.before - self.end as u64;
            if self.ended || self.failed || left == 0 {
                return false;
            }
            let room = self
                .window
                .len()
                .min(usize::try_from(left).unwrap_or(usize::MAX));
            let result = inflate(
                &mut self.state,
                self.input,
                &mut self.window[..room],
                MZFlush::None,
            );
            self.input = &self.input[result.bytes_consumed..];
            self.before += self.end as u64;
            self.at = 0;
            self.end = result.bytes_written;
            match result.status {
                Ok(MZStatus::StreamEnd) => self.ended = true,
                Ok(_) if result.bytes_consumed + result.bytes_written > 0 => {}
                _ => self.failed = true,
            }
        }
        true
    }

    /// Bytes read so far.
    fn position(&self) -> u64 {
        self.before + self.at as u64
    }

    /// Stops reading for `why`, at byte `at`.
    pub fn stop(&mut self, at: u64, why: Why) -> Stop {
        self.trouble = Unreadable { at, why };
        Stop
    }

    /// Stops where no byte is left: the stream's own trouble, or the end.
    #[cold]
    fn stop_short(&mut self) -> Stop {
        let at = self.position();
        if self.failed {
            self.stop(at, Why::Stream)
        } else if !self.ended && at == self.limit {
            self.stop(at, Why::TooLarge)
        } else {
            self.stop(at, Why::End)
        }
    }

    /// The next byte.
    #[inline]
    pub fn byte(&mut self) -> Result<u8, Stop> {
        if !self.fill() {
            return Err(self.stop_short());
        }
        self.at += 1;
        Ok(self.window[self.at - 1])
    }

    /// A number of at most `bits` bits, seven bits a byte.
    fn varint(&mut self, bits: u32) -> Result<u64, Stop> {
        let from = self.position();
        let mut x = 0u64;
        for i in 0..bits.div_ceil(7) {
            let b = self.byte()?;
            x |= u64::from(b & 0x7f) << (7 * i);
            if b & 0x80 == 0 {
                // The last byte may hold only the bits left.
                if i == bits.div_ceil(7) - 1 && u32::from(b) >> (bits - 7 * i) != 0 {
                    break;
                }
                return Ok(x);
            }
        }
        Err(self.stop(from, Why::Number))
    }

    /// How many items, or bytes, follow.
    pub fn count(&mut self) -> Result<usize, Stop> {
        let from = self.position();
        let n = self.varint(64)?;
        usize::try_from(n).map_err(|_| self.stop(from, Why::Number))
    }

    /// An enum's variant: a number under `count`.
    pub fn tag(&mut self, what: &'static str, count: u32) -> Result<u32, Stop> {
        let from = self.position();
        let t = self.varint(32)?;
        if t >= u64::from(count) {
            return Err(self.stop(from, Why::Tag { what, found: t }));
        }
        Ok(t as u32)
    }

    /// A byte 0 (false) or 1 (true): a `bool`, or whether an option holds
    /// a value.
    fn flag(&mut self, what: &'static str) -> Result<bool, Stop> {
        match self.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            b => {
                let at = self.position() - 1;
                Err(self.stop(
                    at,
                    Why::Tag {
                        what,
                        found: b.into(),
                    },
                ))
            }
        }
    }

    /// Items read by `item`, as many as the length before them says.
    pub fn seq<T>(
        &mut self,
        mut item: impl FnMut(&mut Self) -> Result<T, Stop>,
    ) -> Result<Vec<T>, Stop> {
        let n = self.count()?;
        // Room for a damaged length's items is made as they come.
        let mut out = Vec::with_capacity(n.min(4096));
        for _ in 0..n {
            out.push(item(self)?);
        }
        Ok(out)
    }
}

impl Read for u8 {
    fn read(r: &mut Reader) -> Result<Self, Stop> {
        r.byte()
    }
}

impl Read for bool {
    fn read(r: &mut Reader) -> Result<Self, Stop> {
        r.flag("true or false")
    }
}

impl Read for u16 {
    fn read(r: &mut Reader) -> Result<Self, Stop> {
        Ok(r.varint(16)? as u16)
    }
}

impl Read for u32 {
    fn read(r: &mut Reader) -> Result<Self, Stop> {
        Ok(r.varint(32)? as u32)
    }
}

impl Read for u64 {
    fn read(r: &mut Reader) -> Result<Self, Stop> {
        r.varint(64)
    }
}

impl Read for String {
    fn read(r: &mut Reader) -> Result<Self, Stop> {
        let from = r.position();
        let n = r.count()?;
        // No text of a collection is longer than the largest file it reads.
        if n as u64 > 2 * MAX_FILE_BYTES {
            return Err(r.stop(from, Why::Length(n as u64)));
        }
        let mut bytes = Vec::with_capacity(n);
        while bytes.len() < n {
            if !r.fill() {
                return Err(r.stop_short());
            }
            let take = (n - bytes.len()).min(r.end - r.at);
            bytes.extend_from_slice(&r.window[r.at..r.at + take]);
            r.at += take;
        }
        String::from_utf8(bytes).map_err(|_| r.stop(from, Why::Text))
    }
}

impl<T: Read> Read for Option<T> {
    fn read(r: &mut Reader) -> Result<Self, Stop> {
        Ok(match r.flag("mark of a value present or not")? {
            false => None,
            true => Some(T::read(r)?),
        })
    }
}

impl<T: Read> Read for Vec<T> {
    fn read(r: &mut Reader) -> Result<Self, Stop> {
        r.seq(T::read)
    }
}

impl<A: Read, B: Read> Read for (A, B) {
    fn read(r: &mut Reader) -> Result<Self, Stop> {
        Ok((A::read(r)?, B::read(r)?))
    }
}

impl<A: Read, B: Read, C: Read> Read for (A, B, C) {
    fn read(r: &mut Reader) -> Result<Self, Stop> {
        Ok((A::read(r)?, B::read(r)?, C::read(r)?))
    }
}

impl<A: Read, B: Read, C: Read, D: Read> Read for (A, B, C, D) {
    fn read(r: &mut Reader) -> Result<Self, Stop> {
        Ok((A::read(r)?, B::read(r)?, C::read(r)?, D::read(r)?))
    }
}

/// `plain` compressed as the corpus and packs are, then read: for tests.
#[cfg(test)]
pub(crate) fn read_plain<T: Read>(plain: &[u8]) -> Result<T, Unreadable> {
    use std::io::Write;
    let mut deflate =
        flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
    deflate.write_all(plain).unwrap();
    inflate_read(&deflate.finish().unwrap(), u64::MAX)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::article::{Article, Block, DateBasis};
    use crate::corpus::{Corpus, Mark};
    use crate::date::PartialDate;
    use crate::entity::{Entity, EntityType, Role};
    use crate::pack::index::{EntityEntry, IndexDirectory, Name};
    use crate::pack::{decode, Card, Doc, Kind, Link, Manifest, Meta, PackError};
    use proptest::collection::vec;
    use proptest::option::of;
    use proptest::prelude::*;
    use serde::Serialize;
    use std::fmt::Debug;

    /// Written by postcard, `value` reads back the same; cut short at any
    /// byte it is refused as ending early, followed by a byte as followed,
    /// and with any byte changed it is read or refused, never a panic.
    fn reads_back<T: Serialize + Read + PartialEq + Debug>(value: &T) -> Result<(), TestCaseError> {
        let plain = postcard::to_allocvec(value).unwrap();
        prop_assert_eq!(&read_plain::<T>(&plain).unwrap(), value);
        let step = (plain.len() / 40).max(1);
        for cut in (0..plain.len()).step_by(step) {
            let e = read_plain::<T>(&plain[..cut]).unwrap_err();
            prop_assert_eq!(
                e,
                Unreadable {
                    at: cut as u64,
                    why: Why::End
                }
            );
        }
        let mut longer = plain.clone();
        longer.push(0);
        prop_assert_eq!(read_plain::<T>(&longer).unwrap_err().why, Why::After);
        for at in (0..plain.len()).step_by(step) {
            for b in [0, 1, 5, 0x7f, 0x80, 0xff] {
                let mut changed = plain.clone();
                changed[at] = b;
                let _ = read_plain::<T>(&changed);
            }
        }
        Ok(())
    }

    fn text() -> impl Strategy<Value = String> {
        prop_oneof!["[a-z]{0,6}", "\\PC{0,6}", "[àảãạăắặâấđêếôồơờưừự ]{0,6}"]
    }

    fn date() -> impl Strategy<Value = PartialDate> {
        (any::<u16>(), of(any::<u8>()), of(any::<u8>()))
            .prop_map(|(year, month, day)| PartialDate { year, month, day })
    }

    fn basis() -> impl Strategy<Value = DateBasis> {
        prop_oneof![
            Just(DateBasis::FrontMatter),
            Just(DateBasis::Header),
            Just(DateBasis::HeaderAndDateline),
            Just(DateBasis::DatelineAndFullDate),
            Just(DateBasis::Sidecar),
            (any::<u8>(), any::<u8>())
                .prop_map(|(day, month)| DateBasis::DatelineWithoutYear { day, month }),
            Just(DateBasis::Unknown),
        ]
    }

    fn article() -> impl Strategy<Value = Article> {
        let block = prop_oneof![
            text().prop_map(Block::Paragraph),
            (text(), of(text())).prop_map(|(text, credit)| Block::Caption { text, credit }),
        ];
        (
            (text(), text(), any::<bool>()),
            (of(date()), basis(), of(text())),
            vec(block, 0..4),
        )
            .prop_map(
                |((id, title, title_derived), (date, date_basis, source), blocks)| Article {
                    id,
                    title,
                    title_derived,
                    date,
                    date_basis,
                    source,
                    blocks,
                },
            )
    }

    fn kind() -> impl Strategy<Value = EntityType> {
        proptest::sample::select(EntityType::ALL.to_vec())
    }

    fn entity() -> impl Strategy<Value = Entity> {
        let role =
            (text(), of(date()), text(), text()).prop_map(|(article, date, title, text)| Role {
                article,
                date,
                title,
                text,
            });
        (
            (text(), text(), kind()),
            (vec(text(), 0..3), vec(text(), 0..3), vec(role, 0..3)),
        )
            .prop_map(|((id, name, kind), (aliases, articles, roles))| Entity {
                id,
                name,
                kind,
                aliases,
                articles,
                roles,
            })
    }

    fn corpus() -> impl Strategy<Value = Corpus> {
        let mark = (any::<u32>(), any::<u32>(), any::<u32>())
            .prop_map(|(start, end, entity)| Mark { start, end, entity });
        (
            vec(article(), 0..3),
            vec(entity(), 0..3),
            vec(vec(mark, 0..4), 0..3),
        )
            .prop_map(|(articles, entities, marks)| Corpus {
                articles,
                entities,
                marks,
            })
    }

    fn card() -> impl Strategy<Value = Card> {
        (text(), text(), of(date()), basis(), of(text()), text()).prop_map(
            |(id, title, date, date_basis, source, excerpt)| Card {
                id,
                title,
                date,
                date_basis,
                source,
                excerpt,
            },
        )
    }

    fn link() -> impl Strategy<Value = Link> {
        (text(), text()).prop_map(|(id, title)| Link { id, title })
    }

    fn doc() -> impl Strategy<Value = Doc> {
        (
            corpus(),
            any::<u32>(),
            vec(any::<u32>(), 0..4),
            (of(link()), of(link())),
            vec((link(), any::<u32>()), 0..3),
        )
            .prop_map(
                |(corpus, position, mentioned_in, (newer, older), similar)| Doc {
                    corpus,
                    position,
                    mentioned_in,
                    newer,
                    older,
                    similar,
                },
            )
    }

    fn meta() -> impl Strategy<Value = Meta> {
        (vec(of(date()), 0..5), vec(of(any::<u32>()), 0..5))
            .prop_map(|(dates, sources)| Meta { dates, sources })
    }

    fn directory() -> impl Strategy<Value = IndexDirectory> {
        let shards = || vec((text(), any::<u64>()), 0..3);
        (
            (shards(), shards(), shards(), any::<u32>()),
            vec(any::<u64>(), 0..3),
            vec(
                vec((any::<u32>(), text(), text(), any::<u32>()), 0..3),
                0..3,
            ),
            vec((any::<u16>(), any::<u32>()), 0..3),
            vec((any::<u32>(), any::<u32>()), 0..3),
        )
            .prop_map(
                |((terms, names, entities, entity_count), facets, top, years, sources)| {
                    IndexDirectory {
                        terms,
                        names,
                        entities,
                        entity_count,
                        facets,
                        top,
                        years,
                        sources,
                    }
                },
            )
    }

    fn manifest() -> impl Strategy<Value = Manifest> {
        (
            (
                text(),
                any::<u32>(),
                any::<u64>(),
                any::<u64>(),
                any::<u32>(),
            ),
            (vec(card(), 0..3), vec(text(), 0..3)),
            (
                vec(any::<u64>(), 0..3),
                vec(any::<u64>(), 0..3),
                any::<u64>(),
            ),
            directory(),
        )
            .prop_map(
                |(
                    (build, articles, text_bytes, pack_bytes, pack_files),
                    (first, sources),
                    (cards, docs, meta),
                    index,
                )| Manifest {
                    build,
                    articles,
                    text_bytes,
                    pack_bytes,
                    pack_files,
                    first,
                    sources,
                    cards,
                    docs,
                    meta,
                    index,
                },
            )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn a_corpus_reads_back(c in corpus()) {
            reads_back(&c)?;
        }

        #[test]
        fn cards_read_back(cards in vec(card(), 0..4)) {
            reads_back(&cards)?;
        }

        #[test]
        fn docs_read_back(docs in vec(doc(), 0..3)) {
            reads_back(&docs)?;
        }

        #[test]
        fn meta_reads_back(m in meta()) {
            reads_back(&m)?;
        }

        #[test]
        fn a_manifest_reads_back(m in manifest()) {
            reads_back(&m)?;
        }

        #[test]
        fn names_and_entities_of_the_search_read_back(
            names in vec((text(), text(), any::<u32>(), any::<u32>()), 0..4),
            entries in vec((text(), text(), kind(), vec(any::<u32>(), 0..4)), 0..4),
        ) {
            let names: Vec<Name> = names
                .into_iter()
                .map(|(key, lower, entity, articles)| Name { key, lower, entity, articles })
                .collect();
            reads_back(&names)?;
            let entries: Vec<EntityEntry> = entries
                .into_iter()
                .map(|(id, name, kind, articles)| EntityEntry { id, name, kind, articles })
                .collect();
            reads_back(&entries)?;
        }

        /// Any bytes at all read as postcard reads them: the same value, or
        /// refused by both.
        #[test]
        fn any_bytes_read_as_postcard_reads_them(bytes in vec(any::<u8>(), 0..24)) {
            fn same<T>(bytes: &[u8]) -> Result<(), TestCaseError>
            where
                T: Read + PartialEq + Debug + serde::de::DeserializeOwned,
            {
                let theirs = postcard::take_from_bytes::<T>(bytes)
                    .ok()
                    .filter(|(_, rest)| rest.is_empty())
                    .map(|(v, _)| v);
                prop_assert_eq!(read_plain::<T>(bytes).ok(), theirs);
                Ok(())
            }
            same::<(u8, bool, u16)>(&bytes)?;
            same::<(u32, u64)>(&bytes)?;
            same::<Vec<u16>>(&bytes)?;
            same::<Vec<(u32, Option<u64>)>>(&bytes)?;
            same::<(String, Option<String>)>(&bytes)?;
            same::<Vec<Vec<bool>>>(&bytes)?;
        }

        /// A broken compressed stream is refused, never a panic.
        #[test]
        fn a_damaged_pack_is_refused_never_a_panic(
            m in manifest(),
            at in any::<prop::sample::Index>(),
            b in any::<u8>(),
        ) {
            let mut bytes = crate::pack::encode(Kind::Manifest, &m);
            let i = 7 + at.index(bytes.len() - 7);
            bytes[i] ^= b.max(1);
            let _ = decode::<Manifest>(Kind::Manifest, &bytes);
            bytes.truncate(i);
            prop_assert!(matches!(
                decode::<Manifest>(Kind::Manifest, &bytes),
                Err(PackError::Corrupt(_))
            ));
        }
    }

    #[test]
    fn what_cannot_be_read_is_said() {
        let said = |plain: &[u8]| read_plain::<Card>(plain).unwrap_err().to_string();
        let card = Card {
            id: "a".into(),
            title: "Tiêu đề".into(),
            date: None,
            date_basis: DateBasis::Unknown,
            source: Some("TTXVN".into()),
            excerpt: String::new(),
        };
        let plain = postcard::to_allocvec(&card).unwrap();
        assert_eq!(
            said(&plain[..5]),
            "the data stops at byte 5, in the middle of a value"
        );
        // The id (2 bytes), the title (12), no date, the way it was found.
        assert_eq!(plain[14..16], [0, 6]);
        let mut bad = plain.clone();
        bad[15] = 9;
        assert_eq!(said(&bad), "at byte 15, 9 is no way a date was found");
        bad[14] = 2;
        assert_eq!(
            said(&bad),
            "at byte 14, 2 is no mark of a value present or not"
        );
        let mut bad = plain.clone();
        bad[3] = 0xff;
        assert_eq!(said(&bad), "at byte 2, a text that is not UTF-8");
        let mut bad = plain.clone();
        bad[..4].copy_from_slice(&[0x80, 0x80, 0x80, 0x10]);
        assert_eq!(
            said(&bad),
            "at byte 0, a text of 33554432 bytes, longer than any article"
        );
        let mut longer = plain.clone();
        longer.push(1);
        assert_eq!(
            said(&longer),
            format!("more data after its end, at byte {}", plain.len())
        );
        assert_eq!(
            read_plain::<u16>(&[0x80, 0x80, 0x04])
                .unwrap_err()
                .to_string(),
            "at byte 0, a number too large for its place"
        );
        assert_eq!(
            read_plain::<EntityType>(&[6]).unwrap_err().to_string(),
            "at byte 0, 6 is no type of entity"
        );
        // As a page says it.
        let pack = crate::pack::encode(Kind::Cards, &vec![card]);
        let cut = decode::<Vec<Card>>(Kind::Cards, &pack[..pack.len() - 2]).unwrap_err();
        assert!(
            cut.to_string().starts_with(
                "a damaged pack: its compressed data is cut off or broken after byte "
            ),
            "{cut}"
        );
    }
}
