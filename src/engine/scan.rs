//! One pass of the phrase automaton over the matching view, sorted into who asked for what; phrases
//! with slots are checked where their first words are found, other templates walked from their heads. Spans here are already in original
//! byte offsets.

use aho_corasick::automaton::{Automaton, OverlappingState};
use aho_corasick::Input;
use super::compile::{Compiled, Owner};
use super::template;
use super::walk::walk;
use crate::text::{Normalized, Span};

/// Every span the scan found, grouped by who asked for it (sets, then topics, their exceptions, rules,
/// their exceptions: see `Hits::group`), each group in the order found. One flat list: a list per
/// set, topic and rule cost more to allocate and free than most drafts cost to scan.
pub struct Hits {
    spans: Vec<Span>,
    /// The group of each span, ascending.
    groups: Vec<u32>,
    sets: usize,
    topics: usize,
    rules: usize,
}

impl Hits {
    pub fn scan(c: &Compiled, view: &Normalized) -> Self {
        let book = c.book;
        let mut hits = Hits { spans: Vec::new(), groups: Vec::new(), sets: book.sets.len(), topics: book.topics.len(), rules: book.rules.len() };
        let mut found: Vec<(u32, Span)> = Vec::new();
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
                    c.templates[t].owners.iter().for_each(|&owner| found.push((hits.group(owner), span)));
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
                    plain.owners.iter().for_each(|&owner| found.push((hits.group(owner), span)));
                });
            }
        }
        // Stable: each group keeps the order its spans were found in.
        found.sort_by_key(|&(group, _)| group);
        hits.groups = found.iter().map(|&(group, _)| group).collect();
        hits.spans = found.into_iter().map(|(_, span)| span).collect();
        hits
    }

    fn group(&self, owner: Owner) -> u32 {
        let (s, t, r) = (self.sets, self.topics, self.rules);
        (match owner {
            Owner::Set(i) => i,
            Owner::Topic(i) => s + i,
            Owner::TopicException(i) => s + t + i,
            Owner::Rule(i) => s + 2 * t + i,
            Owner::RuleException(i) => s + 2 * t + r + i,
        }) as u32
    }

    /// The spans found for `owner`, in the order found.
    pub fn of(&self, owner: Owner) -> &[Span] {
        let group = self.group(owner);
        let start = self.groups.partition_point(|&g| g < group);
        let end = start + self.groups[start..].partition_point(|&g| g == group);
        &self.spans[start..end]
    }

    /// Each set with a span found, and its spans.
    pub fn sets(&self) -> impl Iterator<Item = (usize, &[Span])> + '_ {
        let in_sets = self.groups.partition_point(|&g| (g as usize) < self.sets);
        let groups = &self.groups[..in_sets];
        let mut at = 0;
        std::iter::from_fn(move || {
            let group = *groups.get(at)?;
            let end = at + groups[at..].partition_point(|&g| g == group);
            let spans = &self.spans[at..end];
            at = end;
            Some((group as usize, spans))
        })
    }
}
