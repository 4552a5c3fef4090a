//! Titles attached to the people they qualify, within one text.
//!
//! A title belongs to a person when nothing but spaces and commas stands
//! between them: titles before the name ("Ủy viên Bộ Chính trị, Bộ trưởng,
//! Đại tướng Trần Đại Quang") and titles after it in apposition ("Vilay
//! Lakhamphong, Phó Thủ tướng, Bộ trưởng Bộ Công an Lào") or after a
//! spaced dash ("Nguyễn Bá Hùng - Đại sứ Việt Nam tại Lào"), unless a title
//! after a name is followed by another name, whose title it is. A
//! sentence opening with a meeting ("Tiếp Chủ tịch Tập đoàn Samsung, Thủ
//! tướng Nguyễn Xuân Phúc …") names the guest's title before the comma: only
//! the titles after it are the name's.

use crate::entity::{EntityType, Mention};

/// A mention as far as attaching titles needs: its byte range and type.
pub trait Span {
    fn start(&self) -> u32;
    fn end(&self) -> u32;
    fn kind(&self) -> EntityType;
}

impl Span for Mention {
    fn start(&self) -> u32 {
        self.start
    }
    fn end(&self) -> u32 {
        self.end
    }
    fn kind(&self) -> EntityType {
        self.kind
    }
}

/// `(start, end, type, entity)`, as the resolver keeps mentions.
impl Span for (u32, u32, EntityType, u32) {
    fn start(&self) -> u32 {
        self.0
    }
    fn end(&self) -> u32 {
        self.1
    }
    fn kind(&self) -> EntityType {
        self.2
    }
}

fn only_commas(gap: &str) -> bool {
    gap.chars().all(|c| c == ',' || c == ' ')
}

/// " - " between a name and what is said of it, a dash with a space on
/// each side (a dash without spaces joins two names: "Việt Nam-Lào").
fn spaced_dash(gap: &str) -> bool {
    gap.len() > 2
        && gap.starts_with(' ')
        && gap.ends_with(' ')
        && matches!(gap.trim(), "-" | "–" | "—")
}

/// Words that, opening a sentence, make the titles after them a guest's
/// ("Tiếp Chủ tịch JICA, Thủ tướng …"), lower case.
const MEETING_OPENERS: [&str; 12] = [
    "tiếp",
    "gặp",
    "đón",
    "hội kiến",
    "tiếp kiến",
    "khi tiếp",
    "tại buổi tiếp",
    "trong buổi tiếp",
    "tiếp xã giao",
    "tại cuộc gặp với",
    "trong cuộc gặp với",
    "báo cáo với",
];

/// Whether the text before byte `at`, from the start of its sentence, is
/// one of [`MEETING_OPENERS`] (trimmed, in any case).
fn opens_a_meeting(text: &str, at: usize) -> bool {
    let start = crate::sentence::start_of(text, at);
    let before = text[start..at].trim();
    // A text in lower case keeps at least a third of its bytes (the Kelvin
    // sign, three bytes, is "k"): a longer one is no opener, and is not
    // lowered to be told so.
    let longest = MEETING_OPENERS.iter().map(|o| o.len()).max().unwrap_or(0);
    before.len() <= 3 * longest && MEETING_OPENERS.contains(&crate::case::lower(before).as_str())
}

/// `(person, title)` pairs, in text order, each by its place in `mentions`.
pub fn attach<S: Span>(text: &str, mentions: &[S]) -> Vec<(usize, usize)> {
    around_names(text, mentions)
        .into_iter()
        .filter_map(|(person, title, held)| held.then_some((person, title)))
        .collect()
}

/// `(person, title)` pairs of titles that stand right before a person's
/// name but are someone else's ("thừa ủy quyền của Chủ tịch nước, Bộ
/// trưởng Tô Lâm": the president's): said beside that person, so of
/// the same country.
pub fn beside<S: Span>(text: &str, mentions: &[S]) -> Vec<(usize, usize)> {
    around_names(text, mentions)
        .into_iter()
        .filter_map(|(person, title, held)| (!held).then_some((person, title)))
        .collect()
}

