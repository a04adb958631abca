//! Syncing without being asked, while the app is open: on opening or
//! unlocking, when the network comes back, a short while after an edit, when
//! the app goes to the background, and on a schedule.
//!
//! [`connect_sync::SyncSchedule`] decides when; this module is its driver.
//! One task per open app owns the schedule, runs one sync at a time through
//! the backend, and between syncs sleeps until the schedule's next wake or
//! the next [`Command`], whichever is first. Edits reach it from the
//! backend's write listener, the network and the background from the
//! platform's [`crate::lifecycle::Lifecycle`] or from the page itself
//! ([`crate::page_events`]), "Send now" from the status
//! bar. The status bar reads [`SyncState`]. A sync never blocks editing:
//! the store takes each call in turn, and nothing here opens a dialog.

use std::time::Duration;

use connect_sync::schedule::{Outcome, ScheduleConfig, ScheduleStatus, SyncSchedule, Trigger};
use dioxus::prelude::*;
use futures_channel::mpsc::{UnboundedReceiver, UnboundedSender, unbounded};
use futures_util::StreamExt;
use futures_util::future::{Either, select};

use crate::clock::{SharedClock, use_clock};
use crate::lifecycle::{LifeEvent, SharedLifecycle};
use crate::state::Ui;
use crate::vault::{Door, Gate};
use connect_device::{DeviceClient, DeviceError};

/// What the auto-sync is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// Something happened that may call for a sync.
    Trigger(Trigger),
    /// Settings changed the regular period (`None`: off).
    Every(Option<Duration>),
}

/// What the status bar shows of the auto-sync.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SyncState {
    /// The schedule's own status, in time since `started`.
    pub schedule: ScheduleStatus,
    /// When the auto-sync began, on the wall clock.
    pub started: Option<chrono::DateTime<chrono::Local>>,
    /// Why the last sync failed, if it did.
    pub last_error: Option<String>,
    /// Whether the last sync was asked for by hand ("Send now").
    pub by_hand: bool,
    /// Whether a sync has finished since the app opened.
    pub finished_once: bool,
    /// Documents the relay refused in the last sync, with reasons.
    pub refused: Vec<String>,
}

impl SyncState {
    /// The wall-clock time of a moment on the schedule's clock.
    #[must_use]
    pub fn wall(&self, moment: Duration) -> Option<chrono::DateTime<chrono::Local>> {
        Some(self.started? + chrono::Duration::from_std(moment).ok()?)
    }
}

/// The app's auto-sync, from context: cheap to copy.
#[derive(Clone, Copy)]
pub struct AutoSync {
    /// What the status bar shows.
    pub state: Signal<SyncState>,
    commands: CopyValue<UnboundedSender<Command>>,
}

impl AutoSync {
    /// Tells the auto-sync `command`.
    pub fn tell(&self, command: Command) {
        let _ = self.commands.read().unbounded_send(command);
    }

    /// "Send now": at once, forgetting earlier failures.
    pub fn sync_now(&self) {
        self.tell(Command::Trigger(Trigger::Asked));
    }
}

/// Starts the auto-sync for the open app and provides it to the components
/// below. It ends with the component that called this (the app locks).
pub fn use_provide_auto_sync(ui: Ui, gate: Option<Gate>) -> AutoSync {
    let backend = use_context::<DeviceClient>();
    let lifecycle = try_use_context::<SharedLifecycle>();
    // Tests shorten the schedule's waits by putting a config in context.
    let tuned = try_use_context::<ScheduleConfig>().unwrap_or_default();
    let clock = use_clock();
    let auto = use_context_provider(move || {
        let (sender, receiver) = unbounded();
        let to_me = sender.clone();
        backend.on_write(move || to_me.unbounded_send(Command::Trigger(Trigger::Edited)).is_ok());
        if lifecycle.as_ref().is_some_and(|l| l.listen_in_the_page()) {
            spawn(crate::page_events::listen(sender.clone()));
        }
        let state = Signal::new(SyncState::default());
        let driver = Driver { backend, lifecycle, state, ui, gate };
        spawn(drive(driver, tuned, clock, receiver, sender.clone()));
        AutoSync { state, commands: CopyValue::new(sender) }
    });
    // Unlocking syncs, as opening does (the app stays mounted behind the
    // lock, its store closed). The first run is the opening itself. Views
    // read again too: a read the lock refused shows what is there now.
    let mut opened_already = use_hook(|| CopyValue::new(false));
    use_effect(move || {
        let open = gate.is_none_or(|g| *g.door.read() == Door::Open);
        if open && *opened_already.peek() {
            auto.tell(Command::Trigger(Trigger::Opened));
            ui.bump();
        }
        opened_already.set(true);
    });
    auto
}

/// The open app's auto-sync, from context ([`crate::components::AppAt`]
/// provides it, so every screen has one).
#[must_use]
pub fn use_auto_sync() -> AutoSync {
    use_context::<AutoSync>()
}

/// A period in minutes as the schedule takes it (0: off).
#[must_use]
pub fn every(minutes: u32) -> Option<Duration> {
    (minutes > 0).then(|| Duration::from_secs(u64::from(minutes) * 60))
}

/// What the auto-sync's task holds besides the schedule.
struct Driver {
    backend: DeviceClient,
    lifecycle: Option<SharedLifecycle>,
    state: Signal<SyncState>,
    ui: Ui,
    gate: Option<Gate>,
}

impl Driver {
    /// Has the platform's events sent to the task, for the relay at `relay`.
    fn watch(&self, relay: Option<String>, to_me: &UnboundedSender<Command>) {
        let Some(lifecycle) = &self.lifecycle else { return };
        let to_me = to_me.clone();
        lifecycle.watch(
            relay,
            Box::new(move |event| {
                let trigger = match event {
                    LifeEvent::Online => Trigger::Online,
                    LifeEvent::Offline => Trigger::Offline,
                    LifeEvent::Hidden => Trigger::Hidden,
                };
                to_me.unbounded_send(Command::Trigger(trigger)).is_ok()
            }),
        );
    }

