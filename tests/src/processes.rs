//! Real `connect-relay` processes for tests: found (and built if missing)
//! beside the test executable, listening on free loopback ports.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A workspace binary, built with the test's profile if it is not there yet.
/// Integration tests of another package cannot name it with
/// `CARGO_BIN_EXE_…`, so it is found where cargo puts it.
///
/// # Panics
/// If it cannot be built.
#[must_use]
pub fn workspace_binary(package: &str, name: &str) -> PathBuf {
    let exe = std::env::current_exe().expect("the test executable");
    // <target>/<profile>/deps/<test> → <target>/<profile>
    let profile_dir = exe.parent().and_then(|deps| deps.parent()).expect("a cargo target directory").to_owned();
    let path = profile_dir.join(name);
    // Built once per test process: every later call finds it done.
    static BUILT: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());
    let mut built = BUILT.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if built.iter().any(|b| b == name) {
        return path;
    }
    let mut build = Command::new(env!("CARGO"));
    build.args(["build", "--quiet", "-p", package, "--bin", name]);
    if profile_dir.file_name().is_some_and(|p| p == "release") {
        build.arg("--release");
    }
    if let Some(target) = profile_dir.parent() {
        build.env("CARGO_TARGET_DIR", target);
    }
    // Keeps the binary in step with the code the tests were built from.
    let status = build.status().expect("cargo runs");
    assert!(status.success(), "cargo build -p {package} --bin {name} failed");
    built.push(name.to_owned());
    path
}

/// The relay binary.
#[must_use]
pub fn relay_binary() -> PathBuf {
    workspace_binary("connect-relay", "connect-relay")
}

/// A free loopback port.
///
/// # Panics
/// If none can be bound.
#[must_use]
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Runs a `connect-relay` admin command on `db` (a file path or a
/// `postgres://` URL) and returns what it printed.
///
/// # Panics
/// If the command fails.
#[must_use]
pub fn relay_cmd(db: &str, args: &[&str]) -> String {
    let out = Command::new(relay_binary()).arg("--db").arg(db).args(args).output().unwrap();
    assert!(out.status.success(), "connect-relay {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// A team created on `db`: its id and the first coordinator's invite code.
#[must_use]
pub fn create_team(db: &str, name: &str) -> (String, String) {
    let created = relay_cmd(db, &["team", "create", name]);
    let code = created.lines().last().unwrap().to_owned();
    let team = created.lines().find_map(|l| l.strip_prefix("Team id: ")).unwrap().to_owned();
    (team, code)
}

/// A new invite code on `db` for `role` (`coordinator` or `supporter`).
#[must_use]
pub fn invite(db: &str, team: &str, role: &str) -> String {
    relay_cmd(db, &["invite", "--team", team, "--role", role]).lines().last().unwrap().to_owned()
}

/// A `connect-relay serve` process; killed (SIGKILL) when dropped.
#[derive(Debug)]
pub struct RelayProcess {
    child: Child,
    db: String,
    port: u16,
}

impl RelayProcess {
    /// Serves `db` on `port` and waits until it accepts connections.
    ///
    /// # Panics
    /// If it does not start within 20 s.
    #[must_use]
    pub fn serve(db: &str, port: u16) -> Self {
        Self::serve_with(db, port, &[])
    }

    /// Serves `db` on `port` with extra `serve` flags.
    ///
    /// # Panics
    /// If it does not start within 20 s.
    #[must_use]
    pub fn serve_with(db: &str, port: u16, flags: &[&str]) -> Self {
        let child = Command::new(relay_binary())
            .arg("--db")
            .arg(db)
            .args(["--db-pool", "4", "serve", "--listen", &format!("127.0.0.1:{port}")])
            .args(flags)
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let started = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(started.elapsed() < Duration::from_secs(20), "the relay on port {port} did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        Self { child, db: db.to_owned(), port }
    }

    /// The process's peak resident memory so far, in bytes (Linux's `VmHWM`).
    ///
    /// # Panics
    /// If `/proc` cannot say.
    #[must_use]
    pub fn peak_rss(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap();
        let kib: u64 = status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse().ok())
            .unwrap();
        kib * 1024
    }

    /// Its address.
    #[must_use]
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// `kill -9`: no chance to finish anything.
    pub fn kill(&mut self) {
        self.child.kill().ok();
        self.child.wait().ok();
    }

    /// Starts it again on the same database and port.
    pub fn restart(&mut self) {
        self.kill();
        *self = Self::serve(&self.db.clone(), self.port);
    }
}

impl Drop for RelayProcess {
    fn drop(&mut self) {
        self.kill();
    }
}
