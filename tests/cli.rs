//! The `msgguard` command line on template files and JSON Lines: what a seller's script sees.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

const TEMPLATES: &str = "Hope you are enjoying the sunny weather!\n---\nHi [buyer name],\nWhich font would you like for the engraving?\n";

fn msgguard(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_msgguard"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the msgguard binary runs");
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

/// A template file of this test's own, removed when the test ends.
struct TempFile(std::path::PathBuf);

impl TempFile {
    fn new(name: &str, content: &str) -> Self {
        let path = std::env::temp_dir().join(format!("msgguard-cli-{}-{name}", std::process::id()));
        std::fs::write(&path, content).unwrap();
        TempFile(path)
    }
    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[test]
fn check_files_for_a_buyer_who_opted_out() {
    let file = TempFile::new("templates.txt", TEMPLATES);
    let normal = msgguard(&["check", file.path()], "");
    let out = String::from_utf8_lossy(&normal.stdout);
    assert_eq!(normal.status.code(), Some(0), "small talk is fine for other buyers:\n{out}");
    assert!(!out.contains("OP002"), "{out}");

    let opted = msgguard(&["check", "--opted-out", file.path()], "");
    let out = String::from_utf8_lossy(&opted.stdout);
    assert_eq!(opted.status.code(), Some(1), "a template that will not be delivered fails the check:\n{out}");
    assert!(out.contains(&format!("{}:1:1: error[OP002]: Will not be delivered", file.path())), "{out}");
    assert_eq!(out.matches("OP002").count(), 1, "only the small talk, not the critical template:\n{out}");
    assert!(out.contains("2 message(s) checked, 0 prohibited, 1 not delivered to a buyer who opted out."), "{out}");

    let critical_only = TempFile::new("critical.txt", "Which font would you like for the engraving?\n");
    let ok = msgguard(&["check", "--opted-out", critical_only.path()], "");
    assert_eq!(ok.status.code(), Some(0), "{}", String::from_utf8_lossy(&ok.stdout));
}

#[test]
fn check_jsonl_for_a_buyer_who_opted_out() {
    let input = "{\"id\": \"talk\", \"text\": \"Hope you are enjoying the sunny weather!\"}\n";
    let normal = msgguard(&["check", "--jsonl"], input);
    assert!(!String::from_utf8_lossy(&normal.stdout).contains("OP002"));
    let opted = msgguard(&["check", "--jsonl", "--opted-out"], input);
    assert_eq!(opted.status.code(), Some(0));
    let line: serde_json::Value = serde_json::from_slice(&opted.stdout).expect("one JSON line");
    let findings = line["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 1, "{line}");
    assert_eq!(findings[0]["rule"], "OP002");
    assert_eq!((findings[0]["start"].as_u64(), findings[0]["end"].as_u64()), (Some(0), Some(40)));
}

#[test]
fn usage_mentions_opted_out() {
    let help = msgguard(&["--help"], "");
    let out = String::from_utf8_lossy(&help.stdout);
    assert!(out.contains("--opted-out"), "{out}");
}
