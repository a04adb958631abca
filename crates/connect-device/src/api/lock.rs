//! What the lock in front of the store tells the screens: wrong PINs so far,
//! what the app knows at once when the store opens, and the space the
//! platform gives it.

use connect_model::device::DeviceIdentity;
use connect_model::{ResidentId, Timestamp};
use serde::{Deserialize, Serialize};

/// Wrong PINs so far and when the next try is allowed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockState {
    /// Wrong PINs in a row.
    pub failed_attempts: u32,
    /// No PIN is tried before this time.
    pub retry_after: Option<Timestamp>,
}

/// How much the browser gives the app, for Settings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StorageInfo {
    /// Bytes the app's records and files take.
    pub used: u64,
    /// Bytes the browser would let it take in all.
    pub quota: u64,
    /// Whether the browser promised not to clear them when space runs low.
    pub persisted: bool,
}

/// What the open app knows at once, without asking: read when the store opens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Opened {
    /// This device's identity.
    pub me: DeviceIdentity,
    /// The resident this device is handed to, if any: kept in the store so a
    /// reload or a restart cannot leave "hand to resident" mode.
    pub resident_lock: Option<ResidentId>,
    /// On a resident's own phone (enrolled with a resident invite), whose it
    /// is: the app shows only their screens.
    pub own_resident: Option<ResidentId>,
}
