//! Byte spans into an article's text.

/// Byte range into `Article::text`. Invariant: `start <= end`, both on char boundaries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Span {
    /// A span from byte offsets.
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span {
            start: start as u32,
            end: end as u32,
        }
    }
    /// Start as `usize`.
    pub fn start(self) -> usize {
        self.start as usize
    }
    /// End as `usize`.
    pub fn end(self) -> usize {
        self.end as usize
    }
    /// Length in bytes.
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }
    /// True for an empty span.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
    /// The text this span covers.
    pub fn text(self, text: &str) -> &str {
        &text[self.start()..self.end()]
    }
}

/// Maps byte offsets of one text to character (Unicode scalar value) offsets.
pub struct CharIndex {
    /// Byte offset of every char start, plus the text length at the end.
    starts: Vec<u32>,
}

impl CharIndex {
    /// Index `text`.
    pub fn new(text: &str) -> CharIndex {
        let mut starts: Vec<u32> = text.char_indices().map(|(i, _)| i as u32).collect();
        starts.push(text.len() as u32);
        CharIndex { starts }
    }
    /// Character offset of a byte offset (which must be a char boundary or the end).
    pub fn char_offset(&self, byte: usize) -> usize {
        match self.starts.binary_search(&(byte as u32)) {
            Ok(i) | Err(i) => i,
        }
    }
}
