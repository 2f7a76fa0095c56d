//! Every rule and topic in every rule book behaves as its own examples say: each «marked span» of a
//! `flag` example is reported by that rule (exactly that span), and `pass` examples are not flagged
//! by it. Also checks what a book must define, and that docs/rules.md is current.

use msgguard::rulebook::{self, Book, Rule, Topic, REQUIRED_STRINGS};
use msgguard::{analyze, Options};

/// The example text without markers, and the marked spans as UTF-16 offsets.
fn unmark(example: &str) -> (String, Vec<(usize, usize)>) {
    let mut text = String::new();
    let mut spans = Vec::new();
    let mut open = 0;
    for c in example.chars() {
        match c {
            '«' => open = text.encode_utf16().count(),
            '»' => spans.push((open, text.encode_utf16().count())),
            _ => text.push(c),
        }
    }
    (text, spans)
}

fn options_for(book: &Book, rule_options: &[&str]) -> Options {
    Options {
        lang: Some(book.lang.to_string()),
        opted_out: rule_options.contains(&"opted_out"),
        critical_reason: rule_options.contains(&"critical_route"),
        ..Options::default()
    }
}

fn check_rule(book: &Book, rule: &Rule, problems: &mut Vec<String>) {
    let options = options_for(book, rule.matcher.options_any);
    for example in rule.flag {
        let (text, spans) = unmark(example);
        let report = analyze(&text, &options);
        let got: Vec<(usize, usize)> = report.findings.iter().filter(|f| f.rule == rule.code).map(|f| (f.start, f.end)).collect();
        for span in &spans {
            if !got.contains(span) {
                let want: String = String::from_utf16_lossy(&text.encode_utf16().collect::<Vec<_>>()[span.0..span.1]);
                problems.push(format!("{} {}: {example:?} should flag {want:?} {span:?}; {} reported {got:?}", book.lang, rule.code, rule.code));
            }
        }
    }
    for example in rule.pass {
        let report = analyze(example, &options);
        if let Some(f) = report.findings.iter().find(|f| f.rule == rule.code) {
            problems.push(format!("{} {}: {example:?} should pass, but {:?} is flagged", book.lang, rule.code, f.matched));
        }
    }
}

fn check_topic(book: &Book, topic: &Topic, problems: &mut Vec<String>) {
    let options = options_for(book, &[]);
    for example in topic.flag {
        let (text, spans) = unmark(example);
        let report = analyze(&text, &options);
        for span in &spans {
            let found = report.evidence.iter().any(|e| e.topic == topic.id && e.start <= span.0 && span.1 <= e.end);
            // Pleasantries do not appear as evidence; they must still be recognized (seen by MT rules).
            let pleasantry_seen = !topic.substantive && !report.findings.is_empty() || !topic.substantive && found;
            if !(found || pleasantry_seen) {
                problems.push(format!("{} topic {}: {example:?} should show the topic around {span:?}; evidence: {:?}", book.lang, topic.id,
                    report.evidence.iter().map(|e| (e.topic, e.trigger.as_str())).collect::<Vec<_>>()));
            }
        }
    }
    for example in topic.pass {
        let report = analyze(example, &options);
        if let Some(e) = report.evidence.iter().find(|e| e.topic == topic.id) {
            problems.push(format!("{} topic {}: {example:?} should not show the topic; triggered by {:?}", book.lang, topic.id, e.trigger));
        }
    }
}

#[test]
fn every_rule_and_topic_behaves_as_its_examples_say() {
    let mut problems = Vec::new();
    for book in rulebook::all() {
        for rule in book.rules {
            if rule.flag.is_empty() || rule.pass.is_empty() {
                problems.push(format!("{} {}: needs flag and pass examples", book.lang, rule.code));
            }
            check_rule(book, rule, &mut problems);
        }
        for topic in book.topics {
            check_topic(book, topic, &mut problems);
        }
    }
    assert!(problems.is_empty(), "{} rule-book example(s) misbehave:\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn every_book_defines_what_the_report_needs() {
    for book in rulebook::all() {
        for key in REQUIRED_STRINGS {
            assert!(book.strings.iter().any(|(k, v)| k == key && !v.is_empty()), "{}: [strings] lacks {key}", book.lang);
        }
        assert!(!book.critical_subjects.is_empty(), "{}: no critical_subjects", book.lang);
    }
    assert!(rulebook::all().iter().any(|b| b.lang == "en"), "the English book is the fallback and must exist");
}

#[test]
fn rule_codes_are_unique_and_well_formed() {
    for book in rulebook::all() {
        let mut seen = std::collections::HashSet::new();
        for r in book.rules {
            assert!(seen.insert(r.code), "{}: {} defined twice", book.lang, r.code);
            assert!(r.code.len() == 5 && r.code[..2].chars().all(|c| c.is_ascii_uppercase()) && r.code[2..].chars().all(|c| c.is_ascii_digit()),
                "{}: code {} should look like AB123", book.lang, r.code);
            assert!(r.name.chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{}: name {} should be kebab-case", book.lang, r.name);
            assert!(r.cite.url.starts_with("https://"), "{}: {} cites no https URL", book.lang, r.code);
        }
    }
}

#[test]
fn the_rule_reference_is_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md");
    let want = msgguard::reference::markdown();
    if std::env::var_os("MSGGUARD_BLESS").is_some() {
        std::fs::write(path, &want).unwrap();
    }
    let have = std::fs::read_to_string(path).unwrap_or_default();
    assert!(have == want, "docs/rules.md is out of date: run `MSGGUARD_BLESS=1 cargo test --test rulebook` (or `msgguard rules --markdown > docs/rules.md`)");
}
