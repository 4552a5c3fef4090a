//! Prints what every recognizer proposes for a text, then what the resolver
//! keeps: `cargo run --release -p doichieu-core --example proposals -- "văn bản"`
//! (or the text on standard input).

use std::io::Read;

use doichieu_core::extract::{decide, Extractor};
use doichieu_core::normalize::normalize;

fn main() {
    let mut text = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        std::io::stdin()
            .read_to_string(&mut text)
            .expect("standard input is UTF-8 text");
    }
    let text = normalize(&text);
    let extractor = Extractor::default();
    let proposals = extractor.proposals(&text);
    println!("proposed:");
    for p in &proposals {
        println!(
            "  {:?} {:?} {:?} {:?}",
            p.kind,
            p.evidence,
            &text[p.start..p.end],
            p.canonical
        );
    }
    println!("kept:");
    for p in decide::decide(proposals) {
        println!("  {:?} {:?}", p.kind, &text[p.start..p.end]);
    }
}
