//! Any text: the matching view (src/text/normalize.rs) must not panic and must map every character back
//! to the original as tests/support/view_invariants.rs checks; raw bytes that are not UTF-8 are read
//! the way a browser would decode them (replacement characters), so every input is used.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/view_invariants.rs"]
mod view_invariants;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Err(e) = view_invariants::check(&text) {
        panic!("{e}\ntext: {text:?}");
    }
});
