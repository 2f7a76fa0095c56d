//! Properties every report has, for any text: offsets inside the text and on UTF-16 boundaries that do
//! not split a surrogate pair, `match` equal to the text at those offsets, findings sorted, and the
//! same report every time.

use msgguard::{analyze, Options};
use proptest::prelude::*;

/// Pieces that exercise the matching view: evasions, placeholders, astral and combining characters,
/// controls, bidi marks, and text that rules look for.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("www.shop.com".to_string()),
        Just("w w w . shop . com".to_string()),
        Just("name [at] mail [dot] com".to_string()),
        Just("${order.id}".to_string()),
        Just("{{buyer}}".to_string()),
        Just("[review link]".to_string()),
        Just("😀".to_string()),
        Just("👨‍👩‍👧".to_string()),
        Just("★★★".to_string()),
        Just("中文".to_string()),
        Just("e\u{301}".to_string()),
        Just("\u{200B}".to_string()),
        Just("\u{202E}".to_string()),
        Just("\0".to_string()),
        Just("\n\n\n".to_string()),
        Just("ｗｗｗ．".to_string()),
        Just("5-star review".to_string()),
        Just("call 555-123-4567".to_string()),
        Just("If you liked it, leave a review".to_string()),
        Just("i n s t a g r a m".to_string()),
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

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn reports_are_well_formed(text in draft(), subject in prop::option::of("[A-Za-z \\[\\]]{0,20}")) {
        let options = Options { subject, ..Options::default() };
        let report = analyze(&text, &options);
        let units: Vec<u16> = text.encode_utf16().collect();
        prop_assert_eq!(report.length, units.len());
        let mut last = 0;
        for f in &report.findings {
            prop_assert!(f.start < f.end && f.end <= units.len(), "{} at {}..{} of {}", f.rule, f.start, f.end, units.len());
            let slice = String::from_utf16(&units[f.start..f.end]);
            prop_assert!(slice.is_ok(), "{} splits a surrogate pair", f.rule);
            prop_assert_eq!(slice.unwrap(), f.matched.clone());
            prop_assert!(f.start >= last, "findings sorted");
            last = f.start;
        }
        for e in &report.evidence {
            prop_assert!(e.start < e.end && e.end <= units.len());
            prop_assert_eq!(String::from_utf16(&units[e.start..e.end]).unwrap(), e.text.clone());
        }
        let again = analyze(&text, &options);
        prop_assert_eq!(serde_json::to_string(&report).unwrap(), serde_json::to_string(&again).unwrap());
    }
}

#[test]
fn hostile_drafts_complete() {
    let cases = [
        "a".repeat(100_000),
        "😀".repeat(50_000),
        "[".repeat(200_000),
        "${".repeat(100_000),
        "leave a 5-star review ".repeat(20_000),
        "\u{202E}\u{200B}\0\u{1}".repeat(50_000),
        "w.".repeat(200_000),
        "1-".repeat(200_000),
        "<a ".repeat(100_000),
    ];
    for text in cases {
        let report = analyze(&text, &Options::default());
        assert_eq!(report.length, text.encode_utf16().count());
        for f in report.findings.iter().take(50) {
            assert!(f.start < f.end && f.end <= report.length);
        }
    }
}
