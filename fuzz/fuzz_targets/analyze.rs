//! Any text, any subject and options: `analyze` must not panic and its report must keep the invariants
//! of tests/support/report_invariants.rs (offsets in range on UTF-16 boundaries, `match` equal to the
//! text there, findings sorted, the same report twice).
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use msgguard::{analyze, Options};

#[path = "../../tests/support/report_invariants.rs"]
mod report_invariants;

#[derive(Debug, Arbitrary)]
struct Input<'a> {
    subject: Option<&'a str>,
    critical_reason: bool,
    lang: Option<&'a str>,
    opted_out: bool,
    text: &'a str,
}

fuzz_target!(|input: Input<'_>| {
    let options = Options {
        subject: input.subject.map(str::to_string),
        critical_reason: input.critical_reason,
        lang: input.lang.map(str::to_string),
        opted_out: input.opted_out,
    };
    let report = analyze(input.text, &options);
    if let Err(e) = report_invariants::check(input.text, &options, &report) {
        panic!("{e}\ntext: {:?}\noptions: {options:?}", input.text);
    }
});
