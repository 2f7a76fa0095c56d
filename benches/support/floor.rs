//! The floor: one Aho-Corasick pass over the draft with every phrase of the rule book expanded, built
//! the way the engine builds its automaton. No real analyzer can beat it; analyze ÷ floor says how
//! much the rest (the matching view, detectors, conditions, the report) costs on top.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use msgguard::rulebook::{self, expand::expand};
use std::collections::BTreeSet;

pub fn automaton() -> AhoCorasick {
    let book = rulebook::for_lang(Some("en"));
    let mut templates: Vec<&str> = book.sets.iter().flat_map(|s| s.phrases.iter().copied()).collect();
    for m in book.topics.iter().map(|t| &t.matcher).chain(book.rules.iter().map(|r| &r.matcher)) {
        templates.extend(m.phrases.iter().chain(m.exceptions.iter()).copied());
    }
    let mut needles = BTreeSet::new();
    for t in templates {
        for phrase in expand(t).unwrap_or_default() {
            needles.insert(phrase.trim_end_matches('*').to_string());
        }
    }
    AhoCorasickBuilder::new().match_kind(MatchKind::Standard).build(&needles).expect("phrases build an automaton")
}

/// Matches found, so the pass cannot be optimized away.
pub fn pass(ac: &AhoCorasick, text: &str) -> usize {
    ac.find_overlapping_iter(text).count()
}
