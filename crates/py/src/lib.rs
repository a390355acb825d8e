//! `dyad._dyad`: the native half of the Python package. It only moves data across the
//! boundary: articles come in as JSON objects (the CLI's JSONL input, read by
//! `dyad_core::input::read_jsonl_line`), events go out as the wire format's JSON
//! (`dyad_core::wire`) or as an Arrow IPC stream (`dyad_columnar`). The Python wrapper
//! (`python/dyad/__init__.py`) turns those into dicts and pyarrow tables.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use dyad_core::input::read_jsonl_line;
use dyad_core::record::EventRecord;
use dyad_core::wire::{to_json_line, EventJson};
use dyad_core::{Date, Knowledge, Pipeline};
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyBytes;

/// A note about an article: level (`info`, `warning`, `error`) and message.
type Note = (&'static str, String);

/// What coding one article gave: the records, and the notes about its input and text.
struct Outcome {
    records: Vec<EventRecord>,
    notes: Vec<Note>,
}

fn parse_date(date: Option<&str>) -> PyResult<Option<Date>> {
    match date {
        None => Ok(None),
        Some(s) => Date::parse(s)
            .map(Some)
            .ok_or_else(|| PyValueError::new_err(format!("date {s:?} is not YYYY-MM-DD"))),
    }
}

/// Code one article given as a JSON object (`text`, optional `id`, `date`, `title`, `url`,
/// `source`), exactly as the CLI codes a JSONL line. Bad input gives notes, never a panic.
fn code_json(pipeline: &Pipeline<'_>, fallback_id: &str, json: &str, date: Option<Date>) -> Outcome {
    match read_jsonl_line(fallback_id, json, date) {
        Err(msg) => Outcome {
            records: Vec::new(),
            notes: vec![("error", format!("{fallback_id}: {msg}"))],
        },
        Ok((article, issues)) => {
            let mut notes: Vec<Note> = issues
                .iter()
                .map(|i| {
                    (
                        if i.skipped { "error" } else { "warning" },
                        format!("{}: {}", article.id, i.message),
                    )
                })
                .collect();
            if issues.iter().any(|i| i.skipped) {
                return Outcome {
                    records: Vec::new(),
                    notes,
                };
            }
            let id = article.id.clone();
            let coded = pipeline.run(article);
            notes.extend(
                coded
                    .diagnostics
                    .iter()
                    .map(|d| (d.severity.as_str(), format!("{id}: {}: {}", d.stage, d.message))),
            );
            Outcome {
                records: coded.records,
                notes,
            }
        }
    }
}

/// Code many articles on `jobs` threads; results in input order.
fn code_many(knowledge: &Knowledge, articles: &[String], date: Option<Date>, jobs: usize) -> Vec<Outcome> {
    let next = AtomicUsize::new(0);
    let mut slots: Vec<Option<Outcome>> = (0..articles.len()).map(|_| None).collect();
    let jobs = jobs.clamp(1, articles.len().max(1));
    let parts: Vec<Vec<(usize, Outcome)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..jobs)
            .map(|_| {
                scope.spawn(|| {
                    let pipeline = Pipeline::new(knowledge);
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(json) = articles.get(i) else { break };
                        done.push((i, code_json(&pipeline, &format!("article-{i}"), json, date)));
                    }
                    done
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap_or_default()).collect()
    });
    for (i, o) in parts.into_iter().flatten() {
        slots[i] = Some(o);
    }
    slots
        .into_iter()
        .enumerate()
        .map(|(i, o)| {
            o.unwrap_or_else(|| Outcome {
                records: Vec::new(),
                notes: vec![("error", format!("article-{i}: internal error: the coder thread stopped"))],
            })
        })
        .collect()
}

/// The native coder. Use `dyad.Coder`, which wraps it.
#[pyclass(frozen, module = "dyad._dyad")]
struct NativeCoder {
    knowledge: Arc<Knowledge>,
}

#[pymethods]
impl NativeCoder {
    #[new]
    fn new() -> PyResult<Self> {
        let knowledge = Knowledge::builtin().map_err(|e| PyRuntimeError::new_err(format!("loading knowledge: {e}")))?;
        Ok(NativeCoder {
            knowledge: Arc::new(knowledge),
        })
    }

    /// Code articles given as JSON objects; per article, the records as JSON lines and notes.
    #[pyo3(signature = (articles, date=None, jobs=1))]
    fn code_json(
        &self,
        py: Python<'_>,
        articles: Vec<String>,
        date: Option<&str>,
        jobs: usize,
    ) -> PyResult<Vec<(Vec<String>, Vec<Note>)>> {
        let date = parse_date(date)?;
        let knowledge = self.knowledge.clone();
        let out = py.detach(move || {
            code_many(&knowledge, &articles, date, jobs)
                .into_iter()
                .map(|o| (o.records.iter().map(|r| to_json_line(r, false)).collect(), o.notes))
                .collect()
        });
        Ok(out)
    }

    /// Code articles given as JSON objects; all their records as one Arrow IPC stream (the
    /// contract's columns), and the notes.
    #[pyo3(signature = (articles, date=None, jobs=1))]
    fn code_ipc<'py>(
        &self,
        py: Python<'py>,
        articles: Vec<String>,
        date: Option<&str>,
        jobs: usize,
    ) -> PyResult<(Bound<'py, PyBytes>, Vec<Note>)> {
        let date = parse_date(date)?;
        let knowledge = self.knowledge.clone();
        let (bytes, notes) = py.detach(move || {
            let outcomes = code_many(&knowledge, &articles, date, jobs);
            let rows: Vec<EventJson<'_>> = outcomes
                .iter()
                .flat_map(|o| o.records.iter().map(|r| EventJson::from_record(r, false)))
                .collect();
            let bytes = dyad_columnar::write_ipc_stream(Vec::new(), &rows);
            let notes: Vec<Note> = outcomes.iter().flat_map(|o| o.notes.iter().cloned()).collect();
            (bytes, notes)
        });
        let bytes = bytes.map_err(|e| PyRuntimeError::new_err(format!("building the Arrow table: {e}")))?;
        Ok((PyBytes::new(py, &bytes), notes))
    }
}

/// Read a plain-text article as `dyad code` reads a `.txt` file: a leading header block of
/// `Key: value` lines (Date, Title, Outlet/Source, URL, Id) and a blank line set those
/// fields and are not part of the text. Returns the article as a JSON object and the notes.
#[pyfunction]
#[pyo3(signature = (id, text))]
fn read_text(id: &str, text: &str) -> (String, Vec<Note>) {
    let (a, issues) = dyad_core::input::read_text(id, text, None);
    let obj = serde_json::json!({
        "id": a.id,
        "text": a.text,
        "date": a.report_date.map(|d| d.to_string()),
        "title": a.title,
        "url": a.url,
        "source": a.source,
    });
    let notes = issues
        .into_iter()
        .map(|i| ("warning", format!("{id}: {}", i.message)))
        .collect();
    (obj.to_string(), notes)
}

/// The native module.
#[pymodule]
fn _dyad(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<NativeCoder>()?;
    m.add_function(wrap_pyfunction!(read_text, m)?)?;
    m.add("CODER", dyad_core::CODER)?;
    Ok(())
}
