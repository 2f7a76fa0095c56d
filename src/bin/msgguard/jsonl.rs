//! The JSON Lines protocol: how template libraries are checked in bulk and how accuracy is measured.
//! One output line per input line, in order, with the same `id`; a line that cannot be read gets an
//! `error` instead of a report, and the rest go on.

use msgguard::{analyze, Options};
use serde_json::{json, Value};
use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

pub fn run(defaults: &Options, full: bool) -> ExitCode {
    let stdin = io::stdin();
    let mut out = BufWriter::new(io::stdout().lock());
    let mut failed = false;
    for (n, line) in stdin.lock().lines().enumerate() {
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                eprintln!("msgguard: cannot read standard input at line {}: {e}", n + 1);
                return ExitCode::from(2);
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        let reply = match serde_json::from_str::<Value>(&line) {
            Ok(v) => answer(&v, defaults, full),
            Err(e) => json!({"id": null, "line": n + 1, "error": format!("not JSON: {e}")}),
        };
        failed |= reply.get("error").is_some();
        if writeln!(out, "{reply}").is_err() {
            return ExitCode::from(2);
        }
    }
    let _ = out.flush();
    if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

fn answer(v: &Value, defaults: &Options, full: bool) -> Value {
    let id = v.get("id").cloned().unwrap_or(Value::Null);
    let Some(text) = v.get("text").and_then(Value::as_str) else {
        return json!({"id": id, "error": "each line needs a \"text\" string"});
    };
    let mut options = defaults.clone();
    if let Some(s) = v.get("subject").and_then(Value::as_str) {
        options.subject = Some(s.to_string());
    }
    if let Some(l) = v.get("lang").and_then(Value::as_str) {
        options.lang = Some(l.to_string());
    }
    let report = analyze(text, &options);
    if full {
        let mut whole = serde_json::to_value(&report).unwrap_or(Value::Null);
        if let Value::Object(map) = &mut whole {
            map.insert("id".into(), id);
        }
        return whole;
    }
    let findings: Vec<Value> = report
        .findings
        .iter()
        .map(|f| {
            json!({"rule": f.rule, "severity": f.severity.as_str(), "start": f.start, "end": f.end,
                   "match": f.matched, "message": f.message, "suggestions": f.suggestions})
        })
        .collect();
    json!({"id": id, "category": report.category.as_str(), "findings": findings,
           "subject_advice": report.subject_advice.as_str()})
}
