//! A real relay on a loopback socket and several `connect` devices: two
//! supporters and a resident edit the same page offline and converge; a
//! revoked device wipes itself.

use std::net::SocketAddr;
use std::path::Path;

use connect_model::Timestamp;
use connect_relay::{AppState, admin};
use connect_relay_store::SqliteRelayStore;
use serde_json::Value;

mod common;
use common::Device;

/// Starts a relay on 127.0.0.1 in a background thread; returns its URL and first coordinator invite.
fn start_relay(dir: &Path) -> (String, String) {
    let db = SqliteRelayStore::open(dir.join("relay.db")).unwrap();
    let invite = admin::create_team(&db, "Connect East", Timestamp::new(chrono::Utc::now())).unwrap();
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr: SocketAddr = listener.local_addr().unwrap();
    listener.set_nonblocking(true).unwrap();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Runtime::new().unwrap();
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            axum::serve(listener, connect_relay::router(AppState::new(db))).await.unwrap();
        });
    });
    (format!("http://{addr}"), invite.code)
}

fn offers(page: &Value) -> Vec<String> {
    let mut v: Vec<String> =
        page["page"]["offers"].as_array().unwrap().iter().map(|o| o["text"].as_str().unwrap().to_owned()).collect();
    v.sort();
    v
}

#[test]
fn two_supporters_and_a_resident_edit_offline_and_converge() {
    let dir = tempfile::tempdir().unwrap();
    let (relay, first) = start_relay(dir.path());
    let chloe = Device::enrolled(dir.path(), "Chloe", &relay, &first);
    let amara = Device::enrolled(dir.path(), "Amara", &relay, &chloe.invite("Amara", "supporter", None));
    let ben = Device::enrolled(dir.path(), "Ben", &relay, &chloe.invite("Ben", "supporter", None));

    let r = amara.ok(&["resident", "add", "--name", "Doreen"]);
    let first_sync = amara.json(&["sync"]);
    assert_eq!(first_sync["rounds"], 1);
    assert_eq!(first_sync["pending"], 0);
    assert_eq!(amara.json(&["resident", "list"])[0]["sync"], "on_relay");

    chloe.ok(&["sync"]);
    let people = chloe.json(&["people"]);
    let ben_id = people["people"].as_array().unwrap().iter().find(|p| p["name"] == "Ben").unwrap()["person_id"]
        .as_str()
        .unwrap()
        .to_owned();
    chloe.ok(&["assign", &r, &ben_id]);
    ben.ok(&["sync"]);
    assert_eq!(ben.json(&["resident", "list"]).as_array().unwrap().len(), 1);

    let doreen = Device::enrolled(dir.path(), "Doreen", &relay, &chloe.invite("Doreen", "resident", Some(&r)));
    doreen.ok(&["sync"]);

    // Everyone edits offline.
    amara.ok(&["offer", "add", &r, "gardening"]);
    ben.ok(&["offer", "add", &r, "knows the bus routes"]);
    doreen.ok(&["offer", "add", &r, "I can knit", "--by", "resident"]);
    amara.ok(&["note", "add", &r, "worried about the stairs", "--team-only"]);

    for _ in 0..2 {
        for d in [&amara, &ben, &doreen, &chloe] {
            let report = d.json(&["sync"]);
            assert!(report["rounds"].as_u64().unwrap() <= 3, "{report}");
        }
    }
    let pages: Vec<Value> = [&amara, &ben, &doreen, &chloe].iter().map(|d| d.json(&["show", &r])).collect();
    assert_eq!(offers(&pages[0]), ["I can knit", "gardening", "knows the bus routes"]);
    for p in &pages[1..] {
        assert_eq!(p["page"], pages[0]["page"]);
    }
    let knit = pages[0]["page"]["offers"].as_array().unwrap().iter().find(|o| o["text"] == "I can knit").unwrap();
    assert_eq!(knit["author"]["role"], "resident");
    assert_eq!(pages[2]["team_notes"], Value::Null, "the resident's phone never holds team-only notes");
    assert_eq!(pages[1]["team_notes"]["entries"][0]["text"], "worried about the stairs");
    let status = doreen.json(&["status"]);
    assert_eq!(status["pending"], 0);
    assert!(status["last_sync"].is_string());

    // The audit trail names who made each change, from the relay's records.
    let trail = chloe.json(&["history", &r]);
    let by = |what: &str| -> Vec<String> {
        trail
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["what"] == what)
            .map(|e| format!("{} {}", e["person"].as_str().unwrap_or("?"), e["on_relay"]))
            .collect()
    };
    let mut offers_by = by("add offer");
    offers_by.sort();
    assert_eq!(offers_by, ["Amara true", "Ben true", "Doreen true"]);
    assert!(by("add journal entry").contains(&"Amara true".to_owned()), "the team-only note's author");
    let hers = doreen.json(&["history", &r]);
    assert!(
        hers.as_array().unwrap().iter().all(|e| e["kind"] != "team-notes"),
        "a resident never learns of team notes"
    );
}

