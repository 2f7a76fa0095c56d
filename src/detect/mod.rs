//! Built-in detectors for things a phrase list cannot describe: links, e-mail addresses, phone
//! numbers, emoji, HTML and blank-line runs. Each yields tagged candidates; rules in the rule book
//! pick them up by tag (`detector = "link.external"`) and say what they mean and how bad they are.

mod classes;
mod domain;
mod emails;
mod layout;
mod links;
mod markup;
mod phones;
mod symbols;

use crate::text::bytes::{find_any, find_any_or_pair};
use crate::text::{Normalized, Span};

/// Every tag a detector gives its candidates.
pub const TAGS: &[&str] = &["link.external", "link.amazon-insecure", "link.shortener", "email", "phone", "emoji", "stars", "markup", "line-breaks"];

/// A detected thing, as an original byte range and a tag such as `link.external` or `emoji`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    pub span: Span,
    pub tag: &'static str,
}

/// Runs every detector. Order matters where two could claim the same text: an e-mail address is not
/// also a link to its domain.
pub fn run(original: &str, view: &Normalized) -> Vec<Candidate> {
    let mut out = Vec::new();
    let anchors = Anchors::find(&view.text);
    let emails = emails::find(view, &anchors.emails);
    out.extend(emails.iter().map(|&span| Candidate { span, tag: "email" }));
    let claimed = Claimed::new(emails);
    for c in links::find(original, view, &anchors.links) {
        if !claimed.overlaps(&c.span) {
            out.push(c);
        }
    }
    let taken = Claimed::new(out.iter().map(|c| c.span).collect());
    for span in phones::find(view) {
        if !taken.overlaps(&span) {
            out.push(Candidate { span, tag: "phone" });
        }
    }
    out.extend(symbols::find(original));
    out.extend(markup::find(original).into_iter().map(|span| Candidate { span, tag: "markup" }));
    out.extend(layout::find(original).into_iter().map(|span| Candidate { span, tag: "line-breaks" }));
    out
}

/// Spans already claimed by a detector, to ask whether another overlaps any of them in O(log n): a
/// draft full of addresses has as many as it has links, and comparing every pair was quadratic.
struct Claimed {
    /// Starts, sorted.
    starts: Vec<usize>,
    /// `max_end[k]`: the furthest end among the first k + 1 spans.
    max_end: Vec<usize>,
}

impl Claimed {
    fn new(mut spans: Vec<Span>) -> Self {
        // By start (and end, which does not matter here): the one sort of spans in the module.
        spans.sort_unstable();
        let mut furthest = 0;
        let max_end = spans.iter().map(|s| {
            furthest = furthest.max(s.end);
            furthest
        });
        Claimed { max_end: max_end.collect(), starts: spans.iter().map(|s| s.start).collect() }
    }

    /// Whether `span` overlaps a claimed one (as `Span::overlaps`): some span starts before it ends
    /// and ends after it starts.
    fn overlaps(&self, span: &Span) -> bool {
        let k = self.starts.partition_point(|&start| start < span.end);
        k > 0 && self.max_end[k - 1] > span.start
    }
}

/// The parts of `text` worth searching: windows around each anchor (a byte offset where a match could
/// be, such as a dot inside a word for links; in increasing order), reaching `before` and `after`
/// bytes out and then on to the nearest white space, so a window never cuts a word. Windows are
/// merged, so every byte is searched at most once and prose without anchors costs nothing. Each byte
/// is also looked at a bounded number of times here, however long the words are.
pub fn windows(text: &str, anchors: impl IntoIterator<Item = usize>, before: usize, after: usize) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for a in anchors {
        let last_end = out.last().map(|w| w.1);
        // Walking back into the previous window means merging with it: stop there.
        let mut start = a.saturating_sub(before);
        while start > 0 && !b[start - 1].is_ascii_whitespace() && last_end.is_none_or(|e| start > e) {
            start -= 1;
        }
        // The previous window already ends at white space past this one's reach.
        let reach = (a + after).min(b.len());
        let mut end = reach.max(last_end.unwrap_or(0));
        if last_end.is_none_or(|e| reach > e) {
            while end < b.len() && !b[end].is_ascii_whitespace() {
                end += 1;
            }
        }
        match out.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => out.push((start, end)),
        }
    }
    out
}