    /// Tells the schedule one command. Enrolling also tells the platform the
    /// new relay, so a native one can probe it.
    async fn apply(
        &self,
        schedule: &mut SyncSchedule,
        command: Command,
        asked: &mut bool,
        now: Duration,
        to_me: &UnboundedSender<Command>,
    ) {
        match command {
            Command::Trigger(trigger) => {
                *asked |= trigger == Trigger::Asked;
                if trigger == Trigger::Enrolled {
                    let relay = self.backend.overview().await.ok().and_then(|o| o.relay);
                    self.watch(relay, to_me);
                }
                schedule.trigger(trigger, now);
            }
            Command::Every(period) => schedule.set_every(period, now),
        }
    }

    /// Runs one sync and shows how it went. `None` if the team revoked this
    /// device: the app shows the wiped screen, and the task ends.
    async fn sync(&mut self, by_hand: bool) -> Option<Outcome> {
        let result = self.backend.sync_now().await;
        if self.backend.wiped() {
            if let Some(gate) = self.gate {
                gate.wiped();
            }
            return None;
        }
        if let Some(lifecycle) = &self.lifecycle {
            lifecycle.reached_relay(!matches!(result, Err(DeviceError::Unreachable(_))));
        }
        let outcome = match &result {
            Ok(_) => Outcome::Synced,
            Err(DeviceError::NotEnrolled | DeviceError::Wiped) => Outcome::Stop,
            // Asked to wait: never sooner than the team's server said.
            Err(DeviceError::Wait { seconds, .. }) => Outcome::Throttled(Duration::from_secs(*seconds)),
            // Locked mid-sync: not a failure to show; unlocking syncs again.
            Err(DeviceError::Locked) => return Some(Outcome::Failed),
            Err(_) => Outcome::Failed,
        };
        // Views re-read only when the sync brought something, so a regular
        // sync with nothing new leaves the screens alone.
        let changed = result.as_ref().is_ok_and(|s| s.changed > 0);
        {
            let mut shown = self.state.write();
            shown.by_hand = by_hand;
            shown.finished_once = true;
            shown.refused = result.as_ref().map(|s| s.refused.clone()).unwrap_or_default();
            shown.last_error = result.err().map(|e| e.to_string());
        }
        if outcome == Outcome::Synced {
            self.ui.reached_the_team();
        }
        if changed || by_hand {
            self.ui.bump();
        }
        Some(outcome)
    }
}

/// The auto-sync's task: the schedule, and the loop that runs it.
async fn drive(
    mut driver: Driver,
    tuned: ScheduleConfig,
    clock: SharedClock,
    mut commands: UnboundedReceiver<Command>,
    to_me: UnboundedSender<Command>,
) {
    let now = || clock.now();
    let overview = driver.backend.overview().await.unwrap_or_default();
    let config = ScheduleConfig { every: every(overview.auto_sync_minutes), ..tuned };
    let mut schedule = SyncSchedule::new(config, overview.enrolled, seed(&driver.backend));
    driver.state.write().started = Some(chrono::Local::now());
    driver.watch(overview.relay, &to_me);
    schedule.trigger(Trigger::Opened, now());
    // What the platform said on watching (opened with no network, say)
    // counts before the opening's sync is tried.
    let mut asked = false;
    while let Ok(command) = commands.try_recv() {
        driver.apply(&mut schedule, command, &mut asked, now(), &to_me).await;
    }
    loop {
        if driver.gate.is_some_and(|g| *g.door.peek() != Door::Open) {
            // Locked: the store is closed. Listen only; unlocking says Opened.
            match commands.next().await {
                Some(command) => driver.apply(&mut schedule, command, &mut asked, now(), &to_me).await,
                None => return,
            }
            continue;
        }
        if schedule.poll(now()) {
            driver.state.write().schedule = schedule.status();
            let Some(outcome) = driver.sync(std::mem::take(&mut asked)).await else { return };
            schedule.finished(outcome, now());
            continue; // another may be due at once (asked for during this one)
        }
        if driver.state.peek().schedule != schedule.status() {
            driver.state.write().schedule = schedule.status();
        }
        let mut command =
            match next_command(&mut commands, &clock, schedule.next_wake().map(|at| at.saturating_sub(now()))).await {
                Woke::Command(command) => Some(command),
                Woke::Timer => None,
                Woke::Closed => return,
            };
        // Everything that arrived together counts as one moment: two
        // triggers at once run one sync.
        while let Some(c) = command {
            driver.apply(&mut schedule, c, &mut asked, now(), &to_me).await;
            command = commands.try_recv().ok();
        }
    }
}

/// What ended a wait.
enum Woke {
    /// A command came.
    Command(Command),
    /// The planned time came.
    Timer,
    /// Nobody can send any more: the app locked.
    Closed,
}

/// Waits for the next command, or until `wait` passes on `clock`.
async fn next_command(commands: &mut UnboundedReceiver<Command>, clock: &SharedClock, wait: Option<Duration>) -> Woke {
    let got = |command: Option<Command>| command.map_or(Woke::Closed, Woke::Command);
    let Some(wait) = wait else { return got(commands.next().await) };
    match select(clock.sleep(wait), commands.next()).await {
        Either::Left(((), _)) => Woke::Timer,
        Either::Right((command, _)) => got(command),
    }
}

/// A seed for the backoff's jitter that differs between devices.
fn seed(backend: &DeviceClient) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    backend.me().device_id.hash(&mut hasher);
    hasher.finish()
}
