//! The pipeline's stages, one job each, in the order they run.

pub mod clause;
pub mod context;
pub mod mentions;
pub mod modality;
pub mod place;
pub mod pos;
pub mod roles;
pub mod segment;
pub mod time;
pub mod tree;
pub mod triggers;

pub use context::ContextTagger;
pub use mentions::ActorTagger;
pub use modality::ModalityTagger;
pub use place::PlaceResolver;
pub use pos::{DependencyParser, PosTagger};
pub use roles::RoleFinder;
pub use segment::Segmenter;
pub use time::TimeResolver;
pub use triggers::TriggerFinder;
