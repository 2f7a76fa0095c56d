//! Text plumbing: what the matchers see (a folded copy of the draft) and how positions in it map back
//! to the seller's text. Everything above this module speaks in byte offsets into the original text;
//! only the report converts them to UTF-16.

pub mod bytes;
pub mod fold;
pub mod normalize;
pub mod placeholders;
pub mod sentences;
pub mod utf16;

pub use normalize::Normalized;
pub use sentences::Sentences;
pub use utf16::Utf16Index;

/// A half-open byte range into the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// Seeded random texts glued from `pieces`, up to `max_pieces` each, for tests that compare a fast
/// scan with the byte-by-byte one it replaces (the same texts on every run).
#[cfg(test)]
pub(crate) fn random_texts<'a>(pieces: &'a [&'a str], seed: u64, count: usize, max_pieces: u64) -> impl Iterator<Item = String> + 'a {
    let mut seed = seed;
    (0..count).map(move |round| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let mut s = String::new();
        let mut r = seed;
        for _ in 0..seed % max_pieces {
            s.push_str(pieces[(r % pieces.len() as u64) as usize]);
            r = r.rotate_left(7) ^ (r >> 3) ^ round as u64;
        }
        s
    })
}
