//! One pass of the phrase automaton over the matching view, sorted into who asked for what; phrases
//! with slots are checked where their first words are found. Spans here are already in original
//! byte offsets.

use super::compile::{is_word_char, Compiled, Owner};
use super::template;
use crate::text::{Normalized, Span};

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
        for m in c.phrases.find_overlapping_iter(text) {
            let needle = &c.needles[m.pattern().as_usize()];
            let (start, end) = (m.start(), m.end());
            for group in &needle.templates {
                template::find_group(&c.templates, group, text, start, end, |t, start, end| {
                    let span = view.to_original(start, end);
                    c.templates[t].owners.iter().for_each(|&owner| hits.push(owner, span));
                });
            }
            if needle.owners.is_empty() {
                continue;
            }
            let shape = needle.shape;
            if shape.word_start && text[..start].chars().next_back().is_some_and(is_word_char) {
                continue;
            }
            if shape.word_end && text[end..].chars().next().is_some_and(is_word_char) {
                continue;
            }
            let mut end = end;
            if shape.prefix {
                end += text[end..].char_indices().find(|&(_, ch)| !is_word_char(ch)).map_or(text.len() - end, |(i, _)| i);
            }
            let span = view.to_original(start, end);
            needle.owners.iter().for_each(|&owner| hits.push(owner, span));
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
        }
    }
}
