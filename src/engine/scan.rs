//! One pass of the phrase automaton over the matching view, sorted into who asked for what; phrases
//! with slots are checked where their first words are found, other templates walked from their heads. Spans here are already in original
//! byte offsets.

use aho_corasick::automaton::{Automaton, OverlappingState};
use aho_corasick::Input;
use super::compile::{Compiled, Owner};
use super::template;
use super::walk::walk_pieces;
use crate::text::{Normalized, Span};

/// Every span the scan found, grouped by who asked for it (sets, then topics, their exceptions, rules,
/// their exceptions: see `Hits::group`), each group in the order found. One flat list: a list per
/// set, topic and rule cost more to allocate and free than most drafts cost to scan.
pub struct Hits {
    spans: Vec<Span>,
    /// Where each group starts in `spans`, and where the last ends.
    starts: Vec<u32>,
    sets: usize,
    topics: usize,
    rules: usize,
}

impl Hits {
    pub fn scan(c: &Compiled, view: &Normalized) -> Self {
        let book = c.book;
        let mut hits = Hits { spans: Vec::new(), starts: Vec::new(), sets: book.sets.len(), topics: book.topics.len(), rules: book.rules.len() };
        // Room for a find every 32 bytes (the bench drafts have one every 36 to 43, the dev corpus 69):
        // the list is not regrown as it fills.
        let mut found: Vec<(u32, Span)> = Vec::with_capacity(view.text.len() / 32 + 4);
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
                walk_pieces(text.as_bytes(), end, resume.pending, &plain.pieces[resume.piece as usize..], &mut |end, prefix| {
                    if !prefix && template::ends_inside_word(text, end) {
                        return;
                    }
                    let span = view.to_original(start, template::extend_prefix(text, end, prefix));
                    plain.owners.iter().for_each(|&owner| found.push((hits.group(owner), span)));
                });
            }
        }
        // Grouped by counting (no sort code in the module), each group in the order found: each
        // group's count summed into where it ends, then the spans placed from the last found back,
        // which leaves each total where its group starts (no second array to move through them).
        let groups = hits.sets + 2 * hits.topics + 2 * hits.rules;
        let mut starts = vec![0u32; groups + 1];
        for &(group, _) in &found {
            starts[group as usize] += 1;
        }
        // The running total kept in a register: adding each count to the one before it in memory
        // waits on the store before, for every group of the book, found or not.
        let mut total = 0;
        for start in &mut starts {
            total += *start;
            *start = total;
        }
        hits.spans = vec![Span::new(0, 0); found.len()];
        for &(group, span) in found.iter().rev() {
            starts[group as usize] -= 1;
            hits.spans[starts[group as usize] as usize] = span;
        }
        hits.starts = starts;
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
        let group = self.group(owner) as usize;
        &self.spans[self.starts[group] as usize..self.starts[group + 1] as usize]
    }

    /// Each set with a span found, and its spans.
    pub fn sets(&self) -> impl Iterator<Item = (usize, &[Span])> + '_ {
        (0..self.sets).map(|set| (set, self.of(Owner::Set(set)))).filter(|(_, spans)| !spans.is_empty())
    }
}
