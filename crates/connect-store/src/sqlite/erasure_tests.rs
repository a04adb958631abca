//! Erasure on an encrypted device store, checked below SQL: every page of
//! the database file and every frame of its WAL is decrypted with the store's
//! key (as anyone holding the key could), free pages and stale frames
//! included, and searched for the erased resident's words.

use std::path::Path;

use aes::cipher::{BlockDecryptMut, KeyIvInit, block_padding::NoPadding};
use connect_model::page::{self, Category};
use connect_model::{DocKind, DocumentId, ResidentId, Timestamp};

use crate::conformance::supporter;
use crate::{DocumentStore, SqliteStore, StoreKey, create_resident, resident_documents};

/// SQLCipher 4's page layout: 4096-byte pages ending in 80 reserved bytes
/// (a 16-byte IV, then a 64-byte HMAC-SHA512); page 1 starts with the
/// file's 16-byte salt, in clear.
const PAGE: usize = 4096;
const RESERVED: usize = 80;
const SALT: usize = 16;
/// A WAL file's header, and each frame's header before its page.
const WAL_HEADER: usize = 32;
const FRAME_HEADER: usize = 24;

fn at(minutes: i64) -> Timestamp {
    Timestamp::from_millis(1_772_355_600_000 + minutes * 60_000)
}

use crate::conformance::SECRETS;

/// The resident of [`write_secrets`], written by this store's own identity.
fn write_secrets(store: &mut SqliteStore, now: i64) -> ResidentId {
    let me = store.identity().unwrap().unwrap();
    crate::conformance::write_secrets(store, &me, at(now))
}

/// Another resident, whose words stay.
fn write_neighbour(store: &mut SqliteStore, now: i64) {
    let me = store.identity().unwrap().unwrap();
    let r = create_resident(store, &me, "Mabel Ortiz", at(now)).unwrap();
    let ctx = me.context(at(now + 1));
    store
        .edit(DocumentId::resident(r, DocKind::Page), |d| {
            page::add_offer(d, &ctx, "I knit hats for the ward", Category::Caring)
        })
        .unwrap();
}

fn decrypt(key: &[u8; 32], page: &[u8], first: bool) -> Vec<u8> {
    assert_eq!(page.len(), PAGE);
    let iv = &page[PAGE - RESERVED..PAGE - RESERVED + 16];
    let start = if first { SALT } else { 0 };
    let mut body = page[start..PAGE - RESERVED].to_vec();
    cbc::Decryptor::<aes::Aes256>::new(key.into(), iv.into()).decrypt_padded_mut::<NoPadding>(&mut body).unwrap();
    body
}

/// Every page of the store's file and every frame of its WAL, decrypted.
fn decrypted_pages(path: &Path, key: &StoreKey) -> Vec<(String, Vec<u8>)> {
    let raw = key.raw();
    let hex = raw.trim_start_matches("x'").trim_end_matches('\'');
    let key: [u8; 32] = hex::decode(hex).unwrap().try_into().unwrap();
    let mut out = Vec::new();
    let file = std::fs::read(path).unwrap();
    for (i, page) in file.chunks(PAGE).enumerate() {
        out.push((format!("file page {}", i + 1), decrypt(&key, page, i == 0)));
    }
    let wal = std::fs::read(super::files::beside(path, "-wal")).unwrap_or_default();
    if wal.len() > WAL_HEADER {
        for (i, frame) in wal[WAL_HEADER..].chunks(FRAME_HEADER + PAGE).enumerate() {
            if frame.len() < FRAME_HEADER + PAGE {
                break;
            }
            let page_no = u32::from_be_bytes(frame[..4].try_into().unwrap());
            out.push((
                format!("WAL frame {} (page {page_no})", i + 1),
                decrypt(&key, &frame[FRAME_HEADER..], page_no == 1),
            ));
        }
    }
    out
}

/// Which of `words` appear in the decrypted pages, in any letter case (the
/// full-text index keeps its words in lower case).
fn found(pages: &[(String, Vec<u8>)], words: &[&str]) -> Vec<String> {
    let mut hits = Vec::new();
    for (place, bytes) in pages {
        let lower = bytes.to_ascii_lowercase();
        for word in words {
            let needle = word.to_ascii_lowercase();
            if lower.windows(needle.len()).any(|w| w == needle.as_bytes()) {
                hits.push(format!("{word} in {place}"));
            }
        }
    }
    hits
}

#[test]
fn an_erased_resident_leaves_no_words_in_the_decrypted_file_wal_or_search_index() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("device.db");
    let (mut store, key) = SqliteStore::open_with_passphrase(&path, "correct horse").unwrap();
    store.set_identity(&supporter()).unwrap();
    write_neighbour(&mut store, 0);
    let r = write_secrets(&mut store, 10);
    write_neighbour(&mut store, 20);
    // More saves, so the full-text index has segments written before and after.
    for n in 0..6 {
        write_neighbour(&mut store, 30 + n);
    }
    assert_eq!(store.search("marmalade").unwrap()[0].resident, r);

    // The control: decrypted, the pages hold every word, so the search below can find them.
    let before = found(&decrypted_pages(&path, &key), &SECRETS);
    for word in SECRETS {
        assert!(before.iter().any(|hit| hit.starts_with(word)), "{word} should be readable before erasure: {before:?}");
    }

    for id in resident_documents(r) {
        store.erase(id).unwrap();
    }
    // The store goes on being used after the erasure.
    write_neighbour(&mut store, 60);
    assert!(store.search("marmalade").unwrap().is_empty());
    assert_eq!(found(&decrypted_pages(&path, &key), &SECRETS), Vec::<String>::new(), "while open");
    drop(store);
    assert_eq!(found(&decrypted_pages(&path, &key), &SECRETS), Vec::<String>::new(), "after closing");
    // The neighbours' words are still there, so the pages really were read.
    assert!(!found(&decrypted_pages(&path, &key), &["knit hats"]).is_empty());
}
