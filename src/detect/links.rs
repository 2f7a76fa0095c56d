//! Links: URLs with a scheme, "www." addresses and bare domains with a real top-level domain,
//! including the spaced and written-out evasions ("w w w . shop . com", "shop dot com").
//! Amazon's own links are allowed (only `http://` is warned about); URL shorteners hide where they go.
//!
//! A link is a scheme and "://" (a space either side of the colon allowed) followed by anything but
//! white space and angle brackets; or a domain name (`domain`), perhaps after "www." ("w w w . ",
//! "www2."), with an optional path starting with `/`, `:`, `?` or `#`. The leftmost link wins and
//! the text it covers is not searched again, even when it turns out not to be a link.

use super::classes::is_digit;
use super::domain::{byte_at, bytes_at, dot_end, is_ascii_word, label_end, space_len, tld_end_at, Names, Tld};
use super::{is_tld, tld_needs_evidence, Candidate};
use crate::text::normalize::PLACEHOLDER;
use crate::text::Normalized;
use std::borrow::Cow;

const SHORTENERS: &[&str] = &[
    "bit.ly", "bitly.com", "tinyurl.com", "goo.gl", "t.co", "ow.ly", "is.gd", "buff.ly", "rebrand.ly", "cutt.ly",
    "shorturl.at", "rb.gy", "tiny.cc", "bl.ink", "lnkd.in", "s.id", "t.ly", "v.gd", "shorte.st", "adf.ly", "tr.im",
    "qr.net", "linktr.ee", "short.io", "bit.do", "x.co",
];

/// The links in `view`, searched for around `anchors` (`Anchors::links`).
pub fn find(original: &str, view: &Normalized, anchors: &[usize]) -> Vec<Candidate> {
    let mut out = Vec::new();
    let text = view.text.as_str();
    let windows = super::windows(text, anchors.iter().copied(), 80, 200);
    let mut names = Names::new(windows.iter().map(|w| w.1 - w.0).max().unwrap_or(0));
    for (from, to) in windows {
        names.clear();
        find_in(original, view, from, &text[from..to], &mut names, &mut out);
    }
    out
}

/// A link as found, before deciding whether it is one: window offsets of its parts.
enum Link {
    /// `scheme://rest`.
    Scheme { scheme: (usize, usize), rest: (usize, usize) },
    /// `[www.]host.tld[path]`.
    Domain { www: bool, host: (usize, usize), tld: (usize, usize), path: (usize, usize) },
}

/// A window of the matching view, and where it sits.
struct Window<'a> {
    original: &'a str,
    view: &'a Normalized,
    base: usize,
    text: &'a str,
}

fn find_in(original: &str, view: &Normalized, base: usize, window: &str, names: &mut Names, out: &mut Vec<Candidate>) {
    let at = Window { original, view, base, text: window };
    let mut scan = Scanner { s: window, at: &at, names, scheme_failed_until: 0, label: (0, 0) };
    let b = window.as_bytes();
    let mut i = 0;
    while i < b.len() {
        i = skip_plain_words(b, i);
        if i >= b.len() {
            break;
        }
        // Spaces and punctuation start nothing: a link starts with a letter, a digit or a placeholder.
        if b[i] < 0x80 && !is_ascii_word(b[i]) {
            i += 1;
            continue;
        }
        if let Some(end) = plain_word_end(window, i) {
            i = end;
            continue;
        }
        let c = window[i..].chars().next().expect("i is a char boundary");
        match scan.link_at(i, c) {
            Some((end, link)) => {
                accept(&at, i, end, &link, out);
                i = end;
            }
            None => i = scan.next_try(i, c),
        }
    }
}

/// Tries each position of a window in turn. What it learns about a run of text that cannot start a
/// link holds for every position inside the run, which keeps the scan linear.
struct Scanner<'a> {
    s: &'a str,
    at: &'a Window<'a>,
    names: &'a mut Names,
    /// A scheme-like run ("http", "a.b.c") not followed by "://" fails from any position inside it.
    scheme_failed_until: usize,
    /// The last label looked at: a label starting inside it ends where it does.
    label: (usize, usize),
}

