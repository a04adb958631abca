//! What both backends share: how their pools are built, what a save carries
//! and what it did, and how often "last seen" is written.

use connect_model::automerge::{Automerge, ChangeHash};

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

/// A document's new changes as bytes.
pub(crate) struct NewBytes<'a> {
    /// A whole saved document (the relay had none), or change chunks since `base_heads`.
    pub(crate) bytes: &'a [u8],
    /// Whether `bytes` is a whole document.
    pub(crate) whole: bool,
    /// The stored heads the chunks build on.
    pub(crate) base_heads: &'a [ChangeHash],
    /// The heads after.
    pub(crate) heads: &'a [ChangeHash],
}

/// The bytes that bring a stored document (with `stored` heads, or none) up to `doc`.
pub(crate) fn bytes_for(doc: &Automerge, stored: Option<&[ChangeHash]>) -> Vec<u8> {
    match stored {
        None => doc.save(),
        Some(heads) => doc.save_after(heads),
    }
}
