//! Everything a matcher's conditions look at, computed once per draft, and the test of one match
//! against them.

use super::compile::Compiled;
use super::scan::Hits;
use crate::detect::{self, Candidate};
use crate::options::Options;
use crate::report::Category;
use crate::rulebook::Matcher;
use crate::text::{Normalized, Sentences, Span};

pub struct Context<'a> {
    pub text: &'a str,
    pub compiled: &'static Compiled,
    pub sentences: Sentences,
    pub hits: Hits,
    pub candidates: Vec<Candidate>,
    pub options: &'a Options,
    pub critical_route: bool,
    /// For each sentence, which sets have a phrase in it (bit per set).
    sentence_sets: Vec<Vec<u64>>,
    message_sets: Vec<bool>,
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
        let words = compiled.book.sets.len().div_ceil(64);
        let mut sentence_sets = vec![vec![0u64; words]; sentences.len()];
        let mut message_sets = vec![false; compiled.book.sets.len()];
        for (set, spans) in hits.sets.iter().enumerate() {
            message_sets[set] = !spans.is_empty();
            for span in spans {
                if let Some(s) = sentences.index_of(span.start) {
                    sentence_sets[s][set / 64] |= 1 << (set % 64);
                }
            }
        }
        Context { text, compiled, sentences, hits, candidates, options, critical_route, sentence_sets, message_sets }
    }

    fn sentence_has(&self, sentence: Option<usize>, sets: &[&str]) -> bool {
        let Some(s) = sentence else { return false };
        sets.iter().filter_map(|n| self.compiled.book.set_index(n)).any(|i| self.sentence_sets[s][i / 64] & (1 << (i % 64)) != 0)
    }

    fn message_has(&self, sets: &[&str]) -> bool {
        sets.iter().filter_map(|n| self.compiled.book.set_index(n)).any(|i| self.message_sets[i])
    }

    /// Candidate spans for `m` from its phrases/patterns (`own`), its detector and its topic
    /// (`topic_spans`), kept when every condition holds, longest first where they overlap.
    pub fn accept(&self, m: &Matcher, own: &[Span], exceptions: &[Span], topic_spans: &[Span], topics: Option<&TopicState>) -> Vec<Span> {
        if !self.message_conditions_hold(m, topics) {
            return Vec::new();
        }
        let detected = self.candidates.iter().filter(|c| !m.detector.is_empty() && c.tag == m.detector).map(|c| c.span);
        let mut spans: Vec<Span> = own
            .iter()
            .copied()
            .chain(detected)
            .chain(topic_spans.iter().copied())
            .filter(|s| !exceptions.iter().any(|e| e.overlaps(s)))
            .filter(|s| {
                let sentence = self.sentences.index_of(s.start);
                (m.sentence_any.is_empty() || self.sentence_has(sentence, m.sentence_any))
                    && !self.sentence_has(sentence, m.sentence_none)
            })
            .collect();
        merge_overlapping(&mut spans);
        spans
    }

    fn message_conditions_hold(&self, m: &Matcher, topics: Option<&TopicState>) -> bool {
        if !m.message_any.is_empty() && !self.message_has(m.message_any) {
            return false;
        }
        if self.message_has(m.message_none) {
            return false;
        }
        for opt in m.options_any {
            let on = match *opt {
                "opted_out" => self.options.opted_out,
                "critical_route" => self.critical_route,
                _ => false,
            };
            if !on {
                return false;
            }
        }
        let Some(state) = topics else { return true };
        let book = self.compiled.book;
        let shows = |name: &str| -> bool {
            book.topics.iter().zip(&state.present).any(|(t, &p)| {
                p && (t.id == name
                    || (name == "critical" && t.category == Category::Critical)
                    || (name == "noncritical" && t.category == Category::Noncritical && t.substantive))
            })
        };
        if !m.topics_any.is_empty() && !m.topics_any.iter().any(|t| shows(t)) {
            return false;
        }
        if m.topics_none.iter().any(|t| shows(t)) {
            return false;
        }
        if m.alone && book.topics.iter().zip(&state.present).any(|(t, &p)| p && t.substantive) {
            return false;
        }
        true
    }
}

/// Sorts by start and merges overlapping spans: phrases of one rule that overlap ("could you please
/// cancel the order" and "cancel the order from your account") are one problem, shown as one span.
fn merge_overlapping(spans: &mut Vec<Span>) {
    spans.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut kept: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans.drain(..) {
        match kept.last_mut() {
            Some(last) if last.overlaps(&s) => last.end = last.end.max(s.end),
            _ => kept.push(s),
        }
    }
    *spans = kept;
}
