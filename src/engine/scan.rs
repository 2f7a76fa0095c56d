//! One pass of the phrase automaton over the matching view, sorted into who asked for what; phrases
//! with slots are checked where their first words are found, other templates walked from their heads. Spans here are already in original
//! byte offsets.

use aho_corasick::automaton::{Automaton, OverlappingState};
use aho_corasick::Input;
use super::compile::{Compiled, Owner};
use super::template;
use super::walk::walk;
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
        let input = Input::new(text);
        let mut state = OverlappingState::start();
        // Cannot fail: an NFA built with the default options searches any input, unanchored.
        while let Some(m) = c.phrases.try_find_overlapping(&input, &mut state).ok().and_then(|()| state.get_match()) {
            let needle = &c.needles[m.pattern().as_usize()];
            let (start, end) = (m.start(), m.end());
            for group in &needle.templates {
                template::find_group(&c.templates, group, text, start, end, |t, start, end| {
                    let span = view.to_original(start, end);
                    c.templates[t].owners.iter().for_each(|&owner| hits.push(owner, span));
                });
            }
            // A phrase neither starts nor ends inside a word (unless it ends in `*`).
            if needle.resumes.is_empty() || template::starts_inside_word(text, start) {
                continue;
            }
            for resume in needle.resumes.iter().filter(|r| r.may_continue(text.as_bytes(), end)) {
                let plain = &c.plain[resume.template as usize];
                walk(text.as_bytes(), end, resume.pending, &plain.pieces[resume.piece as usize..], &mut |end, prefix| {
                    if !prefix && template::ends_inside_word(text, end) {
                        return;
                    }
                    let span = view.to_original(start, template::extend_prefix(text, end, prefix));
                    plain.owners.iter().for_each(|&owner| hits.push(owner, span));
                });
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
        }
    }
}
