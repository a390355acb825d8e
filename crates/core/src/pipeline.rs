//! The pipeline: a fixed, named sequence of stages over one `Doc`.

use crate::article::Article;
use crate::diag::{Diagnostic, Diagnostics};
use crate::doc::Doc;
use crate::error::{Error, Result};
use crate::knowledge::Knowledge;
use crate::record::{build_records, EventRecord};
use crate::stages::{
    ActorTagger, ContextTagger, DependencyParser, ModalityTagger, PlaceResolver, PosTagger, RoleFinder, Segmenter, TimeResolver,
    TriggerFinder,
};

/// One step of the article → events pipeline.
///
/// Contract, checked for every stage by the property tests:
/// * never mutates `doc.article.text`; it only adds or refines annotations;
/// * every span it writes lies inside the text;
/// * messy input goes into `diag`, never into a panic.
pub trait Stage: Send + Sync {
    /// Stable kebab-case name, used in configuration and diagnostics.
    fn name(&self) -> &'static str;
    /// Annotate the doc.
    fn run(&self, doc: &mut Doc, diag: &mut Diagnostics);
}

/// Which stages to run, by name, in order.
#[derive(Clone, Debug)]
pub struct PipelineConfig {
    /// Stage names.
    pub stages: Vec<String>,
}

/// The default order of the stages.
pub const DEFAULT_STAGES: &[&str] = &[
    Segmenter::NAME,
    PosTagger::NAME,
    ActorTagger::NAME,
    TriggerFinder::NAME,
    DependencyParser::NAME,
    RoleFinder::NAME,
    ModalityTagger::NAME,
    TimeResolver::NAME,
    PlaceResolver::NAME,
    ContextTagger::NAME,
];

impl Default for PipelineConfig {
    fn default() -> Self {
        PipelineConfig {
            stages: DEFAULT_STAGES.iter().map(|s| s.to_string()).collect(),
        }
    }
}

/// The result of coding one article: records plus diagnostics.
#[derive(Clone, Debug)]
pub struct Coded {
    /// Event records.
    pub records: Vec<EventRecord>,
    /// What the pipeline noticed.
    pub diagnostics: Vec<Diagnostic>,
    /// Number of sentences.
    pub sentences: usize,
}

/// The stage name of what the pipeline itself notices (a cut article, an internal error).
const PIPELINE: &str = "pipeline";

impl Coded {
    /// The message of the internal error (a stage that panicked: a bug) that kept this article
    /// from being coded, if any.
    pub fn internal_error(&self) -> Option<&str> {
        self.diagnostics
            .iter()
            .find(|d| d.severity == crate::diag::Severity::Error && d.stage == PIPELINE)
            .map(|d| d.message.as_str())
    }
}

/// Stages over shared knowledge.
pub struct Pipeline<'k> {
    knowledge: &'k Knowledge,
    stages: Vec<Box<dyn Stage + 'k>>,
}

/// Articles longer than this are cut (with a diagnostic) to keep time and memory bounded.
pub const MAX_TEXT_BYTES: usize = 16_000_000;