/// Runs of two or more titles joined by commas or "và", with no name
/// between them ("Tổng Bí thư, Chủ tịch nước và Thủ tướng Chính phủ Lào"),
/// each title by its place in `mentions`: offices listed together, of one
/// country.
pub fn runs<S: Span>(text: &str, mentions: &[S]) -> Vec<Vec<usize>> {
    let top = top_level(mentions);
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    for (k, &(place, m)) in top.iter().enumerate() {
        let joined = k > 0 && run.last().is_some() && {
            let gap = text
                .get(top[k - 1].1.end() as usize..m.start() as usize)
                .unwrap_or("x");
            only_commas(gap) || gap.trim().trim_start_matches(',').trim() == "và"
        };
        if m.kind() != EntityType::Title || !joined {
            if run.len() > 1 {
                out.push(std::mem::take(&mut run));
            }
            run.clear();
        }
        if m.kind() == EntityType::Title {
            run.push(place);
        }
    }
    if run.len() > 1 {
        out.push(run);
    }
    out
}

/// The mentions that are not inside a title: (place, mention).
fn top_level<S: Span>(mentions: &[S]) -> Vec<(usize, &S)> {
    let mut top: Vec<(usize, &S)> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        if top.last().is_some_and(|(_, t)| {
            t.kind() == EntityType::Title && t.start() <= m.start() && m.end() <= t.end()
        }) {
            continue;
        }
        top.push((i, m));
    }
    top
}

