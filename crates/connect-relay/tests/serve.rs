//! The `connect-relay` binary as an operator runs it: HTTPS with its own
//! certificate, and an online backup that opens as a relay database.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use connect_relay_store::{RelayStore, SqliteRelayStore};

const RELAY: &str = env!("CARGO_BIN_EXE_connect-relay");

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn create_team(db: &std::path::Path) -> String {
    let out = Command::new(RELAY).arg("--db").arg(db).args(["team", "create", "Connect East"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Team id: "));
    text.lines().last().unwrap().to_owned()
}

#[test]
fn the_relay_serves_https_with_its_own_certificate() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("relay.db");
    create_team(&db);
    let cert = rcgen::generate_simple_self_signed(vec!["localhost".into(), "127.0.0.1".into()]).unwrap();
    let (cert_path, key_path) = (dir.path().join("cert.pem"), dir.path().join("key.pem"));
    std::fs::write(&cert_path, cert.cert.pem()).unwrap();
    std::fs::write(&key_path, cert.signing_key.serialize_pem()).unwrap();
    let port = free_port();
    let _relay = Running(
        Command::new(RELAY)
            .arg("--db")
            .arg(&db)
            .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
            .arg("--tls-cert")
            .arg(&cert_path)
            .arg("--tls-key")
            .arg(&key_path)
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let client = reqwest::blocking::Client::builder()
        .add_root_certificate(reqwest::Certificate::from_pem(cert.cert.pem().as_bytes()).unwrap())
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap();
    let url = format!("https://localhost:{port}/healthz");
    let started = Instant::now();
    let body = loop {
        match client.get(&url).send() {
            Ok(r) => break r.text().unwrap(),
            Err(_) if started.elapsed() < Duration::from_secs(20) => std::thread::sleep(Duration::from_millis(100)),
            Err(e) => panic!("relay never answered over https: {e}"),
        }
    };
    assert_eq!(body, "ok");
    // Plain HTTP to the TLS port gets no answer it could mistake for the relay.
    let plain = reqwest::blocking::Client::new().get(format!("http://127.0.0.1:{port}/healthz")).send();
    assert!(!plain.is_ok_and(|r| r.status().is_success()));
}

#[test]
fn an_online_backup_opens_as_a_relay_database_with_the_team() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("relay.db");
    create_team(&db);
    let backup = dir.path().join("backup.db");
    let out = Command::new(RELAY).arg("--db").arg(&db).args(["backup", "--out"]).arg(&backup).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let restored = SqliteRelayStore::open(&backup).unwrap();
    let teams = restored.teams().unwrap();
    assert_eq!(teams.len(), 1);
    assert_eq!(teams[0].1, "Connect East");
    assert!(restored.feed_head(teams[0].0).unwrap() > 0, "the team directory came along");
}

#[test]
fn relay_commands_fail_clearly_without_a_database() {
    let out = Command::new(RELAY).args(["team", "list"]).env_remove("CONNECT_RELAY_DB").output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--db PATH"));
}
