//! `connect-app`: the thin launcher that knows where the device store is,
//! opens it (encrypted) once the supporter gives the PIN, plugs in sync, and
//! shows the screens from `connect-ui` on a platform.
//!
//! - `connect-app preview --listen 127.0.0.1:PORT --store PATH [--demo]
//!   [--lock-after SECONDS]`: the browser preview (Dioxus LiveView), for
//!   development and end-to-end tests.
//! - `connect-app desktop` (feature `desktop`): a desktop window.
//! - Mobile builds start `mobile_main` through `dx` (feature `mobile`).

#[cfg(feature = "preview")]
mod preview;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use std::time::Duration;

use clap::{Parser, Subcommand};
use connect_device::SharedVault;

/// Connect Companion.
#[derive(Debug, Parser)]
#[command(name = "connect-app", version)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the app to a browser on this machine (Dioxus LiveView).
    Preview {
        /// Address to serve on (loopback only).
        #[arg(long, default_value = "127.0.0.1:8080")]
        listen: std::net::SocketAddr,
        /// The device store to use (created if missing).
        #[arg(long)]
        store: Option<PathBuf>,
        /// Offer the fictional demo caseload at first run (ticked).
        #[arg(long)]
        demo: bool,
        /// The name to suggest when setting up a new store.
        #[arg(long, default_value = "Demo supporter")]
        name: String,
        /// Lock the app after this many seconds without a touch.
        #[arg(long, default_value_t = DEFAULT_LOCK_AFTER_SECONDS)]
        lock_after: u64,
    },
    /// Open the app in a desktop window.
    #[cfg(feature = "desktop")]
    Desktop {
        /// The device store to use (created if missing).
        #[arg(long)]
        store: Option<PathBuf>,
        /// Offer the fictional demo caseload at first run (ticked).
        #[arg(long)]
        demo: bool,
        /// Lock the app after this many seconds without a touch.
        #[arg(long, default_value_t = DEFAULT_LOCK_AFTER_SECONDS)]
        lock_after: u64,
    },
}

/// Five minutes without a touch locks the app.
const DEFAULT_LOCK_AFTER_SECONDS: u64 = 5 * 60;

fn default_store() -> PathBuf {
    std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
        .unwrap_or_else(|| PathBuf::from("."))
        .join("connect-companion")
        .join("device.db")
}

/// The lock in front of the store at `path`: nothing is opened until the
/// supporter gives the PIN (or chooses one, the first time).
fn vault(path: &Path, demo: bool, name: &str, lock_after: u64) -> SharedVault {
    Arc::new(connect_device::native::NativeVault::new(
        path.to_owned(),
        demo,
        name,
        Duration::from_secs(lock_after.max(1)),
    ))
}

/// What tells the auto-sync the network is back: a light relay probe.
#[cfg_attr(not(any(feature = "desktop", feature = "mobile")), allow(dead_code))]
fn lifecycle() -> connect_ui::lifecycle::SharedLifecycle {
    Arc::new(connect_app::lifecycle::ProbeLifecycle::default())
}

/// Where the store lives on a phone: inside the app's private data directory
/// (iOS sets `HOME` to the app container; Android apps run in their own data dir).
#[cfg(feature = "mobile")]
fn mobile_store_path() -> PathBuf {
    if cfg!(target_os = "android") {
        PathBuf::from("/data/data/uk.org.connect.companion/files/device.db")
    } else {
        std::env::var_os("HOME")
            .map(|h| PathBuf::from(h).join("Library").join("Application Support"))
            .unwrap_or_else(|| PathBuf::from("."))
            .join("device.db")
    }
}

/// Phones start straight into the app; there is no command line.
#[cfg(all(feature = "mobile", not(feature = "preview")))]
fn main() -> anyhow::Result<()> {
    let vault = vault(&mobile_store_path(), false, "", DEFAULT_LOCK_AFTER_SECONDS);
    dioxus::LaunchBuilder::mobile().with_context(vault).with_context(lifecycle()).launch(connect_ui::Root);
    Ok(())
}

#[cfg(not(all(feature = "mobile", not(feature = "preview"))))]
fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.command {
        None => {
            let store = default_store();
            run_preview("127.0.0.1:8080".parse()?, &vault(&store, true, "Demo supporter", DEFAULT_LOCK_AFTER_SECONDS))
        }
        Some(Command::Preview { listen, store, demo, name, lock_after }) => {
            run_preview(listen, &vault(&store.unwrap_or_else(default_store), demo, &name, lock_after))
        }
        #[cfg(feature = "desktop")]
        Some(Command::Desktop { store, demo, lock_after }) => {
            let vault = vault(&store.unwrap_or_else(default_store), demo, "", lock_after);
            dioxus::LaunchBuilder::desktop().with_context(vault).with_context(lifecycle()).launch(connect_ui::Root);
            Ok(())
        }
    }
}

#[cfg(feature = "preview")]
fn run_preview(listen: std::net::SocketAddr, vault: &SharedVault) -> anyhow::Result<()> {
    anyhow::ensure!(listen.ip().is_loopback(), "the preview serves only on a loopback address (127.0.0.1)");
    preview::serve(listen, vault.clone())
}

#[cfg(not(feature = "preview"))]
fn run_preview(_: std::net::SocketAddr, _: &SharedVault) -> anyhow::Result<()> {
    anyhow::bail!("this build has no browser preview; build with the `preview` feature")
}
