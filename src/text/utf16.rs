//! Converting byte offsets in the original (UTF-8) text to the UTF-16 code unit offsets JavaScript
//! uses. A checkpoint every 256 bytes keeps each conversion short without a table the size of the text.

const STEP: usize = 256;

pub struct Utf16Index<'a> {
    text: &'a str,
    /// UTF-16 offset at each char boundary at or after `k * STEP` bytes: (byte, utf16).
    checkpoints: Vec<(usize, usize)>,
}

impl<'a> Utf16Index<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut checkpoints = Vec::with_capacity(text.len() / STEP + 1);
        let mut units = 0;
        let mut next = 0;
        for (i, c) in text.char_indices() {
            if i >= next {
                checkpoints.push((i, units));
                next = (i / STEP + 1) * STEP;
            }
            units += c.len_utf16();
        }
        checkpoints.push((text.len(), units));
        Utf16Index { text, checkpoints }
    }

    /// UTF-16 offset of byte offset `byte`, which must be a char boundary.
    pub fn at(&self, byte: usize) -> usize {
        let k = self.checkpoints.partition_point(|&(b, _)| b <= byte) - 1;
        let (b, units) = self.checkpoints[k];
        units + self.text[b..byte].chars().map(char::len_utf16).sum::<usize>()
    }

    /// Length of the whole text in UTF-16 code units.
    pub fn len(&self) -> usize {
        self.checkpoints.last().map_or(0, |&(_, u)| u)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_astral_characters_as_two_units() {
        let s = "a😀b中c";
        let ix = Utf16Index::new(s);
        assert_eq!(ix.at(0), 0);
        assert_eq!(ix.at(1), 1);
        assert_eq!(ix.at(5), 3);
        assert_eq!(ix.at(6), 4);
        assert_eq!(ix.at(9), 5);
        assert_eq!(ix.len(), 6);
    }

    #[test]
    fn agrees_with_encode_utf16_on_long_text() {
        let s = "x😀é中".repeat(300);
        let ix = Utf16Index::new(&s);
        for (i, _) in s.char_indices() {
            assert_eq!(ix.at(i), s[..i].encode_utf16().count());
        }
        assert_eq!(ix.len(), s.encode_utf16().count());
    }
}
