//! Matching a phrase with slots where the automaton found its first words: `{n}` takes a number in
//! digits or a placeholder, a gap `{1-10}` as few whole words as let the rest match, never crossing
//! the end of a sentence. Like a phrase, a match neither starts nor ends inside a word. The work per
//! found phrase is bounded by the template (a gap reads at most its `max` words), so a draft costs
//! time in proportion to its length.

use super::compile::{is_word_char, Template};
use crate::rulebook::expand::Piece;
use crate::text::bytes::ByteSet;
use crate::text::normalize::PLACEHOLDER;

/// Each template of `group` that matches in `text` (the matching view), given their first words at
/// `start..end`: `found(template, start, end)`. The templates of a group read the same up to their
/// first gap, so the words of the gap are read once for all of them.
pub fn find_group(templates: &[Template], group: &[usize], text: &str, start: usize, end: usize, mut found: impl FnMut(usize, usize, usize)) {
    let first = &templates[group[0]];
    let begin = if first.number_first {
        match number_before(text, start) {
            Some(begin) => begin,
            None => return,
        }
    } else {
        start
    };
    if starts_inside_word(text, begin) {
        return;
    }
    let Some((min, max)) = first.gap else {
        if let Some(end) = rest_end(text, end, &first.head, first.prefix) {
            found(group[0], begin, extend_prefix(text, end, first.prefix));
        }
        return;
    };
    let Some(mut at) = rest_end_open(text, end, &first.head) else { return };
    if text.as_bytes().get(at) != Some(&b' ') {
        return;
    }
    at += 1;
    let mut open: Vec<usize> = group.to_vec();
    for words in 0..=max {
        if words >= min {
            open.retain(|&t| {
                let template = &templates[t];
                // Most words of a gap are not where the rest starts: one byte says so.
                if let Some(Piece::Words(w)) = template.tail.first() {
                    if text.as_bytes().get(at) != w.as_bytes().first() {
                        return true;
                    }
                }
                match rest_end(text, at, &template.tail, template.prefix) {
                    Some(end) => {
                        found(t, begin, extend_prefix(text, end, template.prefix));
                        false
                    }
                    None => true,
                }
            });
        }
        if open.is_empty() || words == max {
            return;
        }
        match next_word(text.as_bytes(), at) {
            Some(next) => at = next,
            None => return,
        }
    }
}

/// A `prefix*` match runs on to the end of the word.
pub(super) fn extend_prefix(text: &str, end: usize, prefix: bool) -> usize {
    if prefix {
        end + text[end..].find(|c: char| !is_word_char(c)).unwrap_or(text.len() - end)
    } else {
        end
    }
}

/// Where `pieces` (no gap among them) match from `at`, with no word boundary asked for at the end:
/// more of the phrase follows.
fn rest_end_open(text: &str, at: usize, pieces: &[Piece]) -> Option<usize> {
    pieces.iter().try_fold(at, |at, piece| match piece {
        Piece::Words(w) => bytes_at(text.as_bytes(), at, w.as_bytes()).then_some(at + w.len()),
        Piece::Number => number_after(text, at),
        Piece::Gap { .. } => None,
    })
}

/// Where the pieces match from `at`, and end.
fn rest_end(text: &str, at: usize, pieces: &[Piece], prefix: bool) -> Option<usize> {
    let Some((piece, more)) = pieces.split_first() else {
        return (prefix || !ends_inside_word(text, at)).then_some(at);
    };
    match piece {
        Piece::Words(w) if bytes_at(text.as_bytes(), at, w.as_bytes()) => rest_end(text, at + w.len(), more, prefix),
        Piece::Words(_) => None,
        Piece::Number => rest_end(text, number_after(text, at)?, more, prefix),
        Piece::Gap { min, max } => {
            let mut at = at + (text.as_bytes().get(at) == Some(&b' ')).then_some(1)?;
            for words in 0..=*max {
                if words >= *min {
                    if let Some(end) = rest_end(text, at, more, prefix) {
                        return Some(end);
                    }
                }
                if words == *max {
                    break;
                }
                at = next_word(text.as_bytes(), at)?;
            }
            None
        }
    }
}

/// Whether `w` is at `at` in `b`: the first byte alone settles most tries.
fn bytes_at(b: &[u8], at: usize, w: &[u8]) -> bool {
    b.get(at) == w.first() && b.len() >= at + w.len() && b[at..at + w.len()] == *w
}

