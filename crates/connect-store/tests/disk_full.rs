//! A full disk, for real: the store lives on a 3 MB tmpfs that is filled up.
//! A save then fails with words that say what happened and what to do, the
//! store opens afterwards with everything saved before, and saves work again
//! once there is room. (Mounting a tmpfs needs root, as on every machine this
//! project's tests run on.)

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use connect_model::page::{self, Category};
use connect_model::{DocKind, DocumentId, Timestamp};
use connect_store::conformance::supporter;
use connect_store::{DocumentStore, SqliteStore, StoreError, create_resident};

const PASSPHRASE: &str = "correct horse battery";

fn at(minutes: i64) -> Timestamp {
    Timestamp::from_millis(1_772_355_600_000 + minutes * 60_000)
}

/// A 3 MB tmpfs, unmounted when dropped.
struct SmallDisk(PathBuf);

impl SmallDisk {
    fn mount() -> Self {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("small-disk-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        let out = Command::new("mount").args(["-t", "tmpfs", "-o", "size=3m", "tmpfs"]).arg(&dir).output().unwrap();
        assert!(
            out.status.success(),
            "cannot mount a 3 MB tmpfs (this test needs root): {}",
            String::from_utf8_lossy(&out.stderr)
        );
        Self(dir)
    }

    /// Writes a file until the disk is full; returns its path.
    fn fill(&self) -> PathBuf {
        let path = self.0.join("filler");
        let mut file = std::fs::File::create(&path).unwrap();
        let block = vec![0xA5u8; 4096];
        loop {
            if let Err(e) = file.write_all(&block).and_then(|()| file.flush()) {
                assert_eq!(e.kind(), std::io::ErrorKind::StorageFull, "{e}");
                break;
            }
        }
        path
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
        let _ = std::fs::remove_dir(&self.0);
    }
}

fn offers(store: &SqliteStore, page: DocumentId) -> Vec<String> {
    page::read(&store.load(page).unwrap()).unwrap().offers.into_iter().map(|o| o.text.to_string()).collect()
}

#[test]
fn a_save_on_a_full_disk_says_it_was_not_saved_and_everything_before_is_safe() {
    let disk = SmallDisk::mount();
    let path = disk.0.join("device.db");
    let me = supporter();
    let (mut store, key) = SqliteStore::open_with_passphrase(&path, PASSPHRASE).unwrap();
    store.set_identity(&me).unwrap();
    let r = create_resident(&mut store, &me, "Doreen", at(0)).unwrap();
    let page_id = DocumentId::resident(r, DocKind::Page);
    let ctx = me.context(at(1));
    store.edit(page_id, |d| page::add_offer(d, &ctx, "I make a good curry", Category::Caring).map(drop)).unwrap();

    let filler = disk.fill();
    // A long change needs pages the disk no longer has.
    let long = "Knows every bus route in Dagenham and will go along. ".repeat(35);
    let err = store
        .edit(page_id, |d| {
            for _ in 0..20 {
                page::add_offer(d, &ctx, &long, Category::Knowledge)?;
            }
            Ok(())
        })
        .unwrap_err();
    assert!(matches!(err, StoreError::DiskFull), "{err:?}");
    let words = err.to_string();
    assert!(words.contains("this change was not saved"), "{words}");
    assert!(words.contains("everything saved before is safe"), "{words}");
    assert!(words.contains("free some space"), "{words}");
    assert!(!words.contains("Error code"), "no SQLite internals: {words}");

    // Opened again while still full (as after a restart): everything saved
    // before, nothing half-saved.
    let options = connect_store::StoreOptions { key: Some(key) };
    let reopened = SqliteStore::open(&path, &options).unwrap();
    assert_eq!(offers(&reopened, page_id), ["I make a good curry"]);
    assert_eq!(reopened.integrity_check().unwrap(), Ok(()));
    drop(reopened);

    // Room again: the same store saves, and the save lasts.
    std::fs::remove_file(filler).unwrap();
    store.edit(page_id, |d| page::add_offer(d, &ctx, &long, Category::Knowledge).map(drop)).unwrap();
    drop(store);
    let store = SqliteStore::open(&path, &options).unwrap();
    assert_eq!(offers(&store, page_id), ["I make a good curry", long.trim()]);
    assert_eq!(store.integrity_check().unwrap(), Ok(()));
}
