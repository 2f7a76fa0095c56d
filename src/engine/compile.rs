//! Compiling a rule book for matching. Done once per book, on first use (before the first keystroke
//! is checked), so it only reads the templates into pieces and builds an automaton of their heads.

use super::matchers::AllConditions;
use super::walk::{heads, Alternatives, Resume};
use crate::rulebook::expand::{alternatives, expand, parse, Piece};
use crate::rulebook::Book;
use aho_corasick::nfa::contiguous;
use aho_corasick::MatchKind;
use std::borrow::Cow;
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

/// What the automaton looks for: the heads of phrase templates, the first words of templates with
/// slots, or both.
pub struct Needle {
    /// Templates whose head this is, and where the head leaves them (see `walk`).
    pub resumes: Vec<Resume>,
    /// Templates with slots that start with these words (indexes into `Compiled::templates`), in
    /// groups that read the same up to their first gap, so the gap is walked once for the group.
    pub templates: Vec<Vec<usize>>,
}

/// A phrase template without slots, read into its pieces (`expand::alternatives`), and who listed it.
pub struct Plain {
    pub pieces: Vec<Alternatives>,
    pub owners: Vec<Owner>,
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
    pub phrases: contiguous::NFA,
    /// For each automaton pattern.
    pub needles: Vec<Needle>,
    pub plain: Vec<Plain>,
    pub templates: Vec<Template>,
    /// For each rule whose matches are a topic's triggers, that topic (looked up once, not by name on
    /// every check).
    pub rule_topics: Vec<Option<usize>>,
}

/// The compiled form of `book`, built on first use and kept for the life of the process (or page).
pub fn compiled(book: &'static Book) -> &'static Compiled {
    static CACHE: OnceLock<Vec<OnceLock<Compiled>>> = OnceLock::new();
    let all = crate::rulebook::all();
    let cache = CACHE.get_or_init(|| all.iter().map(|_| OnceLock::new()).collect());
    let index = all.iter().position(|b| std::ptr::eq(*b, book)).expect("book comes from rulebook::all()");
    cache[index].get_or_init(|| Compiled::build(book))
}

/// The order of `n` texts (`text(i)`), equal texts in index order. The lists sorted here hold rows
/// of up to 64 bytes: sorting (text, index) pairs moves less, and is one copy of the sort code for
/// all of them (a sort is a copy for each item type and comparison). Each text's first 8 bytes, as a
/// number, settle most comparisons without reading the texts.
fn sorted_order<'t>(n: usize, text: impl Fn(usize) -> &'t str) -> Vec<u32> {
    let mut keys: Vec<(u64, &str, u32)> = (0..n)
        .map(|i| {
            let text = text(i);
            let mut first = [0; 8];
            let k = text.len().min(8);
            first[..k].copy_from_slice(&text.as_bytes()[..k]);
            (u64::from_be_bytes(first), text, i as u32)
        })
        .collect();
    keys.sort_unstable();
    keys.into_iter().map(|(_, _, i)| i).collect()
}

