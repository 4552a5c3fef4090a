//! `doichieu evaluate`: extraction measured against annotated text (`.ann`
//! files, see `crates/core/tests/gold/CONVENTIONS.md`), per type, exact
//! span and type, with every difference listed on request.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use doichieu_core::entity::EntityType;
use doichieu_core::extract::Extractor;
use doichieu_core::gold::{read, tag, GoldDoc, Scope, Scores};

/// How the text is given to the extractor and compared.
#[derive(Clone, Copy, ValueEnum)]
pub enum Mode {
    /// Each document whole; every mention by span and type.
    Document,
    /// Each line (a sentence or paragraph) on its own.
    Line,
    /// Each document whole, as the set of distinct names it marks.
    Names,
}

pub fn run(paths: &[PathBuf], modes: &[Mode], types: &[String], differences: bool) -> ExitCode {
    let mut kinds = Vec::new();
    for t in types {
        let kind = tag(&t.to_uppercase()).or_else(|| EntityType::parse(t));
        match kind {
            Some(k) => kinds.push(k),
            None => {
                eprintln!("--types: {t:?} is not a type (person, organization, location, date, title, event, or PER, ORG, LOC, DATE, TITLE, EVENT)");
                return ExitCode::FAILURE;
            }
        }
    }
    let mut docs: Vec<GoldDoc> = Vec::new();
    for path in paths {
        let content = match std::fs::read_to_string(path) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("{}: cannot be read: {e}", path.display());
                return ExitCode::FAILURE;
            }
        };
        match read(&content) {
            Ok(d) => docs.extend(d),
            Err(e) => {
                eprintln!("{}: {e}", path.display());
                return ExitCode::FAILURE;
            }
        }
    }
    let extractor = Extractor::default();
    let lines: usize = docs.iter().map(|d| d.paragraphs.len()).sum();
    println!("{} documents, {lines} lines", docs.len());
    for &mode in modes {
        let (scope, what) = match mode {
            Mode::Document => (Scope::Document, "each document whole, every mention"),
            Mode::Line => (Scope::Line, "each line on its own, every mention"),
            Mode::Names => (Scope::NameSet, "each document whole, its set of names"),
        };
        let scores = Scores::measure(&extractor, &docs, scope, &kinds);
        if differences {
            for d in &scores.differences {
                println!(
                    "{}\t{}\t{}\t{}\t{}",
                    d.doc,
                    if d.extra { "extra" } else { "missed" },
                    d.kind.as_str(),
                    d.text,
                    d.context
                );
            }
        }
        println!("\n{what}\n{}", scores.table());
    }
    ExitCode::SUCCESS
}
