//! `doichieu pack <folder>… --out <dist>`: writes a collection as packs
//! beside an app already built, so that the page reads it instead of the
//! collection it embeds, with no new build of the app.
//!
//! The packs go to `<dist>/packs/`; `index.html` is told the manifest's name
//! (a `<meta name="doichieu-packs">`), the service worker gets a new build
//! name so that readers who have the old collection offline move to the new
//! one, the packs no manifest names any more are removed, and so is the
//! one-file reader, which holds only the collection built into the app, and
//! the first view of that collection written into the page at build time.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use doichieu_core::corpus::load;
use doichieu_core::extract::resolve::extract_corpus_telling;
use doichieu_core::extract::Extractor;
use doichieu_core::pack::{self, FOLDER, META_NAME};
use indicatif::{ProgressBar, ProgressStyle};

pub fn run(paths: &[PathBuf], out: &Path) -> ExitCode {
    match write(paths, out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("doichieu pack: {message}");
            ExitCode::FAILURE
        }
    }
}

fn write(paths: &[PathBuf], out: &Path) -> Result<(), String> {
    let index_html = out.join("index.html");
    let page = fs::read_to_string(&index_html).map_err(|e| {
        format!(
            "{}: {e}; --out names the folder of a built app (scripts/build writes dist/)",
            index_html.display()
        )
    })?;
    let started = Instant::now();
    let mut timing = doichieu_core::timing::Spans::start();
    let loaded = load(paths);
    timing.end("read and parsed");
    let read_s = started.elapsed().as_secs_f64();
    for problem in &loaded.problems {
        eprintln!("{problem}");
    }
    if loaded.has_errors() {
        return Err("the collection has errors (listed above); nothing was written".into());
    }
    let mut corpus = loaded.corpus;
    let n = corpus.articles.len();
    if n == 0 {
        return Err("no articles (.txt or .md files) were found; nothing was written".into());
    }
    let bar = |message: &'static str| {
        let bar = ProgressBar::new(n as u64);
        bar.set_style(
            ProgressStyle::with_template("{msg:>12} [{bar:40}] {pos}/{len} articles, {eta} left")
                .expect("the template is valid")
                .progress_chars("=> "),
        );
        bar.set_message(message);
        bar
    };
    let reading = bar("entities");
    // The search's words need the articles only: their packs are made on
    // threads of their own while the entities are read. The words are read
    // beside the entities; their shards are cut and compressed once every
    // article's entities are read, beside the resolution of the people and
    // titles, which runs on one thread and would leave the other core idle.
    let (extraction, words) = std::thread::scope(|scope| {
        let articles = &corpus.articles;
        let (read, ready) = std::sync::mpsc::channel::<()>();
        let words = scope.spawn(move || {
            pack::word_packs_after(articles, || {
                // Told, or the sender gone: either way the entities are read.
                let _ = ready.recv();
            })
        });
        let extraction = extract_corpus_telling(articles, &Extractor::default(), &mut |done| {
            if done % 64 == 0 || done == n {
                reading.set_position(done as u64);
            }
            if done == n {
                let _ = read.send(());
            }
        });
        drop(read);
        (
            extraction,
            words.join().expect("a worker thread does not panic"),
        )
    });
    corpus.set_extraction(extraction);
    reading.finish();
    timing.end("entities (and the search's words beside them)");
    let entities_s = started.elapsed().as_secs_f64() - read_s;
    let writing = bar("packs");
    let packs = pack::write_with(&corpus, words, &mut |done| {
        writing.set_position(done as u64)
    });
    writing.finish();
    timing.end("packs made");

    let folder = out.join(FOLDER);
    fs::create_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    // A pack is named by its content: one already there is this one. The
    // packs are written on every core, the manifest that names them after.
    let write_new = |name: &String, bytes: &[u8]| -> Result<(), String> {
        let path = folder.join(name);
        if !path.exists() {
            fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        Ok(())
    };
    pack::parallel_map(&packs.files, |(name, bytes)| write_new(name, bytes))
        .into_iter()
        .collect::<Result<(), String>>()?;
    write_new(&packs.manifest_name, &packs.manifest_bytes)?;
    let mut keep: Vec<String> = Vec::with_capacity(packs.files.len() + 1);
    keep.extend(packs.files.iter().map(|(name, _)| name.clone()));
    keep.push(packs.manifest_name.clone());
    let manifest_href = format!("{FOLDER}/{}", packs.manifest_name);
    let page = with_meta(&without_first_view(&page), &manifest_href);
    fs::write(&index_html, page).map_err(|e| format!("{}: {e}", index_html.display()))?;
    let worker = out.join("sw.js");
    if let Ok(script) = fs::read_to_string(&worker) {
        fs::write(&worker, with_build(&script, &packs.manifest.build))
            .map_err(|e| format!("{}: {e}", worker.display()))?;
    }
    // The one-file reader embeds the collection built into the app, not
    // this one: it would open another collection than the page.
    let one_file = out.join("doichieu.html");
    if one_file.exists() {
        fs::remove_file(&one_file).map_err(|e| format!("{}: {e}", one_file.display()))?;
        eprintln!(
            "{} removed: the one-file reader holds only the collection built into the app; a collection of packs is read from a host (or kept offline from the page)",
            one_file.display()
        );
    }
    keep.sort();
    let mut removed = 0;
    for entry in fs::read_dir(&folder)
        .map_err(|e| format!("{}: {e}", folder.display()))?
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".bin") && keep.binary_search(&name).is_err() {
            fs::remove_file(entry.path()).map_err(|e| format!("{}: {e}", name))?;
            removed += 1;
        }
    }
    timing.end("files written");
    let seconds = started.elapsed().as_secs_f64();
    let packs_s = seconds - read_s - entities_s;
    let m = &packs.manifest;
    eprintln!(
        "{n} articles ({:.1} MB of text) written as {} packs ({:.1} MB) in {}/ in {seconds:.1} s ({:.1} MB/s: reading {read_s:.1} s, entities {entities_s:.1} s, packs {packs_s:.1} s); {removed} old packs removed",
        m.text_bytes as f64 / 1e6,
        m.pack_files + 1,
        (m.pack_bytes + packs.manifest_bytes.len() as u64) as f64 / 1e6,
        folder.display(),
        m.text_bytes as f64 / 1e6 / seconds.max(1e-9),
    );
    Ok(())
}

