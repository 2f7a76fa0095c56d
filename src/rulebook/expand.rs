//! Phrase templates: "(leave|write) (us |)a review" stands for every phrase its alternatives make, and
//! "only {n} units left" or "mention {1-10} in your review" for phrases with a number or a few words
//! left open. Shared by `build.rs` (which checks templates and normalizes them) and the engine (which
//! expands them when it compiles a book, so the shipped module carries templates, not thousands of
//! phrases).

use std::borrow::Cow;

/// The most phrases one template may stand for; more means the template should be split.
pub const MAX_EXPANSIONS: usize = 5000;

/// The most words a gap may stand for: a gap is for "mention … in your review", not for paragraphs.
pub const MAX_GAP: usize = 12;

/// Why a template or phrase is malformed. Its message (build.rs stops the build with it) names the
/// phrase; the engine, reading templates build.rs has checked, never writes one, so the messages and
/// their formatting stay out of the module.
#[derive(Debug)]
pub struct Malformed {
    phrase: String,
    why: Why,
}

#[derive(Debug)]
enum Why {
    TooMany,
    LoneBackslash,
    Nested,
    Unmatched,
    Unclosed,
    Brace,
    UnknownSlot(String),
    BadGap(String),
    GapSpaces,
    OnlySlots,
    Start,
    TwoGaps,
    EndsWithGap,
    Star,
}

impl Malformed {
    fn new(phrase: &str, why: Why) -> Self {
        Malformed { phrase: phrase.to_string(), why }
    }
}

impl std::fmt::Display for Malformed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let p = &self.phrase;
        match &self.why {
            Why::TooMany => write!(f, "phrase {p:?} stands for more than {MAX_EXPANSIONS} phrases; split it"),
            Why::LoneBackslash => write!(f, "phrase {p:?} ends with a lone backslash"),
            Why::Nested => write!(f, "nested '(' in phrase {p:?}: alternatives cannot nest"),
            Why::Unmatched => write!(f, "unmatched ')' in phrase {p:?}"),
            Why::Unclosed => write!(f, "unclosed '(' in phrase {p:?}"),
            Why::Brace => write!(f, "phrase {p:?}: a brace must open a slot, {{n}} or {{0-6}}"),
            Why::UnknownSlot(range) => write!(f, "phrase {p:?}: unknown slot {{{range}}}; slots are {{n}} (a number) and {{0-6}} (0 to 6 words)"),
            Why::BadGap(range) => write!(f, "phrase {p:?}: gap {{{range}}} must be {{min-max}} with min ≤ max, 1 ≤ max ≤ {MAX_GAP}"),
            Why::GapSpaces => write!(f, "phrase {p:?}: a gap must stand between words, with a space either side"),
            Why::OnlySlots => write!(f, "phrase {p:?} needs words, not only slots"),
            Why::Start => write!(f, "phrase {p:?} must start with words, or with {{n}} and then words"),
            Why::TwoGaps => write!(f, "phrase {p:?}: two gaps in a row are one gap"),
            Why::EndsWithGap => write!(f, "phrase {p:?} ends with a gap, which would always take no words; end with words"),
            Why::Star => write!(f, "phrase {p:?}: '*' (any word starting so) may only end the phrase"),
        }
    }
}

/// Every phrase `template` stands for, or why it is malformed. `\(`, `\)` and `\|` are literal. Slots
/// (`{n}`, `{0-6}`) pass through; `parse` reads them.
pub fn expand(template: &str) -> Result<Vec<String>, Malformed> {
    let pieces = alternatives(template)?;
    let total = pieces.iter().try_fold(1usize, |n, p| n.checked_mul(p.len()).filter(|&n| n <= MAX_EXPANSIONS));
    let Some(total) = total else {
        return Err(Malformed::new(template, Why::TooMany));
    };
    // Every choice of one alternative per group, the last group turning fastest (an odometer).
    let mut out = Vec::with_capacity(total);
    let mut choice = vec![0; pieces.len()];
    let mut phrase = String::new();
    loop {
        phrase.clear();
        for (piece, &k) in pieces.iter().zip(&choice) {
            push_collapsed(&mut phrase, &piece[k]);
        }
        if phrase.ends_with(' ') {
            phrase.pop();
        }
        if !phrase.is_empty() {
            out.push(phrase.clone());
        }
        let Some(turn) = (0..pieces.len()).rev().find(|&g| choice[g] + 1 < pieces[g].len()) else { return Ok(out) };
        choice[turn] += 1;
        choice[turn + 1..].iter_mut().for_each(|k| *k = 0);
    }
}

