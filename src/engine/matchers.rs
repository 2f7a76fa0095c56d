//! A matcher's conditions with every name resolved, once per book: sets and topics become bit masks
//! and the detector an index, so testing a match against them compares bits, not strings.

use crate::detect;
use crate::report::Category;
use crate::rulebook::{Book, Matcher};

/// One bit per set or topic of a book, in book order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Bits(Vec<u64>);

impl Bits {
    pub fn new(len: usize) -> Self {
        Bits(vec![0; len.div_ceil(64)])
    }

    pub fn set(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }

    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|&w| w == 0)
    }

    pub fn intersects(&self, other: &[u64]) -> bool {
        self.0.iter().zip(other).any(|(a, b)| a & b != 0)
    }

    pub fn words(&self) -> &[u64] {
        &self.0
    }

    /// Whether a bit is set where `flags` is true.
    pub fn any_of(&self, flags: &[bool]) -> bool {
        flags.iter().enumerate().any(|(i, &on)| on && self.0[i / 64] & (1 << (i % 64)) != 0)
    }
}

pub struct Conditions {
    pub sentence_any: Bits,
    pub sentence_none: Bits,
    pub message_any: Bits,
    pub message_none: Bits,
    /// "critical" and "noncritical" stand for the topics they name.
    pub topics_any: Bits,
    pub topics_none: Bits,
    /// Index into `detect::TAGS`.
    pub detector: Option<usize>,
    pub needs_opted_out: bool,
    pub needs_critical_route: bool,
    /// An option nobody can set (build.rs rejects them; a match then never counts).
    pub needs_unknown: bool,
    pub alone: bool,
}

impl Conditions {
    pub fn new(book: &Book, m: &Matcher) -> Self {
        let sets = |names: &[&str]| {
            let mut bits = Bits::new(book.sets.len());
            names.iter().filter_map(|n| book.set_index(n)).for_each(|i| bits.set(i));
            bits
        };
        let topics = |names: &[&str]| {
            let mut bits = Bits::new(book.topics.len());
            for (i, t) in book.topics.iter().enumerate() {
                let named = names.iter().any(|&n| {
                    t.id == n
                        || (n == "critical" && t.category == Category::Critical)
                        || (n == "noncritical" && t.category == Category::Noncritical && t.substantive)
                });
                if named {
                    bits.set(i);
                }
            }
            bits
        };
        Conditions {
            sentence_any: sets(m.sentence_any),
            sentence_none: sets(m.sentence_none),
            message_any: sets(m.message_any),
            message_none: sets(m.message_none),
            topics_any: topics(m.topics_any),
            topics_none: topics(m.topics_none),
            detector: detect::TAGS.iter().position(|&t| !m.detector.is_empty() && t == m.detector),
            needs_opted_out: m.options_any.contains(&"opted_out"),
            needs_critical_route: m.options_any.contains(&"critical_route"),
            needs_unknown: m.options_any.iter().any(|o| !matches!(*o, "opted_out" | "critical_route")),
            alone: m.alone,
        }
    }
}

/// The conditions of every matcher of a book: topics' first, then rules'.
pub struct AllConditions {
    book: &'static Book,
    all: Vec<Conditions>,
    /// Topics that make a message about something, for `alone`.
    pub substantive: Bits,
}

impl AllConditions {
    pub fn new(book: &'static Book) -> Self {
        let matchers = book.topics.iter().map(|t| &t.matcher).chain(book.rules.iter().map(|r| &r.matcher));
        let all = matchers.map(|m| Conditions::new(book, m)).collect();
        let mut substantive = Bits::new(book.topics.len());
        book.topics.iter().enumerate().filter(|(_, t)| t.substantive).for_each(|(i, _)| substantive.set(i));
        AllConditions { book, all, substantive }
    }

    /// The conditions of `m`, a matcher of this book: callers hand over `&topic.matcher` or
    /// `&rule.matcher`, so where it sits in the book's static slices says which one it is.
    pub fn get(&self, m: &Matcher) -> Option<&Conditions> {
        let topic = index_in(self.book.topics, m, |t| &t.matcher);
        let rule = || index_in(self.book.rules, m, |r| &r.matcher).map(|i| self.book.topics.len() + i);
        topic.or_else(rule).map(|i| &self.all[i])
    }
}

/// The index of the item of `items` whose matcher `m` is.
fn index_in<T>(items: &[T], m: &Matcher, matcher: impl Fn(&T) -> &Matcher) -> Option<usize> {
    let first = matcher(items.first()?) as *const Matcher as usize;
    let offset = (m as *const Matcher as usize).checked_sub(first)?;
    let i = offset / std::mem::size_of::<T>();
    (offset % std::mem::size_of::<T>() == 0 && items.get(i).is_some_and(|item| std::ptr::eq(matcher(item), m))).then_some(i)
}
