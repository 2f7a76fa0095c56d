//! Compiling a rule book for matching. Done once per book, on first use.

use super::matchers::AllConditions;
use crate::rulebook::expand::{expand, parse, Piece};
use crate::rulebook::Book;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use std::sync::OnceLock;

/// Who a phrase belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    Set(usize),
    Topic(usize),
    TopicException(usize),
    Rule(usize),
    RuleException(usize),
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

/// What the automaton looks for: a phrase, the first words of templates, or both.
pub struct Needle {
    pub shape: PhraseShape,
    /// Who listed it as a whole phrase (empty when it only starts templates).
    pub owners: Vec<Owner>,
    /// Templates that start with these words (indexes into `Compiled::templates`), in groups that read
    /// the same up to their first gap, so the gap is walked once for the group.
    pub templates: Vec<Vec<usize>>,
}

/// A phrase with slots, checked around its first words when the automaton finds them.
pub struct Template {
    /// `{n}` comes before the first words.
    pub number_first: bool,
    /// What follows the first words, up to the first gap (all of it when there is none).
    pub head: Vec<Piece>,
    /// The first gap's fewest and most words, and what follows it.
    pub gap: Option<(usize, usize)>,
    pub tail: Vec<Piece>,
    /// Ends in `prefix*`: the reported span runs to the end of the word.
    pub prefix: bool,
    pub owners: Vec<Owner>,
}

impl Template {
    /// The template for a parsed phrase with slots, and the words the automaton is to look for
    /// (with the phrase's `*` when they end it).
    pub fn new(mut pieces: Vec<Piece>) -> (String, Template) {
        let number_first = pieces[0] == Piece::Number;
        let mut head = pieces.split_off(number_first as usize + 1);
        let Some(Piece::Words(first)) = pieces.pop() else { unreachable!("parse puts words first, or after {{n}}") };
        let prefix = match head.last_mut() {
            Some(Piece::Words(last)) => strip_star(last),
            Some(_) => false,
            None => first.ends_with('*'),
        };
        let (gap, tail) = match head.iter().position(|p| matches!(p, Piece::Gap { .. })) {
            Some(at) => {
                let tail = head.split_off(at + 1);
                let Some(Piece::Gap { min, max }) = head.pop() else { unreachable!("found above") };
                (Some((min, max)), tail)
            }
            None => (None, Vec::new()),
        };
        (first, Template { number_first, head, gap, tail, prefix, owners: Vec::new() })
    }

    /// Whether `self` and `other` read the same up to their first gap.
    fn same_head(&self, other: &Template) -> bool {
        self.number_first == other.number_first && self.head == other.head && self.gap == other.gap && self.gap.is_some()
    }
}

pub struct Compiled {
    pub book: &'static Book,
    pub conditions: AllConditions,
    pub phrases: AhoCorasick,
    /// For each automaton pattern.
    pub needles: Vec<Needle>,
    pub templates: Vec<Template>,
}

/// The compiled form of `book`, built on first use and kept for the life of the process (or page).
pub fn compiled(book: &'static Book) -> &'static Compiled {
    static CACHE: OnceLock<Vec<OnceLock<Compiled>>> = OnceLock::new();
    let all = crate::rulebook::all();
    let cache = CACHE.get_or_init(|| all.iter().map(|_| OnceLock::new()).collect());
    let index = all.iter().position(|b| std::ptr::eq(*b, book)).expect("book comes from rulebook::all()");
    cache[index].get_or_init(|| Compiled::build(book))
}

impl Needle {
    fn new(phrase: &str) -> Self {
        let prefix = phrase.ends_with('*');
        let body = phrase.trim_end_matches('*');
        let shape = PhraseShape {
            word_start: body.chars().next().is_some_and(is_word_char),
            word_end: !prefix && body.chars().next_back().is_some_and(is_word_char),
            prefix,
        };
        Needle { shape, owners: Vec::new(), templates: Vec::new() }
    }
}

/// Removes a trailing `*`, saying whether there was one.
fn strip_star(words: &mut String) -> bool {
    let star = words.ends_with('*');
    if star {
        words.pop();
    }
    star
}

fn push_owner(owners: &mut Vec<Owner>, owner: Owner) {
    if !owners.contains(&owner) {
        owners.push(owner);
    }
}

impl Compiled {
    pub(crate) fn build(book: &'static Book) -> Self {
        // Every phrase with who listed it, sorted so that each phrase is one run (no hash map: this
        // runs before the first keystroke is checked, and a map costs code in the module).
        let mut listed: Vec<(String, Owner)> = Vec::new();
        let mut add = |template: &str, owner: Owner| {
            // Templates were checked by build.rs; one that fails here matches nothing.
            listed.extend(expand(template).unwrap_or_default().into_iter().map(|p| (p, owner)));
        };
        for (i, set) in book.sets.iter().enumerate() {
            set.phrases.iter().for_each(|p| add(p, Owner::Set(i)));
        }
        for (i, t) in book.topics.iter().enumerate() {
            t.matcher.phrases.iter().for_each(|p| add(p, Owner::Topic(i)));
            t.matcher.exceptions.iter().for_each(|p| add(p, Owner::TopicException(i)));
        }
        for (i, r) in book.rules.iter().enumerate() {
            r.matcher.phrases.iter().for_each(|p| add(p, Owner::Rule(i)));
            r.matcher.exceptions.iter().for_each(|p| add(p, Owner::RuleException(i)));
        }
        listed.sort_by(|a, b| a.0.cmp(&b.0));

        let mut needles: Vec<(String, Needle)> = Vec::new();
        let mut templates: Vec<(String, Template)> = Vec::new();
        for run in listed.chunk_by(|a, b| a.0 == b.0) {
            let phrase = &run[0].0;
            let mut owners = Vec::new();
            run.iter().for_each(|&(_, owner)| push_owner(&mut owners, owner));
            if !phrase.contains('{') {
                let mut needle = Needle::new(phrase);
                needle.owners = owners;
                needles.push((phrase.clone(), needle));
            } else if let Ok(pieces) = parse(phrase) {
                let (first, mut template) = Template::new(pieces);
                template.owners = owners;
                templates.push((first, template));
            }
        }
        // A template's first words may be a phrase of their own ("% off"): one needle for both.
        let phrases = needles.len();
        for (id, (first, template)) in templates.iter().enumerate() {
            let found = needles[..phrases].binary_search_by(|(k, _)| k.as_str().cmp(first)).ok();
            let needle = found.or_else(|| needles[phrases..].iter().position(|(k, _)| k == first).map(|k| phrases + k));
            let needle = needle.unwrap_or_else(|| {
                needles.push((first.clone(), Needle::new(first)));
                needles.len() - 1
            });
            let groups = &mut needles[needle].1.templates;
            match groups.iter_mut().find(|g| templates[g[0]].1.same_head(template)) {
                Some(group) => group.push(id),
                None => groups.push(vec![id]),
            }
        }
        // Always the contiguous NFA: quick to build and to search for thousands of phrases, and naming
        // it leaves the other kinds' code out of the module.
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(needles.iter().map(|(phrase, _)| phrase.trim_end_matches('*')))
            .expect("rule-book phrases build an automaton");
        Compiled {
            book,
            conditions: AllConditions::new(book),
            phrases: automaton,
            needles: needles.into_iter().map(|(_, n)| n).collect(),
            templates: templates.into_iter().map(|(_, t)| t).collect(),
        }
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