/// Where the word after the one at `at` starts, unless that word ends a sentence (or the text).
fn next_word(b: &[u8], at: usize) -> Option<usize> {
    const ENDS: ByteSet = ByteSet::new(b" .!?\xE3");
    let mut k = at;
    loop {
        k += b[k..].iter().position(|&c| ENDS.contains(c))?;
        match b[k] {
            b' ' => return Some(k + 1),
            0xE3 if b[k..].starts_with("。".as_bytes()) => return None,
            0xE3 => k += 1,
            _ => return None,
        }
    }
}

/// `{n}` ending at `at`: where its digits (or placeholder) start.
fn number_before(text: &str, at: usize) -> Option<usize> {
    let head = &text[..at];
    let digits = head.bytes().rev().take_while(u8::is_ascii_digit).count();
    match digits {
        0 => head.strip_suffix(PLACEHOLDER).map(str::len),
        n => Some(at - n),
    }
}

/// `{n}` starting at `at`: where its digits (or placeholder) end.
fn number_after(text: &str, at: usize) -> Option<usize> {
    let tail = &text[at..];
    let digits = tail.bytes().take_while(u8::is_ascii_digit).count();
    match digits {
        0 => tail.starts_with(PLACEHOLDER).then_some(at + PLACEHOLDER.len_utf8()),
        n => Some(at + n),
    }
}

pub(super) fn starts_inside_word(text: &str, at: usize) -> bool {
    between_word_chars(text, at)
}

pub(super) fn ends_inside_word(text: &str, at: usize) -> bool {
    between_word_chars(text, at)
}

/// Whether the characters either side of `at` are both word characters. Asked for every phrase the
/// scan finds: two ASCII bytes (most of a draft) answer without decoding a character.
#[inline]
fn between_word_chars(text: &str, at: usize) -> bool {
    let b = text.as_bytes();
    if at > 0 && at < b.len() && b[at - 1] < 0x80 && b[at] < 0x80 {
        return b[at - 1].is_ascii_alphanumeric() && b[at].is_ascii_alphanumeric();
    }
    text[at..].chars().next().is_some_and(is_word_char) && text[..at].chars().next_back().is_some_and(is_word_char)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rulebook::expand::parse;

    /// Every match of `phrase` in `text`, by brute force over where its first words occur.
    fn matches<'a>(phrase: &str, text: &'a str) -> Vec<&'a str> {
        let (first, t) = Template::new(parse(phrase).unwrap());
        let mut out = Vec::new();
        for (at, w) in text.match_indices(first.trim_end_matches('*')) {
            find_group(std::slice::from_ref(&t), &[0], text, at, at + w.len(), |_, s, e| out.push(&text[s..e]));
        }
        out
    }

    #[test]
    fn word_boundaries_of_ascii_are_those_of_characters() {
        let text = "ab1 c-d é中x 😀y z_ \u{E000}w";
        for at in (0..=text.len()).filter(|&at| text.is_char_boundary(at)) {
            let slow = text[at..].chars().next().is_some_and(is_word_char) && text[..at].chars().next_back().is_some_and(is_word_char);
            assert_eq!(between_word_chars(text, at), slow, "at {at}");
        }
    }

    #[test]
    fn numbers() {
        assert_eq!(matches("{n}% off", "get 20% off, x30% off or \u{E000}% off"), ["20% off", "\u{E000}% off"]);
        assert_eq!(matches("only {n} units left", "only 3 units left, only three units left, only 3x units left"), ["only 3 units left"]);
        assert_eq!(matches("only {n} left", "only 12 left and only \u{E000} left"), ["only 12 left", "only \u{E000} left"]);
        assert_eq!(matches("buy {n} get {n}", "buy 2 get 1 and buy 2 get 1x"), ["buy 2 get 1"]);
    }

    #[test]
    fn gaps_take_as_few_words_as_will_do() {
        let rv = "mention {1-4} in your review*";
        assert_eq!(matches(rv, "please mention how soft it is in your review. thanks"), ["mention how soft it is in your review"]);
        assert_eq!(matches(rv, "mention it in your reviews in your review"), ["mention it in your reviews"]);
        assert_eq!(matches(rv, "mention in your review"), Vec::<&str>::new());
        assert_eq!(matches(rv, "mention a b c d e in your review"), Vec::<&str>::new());
        assert_eq!(matches(rv, "mention it. in your review"), Vec::<&str>::new());
        assert_eq!(matches("say {0-2} thanks", "say thanks, say many thanks"), ["say thanks", "say many thanks"]);
        assert_eq!(matches("say {0-2} thanks", "say thanksgiving wishes thanks"), ["say thanksgiving wishes thanks"]);
    }
}
