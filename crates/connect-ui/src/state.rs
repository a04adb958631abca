//! Screen state shared through context: where the person is, the language,
//! a revision counter that makes views re-read the store after a change, and
//! the notice line (errors and "undo").

use connect_model::ResidentId;
use dioxus::prelude::*;

use crate::i18n::{Lang, Msg, t};
use crate::navigation::SharedHistory;
use crate::vault::Gate;
use connect_device::{DeviceClient, DeviceError, Edit};

/// The tabs of a resident's screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// "What I can offer".
    Page,
    /// Circle of care.
    Circle,
    /// Journal.
    Journal,
    /// Check-ins, one question at a time, and the trend.
    Checkins,
    /// Their story and who may read it.
    Story,
    /// Their record: the audit trail, a subject access copy, erasure.
    Record,
}

/// The parts of the team screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TeamTab {
    /// Mutual-support suggestions and introductions.
    Matches,
    /// The team directory of places and helpers.
    Places,
    /// Team figures (coordinators).
    Insights,
    /// Stories we may share (coordinators).
    Stories,
    /// Invites, people, assignments and residents' records (coordinators).
    People,
}

/// Which screen is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The caseload list.
    Caseload,
    /// One resident, on a tab.
    Resident(ResidentId, Tab),
    /// The team: matches, places, insights and stories.
    Team(TeamTab),
    /// Settings.
    Settings,
    /// "Hand to resident": only this resident's own page, large and simple.
    ResidentMode(ResidentId),
}

/// A line shown under the status bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// The words.
    pub text: String,
    /// An error rather than news.
    pub error: bool,
    /// The edit that undoes what just happened.
    pub undo: Option<(ResidentId, Edit)>,
    /// A failure to reach the team: gone as soon as a later send works.
    pub about_the_team: bool,
}

impl Notice {
    /// News, with an edit that undoes it.
    #[must_use]
    pub fn undoable(text: impl Into<String>, resident: ResidentId, undo: Edit) -> Self {
        Self { text: text.into(), error: false, undo: Some((resident, undo)), about_the_team: false }
    }
}

/// Handles to the shared state (signals are cheap to copy).
#[derive(Clone, Copy)]
pub struct Ui {
    /// The screen.
    pub screen: Signal<Screen>,
    /// Bumped after every change so views re-read.
    pub revision: Signal<u64>,
    /// The language of this phone's person (the supporter, or on a
    /// resident's own phone the resident); read it through [`Ui::lang`].
    pub lang: Signal<Lang>,
    /// In resident mode, the language the resident chose, if they did: the
    /// screens speak it while the supporter's setting stays theirs.
    pub resident_lang: Signal<Option<Lang>>,
    /// The notice line.
    pub notice: Signal<Option<Notice>>,
    /// A resident-mode session is locked to one resident: no way out to others
    /// except "give the phone back".
    pub locked_to: Signal<Option<ResidentId>>,
    /// Answers in a check-in that should worry someone, for the supporter to
    /// see before they leave (kept while the app is locked between hands).
    pub concern: Signal<Option<(ResidentId, Vec<connect_model::questions::Concern>)>>,
    /// The screens opened before this one, for "Back".
    trail: Signal<Vec<Screen>>,
    /// The platform's history, where it has one (the Back gesture).
    history: CopyValue<Option<SharedHistory>>,
}

impl Ui {
    /// The text for `msg` in the current language.
    #[must_use]
    pub fn t(&self, msg: Msg) -> String {
        t(self.lang(), msg)
    }

