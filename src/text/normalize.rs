//! The matching view of a draft: folded (see `fold`), whitespace collapsed to single spaces,
//! bracketed evasions ("[at]", "(dot)") turned into the characters they stand for, and every
//! placeholder replaced by one opaque character. Each byte of the view remembers which original bytes
//! produced it, so a match anywhere in the view reports the exact original text.

use super::fold::{fold, Folded};
use super::{placeholders, Span};

/// Stands for one whole placeholder in the view (a private-use character nobody types).
pub const PLACEHOLDER: char = '\u{E000}';

pub struct Normalized {
    pub text: String,
    /// For each byte of `text`: where the original character that produced it starts and ends.
    origin: Vec<(u32, u32)>,
    pub placeholders: Vec<Span>,
}

impl Normalized {
    pub fn new(original: &str) -> Self {
        let placeholders = placeholders::find(original);
        let mut v = Builder { text: String::with_capacity(original.len()), origin: Vec::with_capacity(original.len()) };
        let mut next_placeholder = placeholders.iter().peekable();
        let bytes = original.as_bytes();
        let mut i = 0;
        while i < original.len() {
            if let Some(p) = next_placeholder.peek() {
                if p.start == i {
                    v.push(PLACEHOLDER, i, p.end);
                    i = p.end;
                    next_placeholder.next();
                    continue;
                }
            }
            if matches!(bytes[i], b'[' | b'(' | b'{' | b'<') {
                if let Some((c, end)) = bracketed_evasion(&original[i..]) {
                    v.push(c, i, i + end);
                    i += end;
                    continue;
                }
            }
            let c = original[i..].chars().next().expect("i is on a char boundary");
            let end = i + c.len_utf8();
            match fold(c) {
                Folded::Drop => {}
                Folded::Space => v.space(i, end),
                Folded::Char(a) => v.push(a, i, end),
                Folded::Str(s) => {
                    for a in s.chars() {
                        if a == ' ' {
                            v.space(i, end)
                        } else {
                            v.push(a, i, end)
                        }
                    }
                }
                Folded::Lower(l) => {
                    for a in l.to_lowercase() {
                        v.push(a, i, end)
                    }
                }
            }
            i = end;
        }
        let (text, origin) = join_spelled_out_words(v.text, v.origin);
        Normalized { text, origin, placeholders }
    }

    /// The original byte range that produced view bytes `start..end` (end exclusive, non-empty).
    pub fn to_original(&self, start: usize, end: usize) -> Span {
        debug_assert!(start < end && end <= self.text.len());
        Span::new(self.origin[start].0 as usize, self.origin[end - 1].1 as usize)
    }

    /// The original byte offset where view byte `i` came from (`i` may be the view's length).
    pub fn original_start(&self, i: usize) -> usize {
        match self.origin.get(i) {
            Some(o) => o.0 as usize,
            None => self.origin.last().map_or(0, |o| o.1 as usize),
        }
    }
}

struct Builder {
    text: String,
    origin: Vec<(u32, u32)>,
}

impl Builder {
    fn push(&mut self, c: char, start: usize, end: usize) {
        self.text.push(c);
        for _ in 0..c.len_utf8() {
            self.origin.push((start as u32, end as u32));
        }
    }

    /// Runs of separators collapse into one space that spans them all; none at the very start.
    fn space(&mut self, start: usize, end: usize) {
        if self.text.ends_with(' ') {
            if let Some(last) = self.origin.last_mut() {
                last.1 = end as u32;
            }
        } else if !self.text.is_empty() {
            self.push(' ', start, end);
        }
    }
}

/// Letters spelled out one at a time ("i n s t a g r a m", "i*n*s*t*a*g*r*a*m") join into the word they
/// spell, so phrases match them. Only runs of five or more single letters count: "a b c" and "U.S.A."
/// stay as they are.
fn join_spelled_out_words(text: String, origin: Vec<(u32, u32)>) -> (String, Vec<(u32, u32)>) {
    const MIN_LETTERS: usize = 5;
    let is_sep = |c: char| matches!(c, ' ' | '*' | '.' | '_' | '-' | '+' | '~');
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let single_letter = |k: usize| {
        chars[k].1.is_alphabetic()
            && (k == 0 || !chars[k - 1].1.is_alphanumeric())
            && chars.get(k + 1).is_none_or(|&(_, n)| !n.is_alphanumeric())
    };
    // Byte offsets of separators to drop.
    let mut drop: Vec<usize> = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        if !single_letter(k) {
            k += 1;
            continue;
        }
        let mut letters = vec![k];
        let mut j = k;
        while j + 2 < chars.len() && is_sep(chars[j + 1].1) && single_letter(j + 2) {
            j += 2;
            letters.push(j);
        }
        if letters.len() >= MIN_LETTERS {
            drop.extend(letters.windows(2).map(|w| chars[w[0] + 1].0));
        }
        k = j + 1;
    }
    if drop.is_empty() {
        return (text, origin);
    }
    let mut out = String::with_capacity(text.len());
    let mut out_origin = Vec::with_capacity(origin.len());
    let mut d = drop.iter().peekable();
    for (i, c) in text.char_indices() {
        if d.peek() == Some(&&i) {
            d.next();
            continue;
        }
        out.push(c);
        out_origin.extend_from_slice(&origin[i..i + c.len_utf8()]);
    }
    (out, out_origin)
}

/// "[at]", "(at)", "{@}", "<dot>", "[.]" and the like: returns the character meant and the length
/// of the bracketed form in bytes.
fn bracketed_evasion(s: &str) -> Option<(char, usize)> {
    let open = s.as_bytes()[0];
    let close = match open {
        b'[' => b']',
        b'(' => b')',
        b'{' => b'}',
        _ => b'>',
    };
    let end = s.as_bytes().iter().take(12).position(|&b| b == close)?;
    let body = s[1..end].trim().to_ascii_lowercase();
    let c = match body.as_str() {
        "at" | "@" | "arroba" => '@',
        "dot" | "." | "punkt" | "period" | "point" => '.',
        _ => return None,
    };
    Some((c, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(s: &str) -> String {
        Normalized::new(s).text
    }

    #[test]
    fn collapses_and_folds() {
        assert_eq!(view("  Leave\n\n  a  REVIEW "), "leave a review ");
        assert_eq!(view("name [at] mail [dot] com"), "name @ mail . com");
        assert_eq!(view("name(at)mail(dot)com"), "name@mail.com");
        assert_eq!(view("Dear ${order.recipient_name},"), "dear \u{E000},");
        assert_eq!(view("5 ⭐"), "5 star ");
        assert_eq!(view("on i n s t a g r a m now"), "on instagram now");
        assert_eq!(view("i*n*s*t*a*g*r*a*m"), "instagram");
        assert_eq!(view("a b c and U.S.A."), "a b c and u.s.a.");
    }

    #[test]
    fn maps_back_to_original_bytes() {
        let s = "Visit ｓｈｏｐ\u{200B}.com now";
        let n = Normalized::new(s);
        let at = n.text.find("shop.com").unwrap();
        let span = n.to_original(at, at + "shop.com".len());
        assert_eq!(&s[span.start..span.end], "ｓｈｏｐ\u{200B}.com");
    }

    #[test]
    fn placeholder_maps_to_whole_placeholder() {
        let s = "Hi {{ buyer }}!";
        let n = Normalized::new(s);
        let at = n.text.find(PLACEHOLDER).unwrap();
        let span = n.to_original(at, at + PLACEHOLDER.len_utf8());
        assert_eq!(&s[span.start..span.end], "{{ buyer }}");
    }
}
