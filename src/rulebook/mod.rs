//! The rule books: one per language, written as data in `rules/<lang>.toml` and compiled in by
//! `build.rs`. Adding a language is adding a file. This module only defines the shapes.

use crate::report::{Category, Citation, Severity};

pub mod expand;

/// A named list of phrase templates that conditions refer to ("the sentence mentions a review").
pub struct Set {
    pub name: &'static str,
    pub phrases: &'static [&'static str],
}

/// Where a rule's or topic's candidate matches come from, and when they count.
///
/// Phrases are matched on whole words of the matching view (lowercase, folded); a phrase ending in
/// `*` matches any word that starts with it, `{n}` stands for a number and `{0-6}` for a few words
/// (see `expand`). All conditions must hold for a match to count.
pub struct Matcher {
    pub phrases: &'static [&'static str],
    /// A built-in detector's tag, such as `link.external`.
    pub detector: &'static str,
    /// Rules only: the matches are that topic's triggers.
    pub topic: &'static str,
    /// The match's sentence contains a phrase from one of these sets.
    pub sentence_any: &'static [&'static str],
    /// ... and none from these.
    pub sentence_none: &'static [&'static str],
    /// The message contains a phrase from one of these sets.
    pub message_any: &'static [&'static str],
    pub message_none: &'static [&'static str],
    /// The message shows one of these topics (ids, or a category name for any of its topics).
    pub topics_any: &'static [&'static str],
    pub topics_none: &'static [&'static str],
    /// Phrases that, overlapping a match, cancel it ("false positive" is not a positive review).
    pub exceptions: &'static [&'static str],
    /// Counts only when the message shows no substantive topic: the match is all there is.
    pub alone: bool,
    /// Counts only when one of these options is set (`opted_out`, `critical_route`).
    pub options_any: &'static [&'static str],
}

#[derive(serde::Serialize)]
pub struct Rule {
    /// Stable code, such as `RV001`. Never reused for another rule.
    pub code: &'static str,
    /// Stable kebab-case name.
    pub name: &'static str,
    pub severity: Severity,
    pub title: &'static str,
    pub message: &'static str,
    /// A paragraph for the rule reference: why Amazon has the rule, what to write instead.
    pub why: &'static str,
    pub cite: Citation,
    pub suggestions: &'static [&'static str],
    /// Whether an error from this rule makes the draft prohibited (blocked for every buyer).
    pub prohibits: bool,
    #[serde(skip)]
    pub matcher: Matcher,
    /// Examples that must be flagged, with the expected span between « and ».
    pub flag: &'static [&'static str],
    /// Examples that must not be flagged by this rule.
    pub pass: &'static [&'static str],
}

/// What a message is about. Critical topics make a draft critical when nothing non-critical joins them.
pub struct Topic {
    pub id: &'static str,
    pub category: Category,
    pub label: &'static str,
    /// False for pleasantries (thanks, greetings, offers of help) that do not make a message about anything.
    pub substantive: bool,
    /// A weak non-critical topic describes a message only when nothing critical is in it: a delay notice
    /// may mention that the order shipped without becoming a shipping confirmation.
    pub weak: bool,
    pub matcher: Matcher,
    /// Examples in which the topic must be found (the marked span lies in the evidence sentence).
    pub flag: &'static [&'static str],
    pub pass: &'static [&'static str],
}

pub struct Book {
    pub lang: &'static str,
    pub name: &'static str,
    /// Subject or reason texts that mean the critical route, already normalized.
    pub critical_subjects: &'static [&'static str],
    pub sets: &'static [Set],
    pub topics: &'static [Topic],
    pub rules: &'static [Rule],
    /// User-facing sentences of the report (summaries, advice), by key.
    pub strings: &'static [(&'static str, &'static str)],
}

impl Book {
    /// A report string; a missing key is a rule-book bug that the test suite catches, so fall back to
    /// the key rather than fail a seller's check.
    pub fn string(&self, key: &str) -> &'static str {
        self.strings.iter().find(|(k, _)| *k == key).map_or("", |(_, v)| v)
    }

    pub fn rule(&self, code: &str) -> Option<&'static Rule> {
        self.rules.iter().find(|r| r.code == code)
    }

    pub fn set_index(&self, name: &str) -> Option<usize> {
        self.sets.iter().position(|s| s.name == name)
    }
}

/// Keys every book's `[strings]` must define (checked by the test suite).
pub const REQUIRED_STRINGS: &[&str] = &[
    "summary-empty", "summary-prohibited", "summary-critical", "summary-noncritical", "summary-noncritical-default",
    "advice-none", "advice-fix-first", "advice-critical", "advice-critical-chosen", "advice-normal", "advice-misused",
    "advice-opted-out", "summary-mixed", "and",
];

include!(concat!(env!("OUT_DIR"), "/rulebooks.rs"));

/// All compiled rule books.
pub fn all() -> &'static [&'static Book] {
    BOOKS
}

/// The rule book for `lang` ("en", "en-US"), English when there is none.
pub fn for_lang(lang: Option<&str>) -> &'static Book {
    let want = lang.map(|l| l.split(['-', '_']).next().unwrap_or(l).to_ascii_lowercase());
    BOOKS
        .iter()
        .find(|b| Some(b.lang) == want.as_deref())
        .or_else(|| BOOKS.iter().find(|b| b.lang == "en"))
        .copied()
        .expect("the English rule book is compiled in")
}

/// A serializable description of every book, for user interfaces that list the rules.
#[derive(serde::Serialize)]
pub struct BookInfo {
    pub lang: &'static str,
    pub name: &'static str,
    pub rules: &'static [Rule],
}

pub fn describe() -> Vec<BookInfo> {
    BOOKS.iter().map(|b| BookInfo { lang: b.lang, name: b.name, rules: b.rules }).collect()
}
