//! Everything a matcher's conditions look at, computed once per draft, and the test of one match
//! against them.

use super::compile::Compiled;
use super::matchers::{Bits, Conditions};
use super::scan::Hits;
use crate::detect;
use crate::options::Options;
use crate::rulebook::Matcher;
use crate::text::{Normalized, Sentences, Span};

pub struct Context<'a> {
    pub text: &'a str,
    pub compiled: &'static Compiled,
    pub sentences: Sentences,
    pub hits: Hits,
    pub options: &'a Options,
    pub critical_route: bool,
    /// For each sentence, which sets have a phrase in it (bit per set, `set_words` words a sentence).
    sentence_sets: Vec<u64>,
    set_words: usize,
    message_sets: Bits,
    /// The candidates' spans by detector (`detect::TAGS` order).
    detected: Vec<Vec<Span>>,
}

/// Which topics the message shows, for rules' topic conditions.
pub struct TopicState {
    pub present: Vec<bool>,
}

impl<'a> Context<'a> {
    pub fn new(text: &'a str, compiled: &'static Compiled, options: &'a Options, critical_route: bool) -> Self {
        let view = Normalized::new(text);
        let sentences = Sentences::split(text);
        let hits = Hits::scan(compiled, &view);
        let candidates = detect::run(text, &view);
        view.recycle();
        let set_words = compiled.book.sets.len().div_ceil(64);
        let mut sentence_sets = vec![0u64; set_words * sentences.len()];
        let mut message_sets = Bits::new(compiled.book.sets.len());
        for (set, spans) in hits.sets() {
            message_sets.set(set);
            for span in spans {
                if let Some(s) = sentences.index_of(span.start) {
                    sentence_sets[s * set_words + set / 64] |= 1 << (set % 64);
                }
            }
        }
        let mut detected = vec![Vec::new(); detect::TAGS.len()];
        for c in &candidates {
            if let Some(tag) = detect::TAGS.iter().position(|&t| t == c.tag) {
                detected[tag].push(c.span);
            }
        }
        Context { text, compiled, sentences, hits, options, critical_route, sentence_sets, set_words, message_sets, detected }
    }

    fn sentence_has(&self, sentence: Option<usize>, sets: &Bits) -> bool {
        let Some(s) = sentence else { return false };
        sets.intersects(&self.sentence_sets[s * self.set_words..(s + 1) * self.set_words])
    }

    /// Candidate spans for `m` from its phrases/patterns (`own`), its detector and its topic
    /// (`topic_spans`), kept when every condition holds, longest first where they overlap.
    pub fn accept(&self, m: &Matcher, own: &[Span], exceptions: &[Span], topic_spans: &[Span], topics: Option<&TopicState>) -> Vec<Span> {
        // Most matchers find nothing in a draft: no conditions to look up or test then.
        if own.is_empty() && topic_spans.is_empty() && m.detector.is_empty() {
            return Vec::new();
        }
        let resolved;
        let c = match self.compiled.conditions.get(m) {
            Some(c) => c,
            None => {
                resolved = Conditions::new(self.compiled.book, m);
                &resolved
            }
        };
        let detected: &[Span] = c.detector.map_or(&[], |d| &self.detected[d]);
        if own.is_empty() && detected.is_empty() && topic_spans.is_empty() || !self.message_conditions_hold(c, topics) {
            return Vec::new();
        }
        // Sized for every candidate: collecting through the filters grew the list a step at a time.
        let mut spans: Vec<Span> = Vec::with_capacity(own.len() + detected.len() + topic_spans.len());
        spans.extend(own
            .iter()
            .chain(detected)
            .chain(topic_spans)
            .copied()
            .filter(|s| !exceptions.iter().any(|e| e.overlaps(s)))
            .filter(|s| {
                if c.sentence_any.is_empty() && c.sentence_none.is_empty() {
                    return true;
                }
                let sentence = self.sentences.index_of(s.start);
                (c.sentence_any.is_empty() || self.sentence_has(sentence, &c.sentence_any)) && !self.sentence_has(sentence, &c.sentence_none)
            }));
        merge_overlapping(&mut spans);
        spans
    }

    /// Whether `m`'s conditions on the whole message hold: when they do not, `accept` finds nothing,
    /// whatever the candidates.
    pub fn message_conditions_of(&self, m: &Matcher, topics: Option<&TopicState>) -> bool {
        match self.compiled.conditions.get(m) {
            Some(c) => self.message_conditions_hold(c, topics),
            None => self.message_conditions_hold(&Conditions::new(self.compiled.book, m), topics),
        }
    }

    fn message_conditions_hold(&self, c: &Conditions, topics: Option<&TopicState>) -> bool {
        if !c.message_any.is_empty() && !c.message_any.intersects(self.message_sets.words()) {
            return false;
        }
        if c.message_none.intersects(self.message_sets.words()) {
            return false;
        }
        if c.needs_unknown || c.needs_opted_out && !self.options.opted_out || c.needs_critical_route && !self.critical_route {
            return false;
        }
        let Some(state) = topics else { return true };
        if !c.topics_any.is_empty() && !c.topics_any.any_of(&state.present) {
            return false;
        }
        if c.topics_none.any_of(&state.present) {
            return false;
        }
        !(c.alone && self.compiled.conditions.substantive.any_of(&state.present))
    }
}

/// Sorts by start and merges overlapping spans: phrases of one rule that overlap ("could you please
/// cancel the order" and "cancel the order from your account") are one problem, shown as one span.
fn merge_overlapping(spans: &mut Vec<Span>) {
    spans.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut kept = 0;
    for i in 0..spans.len() {
        let s = spans[i];
        if kept > 0 && spans[kept - 1].overlaps(&s) {
            spans[kept - 1].end = spans[kept - 1].end.max(s.end);
        } else {
            spans[kept] = s;
            kept += 1;
        }
    }
    spans.truncate(kept);
}
