//! Diagnostics: what the pipeline noticed about odd input, instead of failing.

use crate::span::Span;

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Worth knowing; output is complete.
    Info,
    /// Something was skipped or guessed.
    Warning,
    /// Input could not be used.
    Error,
}

impl Severity {
    /// Lower-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// One diagnostic message from a stage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// How serious.
    pub severity: Severity,
    /// The stage (or reader) that noticed it.
    pub stage: &'static str,
    /// Where in the article text, if anywhere.
    pub span: Option<Span>,
    /// What happened, for a person.
    pub message: String,
}

/// Collects diagnostics during one run.
#[derive(Clone, Debug, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// Record an informational note.
    pub fn info(&mut self, stage: &'static str, span: Option<Span>, message: impl Into<String>) {
        self.push(Severity::Info, stage, span, message);
    }
    /// Record a warning.
    pub fn warn(&mut self, stage: &'static str, span: Option<Span>, message: impl Into<String>) {
        self.push(Severity::Warning, stage, span, message);
    }
    /// Record an error.
    pub fn error(&mut self, stage: &'static str, span: Option<Span>, message: impl Into<String>) {
        self.push(Severity::Error, stage, span, message);
    }
    fn push(&mut self, severity: Severity, stage: &'static str, span: Option<Span>, message: impl Into<String>) {
        self.items.push(Diagnostic {
            severity,
            stage,
            span,
            message: message.into(),
        });
    }
    /// All diagnostics so far.
    pub fn as_slice(&self) -> &[Diagnostic] {
        &self.items
    }
    /// Take the collected diagnostics.
    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.items
    }
}
