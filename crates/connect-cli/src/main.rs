//! `connect`: the command-line client for Connect Companion. It is one more
//! client of the device core (`connect-device`), like the app's screens:
//! [`args`] is the contract scripts rely on, [`open`] finds and opens the
//! encrypted store, [`commands`] asks the device, [`render`] says the answer.
//!
//! Scriptable: every command takes `--store PATH` (or `CONNECT_STORE`), list and
//! show commands take `--json`, commands that create something print its id
//! alone on the last line, and any error exits non-zero with a plain message
//! (75, `EX_TEMPFAIL`, when the team's server asked to wait: try again later).

mod args;
mod commands;
mod media;
mod open;
mod render;

use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = args::Cli::parse();
    match commands::run(cli) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("connect: {err:#}");
            match asked_to_wait(&err) {
                // The relay asked for a wait: how long, and EX_TEMPFAIL, so a
                // script knows to try again later rather than give up.
                Some(seconds) => {
                    if seconds > 0 {
                        eprintln!("connect: the team's server asks to wait {seconds} seconds before trying again");
                    }
                    std::process::ExitCode::from(EX_TEMPFAIL)
                }
                None => std::process::ExitCode::FAILURE,
            }
        }
    }
}

/// The exit status for "try again later" (sysexits.h).
const EX_TEMPFAIL: u8 = 75;

/// The wait the relay asked for (its `Retry-After`, 0 if it did not say),
/// if that is why the command failed.
fn asked_to_wait(err: &anyhow::Error) -> Option<u64> {
    err.downcast_ref::<commands::AskedToWait>().map(|w| w.seconds)
}
