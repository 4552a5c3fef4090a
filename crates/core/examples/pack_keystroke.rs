//! What a keystroke in the library of a collection of packs costs in the
//! core, step by step: reads the packs each of the bench's queries needs
//! from a folder (`packs/` beside an app), then times, query by query, the
//! search, the facets of its results, the suggestions and the histogram's
//! count of them, as the library asks them once the packs are here.
//!
//! `cargo run --release -p doichieu-core --example pack_keystroke -- <packs> [runs]`
use std::time::Instant;

use doichieu_core::histogram::Histogram;
use doichieu_core::pack::index::{Entities, Mentions, Name, Needs, Shelf, Terms, Totals};
use doichieu_core::pack::{decode, Kind, Manifest, Meta, Packed};
use doichieu_core::view::Query;

const QUERIES: [&str; 10] = [
    "vientiane",
    "bounmy",
    "cong an",
    "bộ công an",
    "tổng bí thư",
    "hợp tác an ninh",
    "luang prabang",
    "xyz",
    "vi",
    "thượng tướng",
];

/// The packs read, the phrases' articles never kept: each search looks for
/// its phrases again.
struct Unkept<'a>(&'a Packed);

impl Shelf for Unkept<'_> {
    fn terms(&self, name: &str) -> Option<&Terms> {
        self.0.terms(name)
    }
    fn names(&self, name: &str) -> Option<&[Name]> {
        self.0.names(name)
    }
    fn entities(&self, name: &str) -> Option<&Entities> {
        self.0.entities(name)
    }
    fn facets(&self, name: &str) -> Option<&Mentions> {
        self.0.facets(name)
    }
    fn meta(&self, name: &str) -> Option<&Meta> {
        self.0.meta(name)
    }
    fn totals(&self) -> Option<&Totals> {
        self.0.totals()
    }
    fn keep_totals(&self, totals: Totals) {
        self.0.keep_totals(totals)
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().expect("a packs folder");
    let runs: usize = args.next().map_or(20, |n| n.parse().expect("a number"));
    let manifest_name = std::fs::read_dir(&dir)
        .expect("readable")
        .map(|e| e.expect("entry").file_name().into_string().expect("utf-8"))
        .find(|n| n.starts_with("manifest-"))
        .expect("a manifest");
    let bytes = std::fs::read(format!("{dir}/{manifest_name}")).expect("readable");
    let m: Manifest = decode(Kind::Manifest, &bytes).expect("a manifest");
    let mut packed = Packed::default();
    let fetch = |packed: &mut Packed, needs: Needs| {
        for name in needs {
            let bytes = std::fs::read(format!("{dir}/{name}")).expect("readable");
            packed.insert(&name, &bytes).expect("a pack");
        }
    };
    fetch(&mut packed, [m.meta_name()].into_iter().collect());
    let all = Histogram::of(
        packed
            .meta(&m.meta_name())
            .expect("meta")
            .dates
            .iter()
            .copied(),
    );
    println!(
        "query\tfound\tsearch µs\tsearch, phrases not kept µs\tfacets µs\tsuggest µs\thistogram µs"
    );
    let only = std::env::var("QUERY").ok();
    for q in QUERIES {
        if only.as_deref().is_some_and(|o| o != q) {
            continue;
        }
        let query = Query {
            q: q.to_string(),
            ..Query::default()
        };
        // Every pack the query needs, first.
        loop {
            let search = m.search(&packed);
            let mut needs = Needs::new();
            match search.search(&query) {
                Ok(found) => {
                    if let Err(more) = search.facets(&found.shown, &[], 6) {
                        needs.extend(more);
                    }
                    search.suggest(q, &[], 6, &mut needs);
                    for &e in &found.named {
                        search.entity(e as u32, &mut needs);
                    }
                }
                Err(more) => needs.extend(more),
            }
            if needs.is_empty() {
                break;
            }
            fetch(&mut packed, needs);
        }
        let search = m.search(&packed);
        let meta = packed.meta(&m.meta_name()).expect("meta");
        let unkept = Unkept(&packed);
        let unkept = m.search(&unkept);
        let mut times = [0u128; 5];
        let mut shown = 0;
        for _ in 0..runs {
            let t = Instant::now();
            let found = search.search(&query).expect("packs here");
            times[0] += t.elapsed().as_nanos();
            let t = Instant::now();
            let facets = search.facets(&found.shown, &[], 6).expect("packs here");
            times[1] += t.elapsed().as_nanos();
            let t = Instant::now();
            let suggested = search.suggest(q, &[], 6, &mut Needs::new());
            times[2] += t.elapsed().as_nanos();
            let t = Instant::now();
            let within = all.within(
                found
                    .shown
                    .iter()
                    .map(|&p| meta.dates.get(p).copied().flatten()),
            );
            times[3] += t.elapsed().as_nanos();
            let t = Instant::now();
            std::hint::black_box(unkept.search(&query).expect("packs here"));
            times[4] += t.elapsed().as_nanos();
            shown = found.shown.len();
            std::hint::black_box((facets, suggested, within));
        }
        let us = |t: u128| t as f64 / runs as f64 / 1e3;
        println!(
            "{q}\t{shown}\t{:.0}\t{:.0}\t{:.0}\t{:.0}\t{:.0}",
            us(times[0]),
            us(times[4]),
            us(times[1]),
            us(times[2]),
            us(times[3])
        );
    }
}
