//! Shared helpers for the integration tests (included with `mod common;`).
#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::OnceLock;

use dyad_core::render::table_line;
use dyad_core::{Article, Date, Knowledge, Pipeline};

/// The built-in knowledge, parsed once per test binary.
pub fn knowledge() -> &'static Knowledge {
    static K: OnceLock<Knowledge> = OnceLock::new();
    K.get_or_init(|| Knowledge::builtin().expect("built-in knowledge parses"))
}

/// Code a text with a report date and render one table line per record.
pub fn code_lines(text: &str, date: &str) -> Vec<String> {
    let p = Pipeline::new(knowledge());
    let coded = p.run(Article::new("t", Date::parse(date), text));
    coded.records.iter().map(table_line).collect()
}

/// `../shared` beside the project, if present. With `DYAD_REQUIRE_SHARED=1` (as `.ci/run`
/// sets it) a missing `../shared` fails the test instead of skipping it.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if dir.is_dir() {
        return Some(dir);
    }
    if std::env::var("DYAD_REQUIRE_SHARED").is_ok_and(|v| v == "1") {
        panic!(
            "../shared is required (DYAD_REQUIRE_SHARED=1) but {} does not exist",
            dir.display()
        );
    }
    eprintln!("skipped: ../shared not found");
    None
}

/// The project root.
pub fn project_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The `.txt` files of a folder, in sorted order.
pub fn txt_files(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
}