impl<'k> Pipeline<'k> {
    /// The default pipeline.
    pub fn new(knowledge: &'k Knowledge) -> Pipeline<'k> {
        Pipeline::from_config(knowledge, &PipelineConfig::default()).expect("default stages exist")
    }

    /// Add a stage after the built-in ones (an extension, or a test's probe).
    pub fn push_stage(&mut self, stage: Box<dyn Stage + 'k>) {
        self.stages.push(stage);
    }

    /// Build stages by name.
    pub fn from_config(knowledge: &'k Knowledge, cfg: &PipelineConfig) -> Result<Pipeline<'k>> {
        let mut stages: Vec<Box<dyn Stage + 'k>> = Vec::new();
        for name in &cfg.stages {
            let stage: Box<dyn Stage + 'k> = match name.as_str() {
                Segmenter::NAME => Box::new(Segmenter),
                PosTagger::NAME => Box::new(PosTagger),
                DependencyParser::NAME => Box::new(DependencyParser),
                ActorTagger::NAME => Box::new(ActorTagger::new(knowledge)),
                TriggerFinder::NAME => Box::new(TriggerFinder::new(knowledge)),
                RoleFinder::NAME => Box::new(RoleFinder::new(knowledge)),
                ModalityTagger::NAME => Box::new(ModalityTagger),
                TimeResolver::NAME => Box::new(TimeResolver),
                PlaceResolver::NAME => Box::new(PlaceResolver::new(knowledge)),
                ContextTagger::NAME => Box::new(ContextTagger::new(knowledge)),
                other => return Err(Error::UnknownStage(other.to_string())),
            };
            stages.push(stage);
        }
        Ok(Pipeline { knowledge, stages })
    }

    /// Run every stage and keep the annotated doc (for `--explain` and tests).
    pub fn annotate(&self, article: Article) -> (Doc, Diagnostics) {
        let mut diag = Diagnostics::default();
        let mut article = article;
        if article.text.len() > MAX_TEXT_BYTES {
            let mut cut = MAX_TEXT_BYTES;
            while !article.text.is_char_boundary(cut) {
                cut -= 1;
            }
            diag.warn(
                PIPELINE,
                None,
                format!(
                    "article is {} bytes; only the first {cut} bytes were coded",
                    article.text.len()
                ),
            );
            article.text.truncate(cut);
        }
        let mut doc = Doc::new(article);
        for stage in &self.stages {
            stage.run(&mut doc, &mut diag);
        }
        (doc, diag)
    }

    /// Code one article. Total: always returns records plus diagnostics. A stage that panics
    /// (a bug, never expected) costs this article its records, not the batch: the article
    /// comes back with no records and an error diagnostic that names the panic.
    pub fn run(&self, article: Article) -> Coded {
        let code = std::panic::AssertUnwindSafe(|| {
            let (doc, diag) = self.annotate(article);
            Coded {
                records: build_records(&doc, self.knowledge),
                diagnostics: diag.into_vec(),
                sentences: doc.sentences.len(),
            }
        });
        std::panic::catch_unwind(code).unwrap_or_else(|panic| {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            let mut diag = Diagnostics::default();
            diag.error(
                PIPELINE,
                None,
                format!("internal error while coding (a bug, please report it): {what}; the article was not coded"),
            );
            Coded {
                records: Vec::new(),
                diagnostics: diag.into_vec(),
                sentences: 0,
            }
        })
    }

    /// The knowledge this pipeline codes with.
    pub fn knowledge(&self) -> &'k Knowledge {
        self.knowledge
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stage with a bug.
    struct Panics;

    impl Stage for Panics {
        fn name(&self) -> &'static str {
            "panics"
        }
        fn run(&self, doc: &mut Doc, _diag: &mut Diagnostics) {
            if doc.text().contains("boom") {
                panic!("a test bug");
            }
        }
    }

    #[test]
    fn a_panicking_stage_costs_its_article_not_the_batch() {
        let knowledge = Knowledge::builtin().expect("built-in knowledge");
        let mut pipeline = Pipeline::new(&knowledge);
        pipeline.stages.push(Box::new(Panics));
        let bad = pipeline.run(Article::new(
            "bad",
            None,
            "boom. Turkish pilots shot down a Russian warplane.",
        ));
        assert!(bad.records.is_empty());
        assert_eq!(bad.diagnostics.len(), 1);
        assert_eq!(bad.diagnostics[0].severity, crate::diag::Severity::Error);
        assert!(bad.diagnostics[0].message.contains("a test bug"), "{:?}", bad.diagnostics);
        assert_eq!(bad.internal_error(), Some(bad.diagnostics[0].message.as_str()));
        // The same pipeline codes the next article.
        let good = pipeline.run(Article::new("good", None, "Turkish pilots shot down a Russian warplane."));
        assert_eq!(good.records.len(), 1);
    }
}
