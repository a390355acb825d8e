//! The binary container shared by model files.
//!
//! Layout (all integers little-endian):
//!
//! | bytes | content |
//! |---|---|
//! | 8 | magic: `DYADTAG\0` or `DYADPAR\0` |
//! | 4 | format version (`u32`) |
//! | 8 | payload length (`u64`) |
//! | 8 | checksum of the payload ([`crate::hash::checksum`]) |
//! | n | payload |
//!
//! The payload is read with [`Reader`], which checks every length against the
//! bytes left, so a corrupt file is an [`Error`], never a panic or a huge allocation.

use crate::error::{Error, ModelKind, Result};
use crate::hash::checksum;

const HEADER: usize = 28;

/// Appends values to a payload.
#[derive(Default)]
pub struct Writer {
    buf: Vec<u8>,
}

impl Writer {
    /// An empty payload.
    pub fn new() -> Writer {
        Writer::default()
    }
    /// Appends a byte.
    pub fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }
    /// Appends a `u64`.
    pub fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    /// Appends an `i16`.
    pub fn i16(&mut self, v: i16) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    /// Appends an `f32`.
    pub fn f32(&mut self, v: f32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    /// Appends an unsigned LEB128 varint.
    pub fn varint(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.buf.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.buf.push(v as u8);
    }
    /// Appends a length-prefixed UTF-8 string.
    pub fn str(&mut self, s: &str) {
        self.varint(s.len() as u64);
        self.buf.extend_from_slice(s.as_bytes());
    }
    /// Wraps the payload in the header.
    pub fn finish(self, magic: &[u8; 8], version: u32) -> Vec<u8> {
        let mut out = Vec::with_capacity(HEADER + self.buf.len());
        out.extend_from_slice(magic);
        out.extend_from_slice(&version.to_le_bytes());
        out.extend_from_slice(&(self.buf.len() as u64).to_le_bytes());
        out.extend_from_slice(&checksum(&self.buf).to_le_bytes());
        out.extend_from_slice(&self.buf);
        out
    }
}

/// Reads values from a checked payload.
pub struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
    /// Offset of `buf` in the whole file, for error messages.
    base: usize,
    kind: ModelKind,
}

