//! Hostile drafts: what a paste, a bot or a malicious page could put in the field. Each must complete,
//! keep the report invariants (tests/support/report_invariants.rs), take time linear in its length and
//! memory bounded by a small multiple of it.
//!
//! Memory is measured per thread by a counting allocator (tests in this file run on their own threads),
//! so the figures do not depend on what the other tests allocate meanwhile.

use msgguard::{analyze, Options, Report};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::time::{Duration, Instant};

#[path = "support/report_invariants.rs"]
mod report_invariants;

struct Counting;

thread_local! {
    static LIVE: Cell<usize> = const { Cell::new(0) };
    static PEAK: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: forwards to the system allocator; the bookkeeping only touches const-initialized thread
// locals (no allocation, no destructor), and `try_with` ignores threads that are shutting down.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        shrank(layout.size());
        System.dealloc(ptr, layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        grew(new_size);
        shrank(layout.size());
        System.realloc(ptr, layout, new_size)
    }
}

fn grew(n: usize) {
    let _ = LIVE.try_with(|l| {
        let now = l.get().wrapping_add(n);
        l.set(now);
        let _ = PEAK.try_with(|p| p.set(p.get().max(now)));
    });
}

fn shrank(n: usize) {
    let _ = LIVE.try_with(|l| l.set(l.get().wrapping_sub(n)));
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Analyzes `text` and returns the report, the time it took and the most memory the analysis had
/// allocated at once on this thread, beyond what was live before it (the text itself is not counted).
fn measured(text: &str) -> (Report, Duration, usize) {
    // The rule book compiles on the first analysis in the process, perhaps on this thread: not the
    // draft's cost.
    analyze("warm up", &Options::default());
    let base = LIVE.with(Cell::get);
    PEAK.with(|p| p.set(base));
    let t = Instant::now();
    let report = analyze(text, &Options::default());
    let took = t.elapsed();
    let peak = PEAK.with(Cell::get) - base;
    (report, took, peak)
}

/// A draft of about `bytes` bytes that looks like real mail: sentences, line breaks, a finding now and
/// then (link, address, phone, review request, emoji), placeholders and non-Latin text.
fn draft_of(bytes: usize) -> String {
    const SENTENCES: [&str; 8] = [
        "Hello ${buyer_name}, thank you for your order of the blue ceramic mug. ",
        "It shipped today and should arrive on Friday; tracking 1Z999AA10123456784.\n",
        "If anything is wrong, write to help@myshop.com or call 555-123-4567. ",
        "Please leave a 5-star review at www.myshop.com if you love it! 😀\n",
        "ご注文ありがとうございます。商品は金曜日に届きます。",
        "Which name would you like engraved on the bracelet?\n\n",
        "Use code SAVE10 for 10% off your next order ★★★★★. ",
        "Regards, the team at {{store}} — Café Ünïcode, Straße 5.\n",
    ];
    let mut s = String::with_capacity(bytes + 128);
    let mut i = 0;
    while s.len() < bytes {
        s.push_str(SENTENCES[i % SENTENCES.len()]);
        i += 1;
    }
    s
}

/// The report keeps its invariants. Over 1 MB only the length is compared: the full check analyzes the
/// draft again, and the 1 MB run already checks everything on the same kind of text.
fn assert_well_formed(name: &str, text: &str, report: &Report) {
    assert_eq!(report.length, text.encode_utf16().count(), "{name}: length in UTF-16 units");
    if text.len() <= 1 << 20 {
        if let Err(e) = report_invariants::check(text, &Options::default(), report) {
            panic!("{name}: {e}");
        }
    }
}

/// Memory may grow with the draft, but by a bounded factor: the view, the offset map and the findings
/// (each quoting its text) are all linear in it.
const MEMORY_PER_BYTE: usize = 64;
const MEMORY_FLOOR: usize = 4 << 20;

fn assert_bounded(name: &str, text: &str, peak: usize) {
    let limit = MEMORY_FLOOR + MEMORY_PER_BYTE * text.len();
    assert!(peak <= limit, "{name}: {peak} bytes at once for a {}-byte draft (limit {limit})", text.len());
}

#[test]
fn one_and_ten_megabyte_drafts_take_linear_time_and_bounded_memory() {
    let small = draft_of(1 << 20);
    let large = draft_of(10 << 20);
    // Warm up (the rule book compiles once), then the best of two runs each: the machine is shared,
    // and the best run is the one least disturbed.
    analyze("warm up", &Options::default());
    let mut best = [Duration::MAX; 2];
    let mut peaks = [0; 2];
    for _ in 0..2 {
        for (k, text) in [&small, &large].into_iter().enumerate() {
            let (report, took, peak) = measured(text);
            assert!(report.findings.len() > 1000, "the draft has findings throughout");
            assert_well_formed(if k == 0 { "1 MB" } else { "10 MB" }, text, &report);
            best[k] = best[k].min(took);
            peaks[k] = peaks[k].max(peak);
        }
    }
    let ratio = best[1].as_secs_f64() / best[0].as_secs_f64();
    println!("1 MB: {:?}, {} bytes peak; 10 MB: {:?}, {} bytes peak; time ratio {ratio:.1}", best[0], peaks[0], best[1], peaks[1]);
    // Linear is 10; quadratic would be 100. The loose bound only catches the latter.
    assert!(ratio < 30.0, "10 MB took {ratio:.1}× as long as 1 MB ({:?} vs {:?}): not linear", best[1], best[0]);
    assert_bounded("1 MB", &small, peaks[0]);
    assert_bounded("10 MB", &large, peaks[1]);
    let memory_ratio = peaks[1] as f64 / peaks[0] as f64;
    assert!(memory_ratio < 30.0, "memory grew {memory_ratio:.1}× from 1 MB to 10 MB: not linear");
}

/// Time for `text` repeated to about `small` and to 8 × `small` bytes: the best of two runs each.
fn time_ratio(unit: &str, small: usize) -> (f64, Duration, Duration) {
    analyze("warm up", &Options::default());
    let (a, b) = (unit.repeat(small / unit.len()), unit.repeat(8 * small / unit.len()));
    let best = |t: &str| (0..2).map(|_| measured(t).1).min().expect("two runs");
    let (ta, tb) = (best(&a), best(&b));
    (tb.as_secs_f64() / ta.as_secs_f64(), ta, tb)
}

#[test]
fn drafts_dense_with_findings_take_linear_time() {
    // Addresses (each also a link candidate: "b.com"), phone numbers and links next to one another:
    // every detector's candidates were once compared with every other's (quadratic).
    for unit in ["a@b.com ", "help@myshop.com call 555-123-4567 ", "www.shop.com a@b.co.uk "] {
        let (ratio, small, large) = time_ratio(unit, 128 << 10);
        println!("{unit:?}: 128 KB {small:?}, 1 MB {large:?}, ratio {ratio:.1}");
        // Linear is 8; quadratic would be 64.
        assert!(ratio < 24.0, "{unit:?} ×8 took {ratio:.1}× as long ({small:?} vs {large:?}): not linear");
    }
}

#[test]
fn pathological_drafts_complete_with_well_formed_reports() {
    let phrase = "Please leave a 5-star review ";
    let cases: Vec<(&str, String)> = vec![
        ("a 100,000-character line", "a".repeat(100_000)),
        ("a 100,000-character line of words", "review".repeat(16_667)),
        ("a 100,000-character URL", format!("https://www.{}.com/", "x".repeat(100_000))),
        ("50,000 emoji", "😀".repeat(50_000)),
        ("50,000 family emoji (ZWJ sequences)", "👨‍👩‍👧".repeat(50_000 / 5)),
        ("bidi controls", "\u{202E}www.shop.com\u{202C} \u{2066}call 555-123-4567\u{2069} \u{200F}".repeat(5_000)),
        ("NUL and control characters", "\0\u{1}\u{7}\u{8}\u{1B}\u{7F}\u{85}review\0www\0.\0shop\0.\0com\r".repeat(10_000)),
        ("the same phrase ×100,000", phrase.repeat(100_000)),
        ("[ ×200,000", "[".repeat(200_000)),
        ("${ ×100,000", "${".repeat(100_000)),
        ("w. ×200,000", "w.".repeat(200_000)),
        ("1- ×200,000", "1-".repeat(200_000)),
        ("<a ×100,000", "<a ".repeat(100_000)),
        ("a@ ×100,000", "a@".repeat(100_000)),
        ("spelled-out letters ×100,000", "a ".repeat(100_000)),
        ("combining marks ×100,000", format!("e{}", "\u{301}".repeat(100_000))),
        ("replacement characters (lone surrogates from JavaScript) ×100,000", "\u{FFFD}".repeat(100_000)),
    ];
    for (name, text) in &cases {
        let (report, took, peak) = measured(text);
        assert_well_formed(name, text, &report);
        assert_bounded(name, text, peak);
        println!("{name}: {} bytes, {} findings, {took:?}, {peak} bytes peak", text.len(), report.findings.len());
    }
    // The repeated phrase is found every time, with exact offsets.
    let text = phrase.repeat(100_000);
    let report = analyze(&text, &Options::default());
    let rv: Vec<_> = report.findings.iter().filter(|f| f.rule == "RV001").collect();
    assert_eq!(rv.len(), 100_000, "one RV001 per phrase");
    let n = phrase.len();
    for (k, f) in rv.iter().enumerate().step_by(9_973) {
        assert_eq!(&text[f.start..f.end], f.matched, "phrase {k}");
        assert!(f.start >= k * n && f.end <= (k + 1) * n, "phrase {k} at {}..{}", f.start, f.end);
    }
}
