//! The analyzer inside a real browser (wasm32, headless Chromium and Firefox through
//! wasm-bindgen-test; `./build.sh test` runs it in both). The report goes the same way as through
//! the JavaScript facade (serde_json text, then the engine's `JSON.parse`), and offsets are
//! checked against the browser's own string: `text.slice(start, end) === match` for every finding,
//! with emoji, astral CJK and BMP CJK before the match.
//!
//! Native builds compile this file to nothing; `cargo test` runs the native tests instead.

#![cfg(target_arch = "wasm32")]

use msgguard::{analyze, Options};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

// The browser's own string and object operations (the crate has no js-sys dependency). `&str`
// arguments arrive as JS strings, decoded from UTF-8 by wasm-bindgen as the facade's are.
#[wasm_bindgen(inline_js = r#"
export function js_slice(s, start, end) { return s.slice(start, end); }
export function js_index_of(s, needle) { return s.indexOf(needle); }
export function js_length(s) { return s.length; }
export function js_get(o, key) { return o[key]; }
export function js_has(o, key) { return Object.prototype.hasOwnProperty.call(o, key); }
export function js_array_len(a) { return Array.isArray(a) ? a.length : -1; }
export function js_parse(s) { return JSON.parse(s); }
export function js_is_plain(o) {
  return Object.prototype.toString.call(o) === '[object Object]' && Object.getPrototypeOf(o) === Object.prototype;
}
"#)]
extern "C" {
    fn js_slice(s: &str, start: u32, end: u32) -> String;
    fn js_index_of(s: &str, needle: &str) -> i32;
    fn js_length(s: &str) -> u32;
    fn js_get(o: &JsValue, key: &str) -> JsValue;
    fn js_has(o: &JsValue, key: &str) -> bool;
    fn js_array_len(a: &JsValue) -> i32;
    fn js_is_plain(o: &JsValue) -> bool;
    fn js_parse(s: &str) -> JsValue;
}

/// `analyze` as JavaScript sees it: the report serialized like `src/wasm.rs` does.
fn analyze_js(text: &str, options: &Options) -> JsValue {
    let report = analyze(text, options);
    let value = js_parse(&serde_json::to_string(&report).expect("report serializes"));
    assert!(js_is_plain(&value), "the report must be a plain object");
    value
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    assert!(js_has(obj, key), "no field {key:?}");
    js_get(obj, key)
}

fn string(obj: &JsValue, key: &str) -> String {
    get(obj, key).as_string().unwrap_or_else(|| panic!("field {key:?} is not a string"))
}

fn number(obj: &JsValue, key: &str) -> u32 {
    get(obj, key).as_f64().unwrap_or_else(|| panic!("field {key:?} is not a number")) as u32
}

fn findings(report: &JsValue) -> Vec<JsValue> {
    let list = get(report, "findings");
    let len = js_array_len(&list);
    assert!(len >= 0, "findings is not an array");
    (0..len).map(|i| js_get(&list, &i.to_string())).collect()
}

/// Every finding's span, sliced by the browser, is its `match`; returns (rule, start, end, match).
fn checked_findings(text: &str, report: &JsValue) -> Vec<(String, u32, u32, String)> {
    let js_len = js_length(text);
    assert_eq!(number(report, "length"), js_len, "length is in UTF-16 code units for {text:?}");
    findings(report)
        .iter()
        .map(|f| {
            let (start, end, matched) = (number(f, "start"), number(f, "end"), string(f, "match"));
            assert!(start < end && end <= js_len, "span {start}..{end} out of range in {text:?}");
            assert_eq!(js_slice(text, start, end), matched, "text.slice({start}, {end}) !== match in {text:?}");
            (string(f, "rule"), start, end, matched)
        })
        .collect()
}

/// UTF-16 index of `needle` in `text`, as JavaScript's `indexOf` gives it.
fn js_index(text: &str, needle: &str) -> u32 {
    let i = js_index_of(text, needle);
    assert!(i >= 0, "{needle:?} not in {text:?}");
    i as u32
}

fn find<'a>(found: &'a [(String, u32, u32, String)], rule: &str) -> &'a (String, u32, u32, String) {
    found.iter().find(|f| f.0 == rule).unwrap_or_else(|| panic!("no {rule} finding in {found:?}"))
}

/// The `rule` finding covers `needle` and starts where JavaScript finds its match in `text` (the
/// exact span is the rule book's business; the offsets are this test's).
fn assert_flags(text: &str, found: &[(String, u32, u32, String)], rule: &str, needle: &str) {
    let (_, start, _, matched) = find(found, rule);
    assert!(matched.contains(needle), "{rule} matched {matched:?}, which lacks {needle:?}");
    assert_eq!(*start, js_index(text, matched), "{rule} start is not the JS index of {matched:?}");
}

#[wasm_bindgen_test]
fn ascii_review_request_is_prohibited() {
    let text = "Please leave a positive review.";
    let report = analyze_js(text, &Options::default());
    assert_eq!(string(&report, "category"), "prohibited");
    assert_eq!(string(&report, "subject_advice"), "fix-first");
    let found = checked_findings(text, &report);
    assert_flags(text, &found, "RV001", "positive review");
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
    assert_flags(text, &found, "RV001", "5-star");
    assert_flags(text, &found, "CT001", "www.myshop.com");
}

#[wasm_bindgen_test]
fn offsets_after_cjk_are_utf16() {
    let text = "ご注文ありがとうございます。詳細は www.myshop.com をご覧ください。Please leave a positive review.";
    let report = analyze_js(text, &Options::default());
    let found = checked_findings(text, &report);
    assert_flags(text, &found, "CT001", "www.myshop.com");
    assert_eq!(find(&found, "CT001").1, 18, "17 BMP CJK characters and a space before the link");
    assert_flags(text, &found, "RV001", "positive review");

    // Astral CJK (two code units each) and an accented letter before an e-mail address.
    let text = "𠀀𠀁 漢字 café: write to support@mycompany.com";
    let report = analyze_js(text, &Options::default());
    let found = checked_findings(text, &report);
    assert_flags(text, &found, "CT004", "support@mycompany.com");
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
        assert!(js_has(&report, key), "report lacks {key:?}");
    }
    assert_eq!(string(&report, "lang"), "en");
    let finding = &findings(&report)[0];
    for key in ["rule", "name", "severity", "start", "end", "match", "title", "message", "cite", "suggestions"] {
        assert!(js_has(finding, key), "finding lacks {key:?}");
    }
    assert!(js_array_len(&get(finding, "suggestions")) >= 0, "suggestions is not an array");
}
