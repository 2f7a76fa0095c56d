//! Sets of bytes, tested with one load: the scanners look at every byte of a draft, and a chain of
//! comparisons per byte (or a call, in the size-optimized module) is most of their cost.

#[derive(Clone, Copy)]
pub struct ByteSet([u8; 32]);

impl ByteSet {
    pub const fn new(bytes: &[u8]) -> Self {
        let mut set = ByteSet([0; 32]);
        let mut i = 0;
        while i < bytes.len() {
            set.0[(bytes[i] >> 3) as usize] |= 1 << (bytes[i] & 7);
            i += 1;
        }
        set
    }

    /// Printable ASCII (`!` to `~`) without `except`.
    pub const fn graphic_except(except: &[u8]) -> Self {
        let mut set = ByteSet([0; 32]);
        let mut b = b'!';
        while b <= b'~' {
            set.0[(b >> 3) as usize] |= 1 << (b & 7);
            b += 1;
        }
        let mut i = 0;
        while i < except.len() {
            set.0[(except[i] >> 3) as usize] &= !(1 << (except[i] & 7));
            i += 1;
        }
        set
    }

    #[inline]
    pub fn contains(&self, b: u8) -> bool {
        self.0[(b >> 3) as usize] & (1 << (b & 7)) != 0
    }
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
}
