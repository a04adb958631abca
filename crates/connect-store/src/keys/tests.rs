//! The key file: wrapping and unwrapping, the PIN rule, the wait between
//! wrong guesses on a clock the test moves, the fingerprint's slots, erasing
//! after ten wrong guesses, and the upgrade of the first key files.

use std::sync::Mutex;

use super::*;

const PIN: &str = "507193";
const OTHER: &str = "731946";

/// A steady clock the test sets: a run (`span`) and a moment in it.
struct TestClock(Mutex<SteadyReading>);

impl TestClock {
    fn new() -> Arc<Self> {
        Arc::new(Self(Mutex::new(SteadyReading { span: "boot 1".into(), at_ms: 1_000_000 })))
    }

    fn set(&self, span: &str, seconds: u64) {
        *self.0.lock().unwrap() = SteadyReading { span: span.into(), at_ms: seconds * 1000 };
    }

    fn forward(&self, seconds: u64) {
        self.0.lock().unwrap().at_ms += seconds * 1000;
    }
}

impl SteadyClock for TestClock {
    fn read(&self) -> SteadyReading {
        self.0.lock().unwrap().clone()
    }
}

fn scratch() -> (tempfile::TempDir, KeyFile, Arc<TestClock>) {
    let dir = tempfile::tempdir().unwrap();
    let clock = TestClock::new();
    let file = KeyFile::for_store(&dir.path().join("device.db")).with_clock(clock.clone());
    (dir, file, clock)
}

fn prf(byte: u8) -> PrfSecret {
    PrfSecret::from_slice(&[byte; 32]).unwrap()
}

fn fingerprint() -> Fingerprint {
    Fingerprint { credential_id: vec![1, 2, 3], prf_salt: vec![9; 32] }
}

fn data(file: &KeyFile) -> KeyFileData {
    file.read().unwrap()
}

fn wait_of(result: Result<StoreKey>) -> Duration {
    match result {
        Err(StoreError::TryLater { wait }) => wait,
        other => panic!("expected a wait, got {other:?}"),
    }
}

#[test]
fn the_key_file_sits_beside_the_store() {
    let file = KeyFile::for_store(Path::new("/data/connect/device.db"));
    assert_eq!(file.path(), Path::new("/data/connect/device.db.key"));
}

#[test]
fn the_right_pin_unwraps_the_same_key_and_the_file_holds_no_key_in_clear() {
    let (_dir, file, _) = scratch();
    let key = file.create("correct horse", None).unwrap();
    let again = file.unlock(Unlocking::pin("correct horse")).unwrap();
    assert_eq!(key.0.as_ref(), again.0.as_ref());
    let text = std::fs::read_to_string(file.path()).unwrap();
    assert!(!text.contains(&hex::encode(key.0.as_ref())), "the data key must not be written in clear");
    assert!(!text.contains("correct horse"));
    let kdf = data(&file).slots[0].kdf.clone().unwrap();
    assert_eq!((kdf.memory_kib, kdf.iterations), (46 * 1024, 3), "new files use the raised settings");
}

#[test]
fn wrong_guesses_are_counted_on_disk_and_then_make_you_wait() {
    let (_dir, file, clock) = scratch();
    file.create(PIN, None).unwrap();
    for n in 1..=3 {
        match file.unlock(Unlocking::pin("000000")) {
            Err(StoreError::WrongPassphrase { failed_attempts, wait: None, erase_in: None }) => {
                assert_eq!(failed_attempts, n);
            }
            other => panic!("guess {n}: {other:?}"),
        }
    }
    // The fourth wrong guess starts a wait, kept in the file (a restart does not reset it).
    let Err(StoreError::WrongPassphrase { failed_attempts: 4, wait: Some(wait), .. }) =
        file.unlock(Unlocking::pin("000001"))
    else {
        panic!("the fourth wrong guess should start a wait");
    };
    assert_eq!(wait, Duration::from_secs(60));
    let reopened = KeyFile::for_store(&file.path().with_extension("")).with_clock(clock.clone());
    let status = reopened.status().unwrap();
    assert_eq!((status.failed_attempts, status.wait), (4, Some(Duration::from_secs(60))));
    // During the wait even the right PIN is not tried.
    clock.forward(30);
    assert_eq!(wait_of(file.unlock(Unlocking::pin(PIN))), Duration::from_secs(30));
    // After it, the right PIN works and clears the count.
    clock.forward(30);
    file.unlock(Unlocking::pin(PIN)).unwrap();
    let status = file.status().unwrap();
    assert_eq!((status.failed_attempts, status.wait), (0, None));
}

