//! Compiling a rule book for matching. Done once per book, on first use.

use crate::rulebook::expand::expand;
use crate::rulebook::{Book, Matcher};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Who a phrase or pattern belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    Set(usize),
    Topic(usize),
    TopicException(usize),
    Rule(usize),
    RuleException(usize),
    /// An anchor of pattern group `usize` (the patterns of one matcher).
    Anchor(usize),
}

/// A rule-book regex, searched only around its group's anchors.
pub struct Pattern {
    pub regex: Regex,
    pub owner: Owner,
    pub group: usize,
    /// Whether the pattern reports a narrower span through a group named `m`.
    pub narrowed: bool,
}

/// How a phrase must sit in the text.
#[derive(Debug, Clone, Copy)]
pub struct PhraseShape {
    /// The phrase starts with a word character, so the text must not continue a word before it.
    pub word_start: bool,
    /// Same at the end; false for `prefix*` phrases.
    pub word_end: bool,
    /// `prefix*`: the reported span runs to the end of the word.
    pub prefix: bool,
}

pub struct Compiled {
    pub book: &'static Book,
    pub phrases: AhoCorasick,
    pub shapes: Vec<PhraseShape>,
    /// For each automaton pattern, everyone who listed that phrase.
    pub owners: Vec<Vec<Owner>>,
    pub patterns: Vec<Pattern>,
    pub groups: usize,
}

/// The compiled form of `book`, built on first use and kept for the life of the process (or page).
pub fn compiled(book: &'static Book) -> &'static Compiled {
    static CACHE: OnceLock<Vec<OnceLock<Compiled>>> = OnceLock::new();
    let all = crate::rulebook::all();
    let cache = CACHE.get_or_init(|| all.iter().map(|_| OnceLock::new()).collect());
    let index = all.iter().position(|b| std::ptr::eq(*b, book)).expect("book comes from rulebook::all()");
    cache[index].get_or_init(|| Compiled::new(book))
}

impl Compiled {
    fn new(book: &'static Book) -> Self {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut phrases: Vec<String> = Vec::new();
        let mut owners: Vec<Vec<Owner>> = Vec::new();
        let mut patterns = Vec::new();
        let mut add = |template: &'static str, owner: Owner| {
            // Templates were checked by build.rs; one that fails here matches nothing.
            for p in expand(template).unwrap_or_default() {
                let id = *index.entry(p.clone()).or_insert_with(|| {
                    phrases.push(p);
                    owners.push(Vec::new());
                    phrases.len() - 1
                });
                if !owners[id].contains(&owner) {
                    owners[id].push(owner);
                }
            }
        };
        for (i, set) in book.sets.iter().enumerate() {
            set.phrases.iter().for_each(|p| add(p, Owner::Set(i)));
        }
        let mut groups = 0;
        let mut add_matcher = |m: &'static Matcher, own: Owner, except: Owner, patterns: &mut Vec<Pattern>| {
            m.phrases.iter().for_each(|p| add(p, own));
            m.exceptions.iter().for_each(|p| add(p, except));
            if m.patterns.is_empty() {
                return;
            }
            let group = groups;
            groups += 1;
            m.anchors.iter().for_each(|p| add(p, Owner::Anchor(group)));
            for p in m.patterns {
                // Patterns are checked by the rule-book tests, so a failure here is a build defect; skip the
                // pattern rather than take the seller's page down.
                if let Ok(regex) = Regex::new(p) {
                    let narrowed = regex.capture_names().any(|n| n == Some("m"));
                    patterns.push(Pattern { regex, owner: own, group, narrowed });
                }
            }
        };
        for (i, t) in book.topics.iter().enumerate() {
            add_matcher(&t.matcher, Owner::Topic(i), Owner::TopicException(i), &mut patterns);
        }
        for (i, r) in book.rules.iter().enumerate() {
            add_matcher(&r.matcher, Owner::Rule(i), Owner::RuleException(i), &mut patterns);
        }
        let shapes = phrases
            .iter()
            .map(|p| {
                let prefix = p.ends_with('*');
                let body = p.trim_end_matches('*');
                PhraseShape {
                    word_start: body.chars().next().is_some_and(is_word_char),
                    word_end: !prefix && body.chars().next_back().is_some_and(is_word_char),
                    prefix,
                }
            })
            .collect();
        let needles: Vec<&str> = phrases.iter().map(|p| p.trim_end_matches('*')).collect();
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&needles)
            .expect("rule-book phrases build an automaton");
        Compiled { book, phrases: automaton, shapes, owners, patterns, groups }
    }
}

/// Letters and digits of scripts that separate words with spaces. CJK text has no spaces, so a phrase
/// there may start or end anywhere.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_cjk(c)
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xAC00..=0xD7AF | 0xFF66..=0xFF9F)
}
