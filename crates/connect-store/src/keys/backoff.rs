//! Waits between wrong guesses that no clock setting can shorten.
//!
//! A wall clock can be set by whoever holds the phone, so a wait kept as
//! "not before 14:05" ends as soon as the clock says 14:05. Here the key file
//! keeps the wait as a *duration still to serve*, with the reading of a
//! [`SteadyClock`] taken when it was written. Time counts against the wait
//! only while two readings come from the same run of that clock (the same
//! boot of the phone, or the same process where the platform has nothing
//! longer) and the second is later than the first. A restart, a reboot, or a
//! clock that seems to go backwards counts as no time at all: the wait goes
//! on from what was left. The wall clock is never read.
//!
//! So a wait counts down while the phone is on (on Linux and Android, from
//! the kernel's boot clock, which nobody can set and which keeps counting
//! while the phone sleeps) or, in the browser, while the app is open; and
//! the lock screen writes its progress back as it goes, so closing the app
//! loses at most the last few seconds of it.

use std::sync::OnceLock;
use std::time::Duration;

use serde::{Deserialize, Serialize};

/// Wrong guesses allowed before the first wait.
pub const FREE_ATTEMPTS: u32 = 3;

/// The longest wait between guesses.
const MAX_BACKOFF: Duration = Duration::from_secs(60 * 60);

/// How long to wait before the next guess after `failed` wrong ones in a row,
/// or `None` when the next guess is free: a minute after the fourth, doubling
/// up to an hour.
#[must_use]
pub fn backoff(failed: u32) -> Option<Duration> {
    let over = failed.checked_sub(FREE_ATTEMPTS).filter(|over| *over > 0)?;
    let doublings = over.min(16);
    Some(Duration::from_secs(30u64 << doublings).min(MAX_BACKOFF))
}

/// One reading of a [`SteadyClock`]: a moment within a run of the clock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SteadyReading {
    /// Which run of the clock (a boot of the phone, or one process): readings
    /// from different runs cannot be compared.
    pub span: String,
    /// Milliseconds since the run began.
    pub at_ms: u64,
}

/// A clock nobody can set, for timing the waits between wrong guesses.
pub trait SteadyClock: Send + Sync {
    /// The time now, on this clock.
    fn read(&self) -> SteadyReading;
}

/// The platform's steady clock: on Linux (and Android) the kernel's boot
/// clock (`/proc/uptime`, which keeps counting while the phone sleeps) within
/// this boot (`boot_id`), so the count survives a restart of the app; where
/// that cannot be read (the browser, other systems) a monotonic clock within
/// this process, so a wait counts down only while the app runs.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemSteadyClock;

impl SteadyClock for SystemSteadyClock {
    fn read(&self) -> SteadyReading {
        #[cfg(any(target_os = "linux", target_os = "android"))]
        if let Some(reading) = boot_clock() {
            return reading;
        }
        process_clock()
    }
}

#[cfg(any(target_os = "linux", target_os = "android"))]
fn boot_clock() -> Option<SteadyReading> {
    let boot = std::fs::read_to_string("/proc/sys/kernel/random/boot_id").ok()?;
    let uptime = std::fs::read_to_string("/proc/uptime").ok()?;
    let seconds: f64 = uptime.split_whitespace().next()?.parse().ok()?;
    // Whole milliseconds since boot: never negative, and far below u64::MAX.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let at_ms = (seconds * 1000.0) as u64;
    Some(SteadyReading { span: format!("boot {}", boot.trim()), at_ms })
}

fn process_clock() -> SteadyReading {
    static START: OnceLock<(String, web_time::Instant)> = OnceLock::new();
    let (span, start) = START.get_or_init(|| {
        let mut id = [0u8; 8];
        super::fill_random(&mut id);
        (format!("process {}", hex::encode(id)), web_time::Instant::now())
    });
    SteadyReading { span: span.clone(), at_ms: u64::try_from(start.elapsed().as_millis()).unwrap_or(u64::MAX) }
}

