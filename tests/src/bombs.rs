//! Decompression and run-length bombs: Automerge chunks a few hundred bytes
//! or a megabyte long that decode to gigabytes or millions of operations.
//! The relay's round and every device must refuse them within a fixed
//! budget (`vendor/automerge`'s `decode_budget`); the bomb tests and the
//! `bombs` fuzz target send them.

use connect_model::automerge::sync::{Message, MessageVersion};
use connect_model::automerge::{self, Automerge, ObjType, ROOT, transaction::Transactable};

/// A raw DEFLATE stream of 1 GiB of zeros (about 1 MiB).
pub const ZEROS_1GIB: &[u8] = include_bytes!("../data/zeros-1gib.deflate");

/// A change chunk of a million list insertions, 104 bytes long (made once
/// by Automerge itself; building it in a debug test takes minutes).
pub const MILLION_OPS: &[u8] = include_bytes!("../data/list-1m-ops.change");

fn leb128(mut n: u64, out: &mut Vec<u8>) {
    loop {
        let byte = u8::try_from(n & 0x7f).unwrap_or(0);
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// A chunk: Automerge's magic bytes, a checksum (not checked before the
/// body is decoded), the chunk type, its length and the body.
fn chunk(kind: u8, body: &[u8]) -> Vec<u8> {
    let mut out = vec![0x85, 0x6f, 0x4a, 0x83, 0, 0, 0, 0, kind];
    leb128(body.len() as u64, &mut out);
    out.extend_from_slice(body);
    out
}

/// A compressed change chunk (type 2) whose body inflates from `deflated`.
#[must_use]
pub fn compressed_change(deflated: &[u8]) -> Vec<u8> {
    chunk(2, deflated)
}

/// A document chunk (type 0) with one change column, DEFLATE-compressed,
/// that inflates from `deflated`.
#[must_use]
pub fn document(deflated: &[u8]) -> Vec<u8> {
    // No actors, no heads, one change column (id 1, compressed), no op columns.
    let mut body = vec![0, 0, 1];
    leb128(0x1a, &mut body);
    leb128(deflated.len() as u64, &mut body);
    body.push(0);
    body.extend_from_slice(deflated);
    chunk(0, &body)
}

/// A change of `ops` list insertions: about a hundred bytes, whatever `ops`,
/// since Automerge's columns run-length encode them.
#[must_use]
pub fn many_ops(ops: usize, actor: automerge::ActorId) -> Vec<u8> {
    let mut doc = Automerge::new().with_actor(actor);
    let mut tx = doc.transaction();
    let Ok(list) = tx.put_object(ROOT, "l", ObjType::List) else { return Vec::new() };
    for i in 0..ops {
        if tx.insert(&list, i, automerge::ScalarValue::Null).is_err() {
            break;
        }
    }
    tx.commit();
    doc.get_changes(&[]).iter().flat_map(|c| c.raw_bytes().to_vec()).collect()
}

/// A sync message carrying `chunk` as its changes.
#[must_use]
pub fn sync_message(chunk: Vec<u8>) -> Vec<u8> {
    Message {
        heads: Vec::new(),
        need: Vec::new(),
        have: Vec::new(),
        changes: chunk.into(),
        flags: None,
        version: MessageVersion::V1,
    }
    .encode()
}
