//! Sentence boundaries in the original text. Rules ask "is there a review request in the same
//! sentence?" and the report explains a category by quoting sentences, so boundaries follow what a
//! reader sees: terminal punctuation, blank lines, and line starts that begin something new (a
//! capital, a bullet). A single line break inside a sentence, as in hard-wrapped templates, does not end it.

use super::bytes::find_any;
use super::Span;

pub struct Sentences {
    spans: Vec<Span>,
}

impl Sentences {
    pub fn split(text: &str) -> Self {
        // Bytes that start a character that may end a sentence: . ! ? ; line break, and the first byte of
        // 。 ！ ？ (other characters share it).
        // Looked for a word of eight bytes at a time: most bytes of a draft are none of them.
        const MAY_END: [u8; 7] = *b".!?;\n\xE3\xEF";
        let b = text.as_bytes();
        // Room for sentences of 48 bytes on average (the bench drafts' and the dev corpus's average 52 to
        // 58): the list is not regrown as it fills.
        let mut spans = Vec::with_capacity(text.len() / 48 + 1);
        let (mut start, mut i) = (0, 0);
        while let Some(k) = find_any(b, i, MAY_END) {
            i = k;
            let c = text[i..].chars().next().expect("i is a char boundary");
            let end = i + c.len_utf8();
            let next = text[end..].chars().next();
            let boundary = match c {
                '.' | '!' | '?' | ';' => next.is_none_or(|n| n.is_whitespace() || is_closing(n)),
                '。' | '！' | '？' => true,
                '\n' => line_break_ends_sentence(&text[end..]),
                _ => false,
            };
            if !boundary {
                i = end;
                continue;
            }
            // Keep closing quotes and brackets with the sentence they close.
            let mut cut = end;
            while let Some(n) = text[cut..].chars().next().filter(|&n| is_closing(n) || (c != '\n' && matches!(n, '.' | '!' | '?'))) {
                cut += n.len_utf8();
            }
            push_trimmed(text, start, cut, &mut spans);
            start = cut;
            i = cut;
        }
        push_trimmed(text, start, text.len(), &mut spans);
        Sentences { spans }
    }

    pub fn spans(&self) -> &[Span] {
        &self.spans
    }

    /// The sentence holding original byte `at`, or the nearest one before it (between sentences there
    /// is only white space).
    pub fn index_of(&self, at: usize) -> Option<usize> {
        match self.spans.partition_point(|s| s.start <= at) {
            0 => (!self.spans.is_empty()).then_some(0),
            n => Some(n - 1),
        }
    }

    pub fn get(&self, index: usize) -> Span {
        self.spans[index]
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | ']' | '”' | '’' | '」' | '』' | '）')
}

/// A line break ends a sentence when a blank line follows, or when the next line starts like a new
/// sentence or list item.
fn line_break_ends_sentence(rest: &str) -> bool {
    let trimmed = rest.trim_start_matches([' ', '\t', '\r']);
    match trimmed.chars().next() {
        None => true,
        Some('\n') => true,
        Some(c) => {
            c.is_uppercase()
                || matches!(c, '-' | '*' | '•' | '·' | '–' | '—' | '>' | '$' | '{' | '[' | '(')
                || c.is_ascii_digit()
                || !c.is_alphabetic() && !c.is_ascii_punctuation() && !c.is_whitespace()
        }
    }
}

fn push_trimmed(text: &str, start: usize, end: usize, spans: &mut Vec<Span>) {
    // ASCII white space (what `char::is_whitespace` says of ASCII) byte by byte: a sentence starts and
    // ends with ASCII far more often than not, and then `str::trim` has nothing left to look at.
    let b = text.as_bytes();
    let space = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r');
    let (mut start, mut end) = (start, end);
    while start < end && space(b[start]) {
        start += 1;
    }
    while end > start && space(b[end - 1]) {
        end -= 1;
    }
    if start < end && (b[start] >= 0x80 || b[end - 1] >= 0x80) {
        let piece = &text[start..end];
        let lead = piece.len() - piece.trim_start().len();
        end = start + lead + piece.trim().len();
        start += lead;
    }
    if start < end {
        spans.push(Span::new(start, end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        Sentences::split(s).spans().iter().map(|sp| &s[sp.start..sp.end]).collect()
    }

    #[test]
    fn splits_on_punctuation_and_blank_lines() {
        assert_eq!(split("Hi there. How are you?  Fine!"), ["Hi there.", "How are you?", "Fine!"]);
        assert_eq!(split("Dear Ann,\n\nYour order"), ["Dear Ann,", "Your order"]);
        assert_eq!(split("please remove or edit\nyour feedback"), ["please remove or edit\nyour feedback"]);
        assert_eq!(split("Thanks\nJoe"), ["Thanks", "Joe"]);
        assert_eq!(split("He said \"stop.\" Then left."), ["He said \"stop.\"", "Then left."]);
        assert_eq!(split("ありがとう。よろしく"), ["ありがとう。", "よろしく"]);
        assert_eq!(split("Visit shop.com now"), ["Visit shop.com now"]);
    }

    #[test]
    fn trims_as_str_trim_does() {
        let pieces = [" ", "\t", "\n", "\u{0B}", "\u{0C}", "\r", "\u{A0}", "\u{2003}", "\u{3000}", "a", "é", ".", "x y", "😀"];
        for piece in crate::text::random_texts(&pieces, 3, 5_000, 8) {
            let text = format!("ab{piece}cd");
            let mut spans = Vec::new();
            push_trimmed(&text, 2, 2 + piece.len(), &mut spans);
            let body = piece.trim();
            let want: Vec<Span> = if body.is_empty() {
                Vec::new()
            } else {
                let lead = piece.len() - piece.trim_start().len();
                vec![Span::new(2 + lead, 2 + lead + body.len())]
            };
            assert_eq!(spans, want, "{piece:?}");
        }
    }

    #[test]
    fn finds_the_sentence_of_an_offset() {
        let s = Sentences::split("One. Two.");
        assert_eq!(s.index_of(0), Some(0));
        assert_eq!(s.index_of(4), Some(0));
        assert_eq!(s.index_of(6), Some(1));
        assert_eq!(Sentences::split("").index_of(0), None);
    }
}
