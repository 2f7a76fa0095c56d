//! HTML markup and entities. The Contact Buyer form is plain text: Amazon refuses messages with tags,
//! and tags are how tracking pixels and logo links get in.

use crate::text::Span;
use regex::Regex;
use std::sync::OnceLock;

const TAGS: &[&str] = &[
    "a", "abbr", "b", "big", "blockquote", "body", "br", "button", "center", "code", "div", "em", "font", "form",
    "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "html", "i", "iframe", "img", "input", "li", "link", "meta",
    "ol", "p", "pre", "s", "script", "small", "span", "strike", "strong", "style", "sub", "sup", "table", "tbody",
    "td", "th", "thead", "title", "tr", "u", "ul", "video", "audio", "source", "svg", "object", "embed",
];

fn regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"</?(?P<tag>[a-zA-Z][a-zA-Z0-9]*)(?:\s[^<>\n]*)?/?>|&(?:nbsp|amp|lt|gt|quot|apos|copy|reg|#\d{1,6}|#x[0-9a-f]{1,6});")
            .expect("markup pattern compiles")
    })
}

pub fn find(original: &str) -> Vec<Span> {
    let b = original.as_bytes();
    let anchors = (0..b.len()).filter(|&i| b[i] == b'<' || b[i] == b'&');
    let mut out = Vec::new();
    for (from, to) in super::windows(original, anchors, 0, 400) {
        for c in regex().captures_iter(&original[from..to]) {
            if c.name("tag").is_none_or(|t| TAGS.contains(&t.as_str().to_ascii_lowercase().as_str())) {
                let m = c.get(0).expect("group 0 always matches");
                out.push(Span::new(from + m.start(), from + m.end()));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_tags_and_entities_not_placeholders() {
        let s = "<a href=\"x\">link</a> <b>hi</b>&nbsp;<buyer name> <3 <img src=x>";
        let got: Vec<&str> = find(s).into_iter().map(|sp| &s[sp.start..sp.end]).collect();
        assert_eq!(got, ["<a href=\"x\">", "</a>", "<b>", "</b>", "&nbsp;", "<img src=x>"]);
    }
}
