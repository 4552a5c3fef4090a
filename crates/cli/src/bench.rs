//! `doichieu bench <folder>`: how fast the build reads and extracts a
//! corpus, on one core. Each stage is timed over `--runs` runs and given
//! as the best run and the median.

use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use doichieu_core::corpus::{load, Loaded};
use doichieu_core::extract::resolve::{extract_corpus, Extraction};
use doichieu_core::extract::Extractor;
use doichieu_core::Article;

/// How long a stage took: its best run and the median of its runs.
#[derive(Clone, Copy)]
struct Timing {
    best: Duration,
    median: Duration,
}

fn timed<T>(runs: usize, mut f: impl FnMut() -> T) -> (Timing, T) {
    let mut times = Vec::with_capacity(runs.max(1));
    let mut value = None;
    for _ in 0..runs.max(1) {
        let start = Instant::now();
        value = Some(f());
        times.push(start.elapsed());
    }
    times.sort_unstable();
    let timing = Timing {
        best: times[0],
        median: times[times.len() / 2],
    };
    (timing, value.expect("at least one run"))
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

fn row(stage: &str, bytes: usize, t: Timing, note: &str) {
    println!(
        "{stage:<18}{:>8.1} ms {:>7.1} MB/s  (median {:>8.1} ms {:>7.1} MB/s){note}",
        t.best.as_secs_f64() * 1e3,
        mb_per_s(bytes, t.best),
        t.median.as_secs_f64() * 1e3,
        mb_per_s(bytes, t.median),
    );
}

pub fn run(path: &Path, runs: usize) -> ExitCode {
    let (read_time, loaded) = timed(runs, || read_and_parse(path));
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
    let (extract_time, mentions) = timed(runs, || extract(&texts, &extractor));
    let (resolve_time, extraction) = timed(runs, || extract_and_resolve(articles, &extractor));
    let encoded = loaded.corpus.encode().len();
    println!(
        "corpus            {} articles, {:.1} MB of text, {runs} runs: best, and median",
        articles.len(),
        bytes as f64 / 1e6
    );
    row("read + parse", bytes, read_time, "");
    row(
        "extract",
        bytes,
        extract_time,
        &format!("  {mentions} mentions"),
    );
    row(
        "extract + resolve",
        bytes,
        resolve_time,
        &format!("  {} entities", extraction.entities.len()),
    );
    println!("embedded corpus   {:>8.1} KB", encoded as f64 / 1024.0);
    ExitCode::SUCCESS
}
