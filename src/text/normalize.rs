//! The matching view of a draft: folded (see `fold`), whitespace collapsed to single spaces,
//! bracketed evasions ("[at]", "(dot)") turned into the characters they stand for, and every
//! placeholder replaced by one opaque character. Each byte of the view remembers which original bytes
//! produced it, so a match anywhere in the view reports the exact original text.

use super::bytes::ByteSet;
use super::fold::{fold, Folded};
use super::{placeholders, Span};
use std::cell::Cell;

/// Stands for one whole placeholder in the view (a private-use character nobody types).
pub const PLACEHOLDER: char = '\u{E000}';

pub struct Normalized {
    pub text: String,
    /// Where the view came from, stretch by stretch (see `Run`), in view order.
    runs: Vec<Run>,
    pub placeholders: Vec<Span>,
    /// The run `run_of` found last.
    last_run: Cell<usize>,
}

/// A stretch of the view from byte `view` up to the next run. Copied stretches match the original
/// byte for byte from `orig` (letters lowercased, a line break turned into a space), so offsets map
/// one to one; in any other stretch every byte stands for all of `orig..end` (a folded character, a
/// placeholder, a run of white space). Most text is one long copied stretch, so the map costs little.
#[derive(Debug, Clone, Copy)]
struct Run {
    view: u32,
    orig: u32,
    end: u32,
    copied: bool,
}