    /// The text for `msg` in the current language, its placeables filled
    /// from `args` ([`crate::i18n::tr`]).
    #[must_use]
    pub fn tr(&self, msg: Msg, args: &[crate::i18n::Arg<'_>]) -> String {
        crate::i18n::tr(self.lang(), msg, args)
    }

    /// Makes views re-read the store.
    pub fn bump(mut self) {
        *self.revision.write() += 1;
    }

    /// Shows `notice` (or clears the line) and makes views re-read the store.
    pub fn tell(self, notice: Option<Notice>) {
        let mut line = self.notice;
        line.set(notice);
        self.bump();
    }

    /// Shows news in plain words and makes views re-read the store.
    pub fn news(self, text: impl Into<String>) {
        self.tell(Some(Notice { text: text.into(), error: false, undo: None, about_the_team: false }));
    }

    /// Shows an error in plain words.
    pub fn error(mut self, text: impl Into<String>) {
        self.notice.set(Some(Notice { text: text.into(), error: true, undo: None, about_the_team: false }));
    }

    /// Shows why something could not reach the team, in plain words: it goes
    /// away by itself once a later send works ([`Ui::reached_the_team`]).
    pub fn team_error(mut self, text: impl Into<String>) {
        self.notice.set(Some(Notice { text: text.into(), error: true, undo: None, about_the_team: true }));
    }

    /// A send reached the team: a failure to reach it said earlier is no
    /// longer true, so it goes.
    pub fn reached_the_team(mut self) {
        if self.notice.peek().as_ref().is_some_and(|n| n.about_the_team) {
            self.notice.set(None);
        }
    }

    /// The screens' language: in resident mode the resident's, if they
    /// chose one; else this phone's person's.
    #[must_use]
    pub fn lang(&self) -> Lang {
        let resident = if self.locked_to.read().is_some() { *self.resident_lang.read() } else { None };
        resident.unwrap_or_else(|| *self.lang.read())
    }

    /// Speaks the resident's language (`None`: the phone person's) on the
    /// screens they hold; writes only when it changes.
    pub fn speak_residents(self, chosen: Option<Lang>) {
        let mut theirs = self.resident_lang;
        if *theirs.peek() != chosen {
            theirs.set(chosen);
        }
    }

    /// Goes to a screen, unless this session is locked to one resident; the
    /// screen left is a step "Back" returns to.
    pub fn go(mut self, screen: Screen) {
        if !self.may_show(screen) {
            return;
        }
        let from = *self.screen.peek();
        if from != screen {
            let mut trail = self.trail.write();
            trail.push(from);
            // A long walk keeps its last steps only.
            if trail.len() > 50 {
                trail.remove(0);
            }
            drop(trail);
            if let Some(history) = self.history.peek().as_ref() {
                history.pushed();
            }
        }
        self.notice.set(None);
        self.screen.set(screen);
    }

    /// Goes back one screen, as the Back gesture does: through the
    /// platform's history where there is one (it then calls
    /// [`Ui::stepped_back`]), else at once.
    pub fn back(self) {
        match self.history.peek().as_ref() {
            Some(history) if !self.trail.peek().is_empty() => history.back(),
            _ => self.stepped_back(),
        }
    }

    /// The platform went back one step: show the screen before, if this
    /// session may (a resident-mode session stays on the resident's own
    /// screens, and the step is put back so Back cannot leave the app).
    pub fn stepped_back(mut self) {
        let previous = self.trail.write().pop();
        match previous {
            Some(screen) if self.may_show(screen) => {
                self.notice.set(None);
                self.screen.set(screen);
            }
            Some(_) => {
                if let Some(history) = self.history.peek().as_ref() {
                    history.pushed();
                }
            }
            None if self.locked_to.peek().is_none() && *self.screen.peek() != Screen::Caseload => {
                self.notice.set(None);
                self.screen.set(Screen::Caseload);
            }
            None => {}
        }
    }

    fn may_show(&self, screen: Screen) -> bool {
        match *self.locked_to.peek() {
            Some(r) => screen == Screen::ResidentMode(r),
            None => true,
        }
    }
}

/// The language the screens start in: the one this phone's person chose,
/// else the phone's own, else English.
fn first_language() -> Lang {
    let chosen = try_consume_context::<DeviceClient>().and_then(|b| b.language());
    let phone = || try_consume_context::<connect_device::SharedVault>().and_then(|v| v.phone_language());
    chosen.or_else(phone).and_then(|tag| Lang::from_tag(&tag)).unwrap_or_default()
}

/// Creates the shared state, starting on `start`, and provides it to every
/// component below. Listens for the platform's Back gesture, where it has one.
pub fn use_provide_ui(start: Screen) -> Ui {
    let history = try_use_context::<SharedHistory>();
    let ui = use_context_provider(|| Ui {
        screen: Signal::new(start),
        revision: Signal::new(0),
        lang: Signal::new(first_language()),
        resident_lang: Signal::new(None),
        notice: Signal::new(None),
        locked_to: Signal::new(match start {
            Screen::ResidentMode(r) => Some(r),
            _ => None,
        }),
        concern: Signal::new(None),
        trail: Signal::new(Vec::new()),
        history: CopyValue::new(history),
    });
    use_hook(move || {
        if let Some(history) = ui.history.peek().as_ref() {
            history.on_back(Box::new(move || ui.stepped_back()));
        }
    });
    ui
}

/// The shared state, from context.
#[must_use]
pub fn use_ui() -> Ui {
    use_context::<Ui>()
}

/// The backend, from context.
#[must_use]
pub fn use_backend() -> DeviceClient {
    use_context::<DeviceClient>()
}

/// Reads from the backend without blocking the screens, and again after
/// every change (the revision) or when a signal `read` reads changes. The
/// value is `None` only until the first read finishes; after that a re-read
/// keeps showing the last value, so nothing flickers or loses its place.
/// A read that found the store locked reads again once the phone is unlocked
/// ([`use_read_again_once_open`]).
pub fn use_backend_read<T, F>(mut read: impl FnMut(DeviceClient) -> F + 'static) -> Resource<Result<T, DeviceError>>
where
    T: 'static,
    F: std::future::Future<Output = Result<T, DeviceError>> + 'static,
{
    let ui = use_ui();
    let backend = use_backend();
    let resource = use_resource(move || {
        let _ = ui.revision.read();
        read(backend.clone())
    });
    use_read_again_once_open(resource);
    resource
}

/// A read that found the store locked (it lost a race to the lock: "Give the
/// phone back" locks as the supporter's screen opens) reads again once the
/// phone is unlocked.
pub fn use_read_again_once_open<T: 'static>(mut resource: Resource<Result<T, DeviceError>>) {
    let gate = try_use_context::<Gate>();
    // Once per opening: a read that fails again with the store open (another
    // window locked it) is left for that window's lock, never retried in a loop.
    let mut retried = use_signal(|| false);
    use_effect(move || {
        let open = gate.is_none_or(|g| *g.door.read() == crate::vault::Door::Open);
        let locked_out = matches!(&*resource.read(), Some(Err(DeviceError::Locked)));
        if !open {
            retried.set(false);
        } else if locked_out && !*retried.peek() {
            retried.set(true);
            resource.restart();
        }
    });
}

/// Runs a backend call (a store read over many documents, a relay call)
/// without blocking the screens, with `busy` set while it runs; then hands
/// the result to `done`, or shows the reason it failed in plain words.
///
/// The call runs to its end even if the screen that made it closes first
/// (the resident taps "Done" before a check-in's save comes back on a busy
/// phone): it belongs to the app, not the screen, so it is never cut off
/// half-way, and the views still read again after it. `done` and `busy`
/// belong to the screen and run only while it is there.
pub fn run_call<T: 'static>(
    ui: Ui,
    busy: Option<Signal<bool>>,
    call: impl std::future::Future<Output = Result<T, DeviceError>> + 'static,
    done: impl FnOnce(T) + 'static,
) {
    if let Some(mut busy) = busy {
        busy.set(true);
    }
    let gate = try_consume_context::<Gate>();
    let (answer, answered) = futures_channel::oneshot::channel();
    dioxus::core::spawn_forever(async move {
        let result = call.await;
        // Any call that reached the relay may have found this device revoked;
        // any call may find the store locked (by another window of the app).
        if gate.is_some_and(Gate::check_wiped)
            || gate.zip(result.as_ref().err()).is_some_and(|(g, e)| g.check_locked(e))
        {
            return;
        }
        // The screen closed meanwhile: only what the app itself shows.
        if let Err(result) = answer.send(result) {
            match result {
                Ok(_) => ui.bump(),
                Err(e) => show_failure(ui, &e),
            }
        }
    });
    spawn(async move {
        let Ok(result) = answered.await else { return };
        if let Some(mut busy) = busy {
            busy.set(false);
        }
        match result {
            Ok(value) => done(value),
            Err(e) => show_failure(ui, &e),
        }
    });
}

