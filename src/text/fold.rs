//! Character folding for matching: what a seller (or an evader) may type that should match the same
//! rule. "ｗｗｗ．ｓｈｏｐ．ｃｏｍ", "wwѡ.shop.com" with a Cyrillic letter, "𝐬𝐡𝐨𝐩" in maths bold and
//! "shop\u{200B}.com" with a zero-width space all fold to plain lowercase ASCII.

/// What one input character becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Folded {
    /// Nothing: invisible formatting characters.
    Drop,
    /// A word separator; runs of them collapse to one space.
    Space,
    /// One character.
    Char(char),
    /// A short string (an ellipsis, a lowercase form longer than one character, a star graphic).
    Str(&'static str),
    /// The character's own lowercase form (may be several characters).
    Lower(char),
}

pub fn fold(c: char) -> Folded {
    let u = c as u32;
    if c.is_ascii() {
        return if c.is_ascii_whitespace() {
            Folded::Space
        } else if c.is_ascii_control() {
            Folded::Drop
        } else {
            Folded::Char(c.to_ascii_lowercase())
        };
    }
    match u {
        // Zero-width, bidi controls, soft hyphen, word joiners, variation selectors, tags.
        0x00AD | 0x034F | 0x061C | 0x180E | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F
        | 0xFE00..=0xFE0F | 0xFEFF | 0xE0000..=0xE007F | 0x1D173..=0x1D17A => Folded::Drop,
        0x0080..=0x009F => Folded::Drop,
        // Full-width ASCII.
        0xFF01..=0xFF5E => Folded::Char(
            char::from_u32(u - 0xFEE0).unwrap_or(c).to_ascii_lowercase(),
        ),
        0x3000 => Folded::Space,
        0xFE6B => Folded::Char('@'),
        0xFE52 => Folded::Char('.'),
        0x2018 | 0x2019 | 0x201A | 0x201B | 0x2032 | 0x02BC | 0x00B4 | 0x0060 => Folded::Char('\''),
        0x201C | 0x201D | 0x201E | 0x201F | 0x2033 | 0x00AB | 0x00BB => Folded::Char('"'),
        0x2010..=0x2015 | 0x2212 | 0xFE58 | 0xFE63 => Folded::Char('-'),
        0x2026 => Folded::Str("..."),
        // Star graphics read as the word, so "5 ⭐" matches "5 star".
        0x2605 | 0x2606 | 0x2729..=0x2730 | 0x2B50 | 0x2B51 | 0x1F31F => Folded::Str(" star "),
        // Circled letters.
        0x24B6..=0x24CF => Folded::Char(char::from_u32(u - 0x24B6 + 'a' as u32).unwrap_or(c)),
        0x24D0..=0x24E9 => Folded::Char(char::from_u32(u - 0x24D0 + 'a' as u32).unwrap_or(c)),
        // Mathematical alphanumeric letters (bold, italic, script, ...): 52-letter blocks.
        0x1D400..=0x1D6A3 => {
            let i = (u - 0x1D400) % 52;
            let base = if i < 26 { 'a' as u32 + i } else { 'a' as u32 + i - 26 };
            Folded::Char(char::from_u32(base).unwrap_or(c))
        }
        0x1D7CE..=0x1D7FF => Folded::Char(char::from_u32('0' as u32 + (u - 0x1D7CE) % 10).unwrap_or(c)),
        _ => match confusable(c) {
            Some(a) => Folded::Char(a),
            None if c.is_whitespace() => Folded::Space,
            None if c.is_control() => Folded::Drop,
            None => Folded::Lower(c),
        },
    }
}

/// Letters from other scripts that look like Latin ones (the common part of Unicode's confusables).
fn confusable(c: char) -> Option<char> {
    Some(match c {
        'а' | 'А' | 'α' | 'Α' => 'a',
        'В' | 'Β' => 'b',
        'с' | 'С' | 'ϲ' | 'Ϲ' => 'c',
        'ԁ' => 'd',
        'е' | 'Е' | 'ε' | 'Ε' | 'ё' => 'e',
        'һ' | 'Н' | 'Η' => 'h',
        'і' | 'І' | 'ι' | 'Ι' | 'ӏ' | 'Ӏ' => 'i',
        'ј' | 'Ј' => 'j',
        'К' | 'κ' | 'Κ' | 'к' => 'k',
        'М' | 'Μ' => 'm',
        'Ν' | 'η' => 'n',
        'о' | 'О' | 'ο' | 'Ο' | 'σ' | 'օ' => 'o',
        'р' | 'Р' | 'ρ' | 'Ρ' => 'p',
        'ԛ' => 'q',
        'ѕ' | 'Ѕ' => 's',
        'Т' | 'τ' | 'Τ' => 't',
        'υ' | 'ս' => 'u',
        'ν' | 'ѵ' => 'v',
        'ԝ' | 'ѡ' | 'ω' => 'w',
        'х' | 'Х' | 'χ' | 'Χ' => 'x',
        'у' | 'У' | 'γ' | 'Υ' | 'ү' => 'y',
        'Ζ' => 'z',
        _ => return None,
    })
}

/// A short string folded as a whole, for comparing labels and subjects (no offsets kept).
pub fn fold_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match fold(c) {
            Folded::Drop => {}
            Folded::Space => {
                if !out.is_empty() && !out.ends_with(' ') {
                    out.push(' ')
                }
            }
            Folded::Char(a) => out.push(a),
            Folded::Str(t) => out.push_str(t),
            Folded::Lower(l) => out.extend(l.to_lowercase()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_evasions_to_ascii() {
        assert_eq!(fold_str("ｗｗｗ．ＳＨＯＰ．ｃｏｍ"), "www.shop.com");
        assert_eq!(fold_str("shop\u{200B}.c\u{200D}om"), "shop.com");
        assert_eq!(fold_str("wwѡ.ѕhор.соm"), "www.shop.com");
        assert_eq!(fold_str("𝐬𝐡𝐨𝐩"), "shop");
        assert_eq!(fold_str("’“”—"), "'\"\"-");
        assert_eq!(fold_str("Größe"), "größe");
        assert_eq!(fold_str("ご注文"), "ご注文");
    }
}
