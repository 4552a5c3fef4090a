//! Extraction throughput on the default corpus, in bytes of article text a
//! second (`cargo bench -p doichieu-core`). `doichieu bench <folder>` gives
//! the same figure on a whole folder, such as 10,000 generated articles.

#[cfg(not(target_arch = "wasm32"))]
mod bench {
    use std::path::PathBuf;

    use criterion::{criterion_group, Criterion, Throughput};
    use doichieu_core::corpus::load;
    use doichieu_core::extract::resolve::extract_corpus;
    use doichieu_core::extract::Extractor;

    fn extraction(c: &mut Criterion) {
        let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
        let articles = load(&[corpus]).corpus.articles;
        let texts: Vec<String> = articles.iter().map(|a| a.text()).collect();
        let bytes: usize = texts.iter().map(String::len).sum();
        let extractor = Extractor::default();
        let mut group = c.benchmark_group("default corpus");
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function("extract", |b| {
            b.iter(|| {
                texts
                    .iter()
                    .map(|t| extractor.extract_text(t).len())
                    .sum::<usize>()
            })
        });
        group.bench_function("extract + resolve", |b| {
            b.iter(|| extract_corpus(&articles, &extractor).entities.len())
        });
        group.finish();
    }

    criterion_group!(benches, extraction);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(bench::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
