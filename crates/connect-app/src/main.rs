//! `connect-app`: the thin launcher that opens the device store, plugs in sync,
//! and shows the screens from `connect-ui` on a platform.
//!
//! - `connect-app preview --listen 127.0.0.1:PORT --store PATH [--demo]`: the
//!   browser preview (Dioxus LiveView), for development and end-to-end tests.
//! - `connect-app desktop` (feature `desktop`): a desktop window.
//! - Mobile builds start `mobile_main` through `dx` (feature `mobile`).

mod network;
#[cfg(feature = "preview")]
mod preview;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context;
use clap::{Parser, Subcommand};
use connect_model::{AuthorRole, DeviceId, Timestamp};
use connect_store::{DeviceIdentity, DocumentStore, SqliteStore, StoreOptions};
use connect_ui::{SharedBackend, StoreBackend};

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
        /// Seed the fictional demo caseload into an empty store.
        #[arg(long)]
        demo: bool,
        /// Your name, for a new store.
        #[arg(long, default_value = "Demo supporter")]
        name: String,
    },
    /// Open the app in a desktop window.
    #[cfg(feature = "desktop")]
    Desktop {
        /// The device store to use (created if missing).
        #[arg(long)]
        store: Option<PathBuf>,
        /// Seed the fictional demo caseload into an empty store.
        #[arg(long)]
        demo: bool,
    },
}

fn default_store() -> PathBuf {
    std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
        .unwrap_or_else(|| PathBuf::from("."))
        .join("connect-companion")
        .join("device.db")
}

/// Opens (creating if needed) the store, gives it an identity, seeds the demo.
fn open_backend(path: &Path, demo: bool, name: &str) -> anyhow::Result<SharedBackend> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let mut store = SqliteStore::open(path, &StoreOptions::default())?;
    let identity = match store.identity()? {
        Some(i) => i,
        None => {
            let i = DeviceIdentity {
                device_id: DeviceId::random(),
                device_name: "this device".into(),
                person_name: name.to_owned(),
                role: AuthorRole::Supporter,
                created_at: Timestamp::new(chrono::Utc::now()),
            };
            store.set_identity(&i)?;
            i
        }
    };
    if demo && store.caseload()?.is_empty() {
        connect_store::demo::seed_demo(&mut store, &identity, 36, Timestamp::new(chrono::Utc::now()))?;
    }
    let network = network::AppNetwork { path: path.to_owned() };
    Ok(Arc::new(StoreBackend::new(store, Some(Box::new(network)))))
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
    let backend = open_backend(&mobile_store_path(), false, "Supporter")?;
    dioxus::LaunchBuilder::mobile().with_context(backend).launch(connect_ui::App);
    Ok(())
}

#[cfg(not(all(feature = "mobile", not(feature = "preview"))))]
fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.command {
        None => {
            let store = default_store();
            run_preview("127.0.0.1:8080".parse()?, &store, true, "Demo supporter")
        }
        Some(Command::Preview { listen, store, demo, name }) => {
            run_preview(listen, &store.unwrap_or_else(default_store), demo, &name)
        }
        #[cfg(feature = "desktop")]
        Some(Command::Desktop { store, demo }) => {
            let backend = open_backend(&store.unwrap_or_else(default_store), demo, "Supporter")?;
            dioxus::LaunchBuilder::desktop().with_context(backend).launch(connect_ui::App);
            Ok(())
        }
    }
}

#[cfg(feature = "preview")]
fn run_preview(listen: std::net::SocketAddr, store: &Path, demo: bool, name: &str) -> anyhow::Result<()> {
    anyhow::ensure!(listen.ip().is_loopback(), "the preview serves only on a loopback address (127.0.0.1)");
    let backend = open_backend(store, demo, name)?;
    preview::serve(listen, backend)
}

#[cfg(not(feature = "preview"))]
fn run_preview(_: std::net::SocketAddr, _: &Path, _: bool, _: &str) -> anyhow::Result<()> {
    anyhow::bail!("this build has no browser preview; build with the `preview` feature")
}
