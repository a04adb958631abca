//! What the CLI tests share: running `connect` on a store with the test
//! passphrase.

#![allow(dead_code, unreachable_pub)]

use std::path::Path;
use std::process::{Command, Output};

/// The passphrase every test device's store is encrypted with.
pub const PASSPHRASE: &str = "test passphrase";

/// Runs `connect --store STORE ARGS…` with the test passphrase.
pub fn connect(store: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_connect"))
        .env("CONNECT_PASSPHRASE", PASSPHRASE)
        .arg("--store")
        .arg(store)
        .args(args)
        .output()
        .unwrap()
}
