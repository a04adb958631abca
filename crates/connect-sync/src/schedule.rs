//! When a device syncs without being asked: a small state machine over a
//! clock it is given, with no timers inside.
//!
//! The app tells it what happened ([`Trigger`]: opened, online, offline, an
//! edit, hidden, "Send now") and how each sync ended ([`Outcome`]); it
//! answers whether to start a sync now ([`SyncSchedule::poll`]) and when to
//! ask again ([`SyncSchedule::next_wake`]). The driver sleeps until then or
//! until the next trigger, whichever is first. Tests drive it with a fake
//! clock: `now` is only ever the time since some fixed start.
//!
//! The rules:
//! - Opening (or unlocking) the app, coming online, and "Send now" sync at
//!   once. "Send now" and coming online also forget earlier failures.
//! - An edit syncs [`ScheduleConfig::debounce`] after the last edit of a
//!   burst, and never later than [`ScheduleConfig::longest_wait`] after the
//!   first, so steady typing cannot put it off for ever.
//! - Going to the background syncs at once if edits are waiting. In a
//!   backoff it does so only once until a sync works: a desktop window loses
//!   focus many times an hour, and each must not be a fresh attempt.
//! - While open, it syncs every [`ScheduleConfig::every`] (if set).
//! - A failed sync is retried after a wait that doubles from
//!   [`ScheduleConfig::first_retry`] to [`ScheduleConfig::longest_retry`],
//!   each less up to a fifth at random, so a team's phones do not all come
//!   back to a relay at the same moment. Edits and the schedule do not cut
//!   a backoff short; coming online and "Send now" do.
//! - A relay that answers "slow down" or "busy" with a `Retry-After`
//!   ([`Outcome::Throttled`]) is never tried again sooner than it asked,
//!   whatever the backoff says; "Send now" still tries at once.
//! - While the platform says it is offline, nothing is tried (but "Sync
//!   now" is: the platform can be wrong).
//! - Only one sync runs at a time. A trigger that wants a sync at once,
//!   arriving while one runs, starts another right after it.
//! - A device that is not enrolled, or was revoked, never syncs.

use std::time::Duration;

/// The schedule's settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScheduleConfig {
    /// The regular sync while the app is open; `None` turns it off.
    pub every: Option<Duration>,
    /// How long after the last edit of a burst to sync.
    pub debounce: Duration,
    /// The longest an edit waits for its sync while edits keep coming.
    pub longest_wait: Duration,
    /// The wait after the first failure.
    pub first_retry: Duration,
    /// The longest wait between failed attempts.
    pub longest_retry: Duration,
}

impl Default for ScheduleConfig {
    fn default() -> Self {
        Self {
            every: Some(DEFAULT_EVERY),
            debounce: Duration::from_secs(20),
            longest_wait: Duration::from_secs(60),
            first_retry: Duration::from_secs(30),
            longest_retry: Duration::from_secs(30 * 60),
        }
    }
}

/// The regular sync's default period.
pub const DEFAULT_EVERY: Duration = Duration::from_secs(5 * 60);

/// Something that happened, which may call for a sync.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    /// The app started, or was unlocked.
    Opened,
    /// The network came back.
    Online,
    /// The platform says there is no network.
    Offline,
    /// Something was written to the store here.
    Edited,
    /// The app went to the background, or the page was hidden.
    Hidden,
    /// The person tapped "Send now".
    Asked,
    /// The device was enrolled with a relay.
    Enrolled,
}

/// How a sync ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything was exchanged.
    Synced,
    /// It failed (no network, the relay down or refusing); try again later.
    Failed,
    /// The relay asked this device to wait this long (a 429 or 503 with
    /// `Retry-After`): a failure whose next try is never sooner than that.
    Throttled(Duration),
    /// The device is not enrolled, or the team revoked it: stop trying.
    Stop,
}

/// What the status line shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ScheduleStatus {
    /// A sync is running.
    pub running: bool,
    /// When the next sync is due, if one is planned.
    pub next_try: Option<Duration>,
    /// Failed attempts in a row.
    pub failures: u32,
    /// When the last sync that worked finished.
    pub last_success: Option<Duration>,
    /// Whether the platform says it is offline.
    pub offline: bool,
}

