//! Properties every report has, for any text: offsets inside the text and on UTF-16 boundaries that do
//! not split a surrogate pair, `match` equal to the text at those offsets, findings sorted, and the
//! same report every time (tests/support/report_invariants.rs); and the matching view maps every
//! character back to a range of the original (tests/support/view_invariants.rs). The fuzz targets
//! (fuzz/) check the same two files on whatever libFuzzer makes up.

use msgguard::{analyze, Options};
use proptest::prelude::*;

#[path = "support/report_invariants.rs"]
mod report_invariants;
#[path = "support/view_invariants.rs"]
mod view_invariants;

/// Pieces that exercise the matching view: evasions, placeholders, astral and combining characters,
/// controls, bidi marks, and text that rules look for.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("www.shop.com".to_string()),
        Just("w w w . shop . com".to_string()),
        Just("name [at] mail [dot] com".to_string()),
        Just("name (at) mail {dot} com".to_string()),
        Just("${order.id}".to_string()),
        Just("{{buyer}}".to_string()),
        Just("%STORE_URL%".to_string()),
        Just("[review link]".to_string()),
        Just("😀".to_string()),
        Just("👨‍👩‍👧".to_string()),
        Just("★★★".to_string()),
        Just("5 ⭐".to_string()),
        Just("中文".to_string()),
        Just("e\u{301}".to_string()),
        Just("\u{200B}".to_string()),
        Just("\u{FEFF}".to_string()),
        Just("\u{202E}".to_string()),
        Just("\u{2066}\u{2069}".to_string()),
        Just("\0".to_string()),
        Just("\u{1}\u{7}\u{1B}".to_string()),
        Just("\r\n".to_string()),
        Just("\n\n\n".to_string()),
        Just("ｗｗｗ．".to_string()),
        Just("mуshop".to_string()), // Cyrillic у
        Just("𝐩𝐨𝐬𝐢𝐭𝐢𝐯𝐞".to_string()),
        Just("\u{FFFD}".to_string()), // what a lone surrogate from JavaScript becomes
        Just("ß".to_string()),
        Just("İ".to_string()), // lowercases to two characters
        Just("ﬁ".to_string()),
        Just("5-star review".to_string()),
        Just("call 555-123-4567".to_string()),
        Just("If you liked it, leave a review".to_string()),
        Just("i n s t a g r a m".to_string()),
        Just("i*n*s*t*a".to_string()),
        Just("<a href=x>".to_string()),
        Just("[".to_string()),
        Just("$".to_string()),
        Just("{".to_string()),
        "[a-z .@:/-]{0,12}",
        any::<char>().prop_map(String::from),
    ]
}

fn draft() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..24).prop_map(|v| v.concat())
}

fn options() -> impl Strategy<Value = Options> {
    (
        prop::option::of("[A-Za-z \\[\\]]{0,20}"),
        any::<bool>(),
        prop::option::of(prop_oneof![Just("en".to_string()), Just("de".to_string()), "[a-z]{0,3}"]),
        any::<bool>(),
    )
        .prop_map(|(subject, critical_reason, lang, opted_out)| Options { subject, critical_reason, lang, opted_out })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn reports_are_well_formed(text in draft(), options in options()) {
        let report = analyze(&text, &options);
        if let Err(e) = report_invariants::check(&text, &options, &report) {
            prop_assert!(false, "{e} in {text:?}");
        }
    }

    #[test]
    fn reports_of_any_string_are_well_formed(text in any::<String>()) {
        let options = Options::default();
        if let Err(e) = report_invariants::check(&text, &options, &analyze(&text, &options)) {
            prop_assert!(false, "{e} in {text:?}");
        }
    }

    #[test]
    fn the_matching_view_maps_back_to_the_original(text in draft()) {
        if let Err(e) = view_invariants::check(&text) {
            prop_assert!(false, "{e} in {text:?}");
        }
    }

    #[test]
    fn the_matching_view_of_any_string_maps_back(text in any::<String>()) {
        if let Err(e) = view_invariants::check(&text) {
            prop_assert!(false, "{e} in {text:?}");
        }
    }
}
