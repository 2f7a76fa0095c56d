//! Converting byte offsets in the original (UTF-8) text to the UTF-16 code unit offsets JavaScript
//! uses. A checkpoint every 64 bytes keeps each conversion short (eight words) with a table an eighth
//! of the text's size.

const STEP: usize = 64;

pub struct Utf16Index<'a> {
    text: &'a str,
    /// UTF-16 offset at the first char boundary at or after `k * STEP` bytes, for each k: (byte, utf16).
    /// Empty when every byte is ASCII, so every offset is its own UTF-16 offset: most drafts in English
    /// are, and checking that costs less than building the table and counting from it.
    checkpoints: Vec<(usize, usize)>,
}

impl<'a> Utf16Index<'a> {
    pub fn new(text: &'a str) -> Self {
        if text.is_ascii() {
            return Utf16Index { text, checkpoints: Vec::new() };
        }
        let mut checkpoints = Vec::with_capacity(text.len() / STEP + 2);
        checkpoints.push((0, 0));
        let (mut byte, mut units) = (0, 0);
        for k in 1.. {
            if byte >= text.len() {
                break;
            }
            let mut next = (k * STEP).min(text.len());
            while !text.is_char_boundary(next) {
                next += 1;
            }
            units += utf16_len(&text.as_bytes()[byte..next]);
            byte = next;
            checkpoints.push((byte, units));
        }
        Utf16Index { text, checkpoints }
    }

    /// UTF-16 offset of byte offset `byte`, which must be a char boundary.
    pub fn at(&self, byte: usize) -> usize {
        if self.checkpoints.is_empty() {
            return byte;
        }
        // Checkpoint k is the first boundary at or after k * STEP, at most three bytes after it.
        let k = byte / STEP;
        let k = if self.checkpoints[k].0 > byte { k - 1 } else { k };
        let (b, units) = self.checkpoints[k];
        units + utf16_len(&self.text.as_bytes()[b..byte])
    }

    /// Length of the whole text in UTF-16 code units.
    pub fn len(&self) -> usize {
        self.checkpoints.last().map_or(self.text.len(), |&(_, u)| u)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// UTF-16 code units of whole characters in UTF-8 `b`: one per byte that starts a character, and one
/// more for each four-byte character. Eight bytes at a time.
fn utf16_len(b: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = b.chunks_exact(8);
    let mut units = 0;
    for chunk in &mut chunks {
        let w = u64::from_le_bytes(chunk.try_into().expect("chunks of 8"));
        // 10xxxxxx continues a character; 11110xxx starts a four-byte one.
        let continuation = (w & !(w << 1) & HIGH).count_ones() as usize;
        let four = (w & (w << 1) & (w << 2) & (w << 3) & HIGH).count_ones() as usize;
        units += 8 - continuation + four;
    }
    units + chunks.remainder().iter().map(|&c| (c & 0xC0 != 0x80) as usize + (c >= 0xF0) as usize).sum::<usize>()
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
    fn ascii_offsets_are_their_own() {
        let s = "Order 123, shipped.\n".repeat(40);
        let ix = Utf16Index::new(&s);
        for i in 0..=s.len() {
            assert_eq!(ix.at(i), s[..i].encode_utf16().count());
        }
        assert_eq!(ix.len(), s.len());
        assert_eq!(Utf16Index::new("").len(), 0);
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

    #[test]
    fn counts_every_mixture_of_widths() {
        let pieces = ["a", "é", "中", "😀", "\u{10FFFF}", "ab", "\u{7F}"];
        let mut s = String::new();
        for k in 0..2_000 {
            s.push_str(pieces[(k * 7 + k / 3) % pieces.len()]);
        }
        let ix = Utf16Index::new(&s);
        let mut units = 0;
        for (i, c) in s.char_indices() {
            assert_eq!(ix.at(i), units, "at byte {i}");
            units += c.len_utf16();
        }
        assert_eq!(ix.len(), units);
        assert_eq!(Utf16Index::new("").len(), 0);
    }
}
