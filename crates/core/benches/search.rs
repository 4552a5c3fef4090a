//! The library's work for one keystroke, natively (`cargo bench -p
//! doichieu-core --bench search`): the articles found, the facets, the
//! entities suggested, the matched words of the first page of cards and
//! the histogram of the results, for the queries of `bench/filter.mjs`, on
//! the 10,000 generated articles of `scripts/bench-filter`
//! (`target/bench-filter/corpus-10000`, or the folder named by
//! `DOICHIEU_BENCH_CORPUS`; skipped when neither is there). The annotated
//! collection is kept in `target/bench-search.bin` between runs.

#[cfg(not(target_arch = "wasm32"))]
#[path = "shared/keystroke.rs"]
mod keystroke;

#[cfg(not(target_arch = "wasm32"))]
mod bench {
    use std::time::Duration;

    use criterion::{criterion_group, Criterion};
    use doichieu_core::filter::FilterIndex;
    use doichieu_core::histogram::Histogram;
    use doichieu_core::view::ViewState;

    use crate::keystroke::{corpus, keystroke, LINKS};

    fn search(c: &mut Criterion) {
        let Some(corpus) = corpus() else { return };
        let index = FilterIndex::new(&corpus);
        let all = Histogram::of(corpus.articles.iter().map(|a| a.date));
        let mut group = c.benchmark_group("keystroke, 10k generated articles");
        group.sample_size(20);
        group.warm_up_time(Duration::from_millis(300));
        group.measurement_time(Duration::from_secs(1));
        for link in LINKS {
            let (state, problems) = ViewState::parse(&format!("#/?{link}"));
            assert!(problems.is_empty(), "{link}: {problems:?}");
            group.bench_function(link, |b| {
                b.iter(|| keystroke(&corpus, &index, &all, &state))
            });
        }
        group.finish();
    }

    criterion_group!(benches, search);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(bench::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