/// Wrong guesses in a row, and the wait they earned, as the key file keeps them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Attempts {
    /// Wrong guesses in a row.
    pub(super) failed: u32,
    /// What was left of the wait when `seen` was read.
    pub(super) wait_left_ms: u64,
    /// The steady clock's reading when `wait_left_ms` was written.
    pub(super) seen: Option<SteadyReading>,
}

impl Attempts {
    /// The wait left at `now`, or `None` if it is over. Only time on the
    /// same run of the clock, forwards, counts.
    pub(super) fn left(&self, now: &SteadyReading) -> Option<Duration> {
        let elapsed = match &self.seen {
            Some(seen) if seen.span == now.span => now.at_ms.saturating_sub(seen.at_ms),
            _ => 0,
        };
        let left = self.wait_left_ms.saturating_sub(elapsed);
        (left > 0).then(|| Duration::from_millis(left))
    }

    /// Writes down what is left at `now`, counted from `now`; `true` if that
    /// changed anything worth writing (a new run of the clock, or a second or
    /// more served).
    pub(super) fn settle(&mut self, now: &SteadyReading) -> bool {
        if self.wait_left_ms == 0 {
            return false;
        }
        let left = self.left(now).map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX));
        let moved = match &self.seen {
            Some(seen) => seen.span != now.span || now.at_ms < seen.at_ms || self.wait_left_ms - left >= 1000,
            None => true,
        };
        if moved {
            self.wait_left_ms = left;
            self.seen = (left > 0).then(|| now.clone());
        }
        moved
    }

    /// One more wrong guess at `now`: counted, and its wait begins.
    pub(super) fn failed_at(&mut self, now: &SteadyReading) {
        self.failed = self.failed.saturating_add(1);
        self.wait_left_ms = backoff(self.failed).map_or(0, |w| u64::try_from(w.as_millis()).unwrap_or(u64::MAX));
        self.seen = (self.wait_left_ms > 0).then(|| now.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(span: &str, seconds: u64) -> SteadyReading {
        SteadyReading { span: span.into(), at_ms: seconds * 1000 }
    }

    #[test]
    fn backoff_is_free_three_times_then_doubles_up_to_an_hour() {
        let cases: &[(u32, Option<u64>)] = &[
            (0, None),
            (1, None),
            (3, None),
            (4, Some(60)),
            (5, Some(120)),
            (6, Some(240)),
            (9, Some(1920)),
            (10, Some(3600)),
            (50, Some(3600)),
            (u32::MAX, Some(3600)),
        ];
        for (failed, secs) in cases {
            assert_eq!(backoff(*failed).map(|d| d.as_secs()), *secs, "{failed} wrong guesses");
        }
    }

    #[test]
    fn only_forward_time_on_the_same_run_of_the_clock_counts() {
        let mut a = Attempts::default();
        for _ in 0..4 {
            a.failed_at(&at("boot A", 100));
        }
        assert_eq!(a.left(&at("boot A", 100)), Some(Duration::from_secs(60)));
        assert_eq!(a.left(&at("boot A", 130)), Some(Duration::from_secs(30)), "time served counts");
        assert_eq!(a.left(&at("boot A", 50)), Some(Duration::from_secs(60)), "a clock going back gives nothing");
        assert_eq!(a.left(&at("boot B", 9_999_999)), Some(Duration::from_secs(60)), "a restart gives nothing");
        assert_eq!(a.left(&at("boot A", 160)), None, "served in full");
    }

    #[test]
    fn settling_keeps_what_was_served_across_a_restart() {
        let mut a = Attempts::default();
        for _ in 0..5 {
            a.failed_at(&at("process 1", 0));
        }
        assert!(a.settle(&at("process 1", 45)));
        assert_eq!(a.wait_left_ms, 75_000);
        assert!(!a.settle(&at("process 1", 45)), "nothing new to write");
        // The app restarts: its new clock starts near zero, and the 75 s left are still left.
        assert!(a.settle(&at("process 2", 3)));
        assert_eq!(a.left(&at("process 2", 3)), Some(Duration::from_secs(75)));
        assert_eq!(a.left(&at("process 2", 78)), None);
    }
}