/// An alternative for the life of the compiled book: a slice of its template, or (when an escape
/// made it a string of its own) that string, never freed, like the book's compiled form.
fn keep(text: Cow<'static, str>) -> &'static str {
    match text {
        Cow::Borrowed(s) => s,
        Cow::Owned(s) => s.leak(),
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

/// What one automaton pattern stands for, before patterns that read the same are merged.
enum Wanted {
    Head(Resume),
    Slots(usize),
}

impl Compiled {
    pub(crate) fn build(book: &'static Book) -> Self {
        // Every template with who listed it, sorted so that each template is one run (no hash map:
        // this runs before the first keystroke is checked, and a map costs code in the module).
        let mut listed: Vec<(&'static str, Owner)> = Vec::new();
        for (i, set) in book.sets.iter().enumerate() {
            listed.extend(set.phrases.iter().map(|&p| (p, Owner::Set(i))));
        }
        for (i, t) in book.topics.iter().enumerate() {
            listed.extend(t.matcher.phrases.iter().map(|&p| (p, Owner::Topic(i))));
            listed.extend(t.matcher.exceptions.iter().map(|&p| (p, Owner::TopicException(i))));
        }
        for (i, r) in book.rules.iter().enumerate() {
            listed.extend(r.matcher.phrases.iter().map(|&p| (p, Owner::Rule(i))));
            listed.extend(r.matcher.exceptions.iter().map(|&p| (p, Owner::RuleException(i))));
        }
        let order = sorted_order(listed.len(), |i| listed[i].0);

        // Templates without slots stay templates (walked from their heads). The few with slots are
        // expanded, as their slots are read by `template`; their phrases without a slot are plain.
        // Templates were checked by build.rs; one that fails here matches nothing.
        let mut plain: Vec<Plain> = Vec::with_capacity(listed.len());
        let mut slotted: Vec<(String, Owner)> = Vec::new();
        for run in order.chunk_by(|&a, &b| listed[a as usize].0 == listed[b as usize].0) {
            let text = listed[run[0] as usize].0;
            let mut owners = Vec::new();
            run.iter().for_each(|&i| push_owner(&mut owners, listed[i as usize].1));
            if !text.contains('{') {
                if let Ok(pieces) = alternatives(text) {
                    let pieces = Alternatives::pieces(pieces.into_iter().map(|words| words.into_iter().map(keep).collect()).collect());
                    plain.push(Plain { pieces, owners });
                }
                continue;
            }
            for phrase in expand(text).unwrap_or_default() {
                if phrase.contains('{') {
                    slotted.extend(owners.iter().map(|&owner| (phrase.clone(), owner)));
                } else {
                    plain.push(Plain { pieces: Alternatives::pieces(vec![vec![phrase.leak()]]), owners: owners.clone() });
                }
            }
        }
        // What the automaton looks for, written one after another into `heads_text` (a string each
        // cost more than finding them; the English book's come to about 20 KB): its range there, and
        // what it stands for.
        let mut heads_text = String::with_capacity(16 * 1024);
        let mut wanted: Vec<(u32, u32, Wanted)> = Vec::with_capacity(4 * plain.len());
        let mut templates: Vec<Template> = Vec::new();
        let order = sorted_order(slotted.len(), |i| &slotted[i].0);
        for run in order.chunk_by(|&a, &b| slotted[a as usize].0 == slotted[b as usize].0) {
            if let Ok(pieces) = parse(&slotted[run[0] as usize].0) {
                let (first, mut template) = Template::new(pieces);
                run.iter().for_each(|&i| push_owner(&mut template.owners, slotted[i as usize].1));
                let start = heads_text.len() as u32;
                heads_text.push_str(first.trim_end_matches('*'));
                wanted.push((start, heads_text.len() as u32, Wanted::Slots(templates.len())));
                templates.push(template);
            }
        }
        for (i, p) in plain.iter().enumerate() {
            let (text_len, wanted_len) = (heads_text.len(), wanted.len());
            let complete = heads(&p.pieces, i as u32, &mut |head, resume| {
                let start = heads_text.len() as u32;
                heads_text.push_str(head);
                wanted.push((start, heads_text.len() as u32, Wanted::Head(resume)));
            });
            // A template with a run of spaces and stars no book writes is left out whole, as before.
            if !complete {
                heads_text.truncate(text_len);
                wanted.truncate(wanted_len);
            }
        }
        let head = |i: u32| {
            let (start, end, _) = wanted[i as usize];
            &heads_text[start as usize..end as usize]
        };
        let order = sorted_order(wanted.len(), |i| head(i as u32));

        let mut patterns: Vec<&str> = Vec::with_capacity(wanted.len());
        let mut needles: Vec<Needle> = Vec::with_capacity(wanted.len());
        for run in order.chunk_by(|&a, &b| head(a) == head(b)) {
            if head(run[0]).is_empty() {
                continue;
            }
            // Most heads stand for one template: lists of their size, not the four items a push starts with.
            let resumes = run.iter().filter(|&&i| matches!(wanted[i as usize].2, Wanted::Head(_))).count();
            let mut needle = Needle { resumes: Vec::with_capacity(resumes), templates: Vec::new() };
            for &i in run {
                match wanted[i as usize].2 {
                    Wanted::Head(resume) => needle.resumes.push(resume),
                    Wanted::Slots(id) => match needle.templates.iter_mut().find(|g| templates[g[0]].same_head(&templates[id])) {
                        Some(group) => group.push(id),
                        None => needle.templates.push(vec![id]),
                    },
                }
            }
            patterns.push(head(run[0]));
            needles.push(needle);
        }
        // The contiguous NFA, used directly: quick to build and to search for thousands of patterns.
        // Through `AhoCorasick` every other kind's builder, searches and Debug code would come along
        // (it picks a kind at run time, behind a trait object): 14 KB of the gzipped module.
        let automaton = contiguous::Builder::new()
            .match_kind(MatchKind::Standard)
            .build(patterns)
            .expect("rule-book phrases build an automaton");
        let rule_topics = book
            .rules
            .iter()
            .map(|r| book.topics.iter().position(|t| t.id == r.matcher.topic).filter(|_| !r.matcher.topic.is_empty()))
            .collect();
        Compiled { book, conditions: AllConditions::new(book), phrases: automaton, needles, plain, templates, rule_topics }
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
