//! The library's work for each query of `bench/filter.mjs`, done once, for
//! counting its instructions query by query, which the machine's load does
//! not change (the search benchmark's timings do change with it):
//!
//! ```text
//! valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*::keystroke::keystroke' \
//!     --dump-after='*::keystroke::keystroke' target/release/examples/keystroke_count
//! ```
//!
//! writes one profile per query, in the order printed. Needs the collection
//! of the search benchmark (`target/bench-filter/corpus-10000`).

#[cfg(not(target_arch = "wasm32"))]
#[path = "../benches/shared/keystroke.rs"]
mod keystroke;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use doichieu_core::filter::FilterIndex;
    use doichieu_core::histogram::Histogram;
    use doichieu_core::view::ViewState;

    let Some(corpus) = keystroke::corpus() else {
        return;
    };
    let index = FilterIndex::new(&corpus);
    let all = Histogram::of(corpus.articles.iter().map(|a| a.date));
    for (i, link) in keystroke::LINKS.iter().enumerate() {
        let (state, problems) = ViewState::parse(&format!("#/?{link}"));
        assert!(problems.is_empty(), "{link}: {problems:?}");
        let n = keystroke::keystroke(&corpus, &index, &all, &state);
        println!("{} {link}: {n}", i + 1);
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
