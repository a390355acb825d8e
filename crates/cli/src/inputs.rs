//! Finding and reading the articles named on the command line: files, folders (recursively),
//! and stdin; plain text, HTML and JSONL. Problems are reported with file and line, and the
//! rest of the batch goes on.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use dyad_core::input::{decode, html_to_text, read_jsonl_line, read_text, InputIssue};
use dyad_core::{Article, Date};

/// What kind of file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Text,
    Html,
    Jsonl,
}

fn format_of(path: &Path) -> Option<Format> {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .as_deref()
    {
        Some("txt" | "text" | "md") | None => Some(Format::Text),
        Some("html" | "htm" | "xhtml") => Some(Format::Html),
        Some("jsonl" | "ndjson" | "json") => Some(Format::Jsonl),
        _ => None,
    }
}

fn sniff(text: &str) -> Format {
    let t = text.trim_start();
    if t.starts_with('{') {
        Format::Jsonl
    } else if t.starts_with('<') {
        Format::Html
    } else {
        Format::Text
    }
}

/// One source of articles.
pub enum Source {
    /// A file on disk.
    File(PathBuf),
    /// Standard input.
    Stdin,
}

/// Expand the command line's paths into sources, folders recursively in sorted order.
pub fn collect(paths: &[String], report: &mut dyn FnMut(String)) -> Vec<Source> {
    let mut out = Vec::new();
    if paths.is_empty() {
        out.push(Source::Stdin);
    }
    for p in paths {
        if p == "-" {
            out.push(Source::Stdin);
            continue;
        }
        let path = PathBuf::from(p);
        if path.is_dir() {
            let mut files = Vec::new();
            walk(&path, &mut files, report);
            files.sort();
            out.extend(files.into_iter().map(Source::File));
        } else if path.exists() {
            out.push(Source::File(path));
        } else {
            report(format!("{p}: no such file or folder"));
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, report: &mut dyn FnMut(String)) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            report(format!("{}: cannot read folder: {e}", dir.display()));
            return;
        }
    };
    for entry in entries.flatten() {
        let p = entry.path();
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        if p.is_dir() {
            walk(&p, out, report);
        } else if format_of(&p).is_some()
            && !p
                .extension()
                .is_some_and(|e| e == "md" && name.to_string_lossy().eq_ignore_ascii_case("README.md"))
        {
            out.push(p);
        }
    }
}

/// An article read from a source, or a problem with where it was.
pub enum Item {
    /// An article, with repairs noted.
    Article(Article, Vec<String>),
    /// Something that could not be read.
    Problem(String),
}

fn issue_text(origin: &str, line: Option<usize>, issue: &InputIssue) -> String {
    match issue.line.or(line) {
        Some(l) => format!("{origin}:{l}: {}", issue.message),
        None => format!("{origin}: {}", issue.message),
    }
}

/// Read every article of a source, calling `sink` for each (JSONL line by line).
pub fn read_source(source: &Source, default_date: Option<Date>, sink: &mut dyn FnMut(Item)) {
    read_source_streaming(source, default_date, None, &mut |item| {
        sink(item);
        true
    });
}

/// Open a source for reading, with its name for messages and the stem used for article ids.
fn open(source: &Source) -> Result<(String, String, Box<dyn BufRead>), String> {
    match source {
        Source::Stdin => Ok((
            "stdin".into(),
            "stdin".into(),
            Box::new(BufReader::new(std::io::stdin().lock())),
        )),
        Source::File(p) => {
            let file = File::open(p).map_err(|e| format!("{}: cannot read: {e}", p.display()))?;
            let stem = p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| "article".into());
            Ok((
                p.display().to_string(),
                stem,
                Box::new(BufReader::with_capacity(1 << 16, file)),
            ))
        }
    }
}

/// One line, without its line ending; `None` at the end of the input.
fn next_line(r: &mut dyn BufRead, buf: &mut Vec<u8>) -> std::io::Result<Option<usize>> {
    buf.clear();
    let n = r.read_until(b'\n', buf)?;
    if n == 0 {
        return Ok(None);
    }
    if buf.last() == Some(&b'\n') {
        buf.pop();
        if buf.last() == Some(&b'\r') {
            buf.pop();
        }
    }
    Ok(Some(n))
}

