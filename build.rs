//! Reads the corpus with the core, as `doichieu check` does, finds its
//! entities, and writes the encoded corpus to `OUT_DIR/corpus.bin` for the
//! app to embed.
//! `DOICHIEU_CORPUS=<folder>` embeds another folder instead of `corpus/`.
//! Any problem is printed by file and reason; an error fails the build.

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-env-changed=DOICHIEU_CORPUS");
    let manifest = PathBuf::from(
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"),
    );
    let folder = match std::env::var_os("DOICHIEU_CORPUS") {
        Some(dir) if !dir.is_empty() => manifest.join(dir),
        _ => manifest.join("corpus"),
    };
    println!("cargo:rerun-if-changed={}", folder.display());
    watch(&folder);

    let loaded = doichieu_core::corpus::load(std::slice::from_ref(&folder));
    for problem in &loaded.problems {
        println!("cargo:warning={problem}");
        eprintln!("{problem}");
    }
    if loaded.has_errors() {
        eprintln!(
            "the corpus in {} cannot be built; `doichieu check {}` lists the same problems",
            folder.display(),
            folder.display()
        );
        std::process::exit(1);
    }
    let mut corpus = loaded.corpus;
    corpus.annotate(&doichieu_core::extract::Extractor::default());
    let out =
        PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("corpus.bin");
    if let Err(e) = std::fs::write(&out, corpus.encode()) {
        eprintln!("cannot write {}: {e}", out.display());
        std::process::exit(1);
    }
}

/// Asks cargo to rebuild when any file or folder under `dir` changes.
fn watch(dir: &std::path::Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        println!("cargo:rerun-if-changed={}", path.display());
        if path.is_dir() {
            watch(&path);
        }
    }
}
