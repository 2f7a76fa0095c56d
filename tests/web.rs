//! The analyzer inside a real browser (wasm32, headless Chromium and Firefox through
//! wasm-bindgen-test; `./build.sh test` runs it in both). The report goes through the same
//! serializer as the JavaScript facade (`serde_wasm_bindgen`, JSON-compatible), and offsets are
//! checked against the browser's own string: `text.slice(start, end) === match` for every finding,
//! with emoji, astral CJK and BMP CJK before the match.
//!
//! Native builds compile this file to nothing; `cargo test` runs the native tests instead.

#![cfg(target_arch = "wasm32")]

use js_sys::{Array, JsString, Object, Reflect};
use msgguard::{analyze, Options};
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// `analyze` as JavaScript sees it: the report serialized like `src/wasm.rs` does.
fn analyze_js(text: &str, options: &Options) -> Object {
    let report = analyze(text, options);
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    report.serialize(&serializer).expect("report serializes").dyn_into::<Object>().expect("report is a plain object")
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or_else(|_| panic!("no field {key:?}"))
}

fn string(obj: &JsValue, key: &str) -> String {
    get(obj, key).as_string().unwrap_or_else(|| panic!("field {key:?} is not a string"))
}

fn number(obj: &JsValue, key: &str) -> u32 {
    get(obj, key).as_f64().unwrap_or_else(|| panic!("field {key:?} is not a number")) as u32
}

fn findings(report: &Object) -> Vec<JsValue> {
    get(report, "findings").dyn_into::<Array>().expect("findings is an array").iter().collect()
}

/// Every finding's span, sliced by the browser, is its `match`; returns (rule, start, end, match).
fn checked_findings(text: &str, report: &Object) -> Vec<(String, u32, u32, String)> {
    let js_text = JsString::from(text);
    assert_eq!(number(report, "length"), js_text.length(), "length is in UTF-16 code units for {text:?}");
    findings(report)
        .iter()
        .map(|f| {
            let (start, end, matched) = (number(f, "start"), number(f, "end"), string(f, "match"));
            assert!(start < end && end <= js_text.length(), "span {start}..{end} out of range in {text:?}");
            let sliced: String = js_text.slice(start, end).into();
            assert_eq!(sliced, matched, "text.slice({start}, {end}) !== match in {text:?}");
            (string(f, "rule"), start, end, matched)
        })
        .collect()
}

/// UTF-16 index of `needle` in `text`, as JavaScript's `indexOf` gives it.
fn js_index_of(text: &str, needle: &str) -> u32 {
    let i = JsString::from(text).index_of(needle, 0);
    assert!(i >= 0, "{needle:?} not in {text:?}");
    i as u32
}

fn find<'a>(found: &'a [(String, u32, u32, String)], rule: &str) -> &'a (String, u32, u32, String) {
    found.iter().find(|f| f.0 == rule).unwrap_or_else(|| panic!("no {rule} finding in {found:?}"))
}

#[wasm_bindgen_test]
fn ascii_review_request_is_prohibited() {
    let text = "Please leave a positive review.";
    let report = analyze_js(text, &Options::default());
    assert_eq!(string(&report, "category"), "prohibited");
    assert_eq!(string(&report, "subject_advice"), "fix-first");
    let found = checked_findings(text, &report);
    let rv = find(&found, "RV001");
    assert_eq!(rv.3, "positive review");
    assert_eq!(rv.1, js_index_of(text, "positive review"));
    let counts = get(&report, "counts");
    assert!(number(&counts, "error") >= 1);
}

#[wasm_bindgen_test]
fn offsets_after_emoji_are_utf16() {
    let text = "😀😀 Thanks! Please leave a 5-star review at www.myshop.com";
    let report = analyze_js(text, &Options::default());
    assert_eq!(string(&report, "category"), "prohibited");
    let found = checked_findings(text, &report);
    let emoji = find(&found, "FM001");
    assert_eq!((emoji.1, emoji.2), (0, 4), "two emoji are four UTF-16 code units");
    let star = find(&found, "RV001");
    assert_eq!((star.1, star.3.as_str()), (js_index_of(text, "5-star"), "5-star"));
    let link = find(&found, "CT001");
    assert_eq!((link.1, link.3.as_str()), (js_index_of(text, "www.myshop.com"), "www.myshop.com"));
}

#[wasm_bindgen_test]
fn offsets_after_cjk_are_utf16() {
    let text = "ご注文ありがとうございます。詳細は www.myshop.com をご覧ください。Please leave a positive review.";
    let report = analyze_js(text, &Options::default());
    let found = checked_findings(text, &report);
    let link = find(&found, "CT001");
    assert_eq!((link.1, link.2), (18, 32));
    assert_eq!(find(&found, "RV001").1, js_index_of(text, "positive review"));

    // Astral CJK (two code units each) and an accented letter before an e-mail address.
    let text = "𠀀𠀁 漢字 café: write to support@mycompany.com";
    let report = analyze_js(text, &Options::default());
    let found = checked_findings(text, &report);
    let email = find(&found, "CT004");
    assert_eq!((email.1, email.3.as_str()), (js_index_of(text, "support@"), "support@mycompany.com"));
}

#[wasm_bindgen_test]
fn categories() {
    let critical = analyze_js(
        "Which font would you like for the engraving?",
        &Options::with_subject("Additional Information Required"),
    );
    assert_eq!(string(&critical, "category"), "critical");
    assert_eq!(get(&critical, "critical_route_chosen"), JsValue::TRUE);

    let noncritical = analyze_js("Thank you for your order!", &Options::default());
    assert_eq!(string(&noncritical, "category"), "noncritical");
    assert_eq!(get(&noncritical, "critical_route_chosen"), JsValue::FALSE);

    let empty = analyze_js("", &Options::default());
    assert_eq!(get(&empty, "empty"), JsValue::TRUE);
    assert_eq!(string(&empty, "category"), "noncritical");
    assert_eq!(string(&empty, "subject_advice"), "none");
    assert_eq!(findings(&empty).len(), 0);
}

#[wasm_bindgen_test]
fn report_has_the_contract_fields() {
    let report = analyze_js("Please leave a positive review.", &Options::default());
    for key in [
        "lang",
        "category",
        "empty",
        "summary",
        "findings",
        "evidence",
        "subject_advice",
        "subject_advice_reason",
        "critical_route_chosen",
        "counts",
        "length",
    ] {
        assert!(Reflect::has(&report, &JsValue::from_str(key)).unwrap(), "report lacks {key:?}");
    }
    assert_eq!(string(&report, "lang"), "en");
    let finding = &findings(&report)[0];
    for key in ["rule", "name", "severity", "start", "end", "match", "title", "message", "cite", "suggestions"] {
        assert!(Reflect::has(finding, &JsValue::from_str(key)).unwrap(), "finding lacks {key:?}");
    }
    assert!(Array::is_array(&get(finding, "suggestions")));
}