/// The page with its `<meta name="doichieu-packs">` saying `href`: the one
/// there replaced, or one put before `</head>`.
fn with_meta(page: &str, href: &str) -> String {
    let tag = format!("<meta name=\"{META_NAME}\" content=\"{href}\" />");
    let marker = format!("<meta name=\"{META_NAME}\"");
    if let Some(start) = page.find(&marker) {
        if let Some(len) = page[start..].find('>') {
            return format!("{}{tag}{}", &page[..start], &page[start + len + 1..]);
        }
    }
    match page.find("</head>") {
        Some(at) => format!("{}{tag}\n  {}", &page[..at], &page[at..]),
        None => format!("{tag}\n{page}"),
    }
}

/// The page without the library's first view that `scripts/build` writes
/// into it (`<div id="first-view">`, on a line of its own): that view is of
/// the collection built into the app, not of the packs.
fn without_first_view(page: &str) -> String {
    page.split_inclusive('\n')
        .filter(|line| !line.trim_start().starts_with("<div id=\"first-view\">"))
        .collect()
}

/// The service worker with a build name made of its own and the packs':
/// the browser sees a new worker, which caches the new page.
fn with_build(script: &str, packs_build: &str) -> String {
    let prefix = "const BUILD = \"";
    let Some(start) = script.find(prefix).map(|i| i + prefix.len()) else {
        return script.to_string();
    };
    let Some(len) = script[start..].find('"') else {
        return script.to_string();
    };
    let old = &script[start..start + len];
    // The app's own build name, before any packs were written.
    let app = old.split('+').next().unwrap_or(old);
    format!(
        "{}{app}+{packs_build}{}",
        &script[..start],
        &script[start + len..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_names_one_manifest() {
        let page = "<html><head><title>x</title></head><body></body></html>";
        let once = with_meta(page, "packs/manifest-1.bin");
        assert!(once.contains("<meta name=\"doichieu-packs\" content=\"packs/manifest-1.bin\" />"));
        let twice = with_meta(&once, "packs/manifest-2.bin");
        assert_eq!(twice.matches("doichieu-packs").count(), 1);
        assert!(twice.contains("manifest-2.bin") && !twice.contains("manifest-1.bin"));
    }

    #[test]
    fn the_first_view_of_the_built_collection_leaves_the_page() {
        let page = "<body>\n    <div id=\"first-view\"><main><a data-article=\"x\">X</a></main></div>\n    <noscript>…</noscript>\n</body>\n";
        assert_eq!(
            without_first_view(page),
            "<body>\n    <noscript>…</noscript>\n</body>\n"
        );
    }

    #[test]
    fn the_worker_build_changes_with_the_packs_and_keeps_the_app_build() {
        let script = "const BUILD = \"abc\";\nconst FILES = [];";
        let one = with_build(script, "p1");
        assert!(one.starts_with("const BUILD = \"abc+p1\";"));
        let two = with_build(&one, "p2");
        assert!(two.starts_with("const BUILD = \"abc+p2\";"));
    }
}