/// The proof that the wait cannot be skipped: the key file holds no
/// wall-clock time, and on the steady clock a restart, a reboot or a clock
/// that goes back counts as no time served; only time that really passes on
/// one run of the clock does.
#[test]
fn moving_the_clock_back_or_forward_never_shortens_the_wait() {
    let (_dir, file, clock) = scratch();
    file.create(PIN, None).unwrap();
    clock.set("boot 1", 10_000);
    for guess in ["000000", "000001", "000002", "000003", "000004"] {
        clock.forward(600); // past any wait the last guess earned
        let _ = file.unlock(Unlocking::pin(guess));
    }
    let full = Duration::from_secs(120); // five wrong guesses
    assert_eq!(file.status().unwrap().wait, Some(full));
    let text = std::fs::read_to_string(file.path()).unwrap();
    assert!(!text.contains("retry_after"), "no wall-clock time in the file: {text}");

    // The clock goes back an hour: nothing served.
    clock.set("boot 1", 10_000 + 5 * 600 - 3_600);
    assert_eq!(wait_of(file.unlock(Unlocking::pin(PIN))), full);
    // The app restarts with a new clock reading far ahead (a process clock,
    // or the phone rebooted after its clock was set forward): nothing served.
    clock.set("process 7", 9_999_999);
    assert_eq!(wait_of(file.unlock(Unlocking::pin(PIN))), full);
    clock.set("boot 2", 5);
    assert_eq!(file.status().unwrap().wait, Some(full));
    // Real time on one run of the clock counts, and what was served is kept
    // across the next restart.
    clock.set("boot 2", 5 + 100);
    assert_eq!(file.status().unwrap().wait, Some(Duration::from_secs(20)));
    clock.set("boot 3", 0);
    assert_eq!(wait_of(file.unlock(Unlocking::pin(PIN))), Duration::from_secs(20));
    clock.set("boot 3", 20);
    file.unlock(Unlocking::pin(PIN)).unwrap();
}

#[test]
fn a_first_key_file_waiting_on_a_wall_clock_time_serves_its_wait_in_full() {
    let (_dir, file, _) = scratch();
    let key = StoreKey::random();
    write_first_format(&file, &key, 5, Some(1));
    // Its retry time (1 ms after 1970) is long past by any wall clock: the wait is served all the same.
    assert_eq!(file.status().unwrap().wait, Some(Duration::from_secs(120)));
}

/// Writes a key file as the first version did: format 1, the PIN stretched
/// with 19 MiB and 2 passes.
fn write_first_format(file: &KeyFile, key: &StoreKey, failed: u32, retry_after_ms: Option<i64>) {
    let slot = Slot::seal(SlotKind::Pin, key, Given { pin: Some(PIN), prf: None }, KdfCost::FIRST).unwrap();
    let json = serde_json::json!({
        "format": 1,
        "kdf": slot.kdf,
        "wrapped_key": { "algorithm": slot.algorithm, "nonce": slot.nonce, "ciphertext": slot.ciphertext },
        "failed_attempts": failed,
        "retry_after_ms": retry_after_ms,
    });
    std::fs::write(file.path(), serde_json::to_vec_pretty(&json).unwrap()).unwrap();
}

