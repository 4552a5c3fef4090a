//! The embedded corpus, decoded once and handed to every page, with
//! the filter's index built the first time the library asks for it.

use std::cell::OnceCell;
use std::rc::Rc;

use doichieu_core::corpus::DecodeError;
use doichieu_core::filter::FilterIndex;
use doichieu_core::Corpus;

static CORPUS_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// The shared corpus; compared by identity, as it never changes.
#[derive(Clone)]
pub struct SharedCorpus(pub Rc<Corpus>, Rc<OnceCell<FilterIndex>>);

impl SharedCorpus {
    /// A corpus to share (one made of packs: an article, or several).
    pub fn new(corpus: Corpus) -> Self {
        SharedCorpus(Rc::new(corpus), Rc::default())
    }

    /// The filter's index of this corpus.
    pub fn filter_index(&self) -> &FilterIndex {
        self.1.get_or_init(|| FilterIndex::new(&self.0))
    }

    /// The filter's index if it has been built: once it has, the library
    /// reads its order from it rather than sorting every article again.
    pub fn built_filter_index(&self) -> Option<&FilterIndex> {
        self.1.get()
    }
}

impl PartialEq for SharedCorpus {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for SharedCorpus {
    type Target = Corpus;
    fn deref(&self) -> &Corpus {
        &self.0
    }
}

/// Decodes the embedded corpus.
pub fn load_embedded() -> Result<SharedCorpus, DecodeError> {
    Corpus::decode(CORPUS_BYTES).map(|c| SharedCorpus(Rc::new(c), Rc::default()))
}
