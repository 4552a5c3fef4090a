//! `doichieu bench <folder>`: how fast the build reads and extracts a
//! corpus, on one core. Each figure is the best of `--runs` runs.

use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use doichieu_core::corpus::{load, Loaded};
use doichieu_core::extract::resolve::{extract_corpus, Extraction};
use doichieu_core::extract::Extractor;
use doichieu_core::Article;

fn best<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best: Option<(Duration, T)> = None;
    for _ in 0..runs {
        let start = Instant::now();
        let value = f();
        let took = start.elapsed();
        if best.as_ref().is_none_or(|(b, _)| took < *b) {
            best = Some((took, value));
        }
    }
    best.expect("at least one run")
}

fn mb_per_s(bytes: usize, took: Duration) -> f64 {
    bytes as f64 / 1_000_000.0 / took.as_secs_f64()
}

// One function per measured stage, kept out of line so that a profiler
// (`valgrind --tool=callgrind`) shows each stage's cost under its name.

#[inline(never)]
fn read_and_parse(path: &Path) -> Loaded {
    load(&[path.to_path_buf()])
}

#[inline(never)]
fn extract(texts: &[String], extractor: &Extractor) -> usize {
    texts.iter().map(|t| extractor.extract_text(t).len()).sum()
}

#[inline(never)]
fn extract_and_resolve(articles: &[Article], extractor: &Extractor) -> Extraction {
    extract_corpus(articles, extractor)
}

pub fn run(path: &Path, runs: usize) -> ExitCode {
    let (read_time, loaded) = best(runs, || read_and_parse(path));
    if loaded.has_errors() {
        for p in &loaded.problems {
            eprintln!("{p}");
        }
        return ExitCode::FAILURE;
    }
    let articles = &loaded.corpus.articles;
    let texts: Vec<String> = articles.iter().map(|a| a.text()).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let extractor = Extractor::default();
    let (extract_time, mentions) = best(runs, || extract(&texts, &extractor));
    let (resolve_time, extraction) = best(runs, || extract_and_resolve(articles, &extractor));
    let encoded = loaded.corpus.encode().len();
    println!(
        "corpus            {} articles, {:.1} MB of text",
        articles.len(),
        bytes as f64 / 1e6
    );
    println!(
        "read + parse      {:>8.1} ms  {:>7.1} MB/s",
        read_time.as_secs_f64() * 1e3,
        mb_per_s(bytes, read_time)
    );
    println!(
        "extract           {:>8.1} ms  {:>7.1} MB/s  ({mentions} mentions)",
        extract_time.as_secs_f64() * 1e3,
        mb_per_s(bytes, extract_time)
    );
    println!(
        "extract + resolve {:>8.1} ms  {:>7.1} MB/s  ({} entities)",
        resolve_time.as_secs_f64() * 1e3,
        mb_per_s(bytes, resolve_time),
        extraction.entities.len()
    );
    println!("embedded corpus   {:>8.1} KB", encoded as f64 / 1024.0);
    ExitCode::SUCCESS
}