impl<'a> Reader<'a> {
    /// Checks magic, version, length and checksum and returns a reader over the payload.
    pub fn open(bytes: &'a [u8], kind: ModelKind, magic: &[u8; 8], version: u32) -> Result<Reader<'a>> {
        let truncated = |needed: usize| Error::Truncated {
            kind,
            offset: 0,
            needed,
            len: bytes.len(),
        };
        if bytes.len() < 8 {
            return if magic.starts_with(bytes) && !bytes.is_empty() {
                Err(truncated(HEADER))
            } else {
                Err(Error::BadMagic { kind })
            };
        }
        if &bytes[..8] != magic {
            return Err(Error::BadMagic { kind });
        }
        if bytes.len() < HEADER {
            return Err(truncated(HEADER));
        }
        let found = u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]);
        if found != version {
            return Err(Error::UnsupportedVersion {
                kind,
                found,
                expected: version,
            });
        }
        let mut len8 = [0u8; 8];
        len8.copy_from_slice(&bytes[12..20]);
        let len = u64::from_le_bytes(len8);
        let mut sum8 = [0u8; 8];
        sum8.copy_from_slice(&bytes[20..28]);
        let expected = u64::from_le_bytes(sum8);
        let avail = (bytes.len() - HEADER) as u64;
        if len > avail {
            return Err(Error::Truncated {
                kind,
                offset: HEADER,
                needed: usize::try_from(len).unwrap_or(usize::MAX),
                len: bytes.len(),
            });
        }
        if len < avail {
            return Err(Error::Malformed {
                kind,
                what: "trailing bytes after the payload",
            });
        }
        let payload = &bytes[HEADER..];
        let found = checksum(payload);
        if found != expected {
            return Err(Error::Checksum { kind, expected, found });
        }
        Ok(Reader {
            buf: payload,
            pos: 0,
            base: HEADER,
            kind,
        })
    }

    /// A [`Error::Malformed`] for this model.
    pub fn malformed(&self, what: &'static str) -> Error {
        Error::Malformed { kind: self.kind, what }
    }

    /// Bytes not yet read.
    pub fn remaining(&self) -> usize {
        self.buf.len() - self.pos
    }

    /// Fails unless every byte was read.
    pub fn expect_end(&self) -> Result<()> {
        if self.remaining() == 0 {
            Ok(())
        } else {
            Err(self.malformed("unread bytes at the end of the payload"))
        }
    }

    /// Takes `n` bytes.
    pub fn bytes(&mut self, n: usize) -> Result<&'a [u8]> {
        if n > self.remaining() {
            return Err(Error::Truncated {
                kind: self.kind,
                offset: self.base + self.pos,
                needed: n,
                len: self.base + self.buf.len(),
            });
        }
        let s = &self.buf[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N]> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.bytes(N)?);
        Ok(a)
    }

    /// Reads a byte.
    pub fn u8(&mut self) -> Result<u8> {
        Ok(self.array::<1>()?[0])
    }
    /// Reads a `u64`.
    pub fn u64(&mut self) -> Result<u64> {
        Ok(u64::from_le_bytes(self.array()?))
    }
    /// Reads an `i16`.
    pub fn i16(&mut self) -> Result<i16> {
        Ok(i16::from_le_bytes(self.array()?))
    }
    /// Reads an `f32`.
    pub fn f32(&mut self) -> Result<f32> {
        Ok(f32::from_le_bytes(self.array()?))
    }
    /// Reads an unsigned LEB128 varint.
    pub fn varint(&mut self) -> Result<u64> {
        let mut v: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(self.malformed("varint longer than 10 bytes"))
    }
    /// Reads a count of items that each take at least `min_bytes` bytes, checking
    /// it against the bytes left so that a corrupt count cannot cause a huge allocation.
    pub fn count(&mut self, min_bytes: usize) -> Result<usize> {
        let n = self.varint()?;
        let n = usize::try_from(n).map_err(|_| self.malformed("count does not fit in memory"))?;
        if n.saturating_mul(min_bytes.max(1)) > self.remaining() {
            return Err(self.malformed("count larger than the data left"));
        }
        Ok(n)
    }
    /// Reads a length-prefixed UTF-8 string.
    pub fn str(&mut self) -> Result<&'a str> {
        let n = self.count(1)?;
        let b = self.bytes(n)?;
        std::str::from_utf8(b).map_err(|_| self.malformed("string is not UTF-8"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAGIC: &[u8; 8] = b"DYADTST\0";

    fn sample() -> Vec<u8> {
        let mut w = Writer::new();
        w.u64(7);
        w.varint(300);
        w.str("héllo");
        w.i16(-5);
        w.finish(MAGIC, 3)
    }

    fn read(bytes: &[u8]) -> Result<String> {
        let mut r = Reader::open(bytes, ModelKind::Tagger, MAGIC, 3)?;
        let s = format!("{} {} {} {}", r.u64()?, r.varint()?, r.str()?, r.i16()?);
        r.expect_end()?;
        Ok(s)
    }

    #[track_caller]
    fn check(bytes: &[u8], expect: &str) {
        let got = match read(bytes) {
            Ok(s) => s,
            Err(e) => format!("error: {e}"),
        };
        assert_eq!(got, expect);
    }

    #[test]
    fn round_trip() {
        check(&sample(), "7 300 héllo -5");
    }

    #[test]
    fn corruption_is_an_error() {
        let good = sample();
        let mut flipped = good.clone();
        *flipped.last_mut().unwrap() ^= 1;
        assert!(read(&flipped).unwrap_err().to_string().contains("checksum"));
        let mut magic = good.clone();
        magic[0] = b'X';
        check(&magic, "error: not a dyad tagger model (bad magic bytes)");
        let mut version = good.clone();
        version[8] = 9;
        check(
            &version,
            "error: tagger model has format version 9; this build reads version 3",
        );
        check(
            &good[..good.len() - 1],
            "error: tagger model is truncated: needed 19 bytes at offset 28, file has 46",
        );
        check(
            &good[..10],
            "error: tagger model is truncated: needed 28 bytes at offset 0, file has 10",
        );
        check(&[], "error: not a dyad tagger model (bad magic bytes)");
        // Every single-byte flip anywhere is caught.
        for i in 0..good.len() {
            let mut b = good.clone();
            b[i] ^= 0x40;
            assert!(read(&b).is_err(), "flip at {i} not detected");
        }
    }
}
