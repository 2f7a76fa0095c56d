//! The compact report (src/report/compact.rs, the `analyze_compact` wasm export) expands to exactly the
//! full report, with the text it was asked for: on every rule-book example, the benchmark's drafts and
//! drafts whose UTF-16 offsets differ from their byte offsets. `expand` below reads the format as
//! extension/ui/compact-report.js does (tests/wasm checks that one against the module in browsers).

use msgguard::report::compact::{CompactReport, STRIDE};
use msgguard::rulebook;
use msgguard::{analyze, Options, Report};
use serde_json::{json, Map, Value};

#[path = "../benches/support/drafts.rs"]
#[allow(dead_code)]
mod drafts;

/// The full report back from the compact JSON, `match` cut from `text` in UTF-16 code units.
fn expand(compact: &Value, text: &str) -> Value {
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut report: Map<String, Value> = compact["rest"].as_object().expect("rest is an object").clone();
    let kinds = compact["kinds"].as_array().expect("kinds");
    let lists = compact["suggestions"].as_array().expect("suggestions");
    let matches = compact["matches"].as_array().expect("matches");
    let numbers: Vec<i64> = compact["findings"].as_array().expect("findings").iter().map(|n| n.as_i64().expect("a number")).collect();
    assert_eq!(numbers.len() % STRIDE, 0, "findings: {} numbers", numbers.len());
    let findings = numbers
        .chunks(STRIDE)
        .map(|n| {
            let (start, end) = (n[1] as usize, n[2] as usize);
            let matched = if n[4] < 0 {
                Value::String(String::from_utf16(&units[start..end]).expect("the slice is whole characters"))
            } else {
                matches[n[4] as usize].clone()
            };
            let mut f = kinds[n[0] as usize].as_object().expect("a kind").clone();
            f.insert("start".into(), json!(start));
            f.insert("end".into(), json!(end));
            f.insert("match".into(), matched);
            f.insert("suggestions".into(), lists[n[3] as usize].clone());
            Value::Object(f)
        })
        .collect();
    report.insert("findings".into(), Value::Array(findings));
    Value::Object(report)
}

/// Checks the expansion against the report and returns the compact JSON.
fn round_trip(text: &str, options: &Options) -> (Report, Value) {
    let report = analyze(text, options);
    let compact = serde_json::to_value(CompactReport::new(&report, text)).expect("serializes");
    let full = serde_json::to_value(&report).expect("serializes");
    let back = expand(&compact, text);
    if back != full {
        let (b, f) = (back["findings"].as_array().unwrap(), full["findings"].as_array().unwrap());
        let first = b.iter().zip(f).position(|(x, y)| x != y);
        panic!(
            "{text:?} ({options:?}): the expansion differs from the report; findings {} vs {}, first different: {:?} vs {:?}; rest equal: {}",
            b.len(),
            f.len(),
            first.map(|i| &b[i]),
            first.map(|i| &f[i]),
            back.as_object().unwrap().iter().filter(|(k, _)| *k != "findings").all(|(k, v)| full[k] == *v),
        );
    }
    (report, compact)
}

fn unmark(example: &str) -> String {
    example.chars().filter(|&c| c != '«' && c != '»').collect()
}

#[test]
fn every_rule_book_example_expands_to_its_report() {
    let mut n = 0;
    for book in rulebook::all() {
        for rule in book.rules {
            let options = Options {
                lang: Some(book.lang.to_string()),
                opted_out: rule.matcher.options_any.contains(&"opted_out"),
                critical_reason: rule.matcher.options_any.contains(&"critical_route"),
                ..Options::default()
            };
            for example in rule.flag.iter().chain(rule.pass) {
                let (_, compact) = round_trip(&unmark(example), &options);
                assert_eq!(compact["matches"], json!([]), "{} {example:?}: a match that is not the text's slice", rule.code);
                n += 1;
            }
        }
        for topic in book.topics {
            for example in topic.flag.iter().chain(topic.pass) {
                round_trip(&unmark(example), &Options { lang: Some(book.lang.to_string()), ..Options::default() });
                round_trip(&unmark(example), &Options { subject: Some("Additional Information Required".into()), ..Options::default() });
                n += 1;
            }
        }
    }
    assert!(n > 100, "only {n} examples");
}

#[test]
fn the_benchmark_drafts_expand_to_their_reports_and_name_each_rule_once() {
    for size in [200, 2_000, 20_000, 1_000_000] {
        let text = drafts::draft(size, size as u64);
        let (report, compact) = round_trip(&text, &Options::default());
        let kinds = compact["kinds"].as_array().unwrap();
        let mut codes: Vec<&str> = report.findings.iter().map(|f| f.rule).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(kinds.len(), codes.len(), "{size}: one kind per rule used");
        assert_eq!(compact["matches"], json!([]), "{size}: every match is the text's slice");
        let json = compact.to_string();
        for f in &report.findings {
            let message = serde_json::to_string(f.message).unwrap();
            assert_eq!(json.matches(&message).count(), 1, "{size}: {}'s message is not written once", f.rule);
        }
        let lists = compact["suggestions"].as_array().unwrap().len();
        assert!(lists <= 2 * kinds.len(), "{size}: {lists} suggestion lists for {} kinds", kinds.len());
        if size == 1_000_000 {
            let full = serde_json::to_string(&report).unwrap().len();
            assert!(json.len() * 10 < full, "{size}: the compact JSON ({} bytes) is not much smaller than the report's ({full})", json.len());
        }
    }
}

#[test]
fn offsets_are_utf16_whatever_comes_before_the_match() {
    for text in [
        "😀😀 Thanks! Please leave a 5-star review at www.myshop.com",
        "ご注文ありがとうございます。詳細は www.myshop.com をご覧ください。Please leave a positive review.",
        "𠀀𠀁 漢字 👨‍👩‍👧 café: write to support@mycompany.com, ★★★★★ rate us 😀",
        "<b>Leave us a review</b>&nbsp;at http://shop.example.com or HTTP://SHOP.EXAMPLE.COM\r\nCall 555-123-4567 😀😀😀",
        "",
        "   \n\n",
    ] {
        round_trip(text, &Options::default());
        round_trip(text, &Options { opted_out: true, ..Options::default() });
    }
}

#[test]
fn a_match_that_is_not_the_texts_slice_is_written_out() {
    let text = "Please leave a 5-star review at www.myshop.com. Please leave a 5-star review!";
    let mut report = analyze(text, &Options::default());
    assert!(report.findings.len() >= 3, "{:?}", report.findings);
    report.findings[1].matched = "LEAVE".into();
    let compact = serde_json::to_value(CompactReport::new(&report, text)).unwrap();
    assert_eq!(compact["matches"], json!(["LEAVE"]));
    assert_eq!(expand(&compact, text), serde_json::to_value(&report).unwrap());
}

#[test]
fn a_match_holding_u_fffd_is_written_out() {
    // A JavaScript string's lone surrogate reaches the analyzer as U+FFFD: the caller's slice would
    // hold the surrogate, the report's match holds U+FFFD, and the compact form keeps the report's.
    let text = "Visit http://my\u{FFFD}shop.com/x\u{FFFD}y or leave a 5-star review";
    let (report, compact) = round_trip(text, &Options::default());
    let odd: Vec<&str> = report.findings.iter().map(|f| f.matched.as_str()).filter(|m| m.contains('\u{FFFD}')).collect();
    assert!(!odd.is_empty(), "no finding covers the U+FFFD: {:?}", report.findings);
    assert_eq!(compact["matches"], json!(odd));
}
