//! The wire format between devices and the relay, version 2.
//!
//! One HTTP request carries Automerge sync messages (and first uploads) for
//! many documents; the response carries the relay's replies, documents the
//! device has never had (as compacted snapshots), tombstones and the new feed
//! cursor. Bodies are `MAGIC`, a big-endian `u16` protocol version, then the
//! [postcard](https://docs.rs/postcard) encoding of the message. A peer that
//! speaks another version is told which side must be updated; a body that
//! does not decode is refused before anything is applied.
//!
//! Domain types are not the wire format: documents are named here by
//! [`WireDocId`] (16 bytes and a kind byte) so a response for a 200-resident
//! caseload is almost entirely document bytes.
//!
//! Version 2 added [`Limits`] to every response: the relay says how many
//! documents and bytes one request may carry, so a device plans its batches
//! from the relay's own numbers (or, before it has heard them, from the
//! floor every relay accepts) and never guesses.

use connect_model::automerge::ChangeHash;
use connect_model::{DocKind, DocumentId};
use serde::{Deserialize, Serialize};

/// Four bytes that open every body.
pub const MAGIC: [u8; 4] = *b"CCS\x01";
/// The protocol version this build speaks.
pub const PROTOCOL_VERSION: u16 = 2;

/// A document id on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct WireDocId(pub [u8; 16], pub u8);

impl From<DocumentId> for WireDocId {
    fn from(id: DocumentId) -> Self {
        let kind = match id.kind() {
            DocKind::Page => 0,
            DocKind::Circle => 1,
            DocKind::Journal => 2,
            DocKind::TeamNotes => 3,
            DocKind::Checkins => 4,
            DocKind::Story => 5,
            DocKind::Directory => 6,
        };
        Self(*id.owner().as_bytes(), kind)
    }
}

impl TryFrom<WireDocId> for DocumentId {
    type Error = ProtocolError;
    fn try_from(w: WireDocId) -> Result<Self, ProtocolError> {
        let owner = uuid::Uuid::from_bytes(w.0);
        let kind = match w.1 {
            0 => DocKind::Page,
            1 => DocKind::Circle,
            2 => DocKind::Journal,
            3 => DocKind::TeamNotes,
            4 => DocKind::Checkins,
            5 => DocKind::Story,
            6 => DocKind::Directory,
            k => return Err(ProtocolError::Malformed(format!("unknown document kind {k}"))),
        };
        Ok(match kind {
            DocKind::Directory => DocumentId::directory(owner.into()),
            _ => DocumentId::resident(owner.into(), kind),
        })
    }
}

/// Bytes for one document: a sync message or a saved document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocBytes {
    /// Which document.
    pub doc: WireDocId,
    /// The bytes.
    pub bytes: Vec<u8>,
}

/// Changes a device pushes without a sync conversation: a whole document the
/// relay has never had, or the changes since the heads the relay last
/// acknowledged. Either way one round trip.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Upload {
    /// Which document.
    pub doc: WireDocId,
    /// The device's heads after these changes.
    pub heads: Vec<[u8; 32]>,
    /// A saved document, or change chunks (`Automerge::save_after`).
    pub bytes: Vec<u8>,
}

/// A device's half of one round trip.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SyncRequest {
    /// The last feed position this device has applied; 0 for a new device.
    pub cursor: u64,
    /// The [`SyncResponse::round`] of the last response this device applied
    /// (committed); 0 for a new device. It tells the relay which whole
    /// documents it sent have really arrived.
    pub applied: u64,
    /// New documents and edits since the relay's last acknowledgement:
    /// a new resident, or an offline edit, goes up in one round trip.
    pub uploads: Vec<Upload>,
    /// Automerge sync messages for documents the relay already has.
    pub messages: Vec<DocBytes>,
    /// Documents the relay sent messages about that this device does not hold;
    /// the relay answers with snapshots.
    pub missing: Vec<WireDocId>,
}

/// Why the relay did not take a document's changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejection {
    /// Which document.
    pub doc: WireDocId,
    /// A plain-words reason, safe to show (never contains resident text).
    pub reason: String,
}

/// The relay's heads for a document after this round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ack {
    /// Which document.
    pub doc: WireDocId,
    /// The relay's heads.
    pub heads: Vec<[u8; 32]>,
}

impl Ack {
    /// The heads as Automerge hashes.
    #[must_use]
    pub fn change_hashes(&self) -> Vec<ChangeHash> {
        self.heads.iter().map(|h| ChangeHash(*h)).collect()
    }
}

/// What one request to the relay may carry. The relay sends its limits in
/// every response, and a device plans its batches from them. Every relay
/// accepts at least [`Limits::FLOOR`], so a device that has not heard a
/// relay's limits yet (its first sync) plans within the floor and never
/// sends a batch the relay would refuse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Limits {
    /// Most documents (uploads, messages and missing together) in one request.
    pub max_documents: u32,
    /// Most bytes in one request body.
    pub max_request_bytes: u64,
}

