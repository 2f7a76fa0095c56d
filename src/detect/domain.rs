//! Domain names in the matching view, shared by the link and e-mail detectors: labels, the dots
//! between them (also spaced, " . ", and written out, " dot "), and the top-level domain that ends
//! the name. The longest name wins: "shop.example.com" ends at "com", and "shop.com.x1" at "com"
//! (the last label that can be a top-level domain).
//!
//! Finding the end walks forward label by label; which labels end a name that cannot be completed
//! is remembered per window, so a run like "a.a.a.a…" is walked once, not once per label, and the
//! detectors stay linear in the length of the text.

use super::classes::is_word;
use crate::text::bytes::ByteSet;
use crate::text::normalize::PLACEHOLDER;

/// The top-level domain that completes a name, and the dot before it.
#[derive(Debug, Clone, Copy)]
pub struct Tld {
    pub dot: usize,
    pub start: usize,
    pub end: usize,
}

/// Letters, digits and marks of any script, and placeholders (`amazon[tld]`).
pub fn is_label_char(c: char) -> bool {
    is_word(c) || c == PLACEHOLDER
}

/// The end of the label starting at `at`: label characters and hyphens, not ending in a hyphen.
pub fn label_end(s: &str, at: usize) -> Option<usize> {
    const ASCII_LABEL: ByteSet = ByteSet::new(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
    let b = s.as_bytes();
    let first = s[at..].chars().next().filter(|&c| is_label_char(c))?;
    let mut run = at + first.len_utf8();
    let mut end = run;
    while run < b.len() {
        // ASCII letters and digits in bulk, anything else one character at a time.
        let ascii = b[run..].iter().take_while(|&&c| ASCII_LABEL.contains(c)).count();
        if ascii > 0 {
            run += ascii;
            end = run;
            continue;
        }
        match s[run..].chars().next() {
            Some('-') => run += 1,
            Some(c) if is_label_char(c) => {
                run += c.len_utf8();
                end = run;
            }
            _ => break,
        }
    }
    Some(end)
}

/// The end of the dot at `at`: ".", " ." or " . ", or " dot ".
pub fn dot_end(s: &str, at: usize) -> Option<usize> {
    let rest = &s[at..];
    if byte_at(rest, 0, b'.') {
        return Some(at + 1);
    }
    let space = space_len(rest)?;
    let after = &rest[space..];
    if byte_at(after, 0, b'.') {
        return Some(at + space + 1 + space_len(&after[1..]).unwrap_or(0));
    }
    if !bytes_at(after.as_bytes(), 0, b"dot") {
        return None;
    }
    space_len(&after[3..]).map(|n| at + space + 3 + n)
}

/// The length of the white-space character `s` starts with.
pub fn space_len(s: &str) -> Option<usize> {
    s.chars().next().filter(|c| c.is_whitespace()).map(char::len_utf8)
}

/// Whether `word` is at `at` in `b`. Compares byte by byte: a library call per space of the text
/// (what `starts_with` becomes in the size-optimized module) costs more than the comparison.
pub fn bytes_at(b: &[u8], at: usize, word: &[u8]) -> bool {
    b.len() >= at + word.len() && word.iter().zip(&b[at..]).all(|(w, c)| w == c)
}

/// Whether byte `at` of `s` is `b` (`starts_with` with a char pattern becomes a library call).
pub fn byte_at(s: &str, at: usize, b: u8) -> bool {
    s.as_bytes().get(at) == Some(&b)
}

/// Whether `b` is a word byte for an ASCII word boundary.
pub fn is_ascii_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// A top-level domain at `at`: two to twelve lowercase ASCII letters, not followed by an ASCII letter,
/// digit or underscore.
pub fn tld_end_at(s: &str, at: usize) -> Option<usize> {
    let b = s.as_bytes();
    let n = b[at..].iter().take_while(|b| b.is_ascii_lowercase()).count();
    let end = at + n;
    ((2..=12).contains(&n) && !b.get(end).is_some_and(|&c| is_ascii_word(c))).then_some(end)
}

/// Name ends already known to lead nowhere, in one window.
pub struct Names {
    dead_ends: Vec<u64>,
    walk: Vec<(usize, usize)>,
}

impl Names {
    pub fn new(window_len: usize) -> Self {
        Names { dead_ends: vec![0; window_len / 64 + 1], walk: Vec::new() }
    }

    /// Forgets everything for the next window (of at most the length given to `new`), keeping the
    /// memory.
    pub fn clear(&mut self) {
        self.dead_ends.fill(0);
    }

    fn dead(&self, end: usize) -> bool {
        self.dead_ends[end / 64] & (1 << (end % 64)) != 0
    }

    fn mark_dead(&mut self, end: usize) {
        self.dead_ends[end / 64] |= 1 << (end % 64);
    }

    /// For a name whose first label ends at `label_end`: the last label of the labels that follow it
    /// (dot, label, dot, label…) that is a top-level domain.
    pub fn tld_after(&mut self, s: &str, label_end: usize) -> Option<Tld> {
        self.walk.clear();
        let mut end = label_end;
        while !self.dead(end) {
            let Some(next) = dot_end(s, end) else { break };
            let Some(next_end) = self::label_end(s, next) else { break };
            self.walk.push((end, next));
            end = next_end;
        }
        self.mark_dead(end);
        let mut found = None;
        for k in (0..self.walk.len()).rev() {
            let (dot, start) = self.walk[k];
            if found.is_none() {
                found = tld_end_at(s, start).map(|end| Tld { dot, start, end });
            }
            if found.is_none() {
                self.mark_dead(dot);
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tld(s: &str) -> Option<&str> {
        let end = label_end(s, 0)?;
        Names::new(s.len()).tld_after(s, end).map(|t| &s[t.start..t.end])
    }

    #[test]
    fn finds_the_last_label_that_ends_a_name() {
        assert_eq!(tld("shop.example.com"), Some("com"));
        assert_eq!(tld("shop.com.x1"), Some("com"));
        assert_eq!(tld("shop . com"), Some("com"));
        assert_eq!(tld("shop dot co dot uk"), Some("uk"));
        assert_eq!(tld("shop.comé"), Some("com"));
        assert_eq!(tld("shop.com_"), None);
        assert_eq!(tld("shop.abcdefghijklm"), None);
        assert_eq!(tld("sh-.com"), None);
        assert_eq!(tld("e\u{301}-x.org"), Some("org"));
    }

    #[test]
    fn long_runs_are_walked_once() {
        let s = "a.".repeat(100_000);
        let mut names = Names::new(s.len());
        for at in (0..s.len()).step_by(2) {
            assert!(names.tld_after(&s, at + 1).is_none());
        }
    }
}