#[test]
fn a_first_key_file_is_upgraded_to_the_raised_settings_at_its_next_unlock() {
    let (_dir, file, _) = scratch();
    let key = StoreKey::random();
    write_first_format(&file, &key, 0, None);
    assert!(file.unlock(Unlocking::pin(OTHER)).is_err());
    let after_wrong: serde_json::Value = serde_json::from_slice(&std::fs::read(file.path()).unwrap()).unwrap();
    assert_eq!(after_wrong["slots"][0]["kdf"]["memory_kib"], 19 * 1024, "a wrong PIN upgrades nothing");
    let opened = file.unlock(Unlocking::pin(PIN)).unwrap();
    assert_eq!(opened.0.as_ref(), key.0.as_ref());
    let upgraded = data(&file);
    assert_eq!(upgraded.format, KEY_FILE_FORMAT);
    let kdf = upgraded.slots[0].kdf.clone().unwrap();
    assert_eq!((kdf.memory_kib, kdf.iterations, kdf.parallelism), (46 * 1024, 3, 1));
    assert_eq!(file.unlock(Unlocking::pin(PIN)).unwrap().0.as_ref(), key.0.as_ref(), "the same PIN, the same key");
    assert!(!upgraded.slots[0].is_outdated());
}

#[test]
fn changing_the_pin_keeps_the_key_and_retires_the_old_pin() {
    let (_dir, file, _) = scratch();
    let key = file.create("first pass", None).unwrap();
    assert!(matches!(
        file.change_passphrase(Unlocking::pin("wrong one"), "second pass"),
        Err(StoreError::WrongPassphrase { .. })
    ));
    assert!(matches!(
        file.change_passphrase(Unlocking::pin("first pass"), "123456"),
        Err(StoreError::WeakPassphrase(Weakness::Run))
    ));
    file.change_passphrase(Unlocking::pin("first pass"), "second pass").unwrap();
    assert!(file.unlock(Unlocking::pin("first pass")).is_err());
    assert_eq!(file.unlock(Unlocking::pin("second pass")).unwrap().0.as_ref(), key.0.as_ref());
}

#[test]
fn weak_pins_and_second_key_files_are_refused_and_write_nothing() {
    let (_dir, file, _) = scratch();
    for weak in ["", "12345", "      ", "  1234  ", "111111", "654321"].into_iter().chain(COMMON_PINS.lines().take(20))
    {
        assert!(matches!(file.create(weak, None), Err(StoreError::WeakPassphrase(_))), "{weak:?}");
    }
    assert!(!file.exists(), "a refused PIN writes nothing");
    file.create(PIN, None).unwrap();
    assert!(matches!(file.create("abcdefg", None), Err(StoreError::KeyFile { .. })));
    assert!(file.unlock(Unlocking::pin(PIN)).is_ok(), "the first key file is untouched");
}

#[test]
fn a_pin_chosen_before_the_rule_still_opens_its_phone() {
    let (_dir, file, _) = scratch();
    let key = StoreKey::random();
    let slot = Slot::seal(SlotKind::Pin, &key, Given { pin: Some("123456"), prf: None }, KdfCost::FIRST).unwrap();
    file.write(&KeyFileData::new(vec![slot], None)).unwrap();
    assert_eq!(file.unlock(Unlocking::pin("123456")).unwrap().0.as_ref(), key.0.as_ref());
}

#[test]
fn a_damaged_or_missing_key_file_is_reported_not_guessed_around() {
    let (_dir, file, _) = scratch();
    assert!(
        matches!(file.unlock(Unlocking::pin(PIN)), Err(StoreError::KeyFile { reason, .. }) if reason.contains("missing"))
    );
    file.create(PIN, None).unwrap();
    let mut text = std::fs::read_to_string(file.path()).unwrap();
    text.truncate(text.len() / 2);
    std::fs::write(file.path(), text).unwrap();
    assert!(
        matches!(file.unlock(Unlocking::pin(PIN)), Err(StoreError::KeyFile { reason, .. }) if reason.contains("damaged"))
    );
}