/// `(person, title, held)`: the titles around each name, and whether the
/// person holds each ([`attach`]) or it only stands beside the name
/// ([`beside`]), in one pass.
pub fn around_names<S: Span>(text: &str, mentions: &[S]) -> Vec<(usize, usize, bool)> {
    // Mentions nested in a title are part of it.
    let top = top_level(mentions);
    let gap = |a: &S, b: &S| {
        text.get(a.end() as usize..b.start() as usize)
            .unwrap_or("x")
    };
    let kind = |j: usize| top[j].1.kind();
    let mut out = Vec::new();
    for (k, &(place, person)) in top.iter().enumerate() {
        if person.kind() != EntityType::Person {
            continue;
        }
        let mut chain = Vec::new();
        let mut j = k;
        while j > 0 && kind(j - 1) == EntityType::Title && only_commas(gap(top[j - 1].1, top[j].1))
        {
            j -= 1;
            chain.push(top[j]);
        }
        // "thừa ủy quyền của Chủ tịch nước, Bộ trưởng Tô Lâm": a title after
        // "của" is someone else's; only the one touching the name is his.
        let possessive = text[..top[j].1.start() as usize]
            .trim_end()
            .ends_with("của");
        // "Tiếp Chủ tịch JICA, Thủ tướng Nguyễn Xuân Phúc": the titles
        // before the first comma from the name are the guest's, and no one's here.
        if chain.len() > 1 && opens_a_meeting(text, top[j].1.start() as usize) {
            let own = chain
                .iter()
                .zip(std::iter::once(person).chain(chain.iter().map(|(_, t)| *t)))
                .take_while(|((_, t), next)| gap(t, next).trim().is_empty())
                .count();
            chain.truncate(own);
        }
        let mut others = Vec::new();
        if possessive && chain.len() > 1 {
            others = chain.split_off(1);
            if !gap(chain[0].1, person).trim().is_empty() {
                others.append(&mut chain);
            }
        }
        out.extend(chain.into_iter().map(|(t, _)| (place, t, true)));
        out.extend(others.into_iter().map(|(t, _)| (place, t, false)));
        let mut j = k;
        while j + 1 < top.len() && kind(j + 1) == EntityType::Title {
            let g = gap(top[j].1, top[j + 1].1);
            let apposition = (g.contains(',') && only_commas(g)) || (j == k && spaced_dash(g));
            if !apposition {
                break;
            }
            // The next name may come after the place the office stands in
            // ("Đại sứ Việt Nam tại Hoa Kỳ Phạm Quang Vinh").
            let abroad = top.get(j + 2).is_some_and(|(_, l)| {
                l.kind() == EntityType::Location
                    && matches!(gap(top[j + 1].1, l).trim(), "tại" | "ở")
            });
            let (before, n) = if abroad {
                (j + 2, j + 3)
            } else {
                (j + 1, j + 2)
            };
            let next_is_person = top.get(n).is_some_and(|(_, n)| {
                n.kind() == EntityType::Person && gap(top[before].1, n).trim().is_empty()
            });
            if next_is_person {
                break;
            }
            j += 1;
            out.push((place, top[j].0, true));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(person entity id, title as written)` pairs.
    fn named<'a>(text: &'a str, mentions: &'a [Mention]) -> Vec<(&'a str, &'a str)> {
        attach(text, mentions)
            .into_iter()
            .map(|(person, title)| {
                let t = &mentions[title];
                (
                    &*mentions[person].entity,
                    &text[t.start as usize..t.end as usize],
                )
            })
            .collect()
    }

    fn m(text: &str, part: &str, kind: EntityType, entity: &str) -> Mention {
        let start = text.find(part).unwrap();
        Mention {
            start: start as u32,
            end: (start + part.len()) as u32,
            kind,
            entity: entity.into(),
        }
    }

    /// A title after "của" (someone else's), then a minister and his name.
    fn after_cua() -> (&'static str, [Mention; 3]) {
        let text = "thừa ủy quyền của Chủ tịch nước, Bộ trưởng Tô Lâm đã trao";
        let mentions = [
            m(
                text,
                "Chủ tịch nước",
                EntityType::Title,
                "title:chu-tich-nuoc",
            ),
            m(text, "Bộ trưởng", EntityType::Title, "title:bo-truong"),
            m(text, "Tô Lâm", EntityType::Person, "person:to-lam"),
        ];
        (text, mentions)
    }

    #[test]
    fn titles_before_and_after_a_name_are_its_roles() {
        let text =
            "do Đại tướng Tô Lâm, Ủy viên Bộ Chính trị, Bộ trưởng Bộ Công an làm trưởng đoàn";
        let mentions = [
            m(text, "Đại tướng", EntityType::Title, "title:dai-tuong"),
            m(text, "Tô Lâm", EntityType::Person, "person:to-lam"),
            m(
                text,
                "Ủy viên Bộ Chính trị",
                EntityType::Title,
                "title:uy-vien-bo-chinh-tri",
            ),
            m(
                text,
                "Bộ Chính trị",
                EntityType::Organization,
                "organization:bo-chinh-tri",
            ),
            m(
                text,
                "Bộ trưởng Bộ Công an",
                EntityType::Title,
                "title:bo-truong-bo-cong-an",
            ),
            m(
                text,
                "Bộ Công an",
                EntityType::Organization,
                "organization:bo-cong-an",
            ),
        ];
        let titles: Vec<&str> = named(text, &mentions).into_iter().map(|(_, t)| t).collect();
        assert_eq!(
            titles,
            ["Đại tướng", "Ủy viên Bộ Chính trị", "Bộ trưởng Bộ Công an"]
        );
    }

    #[test]
    fn a_title_after_a_spaced_dash_is_the_name_s() {
        let text = "có đồng chí Nguyễn Bá Hùng - Đại sứ Việt Nam tại Lào.";
        let mentions = [
            m(
                text,
                "Nguyễn Bá Hùng",
                EntityType::Person,
                "person:nguyen-ba-hung",
            ),
            m(text, "Đại sứ Việt Nam", EntityType::Title, "title:dai-su"),
            m(text, "Việt Nam", EntityType::Location, "location:viet-nam"),
            m(text, "Lào", EntityType::Location, "location:lao"),
        ];
        assert_eq!(
            named(text, &mentions),
            [("person:nguyen-ba-hung", "Đại sứ Việt Nam")]
        );
        let joined = "Tô Lâm-Bộ trưởng";
        let mentions = [
            m(joined, "Tô Lâm", EntityType::Person, "person:to-lam"),
            m(joined, "Bộ trưởng", EntityType::Title, "title:bo-truong"),
        ];
        assert!(named(joined, &mentions).is_empty());
    }

    #[test]
    fn a_title_after_cua_belongs_to_someone_else() {
        let (text, mentions) = after_cua();
        assert_eq!(named(text, &mentions), [("person:to-lam", "Bộ trưởng")]);
    }

    #[test]
    fn titles_listed_together_are_one_run() {
        let text = "thông báo với Tổng Bí thư, Chủ tịch nước và Thủ tướng Chính phủ Lào, Bộ trưởng Tô Lâm và Đại tướng";
        let mentions = [
            m(text, "Tổng Bí thư", EntityType::Title, "title:tong-bi-thu"),
            m(
                text,
                "Chủ tịch nước",
                EntityType::Title,
                "title:chu-tich-nuoc",
            ),
            m(
                text,
                "Thủ tướng Chính phủ Lào",
                EntityType::Title,
                "title:thu-tuong-lao",
            ),
            m(
                text,
                "Chính phủ Lào",
                EntityType::Organization,
                "organization:chinh-phu-lao",
            ),
            m(text, "Bộ trưởng", EntityType::Title, "title:bo-truong"),
            m(text, "Tô Lâm", EntityType::Person, "person:to-lam"),
            m(text, "Đại tướng", EntityType::Title, "title:dai-tuong"),
        ];
        assert_eq!(runs(text, &mentions), [vec![0, 1, 2, 4]]);
        let (text, mentions) = after_cua();
        assert_eq!(beside(text, &mentions), [(2, 0)]);
        assert_eq!(attach(text, &mentions), [(2, 1)]);
    }

    #[test]
    fn a_guest_s_title_before_a_sentence_s_subject_is_not_the_subject_s() {
        let text = "Tiếp Chủ tịch Tập đoàn Samsung, Thủ tướng Nguyễn Xuân Phúc đề nghị";
        let mentions = [
            m(
                text,
                "Chủ tịch Tập đoàn Samsung",
                EntityType::Title,
                "title:chu-tich",
            ),
            m(text, "Thủ tướng", EntityType::Title, "title:thu-tuong"),
            m(
                text,
                "Nguyễn Xuân Phúc",
                EntityType::Person,
                "person:nguyen-xuan-phuc",
            ),
        ];
        assert_eq!(
            named(text, &mentions),
            [("person:nguyen-xuan-phuc", "Thủ tướng")]
        );
        // A chain after a meeting inside the sentence is the guest's own.
        let text = "Thủ tướng tiếp Ủy viên Bộ Chính trị, Bộ trưởng Tô Lâm.";
        let mentions = [
            m(text, "Thủ tướng", EntityType::Title, "title:thu-tuong"),
            m(
                text,
                "Ủy viên Bộ Chính trị",
                EntityType::Title,
                "title:uy-vien-bo-chinh-tri",
            ),
            m(text, "Bộ trưởng", EntityType::Title, "title:bo-truong"),
            m(text, "Tô Lâm", EntityType::Person, "person:to-lam"),
        ];
        assert_eq!(
            named(text, &mentions),
            [
                ("person:to-lam", "Bộ trưởng"),
                ("person:to-lam", "Ủy viên Bộ Chính trị")
            ]
        );
    }

    #[test]
    fn a_title_before_the_next_name_abroad_is_that_name_s() {
        let text = "Báo cáo với Thủ tướng Nguyễn Xuân Phúc, Đại sứ Việt Nam tại Hoa Kỳ Phạm Quang Vinh cho biết";
        let mentions = [
            m(text, "Thủ tướng", EntityType::Title, "title:thu-tuong"),
            m(
                text,
                "Nguyễn Xuân Phúc",
                EntityType::Person,
                "person:nguyen-xuan-phuc",
            ),
            m(text, "Đại sứ Việt Nam", EntityType::Title, "title:dai-su"),
            m(text, "Hoa Kỳ", EntityType::Location, "location:my"),
            m(
                text,
                "Phạm Quang Vinh",
                EntityType::Person,
                "person:pham-quang-vinh",
            ),
        ];
        assert_eq!(
            named(text, &mentions),
            [("person:nguyen-xuan-phuc", "Thủ tướng")]
        );
    }

    #[test]
    fn a_title_before_the_next_name_is_that_name_s() {
        let text = "Tô Lâm, Thủ tướng Nguyễn Xuân Phúc";
        let mentions = [
            m(text, "Tô Lâm", EntityType::Person, "person:to-lam"),
            m(text, "Thủ tướng", EntityType::Title, "title:thu-tuong"),
            m(
                text,
                "Nguyễn Xuân Phúc",
                EntityType::Person,
                "person:nguyen-xuan-phuc",
            ),
        ];
        assert_eq!(
            named(text, &mentions),
            [("person:nguyen-xuan-phuc", "Thủ tướng")]
        );
    }
}
