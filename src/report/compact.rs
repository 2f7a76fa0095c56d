//! The report in the compact form JavaScript expands (extension/ui/compact-report.js documents it and
//! reads it). A full report copies its rule's title, message and Amazon citation into every finding
//! (about 600 bytes), plus the matched text: 3 MB of JSON for the 5,378 findings of a
//! 1,000,000-character paste, written here and parsed again by the engine's `JSON.parse`. Here each
//! distinct rule part is written once and a finding is five numbers; the caller has the text, so the
//! matched text comes from it.
//!
//! Everything is borrowed from the report: what is allocated is the five numbers per finding and one
//! index per distinct kind, suggestion list and odd match.

use super::{Category, Citation, Counts, Evidence, Finding, Report, Severity, SubjectAdvice};
use serde::Serialize;

/// `findings` holds this many numbers per finding: kind, start, end, suggestion list, match (-1:
/// `text.slice(start, end)`).
pub const STRIDE: usize = 5;

/// A finding's suggestion lists are looked up among the last this many of its kind: a rule has one
/// list, or two (capitalized at the start of a sentence); a list built from the match (a link's
/// `https://`) is new every time, and searching all of those would be quadratic in a long paste.
const LISTS_PER_KIND: usize = 4;

#[derive(Serialize)]
pub struct CompactReport<'a> {
    /// The report without its findings.
    rest: Rest<'a>,
    /// Each distinct rule part: a finding without start, end, match and suggestions.
    kinds: Vec<Kind<'a>>,
    /// Distinct suggestion lists.
    suggestions: Vec<&'a [String]>,
    /// The matches that are not `text.slice(start, end)` of the caller's text.
    matches: Vec<&'a str>,
    /// `STRIDE` numbers per finding.
    findings: Vec<i64>,
}

/// The fields of [`Report`] but `findings`, in its order (a test checks the expansion equals it).
#[derive(Serialize)]
struct Rest<'a> {
    lang: &'a str,
    category: Category,
    empty: bool,
    summary: &'a str,
    evidence: &'a [Evidence],
    subject_advice: SubjectAdvice,
    subject_advice_reason: &'a str,
    critical_route_chosen: bool,
    counts: &'a Counts,
    length: usize,
}

#[derive(Serialize)]
struct Kind<'a> {
    rule: &'a str,
    name: &'a str,
    severity: Severity,
    title: &'a str,
    message: &'a str,
    cite: &'a Citation,
}

impl<'a> Kind<'a> {
    fn of(f: &'a Finding) -> Self {
        Kind { rule: f.rule, name: f.name, severity: f.severity, title: f.title, message: f.message, cite: &f.cite }
    }

    fn is_of(&self, f: &Finding) -> bool {
        // the code first: different for every other rule, so most comparisons stop at a few bytes
        self.rule == f.rule
            && self.name == f.name
            && self.severity == f.severity
            && self.title == f.title
            && self.message == f.message
            && self.cite.text == f.cite.text
            && self.cite.source == f.cite.source
            && self.cite.url == f.cite.url
    }
}

impl<'a> CompactReport<'a> {
    /// `text` is the text `report` is for, as the caller gave it.
    pub fn new(report: &'a Report, text: &str) -> Self {
        let rest = Rest {
            lang: report.lang,
            category: report.category,
            empty: report.empty,
            summary: &report.summary,
            evidence: &report.evidence,
            subject_advice: report.subject_advice,
            subject_advice_reason: &report.subject_advice_reason,
            critical_route_chosen: report.critical_route_chosen,
            counts: &report.counts,
            length: report.length,
        };
        let mut out = CompactReport { rest, kinds: Vec::new(), suggestions: Vec::new(), matches: Vec::new(), findings: Vec::with_capacity(report.findings.len() * STRIDE) };
        // per kind, the indices of its latest suggestion lists (at most LISTS_PER_KIND)
        let mut lists_of_kind: Vec<Vec<usize>> = Vec::new();
        let mut cursor = Utf16Cursor { text, byte: 0, unit: 0 };
        for f in &report.findings {
            let k = match out.kinds.iter().rposition(|k| k.is_of(f)) {
                Some(k) => k,
                None => {
                    out.kinds.push(Kind::of(f));
                    lists_of_kind.push(Vec::new());
                    out.kinds.len() - 1
                }
            };
            let lists = &mut lists_of_kind[k];
            let s = match lists.iter().copied().find(|&s| out.suggestions[s] == f.suggestions.as_slice()) {
                Some(s) => s,
                None => {
                    out.suggestions.push(&f.suggestions);
                    if lists.len() == LISTS_PER_KIND {
                        lists.remove(0);
                    }
                    lists.push(out.suggestions.len() - 1);
                    out.suggestions.len() - 1
                }
            };
            let m = if cursor.is_slice(f) {
                -1
            } else {
                out.matches.push(&f.matched);
                (out.matches.len() - 1) as i64
            };
            out.findings.extend([k as i64, f.start as i64, f.end as i64, s as i64, m]);
        }
        out
    }
}

/// Finds UTF-16 offsets in the text, forward from the last one asked (findings come sorted by start).
struct Utf16Cursor<'t> {
    text: &'t str,
    byte: usize,
    unit: usize,
}

impl Utf16Cursor<'_> {
    /// The byte offset of UTF-16 offset `unit`; none inside a character's surrogate pair or past the end.
    fn byte_at(&mut self, unit: usize) -> Option<usize> {
        if unit < self.unit {
            (self.byte, self.unit) = (0, 0);
        }
        let mut chars = self.text[self.byte..].chars();
        while self.unit < unit {
            let c = chars.next()?;
            self.unit += c.len_utf16();
            self.byte += c.len_utf8();
        }
        (self.unit == unit).then_some(self.byte)
    }

    /// Whether the caller's `text.slice(f.start, f.end)` is `f.matched`. The caller's string may hold
    /// lone surrogates, which reached the analyzer as U+FFFD (one code unit for one, so offsets agree):
    /// a match with U+FFFD is written out, the report's `match` as `analyze` gives it.
    fn is_slice(&mut self, f: &Finding) -> bool {
        if f.matched.contains('\u{FFFD}') {
            return false;
        }
        let Some(at) = self.byte_at(f.start) else { return false };
        self.text[at..].starts_with(f.matched.as_str()) && f.end.checked_sub(f.start) == Some(f.matched.encode_utf16().count())
    }
}
