//! The invariants every report keeps, whatever the text: shared by the property tests
//! (tests/invariants.rs) and the fuzz targets (fuzz/fuzz_targets/analyze.rs includes this file by path),
//! so that both check exactly the same thing.
//!
//! - `length` is the text's length in UTF-16 code units (what JavaScript's `text.length` says);
//! - every finding and every piece of evidence has 0 ≤ start < end ≤ length, and neither offset splits
//!   a surrogate pair;
//! - `match` (and evidence `text`) equals the text at those offsets;
//! - findings are sorted by start;
//! - analyzing the same text with the same options again gives the same report, byte for byte.

use msgguard::{analyze, Options, Report};

/// The text in UTF-16 code units, as the browser holds it.
pub fn utf16(text: &str) -> Vec<u16> {
    text.encode_utf16().collect()
}

/// `units[start..end]` as a string, or why not: out of range, empty, or splitting a surrogate pair.
fn slice(units: &[u16], start: usize, end: usize) -> Result<String, String> {
    if !(start < end && end <= units.len()) {
        return Err(format!("span {start}..{end} is empty or outside 0..{}", units.len()));
    }
    String::from_utf16(&units[start..end]).map_err(|_| format!("span {start}..{end} splits a surrogate pair"))
}

/// Checks one report against the text it was made from; `Err` says which invariant broke and where.
pub fn check(text: &str, options: &Options, report: &Report) -> Result<(), String> {
    let units = utf16(text);
    if report.length != units.len() {
        return Err(format!("length {} but the text has {} UTF-16 units", report.length, units.len()));
    }
    let mut last = 0;
    for f in &report.findings {
        let at = slice(&units, f.start, f.end).map_err(|e| format!("{}: {e}", f.rule))?;
        if at != f.matched {
            return Err(format!("{}: match {:?} but the text at {}..{} is {at:?}", f.rule, f.matched, f.start, f.end));
        }
        if f.start < last {
            return Err(format!("{} at {} comes after a finding at {last}: findings not sorted", f.rule, f.start));
        }
        last = f.start;
    }
    for e in &report.evidence {
        let at = slice(&units, e.start, e.end).map_err(|err| format!("evidence {}: {err}", e.topic))?;
        if at != e.text {
            return Err(format!("evidence {}: text {:?} but the text at {}..{} is {at:?}", e.topic, e.text, e.start, e.end));
        }
    }
    let again = analyze(text, options);
    let (a, b) = (serde_json::to_string(report).map_err(|e| e.to_string())?, serde_json::to_string(&again).map_err(|e| e.to_string())?);
    if a != b {
        return Err("a second analysis of the same text gave a different report".to_string());
    }
    Ok(())
}