/// Where an e-mail address or a link could be in the matching view, in increasing order: an address
/// has an "@", or in its written-out form a " dot "; a link a dot inside a word or spaced out (" . "),
/// "://" or " dot ". One pass for both: each was a pass over the whole view, most of whose bytes
/// are neither.
pub struct Anchors {
    pub emails: Vec<usize>,
    pub links: Vec<usize>,
}

impl Anchors {
    pub fn find(text: &str) -> Self {
        let b = text.as_bytes();
        let mut anchors = Anchors { emails: Vec::new(), links: Vec::new() };
        for i in occurrences_or_spaced_d(text, [b'@', b'.', b':']) {
            match b[i] {
                b'@' => anchors.emails.push(i),
                b'.' => {
                    let next = b.get(i + 1).copied();
                    let prev = if i > 0 { Some(b[i - 1]) } else { None };
                    if next.is_some_and(|n| !n.is_ascii_whitespace()) || prev == Some(b' ') {
                        anchors.links.push(i);
                    }
                }
                b':' => {
                    if domain::bytes_at(b, i + 1, b"//") {
                        anchors.links.push(i);
                    }
                }
                _ => {
                    if i > 0 && written_dot(b, i - 1) {
                        anchors.emails.push(i - 1);
                        anchors.links.push(i - 1);
                    }
                }
            }
        }
        anchors
    }
}

/// Where any of `targets` (ASCII bytes) occurs in `text`, in order: a word of bytes at a time.
pub fn occurrences<const N: usize>(text: &str, targets: [u8; N]) -> impl Iterator<Item = usize> + '_ {
    let b = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let found = find_any(b, at, targets)?;
        at = found + 1;
        Some(found)
    })
}

/// As `occurrences`, and also where a "d" follows a space (maybe " dot ", which callers check with
/// `written_dot`; some other "d"s may come too).
pub fn occurrences_or_spaced_d<const N: usize>(text: &str, targets: [u8; N]) -> impl Iterator<Item = usize> + '_ {
    let b = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let found = find_any_or_pair(b, at, targets, [b' ', b'd'])?;
        at = found + 1;
        Some(found)
    })
}

/// Whether the space at `i` starts " dot " (the written-out dot of "shop dot com").
pub fn written_dot(b: &[u8], i: usize) -> bool {
    b[i] == b' ' && b.get(i + 1) == Some(&b'd') && b[i + 1..].starts_with(b"dot ")
}

/// Top-level domains that are also everyday words or abbreviations: a "domain" ending in one needs
/// more evidence (a scheme, "www", a path) before we call it a link.
pub(crate) fn tld_needs_evidence(tld: &str) -> bool {
    matches!(
        tld,
        "at" | "be" | "by" | "in" | "is" | "it" | "me" | "my" | "no" | "so" | "to" | "us" | "do" | "go" | "am"
            | "an" | "as" | "de" | "es" | "la" | "ms" | "mr" | "ad" | "pm" | "ie" | "eg" | "tv" | "cc" | "ca"
            | "ph" | "id" | "im" | "ok" | "st" | "jr" | "vs" | "op" | "pl" | "ps" | "sa"
            | "live" | "page" | "link" | "top" | "club" | "one" | "news" | "blog" | "email" | "world" | "life"
            | "fun" | "today" | "sale" | "tech" | "pro" | "name" | "art" | "store" | "shop" | "online" | "site"
            | "app" | "best" | "care" | "deals" | "gift" | "gifts" | "help" | "home" | "love" | "team" | "tips"
            | "zone" | "work" | "style" | "support" | "review" | "reviews" | "photo" | "photos" | "plus" | "fit"
    )
}