impl Scanner<'_> {
    /// The link starting at `i` (whose character is `c`) and its end: a URL with a scheme, else a
    /// "www." name, else a bare name.
    fn link_at(&mut self, i: usize, c: char) -> Option<(usize, Link)> {
        let boundary = i == 0 || !is_ascii_word(self.s.as_bytes()[i - 1]);
        if boundary && c.is_ascii_lowercase() {
            if let Some(found) = self.scheme_at(i) {
                return Some(found);
            }
            if let Some(host) = www_end(self.s, i) {
                if let Some(found) = self.name_at(host, true) {
                    return Some(found);
                }
            }
        }
        self.name_at(i, false)
    }

    /// Where to look next when nothing starts at `i`. Inside a label that leads nowhere, a link can only
    /// start where a scheme or "www." could: a lowercase ASCII letter after a non-word byte.
    fn next_try(&self, i: usize, c: char) -> usize {
        let (start, end) = self.label;
        let mut j = i + c.len_utf8();
        if start <= i && i < end {
            let b = self.s.as_bytes();
            while j < end && (!b[j].is_ascii_lowercase() || is_ascii_word(b[j - 1])) {
                j += 1;
            }
        }
        j
    }

    fn scheme_at(&mut self, i: usize) -> Option<(usize, Link)> {
        if i < self.scheme_failed_until {
            return None;
        }
        let b = self.s.as_bytes();
        let scheme_end = i + b[i..].iter().take_while(|&&c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, b'+' | b'.' | b'-')).count();
        let rest = separator_end(self.s, scheme_end).map(|at| (at, at + url_chars(&self.s[at..])));
        match rest {
            Some(rest) if rest.1 > rest.0 => Some((rest.1, Link::Scheme { scheme: (i, scheme_end), rest })),
            _ => {
                self.scheme_failed_until = scheme_end;
                None
            }
        }
    }

    /// A name whose first label starts at `host`, through its top-level domain and path.
    fn name_at(&mut self, host: usize, www: bool) -> Option<(usize, Link)> {
        let first = self.label_end(host)?;
        let wrapped = www.then(|| wrapped_tld(self.s, first)).flatten().filter(|t| is_tld(&self.s[t.start..t.end]) && wrapped_as_typed(self.at, (t.start, t.end)));
        let tld = match wrapped {
            Some(tld) => tld,
            None => self.names.tld_after(self.s, first)?,
        };
        let path_end = match self.s.as_bytes().get(tld.end) {
            Some(b'/' | b':' | b'?' | b'#') => tld.end + 1 + url_chars(&self.s[tld.end + 1..]),
            _ => tld.end,
        };
        Some((path_end, Link::Domain { www, host: (host, tld.dot), tld: (tld.start, tld.end), path: (tld.end, path_end) }))
    }

    fn label_end(&mut self, at: usize) -> Option<usize> {
        let (start, end) = self.label;
        if start <= at && at < end {
            return (self.s.as_bytes()[at] != b'-').then_some(end);
        }
        let end = label_end(self.s, at)?;
        self.label = (at, end);
        Some(end)
    }
}