impl Limits {
    /// What every relay accepts, whatever it is configured with.
    pub const FLOOR: Limits = Limits { max_documents: 64, max_request_bytes: 1024 * 1024 };

    /// Whether these limits are at least the floor.
    #[must_use]
    pub fn at_least_floor(&self) -> bool {
        self.max_documents >= Self::FLOOR.max_documents && self.max_request_bytes >= Self::FLOOR.max_request_bytes
    }

    /// The text a device keeps them in between sessions (`documents/bytes`).
    #[must_use]
    pub fn to_setting(&self) -> String {
        format!("{}/{}", self.max_documents, self.max_request_bytes)
    }

    /// Reads [`Limits::to_setting`]; anything unreadable is [`Limits::FLOOR`].
    #[must_use]
    pub fn from_setting(text: &str) -> Limits {
        let mut parts = text.split('/');
        match (parts.next().map(str::parse), parts.next().map(str::parse), parts.next()) {
            (Some(Ok(max_documents)), Some(Ok(max_request_bytes)), None) => Limits { max_documents, max_request_bytes },
            _ => Limits::FLOOR,
        }
    }
}

impl Default for Limits {
    fn default() -> Self {
        Self::FLOOR
    }
}

/// The relay's half of one round trip.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SyncResponse {
    /// The feed position this response brings the device to.
    pub cursor: u64,
    /// This response's number for the device, to echo in
    /// [`SyncRequest::applied`] once it is applied. It grows whenever the
    /// relay sends a whole document.
    pub round: u64,
    /// More feed entries are waiting: ask again.
    pub more: bool,
    /// Sync messages for documents both sides hold.
    pub messages: Vec<DocBytes>,
    /// Whole compacted documents this device has never had.
    pub snapshots: Vec<DocBytes>,
    /// Documents erased on request: delete every copy, never upload again.
    pub erased: Vec<WireDocId>,
    /// Documents whose changes were refused, with why.
    pub rejected: Vec<Rejection>,
    /// The relay's heads for every document this round touched.
    pub acks: Vec<Ack>,
    /// What the next request may carry.
    pub limits: Limits,
}

/// Errors reading or writing the wire format.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProtocolError {
    /// The other side speaks an older protocol.
    #[error("the other side speaks sync protocol {theirs}, this one speaks {ours}")]
    PeerOlder {
        /// Their version.
        theirs: u16,
        /// Ours.
        ours: u16,
    },
    /// The other side speaks a newer protocol.
    #[error("the other side speaks sync protocol {theirs}, newer than this one's {ours}")]
    PeerNewer {
        /// Their version.
        theirs: u16,
        /// Ours.
        ours: u16,
    },
    /// Not a Connect sync body at all, or damaged.
    #[error("malformed sync body: {0}")]
    Malformed(String),
}

fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    let mut out = Vec::with_capacity(64);
    out.extend_from_slice(&MAGIC);
    out.extend_from_slice(&PROTOCOL_VERSION.to_be_bytes());
    // postcard cannot fail on these types when writing to a Vec.
    postcard::to_io(value, &mut out).ok();
    out
}

/// The protocol version a body claims, after checking the magic bytes.
pub fn body_version(bytes: &[u8]) -> Result<u16, ProtocolError> {
    if bytes.len() < 6 || bytes[..4] != MAGIC {
        return Err(ProtocolError::Malformed("not a Connect sync body".into()));
    }
    Ok(u16::from_be_bytes([bytes[4], bytes[5]]))
}

fn decode<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Result<T, ProtocolError> {
    let version = body_version(bytes)?;
    if version < PROTOCOL_VERSION {
        return Err(ProtocolError::PeerOlder { theirs: version, ours: PROTOCOL_VERSION });
    }
    if version > PROTOCOL_VERSION {
        return Err(ProtocolError::PeerNewer { theirs: version, ours: PROTOCOL_VERSION });
    }
    let (value, rest) = postcard::take_from_bytes(&bytes[6..]).map_err(|e| ProtocolError::Malformed(e.to_string()))?;
    if !rest.is_empty() {
        return Err(ProtocolError::Malformed(format!("{} trailing bytes", rest.len())));
    }
    Ok(value)
}

impl SyncRequest {
    /// The request's body bytes.
    #[must_use]
    pub fn encode(&self) -> Vec<u8> {
        encode(self)
    }

    /// Reads a request body.
    pub fn decode(bytes: &[u8]) -> Result<Self, ProtocolError> {
        decode(bytes)
    }
}

impl SyncResponse {
    /// The response's body bytes.
    #[must_use]
    pub fn encode(&self) -> Vec<u8> {
        encode(self)
    }

