//! dyad-store: the embedded event store. Coded articles go into one SQLite file (documents,
//! the sentences that carry events with a full-text index, events, their actors and places);
//! filtered reads come back as [`EventRecord`]s, so every output format is the one `dyad code`
//! writes.
//!
//! Each article is written in one transaction: a crash or `kill -9` leaves the file with
//! whole articles only, and [`Store::is_current`] lets a rerun skip what is already in.
#![warn(missing_docs)]

mod error;
pub mod filter;
mod schema;
mod stored;

use std::path::Path;

use dyad_core::record::{fnv1a, EventRecord};
use dyad_core::Article;
use rusqlite::functions::FunctionFlags;
use rusqlite::{params, params_from_iter, Connection, OpenFlags, OptionalExtension};

pub use error::{Error, Result};
pub use filter::{EventFilter, Party};
pub use schema::SCHEMA_VERSION;

use stored::StoredRecord;

/// The embedded database.
pub struct Store {
    conn: Connection,
}

/// What writing an article did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// It was new.
    Inserted,
    /// An article with the same id and other content was replaced, events and all.
    Replaced,
    /// The same content was already stored; nothing changed.
    Unchanged,
}

/// An article's metadata as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocumentInfo {
    /// Article id.
    pub doc_id: String,
    /// Report date.
    pub report_date: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Outlet.
    pub source: Option<String>,
}

/// One event with the article it came from.
#[derive(Clone, Debug)]
pub struct EventDetail {
    /// The record, evidence included.
    pub record: EventRecord,
    /// Its article.
    pub document: DocumentInfo,
}

/// A party and how often it acts and is acted on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActorCount {
    /// Code.
    pub code: String,
    /// The most frequent canonical name, or the most frequent mention.
    pub name: String,
    /// Events as actor.
    pub as_actor: u64,
    /// Events as recipient.
    pub as_recipient: u64,
}

/// Events between two parties in one period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DyadCount {
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, by the bucket asked for; `unknown` without a date.
    pub period: String,
    /// Actor code.
    pub actor: String,
    /// Recipient code ("" when none).
    pub recipient: String,
    /// Events.
    pub count: u64,
}

/// Events of one type in one period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeCount {
    /// Period, as in [`DyadCount`].
    pub period: String,
    /// PLOVER event type.
    pub event: String,
    /// Events.
    pub count: u64,
}

/// Time buckets for counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bucket {
    /// Per day.
    Day,
    /// Per month.
    Month,
    /// Per year.
    Year,
}

impl Bucket {
    fn len(self) -> i64 {
        match self {
            Bucket::Day => 10,
            Bucket::Month => 7,
            Bucket::Year => 4,
        }
    }
}

/// Totals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stats {
    /// Articles.
    pub documents: u64,
    /// Sentences that carry events.
    pub sentences: u64,
    /// Events.
    pub events: u64,
}

/// The content hash that decides whether an article changed: its text, report date and
/// metadata, and the coder's version (a new coder codes again).
pub fn content_hash(article: &Article) -> String {
    let rd = article.report_date.map(|d| d.to_string()).unwrap_or_default();
    format!(
        "{:016x}",
        fnv1a(&[
            dyad_core::CODER,
            &article.text,
            &rd,
            article.title.as_deref().unwrap_or(""),
            article.url.as_deref().unwrap_or(""),
            article.source.as_deref().unwrap_or(""),
        ])
    )
}

const SELECT_EVENTS: &str = "FROM events e JOIN documents d ON d.id = e.document_id LEFT JOIN places p ON p.event_id = e.id";
const ORDER: &str = "ORDER BY e.date IS NULL, e.date, d.doc_id, e.position";

fn register_functions(conn: &Connection) -> rusqlite::Result<()> {
    conn.create_scalar_function(
        "dyad_distance_km",
        4,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let v: Vec<f64> = (0..4).map(|i| ctx.get::<f64>(i)).collect::<rusqlite::Result<_>>()?;
            Ok(filter::distance_km(v[0], v[1], v[2], v[3]))
        },
    )
}

impl Store {
    /// Open (creating if needed) a database for reading and writing, migrating it to the
    /// current schema.
    pub fn open(path: &Path) -> Result<Store> {
        let conn = Connection::open(path).map_err(|source| Error::Open {
            path: path.to_path_buf(),
            source,
        })?;
        Store::setup(conn, true)
    }

