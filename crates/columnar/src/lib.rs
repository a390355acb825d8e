//! dyad-columnar: event records as Apache Arrow record batches and Parquet files.
//!
//! The columns are the output contract's fields (`docs/event-record.md`), with the same names
//! and nesting as the JSON Lines wire format ([`dyad_core::wire::EventJson`]):
//!
//! | column | Arrow type |
//! |---|---|
//! | `id`, `doc_id`, `cameo`, `text`, `modality`, `coder`, `rule` | Utf8 |
//! | `date`, `report_date` | Date32, nullable |
//! | `date_text` | Utf8, nullable |
//! | `actor`, `recipient` | List of entity structs |
//! | `event`, `mode`, `context`, `event_text` | List of Utf8 |
//! | `event_loc` | location struct, nullable |
//! | `text_info` | struct `{sequence, start, end}` (Int64) |
//! | `attribution` | entity struct, nullable |
//!
//! An entity struct is `{code, sector, entity_text, identifier_text, office, start, end}`;
//! a location struct is `{extracted_place, resolved_place, geonameid, lat, lon, province, country,
//! country_code, feature_class, feature_code, resolution}`. Offsets are characters, as on the
//! wire. `--explain`'s `evidence` is not a column (it is not part of the contract).
//!
//! [`ParquetEventWriter`] streams: each [`ParquetEventWriter::write`] call becomes a record
//! batch, and row groups are closed at [`ROW_GROUP_ROWS`] rows or [`ROW_GROUP_BYTES`], so a
//! writer's memory stays bounded whatever the number of records.
#![warn(missing_docs)]

use std::io::Write;
use std::sync::{Arc, LazyLock};

use arrow_array::RecordBatch;
use arrow_schema::{DataType, Field, Fields, Schema, SchemaRef};
use dyad_core::wire::EventJson;
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

/// Rows per Parquet row group, at most.
pub const ROW_GROUP_ROWS: usize = 65_536;
/// Estimated encoded bytes per Parquet row group, at most.
pub const ROW_GROUP_BYTES: usize = 64 << 20;

