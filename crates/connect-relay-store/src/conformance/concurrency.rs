//! The concurrency part of the suite: writers of one document at once, and
//! a reader polling the feed between concurrent commits.

use connect_model::page::{self, Category};
use connect_model::{Author, AuthorRole, DeviceId, DocKind, DocumentId, EditContext, ResidentId};

use super::{Sent, at, commit, page_doc, save_whole, team_with_device};
use crate::{CommitOutcome, RelayStore, SyncCommit};

/// Two writers commit changes to one document at the same time, each built
/// on the copy it read: every commit either lands whole or is refused as a
/// conflict (and retried on a fresh read), so no change is lost.
pub fn two_concurrent_writers_of_one_document_lose_nothing<S: RelayStore + Sync>(store: &mut S) {
    let (team, device, person) = team_with_device(store, AuthorRole::Supporter);
    let r = ResidentId::random();
    let id = DocumentId::resident(r, DocKind::Page);
    let base = page_doc(r, device, &[]);
    let register = [r];
    let sent = Sent::whole(id, &base);
    let saves = [sent.save()];
    let first = SyncCommit { saves: &saves, ..commit(team, person, device, &register) };
    assert_eq!(store.commit_sync(&first).unwrap(), CommitOutcome::Committed);
    const EACH: usize = 8;
    let store = &*store;
    std::thread::scope(|scope| {
        for writer in 0..2 {
            scope.spawn(move || {
                let writer_device = DeviceId::random();
                let ctx = EditContext::new(Author::new(AuthorRole::Supporter, "Amara", writer_device), at(2));
                for i in 0..EACH {
                    loop {
                        let mut doc = store.load(id).unwrap().unwrap();
                        doc.set_actor(connect_model::actor_for(writer_device, 1));
                        let before = doc.get_heads();
                        page::add_offer(&mut doc, &ctx, &format!("writer {writer} offer {i}"), Category::Other)
                            .unwrap();
                        let sent = Sent::since(id, &doc, &before);
                        let saves = [sent.save()];
                        let c = SyncCommit { saves: &saves, ..commit(team, person, device, &[]) };
                        if store.commit_sync(&c).unwrap() == CommitOutcome::Committed {
                            break;
                        }
                    }
                }
            });
        }
    });
    let stored = store.load(id).unwrap().unwrap();
    let offers = page::read(&stored).unwrap().offers;
    assert_eq!(offers.len(), 2 * EACH, "every committed change is kept");
    assert_eq!(store.change_log(id).unwrap().len(), sent.heads.len() + 2 * EACH);
    let entries = store.feed_since(team, 0, 1000).unwrap();
    assert_eq!(entries.iter().filter(|e| e.doc == id).count(), 1, "still one feed entry");
}

/// Writers commit new documents while a reader polls the feed from its
/// cursor, as devices do. Every document reaches the reader: the feed's
/// order is the order of commits, so no change commits behind a cursor that
/// has already passed its number.
pub fn a_reader_polling_between_concurrent_commits_never_skips_one<S: RelayStore + Sync>(store: &mut S) {
    let (team, device, _) = team_with_device(store, AuthorRole::Supporter);
    let start = store.feed_head(team).unwrap();
    const EACH: usize = 15;
    let store = &*store;
    let done = std::sync::atomic::AtomicUsize::new(0);
    let (written, seen) = std::thread::scope(|scope| {
        let writers: Vec<_> = (0..2)
            .map(|_| {
                let done = &done;
                scope.spawn(move || {
                    let mut ids = Vec::new();
                    for _ in 0..EACH {
                        let r = ResidentId::random();
                        let id = DocumentId::resident(r, DocKind::Page);
                        let doc = page_doc(r, device, &["soup"]);
                        save_whole(store, id, team, &doc, device, at(2));
                        ids.push(id);
                    }
                    done.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    ids
                })
            })
            .collect();
        let reader = scope.spawn(|| {
            let mut cursor = start;
            let mut seen = std::collections::BTreeSet::new();
            loop {
                let finished = done.load(std::sync::atomic::Ordering::SeqCst) == 2;
                for entry in store.feed_since(team, cursor, 4).unwrap() {
                    assert!(entry.seq > cursor, "the feed moves forward");
                    cursor = entry.seq;
                    seen.insert(entry.doc);
                }
                if finished && store.feed_since(team, cursor, 1).unwrap().is_empty() {
                    return seen;
                }
            }
        });
        let written: std::collections::BTreeSet<_> = writers.into_iter().flat_map(|w| w.join().unwrap()).collect();
        (written, reader.join().unwrap())
    });
    assert_eq!(written.len(), 2 * EACH);
    let missed: Vec<_> = written.difference(&seen).collect();
    assert!(missed.is_empty(), "the polling reader skipped {} of {} documents", missed.len(), written.len());
}