/// Most of a window is plain words: lowercase letters and digits followed by a space and more words,
/// by punctuation, or by the full stop that ends a sentence. No link starts inside one (no scheme,
/// dot or "www" follows), so the scan skips it whole: the end of the word, or `None` when the slow
/// path must look.
fn plain_word_end(s: &str, i: usize) -> Option<usize> {
    let b = s.as_bytes();
    let lower_or_digit = |c: &u8| c.is_ascii_lowercase() || c.is_ascii_digit();
    if !lower_or_digit(&b[i]) || b[i] == b'w' && matches!(b.get(i + 1), Some(b'w' | b' ')) {
        return None;
    }
    let j = i + b[i..].iter().take_while(|c| lower_or_digit(c)).count();
    // Punctuation that neither continues a label or scheme nor separates a scheme.
    let ends = |c: u8| c.is_ascii() && !c.is_ascii_alphanumeric() && !matches!(c, b'.' | b':' | b'-' | b'_' | b'+' | b' ');
    let plain = match b.get(j) {
        None => true,
        Some(b' ') => !matches!(b.get(j + 1), Some(b'.' | b':')) && !bytes_at(b, j + 1, b"dot "),
        Some(b'.') => match b.get(j + 1) {
            None => true,
            Some(b' ') => b.get(j + 2) != Some(&b':'),
            Some(&c) => ends(c),
        },
        Some(&c) => ends(c),
    };
    plain.then_some(j)
}

/// Where the scan may go on from `i`, past the spaces and plain words (`plain_word_end`) it would
/// step over one at a time: up to the word before the next byte that could make a word not plain.
/// Most of a window is such words, and looking at them eight bytes at a time is several times faster.
fn skip_plain_words(b: &[u8], i: usize) -> usize {
    let mut to = next_unusual(b, i);
    // The word before that byte (and a space between them) may not be plain: the scan looks at it.
    if to > i && b[to - 1] == b' ' {
        to -= 1;
    }
    while to > i && (b[to - 1].is_ascii_lowercase() || b[to - 1].is_ascii_digit()) {
        to -= 1;
    }
    to
}

/// The first byte at or after `from` that could make a word not plain (`plain_word_end`), or
/// `b.len()`: one that is not a lowercase ASCII letter, a digit, a space or punctuation that ends a
/// plain word (a comma, a question mark…; a full stop only with a space after it and none before,
/// and no colon after the space), or that starts a word with "do" or with "w" and then "w" or a
/// space (" dot ", "www", "w w w"). Stopping at every word starting with "d" or "w" ("we",
/// "delivery") stopped the scan every few words of prose, and stopping at every comma and full stop
/// every sentence, three times (the word, the stop, the scan after it).
fn next_unusual(b: &[u8], from: usize) -> usize {
    const LOW: u64 = 0x0101_0101_0101_0101;
    // A byte's class in each lane, eight bytes at a time (see `CLASS`).
    let lanes = |w: &[u8]| w.iter().enumerate().fold(0u64, |m, (j, &c)| m | (CLASS[c as usize] as u64) << (8 * j));
    let bit = |lanes: u64, class: u8| lanes >> class.trailing_zeros() & LOW;
    let starts_word = |k: usize| {
        let next = b.get(k + 1).copied();
        let word_start = k == from || !(b[k - 1].is_ascii_lowercase() || b[k - 1].is_ascii_digit());
        (b[k] == b'd' && next == Some(b'o') || b[k] == b'w' && matches!(next, Some(b'w' | b' '))) && word_start
    };
    // Past the last sixteen bytes, only what cannot end a word: slower, but these are few.
    let usual = |c: u8| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b' ';
    if from < b.len() && starts_word(from) {
        return from;
    }
    let mut at = from;
    if at + 16 <= b.len() {
        // The class of the byte before `from` (none before the text: as a space). At `from` itself a
        // word that starts there was looked at above.
        let mut before = if at > 0 { CLASS[b[at - 1] as usize] as u64 } else { SPACE as u64 };
        let mut cur = lanes(&b[at..at + 8]);
        while at + 16 <= b.len() {
            let next = lanes(&b[at + 8..at + 16]);
            // Lane j of each: the class of byte at + j - 1, at + j + 1, at + j + 2.
            let prev = cur << 8 | before;
            let next1 = cur >> 8 | next << 56;
            let next2 = cur >> 16 | next << 48;
            let full_stop = bit(cur, STOP) & bit(next1, SPACE) & !bit(next2, COLON) & !bit(prev, SPACE);
            let usual = (cur | cur >> 1 | cur >> 2) & LOW | full_stop;
            let word_start = !bit(prev, LOWER_OR_DIGIT) & LOW;
            let dot = bit(cur, D) & bit(next1, O);
            let www = bit(cur, W) & (bit(next1, W) | bit(next1, SPACE));
            let found = (!usual & LOW) | word_start & (dot | www);
            if found != 0 {
                return at + found.trailing_zeros() as usize / 8;
            }
            before = cur >> 56;
            cur = next;
            at += 8;
        }
    }
    (at..b.len()).find(|&k| !usual(b[k]) || starts_word(k)).unwrap_or(b.len())
}