/// What can go wrong turning records into columns or writing them.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The records did not fit the schema (a bug: the schema follows the wire types).
    #[error("building Arrow columns from event records")]
    Arrow(#[from] arrow_schema::ArrowError),
    /// Writing Parquet failed (usually the underlying writer's IO error).
    #[error("writing Parquet")]
    Parquet(#[from] parquet::errors::ParquetError),
}

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

fn utf8(name: &str, nullable: bool) -> Field {
    Field::new(name, DataType::Utf8, nullable)
}

fn int64(name: &str, nullable: bool) -> Field {
    Field::new(name, DataType::Int64, nullable)
}

fn string_list(name: &str) -> Field {
    Field::new_list(name, Field::new_list_field(DataType::Utf8, false), false)
}

/// The fields of an entity object.
fn entity_fields() -> Fields {
    Fields::from(vec![
        utf8("code", false),
        utf8("sector", true),
        utf8("entity_text", false),
        utf8("identifier_text", true),
        utf8("office", true),
        int64("start", false),
        int64("end", false),
    ])
}

fn location_fields() -> Fields {
    Fields::from(vec![
        utf8("extracted_place", false),
        utf8("resolved_place", true),
        int64("geonameid", true),
        Field::new("lat", DataType::Float64, true),
        Field::new("lon", DataType::Float64, true),
        utf8("province", true),
        utf8("country", true),
        utf8("country_code", true),
        utf8("feature_class", true),
        utf8("feature_code", true),
        Field::new("resolution", DataType::Int32, true),
    ])
}

static SCHEMA: LazyLock<SchemaRef> = LazyLock::new(|| {
    let entity_list = |name: &str| Field::new_list(name, Field::new_list_field(DataType::Struct(entity_fields()), false), false);
    Arc::new(Schema::new(vec![
        utf8("id", false),
        utf8("doc_id", false),
        Field::new("date", DataType::Date32, true),
        utf8("date_text", true),
        Field::new("report_date", DataType::Date32, true),
        entity_list("actor"),
        entity_list("recipient"),
        string_list("event"),
        string_list("mode"),
        string_list("context"),
        utf8("cameo", false),
        string_list("event_text"),
        Field::new("event_loc", DataType::Struct(location_fields()), true),
        utf8("text", false),
        Field::new(
            "text_info",
            DataType::Struct(Fields::from(vec![
                int64("sequence", false),
                int64("start", false),
                int64("end", false),
            ])),
            false,
        ),
        utf8("modality", false),
        Field::new("attribution", DataType::Struct(entity_fields()), true),
        utf8("coder", false),
        utf8("rule", false),
    ]))
});

/// The Arrow schema of event records: the contract's columns, in the contract's order.
pub fn schema() -> SchemaRef {
    SCHEMA.clone()
}

/// One record batch holding `records` (an empty batch for no records).
pub fn record_batch(records: &[EventJson<'_>]) -> Result<RecordBatch> {
    let mut decoder = arrow_json::ReaderBuilder::new(schema()).build_decoder()?;
    decoder.serialize(records)?;
    Ok(decoder.flush()?.unwrap_or_else(|| RecordBatch::new_empty(schema())))
}

/// Write `records` as one Parquet file (Snappy-compressed) to `w`.
pub fn write_parquet<W: Write + Send>(w: W, records: &[EventJson<'_>]) -> Result<W> {
    let mut writer = ParquetEventWriter::new(w)?;
    writer.write(records)?;
    writer.finish()
}

/// Write `records` as an Arrow IPC stream (what `pyarrow.ipc.open_stream` reads).
pub fn write_ipc_stream<W: Write>(w: W, records: &[EventJson<'_>]) -> Result<W> {
    let batch = record_batch(records)?;
    let mut writer = arrow_ipc::writer::StreamWriter::try_new(w, &schema())?;
    writer.write(&batch)?;
    writer.finish()?;
    Ok(writer.into_inner()?)
}

/// A Parquet file of event records written in pieces: call [`write`](Self::write) as records
/// come, then [`finish`](Self::finish) to write the footer. Dropping it unfinished leaves an
/// unreadable file.
pub struct ParquetEventWriter<W: Write + Send> {
    inner: ArrowWriter<W>,
    rows: usize,
}

impl<W: Write + Send> ParquetEventWriter<W> {
    /// A writer of event records to `w`, Snappy-compressed, with bounded row groups.
    pub fn new(w: W) -> Result<Self> {
        Self::with_row_group_rows(w, ROW_GROUP_ROWS)
    }

    /// As [`new`](Self::new), closing a row group every `rows` records (at least 1).
    pub fn with_row_group_rows(w: W, rows: usize) -> Result<Self> {
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_max_row_group_row_count(Some(rows.max(1)))
            .set_max_row_group_bytes(Some(ROW_GROUP_BYTES))
            .set_created_by(dyad_core::CODER.to_string())
            .build();
        Ok(ParquetEventWriter {
            inner: ArrowWriter::try_new(w, schema(), Some(props))?,
            rows: 0,
        })
    }

    /// Append records (any number, including none).
    pub fn write(&mut self, records: &[EventJson<'_>]) -> Result<()> {
        if records.is_empty() {
            return Ok(());
        }
        let batch = record_batch(records)?;
        self.rows += batch.num_rows();
        self.inner.write(&batch)?;
        Ok(())
    }

    /// Records written so far.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Write the footer and hand back the underlying writer (flushed).
    pub fn finish(self) -> Result<W> {
        // `into_inner` closes the last row group and writes the footer exactly once.
        let mut w = self.inner.into_inner()?;
        w.flush().map_err(parquet::errors::ParquetError::from)?;
        Ok(w)
    }
}