#[test]
fn a_tampered_wrapped_key_does_not_unlock() {
    let (_dir, file, _) = scratch();
    file.create(PIN, None).unwrap();
    let mut d = data(&file);
    let mut bytes = hex::decode(&d.slots[0].ciphertext).unwrap();
    bytes[0] ^= 1;
    d.slots[0].ciphertext = hex::encode(&bytes);
    file.write(&d).unwrap();
    assert!(matches!(file.unlock(Unlocking::pin(PIN)), Err(StoreError::WrongPassphrase { .. })));
}

#[test]
fn with_a_fingerprint_the_files_and_the_right_pin_open_nothing_without_the_phone() {
    let (_dir, file, _) = scratch();
    let secret = prf(7);
    let key =
        file.create(PIN, Some(&NewFingerprint { fingerprint: fingerprint(), prf: &secret, pin_too: false })).unwrap();
    // The fingerprint alone opens it, and so do the fingerprint and the PIN.
    assert_eq!(file.unlock(Unlocking { pin: None, prf: Some(&secret) }).unwrap().0.as_ref(), key.0.as_ref());
    assert_eq!(file.unlock(Unlocking { pin: Some(PIN), prf: Some(&secret) }).unwrap().0.as_ref(), key.0.as_ref());
    // The right PIN alone is not even a guess: there is nothing it opens.
    assert!(matches!(file.unlock(Unlocking::pin(PIN)), Err(StoreError::NeedsFingerprint)));
    let d = data(&file);
    assert_eq!(d.attempts.failed, 0);
    assert!(
        d.slots.iter().all(|s| s.open(Given { pin: Some(PIN), prf: None }).is_none()),
        "no slot opens with the PIN alone"
    );
    // Another authenticator's answer (the files copied to another phone) is a wrong guess.
    assert!(matches!(
        file.unlock(Unlocking { pin: Some(PIN), prf: Some(&prf(8)) }),
        Err(StoreError::WrongPassphrase { failed_attempts: 1, .. })
    ));
    let status = file.status().unwrap();
    assert_eq!(status.fingerprint, Some(fingerprint()));
    assert!(!status.pin_too);
}

#[test]
fn where_the_team_asks_for_both_the_fingerprint_alone_opens_nothing() {
    let (_dir, file, _) = scratch();
    let secret = prf(7);
    file.create(PIN, Some(&NewFingerprint { fingerprint: fingerprint(), prf: &secret, pin_too: true })).unwrap();
    assert!(file.status().unwrap().pin_too);
    assert!(matches!(file.unlock(Unlocking { pin: None, prf: Some(&secret) }), Err(StoreError::NeedsPin)));
    assert!(data(&file).slots.iter().all(|s| s.open(Given { pin: None, prf: Some(&secret) }).is_none()));
    file.unlock(Unlocking { pin: Some(PIN), prf: Some(&secret) }).unwrap();
}

#[test]
fn the_fingerprint_can_be_turned_on_and_off_later_and_survives_a_new_pin() {
    let (_dir, file, _) = scratch();
    let key = file.create(PIN, None).unwrap();
    let secret = prf(3);
    let on = || Some(NewFingerprint { fingerprint: fingerprint(), prf: &secret, pin_too: false });
    assert!(matches!(file.set_fingerprint(Unlocking::default(), on().as_ref()), Err(StoreError::NeedsPin)));
    assert!(matches!(
        file.set_fingerprint(Unlocking::pin(OTHER), on().as_ref()),
        Err(StoreError::WrongPassphrase { .. })
    ));
    file.set_fingerprint(Unlocking::pin(PIN), on().as_ref()).unwrap();
    assert!(matches!(file.unlock(Unlocking::pin(PIN)), Err(StoreError::NeedsFingerprint)), "the PIN-only slot is gone");
    // A new PIN keeps the fingerprint, and needs it.
    assert!(matches!(file.change_passphrase(Unlocking::pin(PIN), OTHER), Err(StoreError::NeedsFingerprint)));
    file.change_passphrase(Unlocking { pin: Some(PIN), prf: Some(&secret) }, OTHER).unwrap();
    assert!(file.unlock(Unlocking { pin: Some(PIN), prf: Some(&secret) }).is_err());
    assert_eq!(file.unlock(Unlocking { pin: Some(OTHER), prf: Some(&secret) }).unwrap().0.as_ref(), key.0.as_ref());
    assert_eq!(file.unlock(Unlocking { pin: None, prf: Some(&secret) }).unwrap().0.as_ref(), key.0.as_ref());
    // Off again: the PIN alone opens it, and the fingerprint's secret no longer does.
    file.set_fingerprint(Unlocking { pin: Some(OTHER), prf: Some(&secret) }, None).unwrap();
    assert_eq!(file.unlock(Unlocking::pin(OTHER)).unwrap().0.as_ref(), key.0.as_ref());
    assert!(file.status().unwrap().fingerprint.is_none());
}

