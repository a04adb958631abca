//! A child process for the crash test: opens the encrypted store at `argv[1]`
//! with the passphrase in `CONNECT_PASSPHRASE`, then adds offers to the first
//! resident's page forever, numbered from `argv[2]`, printing `committed N`
//! only after each save has returned.

use connect_model::page::{self, Category};
use connect_model::{DocKind, DocumentId, Timestamp};
use connect_store::{DocumentStore, SqliteStore};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("store path");
    let start: i64 = args.next().expect("first number").parse().expect("a number");
    let passphrase = std::env::var("CONNECT_PASSPHRASE").expect("CONNECT_PASSPHRASE");
    let (mut store, _) = SqliteStore::open_with_passphrase(&path, &passphrase).expect("open store");
    let me = store.identity().expect("identity").expect("initialised store");
    let resident = store.caseload().expect("caseload")[0].resident;
    let id = DocumentId::resident(resident, DocKind::Page);
    for i in start.. {
        let ctx = me.context(Timestamp::from_millis(1_772_355_600_000 + i));
        store.edit(id, |d| page::add_offer(d, &ctx, &format!("edit {i}"), Category::Other)).expect("edit");
        println!("committed {i}");
    }
}