#[test]
fn a_revoked_device_is_refused_and_wipes_itself() {
    let dir = tempfile::tempdir().unwrap();
    let (relay, first) = start_relay(dir.path());
    let chloe = Device::enrolled(dir.path(), "Chloe", &relay, &first);
    let lost = Device::enrolled(dir.path(), "Lost phone", &relay, &chloe.invite("Lost phone", "supporter", None));
    lost.ok(&["resident", "add", "--name", "Doreen"]);
    lost.ok(&["sync"]);
    let device_id = lost.json(&["status"])["device_id"].as_str().unwrap().to_owned();
    chloe.ok(&["revoke", &device_id]);
    let out = lost.run(&["sync"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("revoked") && err.contains("removed"), "{err}");
    assert!(!lost.store.exists(), "the store file is gone");
    assert!(!Path::new(&format!("{}-wal", lost.store.display())).exists());
    assert!(!Path::new(&format!("{}.key", lost.store.display())).exists(), "and so is its key");
    assert!(lost.run(&["status"]).status.code() != Some(0), "nothing is left to open");
    // A fresh invite cannot be used by a forged request either: plain http to a
    // non-loopback relay is refused before anything is sent.
    let other = Device { store: dir.path().join("other.db") };
    other.ok(&["init", "--name", "Other"]);
    let out = other.run(&["enrol", "--relay", "http://192.0.2.10:8088", "--invite", "ABCD"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("refusing plain http://"));
}

#[test]
fn invites_are_one_time_and_errors_are_plain() {
    let dir = tempfile::tempdir().unwrap();
    let (relay, first) = start_relay(dir.path());
    let _chloe = Device::enrolled(dir.path(), "Chloe", &relay, &first);
    let second = Device { store: dir.path().join("second.db") };
    second.ok(&["init", "--name", "Second"]);
    let out = second.run(&["enrol", "--relay", &relay, "--invite", &first]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("already been used"));
    let out = second.run(&["sync"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("not enrolled"));
    let amara = Device::enrolled(dir.path(), "Amara", &relay, &_chloe.invite("Amara", "supporter", None));
    let out = amara.run(&["invite", "--role", "supporter", "--name", "Ben"]);
    assert!(!out.status.success(), "a supporter cannot invite");
    assert!(String::from_utf8_lossy(&out.stderr).contains("only a coordinator"));
    // The coordinator names the person; an invite for nobody is refused.
    let unnamed = _chloe.run(&["invite", "--role", "supporter"]);
    assert!(!unnamed.status.success());
    assert!(String::from_utf8_lossy(&unnamed.stderr).contains("name the person you are inviting"), "{unnamed:?}");
    assert_eq!(_chloe.json(&["invites"]).as_array().unwrap().len(), 2, "nothing made for nobody");
}

#[test]
fn a_relay_that_asks_to_wait_makes_the_command_say_how_long_and_exit_75() {
    let dir = tempfile::tempdir().unwrap();
    let (relay, _first) = start_relay(dir.path());
    let guesser = Device { store: dir.path().join("guesser.db") };
    guesser.ok(&["init", "--name", "Guesser"]);
    // Wrong invite codes, one after another from one address: the relay's
    // enrolment limit answers 429 with Retry-After before long.
    let waited = (0..20).find_map(|n| {
        let out = guesser.run(&["enrol", "--relay", &relay, "--invite", &format!("WRONG-CODE-{n}")]);
        assert!(!out.status.success(), "a wrong code never enrols");
        (out.status.code() == Some(75)).then(|| String::from_utf8_lossy(&out.stderr).into_owned())
    });
    let stderr = waited.expect("the enrolment limit answered within 20 wrong codes, and the command exited 75");
    assert!(stderr.contains("wait") && stderr.contains("seconds"), "{stderr}");
}

#[test]
fn a_coordinator_names_lists_and_cancels_invites_ends_assignments_and_takes_people_off_the_team() {
    let dir = tempfile::tempdir().unwrap();
    let (relay, first) = start_relay(dir.path());
    let chloe = Device::enrolled(dir.path(), "Chloe", &relay, &first);
    let issued = chloe.json(&["invite", "--role", "supporter", "--name", "Bogdan"]);
    let listed = chloe.json(&["invites"]);
    let bogdan = listed.as_array().unwrap().iter().find(|i| i["name"] == "Bogdan").expect("listed by name").clone();
    assert_eq!(bogdan["state"], "pending");
    assert!(bogdan.get("code").is_none(), "a list never shows the codes: {bogdan}");
    let id = bogdan["invite_id"].as_str().unwrap();
    chloe.ok(&["cancel-invite", id]);
    let listed = chloe.json(&["invites"]);
    assert_eq!(listed.as_array().unwrap().iter().find(|i| i["invite_id"] == id).unwrap()["state"], "cancelled");
    let late = Device { store: dir.path().join("late.db") };
    late.ok(&["init", "--name", "Whoever"]);
    let out = late.run(&["enrol", "--relay", &relay, "--invite", issued["code"].as_str().unwrap()]);
    assert!(!out.status.success(), "a cancelled invite enrols nobody");

    // The enrollee is known by the name the coordinator gave, whatever it calls itself.
    let for_amara = chloe.json(&["invite", "--role", "supporter", "--name", "Amara"]);
    let amara = Device::enrolled(dir.path(), "Ami", &relay, for_amara["code"].as_str().unwrap());
    let r = amara.ok(&["resident", "add", "--name", "Doreen"]);
    amara.ok(&["sync"]);
    let ben = Device::enrolled(dir.path(), "Ben", &relay, &chloe.invite("Ben", "supporter", None));
    let people = chloe.json(&["people"]);
    let id_of = |name: &str| {
        people["people"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == name)
            .unwrap_or_else(|| panic!("{name} in {people}"))["person_id"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let (amara_id, ben_id) = (id_of("Amara"), id_of("Ben"));
    chloe.ok(&["sync"]);
    chloe.ok(&["assign", &r, &ben_id]);
    ben.ok(&["sync"]);
    assert_eq!(ben.json(&["resident", "list"]).as_array().unwrap().len(), 1, "assigned, so received");
    chloe.ok(&["unassign", &r, &ben_id]);
    amara.ok(&["offer", "add", &r, "after the assignment ended"]);
    amara.ok(&["sync"]);
    ben.ok(&["sync"]);
    let his = ben.json(&["show", &r]);
    assert!(!offers(&his).contains(&"after the assignment ended".to_owned()), "no longer sent to him: {his}");

    let removed = chloe.json(&["remove-person", &amara_id]);
    assert_eq!(removed["devices_revoked"], 1);
    let people = chloe.json(&["people"]);
    let gone = people["people"].as_array().unwrap().iter().find(|p| p["person_id"] == amara_id.as_str()).unwrap();
    assert_eq!(gone["removed"], true, "kept for the audit trail, marked off the team");
    let out = amara.run(&["sync"]);
    assert!(!out.status.success(), "her phone is revoked");
}

#[test]
fn a_caseload_larger_than_one_request_syncs_in_one_command_each_way() {
    let dir = tempfile::tempdir().unwrap();
    let (relay, first) = start_relay(dir.path());
    let chloe = Device::enrolled(dir.path(), "Chloe", &relay, &first);
    // Sixty residents: 360 documents, several times what one request to a new
    // relay may carry.
    chloe.ok(&["demo", "--residents", "60"]);
    let up = chloe.json(&["sync"]);
    assert_eq!(up["pending"], 0, "{up}");
    assert!(up["rounds"].as_u64().unwrap() > 1, "{up}");

    let dev = Device::enrolled(dir.path(), "Dev", &relay, &chloe.invite("Dev", "coordinator", None));
    let down = dev.json(&["sync"]);
    assert_eq!(down["pending"], 0, "{down}");
    let list = dev.json(&["resident", "list"]);
    assert_eq!(list.as_array().unwrap().len(), chloe.json(&["resident", "list"]).as_array().unwrap().len());
    assert!(list.as_array().unwrap().len() >= 60);

    let idle = dev.json(&["sync"]);
    assert_eq!(idle["rounds"], 1, "{idle}");
    assert!(idle["bytes_up"].as_u64().unwrap() + idle["bytes_down"].as_u64().unwrap() < 1024, "{idle}");
}

/// A `connect` call, given the resident's id.
type Call<'a> = dyn Fn(&str) -> Vec<String> + 'a;

#[test]
fn a_revoked_device_wipes_itself_at_any_contact_with_the_relay_not_only_at_sync() {
    let dir = tempfile::tempdir().unwrap();
    let (relay, first) = start_relay(dir.path());
    let chloe = Device::enrolled(dir.path(), "Chloe", &relay, &first);
    let out_file = dir.path().join("copy.json").display().to_string();
    // Each lost phone is a coordinator's, so every call below is one it may make.
    let calls: [&Call<'_>; 4] = [
        &|r| vec!["history".into(), r.into()],
        &|_| vec!["invite".into(), "--role".into(), "supporter".into(), "--name".into(), "Ben".into()],
        &|_| vec!["people".into()],
        &|r| ["export", r, "--format", "json", "--out", &out_file].map(String::from).to_vec(),
    ];
    for (n, call) in calls.iter().enumerate() {
        let lost = Device::enrolled(
            dir.path(),
            &format!("Lost {n}"),
            &relay,
            &chloe.invite(&format!("Lost {n}"), "coordinator", None),
        );
        let resident = lost.ok(&["resident", "add", "--name", &format!("Resident {n}")]);
        lost.ok(&["sync"]);
        let device_id = lost.json(&["status"])["device_id"].as_str().unwrap().to_owned();
        chloe.ok(&["revoke", &device_id]);
        let args = call(&resident);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = lost.run(&args);
        assert!(!out.status.success(), "{args:?} succeeded on a revoked device");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("revoked") && err.contains("removed"), "{args:?}: {err}");
        assert!(!lost.store.exists(), "{args:?}: the store file is gone");
        assert!(!Path::new(&format!("{}.key", lost.store.display())).exists(), "{args:?}: and its key");
    }
}

#[test]
fn enrolling_with_a_residents_invite_makes_this_their_own_device_as_in_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let (relay, first) = start_relay(dir.path());
    let chloe = Device::enrolled(dir.path(), "Chloe", &relay, &first);
    let doreen = chloe.ok(&["resident", "add", "--name", "Doreen"]);
    chloe.ok(&["sync"]);
    assert_eq!(chloe.json(&["status"])["own_resident"], Value::Null, "a coordinator's device is nobody's own");
    let hers = Device::enrolled(dir.path(), "Doreen", &relay, &chloe.invite("Doreen", "resident", Some(&doreen)));
    let status = hers.json(&["status"]);
    assert_eq!(status["own_resident"], doreen.as_str(), "{status}");
    assert_eq!(status["role"], "resident");
    hers.ok(&["sync"]);
    let list = hers.json(&["resident", "list"]);
    assert_eq!(list.as_array().unwrap().len(), 1, "only her own record reaches her phone: {list}");
}

/// A photo as a camera takes it, with its metadata block.
fn camera_jpeg(dir: &Path) -> std::path::PathBuf {
    let picture = image::RgbImage::from_fn(2400, 1800, |x, y| {
        image::Rgb([
            u8::try_from(x % 256).unwrap(),
            u8::try_from(y % 256).unwrap(),
            u8::try_from((x ^ y) % 256).unwrap(),
        ])
    });
    let mut bytes = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 90)
        .encode_image(&image::DynamicImage::ImageRgb8(picture))
        .unwrap();
    let exif = b"Exif\0\0MM\0\x2a\0\0\0\x08\0\0GPS 51.5362N 0.0810E";
    let mut block = vec![0xFF, 0xE1];
    block.extend_from_slice(&u16::try_from(exif.len() + 2).unwrap().to_be_bytes());
    block.extend_from_slice(exif);
    bytes.splice(2..2, block);
    let path = dir.join("garden.jpg");
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn media_from_the_command_line_as_scripts_use_it() {
    let dir = tempfile::tempdir().unwrap();
    let (relay, first) = start_relay(dir.path());
    let chloe = Device::enrolled(dir.path(), "Chloe", &relay, &first);
    let amara = Device::enrolled(dir.path(), "Amara", &relay, &chloe.invite("Amara", "supporter", None));
    let r = amara.ok(&["resident", "add", "--name", "Doreen"]);
    let offer = amara.ok(&["offer", "add", &r, "I grow roses", "--category", "practical"]);
    let offer = offer.lines().last().unwrap().to_owned();

    // Bad input: a clear error, and nothing kept.
    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "not a photo").unwrap();
    let err = amara.fails(&["media", "add", &r, notes.to_str().unwrap()]);
    assert!(err.contains("not a photo (JPEG or PNG) or a voice note"), "{err}");
    let huge = dir.path().join("huge.jpg");
    std::fs::File::create(&huge).unwrap().set_len(65 * 1024 * 1024).unwrap();
    let err = amara.fails(&["media", "add", &r, huge.to_str().unwrap()]);
    assert!(err.contains("too large for a photo or a voice note"), "{err}");
    let missing = amara.fails(&["media", "add", &r, "/no/such/file.jpg"]);
    assert!(missing.contains("cannot read /no/such/file.jpg"), "{missing}");
    assert_eq!(amara.json(&["media", "list", &r]), serde_json::json!([]));

    let photo = camera_jpeg(dir.path());
    let added = amara.ok(&["media", "add", &r, photo.to_str().unwrap(), "--on", &offer, "--caption", "The roses"]);
    let hash = added.lines().last().unwrap().to_owned();
    assert_eq!(hash.len(), 64, "the SHA-256 alone on the last line: {added}");
    let listed = amara.json(&["media", "list", &r]);
    let item = &listed[0];
    assert_eq!(
        (item["hash"].as_str(), item["kind"].as_str(), item["mime"].as_str()),
        (Some(hash.as_str()), Some("photo"), Some("image/jpeg"))
    );
    assert_eq!(item["state"], "local");
    assert_eq!(item["attached_to"], serde_json::json!({ "on": "item", "id": offer }));
    assert!(item["bytes"].as_u64().unwrap() <= 400_000);
    assert_eq!(amara.json(&["status"])["media_pending"], 1);

    let synced = amara.json(&["sync"]);
    assert_eq!((synced["pending"].as_u64(), synced["media"]["sent"].as_u64()), (Some(0), Some(1)), "{synced}");
    assert_eq!(amara.json(&["media", "list", &r])[0]["state"], "synced");
    assert_eq!(amara.json(&["status"])["media_pending"], 0);

    let fetched = chloe.json(&["sync"]);
    assert_eq!(fetched["media"]["received"], 1, "{fetched}");
    let theirs = dir.path().join("theirs.jpg");
    let ours = dir.path().join("ours.jpg");
    chloe.ok(&["media", "get", &hash, "--out", theirs.to_str().unwrap()]);
    amara.ok(&["media", "get", &hash, "--out", ours.to_str().unwrap()]);
    let bytes = std::fs::read(&theirs).unwrap();
    assert!(bytes == std::fs::read(&ours).unwrap(), "byte-identical on both devices");
    assert!(!bytes.windows(4).any(|w| w == b"Exif") && !bytes.windows(3).any(|w| w == b"GPS"), "no EXIF, no place");
    let unknown = chloe.fails(&["media", "get", &"0".repeat(64), "--out", theirs.to_str().unwrap()]);
    assert!(unknown.contains("no voice note or photo with that hash"), "{unknown}");

    // The subject access copy: the JSON names it, the page shows it, the folder holds it.
    let copy = dir.path().join("doreen.json");
    chloe.ok(&["export", &r, "--format", "json", "--out", copy.to_str().unwrap()]);
    let json: Value = serde_json::from_slice(&std::fs::read(&copy).unwrap()).unwrap();
    assert_eq!(json["media"][0]["hash"], hash.as_str());
    assert_eq!(json["media"][0]["file"], format!("media/{hash}.jpg"));
    assert_eq!(
        (json["media"][0]["included"].as_bool(), json["media"][0]["caption"].as_str()),
        (Some(true), Some("The roses"))
    );
    let page = dir.path().join("doreen.html");
    chloe.ok(&["export", &r, "--format", "html", "--out", page.to_str().unwrap()]);
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(
        html.contains("<img src=\"data:image/jpeg;base64,") && html.contains("alt=\"The roses\""),
        "the photo is in the page"
    );
    let folder = dir.path().join("doreen");
    chloe.ok(&["export", &r, "--format", "automerge", "--out", folder.to_str().unwrap()]);
    assert!(std::fs::read(folder.join(format!("media/{hash}.jpg"))).unwrap() == bytes, "and in the folder");
}
