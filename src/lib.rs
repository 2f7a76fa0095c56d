//! Message Guard's analyzer: checks a seller's message to an Amazon buyer against Amazon's
//! buyer-seller messaging rules, as it is typed.
//!
//! [`analyze`] takes the draft and [`Options`] (the chosen subject or contact reason) and returns a
//! [`Report`]: the category Amazon will treat it as (critical, non-critical, prohibited), every problem
//! with its span in UTF-16 offsets, the sentences that decided the category, and which contact reason
//! to pick. The rules are data ([`rulebook`], compiled from `rules/*.toml`); this crate knows nothing of
//! browsers: the `wasm` module is a thin facade for JavaScript, and the `msgguard` binary a CLI.
//!
//! Reading order: [`analyze()`] → `text` (the matching view) → `engine` (phrases, patterns,
//! conditions) → `detect` (links, addresses, emoji…) → `classify` (category and advice).

pub mod options;
pub mod report;
pub mod rulebook;

mod analyze;
mod classify;
mod detect;
mod engine;
pub mod reference;
mod subject;
pub mod text;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use analyze::analyze;
pub use options::Options;
pub use report::{Category, Evidence, Finding, Report, Severity, SubjectAdvice};
