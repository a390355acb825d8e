//! Parquet written by dyad-columnar, read back with the parquet crate's own reader, holds every
//! field of every record exactly as the JSON Lines wire format has it.

use std::path::PathBuf;

use arrow_array::{Array, Date32Array, RecordBatch};
use dyad_columnar::{schema, write_ipc_stream, write_parquet, ParquetEventWriter};
use dyad_core::input::read_text;
use dyad_core::record::EventRecord;
use dyad_core::wire::EventJson;
use dyad_core::{Date, Knowledge, Pipeline};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use serde_json::Value;

/// Records from coding the project's example articles, plus one article without a report date
/// (null `date`/`report_date`) and one with a resolved place.
fn records() -> Vec<EventRecord> {
    let knowledge = Knowledge::builtin().expect("built-in knowledge parses");
    let pipeline = Pipeline::new(&knowledge);
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("examples folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let mut texts: Vec<(String, String, Option<Date>)> = paths
        .iter()
        .map(|p| {
            let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
            (
                stem,
                std::fs::read_to_string(p).expect("example reads"),
                Date::parse("2031-03-04"),
            )
        })
        .collect();
    texts.push((
        "undated".into(),
        "French warplanes carried out airstrikes against the Islamic State in Raqqa, Syria.".into(),
        None,
    ));
    let mut out = Vec::new();
    for (id, text, date) in texts {
        let (article, _) = read_text(&id, &text, date);
        out.extend(pipeline.run(article).records);
    }
    out
}

fn wire(records: &[EventRecord], explain: bool) -> Vec<EventJson<'_>> {
    records.iter().map(|r| EventJson::from_record(r, explain)).collect()
}

/// Each row of the batches as a JSON object, nulls written out, as the wire has them.
fn rows_as_json(batches: &[RecordBatch]) -> Vec<Value> {
    let mut buf = Vec::new();
    {
        let mut w = arrow_json::WriterBuilder::new()
            .with_explicit_nulls(true)
            .build::<_, arrow_json::writer::LineDelimited>(&mut buf);
        for b in batches {
            w.write(b).expect("batch writes as JSON");
        }
        w.finish().expect("JSON finishes");
    }
    String::from_utf8(buf)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line parses"))
        .collect()
}

fn read_parquet(bytes: Vec<u8>) -> (Vec<RecordBatch>, usize) {
    let builder = ParquetRecordBatchReaderBuilder::try_new(bytes::Bytes::from(bytes)).expect("Parquet footer reads");
    let groups = builder.metadata().num_row_groups();
    assert_eq!(builder.schema().fields(), schema().fields(), "schema read back differs");
    let batches = builder.build().unwrap().collect::<Result<Vec<_>, _>>().expect("batches read");
    (batches, groups)
}

#[track_caller]
fn check_same(records: &[EventRecord], batches: &[RecordBatch]) {
    let expected: Vec<Value> = wire(records, false)
        .iter()
        .map(|r| serde_json::to_value(r).unwrap())
        .collect();
    let got = rows_as_json(batches);
    assert_eq!(got.len(), expected.len(), "row count");
    for (i, (g, e)) in got.iter().zip(&expected).enumerate() {
        assert_eq!(g, e, "row {i} differs");
    }
}

#[test]
fn every_column_of_every_record_survives_parquet() {
    let records = records();
    assert!(records.len() >= 10, "the examples give events ({})", records.len());
    assert!(
        records.iter().any(|r| r.report_date.is_none()),
        "a record without a report date"
    );
    assert!(
        records.iter().any(|r| r.event_loc.as_ref().is_some_and(|l| l.lat.is_some())),
        "a record with coordinates"
    );
    assert!(records.iter().any(|r| r.attribution.is_some()), "a record with attribution");
    let bytes = write_parquet(Vec::new(), &wire(&records, false)).expect("Parquet writes");
    let (batches, _) = read_parquet(bytes);
    check_same(&records, &batches);

    // The dates are real dates, not strings.
    let dates = batches[0].column_by_name("report_date").unwrap();
    let dates = dates.as_any().downcast_ref::<Date32Array>().expect("report_date is Date32");
    let first = records[0].report_date.unwrap().to_string();
    assert_eq!(dates.value_as_date(0).unwrap().to_string(), first);
}

#[test]
fn streaming_writer_splits_row_groups_and_keeps_order() {
    let records = records();
    let mut w = ParquetEventWriter::with_row_group_rows(Vec::new(), 4).unwrap();
    let all = wire(&records, true); // evidence is not a column and is ignored
    for chunk in all.chunks(3) {
        w.write(chunk).unwrap();
    }
    w.write(&[]).unwrap();
    assert_eq!(w.rows(), records.len());
    let (batches, groups) = read_parquet(w.finish().unwrap());
    assert_eq!(groups, records.len().div_ceil(4));
    check_same(&records, &batches);
}

#[test]
fn no_records_is_a_valid_empty_file() {
    let (batches, _) = read_parquet(write_parquet(Vec::new(), &[]).unwrap());
    assert_eq!(batches.iter().map(|b| b.num_rows()).sum::<usize>(), 0);
}

#[test]
fn ipc_stream_reads_back() {
    let records = records();
    let bytes = write_ipc_stream(Vec::new(), &wire(&records, false)).unwrap();
    let reader = arrow_ipc::reader::StreamReader::try_new(std::io::Cursor::new(bytes), None).unwrap();
    assert_eq!(reader.schema(), schema());
    let batches = reader.collect::<Result<Vec<_>, _>>().unwrap();
    check_same(&records, &batches);
}
