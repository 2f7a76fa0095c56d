//! Template placeholders: `${order.recipient_name}`, `{{order_id}}`, `{buyer}`, `[buyer name]`,
//! `[[product-name]]`, `%FIRSTNAME%`, `*|FNAME|*`. Real templates are full of them and a placeholder is
//! never a link, an address or a phone number, so matching sees each one as a single opaque token.

use super::bytes::ByteSet;
use super::Span;

/// Longest placeholder body we accept; longer bracketed text is prose, not a placeholder.
const MAX_BRACKET: usize = 80;
const MAX_TEMPLATE: usize = 200;

/// Bracketed words that are evasions of "@" and ".", not placeholders.
const EVASION_WORDS: &[&str] = &["at", "dot", "@", ".", "punkt", "period", "point", "arroba", "chiocciola"];

/// Finds placeholders in `text`, in order and non-overlapping. Linear: each opening bracket looks ahead a
/// bounded distance.
pub fn find(text: &str) -> Vec<Span> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(at) = b[i..].iter().position(|&c| OPENING.contains(c)) {
        i += at;
        match end(text, i) {
            Some(end) => {
                out.push(Span::new(i, end));
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// The bytes a placeholder starts with.
pub const OPENING: ByteSet = ByteSet::new(b"${[%*");

/// The end of the placeholder starting at byte `i`, if one does.
pub fn end(text: &str, i: usize) -> Option<usize> {
    let b = text.as_bytes();
    match b[i] {
        b'$' if b.get(i + 1) == Some(&b'{') => close(b, i + 2, b"}", MAX_TEMPLATE, b"{"),
        b'{' if b.get(i + 1) == Some(&b'{') => close(b, i + 2, b"}}", MAX_TEMPLATE, b""),
        b'[' if b.get(i + 1) == Some(&b'[') => close(b, i + 2, b"]]", MAX_TEMPLATE, b""),
        // "{at}" and "[dot]" are the written-out evasions, not variables.
        b'{' if b.get(i + 1).is_some_and(|&c| c.is_ascii_alphabetic() || c == b'_' || c == b'$') => {
            close(b, i + 1, b"}", MAX_BRACKET, b"{").filter(|&end| !is_evasion(&text[i + 1..end - 1]))
        }
        b'[' => close(b, i + 1, b"]", MAX_BRACKET, b"[").filter(|&end| {
            let body = text[i + 1..end - 1].trim();
            !body.is_empty() && !is_evasion(body)
        }),
        b'%' => close_word(b, i + 1, b"%"),
        b'*' if b.get(i + 1) == Some(&b'|') => close(b, i + 2, b"|*", MAX_BRACKET, b""),
        _ => None,
    }
}

fn is_evasion(body: &str) -> bool {
    EVASION_WORDS.contains(&body.trim().to_ascii_lowercase().as_str())
}

/// The end (exclusive) of a placeholder whose body starts at `from` and ends with `closing`, within
/// `max` bytes, on one line, without `forbidden` bytes inside.
fn close(b: &[u8], from: usize, closing: &[u8], max: usize, forbidden: &[u8]) -> Option<usize> {
    let limit = (from + max + closing.len()).min(b.len());
    let mut j = from;
    while j < limit {
        if b[j..].starts_with(closing) {
            return (j > from).then_some(j + closing.len());
        }
        if b[j] == b'\n' || forbidden.contains(&b[j]) {
            return None;
        }
        j += 1;
    }
    None
}

/// `%NAME%`: letters, digits and underscores only, so "50% off and 20%" is not a placeholder.
fn close_word(b: &[u8], from: usize, closing: &[u8]) -> Option<usize> {
    let limit = (from + 40).min(b.len());
    let mut j = from;
    while j < limit && (b[j].is_ascii_alphanumeric() || b[j] == b'_') {
        j += 1;
    }
    let has_letter = b[from..j].iter().any(|c| c.is_ascii_alphabetic());
    (j > from && has_letter && b[j..].starts_with(closing)).then_some(j + closing.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        find(text).into_iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn finds_common_template_syntaxes() {
        assert_eq!(
            found("Dear ${order.recipient_name}, order {{order_id}} [buyer name] [[product-name]] {buyer}"),
            ["${order.recipient_name}", "{{order_id}}", "[buyer name]", "[[product-name]]", "{buyer}"]
        );
        assert_eq!(found("Hello [[${buyerName}]]!"), ["[[${buyerName}]]"]);
        assert_eq!(found("Hi %FIRSTNAME% and *|FNAME|*"), ["%FIRSTNAME%", "*|FNAME|*"]);
        assert_eq!(found("{{ $orderNumber }}"), ["{{ $orderNumber }}"]);
    }

    #[test]
    fn leaves_evasions_and_prose_alone() {
        assert!(found("name [at] mail [dot] com").is_empty());
        assert!(found("name{at}mail{dot}com and name {AT} mail { dot } com").is_empty());
        assert_eq!(found("{atlas} {dotted}"), ["{atlas}", "{dotted}"]);
        assert!(found("50% off and 20% more").is_empty());
        assert!(found("[]").is_empty());
        assert!(found("[unclosed\nline]").is_empty());
    }
}
