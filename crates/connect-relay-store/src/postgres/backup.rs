//! Backups of the PostgreSQL relay store with `pg_dump`, reached through
//! libpq's environment so no password is ever on a command line.

use std::path::Path;

use super::tls::{RootCert, TlsOptions};
use crate::{RelayStoreError, Result};

/// Writes a `pg_dump` of the database `config` names to `path`, created
/// readable by this user alone.
pub(super) fn dump(config: &postgres::Config, tls: &TlsOptions, path: &Path) -> Result<()> {
    let program = pg_dump_program();
    crate::shared::create_private(path)
        .map_err(|e| RelayStoreError::Backup(format!("cannot create {}: {e}", path.display())))?;
    // The connection goes through pg_dump's environment, never its
    // arguments: anyone on the machine can read a process's arguments.
    let out = std::process::Command::new(&program)
        .arg("--format=custom")
        .arg("--no-owner")
        .arg("--file")
        .arg(path)
        .envs(pg_environment(config, tls))
        .output()
        .map_err(|e| {
            RelayStoreError::Backup(format!(
                "cannot run {} ({e}): install PostgreSQL's client programs (Debian: postgresql-client)",
                program.display()
            ))
        })?;
    if out.status.success() {
        Ok(())
    } else {
        Err(RelayStoreError::Backup(format!("pg_dump failed: {}", String::from_utf8_lossy(&out.stderr).trim())))
    }
}

/// libpq's environment variables for the database `config` names, the
/// password and TLS settings among them, for a client program (`pg_dump`).
fn pg_environment(config: &postgres::Config, tls: &TlsOptions) -> Vec<(&'static str, String)> {
    let mut env = vec![("PGSSLMODE", tls.mode.name().to_owned())];
    match &tls.root_cert {
        Some(RootCert::File(path)) => env.push(("PGSSLROOTCERT", path.display().to_string())),
        Some(RootCert::System) => env.push(("PGSSLROOTCERT", "system".into())),
        None => {}
    }
    match config.get_hosts().first() {
        Some(postgres::config::Host::Tcp(h)) => env.push(("PGHOST", h.clone())),
        Some(postgres::config::Host::Unix(p)) => env.push(("PGHOST", p.display().to_string())),
        None => {}
    }
    if let Some(addr) = config.get_hostaddrs().first() {
        env.push(("PGHOSTADDR", addr.to_string()));
    }
    if let Some(port) = config.get_ports().first() {
        env.push(("PGPORT", port.to_string()));
    }
    if let Some(user) = config.get_user() {
        env.push(("PGUSER", user.to_owned()));
    }
    if let Some(db) = config.get_dbname() {
        env.push(("PGDATABASE", db.to_owned()));
    }
    if let Some(password) = config.get_password() {
        env.push(("PGPASSWORD", String::from_utf8_lossy(password).into_owned()));
    }
    env
}

/// The `pg_dump` to run: on PATH, or in Debian's versioned directory.
fn pg_dump_program() -> std::path::PathBuf {
    let mut found: Vec<_> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path().join("bin/pg_dump"))
        .filter(|p| p.exists())
        .collect();
    found.sort();
    found.pop().unwrap_or_else(|| "pg_dump".into())
}
