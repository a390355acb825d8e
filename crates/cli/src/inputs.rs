//! Finding and reading the articles named on the command line: files, folders (recursively),
//! and stdin; plain text, HTML and JSONL. Problems are reported with file and line, and the
//! rest of the batch goes on.

use std::io::Read;
use std::path::{Path, PathBuf};

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

/// Read every article of a source, calling `sink` for each (streaming JSONL line by line).
pub fn read_source(source: &Source, default_date: Option<Date>, sink: &mut dyn FnMut(Item)) {
    let (origin, bytes, fmt) = match source {
        Source::Stdin => {
            let mut buf = Vec::new();
            if let Err(e) = std::io::stdin().read_to_end(&mut buf) {
                sink(Item::Problem(format!("stdin: cannot read: {e}")));
                return;
            }
            ("stdin".to_string(), buf, None)
        }
        Source::File(p) => match std::fs::read(p) {
            Ok(b) => (p.display().to_string(), b, format_of(p)),
            Err(e) => {
                sink(Item::Problem(format!("{}: cannot read: {e}", p.display())));
                return;
            }
        },
    };
    let stem = match source {
        Source::Stdin => "stdin".to_string(),
        Source::File(p) => p
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "article".into()),
    };
    if bytes.is_empty() {
        sink(Item::Problem(format!("{origin}: empty file: nothing to code")));
        return;
    }
    let (text, decode_issue) = decode(&bytes);
    let mut notes: Vec<String> = decode_issue.iter().map(|i| issue_text(&origin, None, i)).collect();
    let fmt = match fmt {
        Some(Format::Text) if matches!(source, Source::Stdin) => sniff(&text),
        Some(f) => f,
        None => sniff(&text),
    };
    match fmt {
        Format::Jsonl => {
            for (n, line) in text.lines().enumerate() {
                let line_no = n + 1;
                if line.trim().is_empty() {
                    continue;
                }
                match read_jsonl_line(&format!("{stem}:{line_no}"), line, default_date) {
                    Ok((article, issues)) => {
                        let mut line_notes: Vec<String> = std::mem::take(&mut notes).into_iter().collect();
                        let skipped = issues.iter().any(|i| i.skipped);
                        line_notes.extend(issues.iter().map(|i| issue_text(&origin, Some(line_no), i)));
                        if skipped {
                            sink(Item::Problem(line_notes.join("; ")));
                        } else {
                            sink(Item::Article(article, line_notes));
                        }
                    }
                    Err(msg) => sink(Item::Problem(format!("{origin}:{line_no}: {msg}"))),
                }
            }
        }
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
        Format::Text => {
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
