//! Where the store is and how it is opened: the passphrase from the
//! environment or a terminal, a new store at `connect init`, encrypting a
//! store an earlier version kept in clear, changing the passphrase. A new
//! passphrase meets the same rule as the app's PINs (`connect_store::keys`
//! checks it: no `123456`, no `111111`, none of the commonest PINs), and
//! the same Argon2id settings wrap the key.

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::{Context, bail};
use chrono::Utc;
use connect_model::{AuthorRole, DeviceId, Timestamp};
use connect_store::{DeviceIdentity, DocumentStore, KeyFile, SqliteStore, Unlocking};
use zeroize::Zeroizing;

use crate::args::RoleArg;

/// Where the passphrase that opens the store comes from in scripts.
const PASSPHRASE_ENV: &str = "CONNECT_PASSPHRASE";
/// Where `connect passphrase` takes the new passphrase from in scripts.
const NEW_PASSPHRASE_ENV: &str = "CONNECT_NEW_PASSPHRASE";
/// What a new passphrase may be, said when one is asked for.
const NEW_PASSPHRASE_RULE: &str =
    "at least 6 characters: a passphrase with letters, or digits that are not an easy PIN like 123456";

/// The default store: `$XDG_DATA_HOME/connect-companion/device.db`.
fn default_store() -> anyhow::Result<PathBuf> {
    let base = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
        .context("no --store given and no home directory to keep one in")?;
    Ok(base.join("connect-companion").join("device.db"))
}

fn store_path(path: Option<PathBuf>) -> anyhow::Result<PathBuf> {
    match path {
        Some(p) => Ok(p),
        None => default_store(),
    }
}

/// The passphrase in `env`, or asked for on a terminal (twice when it is a
/// new one, so a typo cannot lock the store).
fn passphrase(env: &str, prompt: &str, new: bool) -> anyhow::Result<Zeroizing<String>> {
    if let Ok(p) = std::env::var(env) {
        return Ok(Zeroizing::new(p));
    }
    if !std::io::stdin().is_terminal() {
        bail!(
            "this device's store is encrypted: set {env} or run `connect` on a terminal to be asked for the passphrase"
        );
    }
    let first = Zeroizing::new(rpassword::prompt_password(prompt).context("cannot read the passphrase")?);
    if new {
        let again =
            Zeroizing::new(rpassword::prompt_password("Type it again: ").context("cannot read the passphrase")?);
        if *first != *again {
            bail!("the two passphrases differ; nothing was changed");
        }
    }
    Ok(first)
}

/// Opens the encrypted store at `path`. `create` makes a new one (with a new
/// passphrase) when nothing is there yet; otherwise a missing store is an
/// error that says how to make one, and nothing is written.
pub(crate) fn open_store(path: Option<PathBuf>, create: bool) -> anyhow::Result<(SqliteStore, PathBuf)> {
    let path = store_path(path)?;
    let exists = path.exists() || KeyFile::for_store(&path).exists();
    if !exists && !create {
        bail!("there is no store at {} yet: run `connect init --name YOUR-NAME` first", path.display());
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let pass = if exists {
        passphrase(PASSPHRASE_ENV, "Passphrase for this device's store: ", false)?
    } else {
        passphrase(
            PASSPHRASE_ENV,
            &format!("Choose a passphrase for this device's store ({NEW_PASSPHRASE_RULE}): "),
            true,
        )?
    };
    let (store, _key) = SqliteStore::open_with_passphrase(&path, &pass)?;
    Ok((store, path))
}

/// `connect init`: a new store for `name`, and this device's identity.
pub(crate) fn init(
    store: Option<PathBuf>,
    name: &str,
    role: RoleArg,
    device_name: &str,
    json: bool,
) -> anyhow::Result<()> {
    let person_name = connect_model::limits::required("name", name, connect_model::limits::NAME_MAX)?;
    let (mut store, path) = open_store(store, true)?;
    if let Some(existing) = store.identity()? {
        bail!(
            "{} is already set up for {} (device {}); use another --store for another device",
            path.display(),
            existing.person_name,
            existing.device_id
        );
    }
    let identity = DeviceIdentity {
        device_id: DeviceId::random(),
        device_name: device_name.trim().to_owned(),
        person_name,
        role: match role {
            RoleArg::Supporter => AuthorRole::Supporter,
            RoleArg::Coordinator => AuthorRole::Coordinator,
            RoleArg::Resident => AuthorRole::Resident,
        },
        created_at: Timestamp::new(Utc::now()),
    };
    store.set_identity(&identity)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&identity)?);
    } else {
        println!("Set up {} for {} ({}).", path.display(), identity.person_name, identity.role);
        println!("{}", identity.device_id);
    }
    Ok(())
}

/// `connect encrypt`: encrypts a store kept in clear, in place.
pub(crate) fn encrypt(path: Option<PathBuf>) -> anyhow::Result<()> {
    let path = store_path(path)?;
    if !path.exists() {
        bail!("there is no store at {}", path.display());
    }
    let pass = passphrase(
        PASSPHRASE_ENV,
        &format!("Choose a passphrase for this device's store ({NEW_PASSPHRASE_RULE}): "),
        true,
    )?;
    SqliteStore::encrypt_in_place(&path, &pass)?;
    println!("Encrypted {}. Keep the passphrase safe: without it the store cannot be opened.", path.display());
    Ok(())
}

/// `connect passphrase`: rewraps the store's key under a new passphrase.
pub(crate) fn change_passphrase(path: Option<PathBuf>) -> anyhow::Result<()> {
    let path = store_path(path)?;
    let key_file = KeyFile::for_store(&path);
    if !key_file.exists() {
        bail!("the store at {} is not encrypted yet: run `connect encrypt` first", path.display());
    }
    let old = passphrase(PASSPHRASE_ENV, "Current passphrase: ", false)?;
    let new = passphrase(NEW_PASSPHRASE_ENV, &format!("New passphrase ({NEW_PASSPHRASE_RULE}): "), true)?;
    key_file.change_passphrase(Unlocking::pin(&old), &new)?;
    println!("Changed the passphrase for {}.", path.display());
    Ok(())
}
