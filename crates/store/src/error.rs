//! The store's one error type.

use std::path::PathBuf;

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The database file could not be opened or created.
    #[error("cannot open database {path}")]
    Open {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: rusqlite::Error,
    },
    /// The database was written by a newer dyad.
    #[error("database schema version {found} is newer than this dyad understands ({supported})")]
    TooNew {
        /// Version in the file.
        found: i64,
        /// Newest version this build knows.
        supported: i64,
    },
    /// The file is not at this build's schema version (empty, or written by an older dyad)
    /// and cannot be migrated because it was opened read-only.
    #[error("database {path} has schema version {found}; run `dyad ingest` on it first to create or migrate it")]
    Outdated {
        /// The file.
        path: PathBuf,
        /// Version in the file.
        found: i64,
    },
    /// A stored record could not be read back.
    #[error("stored event {event_id} is unreadable: {source}")]
    Corrupt {
        /// The event's id.
        event_id: String,
        /// Why.
        #[source]
        source: serde_json::Error,
    },
    /// A filter value is not usable (bad date, bad radius, ...).
    #[error("invalid filter `{field}`: {message}")]
    Filter {
        /// The filter's name.
        field: &'static str,
        /// What is wrong.
        message: String,
    },
    /// SQLite said no.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

/// Results of the store.
pub type Result<T, E = Error> = std::result::Result<T, E>;
