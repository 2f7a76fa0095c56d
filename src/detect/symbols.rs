//! Emoji and star graphics. Amazon refuses emoji in buyer messages; rows of stars are also a
//! thinly veiled "5-star" request. Works on the original text: a whole emoji sequence (skin tones,
//! zero-width joiners, flags, keycaps) is one span, and adjacent ones merge into one finding.

use super::Candidate;
use crate::text::bytes::next_non_ascii;
use crate::text::Span;

const KEYCAP: char = '\u{20E3}';
const PRESENTATION: char = '\u{FE0F}';
const JOINER: char = '\u{200D}';

pub fn find(original: &str) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    let b = original.as_bytes();
    let mut i = 0;
    // Every emoji has a non-ASCII character; a keycap ("1️⃣") starts with the ASCII one before it.
    while let Some(k) = next_non_ascii(b, i) {
        if k > i && matches!(b[k - 1], b'0'..=b'9' | b'#' | b'*') {
            if let Some(end) = sequence_at(original, k - 1, &mut out) {
                i = end;
                continue;
            }
        }
        i = sequence_at(original, k, &mut out).unwrap_or_else(|| k + char_at(original, k).len_utf8());
    }
    out
}

/// The emoji sequence starting at `i`, added to `out` (merged with one it follows): where it ends.
fn sequence_at(original: &str, i: usize, out: &mut Vec<Candidate>) -> Option<usize> {
    let c = char_at(original, i);
    let next = original[i + c.len_utf8()..].chars().next();
    let starts_keycap = matches!(c, '0'..='9' | '#' | '*')
        && (next == Some(KEYCAP) || next == Some(PRESENTATION) && original[i + c.len_utf8() + 3..].starts_with(KEYCAP));
    let presented = next == Some(PRESENTATION) && !c.is_ascii();
    if !(is_pictograph(c) || starts_keycap || presented) {
        return None;
    }
    let mut stars = is_star(c);
    let (mut end, mut prev) = (i + c.len_utf8(), c);
    for n in original[end..].chars() {
        if is_component(n) {
        } else if prev == JOINER && is_pictograph(n) {
            stars &= is_star(n);
        } else {
            break;
        }
        end += n.len_utf8();
        prev = n;
    }
    let tag = if stars { "stars" } else { "emoji" };
    match out.last_mut() {
        Some(last) if last.span.end == i && last.tag == tag => last.span.end = end,
        _ => out.push(Candidate { span: Span::new(i, end), tag }),
    }
    Some(end)
}

fn char_at(s: &str, at: usize) -> char {
    s[at..].chars().next().expect("at is a char boundary inside s")
}

fn is_star(c: char) -> bool {
    matches!(c as u32, 0x2605 | 0x2606 | 0x2729..=0x2730 | 0x2B50 | 0x2B51 | 0x1F31F)
}

/// Characters that are emoji by default (Extended_Pictographic, the parts sellers meet).
fn is_pictograph(c: char) -> bool {
    matches!(c as u32,
        0x1F000..=0x1FAFF
        | 0x2600..=0x27BF
        | 0x2B05..=0x2B07 | 0x2B1B | 0x2B1C | 0x2B50 | 0x2B51 | 0x2B55
        | 0x231A | 0x231B | 0x2328 | 0x23CF | 0x23E9..=0x23F3 | 0x23F8..=0x23FA
        | 0x3030 | 0x303D | 0x3297 | 0x3299 | 0x203C | 0x2049)
}

/// Characters that continue an emoji sequence.
fn is_component(c: char) -> bool {
    matches!(c as u32, 0x200D | 0xFE0F | 0x20E3 | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F)
        || (0x1F1E6..=0x1F1FF).contains(&(c as u32))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(s: &str) -> Vec<(&str, &str)> {
        find(s).into_iter().map(|c| (&s[c.span.start..c.span.end], c.tag)).collect()
    }

    #[test]
    fn groups_sequences() {
        assert_eq!(found("Hi 😀 there"), [("😀", "emoji")]);
        assert_eq!(found("👍🏽 ok"), [("👍🏽", "emoji")]);
        assert_eq!(found("👨‍👩‍👧 fam"), [("👨‍👩‍👧", "emoji")]);
        assert_eq!(found("🇺🇸"), [("🇺🇸", "emoji")]);
        assert_eq!(found("1️⃣ first"), [("1️⃣", "emoji")]);
        assert_eq!(found("#⃣ and 2️ and 3\u{20E3}"), [("#⃣", "emoji"), ("3\u{20E3}", "emoji")]);
        assert_eq!(found("😀😀😀!"), [("😀😀😀", "emoji")]);
        assert_eq!(found("rate ★★★★★"), [("★★★★★", "stars")]);
        assert_eq!(found("5 ⭐"), [("⭐", "stars")]);
        assert_eq!(found("❤️"), [("❤️", "emoji")]);
        assert_eq!(found("★‍⭐ and ★‍😀"), [("★‍⭐", "stars"), ("★‍😀", "emoji")]);
    }

    #[test]
    fn leaves_text_symbols_alone() {
        assert!(found("Price: 5 € © 2024 ™ 1. 2# a*b").is_empty());
        assert!(found("ありがとうございます。").is_empty());
        assert!(found("é\u{FE0F}").len() == 1 && found("1\u{FE0F}x").is_empty());
    }
}
