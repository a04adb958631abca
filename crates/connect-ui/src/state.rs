//! Screen state shared through context: where the person is, the language,
//! a revision counter that makes views re-read the store after a change, and
//! the notice line (errors and "undo").

use connect_model::ResidentId;
use dioxus::prelude::*;

use crate::i18n::{Lang, Msg, t};
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
}

/// Handles to the shared state (signals are cheap to copy).
#[derive(Clone, Copy)]
pub struct Ui {
    /// The screen.
    pub screen: Signal<Screen>,
    /// Bumped after every change so views re-read.
    pub revision: Signal<u64>,
    /// The language.
    pub lang: Signal<Lang>,
    /// The notice line.
    pub notice: Signal<Option<Notice>>,
    /// A resident-mode session is locked to one resident: no way out to others
    /// except "give the phone back".
    pub locked_to: Signal<Option<ResidentId>>,
}

impl Ui {
    /// The text for `msg` in the current language.
    #[must_use]
    pub fn t(&self, msg: Msg) -> &'static str {
        t(*self.lang.read(), msg)
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
        self.tell(Some(Notice { text: text.into(), error: false, undo: None }));
    }

    /// Shows an error in plain words.
    pub fn error(mut self, text: impl Into<String>) {
        self.notice.set(Some(Notice { text: text.into(), error: true, undo: None }));
    }

    /// Goes to a screen, unless this session is locked to one resident.
    pub fn go(mut self, screen: Screen) {
        if let Some(r) = *self.locked_to.read()
            && screen != Screen::ResidentMode(r)
        {
            return;
        }
        self.notice.set(None);
        self.screen.set(screen);
    }
}

/// Creates the shared state, starting on `start`, and provides it to every
/// component below.
pub fn use_provide_ui(start: Screen) -> Ui {
    use_context_provider(|| Ui {
        screen: Signal::new(start),
        revision: Signal::new(0),
        lang: Signal::new(Lang::En),
        notice: Signal::new(None),
        locked_to: Signal::new(match start {
            Screen::ResidentMode(r) => Some(r),
            _ => None,
        }),
    })
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
pub fn use_backend_read<T, F>(mut read: impl FnMut(DeviceClient) -> F + 'static) -> Resource<Result<T, DeviceError>>
where
    T: 'static,
    F: std::future::Future<Output = Result<T, DeviceError>> + 'static,
{
    let ui = use_ui();
    let backend = use_backend();
    use_resource(move || {
        let _ = ui.revision.read();
        read(backend.clone())
    })
}

/// Runs a backend call (a store read over many documents, a relay call)
/// without blocking the screens, with `busy` set while it runs; then hands
/// the result to `done`, or shows the reason it failed in plain words.
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
    spawn(async move {
        let result = call.await;
        // Any call that reached the relay may have found this device revoked;
        // any call may find the store locked (by another window of the app).
        if gate.is_some_and(Gate::check_wiped)
            || gate.zip(result.as_ref().err()).is_some_and(|(g, e)| g.check_locked(e))
        {
            return;
        }
        if let Some(mut busy) = busy {
            busy.set(false);
        }
        match result {
            Ok(value) => done(value),
            Err(e) => ui.error(format!("{} {e}", ui.t(Msg::ErrorPrefix))),
        }
    });
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
