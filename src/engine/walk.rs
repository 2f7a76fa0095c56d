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
}

/// Every head of `pieces` (see `expand::alternatives`) with where it leaves the template: the
/// phrases' first `HEAD_BYTES` or more bytes, up to the end of a piece (all of a phrase shorter than
/// that). None when the template has a run of spaces and stars no book writes.
pub fn heads(pieces: &[Vec<String>], template: u32) -> Option<Vec<(String, Resume)>> {
    fn grow(pieces: &[Vec<String>], at: usize, head: &str, pending: Pending, template: u32, out: &mut Vec<(String, Resume)>) -> bool {
        if head.len() >= HEAD_BYTES || at == pieces.len() {
            // A phrase of spaces and stars only matches nothing (`expand` drops an empty one).
            if !head.is_empty() {
                out.push((head.to_string(), Resume { template, piece: at as u32, pending }));
            }
            return true;
        }
        pieces[at].iter().all(|alternative| {
            let mut head = head.to_string();
            let mut pending = pending;
            for c in alternative.chars() {
                let ok = match c {
                    // As `expand::push_collapsed`: no space at the start, none after a space.
                    ' ' => head.is_empty() && pending.is_empty() || pending.last_is(false) || pending.push(false),
                    '*' => pending.push(true),
                    c => {
                        head.extend(pending.bytes().map(char::from));
                        pending = Pending::default();
                        head.push(c);
                        true
                    }
                };
                if !ok {
                    return false;
                }
            }
            grow(pieces, at + 1, &head, pending, template, out)
        })
    }
    let mut out = Vec::new();
    grow(pieces, 0, "", Pending::default(), template, &mut out).then_some(out)
}

/// Every phrase of `pieces` that continues at `at` in `text` (the matching view), the head before it
/// having left `pending`: `found(end, prefix)` with where the phrase ends in the text and whether it
/// ends in `*`. The same end may be reported more than once (two alternatives reading the same).
pub fn walk(text: &[u8], at: usize, pending: Pending, pieces: &[Vec<String>], found: &mut impl FnMut(usize, bool)) {
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
    'alternatives: for alternative in alternatives {
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
        let pieces = alternatives(template).unwrap();
        let mut walked = Vec::new();
        for (head, resume) in heads(&pieces, 0).unwrap() {
            for (start, _) in text.match_indices(head.as_str()) {
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