#[test]
fn where_the_team_chose_it_ten_wrong_pins_erase_the_key() {
    let (_dir, file, clock) = scratch();
    file.create(PIN, None).unwrap();
    file.set_erase_after(Some(ERASE_AFTER)).unwrap();
    for n in 1..ERASE_AFTER {
        clock.forward(3_600);
        match file.unlock(Unlocking::pin("000000")) {
            Err(StoreError::WrongPassphrase { erase_in: Some(left), .. }) => assert_eq!(left, ERASE_AFTER - n),
            other => panic!("guess {n}: {other:?}"),
        }
    }
    clock.forward(3_600);
    assert!(matches!(file.unlock(Unlocking::pin("000000")), Err(StoreError::KeyErased { after: Some(10) })));
    assert!(data(&file).slots.is_empty(), "the wrapped key is gone from the file");
    assert!(
        matches!(file.unlock(Unlocking::pin(PIN)), Err(StoreError::KeyErased { .. })),
        "even the right PIN opens nothing"
    );
}

#[test]
fn the_notes_for_the_lock_screen_are_kept_beside_the_key() {
    let (_dir, file, _) = scratch();
    file.create(PIN, None).unwrap();
    file.note(|n| {
        n.handed_to = Some("Amara".into());
        n.unsent = Some(3);
    })
    .unwrap();
    let notes = file.status().unwrap().notes;
    assert_eq!(notes, LockNotes { handed_to: Some("Amara".into()), unsent: Some(3), language: None });
    file.note(|n| n.handed_to = None).unwrap();
    assert_eq!(file.status().unwrap().notes.handed_to, None);
}

#[test]
fn wrong_guesses_made_at_once_are_each_counted() {
    let (_dir, file, _) = scratch();
    file.create(PIN, None).unwrap();
    // Guessing in parallel must not dodge the count: each guess reads the
    // count, derives the key and writes the count back.
    std::thread::scope(|s| {
        for n in 0..FREE_ATTEMPTS {
            let file = file.clone();
            s.spawn(move || assert!(file.unlock(Unlocking::pin(&format!("00000{n}"))).is_err()));
        }
    });
    assert_eq!(file.status().unwrap().failed_attempts, FREE_ATTEMPTS);
}

#[test]
fn notes_written_at_once_are_all_kept() {
    let (_dir, file, _) = scratch();
    file.create(PIN, None).unwrap();
    // What the lock screen says is noted from several calls at once (the
    // unsent count after a sync, the language after handing the phone over).
    std::thread::scope(|s| {
        let unsent = file.clone();
        s.spawn(move || (1..=40).for_each(|n| unsent.note(|notes| notes.unsent = Some(n)).unwrap()));
        let language = file.clone();
        s.spawn(move || {
            (1..=40).for_each(|n| language.note(|notes| notes.language = Some(format!("l{n}"))).unwrap());
        });
        let handed = file.clone();
        s.spawn(move || (1..=40).for_each(|n| handed.note(|notes| notes.handed_to = Some(format!("p{n}"))).unwrap()));
    });
    let notes = file.status().unwrap().notes;
    assert_eq!(notes, LockNotes { handed_to: Some("p40".into()), unsent: Some(40), language: Some("l40".into()) });
}
