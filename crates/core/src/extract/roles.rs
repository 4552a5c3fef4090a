//! Titles attached to the people they qualify, within one text.
//!
//! A title belongs to a person when nothing but spaces and commas stands
//! between them: titles before the name ("Ủy viên Bộ Chính trị, Bộ trưởng,
//! Đại tướng Trần Đại Quang") and titles after it in apposition ("Vilay
//! Lakhamphong, Phó Thủ tướng, Bộ trưởng Bộ Công an Lào"), unless a title
//! after a name is followed by another name, whose title it is.

use crate::entity::{EntityType, Mention};

fn only_commas(gap: &str) -> bool {
    gap.chars().all(|c| c == ',' || c == ' ')
}

/// `(person entity id, title as written)` pairs, in text order.
pub fn attach<'a>(text: &'a str, mentions: &'a [Mention]) -> Vec<(&'a str, &'a str)> {
    // Mentions nested in a title are part of it.
    let mut top: Vec<&Mention> = Vec::new();
    for m in mentions {
        if top
            .last()
            .is_some_and(|t| t.kind == EntityType::Title && t.start <= m.start && m.end <= t.end)
        {
            continue;
        }
        top.push(m);
    }
    let gap = |a: &Mention, b: &Mention| text.get(a.end as usize..b.start as usize).unwrap_or("x");
    let title_text = |m: &Mention| &text[m.start as usize..m.end as usize];
    let mut out = Vec::new();
    for (k, person) in top
        .iter()
        .enumerate()
        .filter(|(_, m)| m.kind == EntityType::Person)
    {
        let mut chain = Vec::new();
        let mut j = k;
        while j > 0 && top[j - 1].kind == EntityType::Title && only_commas(gap(top[j - 1], top[j]))
        {
            j -= 1;
            chain.push(top[j]);
        }
        // "thừa ủy quyền của Chủ tịch nước, Bộ trưởng Tô Lâm": a title after
        // "của" is someone else's; only the one touching the name is his.
        let possessive = text[..top[j].start as usize].trim_end().ends_with("của");
        if possessive && chain.len() > 1 {
            chain.truncate(1);
            if !gap(chain[0], person).trim().is_empty() {
                chain.clear();
            }
        }
        out.extend(
            chain
                .into_iter()
                .map(|t| (person.entity.as_str(), title_text(t))),
        );
        let mut j = k;
        while j + 1 < top.len() && top[j + 1].kind == EntityType::Title {
            let g = gap(top[j], top[j + 1]);
            if !g.contains(',') || !only_commas(g) {
                break;
            }
            let next_is_person = top.get(j + 2).is_some_and(|n| {
                n.kind == EntityType::Person && gap(top[j + 1], n).trim().is_empty()
            });
            if next_is_person {
                break;
            }
            j += 1;
            out.push((person.entity.as_str(), title_text(top[j])));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(text: &str, part: &str, kind: EntityType, entity: &str) -> Mention {
        let start = text.find(part).unwrap();
        Mention {
            start: start as u32,
            end: (start + part.len()) as u32,
            kind,
            entity: entity.into(),
        }
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
        let titles: Vec<&str> = attach(text, &mentions)
            .into_iter()
            .map(|(_, t)| t)
            .collect();
        assert_eq!(
            titles,
            ["Đại tướng", "Ủy viên Bộ Chính trị", "Bộ trưởng Bộ Công an"]
        );
    }

    #[test]
    fn a_title_after_cua_belongs_to_someone_else() {
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
        assert_eq!(attach(text, &mentions), [("person:to-lam", "Bộ trưởng")]);
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
            attach(text, &mentions),
            [("person:nguyen-xuan-phuc", "Thủ tướng")]
        );
    }
}
