//! The invariants of the matching view (src/text/normalize.rs), whatever the text: shared by the
//! property tests (tests/invariants.rs) and the `normalize` fuzz target, which includes this file by path.
//!
//! Every character of the view maps back to a non-empty range of the original that starts and ends on
//! character boundaries inside the original; those ranges never go backwards (a match later in the view
//! is later in the draft); any range of the view maps to the original text from the first character's
//! start to the last one's end; placeholders are sorted, disjoint, on character boundaries.

use msgguard::text::Normalized;

/// Checks the view of `original`; `Err` says which invariant broke and where.
pub fn check(original: &str) -> Result<(), String> {
    let view = Normalized::new(original);
    let n = original.len();
    let boundary = |i: usize| original.is_char_boundary(i);
    let mut spans = Vec::new();
    let mut last_start = 0;
    for (i, c) in view.text.char_indices() {
        let s = view.to_original(i, i + c.len_utf8());
        if !(s.start < s.end && s.end <= n) {
            return Err(format!("view char {c:?} at {i} maps to {}..{} of a {n}-byte text", s.start, s.end));
        }
        if !boundary(s.start) || !boundary(s.end) {
            return Err(format!("view char {c:?} at {i} maps to {}..{}, inside a character of the original", s.start, s.end));
        }
        if s.start < last_start {
            return Err(format!("view char {c:?} at {i} maps back to {}, before the previous character's {last_start}", s.start));
        }
        if view.original_start(i) != s.start {
            return Err(format!("original_start({i}) = {} but to_original says {}", view.original_start(i), s.start));
        }
        last_start = s.start;
        spans.push((i, i + c.len_utf8(), s));
    }
    let end = view.original_start(view.text.len());
    if end > n || !boundary(end) {
        return Err(format!("the view's end maps to {end}, not a boundary of the {n}-byte original"));
    }
    // Ranges of several characters: a few start/end pairs spread over the view (all pairs would be
    // quadratic on the fuzzer's long inputs).
    let k = spans.len();
    if k > 0 {
        let step = (k / 16).max(1);
        for a in (0..k).step_by(step) {
            for b in (a..k).step_by(step) {
                let s = view.to_original(spans[a].0, spans[b].1);
                if (s.start, s.end) != (spans[a].2.start, spans[b].2.end) {
                    return Err(format!(
                        "view {}..{} maps to {}..{}, not from its first character's start {} to its last one's end {}",
                        spans[a].0, spans[b].1, s.start, s.end, spans[a].2.start, spans[b].2.end
                    ));
                }
            }
        }
    }
    let mut after = 0;
    for p in &view.placeholders {
        if !(after <= p.start && p.start < p.end && p.end <= n && boundary(p.start) && boundary(p.end)) {
            return Err(format!("placeholder {}..{} is not a sorted, disjoint range of the original", p.start, p.end));
        }
        after = p.end;
    }
    Ok(())
}