/// The schedule's state. See the module docs for its rules.
#[derive(Debug, Clone)]
pub struct SyncSchedule {
    config: ScheduleConfig,
    enrolled: bool,
    offline: bool,
    running: bool,
    /// When the next sync is due, edits aside: at once, the regular one, or a retry.
    due: Option<Duration>,
    /// No automatic sync before this (a backoff after a failure).
    not_before: Option<Duration>,
    /// No automatic sync before this either, as the relay asked: neither
    /// hiding the app nor the network coming back cuts it short.
    relay_wait: Option<Duration>,
    /// The first and the latest edit not yet synced.
    edits: Option<(Duration, Duration)>,
    /// The same, for edits made while a sync ran (it may have missed them).
    edits_while_running: Option<(Duration, Duration)>,
    /// Start again as soon as the running sync ends.
    again: bool,
    /// The person asked: try even if the platform says it is offline.
    asked: bool,
    /// Going to the background has cut this backoff short once already.
    hidden_cut_backoff: bool,
    failures: u32,
    last_success: Option<Duration>,
    rng: u64,
}

impl SyncSchedule {
    /// A schedule for a device that is (or is not yet) `enrolled`. `seed`
    /// varies the backoff's jitter from one device to another.
    #[must_use]
    pub fn new(config: ScheduleConfig, enrolled: bool, seed: u64) -> Self {
        Self {
            config,
            enrolled,
            offline: false,
            running: false,
            due: None,
            not_before: None,
            relay_wait: None,
            edits: None,
            edits_while_running: None,
            again: false,
            asked: false,
            hidden_cut_backoff: false,
            failures: 0,
            last_success: None,
            // xorshift must not start at zero.
            rng: seed | 1,
        }
    }

    /// The settings in force.
    #[must_use]
    pub fn config(&self) -> ScheduleConfig {
        self.config
    }

    /// Changes the regular period (Settings); the next regular sync is one
    /// new period from now.
    pub fn set_every(&mut self, every: Option<Duration>, now: Duration) {
        self.config.every = every;
        if !self.running && self.failures == 0 {
            self.due = every.map(|e| now + e);
        }
    }

    /// Tells the schedule what happened at `now`.
    pub fn trigger(&mut self, trigger: Trigger, now: Duration) {
        match trigger {
            Trigger::Enrolled => {
                self.enrolled = true;
                self.failures = 0;
                self.not_before = None;
                self.soon(now);
            }
            Trigger::Opened => self.soon(now),
            Trigger::Online => {
                self.offline = false;
                self.forgive();
                self.soon(now);
            }
            Trigger::Asked => {
                self.forgive();
                self.relay_wait = None;
                self.asked = true;
                self.soon(now);
            }
            Trigger::Offline => self.offline = true,
            Trigger::Edited => {
                let edits = if self.running { &mut self.edits_while_running } else { &mut self.edits };
                let first = edits.map_or(now, |(first, _)| first);
                *edits = Some((first, now));
            }
            Trigger::Hidden => {
                if self.edits.is_some() || self.edits_while_running.is_some() {
                    // The last chance before the phone goes in a pocket:
                    // one try, even in a backoff, but only one per backoff.
                    if self.not_before.is_some_and(|t| t > now) {
                        if std::mem::replace(&mut self.hidden_cut_backoff, true) {
                            return;
                        }
                        self.not_before = None;
                    }
                    self.soon(now);
                }
            }
        }
    }

    /// Whether to start a sync at `now`. If it answers `true`, a sync is
    /// running until [`Self::finished`].
    pub fn poll(&mut self, now: Duration) -> bool {
        if self.next_wake().is_none_or(|at| at > now) {
            return false;
        }
        self.running = true;
        self.asked = false;
        self.due = None;
        true
    }