    /// Open an existing database read-only (the server's default). A file this build's
    /// schema does not match is an error.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|source| Error::Open {
            path: path.to_path_buf(),
            source,
        })?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version != SCHEMA_VERSION {
            if version > SCHEMA_VERSION {
                return Err(Error::TooNew {
                    found: version,
                    supported: SCHEMA_VERSION,
                });
            }
            return Err(Error::Outdated {
                path: path.to_path_buf(),
                found: version,
            });
        }
        Store::setup(conn, false)
    }

    /// A database in memory (tests).
    pub fn in_memory() -> Result<Store> {
        Store::setup(Connection::open_in_memory()?, true)
    }

    fn setup(mut conn: Connection, write: bool) -> Result<Store> {
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        register_functions(&conn)?;
        if write {
            // WAL: readers (the server) go on while an ingest writes; NORMAL sync is safe
            // against a killed process (only a power cut may lose the last commits).
            conn.pragma_update(None, "journal_mode", "WAL")?;
            conn.pragma_update(None, "synchronous", "NORMAL")?;
            conn.pragma_update(None, "foreign_keys", "ON")?;
            migrate(&mut conn)?;
        }
        Ok(Store { conn })
    }

    /// The schema version of the open file.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self.conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// True when an article with this id and content hash is already stored.
    pub fn is_current(&self, doc_id: &str, hash: &str) -> Result<bool> {
        let found: Option<String> = self
            .conn
            .query_row("SELECT content_hash FROM documents WHERE doc_id = ?", [doc_id], |r| r.get(0))
            .optional()?;
        Ok(found.as_deref() == Some(hash))
    }

    /// Store one coded article with its records, in one transaction. The same content again
    /// changes nothing; other content under the same id replaces the old article and events.
    pub fn put_article(&mut self, article: &Article, sentences: usize, records: &[EventRecord]) -> Result<Outcome> {
        let hash = content_hash(article);
        let tx = self.conn.transaction()?;
        let old: Option<(i64, String)> = tx
            .query_row(
                "SELECT id, content_hash FROM documents WHERE doc_id = ?",
                [&article.id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let outcome = match &old {
            Some((_, h)) if *h == hash => return Ok(Outcome::Unchanged),
            Some((id, _)) => {
                delete_document(&tx, *id)?;
                Outcome::Replaced
            }
            None => Outcome::Inserted,
        };
        tx.execute(
            "INSERT INTO documents (doc_id, content_hash, report_date, title, url, source, text, sentences, coder)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            params![
                article.id,
                hash,
                article.report_date.map(|d| d.to_string()),
                article.title,
                article.url,
                article.source,
                article.text,
                sentences as i64,
                dyad_core::CODER
            ],
        )?;
        let doc_row = tx.last_insert_rowid();
        {
            let mut ins_sentence = tx.prepare_cached(
                "INSERT INTO sentences (document_id, sequence, start, \"end\", text) VALUES (?, ?, ?, ?, ?)
                 ON CONFLICT (document_id, sequence) DO NOTHING",
            )?;
            let mut find_sentence = tx.prepare_cached("SELECT id FROM sentences WHERE document_id = ? AND sequence = ?")?;
            let mut ins_event = tx.prepare_cached(
                "INSERT INTO events (event_id, document_id, sentence_id, position, date, report_date, event, cameo,
                 modality, actor_code, recipient_code, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            )?;
            let mut ins_actor = tx.prepare_cached(
                "INSERT INTO actors (event_id, role, position, code, sector, entity_text, identifier_text, office, start, \"end\")
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            )?;
            let mut ins_place = tx.prepare_cached(
                "INSERT INTO places (event_id, extracted_place, resolved_place, geonameid, lat, lon, country_code, resolution)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            )?;
            for (pos, r) in records.iter().enumerate() {
                ins_sentence.execute(params![doc_row, r.sequence as i64, r.start as i64, r.end as i64, r.text])?;
                let sentence_id: i64 = find_sentence.query_row(params![doc_row, r.sequence as i64], |row| row.get(0))?;
                let json = serde_json::to_string(&StoredRecord::from_record(r)).map_err(|source| Error::Corrupt {
                    event_id: r.id.clone(),
                    source,
                })?;
                ins_event.execute(params![
                    r.id,
                    doc_row,
                    sentence_id,
                    pos as i64,
                    r.date.map(|d| d.to_string()),
                    r.report_date.map(|d| d.to_string()),
                    r.event.join(","),
                    r.cameo,
                    r.modality.as_str(),
                    r.actor.first().map(|a| a.code.as_str()),
                    r.recipient.first().map(|a| a.code.as_str()),
                    json
                ])?;
                let ev_row = tx.last_insert_rowid();
                let roles = [
                    ("actor", r.actor.as_slice()),
                    ("recipient", r.recipient.as_slice()),
                    ("attribution", r.attribution.as_slice()),
                ];
                for (role, list) in roles {
                    for (i, e) in list.iter().enumerate() {
                        ins_actor.execute(params![
                            ev_row,
                            role,
                            i as i64,
                            e.code,
                            e.sector,
                            e.entity_text,
                            e.identifier_text,
                            e.office,
                            e.start as i64,
                            e.end as i64
                        ])?;
                    }
                }
                if let Some(l) = &r.event_loc {
                    ins_place.execute(params![
                        ev_row,
                        l.extracted_place,
                        l.resolved_place,
                        l.geonameid,
                        l.lat,
                        l.lon,
                        l.country_code,
                        l.resolution
                    ])?;
                }
            }
        }
        tx.commit()?;
        Ok(outcome)
    }

    /// Events matching `filter`, in date order (undated last), `limit` from `offset`.
    pub fn events(&self, filter: &EventFilter, limit: u64, offset: u64) -> Result<Vec<EventRecord>> {
        let (wh, mut params) = filter.to_sql()?;
        params.push(rusqlite::types::Value::Integer(limit.min(i64::MAX as u64) as i64));
        params.push(rusqlite::types::Value::Integer(offset.min(i64::MAX as u64) as i64));
        let sql = format!("SELECT e.event_id, e.record {SELECT_EVENTS} WHERE {wh} {ORDER} LIMIT ? OFFSET ?");
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(params), |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, json) = row?;
            out.push(decode(&id, &json)?);
        }
        Ok(out)
    }

    /// Visit the events matching `filter` in order (`limit` from `offset`), one at a time,
    /// without holding them all in memory.
    pub fn for_each_event<E: From<Error>>(
        &self,
        filter: &EventFilter,
        limit: u64,
        offset: u64,
        f: &mut dyn FnMut(EventRecord) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let (wh, mut params) = filter.to_sql()?;
        params.push(rusqlite::types::Value::Integer(limit.min(i64::MAX as u64) as i64));
        params.push(rusqlite::types::Value::Integer(offset.min(i64::MAX as u64) as i64));
        let sql = format!("SELECT e.event_id, e.record {SELECT_EVENTS} WHERE {wh} {ORDER} LIMIT ? OFFSET ?");
        let mut stmt = self.conn.prepare(&sql).map_err(Error::from)?;
        let mut rows = stmt.query(params_from_iter(params)).map_err(Error::from)?;
        while let Some(row) = rows.next().map_err(Error::from)? {
            let id: String = row.get(0).map_err(Error::from)?;
            let json: String = row.get(1).map_err(Error::from)?;
            f(decode(&id, &json)?)?;
        }
        Ok(())
    }

    /// How many events match `filter`.
    pub fn count(&self, filter: &EventFilter) -> Result<u64> {
        let (wh, params) = filter.to_sql()?;
        let sql = format!("SELECT count(*) {SELECT_EVENTS} WHERE {wh}");
        let n: i64 = self.conn.query_row(&sql, params_from_iter(params), |r| r.get(0))?;
        Ok(n as u64)
    }

    /// One event by its record id, with its article's metadata.
    pub fn event(&self, event_id: &str) -> Result<Option<EventDetail>> {
        let row: Option<(String, DocumentInfo)> = self
            .conn
            .query_row(
                "SELECT e.record, d.doc_id, d.report_date, d.title, d.url, d.source
                 FROM events e JOIN documents d ON d.id = e.document_id WHERE e.event_id = ? ORDER BY e.id LIMIT 1",
                [event_id],
                |r| {
                    Ok((
                        r.get(0)?,
                        DocumentInfo {
                            doc_id: r.get(1)?,
                            report_date: r.get(2)?,
                            title: r.get(3)?,
                            url: r.get(4)?,
                            source: r.get(5)?,
                        },
                    ))
                },
            )
            .optional()?;
        let Some((json, document)) = row else {
            return Ok(None);
        };
        Ok(Some(EventDetail {
            record: decode(event_id, &json)?,
            document,
        }))
    }

    /// Parties of the events matching `filter`, most active first.
    pub fn actors(&self, filter: &EventFilter, limit: u64) -> Result<Vec<ActorCount>> {
        let (wh, mut params) = filter.to_sql()?;
        params.push(rusqlite::types::Value::Integer(limit.min(i64::MAX as u64) as i64));
        let sql = format!(
            "WITH m AS (SELECT a.code, a.role, coalesce(a.identifier_text, a.entity_text) AS name
                        FROM actors a WHERE a.role IN ('actor', 'recipient') AND a.code <> ''
                        AND a.event_id IN (SELECT e.id {SELECT_EVENTS} WHERE {wh})),
                  names AS (SELECT code, name, count(*) AS n,
                            row_number() OVER (PARTITION BY code ORDER BY count(*) DESC, name) AS rk
                            FROM m GROUP BY code, name)
             SELECT m.code, (SELECT name FROM names WHERE names.code = m.code AND rk = 1),
                    sum(m.role = 'actor'), sum(m.role = 'recipient')
             FROM m GROUP BY m.code ORDER BY count(*) DESC, m.code LIMIT ?"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(params), |r| {
            Ok(ActorCount {
                code: r.get(0)?,
                name: r.get::<_, Option<String>>(1)?.unwrap_or_default(),
                as_actor: r.get::<_, i64>(2)? as u64,
                as_recipient: r.get::<_, i64>(3)? as u64,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Events between pairs of parties per period (by the first actor and recipient codes).
    pub fn dyads(&self, filter: &EventFilter, bucket: Bucket) -> Result<Vec<DyadCount>> {
        let (wh, mut params) = filter.to_sql()?;
        params.insert(0, rusqlite::types::Value::Integer(bucket.len()));
        let sql = format!(
            "SELECT coalesce(substr(e.date, 1, ?), 'unknown') AS period, e.actor_code, coalesce(e.recipient_code, ''), count(*)
             {SELECT_EVENTS} WHERE {wh} AND e.actor_code IS NOT NULL AND e.actor_code <> ''
             GROUP BY period, e.actor_code, coalesce(e.recipient_code, '') ORDER BY period, count(*) DESC, e.actor_code"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(params), |r| {
            Ok(DyadCount {
                period: r.get(0)?,
                actor: r.get(1)?,
                recipient: r.get(2)?,
                count: r.get::<_, i64>(3)? as u64,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Events per PLOVER type per period.
    pub fn timeline(&self, filter: &EventFilter, bucket: Bucket) -> Result<Vec<TypeCount>> {
        let (wh, mut params) = filter.to_sql()?;
        params.insert(0, rusqlite::types::Value::Integer(bucket.len()));
        let sql = format!(
            "SELECT coalesce(substr(e.date, 1, ?), 'unknown') AS period, e.event, count(*)
             {SELECT_EVENTS} WHERE {wh} GROUP BY period, e.event ORDER BY period, e.event"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(params), |r| {
            Ok(TypeCount {
                period: r.get(0)?,
                event: r.get(1)?,
                count: r.get::<_, i64>(2)? as u64,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Totals.
    pub fn stats(&self) -> Result<Stats> {
        let n = |t: &str| -> Result<u64> {
            Ok(self
                .conn
                .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get::<_, i64>(0))? as u64)
        };
        Ok(Stats {
            documents: n("documents")?,
            sentences: n("sentences")?,
            events: n("events")?,
        })
    }

    /// Every stored event id with its article id, sorted (for comparing two databases).
    pub fn event_ids(&self) -> Result<Vec<(String, String)>> {
        let mut stmt = self.conn.prepare(
            "SELECT d.doc_id, e.event_id FROM events e JOIN documents d ON d.id = e.document_id ORDER BY d.doc_id, e.event_id",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

fn decode(event_id: &str, json: &str) -> Result<EventRecord> {
    let stored: StoredRecord = serde_json::from_str(json).map_err(|source| Error::Corrupt {
        event_id: event_id.to_string(),
        source,
    })?;
    Ok(stored.into_record())
}

fn delete_document(tx: &rusqlite::Transaction<'_>, doc_row: i64) -> Result<()> {
    tx.execute(
        "DELETE FROM actors WHERE event_id IN (SELECT id FROM events WHERE document_id = ?)",
        [doc_row],
    )?;
    tx.execute(
        "DELETE FROM places WHERE event_id IN (SELECT id FROM events WHERE document_id = ?)",
        [doc_row],
    )?;
    tx.execute("DELETE FROM events WHERE document_id = ?", [doc_row])?;
    tx.execute("DELETE FROM sentences WHERE document_id = ?", [doc_row])?;
    tx.execute("DELETE FROM documents WHERE id = ?", [doc_row])?;
    Ok(())
}

fn migrate(conn: &mut Connection) -> Result<()> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version > SCHEMA_VERSION {
        return Err(Error::TooNew {
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    for (i, sql) in schema::MIGRATIONS.iter().enumerate().skip(version as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        tx.commit()?;
    }
    Ok(())
}
