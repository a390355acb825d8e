//! One module per subcommand.

pub mod code;
pub mod dict;
pub mod eval_dict;
pub mod eval_stories;
pub mod eval_ud;
pub mod ingest;
pub mod query;
pub mod serve;
pub mod train;
