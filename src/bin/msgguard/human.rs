//! Output for people: findings like a compiler's, with the line, carets and the fix.

use msgguard::report::{Category, Finding, Severity};
use msgguard::{analyze, rulebook, Options};
use std::fmt::Write as _;
use std::process::ExitCode;

pub fn check_files(files: &[String], options: &Options, color: bool) -> ExitCode {
    let paint = Paint(color);
    let mut prohibited = 0;
    let mut undelivered = 0;
    let mut messages = 0;
    let mut io_error = false;
    for path in files {
        let content = match std::fs::read(path) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(e) => {
                eprintln!("msgguard: cannot read {path}: {e}");
                io_error = true;
                continue;
            }
        };
        for (first_line, body) in split_messages(&content) {
            messages += 1;
            let report = analyze(body, options);
            let mut out = String::new();
            for f in &report.findings {
                render_finding(&mut out, path, body, first_line, f, &paint);
            }
            let label = match report.category {
                Category::Prohibited => paint.red("prohibited"),
                Category::Critical => paint.green("critical"),
                Category::Noncritical => paint.blue("non-critical"),
            };
            let _ = writeln!(out, "{path}:{}: {label}: {}", first_line, report.summary);
            let _ = writeln!(out, "  advice: {}\n", report.subject_advice_reason);
            print!("{out}");
            if report.category == Category::Prohibited {
                prohibited += 1;
            } else if options.opted_out && report.category != Category::Critical && !report.empty {
                // A buyer who opted out receives only critical messages.
                undelivered += 1;
            }
        }
    }
    if options.opted_out {
        println!("{messages} message(s) checked, {prohibited} prohibited, {undelivered} not delivered to a buyer who opted out.");
    } else {
        println!("{messages} message(s) checked, {prohibited} prohibited.");
    }
    if io_error {
        ExitCode::from(2)
    } else if prohibited + undelivered > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// A template library file holds messages separated by lines of `---`; each comes with the line
/// number it starts on.
fn split_messages(content: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut start_line = 1;
    let mut line_no = 1;
    let mut offset = 0;
    for line in content.split_inclusive('\n') {
        if line.trim_end_matches(['\r', '\n']).trim() == "---" {
            out.push((start_line, &content[start..offset]));
            start = offset + line.len();
            start_line = line_no + 1;
        }
        offset += line.len();
        line_no += 1;
    }
    out.push((start_line, &content[start..]));
    out.into_iter().filter(|(_, m)| !m.trim().is_empty()).collect()
}

fn render_finding(out: &mut String, path: &str, text: &str, first_line: usize, f: &Finding, paint: &Paint) {
    let start = byte_at_utf16(text, f.start);
    let end = byte_at_utf16(text, f.end);
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let line_idx = text[..start].matches('\n').count();
    let col = text[line_start..start].chars().count() + 1;
    let line = text[line_start..line_end].trim_end_matches('\r');
    let width = text[start..end.min(line_end).max(start)].chars().count().max(1);
    let sev = match f.severity {
        Severity::Error => paint.red("error"),
        Severity::Warning => paint.yellow("warning"),
        Severity::Info => paint.blue("info"),
    };
    let n = first_line + line_idx;
    let gutter = " ".repeat(n.to_string().len());
    let _ = writeln!(out, "{path}:{n}:{col}: {sev}[{}]: {}", f.rule, f.title);
    let _ = writeln!(out, "{gutter} |");
    let _ = writeln!(out, "{n} | {line}");
    let _ = writeln!(out, "{gutter} | {}{} {}", " ".repeat(col - 1), paint.red(&"^".repeat(width)), f.message);
    for s in &f.suggestions {
        if s.is_empty() {
            let _ = writeln!(out, "{gutter} = fix: remove \"{}\"", f.matched);
        } else {
            let _ = writeln!(out, "{gutter} = fix: replace with \"{s}\"");
        }
    }
    let _ = writeln!(out, "{gutter} = rule: {} ({})", f.cite.source, f.cite.url);
}

fn byte_at_utf16(text: &str, units: usize) -> usize {
    let mut u = 0;
    for (i, c) in text.char_indices() {
        if u >= units {
            return i;
        }
        u += c.len_utf16();
    }
    text.len()
}

pub fn list_rules() {
    for book in rulebook::all() {
        println!("{} ({}):", book.name, book.lang);
        for r in book.rules {
            println!("  {}  {:<8} {:<32} {}", r.code, r.severity.as_str(), r.name, r.title);
        }
    }
}

pub fn explain(code: &str) -> ExitCode {
    let code_up = code.to_ascii_uppercase();
    let found = rulebook::all().iter().find_map(|b| b.rule(&code_up));
    let Some(r) = found else {
        eprintln!("msgguard: no rule '{code}'. `msgguard rules` lists them.");
        return ExitCode::from(2);
    };
    println!("{} {} ({})\n\n{}\n\n{}\n\n{}\n\nAmazon: \"{}\"\n  {} — {}", r.code, r.title, r.severity.as_str(), r.name, r.message, r.why, r.cite.text, r.cite.source, r.cite.url);
    println!("\nFlagged:");
    r.flag.iter().for_each(|f| println!("  {f}"));
    println!("Passes:");
    r.pass.iter().for_each(|p| println!("  {p}"));
    ExitCode::SUCCESS
}

struct Paint(bool);

impl Paint {
    fn wrap(&self, code: &str, s: &str) -> String {
        if self.0 {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn red(&self, s: &str) -> String {
        self.wrap("1;31", s)
    }
    fn yellow(&self, s: &str) -> String {
        self.wrap("1;33", s)
    }
    fn green(&self, s: &str) -> String {
        self.wrap("1;32", s)
    }
    fn blue(&self, s: &str) -> String {
        self.wrap("1;34", s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_template_libraries() {
        let lib = "one\n---\ntwo\nlines\n---\n\n";
        assert_eq!(split_messages(lib), [(1, "one\n"), (3, "two\nlines\n")]);
    }
}