// `next_unusual`'s classes, a bit each; the first three are the bytes a plain word may run through
// or end at.
const LOWER_OR_DIGIT: u8 = 1;
const SPACE: u8 = 2;
/// ASCII punctuation after which a word is plain (`plain_word_end`'s `ends`), the scan stepping over it.
const ENDS_WORD: u8 = 4;
const STOP: u8 = 8;
const W: u8 = 16;
const D: u8 = 32;
const O: u8 = 64;
const COLON: u8 = 128;

const CLASS: [u8; 256] = {
    let mut class = [0u8; 256];
    let mut i = 0;
    while i < 128 {
        let c = i as u8;
        class[i] = match c {
            b'a'..=b'z' | b'0'..=b'9' => LOWER_OR_DIGIT,
            b' ' => SPACE,
            b'.' => STOP,
            b':' => COLON,
            b'-' | b'_' | b'+' => 0,
            b'!'..=b'~' if !c.is_ascii_alphanumeric() => ENDS_WORD,
            _ => 0,
        };
        i += 1;
    }
    class[b'w' as usize] |= W;
    class[b'd' as usize] |= D;
    class[b'o' as usize] |= O;
    class
};

/// After "www." a name may be broken after a dot, the top-level domain on the next line
/// ("www.myshop.⏎com") or after a space ("www.myshop. com", a way round link filters). Only with "www."
/// before it: without that evidence, a sentence that ends a line ("…at the post office.⏎It will…") or
/// a typo ("the item. com") would read as a name. At most a few labels are walked, so a long
/// run of "www.www.…" stays linear.
fn wrapped_tld(s: &str, first_label_end: usize) -> Option<Tld> {
    let b = s.as_bytes();
    let mut end = first_label_end;
    for _ in 0..8 {
        if b.get(end) != Some(&b'.') {
            return None;
        }
        let gap = b[end + 1..].iter().take_while(|c| c.is_ascii_whitespace()).count();
        if gap > 0 {
            // The view writes a line break as a space: `wrapped_as_typed` checks the original.
            let start = end + 1 + gap;
            return tld_end_at(s, start).map(|stop| Tld { dot: end, start, end: stop });
        }
        end = label_end(s, end + 1)?;
    }
    None
}

/// "://", also with a space before or after the colon.
fn separator_end(s: &str, at: usize) -> Option<usize> {
    let rest = &s[at..];
    let before = space_len(rest).filter(|&n| byte_at(rest, n, b':')).unwrap_or(0);
    if !byte_at(rest, before, b':') {
        return None;
    }
    let colon = &rest[before + 1..];
    let after = space_len(colon).filter(|&n| bytes_at(colon.as_bytes(), n, b"//")).unwrap_or(0);
    bytes_at(colon.as_bytes(), after, b"//").then_some(at + before + 1 + after + 2)
}

/// "www." and its evasions ("w w w . ", "www2."): where the host starts.
fn www_end(s: &str, at: usize) -> Option<usize> {
    let mut j = at;
    for k in 0..3 {
        if k > 0 {
            j += space_len(&s[j..]).filter(|&n| byte_at(s, j + n, b'w')).unwrap_or(0);
        }
        j += byte_at(s, j, b'w').then_some(1)?;
    }
    let digit = s[j..].chars().next().filter(|&c| is_digit(c)).map_or(0, char::len_utf8);
    dot_end(s, j + digit)
}

