//! The error type of dyad-core: only for knowledge that cannot be built, never for odd text.

/// Errors building knowledge from tables or user dictionaries.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A knowledge table line could not be read.
    #[error("{file}:{line}: {message}")]
    Knowledge {
        /// The table's name (e.g. `events.txt`) or a user file's path.
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A pipeline stage name that does not exist.
    #[error("unknown pipeline stage `{0}`")]
    UnknownStage(String),
}

/// Result with [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
