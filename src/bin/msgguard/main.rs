//! `msgguard`: Message Guard's analyzer on the command line, for template files and bulk checks.
//!
//!     msgguard check FILE...            findings like a compiler; exit 1 if any message is prohibited
//!     msgguard check --opted-out FILE   the same for a buyer who opted out: non-critical parts are errors
//!     msgguard check --jsonl            JSON Lines in ({"id","text","subject"?}), JSON Lines out
//!     msgguard rules [--markdown]       the rule list, or the full reference (docs/rules.md)
//!     msgguard explain CODE             one rule, with its examples

mod args;
mod human;
mod jsonl;

use std::process::ExitCode;

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let cmd = match args::parse(&argv) {
        Ok(cmd) => cmd,
        Err(msg) => {
            eprintln!("msgguard: {msg}\n\n{}", args::USAGE);
            return ExitCode::from(2);
        }
    };
    match cmd {
        args::Command::Help => {
            println!("{}", args::USAGE);
            ExitCode::SUCCESS
        }
        args::Command::Version => {
            println!("msgguard {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        args::Command::Check { files, options, color } => human::check_files(&files, &options, color),
        args::Command::CheckJsonl { options, full } => jsonl::run(&options, full),
        args::Command::Rules { markdown } => {
            if markdown {
                print!("{}", msgguard::reference::markdown());
            } else {
                human::list_rules();
            }
            ExitCode::SUCCESS
        }
        args::Command::Explain { code } => human::explain(&code),
    }
}
