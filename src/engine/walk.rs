//! Phrase templates without slots, matched without expanding them. The automaton looks only for each
//! template's heads (its phrases cut short once they are `HEAD_BYTES` long); where it finds one, the
//! rest of the template is read off the text, one alternative at a time. The phrases matched are
//! exactly the ones `expand` lists, found wherever the automaton would find them, but compiling a
//! book no longer spells out tens of thousands of phrases before the first keystroke.

/// How long a head must be before the rest of its template is left to the walk: long enough to be
/// rare in a draft (each find starts a walk), short enough that a template has few heads.
pub const HEAD_BYTES: usize = 6;

/// The spaces and '*' at the end of a phrase read so far, in order (a set bit is a '*'). They are
/// matched only when a later character follows them: a phrase drops a trailing space, and a trailing
/// '*' makes it a prefix (`review*`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pending {
    len: u8,
    stars: u64,
}

impl Pending {
    const MAX: u8 = 64;

    fn is_empty(self) -> bool {
        self.len == 0
    }

    fn len(self) -> usize {
        self.len as usize
    }

    fn last_is(self, star: bool) -> bool {
        self.len > 0 && (self.stars >> (self.len - 1) & 1 == 1) == star
    }

    /// False when the run is longer than any book writes (the template is then left out, see `heads`).
    fn push(&mut self, star: bool) -> bool {
        if self.len == Self::MAX {
            return false;
        }
        self.stars |= (star as u64) << self.len;
        self.len += 1;
        true
    }

    fn pop(&mut self) {
        self.len -= 1;
        self.stars &= !(1 << self.len);
    }

    fn bytes(self) -> impl Iterator<Item = u8> {
        (0..self.len).map(move |i| if self.stars >> i & 1 == 1 { b'*' } else { b' ' })
    }

    /// Where the pending characters end if they are at `at` in `text`.
    fn matched(self, text: &[u8], at: usize) -> Option<usize> {
        let end = at + self.len as usize;
        (end <= text.len() && self.bytes().zip(&text[at..end]).all(|(p, &t)| p == t)).then_some(end)
    }
}

/// Where the automaton's find of a head leaves a template: which template, the piece its rest starts
/// at, and the head's pending spaces and stars.
#[derive(Debug, Clone, Copy)]
pub struct Resume {
    pub template: u32,
    pub piece: u32,
    pub pending: Pending,
    /// The ASCII bytes the text may hold after the head and the pending spaces and stars.
    follow: u128,
}

impl Resume {
    /// Whether the rest of the template may continue at `at` in `text`: most heads found are not
    /// followed by their template (every "please" in a draft finds the head of "please leave…"), and
    /// one byte says so before the walk reads the template's pieces from memory.
    #[inline]
    pub fn may_continue(&self, text: &[u8], at: usize) -> bool {
        match text.get(at + self.pending.len()) {
            Some(&b) if b < 0x80 => self.follow >> b & 1 == 1,
            // Not ASCII, or the end of the text (where a pending run of spaces may still be dropped).
            _ => true,
        }
    }
}

/// What `Resume::follow` allows for the rest `pieces` of a template: the first bytes of the first
/// piece's alternatives, or anything when one of them may match without a character of its own (it
/// is empty, or starts with a space or a star) or nothing is left to match.
fn follow(pieces: &[Alternatives]) -> u128 {
    pieces.first().map_or(u128::MAX, |first| first.follow)
}

/// One piece of a template (see `expand::alternatives`): its alternatives, and beside them what each
/// needs next in the text. A walk tries every alternative of a piece where only one or two can match:
/// a row of bytes rules the rest out without reading them.
pub struct Alternatives {
    /// Slices of the book's templates (or, for the few with an escape, strings kept for the life of
    /// the compiled book).
    pub words: Vec<&'static str>,
    /// For each alternative, its first byte when that is a character the text must hold (not a space
    /// or `*`, which match in more than one way), else 0.
    firsts: Vec<u8>,
    /// The ASCII bytes one of them may start at (`firsts`, as bits), or every byte when one may match
    /// without a character of its own: most walks reach a piece none of whose alternatives is there.
    /// An empty alternative leaves the next byte to the pieces after it (see `pieces`).
    follow: u128,
}

