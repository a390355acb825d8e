//! One module per subcommand.

pub mod code;
