//! The interface in Vietnamese (the default) and English.

use std::borrow::Cow;

use doichieu_core::entity::Entity;
use doichieu_core::oddity::Oddity;
use doichieu_core::view::{EntityType, Lang, LinkProblem, Sort};
use doichieu_core::{DateBasis, PartialDate};

/// Every fixed text of the interface, in one language.
pub struct Strings {
    pub app_tagline: &'static str,
    pub library: &'static str,
    pub skip_to_content: &'static str,
    pub switch_lang: &'static str,
    pub switch_lang_label: &'static str,
    /// The link to the one-file reader, and what it is for.
    pub one_file: &'static str,
    pub one_file_note: &'static str,
    pub articles_count: fn(usize) -> String,
    pub no_date: &'static str,
    pub no_source: &'static str,
    pub source: &'static str,
    pub photo: &'static str,
    /// Said above the text when its marks cannot be shown.
    pub marks_unavailable: &'static str,
    pub title_derived: &'static str,
    /// The title was made from the lead photo's caption.
    pub title_from_caption: &'static str,
    pub back_to_library: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub article_not_found: fn(&str) -> String,
    pub articles_not_found: fn(&str) -> String,
    pub compare_needs_two: &'static str,
    pub unknown_page: fn(&str) -> String,
    pub link_problems: &'static str,
    pub corpus_unreadable: &'static str,
    pub empty_corpus: &'static str,
    pub compare_title: fn(usize) -> String,
    /// How the article's date was read, as the reading view's meta line says it.
    pub date_basis: fn(DateBasis) -> String,
    pub format_date: fn(PartialDate) -> String,
    pub type_name: fn(EntityType) -> &'static str,
    pub legend_label: &'static str,
    pub tip_open: &'static str,
    pub tip_title_here: &'static str,
    pub emphasised: fn(&str, usize) -> String,
    pub previous_mention: &'static str,
    pub next_mention: &'static str,
    pub clear_emphasis: &'static str,
    pub keys_hint: &'static str,
    pub paragraph_link: fn(u32) -> String,
    pub compare_with: &'static str,
    pub shared_entities: fn(usize) -> String,
    pub compare_selected: fn(usize) -> String,
    pub compare_pick_hint: &'static str,
    pub compare_open: &'static str,
    pub clear_picks: &'static str,
    pub select_for_compare: fn(&str) -> String,
    pub entities_heading: &'static str,
    pub in_all: &'static str,
    pub only_some: &'static str,
    pub per_article_counts: &'static str,
    pub title_changes: &'static str,
    pub no_entities: &'static str,
    pub aliases: &'static str,
    pub roles_heading: &'static str,
    pub undated_roles: &'static str,
    pub holders_heading: &'static str,
    pub mentions_heading: fn(usize, usize) -> String,
    pub more_mentions: fn(usize) -> String,
    pub more_articles: fn(usize) -> String,
    pub mentioned_with: &'static str,
    pub in_articles: fn(usize) -> String,
    pub filter_by_entity: fn(usize) -> String,
    pub entity_not_found: fn(&str) -> String,
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub from_label: &'static str,
    pub to_label: &'static str,
    pub date_hint: &'static str,
    pub clear_filters: &'static str,
    pub showing: fn(usize, usize) -> String,
    pub required_entities: &'static str,
    pub remove_entity: fn(&str) -> String,
    pub no_matches: &'static str,
    pub timeline_label: fn(&str) -> String,
    /// "3 undated, listed last" after the library's count.
    pub undated_listed_last: fn(usize) -> String,
    /// The heading before the undated articles in the library's list.
    pub undated_heading: fn(usize) -> String,
    /// Said while the packs a view needs are fetched.
    pub loading: &'static str,
    /// Keeping a collection of packs offline: the offer with its size, the
    /// progress, the end, a failure.
    pub keep_offline: fn(&str) -> String,
    pub keeping: fn(usize, usize) -> String,
    pub kept_offline: &'static str,
    pub keep_failed: fn(&str) -> String,
    /// An entity page over a large collection shows its newest articles.
    pub newest_of: fn(usize, usize) -> String,
    /// A date range leaves out this many undated articles.
    pub undated_left_out: fn(usize) -> String,
    pub histogram_label: &'static str,
    pub undated_bar: &'static str,
    pub year_only_bar: &'static str,
    /// A bar's tooltip: its period and count.
    pub bar_label: fn(&str, usize) -> String,
    /// Titles seen in a single article, folded on a timeline.
    pub seen_once: fn(usize) -> String,
    /// How many articles give a lane's title.
    pub support: fn(usize) -> String,
    /// Articles with every word of the query, but not together.
    pub apart: fn(usize) -> String,
    pub suggestions_label: &'static str,
    /// The spelling an article holds of an entity the query names.
    pub spelled: fn(&str) -> String,
    pub facets_label: &'static str,
    /// A facet group's heading: people, organisations, places, titles.
    pub facet_heading: fn(EntityType) -> &'static str,
    pub sources_heading: &'static str,
    pub years_heading: &'static str,
    pub sort_label: &'static str,
    pub sort_name: fn(Sort) -> &'static str,
    pub copy_link: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    pub histogram_drag: &'static str,
    /// The keyboard shortcuts: their list, each key, and the setting.
    pub shortcuts: &'static str,
    pub key_tab: &'static str,
    pub key_arrows: &'static str,
    pub key_enter: &'static str,
    pub key_next: &'static str,
    pub key_previous: &'static str,
    pub key_escape: &'static str,
    pub key_search: &'static str,
    pub key_help: &'static str,
    pub single_keys_setting: &'static str,
    pub close: &'static str,
    /// A value of the link that could not be read: key, value, why.
    pub link_problem: fn(&LinkProblem) -> String,
    /// What the view made of an odd link.
    pub oddity: fn(&Oddity) -> String,
    pub did_you_mean: &'static str,
    /// The print stylesheet's key to the underlines.
    pub print_key: &'static str,
    /// The side-by-side overview's button: show or hide.
    pub show_overview: &'static str,
    pub hide_overview: &'static str,
}

