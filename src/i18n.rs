//! The interface in Vietnamese (the default) and English.

use doichieu_core::view::Lang;
use doichieu_core::{DateBasis, PartialDate};

/// Every fixed text of the interface, in one language.
pub struct Strings {
    pub app_tagline: &'static str,
    pub library: &'static str,
    pub skip_to_content: &'static str,
    pub switch_lang: &'static str,
    pub switch_lang_label: &'static str,
    pub articles_count: fn(usize) -> String,
    pub no_date: &'static str,
    pub no_source: &'static str,
    pub source: &'static str,
    pub photo: &'static str,
    pub title_derived: &'static str,
    pub back_to_library: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub article_not_found: fn(&str) -> String,
    pub articles_not_found: fn(&str) -> String,
    pub compare_needs_two: &'static str,
    pub entity_pages_unavailable: fn(&str) -> String,
    pub unknown_page: fn(&str) -> String,
    pub link_problems: &'static str,
    pub corpus_unreadable: &'static str,
    pub empty_corpus: &'static str,
    pub compare_title: fn(usize) -> String,
    pub date_basis: fn(DateBasis) -> &'static str,
    pub format_date: fn(PartialDate) -> String,
}

pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

static VI: Strings = Strings {
    app_tagline: "Đọc và đối chiếu tin tức",
    library: "Thư viện",
    skip_to_content: "Chuyển đến nội dung",
    switch_lang: "English",
    switch_lang_label: "Switch the interface to English",
    articles_count: |n| format!("{n} bài"),
    no_date: "Không rõ ngày",
    no_source: "Không rõ nguồn",
    source: "Nguồn",
    photo: "Ảnh",
    title_derived: "Bài không có tiêu đề; tiêu đề lấy từ câu mở đầu.",
    back_to_library: "← Thư viện",
    previous: "Bài trước",
    next: "Bài sau",
    article_not_found: |id| format!("Không tìm thấy bài «{id}» trong bộ sưu tập này."),
    articles_not_found: |ids| format!("Không tìm thấy các bài: {ids}."),
    compare_needs_two: "Cần ít nhất hai bài để đặt cạnh nhau.",
    entity_pages_unavailable: |id| {
        format!("Chưa có trang cho thực thể «{id}» trong phiên bản này.")
    },
    unknown_page: |path| format!("Không có trang «{path}». Liên kết có thể bị gõ sai."),
    link_problems: "Một phần của liên kết không đọc được và đã được bỏ qua:",
    corpus_unreadable: "Không đọc được bộ sưu tập đi kèm trang này",
    empty_corpus: "Bộ sưu tập này chưa có bài nào.",
    compare_title: |n| format!("Đặt cạnh nhau {n} bài"),
    date_basis: |b| match b {
        DateBasis::FrontMatter => "Ngày ghi trong phần đầu tệp.",
        DateBasis::Header => "Ngày ghi ở dòng đầu bài.",
        DateBasis::HeaderAndDateline => "Tháng ở dòng đầu bài, ngày theo câu mở đầu.",
        DateBasis::DatelineAndFullDate => {
            "Ngày theo câu mở đầu, năm theo ngày ghi đầy đủ trong bài."
        }
        DateBasis::DatelineAndYears => "Ngày theo câu mở đầu, năm theo năm bài viết nhắc đến.",
        DateBasis::Unknown => "Bài không cho biết ngày.",
    },
    format_date: |d| match (d.month, d.day) {
        (Some(m), Some(day)) => format!("{day}/{m}/{}", d.year),
        (Some(m), None) => format!("tháng {m}/{}", d.year),
        _ => format!("năm {}", d.year),
    },
};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

static EN: Strings = Strings {
    app_tagline: "Read Vietnamese news side by side",
    library: "Library",
    skip_to_content: "Skip to content",
    switch_lang: "Tiếng Việt",
    switch_lang_label: "Chuyển giao diện sang tiếng Việt",
    articles_count: |n| {
        if n == 1 {
            "1 article".into()
        } else {
            format!("{n} articles")
        }
    },
    no_date: "Date unknown",
    no_source: "Source unknown",
    source: "Source",
    photo: "Photo",
    title_derived: "The article has no title; this one is its opening sentence.",
    back_to_library: "← Library",
    previous: "Previous",
    next: "Next",
    article_not_found: |id| format!("There is no article “{id}” in this collection."),
    articles_not_found: |ids| format!("These articles were not found: {ids}."),
    compare_needs_two: "Setting articles side by side needs at least two.",
    entity_pages_unavailable: |id| {
        format!("There is no page for the entity “{id}” in this version.")
    },
    unknown_page: |path| format!("There is no page “{path}”. The link may be mistyped."),
    link_problems: "Part of this link could not be read and was left out:",
    corpus_unreadable: "The collection embedded in this page cannot be read",
    empty_corpus: "This collection has no articles yet.",
    compare_title: |n| format!("{n} articles side by side"),
    date_basis: |b| match b {
        DateBasis::FrontMatter => "Date given in the file's front matter.",
        DateBasis::Header => "Date given on the article's first line.",
        DateBasis::HeaderAndDateline => "Month from the first line, day from the opening sentence.",
        DateBasis::DatelineAndFullDate => {
            "Day from the opening sentence, year from the same date written in full."
        }
        DateBasis::DatelineAndYears => {
            "Day from the opening sentence, year from the years the text mentions."
        }
        DateBasis::Unknown => "The article does not say when.",
    },
    format_date: |d| match (d.month, d.day) {
        (Some(m), Some(day)) => format!("{day} {} {}", MONTHS[usize::from(m) - 1], d.year),
        (Some(m), None) => format!("{} {}", MONTHS[usize::from(m) - 1], d.year),
        _ => d.year.to_string(),
    },
};
