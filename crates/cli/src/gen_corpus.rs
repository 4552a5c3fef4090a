//! `doichieu gen-corpus`: a large collection for the benchmarks, made from a
//! small one. The sentences of the seed articles are cut where the reader
//! would cut them, the people, places and dates the extractor finds in them
//! become slots, and each article made draws its own cast, places and dates
//! into them. The same seeds, count and seed number give the same bytes.

use std::collections::HashMap;
use std::fs;
use std::path::Path;
use std::process::ExitCode;

use doichieu_core::corpus::load;
use doichieu_core::entity::EntityType;
use doichieu_core::extract::Extractor;
use doichieu_core::{sentence, SegmentKind};

const FAMILY: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
    "Dương", "Lý", "Lương", "Đinh", "Trịnh", "Mai", "Tạ",
];
const MIDDLE: &[&str] = &[
    "Văn", "Thị", "Đình", "Bá", "Minh", "Quốc", "Hữu", "Thanh", "Xuân", "Ngọc", "Công", "Đức",
    "Trọng", "Anh",
];
const GIVEN: &[&str] = &[
    "An", "Bình", "Cường", "Dũng", "Giang", "Hải", "Hùng", "Khánh", "Lâm", "Long", "Nam", "Nghĩa",
    "Phúc", "Quang", "Sơn", "Tâm", "Thắng", "Thủy", "Trung", "Tuấn", "Việt", "Hương", "Lan",
];
const LAO_GIVEN: &[&str] = &[
    "Bounmy",
    "Khamla",
    "Somphone",
    "Chanthala",
    "Sengphet",
    "Vongdeuan",
    "Phoutthasone",
    "Khamsone",
    "Souksavanh",
    "Thongchanh",
    "Viengxay",
    "Somchit",
];
const LAO_FAMILY: &[&str] = &[
    "Phommavong",
    "Sengsouly",
    "Keophila",
    "Vannasy",
    "Douangmala",
    "Sisavath",
    "Inthalath",
    "Chanthavong",
    "Luangrath",
    "Xayavong",
];
const PLACES: &[&str] = &[
    "Vientiane",
    "Viêng Chăn",
    "Hà Nội",
    "Luang Prabang",
    "Savannakhet",
    "Pakse",
    "Nghệ An",
    "Hà Tĩnh",
    "Quảng Trị",
    "Điện Biên",
    "Sơn La",
    "Thanh Hóa",
];
const RANKS: &[&str] = &["Đại tướng", "Thượng tướng", "Trung tướng", "Thiếu tướng"];
const OFFICES: &[&str] = &[
    "Bộ trưởng Bộ Công an",
    "Thứ trưởng Bộ Công an",
    "Bộ trưởng Bộ An ninh Lào",
    "Phó Thủ tướng",
    "Chủ tịch nước",
    "Đại sứ Việt Nam tại Lào",
];
const SOURCES: &[&str] = &[
    "TTXVN",
    "VOV.VN",
    "Chinhphu.vn/TTXVN",
    "Nhân dân",
    "Công an nhân dân",
];
const TITLE_VERBS: &[&str] = &["Tăng cường", "Thúc đẩy", "Củng cố", "Mở rộng"];

/// A piece of a seed sentence: its own words, or a slot the new article fills.
#[derive(Clone, Debug)]
enum Piece {
    Text(String),
    /// A person; `short` when the seed names them by one word ("Vilay").
    Person {
        entity: u32,
        short: bool,
    },
    Place {
        entity: u32,
    },
    /// A day and month, with the year when the seed wrote one.
    Date {
        with_year: bool,
    },
}

type Sentence = Vec<Piece>;

/// SplitMix64: small, fast and the same on every machine.
struct Draw(u64);

impl Draw {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    fn between(&mut self, lo: u32, hi: u32) -> u32 {
        lo + (self.next() % u64::from(hi - lo + 1)) as u32
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[(self.next() % from.len() as u64) as usize]
    }
}