/// An entity's name as the page shows it: a date written as every other
/// date of the interface ("10/2/2020"), any other name as it is.
pub fn entity_name<'a>(s: &Strings, entity: &'a Entity) -> Cow<'a, str> {
    match entity.kind {
        EntityType::Date => PartialDate::parse(&entity.name)
            .map_or(Cow::Borrowed(entity.name.as_str()), |d| {
                Cow::Owned((s.format_date)(d))
            }),
        _ => Cow::Borrowed(entity.name.as_str()),
    }
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
    one_file: "Tải bản một tệp",
    one_file_note: "cả thư viện trong một tệp .html, mở từ máy mà không cần mạng",
    articles_count: |n| format!("{n} bài"),
    no_date: "Không rõ ngày",
    no_source: "Không rõ nguồn",
    source: "Nguồn",
    photo: "Ảnh",
    marks_unavailable: "Không hiển thị được các thực thể trong bài; dưới đây là văn bản thuần",
    title_derived: "Bài không có tiêu đề; tiêu đề lấy từ câu mở đầu.",
    title_from_caption: "Bài không có tiêu đề; tiêu đề lấy từ chú thích ảnh đầu bài.",
    back_to_library: "← Thư viện",
    previous: "Bài trước",
    next: "Bài sau",
    article_not_found: |id| format!("Không tìm thấy bài «{id}» trong bộ sưu tập này."),
    articles_not_found: |ids| format!("Không tìm thấy các bài: {ids}."),
    compare_needs_two: "Cần ít nhất hai bài để đặt cạnh nhau.",
    unknown_page: |path| format!("Không có trang «{path}». Liên kết có thể bị gõ sai."),
    link_problems: "Một phần của liên kết không đọc được và đã được bỏ qua:",
    corpus_unreadable: "Không đọc được bộ sưu tập đi kèm trang này",
    empty_corpus: "Bộ sưu tập này chưa có bài nào.",
    compare_title: |n| format!("Đặt cạnh nhau {n} bài"),
    date_basis: |b| match b {
        DateBasis::FrontMatter => "ghi ở phần đầu tệp".into(),
        DateBasis::Header => "ghi ở dòng đầu bài".into(),
        DateBasis::HeaderAndDateline => "tháng ở dòng đầu bài, ngày theo câu mở đầu".into(),
        DateBasis::DatelineAndFullDate => "theo câu mở đầu, năm ghi rõ cho ngày ấy".into(),
        DateBasis::Sidecar => "theo danh sách ngày của bộ sưu tập".into(),
        DateBasis::DatelineWithoutYear { day, month } => {
            format!("câu mở đầu ghi {day}/{month} nhưng không ghi năm")
        }
        DateBasis::Unknown => "bài không ghi ngày đăng".into(),
    },
    format_date: |d| match (d.month, d.day) {
        (Some(m), Some(day)) => format!("{day}/{m}/{}", d.year),
        (Some(m), None) => format!("tháng {m}/{}", d.year),
        _ => format!("năm {}", d.year),
    },
    type_name: |t| match t {
        EntityType::Person => "Người",
        EntityType::Organization => "Tổ chức",
        EntityType::Location => "Địa danh",
        EntityType::Date => "Thời gian",
        EntityType::Title => "Chức danh",
        EntityType::Event => "Sự kiện",
    },
    legend_label: "Tô sáng",
    tip_open: "Nhấn hoặc Enter để mở trang thực thể",
    tip_title_here: "Trong bài này",
    emphasised: |name, n| format!("Đang làm nổi «{name}»: {n} lần trong trang"),
    previous_mention: "Lần trước",
    next_mention: "Lần sau",
    clear_emphasis: "Bỏ làm nổi",
    keys_hint: "Phím j / k: lần nhắc sau / trước",
    paragraph_link: |n| format!("Liên kết đến đoạn {n}"),
    compare_with: "Đặt cạnh bài khác…",
    shared_entities: |n| format!("{n} thực thể chung"),
    compare_selected: |n| format!("Đã chọn {n} bài"),
    compare_open: "Đặt cạnh nhau",
    clear_picks: "Bỏ chọn",
    compare_pick_hint: "Chọn từ 2 đến 4 bài để đặt cạnh nhau.",
    select_for_compare: |t| format!("Chọn để đặt cạnh nhau: {t}"),
    entities_heading: "Thực thể trong các bài",
    in_all: "Có trong mọi bài",
    only_some: "Chỉ trong một số bài",
    per_article_counts:
        "chọn một tên để làm nổi nó trong mọi cột; số lần nhắc trong từng bài, theo thứ tự cột",
    title_changes: "Chức danh khác nhau giữa các bài",
    no_entities: "Không có thực thể nào.",
    aliases: "Cách viết khác",
    roles_heading: "Chức danh theo thời gian",
    undated_roles: "Trong bài không rõ ngày (không đặt lên dòng thời gian)",
    holders_heading: "Những người giữ chức danh này",
    mentions_heading: |shown, total| {
        if shown < total {
            format!("{total} lần nhắc (hiện {shown})")
        } else {
            format!("{total} lần nhắc")
        }
    },
    more_mentions: |n| format!("Xem thêm (còn {n} lần nhắc)"),
    more_articles: |n| format!("Xem thêm (còn {n} bài)"),
    mentioned_with: "Thường được nhắc cùng",
    in_articles: |n| format!("{n} bài"),
    filter_by_entity: |n| format!("Xem {n} bài nhắc đến trong thư viện"),
    entity_not_found: |id| format!("Không có thực thể «{id}» trong bộ sưu tập này."),
    search_label: "Lọc bài",
    search_placeholder: "Tên người, nơi chốn, từ ngữ…",
    from_label: "Từ",
    to_label: "Đến",
    date_hint: "Năm, năm-tháng hoặc năm-tháng-ngày",
    clear_filters: "Bỏ lọc",
    showing: |n, total| format!("{n} / {total} bài"),
    required_entities: "Nhắc đến",
    remove_entity: |name| format!("Bỏ điều kiện «{name}»"),
    no_matches: "Không có bài nào khớp với bộ lọc.",
    timeline_label: |name| format!("Dòng thời gian chức danh của {name}"),
    undated_listed_last: |n| format!("{n} bài không rõ ngày, xếp cuối"),
    undated_heading: |n| format!("Không rõ ngày ({n} bài)"),
    loading: "đang tải…",
    keep_offline: |size| format!("Giữ cả bộ sưu tập để đọc khi không có mạng ({size})"),
    keeping: |done, total| format!("Đang lưu {done} / {total} tệp…"),
    kept_offline: "Cả bộ sưu tập đã được lưu: đọc được khi không có mạng.",
    keep_failed: |why| format!("Chưa lưu được cả bộ sưu tập: {why}."),
    newest_of: |n, total| format!("Các lần nhắc trong {n} bài mới nhất trên {total} bài."),
    undated_left_out: |n| {
        format!("{n} bài không rõ ngày khớp các điều kiện khác nhưng không được tính, vì không thể đặt vào khoảng thời gian đã chọn.")
    },
    histogram_label: "Số bài theo thời gian",
    undated_bar: "Không rõ ngày",
    year_only_bar: "Chỉ rõ năm",
    bar_label: |period, n| format!("{period}: {n} bài"),
    seen_once: |n| format!("Gặp một lần ({n} chức danh)"),
    support: |n| format!("{n} bài"),
    apart: |n| format!("Còn {n} bài có các từ này nhưng không liền nhau."),
    suggestions_label: "Thực thể",
    spelled: |s| format!("viết «{s}»"),
    facets_label: "Trong kết quả",
    facet_heading: |t| match t {
        EntityType::Person => "Người",
        EntityType::Organization => "Tổ chức",
        EntityType::Location => "Nơi chốn",
        EntityType::Title => "Chức danh",
        EntityType::Date => "Thời gian",
        EntityType::Event => "Sự kiện",
    },
    sources_heading: "Nguồn",
    years_heading: "Năm",
    sort_label: "Xếp",
    sort_name: |s| match s {
        Sort::Newest => "mới nhất",
        Sort::Oldest => "cũ nhất",
        Sort::Relevance => "khớp nhất",
    },
    copy_link: "Chép liên kết",
    copied: "Đã chép liên kết",
    copy_failed: "Không chép được: hãy chép từ thanh địa chỉ",
    histogram_drag: "Kéo trên biểu đồ để chọn khoảng thời gian",
    shortcuts: "Phím tắt",
    key_tab: "đến các thực thể của một bài (mỗi bài một điểm dừng)",
    key_arrows: "thực thể sau / trước trong cùng bài",
    key_enter: "mở trang của thực thể",
    key_next: "lần nhắc sau (của thực thể được nhấn mạnh, hoặc của mọi thực thể)",
    key_previous: "lần nhắc trước",
    key_escape: "bỏ nhấn mạnh; đóng hộp này",
    key_search: "đến ô tìm kiếm của thư viện",
    key_help: "danh sách phím tắt này",
    single_keys_setting: "Dùng phím một chữ (j, k, n, ?, /)",
    close: "Đóng",
    link_problem: |p| {
        let why = match p.key.as_str() {
            "from" | "to" => "không phải ngày (YYYY, YYYY-MM hoặc YYYY-MM-DD)",
            "p" => "không phải số đoạn (1, 2, 3…)",
            "t" => "không phải loại thực thể (person, organization, location, date, title, event)",
            "lang" => "không phải ngôn ngữ của trang (vi, en)",
            _ => p.reason,
        };
        format!("{}={}: {why}", p.key, p.value)
    },
    oddity: |o| match o {
        Oddity::RangeReversed { from, to } => format!(
            "Khoảng ngày ngược: from={from} sau to={to}, nên không bài nào nằm trong khoảng ấy."
        ),
        Oddity::ParagraphBeyond { p, last } => {
            format!("Bài không có đoạn {p}: bài chỉ có {last} đoạn.")
        }
        Oddity::UnknownEmphasis(id) => {
            format!("hl={id}: không có thực thể này trong bộ sưu tập, nên không gì được nhấn mạnh.")
        }
        Oddity::RepeatedArticle(id) => {
            format!("Bài «{id}» có mặt nhiều lần trong liên kết; chỉ hiển thị một lần.")
        }
        Oddity::TooManyArticles { given, shown } => format!(
            "Liên kết nêu {given} bài; chỉ đặt cạnh nhau được {shown} bài, đây là {shown} bài đầu."
        ),
    },
    did_you_mean: "Có phải bạn muốn tìm",
    print_key: "Gạch chân:",
    show_overview: "Hiện",
    hide_overview: "Ẩn",
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
    one_file: "Download the one-file reader",
    one_file_note:
        "the whole library in one .html file, to open from your computer with no network",
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
    marks_unavailable: "The entities in this article cannot be shown; here is its plain text",
    title_derived: "The article has no title; this one is its opening sentence.",
    title_from_caption: "The article has no title; this one is its lead photo's caption.",
    back_to_library: "← Library",
    previous: "Previous",
    next: "Next",
    article_not_found: |id| format!("There is no article “{id}” in this collection."),
    articles_not_found: |ids| format!("These articles were not found: {ids}."),
    compare_needs_two: "Setting articles side by side needs at least two.",
    unknown_page: |path| format!("There is no page “{path}”. The link may be mistyped."),
    link_problems: "Part of this link could not be read and was left out:",
    corpus_unreadable: "The collection embedded in this page cannot be read",
    empty_corpus: "This collection has no articles yet.",
    compare_title: |n| format!("{n} articles side by side"),
    date_basis: |b| match b {
        DateBasis::FrontMatter => "given in the file's front matter".into(),
        DateBasis::Header => "given on the article's first line".into(),
        DateBasis::HeaderAndDateline => {
            "month from the first line, day from the opening sentence".into()
        }
        DateBasis::DatelineAndFullDate => {
            "from the opening sentence, its year written for that day".into()
        }
        DateBasis::Sidecar => "from the collection's list of dates".into(),
        DateBasis::DatelineWithoutYear { day, month } => {
            format!(
                "the opening sentence says {} {} but not the year",
                day,
                MONTHS[usize::from(month.clamp(1, 12)) - 1]
            )
        }
        DateBasis::Unknown => "the article does not say when it was published".into(),
    },
    format_date: |d| match (d.month, d.day) {
        (Some(m), Some(day)) => format!("{day} {} {}", MONTHS[usize::from(m) - 1], d.year),
        (Some(m), None) => format!("{} {}", MONTHS[usize::from(m) - 1], d.year),
        _ => d.year.to_string(),
    },
    type_name: |t| match t {
        EntityType::Person => "Person",
        EntityType::Organization => "Organisation",
        EntityType::Location => "Place",
        EntityType::Date => "Date",
        EntityType::Title => "Title",
        EntityType::Event => "Event",
    },
    legend_label: "Highlight",
    tip_open: "Click or press Enter to open the entity page",
    tip_title_here: "In this article",
    emphasised: |name, n| format!("Emphasising “{name}”: {n} on this page"),
    previous_mention: "Previous",
    next_mention: "Next",
    clear_emphasis: "Clear",
    keys_hint: "Keys j / k: next / previous mention",
    paragraph_link: |n| format!("Link to paragraph {n}"),
    compare_with: "Set beside another article…",
    shared_entities: |n| {
        if n == 1 {
            "1 entity in common".into()
        } else {
            format!("{n} entities in common")
        }
    },
    compare_selected: |n| {
        if n == 1 {
            "1 article picked".into()
        } else {
            format!("{n} articles picked")
        }
    },
    compare_open: "Set side by side",
    clear_picks: "Clear",
    compare_pick_hint: "Pick 2 to 4 articles to set side by side.",
    select_for_compare: |t| format!("Select for comparison: {t}"),
    entities_heading: "Entities across the articles",
    in_all: "In every article",
    only_some: "Only in some",
    per_article_counts:
        "choose a name to emphasise it in every column; mentions in each article, in column order",
    title_changes: "Titles that differ between the articles",
    no_entities: "No entities.",
    aliases: "Other spellings",
    roles_heading: "Titles over time",
    undated_roles: "In undated articles (left off the timeline)",
    holders_heading: "Held by",
    mentions_heading: |shown, total| {
        let noun = if total == 1 { "mention" } else { "mentions" };
        if shown < total {
            format!("{total} {noun} ({shown} shown)")
        } else {
            format!("{total} {noun}")
        }
    },
    more_mentions: |n| format!("Show more ({n} not shown)"),
    more_articles: |n| format!("Show more ({n} not shown)"),
    mentioned_with: "Mentioned most with",
    in_articles: |n| {
        if n == 1 {
            "1 article".into()
        } else {
            format!("{n} articles")
        }
    },
    filter_by_entity: |n| {
        if n == 1 {
            "See the 1 article in the library".into()
        } else {
            format!("See the {n} articles in the library")
        }
    },
    entity_not_found: |id| format!("There is no entity “{id}” in this collection."),
    search_label: "Filter articles",
    search_placeholder: "People, places, words…",
    from_label: "From",
    to_label: "To",
    date_hint: "Year, year-month or year-month-day",
    clear_filters: "Clear filters",
    showing: |n, total| format!("{n} of {total} articles"),
    required_entities: "Mentions",
    remove_entity: |name| format!("Remove “{name}”"),
    no_matches: "No article matches these filters.",
    timeline_label: |name| format!("Timeline of the titles of {name}"),
    undated_listed_last: |n| format!("{n} undated, listed last"),
    undated_heading: |n| format!("Date unknown ({n})"),
    loading: "loading…",
    keep_offline: |size| format!("Keep the whole collection for reading offline ({size})"),
    keeping: |done, total| format!("Keeping {done} of {total} files…"),
    kept_offline: "The whole collection is kept: it reads with the network off.",
    keep_failed: |why| format!("The collection could not all be kept: {why}."),
    newest_of: |n, total| format!("Mentions in the {n} newest of {total} articles."),
    undated_left_out: |n| {
        let articles = if n == 1 { "article" } else { "articles" };
        format!("{n} undated {articles} match the other filters but are left out, as they cannot be placed in the chosen dates.")
    },
    histogram_label: "Articles over time",
    undated_bar: "Undated",
    year_only_bar: "Year only",
    bar_label: |period, n| format!("{period}: {n}"),
    seen_once: |n| format!("Seen once ({n} titles)"),
    support: |n| {
        if n == 1 {
            "1 article".into()
        } else {
            format!("{n} articles")
        }
    },
    apart: |n| {
        if n == 1 {
            "1 more article has these words apart.".into()
        } else {
            format!("{n} more articles have these words apart.")
        }
    },
    suggestions_label: "Entities",
    spelled: |s| format!("as «{s}»"),
    facets_label: "In these results",
    facet_heading: |t| match t {
        EntityType::Person => "People",
        EntityType::Organization => "Organisations",
        EntityType::Location => "Places",
        EntityType::Title => "Titles",
        EntityType::Date => "Dates",
        EntityType::Event => "Events",
    },
    sources_heading: "Sources",
    years_heading: "Years",
    sort_label: "Order",
    sort_name: |s| match s {
        Sort::Newest => "newest",
        Sort::Oldest => "oldest",
        Sort::Relevance => "best match",
    },
    copy_link: "Copy link",
    copied: "Link copied",
    copy_failed: "Could not copy: copy it from the address bar",
    histogram_drag: "Drag over the chart to choose a span of time",
    shortcuts: "Shortcuts",
    key_tab: "to the entities of an article (one stop per article)",
    key_arrows: "next / previous entity in the same article",
    key_enter: "open the entity's page",
    key_next: "next mention (of the emphasised entity, or of any)",
    key_previous: "previous mention",
    key_escape: "clear the emphasis; close this box",
    key_search: "to the library's search box",
    key_help: "this list of shortcuts",
    single_keys_setting: "Use single-letter keys (j, k, n, ?, /)",
    close: "Close",
    link_problem: |p| {
        let why = match p.key.as_str() {
            "from" | "to" => "not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
            "p" => "not a paragraph number (1, 2, 3…)",
            "t" => "not an entity type (person, organization, location, date, title, event)",
            "lang" => "not a language this reader speaks (vi, en)",
            _ => p.reason,
        };
        format!("{}={}: {why}", p.key, p.value)
    },
    oddity: |o| {
        match o {
        Oddity::RangeReversed { from, to } => format!(
            "The date range is reversed: from={from} is after to={to}, so no article falls within it."
        ),
        Oddity::ParagraphBeyond { p, last } => {
            format!("The article has no paragraph {p}: it has {last}.")
        }
        Oddity::UnknownEmphasis(id) => {
            format!("hl={id}: the collection has no such entity, so nothing is emphasised.")
        }
        Oddity::RepeatedArticle(id) => {
            format!("The article «{id}» is in the link more than once; it is shown once.")
        }
        Oddity::TooManyArticles { given, shown } => format!(
            "The link names {given} articles; at most {shown} are set side by side, these are the first {shown}."
        ),
    }
    },
    did_you_mean: "Did you mean",
    print_key: "Underlines:",
    show_overview: "Show",
    hide_overview: "Hide",
};
