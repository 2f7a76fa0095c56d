//! Emoji and star graphics. Amazon refuses emoji in buyer messages; rows of stars are also a
//! thinly veiled "5-star" request. Works on the original text: a whole emoji sequence (skin tones,
//! zero-width joiners, flags, keycaps) is one span, and adjacent ones merge into one finding.

use super::Candidate;
use crate::text::Span;

pub fn find(original: &str) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    let chars: Vec<(usize, char)> = original.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        let next = chars.get(i + 1).map(|&(_, n)| n);
        let starts_keycap = matches!(c, '0'..='9' | '#' | '*')
            && (next == Some('\u{20E3}') || next == Some('\u{FE0F}') && chars.get(i + 2).map(|p| p.1) == Some('\u{20E3}'));
        let presented = next == Some('\u{FE0F}') && !c.is_ascii();
        if !(is_pictograph(c) || starts_keycap || presented) {
            i += 1;
            continue;
        }
        let mut stars = is_star(c);
        let mut j = i + 1;
        while j < chars.len() {
            let n = chars[j].1;
            if is_component(n) {
                j += 1;
            } else if chars[j - 1].1 == '\u{200D}' && is_pictograph(n) {
                stars &= is_star(n);
                j += 1;
            } else {
                break;
            }
        }
        let end = chars.get(j).map_or(original.len(), |&(b, _)| b);
        let tag = if stars { "stars" } else { "emoji" };
        match out.last_mut() {
            Some(last) if last.span.end == start && last.tag == tag => last.span.end = end,
            _ => out.push(Candidate { span: Span::new(start, end), tag }),
        }
        i = j;
    }
    out
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
        assert_eq!(found("😀😀😀!"), [("😀😀😀", "emoji")]);
        assert_eq!(found("rate ★★★★★"), [("★★★★★", "stars")]);
        assert_eq!(found("5 ⭐"), [("⭐", "stars")]);
        assert_eq!(found("❤️"), [("❤️", "emoji")]);
    }

    #[test]
    fn leaves_text_symbols_alone() {
        assert!(found("Price: 5 € © 2024 ™ 1. 2# a*b").is_empty());
        assert!(found("ありがとうございます。").is_empty());
    }
}
