//! Matching a phrase with slots where the automaton found its first words: `{n}` takes a number in
//! digits or a placeholder, a gap `{1-10}` as few whole words as let the rest match, never crossing
//! the end of a sentence. Like a phrase, a match neither starts nor ends inside a word. The work per
//! found phrase is bounded by the template (a gap reads at most its `max` words), so a draft costs
//! time in proportion to its length.

use super::compile::{is_word_char, Template};
use crate::rulebook::expand::Piece;
use crate::text::normalize::PLACEHOLDER;

/// Where `t` matches in `text` (the matching view), given its first words at `start..end`.
pub fn find(t: &Template, text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let begin = if t.number_first { number_before(text, start)? } else { start };
    if starts_inside_word(text, begin) {
        return None;
    }
    let mut end = rest_end(text, end, &t.rest, t.prefix)?;
    if t.prefix {
        end += text[end..].find(|c: char| !is_word_char(c)).unwrap_or(text.len() - end);
    }
    Some((begin, end))
}

/// Where the pieces match from `at`, and end.
fn rest_end(text: &str, at: usize, pieces: &[Piece], prefix: bool) -> Option<usize> {
    let Some((piece, more)) = pieces.split_first() else {
        return (prefix || !ends_inside_word(text, at)).then_some(at);
    };
    match piece {
        Piece::Words(w) if text[at..].starts_with(w.as_str()) => rest_end(text, at + w.len(), more, prefix),
        Piece::Words(_) => None,
        Piece::Number => rest_end(text, number_after(text, at)?, more, prefix),
        Piece::Gap { min, max } => {
            let mut at = at + text[at..].starts_with(' ').then_some(1)?;
            for words in 0..=*max {
                if words >= *min {
                    if let Some(end) = rest_end(text, at, more, prefix) {
                        return Some(end);
                    }
                }
                if words == *max {
                    break;
                }
                let word = text[at..].find(' ')?;
                if text[at..at + word].contains(['.', '!', '?', '。']) {
                    return None;
                }
                at += word + 1;
            }
            None
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

fn starts_inside_word(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_some_and(is_word_char) && text[..at].chars().next_back().is_some_and(is_word_char)
}

fn ends_inside_word(text: &str, at: usize) -> bool {
    text[..at].chars().next_back().is_some_and(is_word_char) && text[at..].chars().next().is_some_and(is_word_char)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rulebook::expand::parse;

    /// Every match of `phrase` in `text`, by brute force over where its first words occur.
    fn matches<'a>(phrase: &str, text: &'a str) -> Vec<&'a str> {
        let (first, t) = Template::new(parse(phrase).unwrap());
        text.match_indices(first.trim_end_matches('*')).filter_map(|(at, w)| find(&t, text, at, at + w.len())).map(|(s, e)| &text[s..e]).collect()
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