/// `template` read into its pieces, in order: literal text is a piece with one alternative, a group
/// the list of its alternatives (escapes resolved, spaces as written). A phrase is one alternative
/// of each piece, joined by `push_collapsed`, with a trailing space dropped. An alternative without
/// an escape is a slice of `template`: compiling a book reads hundreds of templates before the first
/// keystroke, and a string for each alternative was most of that work.
pub fn alternatives(template: &str) -> Result<Vec<Vec<Cow<'_, str>>>, Malformed> {
    let empty_at = |at: usize| Cow::Borrowed(&template[at..at]);
    let mut pieces: Vec<Vec<Cow<str>>> = vec![vec![empty_at(0)]];
    let mut group: Option<Vec<Cow<str>>> = None;
    let bytes = template.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        // Text up to the next delimiter or escape belongs to the alternative being read, in one piece.
        let next = bytes[at..].iter().position(|b| matches!(b, b'(' | b')' | b'|' | b'\\')).map_or(bytes.len(), |k| at + k);
        extend(reading(&mut pieces, &mut group), template, at, next);
        let Some(&b) = bytes.get(next) else { break };
        at = next + 1;
        match (b, group.as_mut()) {
            (b'\\', _) => {
                let c = template[at..].chars().next().ok_or_else(|| Malformed::new(template, Why::LoneBackslash))?;
                extend(reading(&mut pieces, &mut group), template, at, at + c.len_utf8());
                at += c.len_utf8();
            }
            (b'(', None) => group = Some(vec![empty_at(at)]),
            (b'(', Some(_)) => return Err(Malformed::new(template, Why::Nested)),
            (b')', Some(_)) => {
                pieces.push(group.take().unwrap_or_default());
                pieces.push(vec![empty_at(at)]);
            }
            (b')', None) => return Err(Malformed::new(template, Why::Unmatched)),
            (_, Some(g)) => g.push(empty_at(at)),
            // A '|' outside a group is text.
            (_, None) => extend(reading(&mut pieces, &mut group), template, next, at),
        }
    }
    if group.is_some() {
        return Err(Malformed::new(template, Why::Unclosed));
    }
    Ok(pieces)
}

/// The alternative being read: the group's last, or the literal piece.
fn reading<'p, 'a>(pieces: &'p mut [Vec<Cow<'a, str>>], group: &'p mut Option<Vec<Cow<'a, str>>>) -> &'p mut Cow<'a, str> {
    match group {
        Some(g) => g.last_mut().expect("a group has an alternative"),
        None => &mut pieces.last_mut().expect("pieces is never empty")[0],
    }
}

/// Appends `template[start..end]` to `text`: still a slice of the template when it comes right
/// after it, a string of its own once an escape has come between.
fn extend<'a>(text: &mut Cow<'a, str>, template: &'a str, start: usize, end: usize) {
    if let Cow::Borrowed(s) = *text {
        let from = s.as_ptr() as usize - template.as_ptr() as usize;
        if from + s.len() == start {
            *text = Cow::Borrowed(&template[from..end]);
            return;
        }
    }
    text.to_mut().push_str(&template[start..end]);
}

/// Appends `s` to `phrase` with runs of spaces (also across the joint) collapsed into one, and none at
/// the start.
fn push_collapsed(phrase: &mut String, s: &str) {
    for c in s.chars() {
        if c != ' ' || !(phrase.is_empty() || phrase.ends_with(' ')) {
            phrase.push(c);
        }
    }
}

/// One part of an expanded phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Text that must be there as written (spaces included).
    Words(String),
    /// `{n}`: a number in digits, or a placeholder standing for one.
    Number,
    /// `{min-max}`: that many whole words of the same sentence, as few as will do. Written as a word of
    /// its own; the spaces around it belong to it.
    Gap { min: usize, max: usize },
}

