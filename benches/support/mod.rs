//! What the benchmark measures against: realistic drafts of any length, and the floor (one
//! Aho-Corasick pass with every phrase of the rule book, what a perfect phrase matcher costs).

pub mod drafts;
pub mod floor;
pub mod timing;
