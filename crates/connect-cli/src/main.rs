//! `connect`: the command-line client for Connect Companion. It is one more
//! client of the device core (`connect-device`), like the app's screens:
//! [`args`] is the contract scripts rely on, [`open`] finds and opens the
//! encrypted store, [`commands`] asks the device, [`render`] says the answer.
//!
//! Scriptable: every command takes `--store PATH` (or `CONNECT_STORE`), list and
//! show commands take `--json`, commands that create something print its id
//! alone on the last line, and any error exits non-zero with a plain message.

mod args;
mod commands;
mod open;
mod render;

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