impl Alternatives {
    /// The pieces of a template: each piece's alternatives, and what each allows next.
    pub fn pieces(pieces: Vec<Vec<&'static str>>) -> Vec<Alternatives> {
        let mut out: Vec<Alternatives> = pieces.into_iter().map(Alternatives::new).collect();
        // A piece with an empty alternative ("(us |)") lets the text go on with what the next piece
        // allows, where it did not rule anything out: the byte the next piece needs is the same one
        // (nothing of the text is read for the empty alternative). After the last piece, anything.
        let mut after = u128::MAX;
        for piece in out.iter_mut().rev() {
            if piece.words.iter().any(|w| w.is_empty()) {
                piece.follow |= after;
            }
            after = piece.follow;
        }
        out
    }

    fn new(words: Vec<&'static str>) -> Self {
        let firsts: Vec<u8> = words.iter().map(|w| w.bytes().next().filter(|b| !matches!(b, b' ' | b'*')).unwrap_or(0)).collect();
        let mut follow = 0u128;
        for (w, &b) in words.iter().zip(&firsts) {
            match b {
                // Empty: what follows the piece (see `pieces`).
                0 if w.is_empty() => {}
                0 => follow = u128::MAX,
                0x80.. => {}
                b => follow |= 1 << b,
            }
        }
        Alternatives { words, firsts, follow }
    }
}

/// Every head of `pieces` (see `expand::alternatives`) with where it leaves the template, handed to
/// `found`: the phrases' first `HEAD_BYTES` or more bytes, up to the end of a piece (all of a phrase
/// shorter than that). False when the template has a run of spaces and stars no book writes (some
/// heads may have been handed over before that was found). The heads are written into one buffer,
/// not a string each: a book has thousands, read before the first keystroke is checked.
pub fn heads(pieces: &[Alternatives], template: u32, found: &mut impl FnMut(&str, Resume)) -> bool {
    fn grow(pieces: &[Alternatives], at: usize, head: &mut String, pending: Pending, template: u32, found: &mut impl FnMut(&str, Resume)) -> bool {
        if head.len() >= HEAD_BYTES || at == pieces.len() {
            // A phrase of spaces and stars only matches nothing (`expand` drops an empty one).
            if !head.is_empty() {
                found(head, Resume { template, piece: at as u32, pending, follow: follow(&pieces[at..]) });
            }
            return true;
        }
        let len = head.len();
        let all = pieces[at].words.iter().all(|alternative| {
            head.truncate(len);
            let mut pending = pending;
            let bytes = alternative.as_bytes();
            let mut k = 0;
            while k < bytes.len() {
                let ok = match bytes[k] {
                    // As `expand::push_collapsed`: no space at the start, none after a space.
                    b' ' => head.is_empty() && pending.is_empty() || pending.last_is(false) || pending.push(false),
                    b'*' => pending.push(true),
                    // Text up to the next space or star, in one piece.
                    _ => {
                        let end = bytes[k..].iter().position(|&b| b == b' ' || b == b'*').map_or(bytes.len(), |n| k + n);
                        head.extend(pending.bytes().map(char::from));
                        pending = Pending::default();
                        head.push_str(&alternative[k..end]);
                        k = end;
                        continue;
                    }
                };
                if !ok {
                    return false;
                }
                k += 1;
            }
            grow(pieces, at + 1, head, pending, template, found)
        });
        head.truncate(len);
        all
    }
    grow(pieces, 0, &mut String::new(), Pending::default(), template, found)
}

/// Every phrase of `pieces` that continues at `at` in `text` (the matching view), the head before it
/// having left `pending`: `found(end, prefix)` with where the phrase ends in the text and whether it
/// ends in `*`. The same end may be reported more than once (two alternatives reading the same).
#[inline]
pub fn walk(text: &[u8], at: usize, pending: Pending, pieces: &[Alternatives], found: &mut impl FnMut(usize, bool)) {
    // Checked before the call: most pieces reached have no alternative starting with the next byte
    // (a byte that is not ASCII, or the end of the text, is left to the walk).
    if let Some(first) = pieces.first() {
        if let Some(&b) = text.get(at + pending.len()).filter(|&&b| b < 0x80) {
            if first.follow >> b & 1 == 0 {
                return;
            }
        }
    }
    walk_pieces(text, at, pending, pieces, found)
}

