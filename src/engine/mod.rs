//! The matching engine: compiles a rule book once (one Aho-Corasick automaton for the heads of its
//! phrase templates and the first words of phrases with slots), scans a draft in one pass, and
//! evaluates topics and rules on the hits.

mod compile;
mod conditions;
mod matchers;
mod scan;
mod template;
mod walk;

pub use compile::{compiled, Owner};
pub use conditions::{Context, TopicState};