    /// The running sync ended at `now`, as `outcome`.
    pub fn finished(&mut self, outcome: Outcome, now: Duration) {
        self.running = false;
        match outcome {
            Outcome::Synced => {
                self.forgive();
                self.relay_wait = None;
                self.last_success = Some(now);
                self.edits = self.edits_while_running.take();
                self.due = self.config.every.map(|e| now + e);
            }
            Outcome::Failed | Outcome::Throttled(_) => {
                // Every edit is still to send; the earliest sets the deadline.
                if let Some((first, last)) = self.edits_while_running.take() {
                    self.edits = Some(self.edits.map_or((first, last), |(f, _)| (f.min(first), last)));
                }
                self.failures = self.failures.saturating_add(1);
                let asked = match outcome {
                    Outcome::Throttled(wait) => wait,
                    _ => Duration::ZERO,
                };
                // Never sooner than the relay asked, even with the jitter.
                if asked > Duration::ZERO {
                    self.relay_wait = Some(now + asked);
                }
                let wait = self.backoff().max(asked);
                self.not_before = Some(now + wait);
                self.due = Some(now + wait);
            }
            Outcome::Stop => {
                self.enrolled = false;
                self.due = None;
                self.not_before = None;
            }
        }
        if std::mem::take(&mut self.again) && outcome != Outcome::Stop {
            // At once, or when a backoff just begun allows (`wake` says).
            self.due = Some(now);
        }
    }

    /// When to call [`Self::poll`] again, if anything is planned.
    #[must_use]
    pub fn next_wake(&self) -> Option<Duration> {
        if self.running || !self.enrolled || (self.offline && !self.asked) {
            return None;
        }
        self.wake()
    }

    /// The next sync's time, whatever calls for it, after any backoff.
    fn wake(&self) -> Option<Duration> {
        let for_edits =
            self.edits.map(|(first, last)| (last + self.config.debounce).min(first + self.config.longest_wait));
        let at = match (self.due, for_edits) {
            (Some(a), Some(b)) => a.min(b),
            (a, b) => a.or(b)?,
        };
        let at = self.not_before.map_or(at, |t| at.max(t));
        Some(self.relay_wait.map_or(at, |t| at.max(t)))
    }

    /// What the status line shows.
    #[must_use]
    pub fn status(&self) -> ScheduleStatus {
        ScheduleStatus {
            running: self.running,
            next_try: self.next_wake(),
            failures: self.failures,
            last_success: self.last_success,
            offline: self.offline,
        }
    }

    /// A sync as soon as may be: now, or after the running one.
    fn soon(&mut self, now: Duration) {
        if self.running {
            self.again = true;
        } else {
            self.due = Some(now);
        }
    }

    /// Forgets earlier failures: the next sync may start at once.
    fn forgive(&mut self) {
        self.failures = 0;
        self.not_before = None;
        self.hidden_cut_backoff = false;
    }