/// The length of the run of characters a URL may hold: anything but white space and angle brackets.
fn url_chars(s: &str) -> usize {
    s.find(|c: char| c.is_whitespace() || c == '<' || c == '>').unwrap_or(s.len())
}

fn accept(w: &Window, start: usize, end: usize, link: &Link, out: &mut Vec<Candidate>) {
    let window = w.text;
    let whole = &window[start..end];
    let end = start + trim_trailing_punctuation(whole);
    if end <= start {
        return;
    }
    let tag = match *link {
        Link::Scheme { scheme, rest } => {
            let rest = &window[rest.0..rest.1];
            let host = rest.split(['/', '?', '#', ':']).next().unwrap_or("");
            if host.is_empty() {
                return;
            }
            classify(host, &window[scheme.0..scheme.1] == "http")
        }
        Link::Domain { www, host, tld, path } => {
            let (host, tld_span) = (&window[host.0..host.1], tld);
            let tld = &window[tld.0..tld.1];
            let path = trim_path(&window[path.0..path.1]);
            if !is_tld(tld) {
                return;
            }
            let spaced = whole.contains(' ');
            let second_level = tld.len() == 2 && (host.ends_with(".co") || host.ends_with(".com"));
            let evidence = www || !path.is_empty() || second_level;
            if spaced && !evidence && tld_needs_evidence(tld) {
                return;
            }
            if !spaced && !evidence && tld_needs_evidence(tld) && !word_tld_looks_typed(w, tld_span, host) {
                return;
            }
            let full_host = format!("{}.{}", squash(host), tld);
            classify(&full_host, false)
        }
    };
    if let Some(tag) = tag {
        out.push(Candidate { span: w.view.to_original(w.base + start, w.base + end), tag });
    }
}

/// A name broken after its last dot ("www.myshop.⏎com", "www.myshop. com", see `wrapped_tld`) counts
/// only when the top-level domain after the break is typed in lowercase: "www.shop.com. Net weight" is a
/// link and a new sentence. Broken by spaces on one line, it counts only when the name before the break
/// has no top-level domain of its own: after "www.shop.com. " a lowercase word ("it has…") starts a
/// careless sentence, and taking it into the link would have the fix delete it.
fn wrapped_as_typed(w: &Window, tld: (usize, usize)) -> bool {
    let before = &w.text[..tld.0];
    let gap = before.len() - before.trim_end_matches(|c: char| c.is_whitespace()).len();
    let head = &before[..before.len() - gap];
    // No gap, or a spaced dot (" . "): not a wrapped name.
    if gap == 0 || !head.ends_with('.') || head[..head.len() - 1].ends_with(|c: char| c.is_whitespace()) {
        return true;
    }
    let gap = w.view.to_original(w.base + tld.0 - gap, w.base + tld.0);
    let line_break = w.original[gap.start..gap.end].contains(['\n', '\r']);
    // "www." is before it (`wrapped_tld`), so the name's last label is its top-level domain if any
    let complete = head[..head.len() - 1].rsplit('.').next().is_some_and(is_tld);
    let tld = w.view.to_original(w.base + tld.0, w.base + tld.1);
    let lowercase = w.original[tld.start..].chars().next().is_some_and(|c| c.is_ascii_lowercase());
    lowercase && (line_break || !complete)
}

/// A domain ending in a word-like TLD ("mystore.shop") counts when it is typed like an address: a
/// longer TLD in lowercase, a host of real length. "arrive.In" or "it.so" are sentence typos.
fn word_tld_looks_typed(w: &Window, tld: (usize, usize), host: &str) -> bool {
    if tld.1 - tld.0 <= 2 {
        return false;
    }
    let span = w.view.to_original(w.base + tld.0, w.base + tld.1);
    let first = w.original[span.start..].chars().next().unwrap_or('A');
    first.is_lowercase() && host.split('.').all(|l| l.chars().count() >= 3)
}

