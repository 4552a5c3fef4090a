//! `doichieu bench <folder>`: how fast the build reads and extracts a
//! corpus, on one core. Each stage is timed over `--runs` runs and given
//! as the best run and the median, in wall-clock time and, where the system
//! tells it (Linux), in processor time: the time the process actually ran,
//! not counting the time it waited for a core that other work held.

use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use doichieu_core::corpus::{load, Loaded};
use doichieu_core::extract::resolve::{extract_corpus, Extraction};
use doichieu_core::extract::Extractor;
use doichieu_core::Article;

/// How long a stage took: its best run and the median of its runs, on the
/// clock and in processor time (when known).
#[derive(Clone, Copy)]
struct Timing {
    best: Duration,
    median: Duration,
    processor: Option<(Duration, Duration)>,
}

/// The processor time of the whole process so far (all its threads, user and
/// system), from `/proc/self/stat`; `None` where there is no such file.
fn processor_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The fields after the command's name, which is in brackets and may hold
    // spaces: utime and stime are the 14th and 15th of the line.
    let rest = &stat[stat.rfind(')')? + 2..];
    let mut fields = rest.split(' ').skip(11);
    let user: u64 = fields.next()?.parse().ok()?;
    let system: u64 = fields.next()?.parse().ok()?;
    // Linux counts them in ticks of 1/100 s for every program (USER_HZ).
    Some(Duration::from_millis((user + system) * 10))
}

fn best_and_median(mut times: Vec<Duration>) -> (Duration, Duration) {
    times.sort_unstable();
    (times[0], times[times.len() / 2])
}

fn timed<T>(runs: usize, mut f: impl FnMut() -> T) -> (Timing, T) {
    let mut times = Vec::with_capacity(runs.max(1));
    let mut processor = Some(Vec::with_capacity(runs.max(1)));
    let mut value = None;
    for _ in 0..runs.max(1) {
        // The run before's result is let go before the clock starts: the
        // stage is the making of it, not the dropping of the one before.
        drop(value.take());
        let start = Instant::now();
        let ran_before = processor_time();
        value = Some(f());
        times.push(start.elapsed());
        let ran = processor_time()
            .zip(ran_before)
            .map(|(after, before)| after - before);
        processor = processor.zip(ran).map(|(mut all, ran)| {
            all.push(ran);
            all
        });
    }
    let (best, median) = best_and_median(times);
    let timing = Timing {
        best,
        median,
        processor: processor.map(best_and_median),
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
    // Counted in hundredths of a second: left out for a stage too short for them.
    let counted = t
        .processor
        .filter(|(best, _)| *best >= Duration::from_millis(200));
    let processor = counted.map_or(String::new(), |(best, median)| {
        format!(
            "  processor {:.1} MB/s (median {:.1})",
            mb_per_s(bytes, best),
            mb_per_s(bytes, median)
        )
    });
    println!(
        "{stage:<18}{:>8.1} ms {:>7.1} MB/s  (median {:>8.1} ms {:>7.1} MB/s){processor}{note}",
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
