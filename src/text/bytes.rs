//! Sets of bytes, tested with one load: the scanners look at every byte of a draft, and a chain of
//! comparisons per byte (or a call, in the size-optimized module) is most of their cost.

/// A table with a flag per byte value (256 bytes: a bit set would need a shift and a mask per test).
#[derive(Clone, Copy)]
pub struct ByteSet([bool; 256]);

impl ByteSet {
    pub const fn new(bytes: &[u8]) -> Self {
        let mut set = ByteSet([false; 256]);
        let mut i = 0;
        while i < bytes.len() {
            set.0[bytes[i] as usize] = true;
            i += 1;
        }
        set
    }

    /// Printable ASCII (`!` to `~`) without `except`.
    pub const fn graphic_except(except: &[u8]) -> Self {
        let mut set = ByteSet([false; 256]);
        let mut b = b'!';
        while b <= b'~' {
            set.0[b as usize] = true;
            b += 1;
        }
        let mut i = 0;
        while i < except.len() {
            set.0[except[i] as usize] = false;
            i += 1;
        }
        set
    }

    #[inline]
    pub const fn contains(&self, b: u8) -> bool {
        self.0[b as usize]
    }
}

/// The first byte at or after `from` that is one of `targets`: a whole word of eight bytes at a time
/// (for a few rare bytes, several times faster than testing each byte, and no setup per call).
pub fn find_any<const N: usize>(b: &[u8], from: usize, targets: [u8; N]) -> Option<usize> {
    const LOW: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut at = from;
    while at + 8 <= b.len() {
        let w = u64::from_le_bytes(b[at..at + 8].try_into().expect("eight bytes"));
        let mut zero = 0;
        for t in targets {
            // A byte of `x` is zero where `w` holds `t`; the lowest flagged byte is always a true one.
            let x = w ^ (LOW * t as u64);
            zero |= x.wrapping_sub(LOW) & !x & HIGH;
        }
        if zero != 0 {
            return Some(at + zero.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    b[at.min(b.len())..].iter().position(|c| targets.contains(c)).map(|k| at + k)
}

/// As `find_any`, and also stopping at `pair[1]` after `pair[0]` (the "d" of " dot "): a stop at
/// `pair[1]` is not always after `pair[0]` (callers check), but every such pair is stopped at. Searching
/// for the letter alone stopped at every "d" of the draft.
pub fn find_any_or_pair<const N: usize>(b: &[u8], from: usize, targets: [u8; N], pair: [u8; 2]) -> Option<usize> {
    const LOW: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero = |w: u64, t: u8| {
        let x = w ^ (LOW * t as u64);
        x.wrapping_sub(LOW) & !x & HIGH
    };
    let mut at = from;
    while at + 8 <= b.len() {
        let w = u64::from_le_bytes(b[at..at + 8].try_into().expect("eight bytes"));
        // Lane j holds the byte before byte at + j (none before the text: a zero byte).
        let before = if at > 0 { u64::from_le_bytes(b[at - 1..at + 7].try_into().expect("eight bytes")) } else { w << 8 };
        let mut found = zero(w, pair[1]) & zero(before, pair[0]);
        for t in targets {
            found |= zero(w, t);
        }
        if found != 0 {
            return Some(at + found.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    (at.min(b.len())..b.len()).find(|&k| targets.contains(&b[k]) || b[k] == pair[1] && k > 0 && b[k - 1] == pair[0])
}

/// The first ASCII digit or one of `extra` at or after `from`, a word of eight bytes at a time.
pub fn find_digit_or<const N: usize>(b: &[u8], from: usize, extra: [u8; N]) -> Option<usize> {
    const LOW: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    let mut at = from;
    while at + 8 <= b.len() {
        let w = u64::from_le_bytes(b[at..at + 8].try_into().expect("eight bytes"));
        // Bytes strictly between '/' and ':' (the digits): bit 7 of (58 + 127 - b) and of (b + 127 - 47),
        // for ASCII b; no carry crosses a byte.
        let seven = w & LOW7;
        let mut hits = (LOW * (127 + b':' as u64) - seven) & !w & (seven + LOW * (127 - b'/' as u64)) & HIGH;
        for t in extra {
            let x = w ^ (LOW * t as u64);
            hits |= x.wrapping_sub(LOW) & !x & HIGH;
        }
        if hits != 0 {
            return Some(at + hits.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    b[at.min(b.len())..].iter().position(|c| c.is_ascii_digit() || extra.contains(c)).map(|k| at + k)
}

/// The first byte at or after `from` that is not ASCII: a whole word of eight bytes at a time.
pub fn next_non_ascii(b: &[u8], from: usize) -> Option<usize> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut at = from;
    while at + 8 <= b.len() {
        let w = u64::from_le_bytes(b[at..at + 8].try_into().expect("eight bytes"));
        if w & HIGH != 0 {
            return Some(at + (w & HIGH).trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    b[at.min(b.len())..].iter().position(|&c| c >= 0x80).map(|k| at + k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_what_it_was_given() {
        let set = ByteSet::new(b" .*");
        assert!(set.contains(b' ') && set.contains(b'.') && set.contains(b'*'));
        assert!(!set.contains(b'a') && !set.contains(0xE2) && !set.contains(0));
        let plain = ByteSet::graphic_except(b"[(");
        assert!(plain.contains(b'a') && plain.contains(b'~') && !plain.contains(b'[') && !plain.contains(b' ') && !plain.contains(0x7F));
    }

    #[test]
    fn finds_the_first_of_a_few_bytes() {
        let s = b"nothing here for a while, then @ and . and : too";
        assert_eq!(find_any(s, 0, [b'@']), Some(31));
        assert_eq!(find_any(s, 0, [b'.', b':']), Some(37));
        assert_eq!(find_any(s, 38, [b'.', b':']), Some(43));
        assert_eq!(find_any(s, 0, [b'#']), None);
        for len in 0..20 {
            let mut v = vec![b'a'; len];
            v.extend_from_slice(b"\x01@\xff");
            for from in 0..=len {
                assert_eq!(find_any(&v, from, [b'@', 0xFF]), Some(len + 1));
                assert_eq!(find_any(&v, from, [1]), Some(len));
            }
        }
    }

    #[test]
    fn finds_bytes_and_pairs() {
        let s = b"a dd xd dot 12345678 @ d";
        let every = |from: usize| {
            let mut out = Vec::new();
            let mut at = from;
            while let Some(k) = find_any_or_pair(s, at, [b'@'], [b' ', b'd']) {
                out.push(k);
                at = k + 1;
            }
            out
        };
        // Every pair and target; a stop at a "d" without a space before is allowed, none is missed.
        for from in 0..s.len() {
            let want: Vec<usize> = (from..s.len()).filter(|&k| s[k] == b'@' || s[k] == b'd' && k > 0 && s[k - 1] == b' ').collect();
            let got = every(from);
            assert!(want.iter().all(|k| got.contains(k)), "from {from}: {got:?} misses some of {want:?}");
            assert!(got.iter().all(|&k| s[k] == b'@' || s[k] == b'd'), "from {from}: {got:?}");
        }
        assert_eq!(find_any_or_pair(b"dd", 0, [], [b' ', b'd']), None);
    }

    #[test]
    fn finds_the_first_digit() {
        for len in 0..20 {
            for d in [b'0', b'5', b'9', b'+'] {
                let mut v: Vec<u8> = (0..len).map(|k| [b'a', b'/', b':', b' ', 0xC3, 0xBF, b'@'][k % 7]).collect();
                v.push(d);
                v.extend_from_slice(b"12");
                for from in 0..=len {
                    assert_eq!(find_digit_or(&v, from, [b'+']), Some(len), "{v:?} from {from}");
                }
            }
        }
        assert_eq!(find_digit_or(b"no digits at all, none whatsoever", 0, []), None);
    }

    #[test]
    fn finds_the_first_non_ascii_byte() {
        let s = "plain ascii text, then é and 😀".as_bytes();
        assert_eq!(next_non_ascii(s, 0), Some(23));
        assert_eq!(next_non_ascii(s, 24), Some(24));
        assert_eq!(next_non_ascii(s, 25), Some(30));
        assert_eq!(next_non_ascii(b"only ascii here, long enough", 3), None);
        assert_eq!(next_non_ascii(b"", 0), None);
        for len in 0..20 {
            let mut v = vec![b'a'; len];
            v.push(0xC3);
            for from in 0..=len {
                assert_eq!(next_non_ascii(&v, from), Some(len));
            }
        }
    }
}
