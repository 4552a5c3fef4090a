//! The library's work for one keystroke, shared by the search benchmark
//! and the example that counts its instructions: the queries of
//! `bench/filter.mjs`, the collection they run on, and what
//! `src/pages/library.rs` computes for each.

use std::path::PathBuf;

use doichieu_core::corpus::load;
use doichieu_core::extract::Extractor;
use doichieu_core::filter::FilterIndex;
use doichieu_core::histogram::Histogram;
use doichieu_core::view::ViewState;
use doichieu_core::Corpus;

/// The links of `bench/filter.mjs`, as the library reads them.
pub const LINKS: [&str; 33] = [
    "q=viêng chăn",
    "q=vieng chan",
    "q=công an",
    "q=cong an",
    "q=lương",
    "q=luong",
    "q=điện biên",
    "q=dien bien",
    "q=ma túy",
    "q=bounthong thammavong",
    "q=b",
    "q=xyz",
    "q=kong",
    "q=bộ công an việt nam",
    "q=bo cong an viet nam",
    "q=kongthong sisoulith",
    "q=hop tac an ninh",
    "q=%22Bộ Công an%22 lào",
    "q=tổng bí thư",
    "e=organization:bo-cong-an",
    "e=location:vientiane",
    "e=person:somsak-sounnalath",
    "e=person:somsak-sounnalath,location:vientiane",
    "from=2018",
    "from=2020&to=2022-06",
    "to=2010-05",
    "from=2024-03-01&to=2024-03-31",
    "q=bounthong&e=location:vientiane&from=2015",
    "q=cong%20an&e=organization:bo-cong-an-lao&to=2020",
    "q=h%E1%BB%A3p%20t%C3%A1c&from=2012&to=2016",
    "q=l%C6%B0%C6%A1ng&e=title:bo-truong&from=2010-06&to=2019-12-31",
    "q=tong+bi+thu&sort=relevance",
    "q=cong+an&sort=oldest&from=2015",
];

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn corpus() -> Option<Corpus> {
    let kept = root().join("target/bench-search.bin");
    if let Some(corpus) = std::fs::read(&kept)
        .ok()
        .and_then(|b| Corpus::decode(&b).ok())
    {
        return Some(corpus);
    }
    let folder = std::env::var_os("DOICHIEU_BENCH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target/bench-filter/corpus-10000"));
    if !folder.is_dir() {
        eprintln!(
            "no collection at {}: run scripts/bench-filter",
            folder.display()
        );
        return None;
    }
    let mut corpus = load(&[folder]).corpus;
    corpus.annotate(&Extractor::default());
    let _ = std::fs::write(&kept, corpus.encode());
    Some(corpus)
}

/// What the library computes for a link, as `src/pages/library.rs`
/// does: a number that depends on all of it.
#[inline(never)]
pub fn keystroke(
    corpus: &Corpus,
    index: &FilterIndex,
    all: &Histogram,
    state: &ViewState,
) -> usize {
    let query = &state.query;
    let found = index.search(corpus, query);
    let shown = &found.shown;
    let within = all.within(shown.iter().map(|&i| corpus.articles[i].date));
    let required: Vec<usize> = query
        .e
        .iter()
        .filter_map(|id| corpus.entity_index(id))
        .collect();
    let facets = index.facets(corpus, shown, &required, 6);
    let suggested = index.suggest(&query.q, &required, 5);
    let listed: Vec<usize> = shown.iter().take(20).copied().collect();
    let placed = index.phrase_ranges(
        corpus,
        &listed,
        &doichieu_core::search::phrases(&query.q),
        doichieu_core::search::SNIPPET_WORDS,
    );
    shown.len()
        + found.apart
        + within.bars.len()
        + facets.entities.iter().map(Vec::len).sum::<usize>()
        + suggested.len()
        + placed.iter().map(Vec::len).sum::<usize>()
}
