//! The crate's one error type.

use std::fmt;

/// Which kind of model file an error is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModelKind {
    /// A tagger (and lemmatizer) model, `tagger.bin`.
    Tagger,
    /// A dependency parser model, `parser.bin`.
    Parser,
}

impl fmt::Display for ModelKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ModelKind::Tagger => "tagger",
            ModelKind::Parser => "parser",
        })
    }
}

/// What is wrong with a CoNLL-U line.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ConlluProblem {
    /// A token line does not have exactly ten tab-separated fields.
    FieldCount {
        /// How many fields the line has.
        found: usize,
    },
    /// The ID field is not a number, a range `a-b` or an empty node `a.b`.
    BadId {
        /// The ID field as written.
        id: String,
    },
    /// Word IDs must run 1, 2, 3, … within a sentence.
    OutOfOrder {
        /// The ID the reader expected.
        expected: usize,
        /// The ID it found.
        found: usize,
    },
    /// The HEAD field is neither `_` nor a number.
    BadHead {
        /// The HEAD field as written.
        head: String,
    },
    /// HEAD points past the last word of the sentence.
    HeadOutOfRange {
        /// The HEAD value.
        head: usize,
        /// The number of words in the sentence.
        words: usize,
    },
    /// A multiword-token range `a-b` with `b < a`.
    BadRange {
        /// The range as written.
        id: String,
    },
}

impl fmt::Display for ConlluProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConlluProblem::FieldCount { found } => {
                write!(f, "expected 10 tab-separated fields, found {found}")
            }
            ConlluProblem::BadId { id } => write!(f, "bad ID field `{id}`"),
            ConlluProblem::OutOfOrder { expected, found } => {
                write!(f, "word ID {found} out of order (expected {expected})")
            }
            ConlluProblem::BadHead { head } => write!(f, "bad HEAD field `{head}`"),
            ConlluProblem::HeadOutOfRange { head, words } => {
                write!(f, "HEAD {head} is past the sentence's {words} words")
            }
            ConlluProblem::BadRange { id } => write!(f, "bad multiword range `{id}`"),
        }
    }
}

/// Errors from reading CoNLL-U text and loading model files.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A line of CoNLL-U input could not be read.
    #[error("CoNLL-U line {line}: {problem}")]
    Conllu {
        /// 1-based line number in the input.
        line: usize,
        /// What is wrong with it.
        problem: ConlluProblem,
    },
    /// The bytes do not start with the model's magic bytes.
    #[error("not a dyad {kind} model (bad magic bytes)")]
    BadMagic {
        /// The kind of model that was expected.
        kind: ModelKind,
    },
    /// The model was written in a format version this build cannot read.
    #[error("{kind} model has format version {found}; this build reads version {expected}")]
    UnsupportedVersion {
        /// The kind of model.
        kind: ModelKind,
        /// Version in the file.
        found: u32,
        /// Version this build reads.
        expected: u32,
    },
    /// The model ends before its data does.
    #[error("{kind} model is truncated: needed {needed} bytes at offset {offset}, file has {len}")]
    Truncated {
        /// The kind of model.
        kind: ModelKind,
        /// Offset of the read that failed.
        offset: usize,
        /// Bytes that read needed.
        needed: usize,
        /// Length of the data.
        len: usize,
    },
    /// The payload's checksum does not match the one in the header.
    #[error("{kind} model is corrupt: checksum {found:#018x} does not match {expected:#018x}")]
    Checksum {
        /// The kind of model.
        kind: ModelKind,
        /// Checksum stored in the header.
        expected: u64,
        /// Checksum computed over the payload.
        found: u64,
    },
    /// The payload passed its checksum but its contents are inconsistent.
    #[error("{kind} model is malformed: {what}")]
    Malformed {
        /// The kind of model.
        kind: ModelKind,
        /// What is inconsistent.
        what: &'static str,
    },
    /// A label in a model is not a known tag or relation.
    #[error("{kind} model names unknown label `{label}`")]
    UnknownLabel {
        /// The kind of model.
        kind: ModelKind,
        /// The label as written.
        label: String,
    },
}

/// Result with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
