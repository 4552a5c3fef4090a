//! `doichieu extract`: the JSON contract of DESIGN ("articles" with their
//! mentions by character offsets, "entities" with aliases, articles and
//! roles) or one mention per TSV line.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use doichieu_core::corpus::load;
use doichieu_core::entity::{Entity, Mention};
use doichieu_core::extract::resolve::extract_corpus;
use doichieu_core::extract::Extractor;
use doichieu_core::Article;
use serde::Serialize;

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum Format {
    Json,
    Tsv,
}

#[derive(Serialize)]
struct Output<'a> {
    articles: Vec<ArticleOut<'a>>,
    entities: Vec<EntityOut<'a>>,
}

#[derive(Serialize)]
struct ArticleOut<'a> {
    id: &'a str,
    title: &'a str,
    date: Option<String>,
    /// What dates the article (`header`, `dateline`, `sidecar`, `unknown`, …).
    date_basis: &'static str,
    source: Option<&'a str>,
    text: String,
    mentions: Vec<MentionOut<'a>>,
}

#[derive(Serialize)]
struct MentionOut<'a> {
    start: usize,
    end: usize,
    text: String,
    #[serde(rename = "type")]
    kind: &'static str,
    entity: &'a str,
}

#[derive(Serialize)]
struct EntityOut<'a> {
    id: &'a str,
    name: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    aliases: &'a [String],
    articles: &'a [String],
    roles: Vec<RoleOut<'a>>,
}

#[derive(Serialize)]
struct RoleOut<'a> {
    article: &'a str,
    date: Option<String>,
    /// The title as written in the article (the field's meaning since the
    /// first version of this output).
    title: &'a str,
    /// The office held: its title entity's id, one for all its spellings.
    office: &'a str,
}

/// Character offsets of byte offsets in `text`.
struct CharOffsets(Vec<usize>);

impl CharOffsets {
    fn new(text: &str) -> Self {
        let mut map = vec![0; text.len() + 1];
        let mut chars = 0;
        for (byte, c) in text.char_indices() {
            for slot in &mut map[byte..byte + c.len_utf8()] {
                *slot = chars;
            }
            chars += 1;
        }
        map[text.len()] = chars;
        Self(map)
    }

    fn of(&self, byte: u32) -> usize {
        self.0[byte as usize]
    }
}

pub fn run(paths: &[PathBuf], format: Format) -> ExitCode {
    let loaded = load(paths);
    for problem in &loaded.problems {
        eprintln!("{problem}");
    }
    if loaded.has_errors() {
        eprintln!("doichieu extract: the corpus has errors; `doichieu check` lists them");
        return ExitCode::FAILURE;
    }
    let articles = &loaded.corpus.articles;
    let extraction = extract_corpus(articles, &Extractor::default());
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let written = match format {
        Format::Json => write_json(
            &mut out,
            articles,
            &extraction.mentions,
            &extraction.entities,
        ),
        Format::Tsv => write_tsv(&mut out, articles, &extraction.mentions),
    };
    match written.and_then(|_| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("doichieu extract: cannot write the output: {e}");
            ExitCode::FAILURE
        }
    }
}

fn mentions_out<'a>(text: &str, mentions: &'a [Mention]) -> Vec<MentionOut<'a>> {
    let offsets = CharOffsets::new(text);
    mentions
        .iter()
        .map(|m| MentionOut {
            start: offsets.of(m.start),
            end: offsets.of(m.end),
            text: text[m.start as usize..m.end as usize].to_string(),
            kind: m.kind.as_str(),
            entity: &m.entity,
        })
        .collect()
}

fn write_json(
    out: &mut impl Write,
    articles: &[Article],
    mentions: &[Vec<Mention>],
    entities: &[Entity],
) -> io::Result<()> {
    let output = Output {
        articles: articles
            .iter()
            .zip(mentions)
            .map(|(a, m)| {
                let text = a.text();
                ArticleOut {
                    id: &a.id,
                    title: &a.title,
                    date: a.date.map(|d| d.to_string()),
                    date_basis: a.date_basis.as_str(),
                    source: a.source.as_deref(),
                    mentions: mentions_out(&text, m),
                    text,
                }
            })
            .collect(),
        entities: entities
            .iter()
            .map(|e| EntityOut {
                id: &e.id,
                name: &e.name,
                kind: e.kind.as_str(),
                aliases: &e.aliases,
                articles: &e.articles,
                roles: e
                    .roles
                    .iter()
                    .map(|r| RoleOut {
                        article: &r.article,
                        date: r.date.map(|d| d.to_string()),
                        title: &r.text,
                        office: &r.title,
                    })
                    .collect(),
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &output).map_err(io::Error::other)?;
    writeln!(out)
}

fn write_tsv(
    out: &mut impl Write,
    articles: &[Article],
    mentions: &[Vec<Mention>],
) -> io::Result<()> {
    writeln!(out, "article\tstart\tend\ttype\tentity\ttext")?;
    for (a, m) in articles.iter().zip(mentions) {
        let text = a.text();
        for m in mentions_out(&text, m) {
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}",
                a.id, m.start, m.end, m.kind, m.entity, m.text
            )?;
        }
    }
    Ok(())
}