    /// Reads a response body.
    pub fn decode(bytes: &[u8]) -> Result<Self, ProtocolError> {
        decode(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use connect_model::ResidentId;

    fn sample_request() -> SyncRequest {
        let owner = uuid::Uuid::from_bytes([7; 16]);
        let doc = WireDocId::from(DocumentId::resident(ResidentId::from(owner), DocKind::Circle));
        SyncRequest {
            cursor: 300,
            applied: 7,
            uploads: vec![Upload { doc, heads: vec![[5; 32]], bytes: vec![1, 2, 3] }],
            messages: vec![DocBytes { doc, bytes: vec![9; 4] }],
            missing: vec![doc],
        }
    }

    fn sample_response() -> SyncResponse {
        let doc = sample_request().missing[0];
        SyncResponse {
            cursor: 301,
            round: 8,
            more: true,
            messages: vec![DocBytes { doc, bytes: vec![8; 2] }],
            snapshots: vec![DocBytes { doc, bytes: vec![1] }],
            erased: vec![doc],
            rejected: vec![Rejection { doc, reason: "no".into() }],
            acks: vec![Ack { doc, heads: vec![[3; 32]] }],
            limits: Limits { max_documents: 500, max_request_bytes: 1 << 20 },
        }
    }

    /// The exact bytes of a version 2 request. If this changes, the wire format
    /// changed: bump `PROTOCOL_VERSION` and keep reading old bodies or refuse them clearly.
    #[test]
    fn version_two_request_bytes_are_stable() {
        let bytes = sample_request().encode();
        assert_eq!(
            hex::encode(&bytes),
            "434353010002ac020701\
             0707070707070707070707070707070701\
             010505050505050505050505050505050505050505050505050505050505050505\
             03010203\
             0107070707070707070707070707070707010409090909\
             010707070707070707070707070707070701"
                .replace(char::is_whitespace, ""),
        );
        assert_eq!(SyncRequest::decode(&bytes).unwrap(), sample_request());
    }

    /// The exact bytes of a version 2 response, limits included.
    #[test]
    fn version_two_response_bytes_are_stable() {
        let bytes = sample_response().encode();
        assert_eq!(
            hex::encode(&bytes),
            "434353010002ad020801\
             01070707070707070707070707070707070102\
             0808\
             010707070707070707070707070707070701\
             0101\
             010707070707070707070707070707070701\
             010707070707070707070707070707070701026e6f\
             010707070707070707070707070707070701\
             010303030303030303030303030303030303030303030303030303030303030303\
             f403808040"
                .replace(char::is_whitespace, ""),
        );
        assert_eq!(SyncResponse::decode(&bytes).unwrap(), sample_response());
        let extreme = SyncResponse { cursor: u64::MAX, ..sample_response() };
        assert_eq!(SyncResponse::decode(&extreme.encode()).unwrap(), extreme);
    }

    #[test]
    fn limits_survive_a_setting_and_garbage_reads_as_the_floor() {
        let l = sample_response().limits;
        assert_eq!(Limits::from_setting(&l.to_setting()), l);
        for bad in ["", "5", "5/", "x/6", "1/2/3"] {
            assert_eq!(Limits::from_setting(bad), Limits::FLOOR, "{bad}");
        }
        assert!(Limits::FLOOR.at_least_floor());
        assert!(!Limits { max_documents: 3, ..Limits::FLOOR }.at_least_floor());
    }

    #[test]
    fn other_versions_are_named_not_misread() {
        let mut newer = sample_request().encode();
        newer[5] = 3;
        assert_eq!(SyncRequest::decode(&newer), Err(ProtocolError::PeerNewer { theirs: 3, ours: 2 }));
        let mut older = sample_request().encode();
        older[5] = 1;
        assert_eq!(SyncRequest::decode(&older), Err(ProtocolError::PeerOlder { theirs: 1, ours: 2 }));
    }

    #[test]
    fn damaged_bodies_are_refused() {
        let good = sample_request().encode();
        for bad in [&b""[..], &b"GET / HTTP/1.1"[..], &good[..good.len() - 3], &[good.as_slice(), &[0]].concat()] {
            assert!(matches!(SyncRequest::decode(bad), Err(ProtocolError::Malformed(_))), "{bad:?}");
        }
        let mut bad_kind = sample_request();
        bad_kind.missing[0].1 = 42;
        let decoded = SyncRequest::decode(&bad_kind.encode()).unwrap();
        assert!(DocumentId::try_from(decoded.missing[0]).is_err());
    }

    #[test]
    fn document_ids_survive_the_wire() {
        let r = ResidentId::random();
        for kind in DocKind::RESIDENT_KINDS {
            let id = DocumentId::resident(r, kind);
            assert_eq!(DocumentId::try_from(WireDocId::from(id)).unwrap(), id);
        }
        let dir = DocumentId::directory(connect_model::TeamId::random());
        assert_eq!(DocumentId::try_from(WireDocId::from(dir)).unwrap(), dir);
    }
}
