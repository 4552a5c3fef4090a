//! The two pieces of HTML the reader sets as a string: an article's marked
//! text as [`crate::highlight::to_html`] writes it, and a comparison's
//! chips as [`crate::compare::chips_html`] writes them. [`check`] reads a
//! string strictly against their shape, as the page's Trusted Types policy
//! does before the string may reach the page: only their elements and
//! attributes, every run of text and every attribute value escaped, every
//! link within the page, every element closed. Anything else is refused,
//! whatever a browser would have made of it.

use std::fmt;

/// The elements of the marked text and of the chips, each with the
/// attributes it may carry.
pub const ELEMENTS: &[(&str, &[&str])] = &[
    ("div", &["class"]),
    (
        "a",
        &[
            "class",
            "tabindex",
            "href",
            "aria-label",
            "data-type",
            "data-chip",
            "aria-current",
        ],
    ),
    ("p", &["id", "data-p", "class"]),
    ("figure", &["class"]),
    ("figcaption", &[]),
    ("span", &["class"]),
    ("mark", &["data-entity", "data-type", "class", "tabindex"]),
    ("li", &[]),
    ("button", &["type", "class", "data-more", "aria-expanded"]),
];

/// The character references [`crate::highlight::escape_into`] writes, and
/// what each stands for.
pub const REFERENCES: &[(&str, char)] = &[
    ("&amp;", '&'),
    ("&lt;", '<'),
    ("&gt;", '>'),
    ("&quot;", '"'),
    ("&#39;", '\''),
    ("&#13;", '\r'),
];

/// Why a string is not markup the reader writes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejected {
    /// Byte offset in the string where reading stopped.
    pub at: usize,
    pub reason: &'static str,
}

impl fmt::Display for Rejected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "not markup the reader writes (at byte {}): {}",
            self.at, self.reason
        )
    }
}

impl std::error::Error for Rejected {}

/// Accepts `html` only if it has the shape of the reader's marked text or
/// chips.
pub fn check(html: &str) -> Result<(), Rejected> {
    walk(html, &mut |_| {})
}

/// The text `html` shows, its references read, once [`check`] accepts it.
pub fn text_of(html: &str) -> Result<String, Rejected> {
    let mut text = String::with_capacity(html.len());
    walk(html, &mut |run| text.push_str(run))?;
    Ok(text)
}

/// Reads `html` from start to end, handing its text (not its attributes)
/// to `text`, a run at a time.
fn walk(html: &str, text: &mut impl FnMut(&str)) -> Result<(), Rejected> {
    let bytes = html.as_bytes();
    let mut open: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'<' if bytes.get(i + 1) == Some(&b'/') => {
                let name_start = i + 2;
                let name_end = name_end(bytes, name_start);
                if bytes.get(name_end) != Some(&b'>') {
                    return Err(reject(name_end, "a closing tag not of the form </name>"));
                }
                if open.pop() != Some(&html[name_start..name_end]) {
                    return Err(reject(
                        i,
                        "a closing tag that does not close the open element",
                    ));
                }
                i = name_end + 1;
            }
            b'<' => {
                let (name, end) = start_tag(html, i)?;
                open.push(name);
                i = end;
            }
            b'>' | b'"' | b'\'' => return Err(reject(i, "a character that must be escaped")),
            b'&' => {
                let (c, len) = reference(html, i)?;
                text(c.encode_utf8(&mut [0; 4]));
                i += len;
            }
            b'\0' | b'\r' => {
                return Err(reject(i, "a NUL or a carriage return, which no page keeps"));
            }
            _ => {
                // Text up to the next byte that means something here, all
                // of them ASCII, so the run ends between characters.
                let end = bytes[i..]
                    .iter()
                    .position(|b| matches!(b, b'<' | b'>' | b'"' | b'\'' | b'&' | b'\0' | b'\r'))
                    .map_or(bytes.len(), |n| i + n);
                text(&html[i..end]);
                i = end;
            }
        }
    }
    if !open.is_empty() {
        return Err(reject(bytes.len(), "an element left open"));
    }
    Ok(())
}

fn reject(at: usize, reason: &'static str) -> Rejected {
    Rejected { at, reason }
}

/// The end of a tag or attribute name (ASCII lower-case letters and
/// hyphens) starting at `from`.
fn name_end(bytes: &[u8], from: usize) -> usize {
    let mut end = from;
    while end < bytes.len() && (bytes[end].is_ascii_lowercase() || bytes[end] == b'-') {
        end += 1;
    }
    end
}

/// A start tag at `at`: `<name attr="value" …>` with the element and its
/// attributes among [`ELEMENTS`], each attribute once. Returns the name and
/// the offset after the tag.
fn start_tag(html: &str, at: usize) -> Result<(&str, usize), Rejected> {
    let bytes = html.as_bytes();
    let mut i = name_end(bytes, at + 1);
    let name = &html[at + 1..i];
    let Some(&(_, allowed)) = ELEMENTS.iter().find(|(n, _)| *n == name) else {
        return Err(reject(at, "an element the reader does not use"));
    };
    let mut seen: Vec<&str> = Vec::new();
    loop {
        match bytes.get(i) {
            Some(b'>') => return Ok((name, i + 1)),
            Some(b' ') => i += 1,
            _ => {
                return Err(reject(
                    i,
                    "a tag not of the form <name attribute=\"value\">",
                ))
            }
        }
        let attr_end = name_end(bytes, i);
        let attr = &html[i..attr_end];
        if !allowed.contains(&attr) {
            return Err(reject(i, "an attribute the reader does not use"));
        }
        if seen.contains(&attr) {
            return Err(reject(i, "an attribute given twice"));
        }
        seen.push(attr);
        if !html[attr_end..].starts_with("=\"") {
            return Err(reject(attr_end, "an attribute value not in double quotes"));
        }
        let value_start = attr_end + 2;
        let Some(len) = html[value_start..].find('"') else {
            return Err(reject(value_start, "an attribute value never closed"));
        };
        let value = &html[value_start..value_start + len];
        check_value(value, value_start)?;
        if attr == "href" && !value.starts_with('#') {
            return Err(reject(value_start, "a link that leaves the page"));
        }
        i = value_start + len + 1;
    }
}

