//! Prometheus counters, kept as atomics and rendered as text on `/metrics`.

use std::sync::atomic::{AtomicU64, Ordering};

use connect_relay_store::PoolState;

/// The relay's counters.
#[derive(Debug, Default)]
pub struct Metrics {
    /// HTTP requests handled.
    pub requests: AtomicU64,
    /// Requests answered with a 4xx or 5xx status.
    pub errors: AtomicU64,
    /// Sync round trips handled.
    pub sync_rounds: AtomicU64,
    /// Request body bytes received on `/v1/sync`.
    pub bytes_in: AtomicU64,
    /// Response body bytes sent on `/v1/sync`.
    pub bytes_out: AtomicU64,
    /// Automerge changes accepted.
    pub changes_accepted: AtomicU64,
    /// Documents refused in sync.
    pub documents_rejected: AtomicU64,
}

impl Metrics {
    /// Adds `n` to a counter.
    pub fn add(counter: &AtomicU64, n: u64) {
        counter.fetch_add(n, Ordering::Relaxed);
    }

    /// The text exposition format, with gauges read from storage.
    #[must_use]
    pub fn render(&self, documents: u64, devices: u64, teams: u64, pool: PoolState) -> String {
        let c = |name: &str, help: &str, v: &AtomicU64| {
            format!("# HELP {name} {help}\n# TYPE {name} counter\n{name} {}\n", v.load(Ordering::Relaxed))
        };
        let g = |name: &str, help: &str, v: u64| format!("# HELP {name} {help}\n# TYPE {name} gauge\n{name} {v}\n");
        [
            c("connect_relay_requests_total", "HTTP requests handled.", &self.requests),
            c("connect_relay_errors_total", "Requests answered with an error status.", &self.errors),
            c("connect_relay_sync_rounds_total", "Sync round trips handled.", &self.sync_rounds),
            c("connect_relay_bytes_in_total", "Sync request bytes received.", &self.bytes_in),
            c("connect_relay_bytes_out_total", "Sync response bytes sent.", &self.bytes_out),
            c("connect_relay_changes_accepted_total", "Automerge changes accepted.", &self.changes_accepted),
            c("connect_relay_documents_rejected_total", "Documents refused during sync.", &self.documents_rejected),
            g("connect_relay_documents", "Documents stored.", documents),
            g("connect_relay_devices", "Enrolled, unrevoked devices.", devices),
            g("connect_relay_teams", "Teams.", teams),
            g("connect_relay_pool_connections", "Store connections open.", u64::from(pool.connections)),
            g("connect_relay_pool_idle", "Store connections open and idle.", u64::from(pool.idle)),
            g("connect_relay_pool_max", "Most store connections the pool opens.", u64::from(pool.max)),
        ]
        .concat()
    }
}