pub fn run(seeds: &Path, n: usize, out: &Path, seed: u64) -> ExitCode {
    let pool = sentences(seeds);
    if pool.is_empty() {
        eprintln!(
            "gen-corpus: no sentences to draw from in {}",
            seeds.display()
        );
        return ExitCode::FAILURE;
    }
    if let Err(e) = fs::create_dir_all(out) {
        eprintln!("gen-corpus: cannot make {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    let mut draw = Draw(seed);
    let width = n.to_string().len().max(6);
    let mut bytes = 0;
    for i in 0..n {
        let text = article(&mut draw, &pool, i);
        bytes += text.len();
        let file = out.join(format!("{i:0width$}.txt"));
        if let Err(e) = fs::write(&file, text) {
            eprintln!("gen-corpus: cannot write {}: {e}", file.display());
            return ExitCode::FAILURE;
        }
    }
    eprintln!(
        "gen-corpus: {n} articles, {:.1} MB, in {}",
        bytes as f64 / 1e6,
        out.display()
    );
    ExitCode::SUCCESS
}

/// The sentences of the seed articles' paragraphs (captions left out), with
/// their people, places and dates as slots.
fn sentences(seeds: &Path) -> Vec<Sentence> {
    let mut corpus = load(&[seeds.to_path_buf()]).corpus;
    corpus.annotate(&Extractor::default());
    let mut pool = Vec::new();
    for (index, article) in corpus.articles.iter().enumerate() {
        let text = article.text();
        let marks = corpus.marks_of(index);
        for segment in article.segments() {
            if segment.kind != SegmentKind::Paragraph {
                continue;
            }
            let end = segment.byte_start + segment.text.len();
            let mut at = segment.byte_start;
            while at < end {
                let stop = sentence::end_of(&text, at).clamp(at + 1, end);
                let stop = (stop..=end)
                    .find(|&i| text.is_char_boundary(i))
                    .unwrap_or(end);
                let mut pieces = Vec::new();
                let mut pos = at;
                for m in marks
                    .iter()
                    .filter(|m| m.start as usize >= at && m.end as usize <= stop)
                {
                    let (start, finish) = (m.start as usize, m.end as usize);
                    if start < pos {
                        continue; // inside a mark already taken
                    }
                    let slot = match corpus.kind_of(m) {
                        EntityType::Person => Piece::Person {
                            entity: m.entity,
                            short: !text[start..finish].contains(' '),
                        },
                        EntityType::Location => Piece::Place { entity: m.entity },
                        EntityType::Date if text[start..finish].contains('/') => Piece::Date {
                            with_year: text[start..finish].matches('/').count() == 2,
                        },
                        _ => continue,
                    };
                    pieces.push(Piece::Text(text[pos..start].to_string()));
                    pieces.push(slot);
                    pos = finish;
                }
                pieces.push(Piece::Text(text[pos..stop].to_string()));
                let length: usize = pieces
                    .iter()
                    .map(|p| match p {
                        Piece::Text(t) => t.chars().count(),
                        _ => 8,
                    })
                    .sum();
                if length > 30 {
                    pool.push(pieces);
                }
                at = stop;
            }
        }
    }
    pool
}

fn person(draw: &mut Draw) -> String {
    if draw.next() % 2 == 0 {
        format!(
            "{} {} {}",
            draw.pick(FAMILY),
            draw.pick(MIDDLE),
            draw.pick(GIVEN)
        )
    } else {
        format!("{} {}", draw.pick(LAO_GIVEN), draw.pick(LAO_FAMILY))
    }
}

/// How a later sentence names a person: a Vietnamese by the given name
/// (the last word), a Lao by the first.
fn short_name(full: &str) -> &str {
    let mut words = full.split(' ');
    let first = words.next().unwrap_or(full);
    if FAMILY.contains(&first) {
        full.rsplit(' ').next().unwrap_or(full)
    } else {
        first
    }
}

fn article(draw: &mut Draw, pool: &[Sentence], i: usize) -> String {
    let year = draw.between(2008, 2026);
    let month = draw.between(1, 12);
    let day = draw.between(1, 28);
    let mut cast: HashMap<u32, String> = HashMap::new();
    let mut places: HashMap<u32, &str> = HashMap::new();
    let count = draw.between(6, 22) as usize;
    let mut body = Vec::with_capacity(count);
    for _ in 0..count {
        let sentence = &pool[(draw.next() % pool.len() as u64) as usize];
        let mut out = String::new();
        for piece in sentence {
            match piece {
                Piece::Text(t) => out.push_str(t),
                Piece::Person { entity, short } => {
                    let full = cast.entry(*entity).or_insert_with(|| person(draw));
                    out.push_str(if *short { short_name(full) } else { full });
                }
                Piece::Place { entity } => {
                    let place = *places.entry(*entity).or_insert_with(|| draw.pick(PLACES));
                    out.push_str(place);
                }
                Piece::Date { with_year } => {
                    let d = draw.between(1, 28);
                    out.push_str(&format!("{d}/{month}"));
                    if *with_year {
                        out.push_str(&format!("/{year}"));
                    }
                }
            }
        }
        body.push(out.trim().to_string());
    }
    let host = person(draw);
    let guest = person(draw);
    let place = draw.pick(PLACES);
    let lead = format!(
        "{} {host}, {}, đã tiếp {guest} ngày {day}/{month}/{year} tại {place}.",
        draw.pick(RANKS),
        draw.pick(OFFICES)
    );
    let mut paragraphs = vec![lead];
    paragraphs.extend(body.chunks(3).map(|c| c.join(" ")));
    paragraphs.push(format!("Theo {}", draw.pick(SOURCES)));
    // The three shapes of the seeds: a date line, a title line, or neither.
    match i % 3 {
        0 => paragraphs[0] = format!(" date {year}-{month:02} {}", paragraphs[0]),
        1 => paragraphs.insert(
            0,
            format!(
                "{} hợp tác an ninh Việt Nam - Lào {year}",
                draw.pick(TITLE_VERBS)
            ),
        ),
        _ => {}
    }
    paragraphs.join("\n\n") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_makes_the_same_articles_with_new_people() {
        let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
        let pool = sentences(&seeds);
        assert!(pool.len() > 20, "{} sentences", pool.len());
        let (a, b) = (
            article(&mut Draw(7), &pool, 0),
            article(&mut Draw(7), &pool, 0),
        );
        assert_eq!(a, b);
        assert!(a.starts_with(" date "), "{a}");
        assert_ne!(a, article(&mut Draw(8), &pool, 0));
        let titled = article(&mut Draw(7), &pool, 1);
        assert!(
            titled.lines().next().unwrap().contains("hợp tác an ninh"),
            "{titled}"
        );
    }
}