/// An attribute value: escaped text.
fn check_value(value: &str, at: usize) -> Result<(), Rejected> {
    let mut i = 0;
    while let Some(offset) = value[i..].find(['<', '>', '\'', '&', '\0', '\r']) {
        let j = i + offset;
        if value.as_bytes()[j] != b'&' {
            return Err(reject(
                at + j,
                "an attribute value with a character that must be escaped",
            ));
        }
        let (_, len) = reference(value, j).map_err(|r| reject(at + r.at, r.reason))?;
        i = j + len;
    }
    Ok(())
}

/// The character reference at `at`, one of [`REFERENCES`], and its length.
fn reference(text: &str, at: usize) -> Result<(char, usize), Rejected> {
    REFERENCES
        .iter()
        .find(|(name, _)| text[at..].starts_with(name))
        .map(|&(name, c)| (c, name.len()))
        .ok_or_else(|| {
            reject(
                at,
                "an ampersand that begins no reference the reader writes",
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const MARKED: &str = "<div class=\"para target\"><a class=\"pilcrow\" tabindex=\"-1\" href=\"#/read/a?p=1\" aria-label=\"Đoạn 1\">1</a><p id=\"a-p1\" data-p=\"1\" class=\"target\">Ông <mark data-entity=\"title:bo-truong\" data-type=\"title\" tabindex=\"0\">Bộ trưởng <mark data-entity=\"organization:bo-cong-an\" data-type=\"organization\" class=\"hl\" tabindex=\"-1\">Bộ Công an</mark></mark> &amp; &lt;b&gt; &quot;x&quot; &#39;y&#39;&#13;</p></div><figure class=\"caption\"><figcaption><span class=\"caption-text\">Ảnh</span><span class=\"credit\">Ảnh: TTXVN</span></figcaption></figure>";

    #[test]
    fn the_marked_text_is_accepted_and_read_back() {
        assert_eq!(check(MARKED), Ok(()));
        assert_eq!(
            text_of(MARKED).unwrap(),
            "1Ông Bộ trưởng Bộ Công an & <b> \"x\" 'y'\rẢnhẢnh: TTXVN"
        );
        assert_eq!(check(""), Ok(()));
        assert_eq!(check("plain text, nothing else"), Ok(()));
    }

    #[test]
    fn anything_else_is_refused_with_its_reason() {
        let refused = |html: &str, reason: &str| {
            let r = check(html).expect_err(html);
            assert!(r.reason.contains(reason), "{html}: {r}");
        };
        refused(
            "<script>alert(1)</script>",
            "element the reader does not use",
        );
        refused(
            "<img src=x onerror=alert(1)>",
            "element the reader does not use",
        );
        refused("<svg onload=alert(1)>", "element the reader does not use");
        refused("<SCRIPT>", "element the reader does not use");
        refused(
            "<p onclick=\"alert(1)\">x</p>",
            "attribute the reader does not use",
        );
        refused(
            "<p style=\"color:red\">x</p>",
            "attribute the reader does not use",
        );
        refused("<a href=\"javascript:alert(1)\">x</a>", "leaves the page");
        refused("<a href=\"https://example.com/\">x</a>", "leaves the page");
        refused("<a href=#x>x</a>", "double quotes");
        refused("<a href='#x'>x</a>", "double quotes");
        refused("<p id=\"a\" id=\"b\">x</p>", "twice");
        refused("<p  id=\"a\">x</p>", "attribute the reader does not use");
        refused("<p id=\"a\"/>", "tag not of the form");
        refused("<p id=\"a>x</p>", "never closed");
        refused("<p id=\"a>\">x</p>", "must be escaped");
        refused("<p id=\"a\"x</p>", "tag not of the form");
        refused(
            "<p title=\"&#x3c;\">x</p>",
            "attribute the reader does not use",
        );
        refused("<p id=\"&#x3c;\">x</p>", "ampersand");
        refused("<p>x", "left open");
        refused("<p>x</span>", "does not close");
        refused("</p>", "does not close");
        refused("<p>x</p >", "closing tag not of the form");
        refused("a < b", "element the reader does not use");
        refused("a > b", "must be escaped");
        refused("say \"hi\"", "must be escaped");
        refused("it's", "must be escaped");
        refused("&lt", "ampersand");
        refused("&nbsp;", "ampersand");
        refused("&#60;", "ampersand");
        refused("a\0b", "NUL");
        refused("a\rb", "carriage return");
        refused("<!-- x -->", "element the reader does not use");
        refused("<![CDATA[x]]>", "element the reader does not use");
        let r = check("ab<i>").unwrap_err();
        assert_eq!(r.at, 2);
        assert_eq!(
            r.to_string(),
            "not markup the reader writes (at byte 2): an element the reader does not use"
        );
    }
}
