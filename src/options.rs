//! What the caller tells the analyzer besides the text.

use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Options {
    /// The subject line, or the label of the contact reason the seller picked, in any language.
    /// "Additional Information Required" or a subject containing "[Important]" means the critical route.
    pub subject: Option<String>,
    /// Set by a caller that knows the picked reason is the page's critical one even when its label is
    /// not one the rule book recognizes.
    pub critical_reason: bool,
    /// Rule book language ("en"). Unknown or missing: English.
    pub lang: Option<String>,
    /// The buyer opted out of non-critical messages: a non-critical draft will not be delivered.
    pub opted_out: bool,
}

impl Options {
    pub fn with_subject(subject: impl Into<String>) -> Self {
        Options { subject: Some(subject.into()), ..Options::default() }
    }
}
