//! HTML markup and entities. The Contact Buyer form is plain text: Amazon refuses messages with tags,
//! and tags are how tracking pixels and logo links get in.
//!
//! A tag is `<`, an optional `/`, a name of ASCII letters and digits, then either `>` / `/>` or white
//! space and attributes up to the first `>` on the line; an entity is one of a few named ones or a
//! numeric reference. Anything tag-shaped is consumed even when its name is not HTML ("<buyer name>"),
//! so what it encloses is never reported on its own.

use super::classes::is_digit;
use crate::text::bytes::find_any;
use crate::text::Span;

const TAGS: &[&str] = &[
    "a", "abbr", "b", "big", "blockquote", "body", "br", "button", "center", "code", "div", "em", "font", "form",
    "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "html", "i", "iframe", "img", "input", "li", "link", "meta",
    "ol", "p", "pre", "s", "script", "small", "span", "strike", "strong", "style", "sub", "sup", "table", "tbody",
    "td", "th", "thead", "title", "tr", "u", "ul", "video", "audio", "source", "svg", "object", "embed",
];

const ENTITIES: &[&str] = &["nbsp;", "amp;", "lt;", "gt;", "quot;", "apos;", "copy;", "reg;"];

pub fn find(original: &str) -> Vec<Span> {
    let anchors = super::occurrences(original, [b'<', b'&']);
    let mut out = Vec::new();
    for (from, to) in super::windows(original, anchors, 0, 400) {
        let window = &original[from..to];
        let mut i = 0;
        // Byte by byte, eight at a time: both are ASCII (a search for characters decodes every one).
        while let Some(at) = find_any(window.as_bytes(), i, [b'<', b'&']) {
            let found = if window.as_bytes()[at] == b'<' { tag(window, at) } else { entity(window, at).map(|end| (end, true)) };
            match found {
                Some((end, html)) => {
                    if html {
                        out.push(Span::new(from + at, from + end));
                    }
                    i = end;
                }
                None => i = at + 1,
            }
        }
    }
    out
}

/// The end of the tag at `at` and whether its name is an HTML element's.
fn tag(s: &str, at: usize) -> Option<(usize, bool)> {
    let b = s.as_bytes();
    let mut j = at + 1;
    if b.get(j) == Some(&b'/') {
        j += 1;
    }
    let name_start = j;
    if !b.get(j).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    while b.get(j).is_some_and(u8::is_ascii_alphanumeric) {
        j += 1;
    }
    let name = &s[name_start..j];
    let end = match s[j..].chars().next()? {
        '>' => j + 1,
        '/' if b.get(j + 1) == Some(&b'>') => j + 2,
        c if c.is_whitespace() => {
            let attrs = j + c.len_utf8();
            let stop = attrs + s[attrs..].find(['<', '>', '\n'])?;
            (b[stop] == b'>').then_some(stop + 1)?
        }
        _ => return None,
    };
    Some((end, TAGS.iter().any(|t| t.eq_ignore_ascii_case(name))))
}

/// The end of the entity at `at`: `&nbsp;` and friends, `&#` and one to six decimal digits, `&#x` and
/// one to six lowercase hexadecimal digits.
fn entity(s: &str, at: usize) -> Option<usize> {
    let rest = &s[at + 1..];
    if let Some(e) = ENTITIES.iter().find(|e| rest.starts_with(**e)) {
        return Some(at + 1 + e.len());
    }
    let number = rest.strip_prefix('#')?;
    let (digits, len) = match number.strip_prefix('x') {
        Some(hex) => {
            let n = hex.bytes().take_while(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(b)).count();
            (n, 2 + n)
        }
        None => {
            let bytes: usize = number.chars().take_while(|&c| is_digit(c)).map(char::len_utf8).sum();
            (number[..bytes].chars().count(), 1 + bytes)
        }
    };
    ((1..=6).contains(&digits) && rest[len..].starts_with(';')).then_some(at + 1 + len + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(s: &str) -> Vec<&str> {
        find(s).into_iter().map(|sp| &s[sp.start..sp.end]).collect()
    }

    #[test]
    fn finds_tags_and_entities_not_placeholders() {
        let s = "<a href=\"x\">link</a> <b>hi</b>&nbsp;<buyer name> <3 <img src=x>";
        assert_eq!(found(s), ["<a href=\"x\">", "</a>", "<b>", "</b>", "&nbsp;", "<img src=x>"]);
    }

    #[test]
    fn follows_the_shape_of_tags_and_entities() {
        assert_eq!(found("<br/> <BR /> <p\nclass=x> <Img>"), ["<br/>", "<BR />", "<p\nclass=x>", "<Img>"]);
        assert_eq!(found("<a href=x\n> <b <i>"), ["<i>"]);
        assert_eq!(found("&#39; &#x27; &#1234567; &#x1234567; &#; &#X27; &AMP; &#١٢; &copy"), ["&#39;", "&#x27;", "&#١٢;"]);
        // A tag-shaped non-tag swallows what it encloses.
        assert!(found("<x a=&nbsp;> < b> <3 a < b > c").is_empty());
    }
}
