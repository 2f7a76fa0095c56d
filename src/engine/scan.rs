//! One pass of the phrase automaton and each regex over the matching view, sorted into who asked for
//! what. Spans here are already in original byte offsets.

use super::compile::{is_word_char, Compiled, Owner};
use crate::detect::windows;
use crate::text::{Normalized, Span};

/// How far from an anchor a pattern match may start or end, in bytes of the matching view.
const PATTERN_REACH: usize = 120;

pub struct Hits {
    pub sets: Vec<Vec<Span>>,
    pub topics: Vec<Vec<Span>>,
    pub topic_exceptions: Vec<Vec<Span>>,
    pub rules: Vec<Vec<Span>>,
    pub rule_exceptions: Vec<Vec<Span>>,
}

impl Hits {
    pub fn scan(c: &Compiled, view: &Normalized) -> Self {
        let book = c.book;
        let mut hits = Hits {
            sets: vec![Vec::new(); book.sets.len()],
            topics: vec![Vec::new(); book.topics.len()],
            topic_exceptions: vec![Vec::new(); book.topics.len()],
            rules: vec![Vec::new(); book.rules.len()],
            rule_exceptions: vec![Vec::new(); book.rules.len()],
        };
        let text = view.text.as_str();
        let mut anchors: Vec<Vec<usize>> = vec![Vec::new(); c.groups];
        for m in c.phrases.find_overlapping_iter(text) {
            let id = m.pattern().as_usize();
            let shape = c.shapes[id];
            let (start, mut end) = (m.start(), m.end());
            if shape.word_start && text[..start].chars().next_back().is_some_and(is_word_char) {
                continue;
            }
            if shape.word_end && text[end..].chars().next().is_some_and(is_word_char) {
                continue;
            }
            if shape.prefix {
                end += text[end..].char_indices().find(|&(_, ch)| !is_word_char(ch)).map_or(text.len() - end, |(i, _)| i);
            }
            let span = view.to_original(start, end);
            for &owner in &c.owners[id] {
                match owner {
                    Owner::Anchor(g) => anchors[g].push(start),
                    _ => hits.push(owner, span),
                }
            }
        }
        for p in &c.patterns {
            if anchors[p.group].is_empty() {
                continue;
            }
            anchors[p.group].sort_unstable();
            for (from, to) in windows(text, anchors[p.group].iter().copied(), PATTERN_REACH, PATTERN_REACH) {
                let window = &text[from..to];
                if p.narrowed {
                    for caps in p.regex.captures_iter(window) {
                        if let Some(m) = caps.name("m").filter(|m| !m.is_empty()) {
                            hits.push(p.owner, view.to_original(from + m.start(), from + m.end()));
                        }
                    }
                } else {
                    for m in p.regex.find_iter(window).filter(|m| !m.is_empty()) {
                        hits.push(p.owner, view.to_original(from + m.start(), from + m.end()));
                    }
                }
            }
        }
        hits
    }

    fn push(&mut self, owner: Owner, span: Span) {
        match owner {
            Owner::Set(i) => self.sets[i].push(span),
            Owner::Topic(i) => self.topics[i].push(span),
            Owner::TopicException(i) => self.topic_exceptions[i].push(span),
            Owner::Rule(i) => self.rules[i].push(span),
            Owner::RuleException(i) => self.rule_exceptions[i].push(span),
            Owner::Anchor(_) => {}
        }
    }
}
