//! dyad-core: the article → events pipeline, pure and IO-free.
//!
//! An [`Article`] goes through [`Pipeline::run`], a fixed sequence of [`Stage`]s that each
//! annotate one shared [`Doc`]; the result is a [`Coded`]: event records with the evidence for
//! every field, plus diagnostics for anything odd in the text. Knowledge (countries, actors,
//! the event lexicon, the gazetteer) is built once into a [`Knowledge`] and shared read-only.
//!
//! Offsets are byte offsets into `Article::text` inside the pipeline ([`Span`]); the wire
//! format converts them to the character offsets the output contract asks for.
#![warn(missing_docs)]

pub mod article;
pub mod date;
pub mod diag;
pub mod dict;
pub mod doc;
pub mod error;
pub mod gazetteer;
pub mod input;
pub mod knowledge;
pub mod pipeline;
pub mod record;
pub mod render;
pub mod span;
pub mod stages;
#[cfg(feature = "serde")]
pub mod wire;

pub use article::Article;
pub use date::Date;
pub use diag::{Diagnostic, Diagnostics, Severity};
pub use doc::{Doc, Event, Modality};
pub use error::{Error, Result};
pub use knowledge::Knowledge;
pub use pipeline::{Coded, Pipeline, PipelineConfig, Stage};
pub use span::Span;

/// The coder's name and version as written into every record's `coder` field.
pub const CODER: &str = concat!("dyad ", env!("CARGO_PKG_VERSION"));