/// Read every article of a source, calling `sink` for each until it returns false. JSONL is
/// read one line at a time, so memory does not grow with the file; other formats are one
/// article per file. `bytes_read`, when given, counts the bytes consumed (for progress).
pub fn read_source_streaming(
    source: &Source,
    default_date: Option<Date>,
    bytes_read: Option<&AtomicU64>,
    sink: &mut dyn FnMut(Item) -> bool,
) {
    let count = |n: usize| {
        if let Some(b) = bytes_read {
            b.fetch_add(n as u64, Ordering::Relaxed);
        }
    };
    let (origin, stem, mut reader) = match open(source) {
        Ok(o) => o,
        Err(msg) => {
            sink(Item::Problem(msg));
            return;
        }
    };
    let cannot_read = |e: std::io::Error| Item::Problem(format!("{origin}: cannot read: {e}"));
    // The format: from the extension, else sniffed from the first line that is not blank.
    let known = match source {
        Source::File(p) => format_of(p),
        Source::Stdin => None,
    };
    let mut head: Vec<u8> = Vec::new();
    let mut head_lines = 0usize;
    let fmt = match known {
        Some(f) => f,
        None => loop {
            let mut line = Vec::new();
            match reader.read_until(b'\n', &mut line) {
                Ok(0) => break sniff(&String::from_utf8_lossy(&head)),
                Ok(n) => {
                    count(n);
                    head.extend_from_slice(&line);
                    head_lines += 1;
                    let text = String::from_utf8_lossy(&line);
                    if !text.trim_start_matches('\u{feff}').trim().is_empty() {
                        break sniff(&String::from_utf8_lossy(&head).replace('\u{feff}', ""));
                    }
                }
                Err(e) => {
                    sink(cannot_read(e));
                    return;
                }
            }
        },
    };
    if fmt == Format::Jsonl {
        let mut head_reader = std::io::Cursor::new(std::mem::take(&mut head));
        let mut line = Vec::new();
        let mut line_no = 0usize;
        let mut total = 0usize;
        loop {
            let got = if line_no < head_lines {
                next_line(&mut head_reader, &mut line)
            } else {
                next_line(&mut *reader, &mut line).inspect(|n| count(n.unwrap_or(0)))
            };
            let n = match got {
                Ok(Some(n)) => n,
                Ok(None) => break,
                Err(e) => {
                    sink(cannot_read(e));
                    return;
                }
            };
            line_no += 1;
            total += n;
            let (text, decode_issue) = decode(&line);
            if text.trim().is_empty() {
                continue;
            }
            let mut notes: Vec<String> = decode_issue
                .iter()
                .map(|i| issue_text(&origin, Some(line_no), &InputIssue { line: None, ..i.clone() }))
                .collect();
            let keep_going = match read_jsonl_line(&format!("{stem}:{line_no}"), &text, default_date) {
                Ok((article, issues)) => {
                    let skipped = issues.iter().any(|i| i.skipped);
                    notes.extend(issues.iter().map(|i| issue_text(&origin, Some(line_no), i)));
                    if skipped {
                        sink(Item::Problem(notes.join("; ")))
                    } else {
                        sink(Item::Article(article, notes))
                    }
                }
                Err(msg) => sink(Item::Problem(format!("{origin}:{line_no}: {msg}"))),
            };
            if !keep_going {
                return;
            }
        }
        if total == 0 {
            sink(Item::Problem(format!("{origin}: empty file: nothing to code")));
        }
        return;
    }
    let mut bytes = head;
    match reader.read_to_end(&mut bytes) {
        Ok(n) => count(n),
        Err(e) => {
            sink(cannot_read(e));
            return;
        }
    }
    if bytes.is_empty() {
        sink(Item::Problem(format!("{origin}: empty file: nothing to code")));
        return;
    }
    let (text, decode_issue) = decode(&bytes);
    let mut notes: Vec<String> = decode_issue.iter().map(|i| issue_text(&origin, None, i)).collect();
    let fmt = if fmt == Format::Text && matches!(source, Source::Stdin) {
        sniff(&text)
    } else {
        fmt
    };
    match fmt {
        Format::Html => {
            let (body, title, issues) = html_to_text(&text);
            notes.extend(issues.iter().map(|i| issue_text(&origin, None, i)));
            let (mut article, issues) = read_text(&stem, &body, default_date);
            article.title = article.title.or(title);
            notes.extend(issues.iter().map(|i| issue_text(&origin, None, i)));
            if issues.iter().any(|i| i.skipped) {
                sink(Item::Problem(notes.join("; ")));
            } else {
                sink(Item::Article(article, notes));
            }
        }
        Format::Text | Format::Jsonl => {
            let (article, issues) = read_text(&stem, &text, default_date);
            notes.extend(issues.iter().map(|i| issue_text(&origin, None, i)));
            if issues.iter().any(|i| i.skipped) {
                sink(Item::Problem(notes.join("; ")));
            } else {
                sink(Item::Article(article, notes));
            }
        }
    }
}
