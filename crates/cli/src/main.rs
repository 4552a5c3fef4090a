//! `doichieu`: the core of Đối chiếu on the command line.
//!
//! `doichieu check <path>…` reads a corpus exactly as the build does and
//! reports every problem by file and reason; it exits with 1 when the build
//! would fail. `doichieu extract <path>…` prints every article with its
//! mentions and the entities they resolve to, as JSON or TSV.
//! `doichieu pack <path>… --out dist` writes a collection as packs beside a
//! built app, which then reads them instead of the collection it embeds.
//! `doichieu gen-corpus` makes a large collection from a small one, for
//! the benchmarks.

mod bench;
mod evaluate;
mod extract;
mod gen_corpus;
mod pack;

use std::path::PathBuf;

/// Extraction makes and drops many small vectors and strings per article;
/// mimalloc serves them faster than the system allocator (README, Speed).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use doichieu_core::corpus::{load, Loaded};
use doichieu_core::Severity;

// mimalloc's own setter of its options (mimalloc.h), in the library the
// allocator above links.
unsafe extern "C" {
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
}

/// `mi_option_purge_delay` in mimalloc.h (its place in the list of options,
/// which mimalloc keeps from release to release).
const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;

/// The command's memory is kept for reuse rather than given back to the
/// system a few milliseconds after it is freed: resolving the entities of
/// 10,000 articles otherwise has the system zero 5,000 pages over again
/// (a tenth of its time), for a peak resident memory about 30 % higher
/// when writing packs (README, Speed).
fn keep_freed_memory() {
    // SAFETY: a plain setter of an integer option, called before any thread
    // is started.
    unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
}

#[derive(Parser)]
#[command(
    name = "doichieu",
    version,
    about = "Đối chiếu: read and check collections of Vietnamese news"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read a corpus as the build would and report every problem, file by file.
    Check {
        /// Article files (.txt, .md) or folders of them.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Also list every article: id, date, what dates it, source and title, tab-separated.
        #[arg(long)]
        list: bool,
    },
    /// Extract the entities of a corpus: articles with their mentions, and the entities.
    Extract {
        /// Article files (.txt, .md) or folders of them.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// json: {"articles":[…],"entities":[…]}; tsv: one mention a line.
        #[arg(long, value_enum, default_value_t = extract::Format::Json)]
        format: extract::Format,
    },
    /// Measure extraction against annotated text (.ann files): precision, recall, F1 per type.
    Evaluate {
        /// Annotated files in the format of crates/core/tests/gold/CONVENTIONS.md.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// How the text is given to the extractor (repeat for several).
        #[arg(long = "mode", value_enum, default_values_t = [evaluate::Mode::Document])]
        modes: Vec<evaluate::Mode>,
        /// Only these types (person, organization, location, … or PER, ORG, LOC), comma-separated.
        #[arg(long, value_delimiter = ',')]
        types: Vec<String>,
        /// List every difference: document, extra or missed, type, text, paragraph.
        #[arg(long)]
        differences: bool,
    },
    /// Measure reading and extraction on a corpus folder, on one core.
    Bench {
        /// A folder of articles (for instance one made by gen-corpus).
        path: PathBuf,
        /// Times each measurement is repeated; the best run is reported.
        #[arg(long, default_value_t = 3)]
        runs: usize,
    },
    /// Write a collection as packs beside a built app (dist/): the page reads them, no rebuild.
    Pack {
        /// Article files (.txt, .md) or folders of them.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The folder of the built app (its index.html); the packs go to its packs/.
        #[arg(long, default_value = "dist")]
        out: PathBuf,
    },
    /// Make a large collection for the benchmarks from the sentences of a small one,
    /// each article with its own people, places and dates; the same seed gives the same files.
    GenCorpus {
        /// How many articles.
        #[arg(long)]
        n: usize,
        /// The folder to write NNNNNN.txt files into.
        #[arg(long)]
        out: PathBuf,
        #[arg(long, default_value_t = 7)]
        seed: u64,
        /// The articles whose sentences are drawn.
        #[arg(long, default_value = "corpus")]
        corpus: PathBuf,
    },
}

fn main() -> ExitCode {
    keep_freed_memory();
    match Cli::parse().command {
        Command::Check { paths, list } => check(&paths, list),
        Command::Extract { paths, format } => extract::run(&paths, format),
        Command::Evaluate {
            paths,
            modes,
            types,
            differences,
        } => evaluate::run(&paths, &modes, &types, differences),
        Command::Pack { paths, out } => pack::run(&paths, &out),
        Command::Bench { path, runs } => bench::run(&path, runs.max(1)),
        Command::GenCorpus {
            n,
            out,
            seed,
            corpus,
        } => gen_corpus::run(&corpus, n, &out, seed),
    }
}

fn check(paths: &[PathBuf], list: bool) -> ExitCode {
    let loaded = load(paths);
    if list {
        print_articles(&loaded);
    }
    for problem in &loaded.problems {
        eprintln!("{problem}");
    }
    let errors = loaded
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let warnings = loaded.problems.len() - errors;
    let articles = loaded.corpus.articles.len();
    let verdict = if loaded.has_errors() {
        "the build would fail"
    } else {
        "the build would succeed"
    };
    eprintln!(
        "{articles} {}, {errors} {}, {warnings} {}: {verdict}",
        plural(articles, "article"),
        plural(errors, "error"),
        plural(warnings, "warning")
    );
    if loaded.has_errors() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn print_articles(loaded: &Loaded) {
    for a in &loaded.corpus.articles {
        let date = a.date.map_or_else(|| "—".to_string(), |d| d.to_string());
        let basis = a.date_basis.as_str();
        let source = a.source.as_deref().unwrap_or("—");
        println!("{}\t{date}\t{basis}\t{source}\t{}", a.id, a.title);
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        word.to_string()
    } else {
        format!("{word}s")
    }
}
