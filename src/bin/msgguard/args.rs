//! Command-line parsing. Small enough not to need a parser crate.

use msgguard::Options;

pub const USAGE: &str = "\
usage:
  msgguard check [--subject TEXT] [--critical-reason] [--opted-out] [--lang LANG] [--color] FILE...
      Check message templates. A file holds one message, or several separated by lines of `---`.
      Prints each finding as FILE:LINE:COL with the line and carets; exits 1 if any message is
      prohibited (or, with --opted-out, will not be delivered), 0 otherwise.
      --opted-out checks for a buyer who opted out of non-critical messages: Amazon delivers them
      only critical messages, so every non-critical part is an error (OP002).
  msgguard check --jsonl [--full] [--subject TEXT] [--opted-out] [--lang LANG]
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

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(args: &[&str]) -> Vec<String> {
        args.iter().map(|a| a.to_string()).collect()
    }

    #[test]
    fn check_takes_opted_out_for_files_and_for_jsonl() {
        match parse(&argv(&["check", "--opted-out", "t.txt"])) {
            Ok(Command::Check { files, options, .. }) => {
                assert_eq!(files, ["t.txt"]);
                assert!(options.opted_out);
            }
            _ => panic!("check --opted-out FILE should check files"),
        }
        match parse(&argv(&["check", "--jsonl", "--opted-out"])) {
            Ok(Command::CheckJsonl { options, .. }) => assert!(options.opted_out),
            _ => panic!("check --jsonl --opted-out should read JSON Lines"),
        }
        match parse(&argv(&["check", "t.txt"])) {
            Ok(Command::Check { options, .. }) => assert!(!options.opted_out, "buyers have not opted out unless told"),
            _ => panic!("check FILE should check files"),
        }
    }

    #[test]
    fn every_check_option_is_in_the_usage_text() {
        for option in ["--subject", "--critical-reason", "--opted-out", "--lang", "--color", "--jsonl", "--full"] {
            assert!(USAGE.contains(option), "the usage text does not mention {option}");
        }
        assert_eq!(USAGE.matches("--opted-out]").count(), 2, "both check modes take --opted-out");
    }
}
