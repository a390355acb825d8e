//! One module per subcommand.

pub mod code;
pub mod eval_stories;
pub mod eval_ud;
pub mod train;