/// Says why a call failed, in plain words: a relay out of reach on the
/// line that clears itself once a later send works.
fn show_failure(ui: Ui, e: &DeviceError) {
    match e {
        DeviceError::Unreachable(_) | DeviceError::Network(_) => {
            ui.team_error(ui.tr(Msg::ErrorPrefix, &[("why", crate::i18n::device_error(ui.lang(), e).into())]));
        }
        _ => ui.error(ui.tr(Msg::ErrorPrefix, &[("why", crate::i18n::device_error(ui.lang(), e).into())])),
    }
}

/// Applies an edit without blocking the screens, then refreshes views; on success shows
/// `done` (with its undo) if given, on failure the reason.
pub fn apply_edit(backend: DeviceClient, ui: Ui, resident: ResidentId, edit: Edit, done: Option<Notice>) {
    apply_edit_then(backend, ui, resident, edit, done, || {});
}

/// [`apply_edit`], then `saved` once the edit is saved and only then: a form
/// clears its draft in `saved`, so when a save fails (a full disk, say) the
/// words stay in the form, with the reason above them, to save again.
pub fn apply_edit_then(
    backend: DeviceClient,
    ui: Ui,
    resident: ResidentId,
    edit: Edit,
    done: Option<Notice>,
    saved: impl FnOnce() + 'static,
) {
    run_call(ui, None, async move { backend.edit(resident, edit).await }, move |_| {
        saved();
        ui.tell(done);
    });
}