/// An expanded phrase, read into its pieces: the first `Words` is what the phrase automaton looks
/// for, and it may follow only a `Number`. A trailing `*` (any word starting so) stays on the last
/// `Words`. A phrase without slots is a single `Words`.
pub fn parse(phrase: &str) -> Result<Vec<Piece>, Malformed> {
    let mut pieces = Vec::new();
    let mut rest = phrase;
    while let Some(open) = rest.find(['{', '}']) {
        let close = rest[open..].find('}').map(|k| open + k).filter(|_| rest.as_bytes()[open] == b'{');
        let Some(close) = close else {
            return Err(Malformed::new(phrase, Why::Brace));
        };
        let slot = match &rest[open + 1..close] {
            "n" => Piece::Number,
            range => {
                let (min, max) = range.split_once('-').and_then(|(a, b)| Some((a.parse().ok()?, b.parse().ok()?))).ok_or_else(|| {
                    Malformed::new(phrase, Why::UnknownSlot(range.to_string()))
                })?;
                if min > max || max == 0 || max > MAX_GAP {
                    return Err(Malformed::new(phrase, Why::BadGap(range.to_string())));
                }
                Piece::Gap { min, max }
            }
        };
        let mut before = &rest[..open];
        let mut after = &rest[close + 1..];
        if matches!(slot, Piece::Gap { .. }) {
            before = before.strip_suffix(' ').ok_or_else(|| Malformed::new(phrase, Why::GapSpaces))?;
            after = after.strip_prefix(' ').ok_or_else(|| Malformed::new(phrase, Why::GapSpaces))?;
        }
        if !before.is_empty() {
            pieces.push(Piece::Words(before.to_string()));
        }
        pieces.push(slot);
        rest = after;
    }
    if !rest.is_empty() {
        pieces.push(Piece::Words(rest.to_string()));
    }
    check_shape(phrase, &pieces)?;
    Ok(pieces)
}

fn check_shape(phrase: &str, pieces: &[Piece]) -> Result<(), Malformed> {
    let words = pieces.iter().position(|p| matches!(p, Piece::Words(_)));
    match words {
        None => return Err(Malformed::new(phrase, Why::OnlySlots)),
        Some(0) => {}
        Some(1) if pieces[0] == Piece::Number => {}
        Some(_) => return Err(Malformed::new(phrase, Why::Start)),
    }
    for pair in pieces.windows(2) {
        if matches!(pair, [Piece::Gap { .. }, Piece::Gap { .. }]) {
            return Err(Malformed::new(phrase, Why::TwoGaps));
        }
    }
    if matches!(pieces.last(), Some(Piece::Gap { .. })) {
        return Err(Malformed::new(phrase, Why::EndsWithGap));
    }
    for (i, piece) in pieces.iter().enumerate() {
        if let Piece::Words(w) = piece {
            if w.trim_end().ends_with('*') && i + 1 < pieces.len() {
                return Err(Malformed::new(phrase, Why::Star));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expands_alternatives() {
        assert_eq!(expand("leave (us |)a (review|rating)").unwrap(), ["leave us a review", "leave us a rating", "leave a review", "leave a rating"]);
        assert_eq!(expand("plain").unwrap(), ["plain"]);
        assert!(expand("bad (open").is_err());
        assert!(expand("a ((b))").is_err());
        assert_eq!(expand(r":\( or \(x\|y\)").unwrap(), [":( or (x|y)"]);
        assert_eq!(expand("only ({n}|one) left").unwrap(), ["only {n} left", "only one left"]);
    }

    #[test]
    fn alternatives_are_slices_of_the_template_unless_escaped() {
        let pieces = alternatives(r"a|b (c|\(d|) e\)").unwrap();
        assert_eq!(pieces, [vec!["a|b "], vec!["c", "(d", ""], vec![" e)"]]);
        let borrowed: Vec<Vec<bool>> = pieces.iter().map(|p| p.iter().map(|a| matches!(a, Cow::Borrowed(_))).collect()).collect();
        assert_eq!(borrowed, [vec![true], vec![true, false, true], vec![false]]);
    }

    #[test]
    fn reads_slots() {
        use Piece::*;
        let words = |s: &str| Words(s.to_string());
        assert_eq!(parse("plain words").unwrap(), [words("plain words")]);
        assert_eq!(parse("{n}% off").unwrap(), [Number, words("% off")]);
        assert_eq!(parse("only {n} units left").unwrap(), [words("only "), Number, words(" units left")]);
        assert_eq!(parse("mention {1-10} in your review*").unwrap(), [words("mention"), Gap { min: 1, max: 10 }, words("in your review*")]);
        assert_eq!(
            parse("a {x} b").unwrap_err().to_string(),
            r#"phrase "a {x} b": unknown slot {x}; slots are {n} (a number) and {0-6} (0 to 6 words)"#
        );
        assert_eq!(expand("bad (open").unwrap_err().to_string(), r#"unclosed '(' in phrase "bad (open""#);
        for bad in ["{n}", "{0-2} words", "words {0-2}", "a {0-2} {1-2} b", "a{0-2} b", "a {3-2} b", "a {0-99} b", "a {x} b", "a } b",
            "{n} {0-2} off", "unit* {n}"] {
            assert!(parse(bad).is_err(), "{bad:?} should not parse");
        }
    }
}
