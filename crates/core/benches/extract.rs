//! Extraction throughput, in bytes of article text a second
//! (`cargo bench -p doichieu-core`), on two corpora:
//!
//! - 10,000 generated articles: the folder named by `DOICHIEU_BENCH_CORPUS`,
//!   else `target/gen-corpus-10k`, made the first time by
//!   `doichieu gen-corpus --n 10000` (deterministic);
//! - the default corpus, whose five articles are denser in names.
//!
//! `doichieu bench <folder>` gives the same figures on any folder.

#[cfg(not(target_arch = "wasm32"))]
mod bench {
    use std::path::{Path, PathBuf};
    use std::process::Command;
    use std::time::Duration;

    use criterion::{criterion_group, Criterion, Throughput};
    use doichieu_core::corpus::load;
    use doichieu_core::extract::resolve::extract_corpus;
    use doichieu_core::extract::Extractor;
    use doichieu_core::Article;

    fn root() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
    }

    /// The folder of generated articles, made if it is missing; `None`,
    /// with the reason printed, when it cannot be.
    fn generated() -> Option<PathBuf> {
        if let Some(folder) = std::env::var_os("DOICHIEU_BENCH_CORPUS") {
            return Some(PathBuf::from(folder));
        }
        let folder = root().join("target/gen-corpus-10k");
        if folder.is_dir() {
            return Some(folder);
        }
        let made = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
            .current_dir(root())
            .args(["run", "-q", "--release", "-p", "doichieu-cli", "--"])
            .args(["gen-corpus", "--n", "10000", "--out"])
            .arg(&folder)
            .status();
        match made {
            Ok(status) if status.success() => Some(folder),
            other => {
                eprintln!("gen-corpus did not make {}: {other:?}", folder.display());
                None
            }
        }
    }

    fn articles(folder: &Path) -> Vec<Article> {
        let loaded = load(&[folder.to_path_buf()]);
        assert!(
            !loaded.has_errors(),
            "{} has files that cannot be read: {:?}",
            folder.display(),
            loaded.problems
        );
        loaded.corpus.articles
    }

    /// Both measurements over `articles`, `samples` times within about `seconds`.
    fn group(c: &mut Criterion, name: &str, articles: &[Article], samples: usize, seconds: u64) {
        let texts: Vec<String> = articles.iter().map(|a| a.text()).collect();
        let bytes: usize = texts.iter().map(String::len).sum();
        let extractor = Extractor::default();
        let mut group = c.benchmark_group(name);
        group.throughput(Throughput::BytesDecimal(bytes as u64));
        group.sample_size(samples);
        group.measurement_time(Duration::from_secs(seconds));
        group.bench_function("extract", |b| {
            b.iter(|| {
                texts
                    .iter()
                    .map(|t| extractor.extract_text(t).len())
                    .sum::<usize>()
            })
        });
        group.bench_function("extract + resolve", |b| {
            b.iter(|| extract_corpus(articles, &extractor).entities.len())
        });
        group.finish();
    }

    fn extraction(c: &mut Criterion) {
        if let Some(folder) = generated() {
            // About 1.5 s a pass: ten passes each.
            group(c, "10k generated articles", &articles(&folder), 10, 30);
        }
        group(
            c,
            "default corpus",
            &articles(&root().join("corpus")),
            100,
            8,
        );
    }

    criterion_group!(benches, extraction);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(bench::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
