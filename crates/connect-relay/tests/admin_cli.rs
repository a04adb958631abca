//! `connect-relay` administration by team name: `invite`, `assign` and
//! `people` take the team's name as well as its id, as `connect` takes
//! residents' names; a name two teams share is refused with both listed.

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