/// Whether `tld` is a real top-level domain we recognize (generic, or a country code).
pub(crate) fn is_tld(tld: &str) -> bool {
    const GENERIC: &[&str] = &[
        "com", "net", "org", "info", "biz", "io", "co", "ai", "app", "dev", "shop", "store", "online", "site",
        "xyz", "top", "club", "live", "link", "page", "blog", "website", "tech", "cc", "tv", "me", "ws", "eu",
        "asia", "mobi", "pro", "name", "one", "news", "email", "world", "life", "fun", "today", "sale", "art",
        "best", "care", "deals", "gift", "gifts", "help", "home", "love", "team", "tips", "zone", "work", "style",
        "support", "review", "reviews", "photo", "photos", "plus", "fit", "global", "group", "company", "agency",
        "digital", "solutions", "services", "market", "boutique", "fashion", "clothing", "shoes", "toys", "games",
        "gov", "edu", "int", "mil", "ly", "gl", "gg", "gd", "ink", "icu", "vip", "buzz", "click", "space",
    ];
    GENERIC.contains(&tld) || (tld.len() == 2 && tld.bytes().all(|b| b.is_ascii_lowercase()) && is_country_code(tld))
}

fn is_country_code(cc: &str) -> bool {
    match cc.as_bytes() {
        &[a, b] if a.is_ascii_lowercase() && b.is_ascii_lowercase() => COUNTRY_CODES[(a - b'a') as usize] & 1 << (b - b'a') != 0,
        _ => false,
    }
}

/// Country-code top-level domains, one bit per second letter for each first letter.
const COUNTRY_CODES: [u32; 26] = {
    let cc = COUNTRY_CODE_LIST.as_bytes();
    let mut bits = [0u32; 26];
    let mut i = 0;
    while i + 1 < cc.len() {
        if cc[i].is_ascii_lowercase() && cc[i + 1].is_ascii_lowercase() {
            bits[(cc[i] - b'a') as usize] |= 1 << (cc[i + 1] - b'a');
            i += 2;
        } else {
            i += 1;
        }
    }
    bits
};

const COUNTRY_CODE_LIST: &str = "ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo br bs bt bw by bz \
        ca cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg er es et fi fj fk fm fo fr ga gb gd ge gf \
        gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir is it je jm jo jp ke kg kh ki km kn kp \
        kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf \
        ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sk sl sm sn \
        so sr ss st sv sx sy sz tc td tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug uk us uy uz va vc ve vg vi vn vu wf ws ye yt \
        za zm zw";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tag_is_listed() {
        let text = "www.shop.com bit.ly/x http://amazon.com/x a@shop.com call 555-123-4567 😀 ★ <b>\n\n\n";
        let found = run(text, &Normalized::new(text));
        assert_eq!(found.len(), TAGS.len());
        assert!(found.iter().all(|c| TAGS.contains(&c.tag)));
    }

    #[test]
    fn claimed_spans_answer_as_comparing_every_pair_does() {
        // Overlapping, nested, touching and empty spans, out of order.
        let claimed = [(40, 45), (0, 10), (5, 8), (20, 30), (30, 31), (12, 12), (50, 90), (60, 61)];
        let spans: Vec<Span> = claimed.iter().map(|&(a, b)| Span::new(a, b)).collect();
        let fast = Claimed::new(spans.clone());
        for start in 0..100 {
            for end in start..100 {
                let s = Span::new(start, end);
                assert_eq!(fast.overlaps(&s), spans.iter().any(|t| t.overlaps(&s)), "{start}..{end}");
            }
        }
        assert!(!Claimed::new(Vec::new()).overlaps(&Span::new(0, 5)));
    }

    #[test]
    fn country_codes_are_the_list() {
        for a in 'a'..='z' {
            for b in 'a'..='z' {
                let cc = format!("{a}{b}");
                assert_eq!(is_country_code(&cc), COUNTRY_CODE_LIST.split_ascii_whitespace().any(|c| c == cc), "{cc}");
            }
        }
        assert!(!is_country_code("u") && !is_country_code("usa") && !is_country_code("US"));
    }
}
