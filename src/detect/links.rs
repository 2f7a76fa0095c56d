//! Links: URLs with a scheme, "www." addresses and bare domains with a real top-level domain,
//! including the spaced and written-out evasions ("w w w . shop . com", "shop dot com").
//! Amazon's own links are allowed (only `http://` is warned about); URL shorteners hide where they go.

use super::parts::{DOT, LABEL};
use super::{is_tld, tld_needs_evidence, Candidate};
use crate::text::normalize::PLACEHOLDER;
use crate::text::Normalized;
use regex::Regex;
use std::sync::OnceLock;

const SHORTENERS: &[&str] = &[
    "bit.ly", "bitly.com", "tinyurl.com", "goo.gl", "t.co", "ow.ly", "is.gd", "buff.ly", "rebrand.ly", "cutt.ly",
    "shorturl.at", "rb.gy", "tiny.cc", "bl.ink", "lnkd.in", "s.id", "t.ly", "v.gd", "shorte.st", "adf.ly", "tr.im",
    "qr.net", "linktr.ee", "short.io", "bit.do", "x.co",
];

fn regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let scheme = r"(?P<scheme>(?-u:\b)[a-z][a-z0-9+.-]*)\s?:\s?//(?P<rest>[^\s<>]+)";
        let domain = format!(
            r"(?P<www>(?-u:\b)w\s?w\s?w\d?{DOT})?(?P<host>{LABEL}(?:{DOT}{LABEL})*){DOT}(?P<tld>[a-z]{{2,12}})(?-u:\b)(?P<path>[/:?#][^\s<>]*)?"
        );
        Regex::new(&format!("{scheme}|{domain}")).expect("link pattern compiles")
    })
}

/// Where a link could be: a dot inside a word or spaced out (" . "), "://", " dot ".
fn anchors(text: &str) -> impl Iterator<Item = usize> + '_ {
    let b = text.as_bytes();
    (0..b.len()).filter(move |&i| match b[i] {
        b'.' => {
            let next = b.get(i + 1).copied();
            let prev = if i > 0 { Some(b[i - 1]) } else { None };
            next.is_some_and(|n| !n.is_ascii_whitespace()) || prev == Some(b' ')
        }
        b':' => b[i + 1..].starts_with(b"//"),
        b' ' => b[i + 1..].starts_with(b"dot "),
        _ => false,
    })
}

pub fn find(original: &str, view: &Normalized) -> Vec<Candidate> {
    let mut out = Vec::new();
    let text = view.text.as_str();
    for (from, to) in super::windows(text, anchors(text), 80, 200) {
        find_in(original, view, from, &text[from..to], &mut out);
    }
    out
}

fn find_in(original: &str, view: &Normalized, base: usize, window: &str, out: &mut Vec<Candidate>) {
    for caps in regex().captures_iter(window) {
        let whole = caps.get(0).expect("group 0 always matches");
        let end = whole.start() + trim_trailing_punctuation(whole.as_str());
        if end <= whole.start() {
            continue;
        }
        let tag = if let Some(scheme) = caps.name("scheme") {
            let rest = caps.name("rest").map_or("", |m| m.as_str());
            let host = rest.split(['/', '?', '#', ':']).next().unwrap_or("");
            if host.is_empty() {
                continue;
            }
            classify(host, scheme.as_str() == "http")
        } else {
            let host = caps.name("host").map_or("", |m| m.as_str());
            let tld = caps.name("tld").map_or("", |m| m.as_str());
            let has_www = caps.name("www").is_some();
            let path = caps.name("path").map_or("", |m| trim_path(m.as_str()));
            if !is_tld(tld) {
                continue;
            }
            let spaced = whole.as_str().contains(' ');
            let second_level = tld.len() == 2 && (host.ends_with(".co") || host.ends_with(".com"));
            let evidence = has_www || !path.is_empty() || second_level;
            if spaced && !evidence && tld_needs_evidence(tld) {
                continue;
            }
            if !spaced && !evidence && tld_needs_evidence(tld) && !word_tld_looks_typed(original, view, base, &caps, tld) {
                continue;
            }
            let full_host = format!("{}.{}", squash(host), tld);
            classify(&full_host, false)
        };
        if let Some(tag) = tag {
            out.push(Candidate { span: view.to_original(base + whole.start(), base + end), tag });
        }
    }
}

