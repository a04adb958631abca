//! Timestamps stored as Automerge timestamp scalars (milliseconds since the Unix epoch, UTC).

use autosurgeon::{Hydrate, HydrateError, Reconcile, Reconciler};
use chrono::{DateTime, TimeZone, Utc};

/// A point in time, UTC, with millisecond precision as Automerge stores it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(DateTime<Utc>);

impl Timestamp {
    /// Wraps a chrono time, truncated to milliseconds so it round-trips exactly.
    #[must_use]
    pub fn new(at: DateTime<Utc>) -> Self {
        Self::from_millis(at.timestamp_millis())
    }

    /// The time `ms` milliseconds after the Unix epoch; out-of-range values clamp to the epoch.
    #[must_use]
    pub fn from_millis(ms: i64) -> Self {
        Self(Utc.timestamp_millis_opt(ms).single().unwrap_or_default())
    }

    /// Milliseconds since the Unix epoch.
    #[must_use]
    pub fn millis(self) -> i64 {
        self.0.timestamp_millis()
    }

    /// The chrono value.
    #[must_use]
    pub fn to_datetime(self) -> DateTime<Utc> {
        self.0
    }

    /// The last millisecond of this time's day (UTC). A visit's circle is the
    /// circle at the end of its day: during a visit, the note and the people
    /// met are written down in any order.
    #[must_use]
    pub fn end_of_day(self) -> Self {
        const DAY: i64 = 86_400_000;
        Self::from_millis(self.millis().div_euclid(DAY) * DAY + DAY - 1)
    }
}

impl From<DateTime<Utc>> for Timestamp {
    fn from(at: DateTime<Utc>) -> Self {
        Self::new(at)
    }
}

impl std::fmt::Display for Timestamp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0.to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
    }
}

impl serde::Serialize for Timestamp {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl<'de> serde::Deserialize<'de> for Timestamp {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        DateTime::<Utc>::deserialize(d).map(Self::new)
    }
}

impl Reconcile for Timestamp {
    type Key<'a> = autosurgeon::reconcile::NoKey;

    fn reconcile<R: Reconciler>(&self, mut reconciler: R) -> Result<(), R::Error> {
        reconciler.timestamp(self.millis())
    }
}

impl Hydrate for Timestamp {
    fn hydrate_timestamp(t: i64) -> Result<Self, HydrateError> {
        Ok(Self::from_millis(t))
    }

    // Other Automerge implementations may write plain integers.
    fn hydrate_int(i: i64) -> Result<Self, HydrateError> {
        Ok(Self::from_millis(i))
    }
}
