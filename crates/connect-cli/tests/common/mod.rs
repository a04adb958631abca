//! What the CLI tests share: a `connect` device on a store with the test
//! passphrase, and its commands run as scripts run them.

#![allow(dead_code, unreachable_pub)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

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

/// One device: a store, driven by the `connect` command.
pub struct Device {
    pub store: PathBuf,
}

impl Device {
    /// A new device set up for `name`.
    pub fn new(dir: &Path, name: &str) -> Self {
        let d = Self { store: dir.join(format!("{name}.db")) };
        d.ok(&["init", "--name", name]);
        d
    }

    /// A new device set up for `name` and enrolled with `relay` by `invite`.
    pub fn enrolled(dir: &Path, name: &str, relay: &str, invite: &str) -> Self {
        let d = Self::new(dir, name);
        d.ok(&["enrol", "--relay", relay, "--invite", invite]);
        d
    }

    pub fn run(&self, args: &[&str]) -> Output {
        connect(&self.store, args)
    }

    /// Runs a command that must succeed; returns its last line of output.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap().lines().last().unwrap_or_default().to_owned()
    }

    /// Runs a command that must fail; returns its error message.
    pub fn fails(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(!out.status.success(), "{args:?} should have failed");
        String::from_utf8(out.stderr).unwrap()
    }

    /// Runs a command with `--json`; returns what it printed.
    pub fn json(&self, args: &[&str]) -> Value {
        let out = self.run(&[args, &["--json"]].concat());
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).unwrap()
    }

    /// (Coordinator) A new invite's code, for the person named `name`.
    pub fn invite(&self, name: &str, role: &str, resident: Option<&str>) -> String {
        let mut args = vec!["invite", "--name", name, "--role", role];
        if let Some(r) = resident {
            args.extend(["--resident", r]);
        }
        self.json(&args)["code"].as_str().unwrap().to_owned()
    }
}
