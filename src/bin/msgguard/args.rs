//! Command-line parsing. Small enough not to need a parser crate.

use msgguard::Options;

pub const USAGE: &str = "\
usage:
  msgguard check [--subject TEXT] [--critical-reason] [--lang LANG] [--color] FILE...
      Check message templates. A file holds one message, or several separated by lines of `---`.
      Prints each finding as FILE:LINE:COL with the line and carets; exits 1 if any message is
      prohibited, 0 otherwise.
  msgguard check --jsonl [--full] [--subject TEXT] [--lang LANG]
      Read JSON Lines {\"id\": ..., \"text\": \"...\", \"subject\": \"...\"} from standard input and write
      one JSON line per input: {\"id\", \"category\", \"findings\", \"subject_advice\"} (UTF-16 offsets);
      with --full, the whole report (evidence, summary, advice reason) as the extension sees it.
  msgguard rules [--markdown]
      List the rules, or print the full rule reference (docs/rules.md).
  msgguard explain CODE
      Show one rule: what it catches, the Amazon rule, examples.
  msgguard --version";

pub enum Command {
    Help,
    Version,
    Check { files: Vec<String>, options: Options, color: bool },
    CheckJsonl { options: Options, full: bool },
    Rules { markdown: bool },
    Explain { code: String },
}

pub fn parse(argv: &[String]) -> Result<Command, String> {
    let Some(first) = argv.first() else { return Ok(Command::Help) };
    let rest = &argv[1..];
    match first.as_str() {
        "-h" | "--help" | "help" => Ok(Command::Help),
        "-V" | "--version" => Ok(Command::Version),
        "check" => parse_check(rest),
        "rules" => match rest {
            [] => Ok(Command::Rules { markdown: false }),
            [m] if m == "--markdown" => Ok(Command::Rules { markdown: true }),
            _ => Err(format!("'rules' takes only --markdown, got {rest:?}")),
        },
        "explain" => match rest {
            [code] => Ok(Command::Explain { code: code.clone() }),
            _ => Err("'explain' takes one rule code, such as RV001".into()),
        },
        other => Err(format!("unknown command '{other}'")),
    }
}

fn parse_check(rest: &[String]) -> Result<Command, String> {
    let mut options = Options::default();
    let mut files = Vec::new();
    let mut jsonl = false;
    let mut color = false;
    let mut full = false;
    let mut it = rest.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--jsonl" => jsonl = true,
            "--color" => color = true,
            "--full" => full = true,
            "--critical-reason" => options.critical_reason = true,
            "--opted-out" => options.opted_out = true,
            "--subject" => options.subject = Some(it.next().ok_or("--subject needs a value")?.clone()),
            "--lang" => options.lang = Some(it.next().ok_or("--lang needs a value, such as en")?.clone()),
            "--" => files.extend(it.by_ref().cloned()),
            s if s.starts_with('-') && s != "-" => return Err(format!("unknown option '{s}' for 'check'")),
            _ => files.push(a.clone()),
        }
    }
    match (jsonl, files.is_empty()) {
        (true, true) => Ok(Command::CheckJsonl { options, full }),
        (true, false) => Err("--jsonl reads standard input; do not name files with it".into()),
        (false, true) => Err("'check' needs at least one FILE (or --jsonl to read standard input)".into()),
        (false, false) => Ok(Command::Check { files, options, color }),
    }
}
