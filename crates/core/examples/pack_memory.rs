//! How much memory each kind of pack takes once decoded: reads the packs of
//! a folder (`packs/` beside an app), a sample of each kind, and counts the
//! heap each decoded pack holds, and the most it held while being read
//! (what a pack costs on top of those already kept, in a wasm memory that
//! never shrinks).
//!
//! `cargo run --release -p doichieu-core --example pack_memory -- dist/packs [per kind]`
use std::alloc::{GlobalAlloc, Layout, System};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static BLOCKS: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(live, Ordering::Relaxed);
        BLOCKS.fetch_add(1, Ordering::Relaxed);
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        BLOCKS.fetch_sub(1, Ordering::Relaxed);
        System.dealloc(ptr, layout)
    }
}

#[global_allocator]
static A: Counting = Counting;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().expect("a packs folder");
    let per_kind: usize = args
        .next()
        .map_or(usize::MAX, |n| n.parse().expect("a number"));
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("readable")
        .map(|e| e.expect("entry").file_name().into_string().expect("utf-8"))
        .collect();
    names.sort();
    // kind → (packs, file bytes, decoded bytes, blocks, most held while reading one)
    let mut by_kind: BTreeMap<String, (usize, usize, usize, usize, usize)> = BTreeMap::new();
    let mut kept = Vec::new();
    for name in names {
        let kind = name.split('-').next().unwrap_or_default().to_string();
        let entry = by_kind.entry(kind).or_default();
        if entry.0 >= per_kind {
            continue;
        }
        let bytes = std::fs::read(format!("{dir}/{name}")).expect("readable");
        let (before, blocks) = (LIVE.load(Ordering::Relaxed), BLOCKS.load(Ordering::Relaxed));
        PEAK.store(before, Ordering::Relaxed);
        let decoded = doichieu_core::pack::Decoded::read(&name, &bytes).expect("a pack");
        let (after, blocks_after) = (LIVE.load(Ordering::Relaxed), BLOCKS.load(Ordering::Relaxed));
        entry.0 += 1;
        entry.1 += bytes.len();
        entry.2 += after - before;
        entry.3 += blocks_after - blocks;
        entry.4 = entry.4.max(PEAK.load(Ordering::Relaxed) - before);
        kept.push(decoded);
    }
    println!("kind\tpacks\tfile MB\tdecoded MB\tdecoded/file\tallocations\treading one, most MB");
    for (kind, (n, file, decoded, blocks, peak)) in by_kind {
        println!(
            "{kind}\t{n}\t{:.2}\t{:.2}\t{:.1}\t{blocks}\t{:.2}",
            file as f64 / 1e6,
            decoded as f64 / 1e6,
            decoded as f64 / file.max(1) as f64,
            peak as f64 / 1e6
        );
    }
}
