//! E-mail addresses, including "name [at] shop [dot] com" (the brackets are folded by the matching
//! view), "name @ shop . com" and "name at shop dot com".
//!
//! An address is a local part (a letter, digit or placeholder, then those and `.+%-`), an "@" (with a
//! space either side, or none) or a written " at ", and a domain name (`domain`) that ends in a
//! top-level domain.

use super::domain::{byte_at, bytes_at, label_end, space_len, Names, Tld};
use super::{is_tld, tld_needs_evidence};
use crate::text::bytes::ByteSet;
use crate::text::{Normalized, Span};

/// The addresses in `view`, searched for around `anchors` (`Anchors::emails`).
pub fn find(view: &Normalized, anchors: &[usize]) -> Vec<Span> {
    let text = view.text.as_str();
    let mut out = Vec::new();
    let windows = super::windows(text, anchors.iter().copied(), 80, 120);
    let mut names = Names::new(windows.iter().map(|w| w.1 - w.0).max().unwrap_or(0));
    for (from, to) in windows {
        names.clear();
        find_in(view, from, &text[from..to], &mut names, &mut out);
    }
    out
}

/// One address as found: where it ends, its "@" part and its top-level domain.
struct Address {
    end: usize,
    at: (usize, usize),
    tld: Tld,
}

fn find_in(view: &Normalized, base: usize, window: &str, names: &mut Names, out: &mut Vec<Span>) {
    let b = window.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // ASCII without decoding a character: most of a window.
        let first = match b[i] {
            c if c < 0x80 => (ASCII_LABEL.contains(c), 1),
            _ => window[i..].chars().next().map_or((false, 1), |c| (super::domain::is_label_char(c), c.len_utf8())),
        };
        if !first.0 {
            i += first.1;
            continue;
        }
        let local_end = local_part_end(window, i + first.1);
        if let Some(a) = address_after(window, local_end, names) {
            accept(view, base, window, i, &a, out);
            i = a.end;
            continue;
        }
        // Every local part starting inside the run that failed ends where it did, and fails the same way.
        i = local_end;
    }
}

/// ASCII label characters (`domain::is_label_char`), and those of a local part (`is_local_char`).
const ASCII_LABEL: ByteSet = ByteSet::new(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
const ASCII_LOCAL: ByteSet = ByteSet::new(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.+%-");

/// Where the local part whose first character ends at `from` ends: the run of `is_local_char`s.
fn local_part_end(s: &str, from: usize) -> usize {
    let b = s.as_bytes();
    let mut at = from;
    while at < b.len() {
        if b[at] < 0x80 {
            if !ASCII_LOCAL.contains(b[at]) {
                break;
            }
            at += 1;
            continue;
        }
        match s[at..].chars().next() {
            Some(c) if is_local_char(c) => at += c.len_utf8(),
            _ => break,
        }
    }
    at
}

fn is_local_char(c: char) -> bool {
    super::domain::is_label_char(c) || matches!(c, '.' | '+' | '%' | '-')
}

/// The rest of an address whose local part ends at `at`.
fn address_after(s: &str, at: usize, names: &mut Names) -> Option<Address> {
    let domain = at_sign_end(s, at)?;
    let tld = names.tld_after(s, label_end(s, domain)?)?;
    Some(Address { end: tld.end, at: (at, domain), tld })
}

/// "@", " @", "@ ", " @ ", or " at ".
fn at_sign_end(s: &str, at: usize) -> Option<usize> {
    let rest = &s[at..];
    let space = space_len(rest).unwrap_or(0);
    if byte_at(rest, space, b'@') {
        let after = space + 1;
        return Some(at + after + space_len(&rest[after..]).unwrap_or(0));
    }
    if space == 0 || !bytes_at(rest.as_bytes(), space, b"at") {
        return None;
    }
    space_len(&rest[space + 2..]).map(|n| at + space + 2 + n)
}

fn accept(view: &Normalized, base: usize, window: &str, start: usize, a: &Address, out: &mut Vec<Span>) {
    let whole = &window[start..a.end];
    let tld = &window[a.tld.start..a.tld.end];
    if !is_tld(tld) {
        return;
    }
    // Written-out forms read like prose ("meet us at the store dot com" is not an address);
    // only accept them with an unambiguous top-level domain.
    let written_at = window[a.at.0..a.at.1].trim() == "at";
    let written_dot = whole.contains(" dot ");
    // "review at www.shop.com" is a link after a word, not an address: a written "at" needs a
    // written "dot" too.
    if written_at && !written_dot {
        return;
    }
    if (written_at || written_dot) && tld_needs_evidence(tld) {
        return;
    }
    out.push(view.to_original(base + start, base + a.end));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn emails(s: &str) -> Vec<&str> {
        let view = Normalized::new(s);
        find(&view, &super::super::Anchors::find(&view.text).emails).into_iter().map(|sp| &s[sp.start..sp.end]).collect()
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

    #[test]
    fn ascii_sets_are_the_character_classes() {
        for b in 0..0x80u8 {
            let c = char::from(b);
            assert_eq!(ASCII_LABEL.contains(b), super::super::domain::is_label_char(c), "{c:?}");
            assert_eq!(ASCII_LOCAL.contains(b), is_local_char(c), "{c:?}");
        }
    }

    #[test]
    fn long_runs_stay_linear() {
        let s = "a.".repeat(50_000) + "@" + &"b.".repeat(50_000);
        assert!(emails(&s).is_empty());
        let s = "x".repeat(100_000) + " @ " + &"y-".repeat(50_000);
        assert!(emails(&s).is_empty());
    }
}
