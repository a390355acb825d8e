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
                "pipeline",
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

    /// Code one article. Total: always returns records plus diagnostics.
    pub fn run(&self, article: Article) -> Coded {
        let (doc, diag) = self.annotate(article);
        Coded {
            records: build_records(&doc, self.knowledge),
            diagnostics: diag.into_vec(),
            sentences: doc.sentences.len(),
        }
    }

    /// The knowledge this pipeline codes with.
    pub fn knowledge(&self) -> &'k Knowledge {
        self.knowledge
    }
}