/// A domain ending in a word-like TLD ("mystore.shop") counts when it is typed like an address: a
/// longer TLD in lowercase, a host of real length. "arrive.In" or "it.so" are sentence typos.
fn word_tld_looks_typed(original: &str, view: &Normalized, base: usize, caps: &regex::Captures, tld: &str) -> bool {
    if tld.len() <= 2 {
        return false;
    }
    let m = caps.name("tld").expect("tld group matched");
    let span = view.to_original(base + m.start(), base + m.end());
    let first = original[span.start..].chars().next().unwrap_or('A');
    let host = caps.name("host").map_or("", |h| h.as_str());
    first.is_lowercase() && host.split('.').all(|l| l.chars().count() >= 3)
}

/// Host labels with the evasion separators squashed back to dots.
fn squash(host: &str) -> String {
    host.replace(" dot ", ".").replace(' ', "")
}

fn classify(host: &str, insecure: bool) -> Option<&'static str> {
    let host = squash(host);
    let host = host.trim_start_matches("www.");
    if is_amazon(host) {
        return insecure.then_some("link.amazon-insecure");
    }
    if SHORTENERS.iter().any(|s| host == *s || host.ends_with(&format!(".{s}"))) {
        return Some("link.shortener");
    }
    Some("link.external")
}

/// Whether the registrable part of `host` is Amazon's (amazon.com, amazon.co.uk, amzn.to, a.co), also
/// when a placeholder stands for the top-level domain ("www.amazon[tld]").
fn is_amazon(host: &str) -> bool {
    let labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
    let mut i = labels.len();
    // Skip the public suffix: the TLD, a placeholder, and "co"/"com" second levels under a country code.
    while i > 1 {
        let l = labels[i - 1];
        let suffix_like = is_tld(l) || l.chars().all(|c| c == PLACEHOLDER) || (i < labels.len() && matches!(l, "co" | "com"));
        if !suffix_like {
            break;
        }
        if i < labels.len() && !matches!(l, "co" | "com") && !l.chars().all(|c| c == PLACEHOLDER) {
            break;
        }
        i -= 1;
    }
    let Some(name) = labels.get(i.saturating_sub(1)) else { return false };
    let name = name.trim_end_matches(PLACEHOLDER);
    matches!(name, "amazon" | "amzn") || (host == "a.co")
}

fn trim_path(p: &str) -> &str {
    &p[..trim_trailing_punctuation(p)]
}

/// Length of `s` without the punctuation that ends a sentence rather than the address.
fn trim_trailing_punctuation(s: &str) -> usize {
    s.trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '}', '\'', '"', '>']).len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links(s: &str) -> Vec<(&str, &'static str)> {
        let v = Normalized::new(s);
        find(s, &v).into_iter().map(|c| (&s[c.span.start..c.span.end], c.tag)).collect()
    }

    #[test]
    fn finds_links_and_evasions() {
        assert_eq!(links("Visit https://shop.example.com/x."), [("https://shop.example.com/x", "link.external")]);
        assert_eq!(links("see www.myshop.net now"), [("www.myshop.net", "link.external")]);
        assert_eq!(links("go to petstorewares.com."), [("petstorewares.com", "link.external")]);
        assert_eq!(links("w w w . shop . com"), [("w w w . shop . com", "link.external")]);
        assert_eq!(links("shop dot com"), [("shop dot com", "link.external")]);
        assert_eq!(links("bit.ly/abc"), [("bit.ly/abc", "link.shortener")]);
        assert_eq!(links("ｓｈｏｐ．ｃｏｍ"), [("ｓｈｏｐ．ｃｏｍ", "link.external")]);
    }

    #[test]
    fn amazon_links_are_allowed_but_http_is_warned() {
        assert!(links("https://www.amazon.com/review/create-review?asin=B01").is_empty());
        assert!(links("www.amazon.co.uk/gp/x").is_empty());
        assert!(links("https://www.amazon[amazontld]/gp/feedback").is_empty());
        assert_eq!(links("http://amazon.de/x"), [("http://amazon.de/x", "link.amazon-insecure")]);
        assert!(links("amzn.to/3xyz").is_empty());
        assert_eq!(links("amazon.evil.com"), [("amazon.evil.com", "link.external")]);
    }

    #[test]
    fn leaves_prose_and_placeholders_alone() {
        assert!(links("e.g. the item. It was fine. I.e. ok").is_empty());
        assert!(links("Preview: ${options.previewUrl}").is_empty());
        assert!(links("We shipped it.So it arrives soon").is_empty());
        assert!(links("Thanks.Best regards").is_empty());
        assert!(links("version 2.5 of the file.pdf").is_empty());
        assert!(links("the item. com").is_empty());
    }
}
