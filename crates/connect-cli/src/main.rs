//! `connect`: the command-line client for Connect Companion.
//!
//! Scriptable: every command takes `--store PATH` (or `CONNECT_STORE`), list and
//! show commands take `--json`, commands that create something print its id
//! alone on the last line, and any error exits non-zero with a plain message.

mod args;
mod commands;
mod resolve;

use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = args::Cli::parse();
    match commands::run(cli) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("connect: {err:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
