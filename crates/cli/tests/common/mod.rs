//! What every CLI test file needs: running the built `dyad` binary.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Run `dyad` with these arguments and no input.
#[allow(dead_code)] // each test file is its own crate and uses one of the two
pub fn dyad(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("dyad runs")
}

/// Run `dyad` with these arguments, feeding `stdin` (if any) to it.
#[allow(dead_code)]
pub fn dyad_with_input(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dyad"));
    cmd.args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("dyad runs");
    if let Some(input) = stdin {
        // dyad may exit before reading (a usage error): a broken pipe here is fine.
        let _ = child.stdin.take().expect("stdin").write_all(input);
    }
    drop(child.stdin.take());
    child.wait_with_output().expect("dyad finishes")
}
