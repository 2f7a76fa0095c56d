//! What the analyzer returns. Field names are part of the public contract: the extension, the test
//! page and the CLI's JSON Lines output all read them, so rename nothing without a migration.

use serde::Serialize;

pub mod compact;

/// How Amazon treats a draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    /// Needed for the buyer to receive the order and nothing else: reaches buyers who opted out.
    Critical,
    /// Permitted, but only reaches buyers who did not opt out.
    Noncritical,
    /// Breaks a rule that applies to every message: Amazon blocks it.
    Prohibited,
}

impl Category {
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Critical => "critical",
            Category::Noncritical => "noncritical",
            Category::Prohibited => "prohibited",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Amazon blocks it, or it breaks the rules.
    Error,
    /// Risky, or likely to be refused.
    Warning,
    /// Worth knowing.
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// Which contact reason the seller should pick.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SubjectAdvice {
    /// Critical content and nothing else: the critical reason ("Additional Information Required").
    CriticalReason,
    /// Non-critical content: a normal reason; it will not reach buyers who opted out.
    NormalReason,
    /// Prohibited content: no reason makes it sendable.
    FixFirst,
    /// The critical reason or an "[Important]" subject was chosen for non-critical content.
    MisusedCriticalReason,
    /// Nothing to advise (empty draft).
    None,
}

impl SubjectAdvice {
    pub fn as_str(self) -> &'static str {
        match self {
            SubjectAdvice::CriticalReason => "critical-reason",
            SubjectAdvice::NormalReason => "normal-reason",
            SubjectAdvice::FixFirst => "fix-first",
            SubjectAdvice::MisusedCriticalReason => "misused-critical-reason",
            SubjectAdvice::None => "none",
        }
    }
}

/// The Amazon rule a finding cites.
#[derive(Debug, Clone, Serialize)]
pub struct Citation {
    /// The rule in Amazon's words (or the closest published copy of them).
    pub text: &'static str,
    /// Where it is published.
    pub source: &'static str,
    pub url: &'static str,
}

/// One problem in the draft. `start`/`end` are UTF-16 code unit offsets into the text as given.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub rule: &'static str,
    /// The rule's kebab-case name, stable like the code.
    pub name: &'static str,
    pub severity: Severity,
    pub start: usize,
    pub end: usize,
    /// The original text between `start` and `end`.
    #[serde(rename = "match")]
    pub matched: String,
    /// One line: what is wrong.
    pub title: &'static str,
    /// What is wrong and what to do, in words a seller understands.
    pub message: &'static str,
    pub cite: Citation,
    /// Replacements for the matched text; an empty string means "remove it".
    pub suggestions: Vec<String>,
}

/// A sentence that decided the category.
#[derive(Debug, Clone, Serialize)]
pub struct Evidence {
    pub category: Category,
    /// The topic's stable id, such as `customization` or `review-request`.
    pub topic: &'static str,
    /// Why it counts, completing "critical because it …" / "non-critical because it …".
    pub label: &'static str,
    /// The sentence, in UTF-16 offsets.
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The words in that sentence that showed the topic.
    pub trigger: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Counts {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// The rule book used ("en").
    pub lang: &'static str,
    pub category: Category,
    /// True when the draft has no words to check; `category` is then `noncritical`.
    pub empty: bool,
    /// One sentence that explains the category.
    pub summary: String,
    pub findings: Vec<Finding>,
    pub evidence: Vec<Evidence>,
    pub subject_advice: SubjectAdvice,
    /// Why that advice, in a sentence.
    pub subject_advice_reason: String,
    /// Whether the subject or reason given in the options is the critical route.
    pub critical_route_chosen: bool,
    pub counts: Counts,
    /// Length of the analyzed text in UTF-16 code units.
    pub length: usize,
}