    /// The wait after the latest failure: doubling from the first retry to
    /// the longest, less up to a fifth at random.
    fn backoff(&mut self) -> Duration {
        let doublings = self.failures.saturating_sub(1).min(16);
        let nominal = self.config.first_retry.saturating_mul(1 << doublings).min(self.config.longest_retry);
        // xorshift64: plenty for spreading phones out.
        self.rng ^= self.rng << 13;
        self.rng ^= self.rng >> 7;
        self.rng ^= self.rng << 17;
        let fifth = nominal / 5;
        let millis = u64::try_from(fifth.as_millis()).unwrap_or(u64::MAX).max(1);
        nominal - Duration::from_millis(self.rng % millis)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: Duration = Duration::from_secs(1);

    fn enrolled() -> SyncSchedule {
        SyncSchedule::new(ScheduleConfig::default(), true, 42)
    }

    /// Runs the clock forward second by second from `from` to `to`, and
    /// answers the times a sync started, finishing each at once as `outcome`.
    fn run(schedule: &mut SyncSchedule, from: Duration, to: Duration, outcome: Outcome) -> Vec<Duration> {
        let mut started = Vec::new();
        let mut now = from;
        while now <= to {
            if schedule.poll(now) {
                started.push(now);
                schedule.finished(outcome, now);
            }
            now += S;
        }
        started
    }

    #[test]
    fn opening_syncs_at_once_and_then_every_five_minutes() {
        let mut s = enrolled();
        s.trigger(Trigger::Opened, Duration::ZERO);
        let started = run(&mut s, Duration::ZERO, 16 * 60 * S, Outcome::Synced);
        assert_eq!(started, vec![Duration::ZERO, 300 * S, 600 * S, 900 * S]);
        assert_eq!(s.status().last_success, Some(900 * S));
        assert_eq!(s.status().next_try, Some(1200 * S));
    }

    #[test]
    fn an_edit_syncs_within_the_debounce() {
        let mut s = enrolled();
        s.trigger(Trigger::Opened, Duration::ZERO);
        assert_eq!(run(&mut s, Duration::ZERO, 10 * S, Outcome::Synced), vec![Duration::ZERO]);
        s.trigger(Trigger::Edited, 100 * S);
        assert_eq!(run(&mut s, 100 * S, 200 * S, Outcome::Synced), vec![120 * S]);
        // A burst of edits: 20 s after the last one...
        for t in [130, 135, 140] {
            s.trigger(Trigger::Edited, t * S);
        }
        assert_eq!(run(&mut s, 130 * S, 200 * S, Outcome::Synced), vec![160 * S]);
    }

    #[test]
    fn steady_typing_still_syncs_within_a_minute() {
        let mut s = enrolled();
        s.trigger(Trigger::Opened, Duration::ZERO);
        run(&mut s, Duration::ZERO, Duration::ZERO, Outcome::Synced);
        let mut started = Vec::new();
        for t in 10..=200 {
            let now = t * S;
            if t % 5 == 0 {
                s.trigger(Trigger::Edited, now); // an edit every 5 s
            }
            if s.poll(now) {
                started.push(now);
                s.finished(Outcome::Synced, now);
            }
        }
        assert_eq!(started, vec![70 * S, 135 * S, 200 * S], "at most a minute after the first unsynced edit");
    }

    #[test]
    fn offline_attempts_back_off_on_the_stated_curve() {
        let mut s = enrolled();
        s.trigger(Trigger::Opened, Duration::ZERO);
        let started = run(&mut s, Duration::ZERO, 6 * 3600 * S, Outcome::Failed);
        let waits: Vec<Duration> = started.windows(2).map(|w| w[1] - w[0]).collect();
        let nominal = |n: usize| (30 * S * (1 << n.min(6))).min(1800 * S);
        for (n, wait) in waits.iter().enumerate() {
            let (high, low) = (nominal(n), nominal(n) * 4 / 5);
            // The clock moves in whole seconds, so a wait ends up to 1 s late.
            assert!(*wait >= low && *wait <= high + S, "wait {n} was {wait:?}, not within {low:?}..={high:?}");
        }
        assert!(waits[0] <= 31 * S && waits[0] >= 24 * S, "the first retry is about 30 s");
        assert!(waits.iter().all(|w| *w <= 1801 * S), "never more than 30 minutes");
        assert!(waits.iter().rev().take(3).all(|w| *w >= 1440 * S), "and it settles near 30 minutes");
        // Jitter: the waits at the cap are not all the same.
        let capped: Vec<_> = waits.iter().filter(|w| **w >= 1440 * S).collect();
        assert!(capped.windows(2).any(|w| w[0] != w[1]), "{capped:?}");
        assert_eq!(s.status().failures as usize, started.len());
    }

    #[test]
    fn a_relay_that_asks_for_a_wait_is_never_tried_sooner() {
        let mut s = enrolled();
        s.trigger(Trigger::Opened, Duration::ZERO);
        assert!(s.poll(Duration::ZERO));
        s.finished(Outcome::Throttled(600 * S), Duration::ZERO);
        assert_eq!(s.next_wake(), Some(600 * S), "ten minutes, though the first backoff is 30 s");
        s.trigger(Trigger::Edited, S);
        s.trigger(Trigger::Hidden, 2 * S);
        assert!(!s.poll(599 * S), "the schedule holds");
        assert!(s.poll(600 * S));
        // A short wait never shortens the backoff.
        s.finished(Outcome::Throttled(S), 600 * S);
        let wait = s.next_wake().unwrap() - 600 * S;
        assert!(wait >= 48 * S, "the second backoff (48–60 s) still holds: {wait:?}");
        // The person asking still goes at once.
        s.trigger(Trigger::Asked, 601 * S);
        assert!(s.poll(601 * S));
    }

    #[test]
    fn two_devices_spread_their_retries() {
        let mut a = SyncSchedule::new(ScheduleConfig::default(), true, 1);
        let mut b = SyncSchedule::new(ScheduleConfig::default(), true, 2);
        for s in [&mut a, &mut b] {
            s.trigger(Trigger::Opened, Duration::ZERO);
        }
        let ta = run(&mut a, Duration::ZERO, 3600 * S, Outcome::Failed);
        let tb = run(&mut b, Duration::ZERO, 3600 * S, Outcome::Failed);
        assert_ne!(ta, tb);
    }

    #[test]
    fn edits_and_the_schedule_do_not_cut_a_backoff_short() {
        let mut s = enrolled();
        s.trigger(Trigger::Opened, Duration::ZERO);
        run(&mut s, Duration::ZERO, Duration::ZERO, Outcome::Failed);
        run(&mut s, S, 40 * S, Outcome::Failed); // second failure: ~60 s wait
        let retry = s.next_wake().unwrap();
        assert!(retry >= 40 * S + 24 * S, "{retry:?}");
        s.trigger(Trigger::Edited, 41 * S);
        assert_eq!(s.next_wake(), Some(retry), "the edit waits for the backoff");
        assert!(!s.poll(61 * S));
    }

    #[test]
    fn coming_online_syncs_at_once_and_forgets_the_backoff() {
        let mut s = enrolled();
        s.trigger(Trigger::Opened, Duration::ZERO);
        run(&mut s, Duration::ZERO, 600 * S, Outcome::Failed);
        assert!(s.status().failures >= 3);
        s.trigger(Trigger::Offline, 601 * S);
        assert_eq!(s.next_wake(), None, "offline: nothing is tried");
        assert!(!s.poll(3000 * S));
        s.trigger(Trigger::Online, 3000 * S);
        assert!(s.poll(3000 * S), "online: at once");
        s.finished(Outcome::Failed, 3001 * S);
        assert_eq!(s.status().failures, 1, "the backoff starts again from 30 s");
        let next = s.next_wake().unwrap() - 3001 * S;
        assert!(next <= 30 * S && next >= 24 * S, "{next:?}");
    }

    #[test]
    fn sync_now_always_works_and_resets_the_backoff() {
        let mut s = enrolled();
        s.trigger(Trigger::Opened, Duration::ZERO);
        run(&mut s, Duration::ZERO, 900 * S, Outcome::Failed);
        s.trigger(Trigger::Offline, 901 * S);
        s.trigger(Trigger::Asked, 902 * S);
        // Offline as the platform says, but the person asked: it is tried.
        assert_eq!(s.next_wake(), Some(902 * S));
        assert!(s.poll(902 * S));
        s.finished(Outcome::Synced, 903 * S);
        assert_eq!(s.status().failures, 0);
        assert_eq!(s.next_wake(), None, "still offline: the schedule waits for the network");
        s.trigger(Trigger::Online, 1000 * S);
        assert!(s.poll(1000 * S));
    }

    #[test]
    fn two_triggers_together_run_one_sync() {
        let mut s = enrolled();
        s.trigger(Trigger::Opened, 10 * S);
        s.trigger(Trigger::Online, 10 * S);
        s.trigger(Trigger::Asked, 10 * S);
        assert!(s.poll(10 * S));
        assert!(!s.poll(10 * S), "only one sync at a time");
        s.trigger(Trigger::Asked, 11 * S); // while it runs
        assert!(!s.poll(11 * S));
        s.finished(Outcome::Synced, 12 * S);
        assert!(s.poll(12 * S), "a sync asked for during a run follows it");
        s.finished(Outcome::Synced, 13 * S);
        assert!(!s.poll(14 * S), "and just one");
    }

    #[test]
    fn an_edit_during_a_sync_is_synced_after_it() {
        let mut s = enrolled();
        s.trigger(Trigger::Opened, Duration::ZERO);
        assert!(s.poll(Duration::ZERO));
        s.trigger(Trigger::Edited, S);
        s.finished(Outcome::Synced, 2 * S);
        assert_eq!(s.next_wake(), Some(21 * S));
    }

    #[test]
    fn hiding_the_app_syncs_waiting_edits_at_once() {
        let mut s = enrolled();
        s.trigger(Trigger::Opened, Duration::ZERO);
        run(&mut s, Duration::ZERO, Duration::ZERO, Outcome::Synced);
        s.trigger(Trigger::Hidden, 5 * S);
        assert!(!s.poll(5 * S), "nothing waiting: hiding costs nothing");
        s.trigger(Trigger::Edited, 6 * S);
        s.trigger(Trigger::Hidden, 7 * S);
        assert!(s.poll(7 * S));
    }

    #[test]
    fn hiding_the_app_cuts_a_backoff_short_once_until_a_sync_works() {
        let mut s = enrolled();
        s.trigger(Trigger::Opened, Duration::ZERO);
        assert!(s.poll(Duration::ZERO));
        s.finished(Outcome::Failed, Duration::ZERO); // the relay is down: a wait of 24–30 s
        s.trigger(Trigger::Edited, 2 * S);
        s.trigger(Trigger::Hidden, 3 * S);
        assert!(s.poll(3 * S), "the last chance before the pocket: one try, in the backoff");
        s.finished(Outcome::Failed, 3 * S); // 48–60 s now
        s.trigger(Trigger::Edited, 4 * S);
        for t in 5..40 {
            // The desktop window loses focus again and again.
            s.trigger(Trigger::Hidden, t * S);
            assert!(!s.poll(t * S), "at {t} s: the backoff holds");
        }
        let retry = s.next_wake().unwrap();
        assert!((3 + 48) * S <= retry && retry <= (3 + 60) * S, "{retry:?}");
        assert!(s.poll(retry));
        s.finished(Outcome::Synced, retry);
        // A sync worked: the next backoff may be cut short once again.
        s.trigger(Trigger::Asked, retry + S);
        assert!(s.poll(retry + S));
        s.finished(Outcome::Failed, retry + S);
        s.trigger(Trigger::Edited, retry + 2 * S);
        s.trigger(Trigger::Hidden, retry + 3 * S);
        assert!(s.poll(retry + 3 * S));
    }

    #[test]
    fn a_device_not_enrolled_or_revoked_never_tries() {
        let mut s = SyncSchedule::new(ScheduleConfig::default(), false, 7);
        for t in [Trigger::Opened, Trigger::Online, Trigger::Edited, Trigger::Asked] {
            s.trigger(t, S);
        }
        assert!(run(&mut s, Duration::ZERO, 3600 * S, Outcome::Synced).is_empty());
        assert_eq!(s.next_wake(), None);
        s.trigger(Trigger::Enrolled, 3601 * S);
        assert!(s.poll(3601 * S), "enrolling syncs at once");
        s.finished(Outcome::Stop, 3602 * S); // revoked
        assert!(run(&mut s, 3602 * S, 7200 * S, Outcome::Synced).is_empty());
        s.trigger(Trigger::Asked, 7201 * S);
        assert!(!s.poll(7201 * S));
    }

    #[test]
    fn the_regular_sync_can_be_changed_or_turned_off() {
        let mut s = enrolled();
        s.trigger(Trigger::Opened, Duration::ZERO);
        run(&mut s, Duration::ZERO, Duration::ZERO, Outcome::Synced);
        s.set_every(Some(60 * S), 10 * S);
        assert_eq!(run(&mut s, 10 * S, 200 * S, Outcome::Synced), vec![70 * S, 130 * S, 190 * S]);
        s.set_every(None, 200 * S);
        assert!(run(&mut s, 200 * S, 7200 * S, Outcome::Synced).is_empty());
        s.trigger(Trigger::Edited, 7201 * S);
        assert_eq!(run(&mut s, 7201 * S, 7300 * S, Outcome::Synced), vec![7221 * S], "edits still sync");
    }
}
