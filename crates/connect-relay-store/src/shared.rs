//! What both backends share: how their pools are built, what a save brings
//! and what it did, how often "last seen" is written, and how a backup file
//! is created.

use connect_model::DocumentId;
use connect_model::automerge::{Automerge, ChangeHash, ReadDoc};

use crate::policy::NewBytes;
use crate::{CommitSave, RelayStoreError, Result};

/// How long a request waits for a free pooled connection.
const POOL_WAIT: std::time::Duration = std::time::Duration::from_secs(30);

/// How stale a device's "last seen" may get before a request updates it.
pub(crate) const LAST_SEEN_EVERY_MS: i64 = 5 * 60 * 1000;

/// A pool of at most `size` connections, opened on demand, sharing one
/// helper thread with every other pool in the process: a pool's own would be
/// three threads per store opened (tests and the fuzzer open thousands).
pub(crate) fn pool_builder<M: r2d2::ManageConnection>(size: u32) -> r2d2::Builder<M> {
    static HELPER: std::sync::OnceLock<std::sync::Arc<scheduled_thread_pool::ScheduledThreadPool>> =
        std::sync::OnceLock::new();
    let helper = HELPER
        .get_or_init(|| {
            std::sync::Arc::new(
                scheduled_thread_pool::ScheduledThreadPool::builder()
                    .num_threads(1)
                    .thread_name_pattern("relay-pool-{}")
                    .build(),
            )
        })
        .clone();
    r2d2::Pool::builder().thread_pool(helper).max_size(size.max(1)).min_idle(Some(0)).connection_timeout(POOL_WAIT)
}

/// What saving one document did.
pub(crate) enum Saved {
    /// Stored, at this feed position.
    At(u64),
    /// The document was erased; nothing stored.
    Erased,
    /// The store holds changes these bytes do not build on; nothing stored.
    Stale,
}

impl Saved {
    /// A direct save's answer: its feed position, or why nothing was stored.
    pub(crate) fn feed_position(self, id: DocumentId) -> Result<u64> {
        match self {
            Saved::At(seq) => Ok(seq),
            Saved::Erased => Err(RelayStoreError::Erased(id)),
            Saved::Stale => Err(RelayStoreError::Stale(id)),
        }
    }
}

/// What saving a whole document (not a sync round's chunks) adds to what
/// the store holds of it.
pub(crate) struct Upload {
    bytes: Vec<u8>,
    heads: Vec<ChangeHash>,
    stored: Option<Vec<ChangeHash>>,
}

impl Upload {
    /// `doc` over a stored document with `stored` heads (or none): refused
    /// as stale if the store holds a change `doc` lacks, else the bytes that
    /// bring it up to `doc`.
    pub(crate) fn over(id: DocumentId, doc: &Automerge, stored: Option<Vec<ChangeHash>>) -> Result<Self> {
        if stored.as_ref().is_some_and(|s| s.iter().any(|h| doc.get_change_by_hash(h).is_none())) {
            return Err(RelayStoreError::Stale(id));
        }
        let bytes = match stored.as_deref() {
            None => doc.save(),
            Some(heads) => doc.save_after(heads),
        };
        Ok(Self { bytes, heads: doc.get_heads(), stored })
    }

    /// The document's heads after.
    pub(crate) fn heads(&self) -> &[ChangeHash] {
        &self.heads
    }

    /// The bytes as the save policy takes them.
    pub(crate) fn new_bytes(&self) -> NewBytes<'_> {
        NewBytes {
            bytes: &self.bytes,
            whole: self.stored.is_none(),
            base_heads: self.stored.as_deref().unwrap_or_default(),
            heads: &self.heads,
        }
    }
}

impl<'a> From<&CommitSave<'a>> for NewBytes<'a> {
    fn from(save: &CommitSave<'a>) -> Self {
        NewBytes { bytes: save.bytes, whole: save.whole, base_heads: save.base_heads, heads: save.heads }
    }
}

/// Creates (or empties) `path` readable and writable by this user only, for
/// a backup about to be written into it: a copy of every resident's words
/// must not be readable by anyone else on the machine.
pub(crate) fn create_private(path: &std::path::Path) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    drop(options.open(path)?);
    // A file that was there already keeps its mode: set it.
    #[cfg(unix)]
    std::fs::set_permissions(path, std::os::unix::fs::PermissionsExt::from_mode(0o600))?;
    Ok(())
}
