//! E-mail addresses, including "name [at] shop [dot] com" (the brackets are folded by the matching
//! view), "name @ shop . com" and "name at shop dot com".

use super::parts::{DOT, LABEL};
use super::{is_tld, tld_needs_evidence};
use crate::text::{Normalized, Span};
use regex::Regex;
use std::sync::OnceLock;

fn regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let local = r"[\w\x{E000}][\w\x{E000}.+%-]*";
        let at = r"(?:\s?@\s?|\sat\s)";
        Regex::new(&format!(r"{local}(?P<at>{at}){LABEL}(?:{DOT}{LABEL})*(?P<dot>{DOT})(?P<tld>[a-z]{{2,12}})(?-u:\b)"))
            .expect("e-mail pattern compiles")
    })
}

pub fn find(view: &Normalized) -> Vec<Span> {
    let text = view.text.as_str();
    let b = text.as_bytes();
    // An address has an "@", or in its written-out form a " dot ".
    let anchors = (0..b.len()).filter(|&i| b[i] == b'@' || (b[i] == b' ' && b[i + 1..].starts_with(b"dot ")));
    let mut out = Vec::new();
    for (from, to) in super::windows(text, anchors, 80, 120) {
        find_in(view, from, &text[from..to], &mut out);
    }
    out
}

fn find_in(view: &Normalized, base: usize, window: &str, out: &mut Vec<Span>) {
    for caps in regex().captures_iter(window) {
        let whole = caps.get(0).expect("group 0 always matches");
        let tld = caps.name("tld").map_or("", |m| m.as_str());
        if !is_tld(tld) {
            continue;
        }
        // Written-out forms read like prose ("meet us at the store dot com" is not an address);
        // only accept them with an unambiguous top-level domain.
        let written_at = caps.name("at").is_some_and(|m| m.as_str().trim() == "at");
        let written_dot = whole.as_str().contains(" dot ");
        // "review at www.shop.com" is a link after a word, not an address: a written "at" needs a
        // written "dot" too.
        if written_at && !written_dot {
            continue;
        }
        if (written_at || written_dot) && tld_needs_evidence(tld) {
            continue;
        }
        out.push(view.to_original(base + whole.start(), base + whole.end()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn emails(s: &str) -> Vec<&str> {
        find(&Normalized::new(s)).into_iter().map(|sp| &s[sp.start..sp.end]).collect()
    }

    #[test]
    fn finds_addresses_and_evasions() {
        assert_eq!(emails("mail support@mycompany.com today"), ["support@mycompany.com"]);
        assert_eq!(emails("name [at] mail [dot] com"), ["name [at] mail [dot] com"]);
        assert_eq!(emails("name at mail dot com"), ["name at mail dot com"]);
        assert_eq!(emails("name＠mail．com"), ["name＠mail．com"]);
        assert_eq!(emails("${seller}@shop.co.uk"), ["${seller}@shop.co.uk"]);
    }

    #[test]
    fn leaves_prose_alone() {
        assert!(emails("see you at home. Thanks").is_empty());
        assert!(emails("we are at the store dot it").is_empty());
        assert!(emails("reply to {{buyer_email}}").is_empty());
        assert!(emails("leave a review at www.shop.com").is_empty());
    }
}
