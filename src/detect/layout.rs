//! Layout Amazon refuses: more than two line breaks in a row.

use crate::text::bytes::find_any;
use crate::text::Span;

/// Each run of three or more line breaks (blank lines with only spaces between count as breaks),
/// from the first break to the last.
pub fn find(original: &str) -> Vec<Span> {
    let b = original.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(k) = find_any(b, i, [b'\n']) {
        i = k;
        let start = if i > 0 && b[i - 1] == b'\r' { i - 1 } else { i };
        let mut breaks = 0;
        let mut j = i;
        let mut last_break_end = i;
        while j < b.len() && matches!(b[j], b'\n' | b'\r' | b' ' | b'\t') {
            if b[j] == b'\n' {
                breaks += 1;
                last_break_end = j + 1;
            }
            j += 1;
        }
        if breaks >= 3 {
            out.push(Span::new(start, last_break_end));
        }
        i = j.max(i + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_three_or_more_breaks() {
        assert!(find("a\n\nb").is_empty());
        assert_eq!(find("a\n\n\nb"), [Span::new(1, 4)]);
        assert_eq!(find("a\r\n \r\n\r\nb"), [Span::new(1, 8)]);
    }
}
