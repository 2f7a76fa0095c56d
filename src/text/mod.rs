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