impl Normalized {
    pub fn new(original: &str) -> Self {
        let mut placeholders = Vec::new();
        let (mut text, mut runs) = SPARE.take().unwrap_or_default();
        text.clear();
        text.reserve(original.len());
        runs.clear();
        let mut v = Builder { text, runs };
        let bytes = original.as_bytes();
        let mut i = 0;
        while i < original.len() {
            // Placeholders are found where the copying below stops (their first bytes are not plain),
            // as `placeholders::find` finds them.
            if placeholders::OPENING.contains(bytes[i]) {
                if let Some(end) = placeholders::end(original, i) {
                    placeholders.push(Span::new(i, end));
                    v.push(PLACEHOLDER, i, end);
                    i = end;
                    continue;
                }
            }
            // Most of a draft: printable ASCII and single spaces, copied in bulk and lowercased.
            let plain = plain_ascii(&bytes[i..]);
            if plain > 0 {
                v.copy_ascii(&original[i..i + plain], i);
                i += plain;
                continue;
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
        join_spelled_out_words(Normalized { text: v.text, runs: v.runs, placeholders, last_run: Cell::new(0) })
    }

    /// The original byte range that produced view bytes `start..end` (end exclusive, non-empty, both
    /// on character boundaries of the view).
    pub fn to_original(&self, start: usize, end: usize) -> Span {
        debug_assert!(start < end && end <= self.text.len());
        Span::new(self.origin(start).0, self.origin(end - 1).1)
    }

    /// The original byte offset where view byte `i` (a character boundary) came from; `i` may be the
    /// view's length.
    pub fn original_start(&self, i: usize) -> usize {
        if i < self.text.len() {
            self.origin(i).0
        } else {
            self.runs.last().map_or(0, |r| r.end as usize)
        }
    }

    /// The original bytes view byte `i` stands for.
    fn origin(&self, i: usize) -> (usize, usize) {
        let r = self.runs[self.run_of(i)];
        if r.copied {
            let at = r.orig as usize + i - r.view as usize;
            (at, at + 1)
        } else {
            (r.orig as usize, r.end as usize)
        }
    }
}

impl Normalized {
    /// The index of the run holding view byte `i`. Callers ask in text order (the automaton's matches,
    /// then each detector's), so the run of the last answer or the one after it usually holds `i`:
    /// a binary search over a long draft's runs for every match cost more than the rest of the map.
    fn run_of(&self, i: usize) -> usize {
        let runs = &self.runs;
        let holds = |k: usize| runs[k].view as usize <= i && runs.get(k + 1).is_none_or(|n| n.view as usize > i);
        let last = self.last_run.get();
        let k = if last < runs.len() && holds(last) {
            last
        } else if last + 1 < runs.len() && holds(last + 1) {
            last + 1
        } else {
            runs.partition_point(|r| r.view as usize <= i) - 1
        };
        self.last_run.set(k);
        k
    }
}

/// The length of the plain ASCII `b` starts with: printable characters other than the brackets of
/// evasions ("[at]") and the first bytes of placeholders, and spaces between them (a space first or
/// after another is left to `Builder`, which collapses white space).
fn plain_ascii(b: &[u8]) -> usize {
    const PLAIN: ByteSet = ByteSet::graphic_except(b"[({<$%*");
    // Bit 0 of a byte's lane: plain; bit 1: a space.
    const CLASS: [u8; 256] = {
        let mut class = [0u8; 256];
        let mut i = 0;
        while i < 256 {
            class[i] = if PLAIN.contains(i as u8) { 1 } else if i == b' ' as usize { 2 } else { 0 };
            i += 1;
        }
        class
    };
    const LOW: u64 = 0x0101_0101_0101_0101;
    // Each byte on its own: plain, or a space (not the first byte) before a plain one. Eight at a time,
    // as a draft is mostly such bytes: testing one at a time, the end of every word cost a mispredicted branch.
    let accepted = |n: usize| PLAIN.contains(b[n]) || n > 0 && b[n] == b' ' && b.get(n + 1).is_some_and(|&c| PLAIN.contains(c));
    if b.is_empty() || !accepted(0) {
        return 0;
    }
    let mut n = 1;
    while n + 9 <= b.len() {
        let lanes = b[n..n + 8].iter().enumerate().fold(0u64, |m, (j, &c)| m | (CLASS[c as usize] as u64) << (8 * j));
        let plain = lanes & LOW;
        let plain_next = plain >> 8 | ((CLASS[b[n + 8] as usize] & 1) as u64) << 56;
        let ok = plain | lanes >> 1 & LOW & plain_next;
        if ok != LOW {
            return n + (!ok & LOW).trailing_zeros() as usize / 8;
        }
        n += 8;
    }
    while n < b.len() && accepted(n) {
        n += 1;
    }
    n
}

// The buffers of the last view recycled, for the next one: a draft is checked on every keystroke, and
// allocating a buffer the size of the draft each time costs more than filling it (the allocator
// first tidies up everything freed since the last big allocation).
thread_local! {
    static SPARE: Cell<Option<(String, Vec<Run>)>> = const { Cell::new(None) };
}

/// Buffers larger than this go back to the allocator (a pasted book need not stay in memory).
const SPARE_MAX: usize = 1 << 16;

impl Normalized {
    /// Done with the view: keep its buffers for the next draft.
    pub(crate) fn recycle(self) {
        if self.text.capacity() <= SPARE_MAX {
            SPARE.set(Some((self.text, self.runs)));
        }
    }
}

struct Builder {
    text: String,
    runs: Vec<Run>,
}

impl Builder {
    /// `c` stands for original bytes `start..end`.
    fn push(&mut self, c: char, start: usize, end: usize) {
        let view = self.text.len() as u32;
        let (start, end) = (start as u32, end as u32);
        let copied = (end - start) as usize == c.len_utf8();
        match self.runs.last_mut() {
            Some(r) if copied && r.copied && r.end == start => r.end = end,
            Some(r) if !copied && !r.copied && r.orig == start && r.end == end => {}
            _ => self.runs.push(Run { view, orig: start, end, copied }),
        }
        self.text.push(c);
    }

    /// Printable ASCII at original byte `start`, lowercased.
    fn copy_ascii(&mut self, s: &str, start: usize) {
        let view = self.text.len();
        match self.runs.last_mut() {
            Some(r) if r.copied && r.end as usize == start => r.end += s.len() as u32,
            _ => self.runs.push(Run { view: view as u32, orig: start as u32, end: (start + s.len()) as u32, copied: true }),
        }
        self.text.push_str(s);
        self.text[view..].make_ascii_lowercase();
    }

    /// Runs of separators collapse into one space that spans them all; none at the very start.
    fn space(&mut self, start: usize, end: usize) {
        if self.text.as_bytes().last() == Some(&b' ') {
            self.extend_last(end);
        } else if !self.text.is_empty() {
            self.push(' ', start, end);
        }
    }

    /// The last byte of the view now stands for original bytes up to `end` too.
    fn extend_last(&mut self, end: usize) {
        let last = self.text.len() as u32 - 1;
        let r = self.runs.last_mut().expect("the view is not empty");
        if r.view == last {
            r.copied = false;
            r.end = end as u32;
        } else if r.copied {
            r.end -= 1;
            let orig = r.end;
            self.runs.push(Run { view: last, orig, end: end as u32, copied: false });
        } else {
            let orig = r.orig;
            self.runs.push(Run { view: last, orig, end: end as u32, copied: false });
        }
    }
}

/// Letters spelled out one at a time ("i n s t a g r a m", "i*n*s*t*a*g*r*a*m") join into the word they
/// spell, so phrases match them. Only runs of five or more single letters count: "a b c" and "U.S.A."
/// stay as they are. A spaced dot or at between two letters of a run (" . ", " @ ") is kept as part of
/// an address spelled out letter by letter: "w w w . m y s h o p . c o m" reads "www.myshop.com".
fn join_spelled_out_words(view: Normalized) -> Normalized {
    if !may_spell_out(view.text.as_bytes()) {
        return view;
    }
    let drop = spelled_out_separators(&view.text);
    if drop.is_empty() {
        return view;
    }
    let mut out = Builder { text: String::with_capacity(view.text.len()), runs: Vec::with_capacity(view.runs.len()) };
    let mut d = drop.iter().peekable();
    for (i, c) in view.text.char_indices() {
        if d.peek() == Some(&&i) {
            d.next();
            continue;
        }
        let (start, _) = view.origin(i);
        let (_, end) = view.origin(i + c.len_utf8() - 1);
        out.push(c, start, end);
    }
    Normalized { text: out.text, runs: out.runs, placeholders: view.placeholders, last_run: Cell::new(0) }
}

#[inline]
const fn is_separator(b: u8) -> bool {
    const SEPARATORS: ByteSet = ByteSet::new(b" *._-+~");
    SEPARATORS.contains(b)
}

/// Whether four characters in a row each follow a separator and stand alone (" n s t a", "*x*y*z*w"),
/// as the letters after the first of five spelled-out ones do: a quick look at the bytes before the
/// careful one.
fn may_spell_out(b: &[u8]) -> bool {
    spell_out_scan(b, next_run_start)
}

/// `may_spell_out`'s loop; outside a run it moves to `skip(b, k)`, the next place a run may start
/// (the tests give it one that stays put, to compare with reading every byte).
#[inline(always)]
fn spell_out_scan(b: &[u8], skip: fn(&[u8], usize) -> usize) -> bool {
    let mut alone = 0;
    let mut k = 0;
    while k + 1 < b.len() {
        // Outside a run, every byte but one that starts a run moves on by one: go straight to the next.
        if alone == 0 {
            k = skip(b, k);
            if k + 1 >= b.len() {
                return false;
            }
        }
        // A spaced dot continues the run like one separator.
        if alone > 0 && dotted_gap(b, k) == 3 {
            k += 2;
            continue;
        }
        if is_separator(b[k]) && !is_separator(b[k + 1]) {
            let len = match b[k + 1] {
                0xF0.. => 4,
                0xE0.. => 3,
                0xC0.. => 2,
                _ => 1,
            };
            match b.get(k + 1 + len) {
                Some(&n) if is_separator(n) => {
                    alone += 1;
                    if alone == 4 {
                        return true;
                    }
                    k += 1 + len;
                    continue;
                }
                Some(n) if n.is_ascii_alphanumeric() => {}
                _ if alone == 3 => return true,
                _ => {}
            }
        }
        alone = 0;
        k += 1;
    }
    false
}

/// The first `k` at or after `from` where a character may stand alone after a separator: a separator,
/// then a byte that is not one, then a separator (or a byte that is not ASCII, which starts a longer
/// character); `b.len()` when there is none. Eight bytes at a time: prose has a separator every few
/// bytes, and testing each one was most of the cost of `may_spell_out`.
fn next_run_start(b: &[u8], from: usize) -> usize {
    const LOW: u64 = 0x0101_0101_0101_0101;
    // Bit 0 of a byte's lane: a separator; bit 1: not ASCII.
    let lanes = |w: &[u8]| w.iter().enumerate().fold(0u64, |m, (j, &c)| m | (CLASS[c as usize] as u64) << (8 * j));
    let mut at = from;
    if at + 16 <= b.len() {
        let mut cur = lanes(&b[at..at + 8]);
        while at + 16 <= b.len() {
            let next = lanes(&b[at + 8..at + 16]);
            let sep = cur & LOW;
            let sep_next = next & LOW;
            // Lane j of each: byte at + j + 1 (+ 2) is a separator, byte at + j + 1 is not ASCII.
            let sep1 = sep >> 8 | sep_next << 56;
            let sep2 = sep >> 16 | sep_next << 48;
            let wide1 = (cur >> 1 & LOW) >> 8 | (next >> 1 & LOW) << 56;
            let found = sep & !sep1 & (sep2 | wide1);
            if found != 0 {
                return at + found.trailing_zeros() as usize / 8;
            }
            cur = next;
            at += 8;
        }
    }
    while at + 1 < b.len() {
        if is_separator(b[at]) && !is_separator(b[at + 1]) && (b[at + 1] >= 0x80 || b.get(at + 2).is_some_and(|&c| is_separator(c))) {
            return at;
        }
        at += 1;
    }
    b.len()
}

/// `next_run_start`'s classes: 1 for a separator, 2 for a byte that is not ASCII.
const CLASS: [u8; 256] = {
    let mut class = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        class[i] = if i >= 0x80 { 2 } else if is_separator(i as u8) { 1 } else { 0 };
        i += 1;
    }
    class
};

/// The length of a spaced dot or at (" . ", " @ ") at `k`, else 0.
fn dotted_gap(b: &[u8], k: usize) -> usize {
    match b.get(k..k + 3) {
        Some([b' ', b'.' | b'@', b' ']) => 3,
        _ => 0,
    }
}

/// Byte offsets of the separators between the letters of spelled-out words.
fn spelled_out_separators(text: &str) -> Vec<usize> {
    const MIN_LETTERS: usize = 5;
    let is_sep = |c: char| c.is_ascii() && is_separator(c as u8);
    let mut drop = Vec::new();
    // The chain being read: its letters, the bytes to drop between them (`seps`, where the gaps after
    // each letter end in `gaps`), and whether a separator is next.
    let mut seps: Vec<usize> = Vec::new();
    let mut gaps: Vec<usize> = Vec::new();
    let mut letters = 0;
    let mut after_letter = false;
    let end_chain = |letters: &mut usize, seps: &mut Vec<usize>, gaps: &mut Vec<usize>, drop: &mut Vec<usize>| {
        if *letters >= MIN_LETTERS {
            drop.extend_from_slice(&seps[..gaps[*letters - 2]]);
        }
        *letters = 0;
        seps.clear();
        gaps.clear();
    };
    // Each character with the ones either side, to tell a single letter.
    let mut chars = text.char_indices().peekable();
    let mut prev: Option<char> = None;
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let single = c.is_alphabetic() && !prev.is_some_and(char::is_alphanumeric) && !next.is_some_and(char::is_alphanumeric);
        prev = Some(c);
        if letters > 0 && after_letter && dotted_gap(text.as_bytes(), i) == 3 {
            // " . ", " @ ": the spaces go, the dot or at stays.
            seps.extend([i, i + 2]);
            gaps.push(seps.len());
            chars.next();
            chars.next();
            prev = Some(' ');
            after_letter = false;
        } else if letters > 0 && after_letter && is_sep(c) {
            seps.push(i);
            gaps.push(seps.len());
            after_letter = false;
        } else if letters > 0 && !after_letter && single {
            letters += 1;
            after_letter = true;
        } else {
            end_chain(&mut letters, &mut seps, &mut gaps, &mut drop);
            if single {
                letters = 1;
                after_letter = true;
            }
        }
    }
    end_chain(&mut letters, &mut seps, &mut gaps, &mut drop);
    drop
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
        assert_eq!(view("w w w . m y s h o p . c o m"), "www.myshop.com");
        assert_eq!(view("w w w . s h o p . c o m"), "www.shop.com");
        assert_eq!(view("n a m e @ m a i l . c o m"), "name@mail.com");
        assert_eq!(view("a . b and c . d"), "a . b and c . d");
    }

    /// `may_spell_out` as it was before it skipped ahead, byte by byte.
    fn may_spell_out_bytewise(b: &[u8]) -> bool {
        spell_out_scan(b, |_, k| k)
    }

    #[test]
    fn skipping_ahead_finds_what_reading_every_byte_finds() {
        let pieces = [" ", "a", "b", ".", "*", "-", "é", "中", "😀", "ab", " . ", " @ ", "x y", ",", "1", "~", "_+"];
        for s in crate::text::random_texts(&pieces, 7, 20_000, 40) {
            assert_eq!(may_spell_out(s.as_bytes()), may_spell_out_bytewise(s.as_bytes()), "{s:?}");
        }
    }

    #[test]
    fn plain_ascii_takes_what_a_byte_by_byte_scan_takes() {
        const PLAIN: ByteSet = ByteSet::graphic_except(b"[({<$%*");
        let bytewise = |b: &[u8]| {
            let mut n = 0;
            loop {
                n += b[n..].iter().position(|&c| !PLAIN.contains(c)).unwrap_or(b.len() - n);
                if n > 0 && n + 1 < b.len() && b[n] == b' ' && PLAIN.contains(b[n + 1]) {
                    n += 1;
                } else {
                    return n;
                }
            }
        };
        let pieces = ["a", "word", " ", "  ", "\n", "[", "$", "é", ".", "Z", "~", "\u{7f}", "*", "x y"];
        for s in crate::text::random_texts(&pieces, 11, 20_000, 30) {
            for from in 0..s.len().min(3) {
                assert_eq!(plain_ascii(&s.as_bytes()[from..]), bytewise(&s.as_bytes()[from..]), "{s:?} from {from}");
            }
        }
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
