//! The core of Đối chiếu: everything that is not presentation.
//!
//! It reads a folder of Vietnamese news articles the way the build does,
//! normalises their text, parses each into an [`Article`] (title, date,
//! source, paragraphs and photo captions), gathers them into a [`Corpus`]
//! with every problem named by file, and encodes that corpus into the bytes
//! the web app embeds. It also owns the URL contract: [`view::ViewState`]
//! is what a `#/…?…` link means, parsed and formatted here so that it can
//! be tested natively.
//!
//! ```
//! use doichieu_core::{parse_article, PartialDate};
//!
//! let article = parse_article(
//!     "vd",
//!     " date 2023-12 Thứ trưởng Lương Tam Quang đến Lào.\n\nNgày 6/12, đoàn đã đến thủ đô Vientiane.",
//!     doichieu_core::FileKind::Text,
//! );
//! assert_eq!(article.date, PartialDate::parse("2023-12-06"));
//! ```

pub mod article;
pub mod case;
pub mod compare;
pub mod corpus;
pub mod date;
pub mod entity;
pub mod extract;
pub mod filter;
pub mod gold;
pub mod highlight;
pub mod histogram;
pub mod markup;
pub mod normalize;
pub mod oddity;
pub mod pack;
pub mod parse;
pub mod profile;
pub mod search;
pub mod sentence;
pub mod sidecar;
pub mod sort;
pub mod syllable;
pub mod timing;
pub mod view;
pub mod wire;

pub use article::{Article, Block, DateBasis, Segment, SegmentKind};
pub use corpus::{Corpus, Problem, Severity};
pub use date::PartialDate;
pub use normalize::normalize;
pub use parse::{parse_article, FileKind};