/// Host labels with the evasion separators squashed back to dots.
fn squash(host: &str) -> Cow<'_, str> {
    if host.contains(' ') {
        Cow::Owned(host.replace(" dot ", ".").replace(' ', ""))
    } else {
        Cow::Borrowed(host)
    }
}

fn classify(host: &str, insecure: bool) -> Option<&'static str> {
    let host = squash(host);
    let mut host = &host[..];
    while let Some(rest) = host.strip_prefix("www.") {
        host = rest;
    }
    if is_amazon(host) {
        return insecure.then_some("link.amazon-insecure");
    }
    if SHORTENERS.iter().any(|s| host.strip_suffix(s).is_some_and(|rest| rest.is_empty() || rest.ends_with('.'))) {
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
        find(s, &v, &super::super::Anchors::find(&v.text).links).into_iter().map(|c| (&s[c.span.start..c.span.end], c.tag)).collect()
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
        assert_eq!(links("visit www.myshop.\ncom today"), [("www.myshop.\ncom", "link.external")]);
        assert_eq!(links("www.shop.example.\r\n  net/x"), [("www.shop.example.\r\n  net/x", "link.external")]);
        assert_eq!(links("visit www.myshop. com today"), [("www.myshop. com", "link.external")]);
        assert_eq!(links("visit www.myshop.  net/deals"), [("www.myshop.  net/deals", "link.external")]);
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
        // a line that ends a sentence is not a name broken across lines, without "www." before it
        assert!(links("It is at the post office.\nit will arrive").is_empty());
        assert!(links("Ask for www.\ncom").is_empty());
        assert!(links("see www.myshop.\n\nNet weight").is_empty());
        assert!(links("see www.myshop. It was there").is_empty());
        assert_eq!(links("see www.shop.com. Net weight"), [("www.shop.com", "link.external")]);
        assert_eq!(links("see www.shop.com.\nnet weight"), [("www.shop.com.\nnet", "link.external")]);
        assert_eq!(links("see www.shop.com. it has more"), [("www.shop.com", "link.external")]);
    }

    #[test]
    fn skipping_plain_words_lands_where_stepping_over_them_does() {
        // Stepping as `find_in` does over spaces, punctuation and plain words, until a word that is not
        // plain (where the scan tries a link): every position visited.
        fn stepped(b: &[u8], mut i: usize) -> Vec<usize> {
            let s = std::str::from_utf8(b).unwrap();
            let mut visited = vec![i];
            while i < b.len() {
                if b[i] < 0x80 && !is_ascii_word(b[i]) {
                    i += 1;
                } else if let Some(end) = plain_word_end(s, i) {
                    i = end;
                } else {
                    break;
                }
                visited.push(i);
            }
            visited
        }
        let pieces = [
            "a", "shop", "dot", " ", "  ", ".", ":", "w", "www", "d", "2", "x1", "-", "é", ",", "co", "_", "A", "//", "?", "$",
            "(", ")", ". ", ". :", ";", "@", "'", "/", "+", "o", "w ", "do",
        ];
        for s in crate::text::random_texts(&pieces, 5, 20_000, 40) {
            let b = s.as_bytes();
            for from in (0..=b.len()).filter(|&k| s.is_char_boundary(k)).take(4) {
                let to = skip_plain_words(b, from);
                let visited = stepped(b, from);
                // The scan would have come to `to` by itself, and `to` is not past a word that is not plain.
                assert!(visited.contains(&to), "{s:?} from {from}: skipped to {to}, stepping visits {visited:?}");
            }
        }
    }

    #[test]
    fn long_runs_stay_linear() {
        for s in ["w.".repeat(100_000), "a-".repeat(100_000), "http.".repeat(50_000), "w w w . ".repeat(30_000), "é.1".repeat(60_000)] {
            let started = std::time::Instant::now();
            assert!(links(&s).is_empty());
            assert!(started.elapsed().as_secs() < 5, "{:?}… took {:?}", &s[..12], started.elapsed());
        }
    }
}
