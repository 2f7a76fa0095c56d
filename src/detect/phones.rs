//! Telephone numbers, told apart from what looks like one: Amazon order IDs (111-2223334-4445556),
//! dates, prices, model and tracking numbers, ranges.

use crate::text::bytes::find_digit_or;
use crate::text::{Normalized, Span};

/// Words that, just before a bare run of digits, say it is a phone number.
const PHONE_WORDS: &[&str] = &[
    "call", "phone", "tel", "mobile", "cell", "whatsapp", "text", "sms", "fax", "hotline", "telefon", "téléphone",
    "teléfono", "telefono", "電話", "携帯", "número", "numero", "nummer", "number", "no", "ring", "dial",
];

pub fn find(view: &Normalized) -> Vec<Span> {
    let text = &view.text;
    let mut out = Vec::new();
    for (start, end) in digit_runs(text) {
        let s = &text[start..end];
        // Glued to letters or digits: part of a model number, SKU or word.
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '_' || c == '/')
            || after.is_some_and(|c| c.is_alphanumeric() || c == '%' || c == '-')
        {
            continue;
        }
        if looks_like_phone(s, &text[..start]) {
            out.push(view.to_original(start, end));
        }
    }
    out
}

/// Runs that look like a number written with separators: an optional "+" and "(", a digit, then
/// digits, spaces, dots, dashes, slashes and brackets, ending on a digit. (What the regex
/// `\+?\(?\d[\d().\s/-]*\d` finds, without a regex engine on every keystroke.)
/// Yielded as found, not collected: the caller looks at each run once.
fn digit_runs(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let b = text.as_bytes();
    let mut i = 0;
    // A run starts with a digit, "+" or "(".
    std::iter::from_fn(move || {
        while let Some(k) = find_digit_or(b, i, [b'+', b'(']) {
            i = k;
            let mut j = i;
            if b[j] == b'+' {
                j += 1;
            }
            if j < b.len() && b[j] == b'(' {
                j += 1;
            }
            if j >= b.len() || !b[j].is_ascii_digit() {
                i += 1;
                continue;
            }
            let mut last_digit = j;
            while j < b.len() && (b[j].is_ascii_digit() || matches!(b[j], b'(' | b')' | b'.' | b' ' | b'/' | b'-')) {
                if b[j].is_ascii_digit() {
                    last_digit = j;
                }
                j += 1;
            }
            let end = last_digit + 1;
            let start = i;
            i = end.max(i + 1);
            if end - start >= 2 && b[start..end].iter().filter(|c| c.is_ascii_digit()).count() >= 2 {
                return Some((start, end));
            }
        }
        None
    })
}

fn looks_like_phone(s: &str, before: &str) -> bool {
    let digits = s.bytes().filter(u8::is_ascii_digit).count();
    if !(7..=15).contains(&digits) {
        return false;
    }
    // The lengths of the groups of digits (at most 15: one digit each), and the separators between.
    let mut lens = [0usize; 15];
    let mut groups = 0;
    let (mut slash, mut all_dots, mut all_dashes) = (false, true, true);
    let mut in_group = false;
    for c in s.bytes() {
        if c.is_ascii_digit() {
            if !in_group {
                groups += 1;
            }
            lens[groups - 1] += 1;
        } else if c != b' ' {
            slash |= c == b'/';
            all_dots &= c == b'.';
            all_dashes &= c == b'-';
        }
        in_group = c.is_ascii_digit();
    }
    let lens = &lens[..groups];
    // Amazon order IDs: 3-7-7.
    if lens == [3, 7, 7] {
        return false;
    }
    // Dates written with slashes or dots (12/25/2024, 25.12.2024, 2024-12-25).
    if slash || is_date(lens, all_dots || all_dashes) {
        return false;
    }
    // Prices and quantities: a currency sign or "x" right before.
    let prev = before.trim_end();
    if prev.ends_with(['$', '€', '£', '¥', '₹', '#']) || prev.ends_with("isbn") || prev.ends_with("isbn:") {
        return false;
    }
    // Many one-digit groups are a list of numbers, not a phone number.
    if groups > 6 || lens.iter().skip(1).filter(|&&g| g == 1).count() > 1 {
        return false;
    }
    let plus = s.starts_with('+');
    if groups == 1 && !plus {
        // A bare run of digits is a phone number only when the words before say so (the last 24 characters).
        let tail = &prev[prev.char_indices().rev().nth(23).map_or(0, |(i, _)| i)..];
        return (10..=12).contains(&digits) && PHONE_WORDS.iter().any(|w| tail.split(|c: char| !c.is_alphanumeric()).any(|t| t == *w));
    }
    true
}

/// Three groups, separated only by dots or only by dashes, shaped like a date.
fn is_date(lens: &[usize], one_separator: bool) -> bool {
    lens.len() == 3 && one_separator && matches!((lens[0], lens[1], lens[2]), (4, 1..=2, 1..=2) | (1..=2, 1..=2, 2 | 4))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phones(s: &str) -> Vec<&str> {
        find(&Normalized::new(s)).into_iter().map(|sp| &s[sp.start..sp.end]).collect()
    }

    #[test]
    fn finds_phone_numbers() {
        assert_eq!(phones("Call 555-123-4567 now"), ["555-123-4567"]);
        assert_eq!(phones("call (555) 123-4567."), ["(555) 123-4567"]);
        assert_eq!(phones("+44 20 7946 0958"), ["+44 20 7946 0958"]);
        assert_eq!(phones("phone: 5551234567"), ["5551234567"]);
        assert_eq!(phones("Ring 555.123.4567"), ["555.123.4567"]);
    }

    #[test]
    fn ignores_look_alikes() {
        assert!(phones("Order 111-2223334-4445556 shipped").is_empty());
        assert!(phones("on 12/25/2024 or 2024-12-25 or 25.12.2024").is_empty());
        assert!(phones("costs $1234567").is_empty());
        assert!(phones("model XR-2000-15 and SKU AB1234567").is_empty());
        assert!(phones("within 3-5 business days, 10 - 15 days").is_empty());
        assert!(phones("tracking 9400111899223847563827").is_empty());
        assert!(phones("1 2 3 4 5 6 7").is_empty());
        assert!(phones("ID 1234567890").is_empty());
    }
}
