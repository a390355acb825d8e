//! The schema and its migrations. `PRAGMA user_version` holds the version; each migration
//! runs in one transaction with the version bump, so a database is always at one version.

/// Migrations in order; migration `i` takes the database from version `i` to `i + 1`.
pub(crate) const MIGRATIONS: &[&str] = &[
    // 1: documents, sentences (with full-text index), events, their actors and places.
    r#"
CREATE TABLE documents (
    id           INTEGER PRIMARY KEY,
    doc_id       TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL,
    report_date  TEXT,
    title        TEXT,
    url          TEXT,
    source       TEXT,
    text         TEXT NOT NULL,
    sentences    INTEGER NOT NULL,
    coder        TEXT NOT NULL
);
CREATE TABLE sentences (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    sequence    INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        TEXT NOT NULL,
    UNIQUE (document_id, sequence)
);
CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='id');
CREATE TRIGGER sentences_fts_insert AFTER INSERT ON sentences BEGIN
    INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
    INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TABLE events (
    id             INTEGER PRIMARY KEY,
    event_id       TEXT NOT NULL,
    document_id    INTEGER NOT NULL REFERENCES documents(id),
    sentence_id    INTEGER NOT NULL REFERENCES sentences(id),
    position       INTEGER NOT NULL,
    date           TEXT,
    report_date    TEXT,
    event          TEXT NOT NULL,
    cameo          TEXT NOT NULL,
    modality       TEXT NOT NULL,
    actor_code     TEXT,
    recipient_code TEXT,
    record         TEXT NOT NULL
);
CREATE INDEX events_event_id ON events(event_id);
CREATE INDEX events_document ON events(document_id);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_cameo ON events(cameo);
CREATE TABLE actors (
    event_id        INTEGER NOT NULL REFERENCES events(id),
    role            TEXT NOT NULL CHECK (role IN ('actor', 'recipient', 'attribution')),
    position        INTEGER NOT NULL,
    code            TEXT NOT NULL,
    sector          TEXT,
    entity_text     TEXT NOT NULL,
    identifier_text TEXT,
    office          TEXT,
    start           INTEGER NOT NULL,
    "end"           INTEGER NOT NULL
);
CREATE INDEX actors_event ON actors(event_id);
CREATE INDEX actors_code ON actors(code, role);
CREATE TABLE places (
    event_id        INTEGER PRIMARY KEY REFERENCES events(id),
    extracted_place TEXT NOT NULL,
    resolved_place  TEXT,
    geonameid       INTEGER,
    lat             REAL,
    lon             REAL,
    country_code    TEXT,
    resolution      INTEGER
);
CREATE INDEX places_country ON places(country_code);
"#,
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;