/// `walk` without its first check, for a caller that made it (`Resume::may_continue` asks the same).
pub fn walk_pieces(text: &[u8], at: usize, pending: Pending, pieces: &[Alternatives], found: &mut impl FnMut(usize, bool)) {
    let Some((alternatives, rest)) = pieces.split_first() else {
        // As `expand` ends a phrase: a trailing space dropped, trailing stars make a prefix.
        let mut pending = pending;
        if pending.last_is(false) {
            pending.pop();
        }
        let prefix = pending.last_is(true);
        while pending.last_is(true) {
            pending.pop();
        }
        if let Some(end) = pending.matched(text, at) {
            found(end, prefix);
        }
        return;
    };
    // An alternative that starts with a character finds it after the pending spaces and stars.
    let next = text.get(at + pending.len()).copied().unwrap_or(0);
    'alternatives: for (alternative, &first) in alternatives.words.iter().zip(&alternatives.firsts) {
        if first != 0 && first != next {
            continue;
        }
        let mut at = at;
        let mut pending = pending;
        for &b in alternative.as_bytes() {
            match b {
                b' ' if pending.last_is(false) => {}
                b' ' | b'*' => {
                    if !pending.push(b == b'*') {
                        continue 'alternatives;
                    }
                }
                b => {
                    if !pending.is_empty() {
                        match pending.matched(text, at) {
                            Some(end) => at = end,
                            None => continue 'alternatives,
                        }
                        pending = Pending::default();
                    }
                    if text.get(at) != Some(&b) {
                        continue 'alternatives;
                    }
                    at += 1;
                }
            }
        }
        walk(text, at, pending, rest, found);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rulebook::expand::{alternatives, expand};

    /// Every phrase of `template` found in `text` by heads and walks, as (start, end, prefix), against
    /// every expanded phrase found by plain search.
    fn both(template: &str, text: &str) -> (Vec<(usize, usize, bool)>, Vec<(usize, usize, bool)>) {
        // The compiled book keeps its alternatives for good; so do these tests.
        let pieces = Alternatives::pieces(
            alternatives(template).unwrap().into_iter().map(|words| words.into_iter().map(|w| &*w.into_owned().leak()).collect()).collect(),
        );
        let mut found = Vec::new();
        assert!(heads(&pieces, 0, &mut |head, resume| found.push((head.to_string(), resume))));
        let mut walked = Vec::new();
        for (head, resume) in found {
            // As the scan does: a walk only where the byte after the head lets the template go on.
            for (start, _) in text.match_indices(head.as_str()).filter(|(start, _)| resume.may_continue(text.as_bytes(), start + head.len())) {
                walk(text.as_bytes(), start + head.len(), resume.pending, &pieces[resume.piece as usize..], &mut |end, prefix| {
                    walked.push((start, end, prefix))
                });
            }
        }
        let mut expanded = Vec::new();
        for phrase in expand(template).unwrap() {
            let body = phrase.trim_end_matches('*');
            for (start, _) in text.match_indices(body) {
                expanded.push((start, start + body.len(), phrase.ends_with('*')));
            }
        }
        for v in [&mut walked, &mut expanded] {
            v.sort();
            v.dedup();
        }
        (walked, expanded)
    }

    #[test]
    fn walks_find_what_expanding_finds() {
        let text = "please leave us a review, leave a  review or leave a rating. leave reviews*, if you've had a \
                    great time; x *y at the end leave";
        for template in [
            "leave (us |)a (review|rating)",
            "leave (us |)(a |)review*",
            "(leave|leaving) (us |me |)(a |an |)(review|reviews|rating)",
            "(your |the |)(review|rating)",
            "if you('ve|'d| have|) had a (good|great) (time|experience)",
            "leave (review* |)",
            "x (\\*|)(y|) *y",
            "(at the |)end (leave|)",
            "a",
        ] {
            let (walked, expanded) = both(template, text);
            assert_eq!(walked, expanded, "{template}");
        }
    }
}
