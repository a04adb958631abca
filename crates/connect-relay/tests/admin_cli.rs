//! `connect-relay` administration by team name: `invite`, `assign` and
//! `people` take the team's name as well as its id, as `connect` takes
//! residents' names; a name two teams share is refused with both listed.
//! Every subcommand also runs on PostgreSQL (needs `CONNECT_TEST_POSTGRES`).

use std::path::Path;
use std::process::{Command, Output};

const RELAY: &str = env!("CARGO_BIN_EXE_connect-relay");

fn relay(db: &Path, args: &[&str]) -> Output {
    Command::new(RELAY).arg("--db").arg(db).args(args).output().unwrap()
}

/// Creates a team; returns its id.
fn create_team(db: &Path, name: &str) -> String {
    let out = relay(db, &["team", "create", name]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    text.lines().find_map(|l| l.strip_prefix("Team id: ")).unwrap().to_owned()
}

#[test]
fn invite_assign_and_people_take_the_team_name_as_well_as_its_id() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("relay.db");
    let east = create_team(&db, "Connect East");
    create_team(&db, "Connect West");

    for team in ["Connect East", "connect east", east.as_str()] {
        let out = relay(&db, &["invite", "--team", team, "--role", "supporter"]);
        assert!(out.status.success(), "{team}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(String::from_utf8_lossy(&out.stdout).contains("Invite for a supporter"));
    }
    let out = relay(&db, &["people", "--team", "Connect West"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let (people, devices): (serde_json::Value, serde_json::Value) = serde_json::from_slice(&out.stdout).unwrap();
    assert!(people.is_array() && devices.is_array());
    // Assign finds the team by name; what it then refuses is the unknown person, not the team.
    let resident = uuid::Uuid::new_v4().to_string();
    let person = uuid::Uuid::new_v4().to_string();
    let out = relay(&db, &["assign", "--team", "Connect East", &resident, &person]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no supporter or coordinator"), "{err}");

    let out = relay(&db, &["invite", "--team", "Connect North", "--role", "supporter"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no team") && err.contains("Connect North"), "{err}");
}

#[test]
fn a_team_name_two_teams_share_is_refused_with_both_listed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("relay.db");
    let first = create_team(&db, "Connect East");
    let second = create_team(&db, "Connect East");
    for args in
        [vec!["invite", "--team", "Connect East", "--role", "supporter"], vec!["people", "--team", "Connect East"]]
    {
        let out = relay(&db, &args);
        assert!(!out.status.success(), "{args:?} should fail");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(&first) && err.contains(&second), "both teams listed: {err}");
    }
    // The id still picks one.
    let out = relay(&db, &["invite", "--team", &second, "--role", "supporter"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

/// Runs `connect-relay --db URL ARGS`, as an operator on PostgreSQL would.
fn relay_on(db: &str, args: &[&str]) -> Output {
    Command::new(RELAY).arg("--db").arg(db).args(args).output().unwrap()
}

#[test]
fn every_subcommand_works_on_postgres_as_on_sqlite() {
    let db = connect_relay_store::testing::fresh_postgres_database();
    let ok = |args: &[&str]| {
        let out = relay_on(&db, args);
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let fails = |args: &[&str]| {
        let out = relay_on(&db, args);
        assert!(!out.status.success(), "{args:?} should fail");
        String::from_utf8(out.stderr).unwrap()
    };
    let created = ok(&["team", "create", "Connect East"]);
    let team = created.lines().find_map(|l| l.strip_prefix("Team id: ")).unwrap().to_owned();
    assert!(ok(&["team", "list"]).contains("Connect East"));
    assert!(ok(&["invite", "--team", "connect east", "--role", "supporter"]).contains("Invite for a supporter"));
    let resident = uuid::Uuid::new_v4().to_string();
    let invite = ok(&["invite", "--team", &team, "--role", "resident", "--resident", &resident]);
    assert!(invite.contains("Invite for a resident"), "{invite}");
    let (people, devices): (serde_json::Value, serde_json::Value) =
        serde_json::from_str(&ok(&["people", "--team", &team])).unwrap();
    assert!(people.as_array().unwrap().is_empty() && devices.as_array().unwrap().is_empty());
    assert!(fails(&["assign", "--team", &team, &resident, &uuid::Uuid::new_v4().to_string()]).contains("no supporter"));
    let device = uuid::Uuid::new_v4().to_string();
    assert!(fails(&["device", "revoke", &device]).contains("no device"));
    assert!(fails(&["resident", "erase", &resident]).contains("no resident"));
    let dir = tempfile::tempdir().unwrap();
    let backup = dir.path().join("relay.dump");
    ok(&["backup", "--out", backup.to_str().unwrap()]);
    assert!(std::fs::read(&backup).unwrap().starts_with(b"PGDMP"), "a pg_dump custom archive");
}

#[test]
fn a_postgres_address_that_cannot_be_reached_is_named_without_its_password() {
    let out = relay_on("postgres://relay:hunter2@127.0.0.1:1/connect", &["team", "list"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("postgres://relay@127.0.0.1:1/connect") && !err.contains("hunter2"), "{err}");
}
