//! The device as the screens hold it. Components get a [`DeviceClient`] from
//! context and await its typed calls; they never touch SQL, files or HTTP.
//!
//! Behind a [`DeviceClient`] is a [`Channel`] the launcher supplies: on
//! native platforms a blocking thread running the device in-process, in the
//! browser a message to the Web Worker that holds the store (the Origin
//! Private File System can be written synchronously only there). The
//! questions and answers are plain values ([`Request`], [`Reply`]), so one
//! device serves both. The lock screens ask a [`Vault`] the same way.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use connect_model::caseload::{CaseloadRow, SearchHit};
use connect_model::device::DeviceIdentity;
use connect_model::directory::Directory;
use connect_model::insights::TeamInsights;
use connect_model::matching::Suggestion;
use connect_model::media::BlobHash;
use connect_model::story::SharedStory;
use connect_model::today::Today;
use connect_model::{AuthorRole, DeviceId, DocumentId, ItemId, ResidentId};
use connect_sync::api::{InviteInfo, PeopleResponse, PersonRemovedResponse};

use crate::DeviceError;
use crate::api::lock::{FingerprintSupport, LockState, Opened, StorageInfo};
use crate::api::{
    AuditView, Edit, IntroView, InviteCard, MediaItem, MediaSpace, NewFile, NewPlace, Reply, Request, ResidentData,
    SubjectAccess, SyncOverview, SyncSummary,
};

/// `Send + Sync` on native platforms, where the launcher's handles cross
/// threads; nothing in the browser, where everything runs on one thread and
/// a worker handle is neither.
#[cfg(not(target_arch = "wasm32"))]
pub trait SendSyncOutsideWasm: Send + Sync {}
#[cfg(not(target_arch = "wasm32"))]
impl<T: Send + Sync + ?Sized> SendSyncOutsideWasm for T {}
/// `Send + Sync` on native platforms, nothing in the browser.
#[cfg(target_arch = "wasm32")]
pub trait SendSyncOutsideWasm {}
#[cfg(target_arch = "wasm32")]
impl<T: ?Sized> SendSyncOutsideWasm for T {}

/// A call's answer, awaited on the UI's own executor (it need not be `Send`).
pub type DeviceFuture<T> = Pin<Box<dyn Future<Output = Result<T, DeviceError>>>>;

/// How a [`Request`] reaches the device and its [`Reply`] comes back.
pub trait Channel: SendSyncOutsideWasm {
    /// Sends one request; the answer arrives when the store has done it.
    fn send(&self, request: Request) -> DeviceFuture<Reply>;
}

/// Told after every write that should reach the team (the auto-sync); it
/// answers `false` once nobody listens, and is then dropped.
type WriteListener = Box<dyn Fn() -> bool + Send + Sync>;

/// The open device as the screens hold it: cheap to clone, compared by identity.
#[derive(Clone)]
pub struct DeviceClient {
    channel: Arc<dyn Channel>,
    known: Arc<Mutex<Opened>>,
    wiped: Arc<AtomicBool>,
    on_write: Arc<Mutex<Vec<WriteListener>>>,
    /// Held through each sync: screens sharing this client (the preview's
    /// tabs) each run an auto-sync, and still only one sync runs at a time.
    syncing: Arc<futures_util::lock::Mutex<()>>,
}

impl PartialEq for DeviceClient {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.known, &other.known)
    }
}

/// A [`Reply`] that is not the one its request has: a fault of the
/// device, reported as such rather than shown wrongly.
fn unexpected(reply: &Reply) -> DeviceError {
    DeviceError::Store(format!("unexpected answer from the store: {reply:?}"))
}

/// Unwraps the one [`Reply`] variant a request has; any other is a fault of
/// the device, reported as such rather than shown wrongly.
macro_rules! expect_reply {
    ($reply:expr, $variant:ident) => {
        match $reply {
            Reply::$variant(value) => Ok(value),
            other => Err(unexpected(&other)),
        }
    };
}

impl DeviceClient {
    /// A client over `channel`, for the store that opened as `opened`.
    pub fn new(channel: impl Channel + 'static, opened: Opened) -> Self {
        Self {
            channel: Arc::new(channel),
            known: Arc::new(Mutex::new(opened)),
            wiped: Arc::default(),
            on_write: Arc::default(),
            syncing: Arc::default(),
        }
    }

    /// Calls `listener` after every write that should reach the team, until
    /// it answers `false` (the auto-sync of each app open on this store: the
    /// preview's tabs share one).
    pub fn on_write(&self, listener: impl Fn() -> bool + Send + Sync + 'static) {
        self.on_write.lock().unwrap_or_else(PoisonError::into_inner).push(Box::new(listener));
    }

    /// A key that is the same for clones and differs between clients (a
    /// wiped device set up again), so the app below can start afresh.
    #[must_use]
    pub fn key(&self) -> usize {
        Arc::as_ptr(&self.known).cast::<()>() as usize
    }

    fn known(&self) -> std::sync::MutexGuard<'_, Opened> {
        self.known.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// This device's identity (known since the store opened).
    #[must_use]
    pub fn me(&self) -> DeviceIdentity {
        self.known().me.clone()
    }

    /// The resident this device is handed to, if any.
    #[must_use]
    pub fn resident_lock(&self) -> Option<ResidentId> {
        self.known().resident_lock
    }

    /// The language this phone's person chose, if any (a BCP 47 tag).
    pub fn language(&self) -> Option<String> {
        self.known().language.clone()
    }

    /// Whose own phone this is, if a resident's.
    #[must_use]
    pub fn own_resident(&self) -> Option<ResidentId> {
        self.known().own_resident
    }

    /// Whether the team revoked this device and its store was deleted: every
    /// call after that refuses, and the app says so.
    #[must_use]
    pub fn wiped(&self) -> bool {
        self.wiped.load(Ordering::SeqCst)
    }

    /// Sends `request`, noting a wipe whichever call found it.
    pub async fn call(&self, request: Request) -> Result<Reply, DeviceError> {
        if self.wiped() {
            return Err(DeviceError::Wiped);
        }
        let writes = request.writes_for_the_team();
        let reply = self.channel.send(request).await;
        if reply == Err(DeviceError::Wiped) {
            self.wiped.store(true, Ordering::SeqCst);
        }
        if writes && reply.is_ok() {
            self.on_write.lock().unwrap_or_else(PoisonError::into_inner).retain(|listener| listener());
        }
        reply
    }

    async fn done(&self, request: Request) -> Result<(), DeviceError> {
        match self.call(request).await? {
            Reply::Done => Ok(()),
            other => Err(unexpected(&other)),
        }
    }

    /// The caseload, sorted by name.
    pub async fn caseload(&self) -> Result<Vec<CaseloadRow>, DeviceError> {
        expect_reply!(self.call(Request::Caseload).await?, Caseload)
    }

    /// Search names, offers, asks and goals.
    pub async fn search(&self, query: &str) -> Result<Vec<SearchHit>, DeviceError> {
        expect_reply!(self.call(Request::Search(query.to_owned())).await?, Hits)
    }

    /// Everything about one resident held here.
    pub async fn resident(&self, resident: ResidentId) -> Result<ResidentData, DeviceError> {
        expect_reply!(self.call(Request::Resident(resident)).await?, Resident).map(|data| *data)
    }

    /// Adds a resident.
    pub async fn create_resident(&self, name: &str) -> Result<ResidentId, DeviceError> {
        expect_reply!(self.call(Request::CreateResident(name.to_owned())).await?, Created)
    }

    /// Applies one edit, durably; answers the new item's id, if it added one.
    pub async fn edit(&self, resident: ResidentId, edit: Edit) -> Result<Option<ItemId>, DeviceError> {
        expect_reply!(self.call(Request::Edit(resident, edit)).await?, Edited).map(|e| e.item)
    }

    /// Keeps a voice note or photo and attaches it; answers its reference's id.
    pub async fn add_media(&self, resident: ResidentId, file: NewFile) -> Result<ItemId, DeviceError> {
        let edited = expect_reply!(self.call(Request::AddMedia(resident, Box::new(file))).await?, Edited)?;
        edited.item.ok_or_else(|| DeviceError::Store("the file was kept but no reference came back".into()))
    }

    /// Every voice note and photo on a resident's record, with its state.
    pub async fn media(&self, resident: ResidentId) -> Result<Vec<MediaItem>, DeviceError> {
        expect_reply!(self.call(Request::Media(resident)).await?, Media)
    }

    /// A file's bytes, fetched from the team if this phone lacks them.
    pub async fn media_bytes(&self, doc: DocumentId, hash: BlobHash) -> Result<Vec<u8>, DeviceError> {
        expect_reply!(self.call(Request::MediaBytes(doc, hash)).await?, Bytes)
    }

    /// Removes a voice note or photo, here at once and everywhere at the next sync.
    pub async fn remove_media(&self, resident: ResidentId, id: ItemId) -> Result<(), DeviceError> {
        self.done(Request::RemoveMedia(resident, id)).await
    }

    /// What voice notes and photos take on this phone, and the budget.
    pub async fn media_space(&self) -> Result<MediaSpace, DeviceError> {
        expect_reply!(self.call(Request::MediaSpace).await?, MediaSpace)
    }

    /// Sets how much fetched voice notes and photos may take, in megabytes.
    pub async fn set_media_budget(&self, megabytes: u64) -> Result<(), DeviceError> {
        self.done(Request::SetMediaBudget(megabytes)).await
    }

    /// The status bar's numbers.
    pub async fn overview(&self) -> Result<SyncOverview, DeviceError> {
        expect_reply!(self.call(Request::Overview).await?, Overview)
    }

    /// Syncs now.
    pub async fn sync_now(&self) -> Result<SyncSummary, DeviceError> {
        let _one_at_a_time = self.syncing.lock().await;
        expect_reply!(self.call(Request::SyncNow).await?, Synced)
    }

    /// Sets how often to sync while the app is open, in minutes (0: never).
    pub async fn set_auto_sync(&self, minutes: u32) -> Result<(), DeviceError> {
        self.done(Request::SetAutoSync(minutes)).await
    }

    /// Sets the language this phone's person reads the app in (`None`: the
    /// phone's own). The lock screen speaks it too.
    pub async fn set_language(&self, tag: Option<String>) -> Result<(), DeviceError> {
        self.done(Request::SetLanguage(tag)).await
    }

    /// Enrols with a relay; the device takes the role the invite gave (and,
    /// with a resident's invite, becomes that resident's own phone).
    pub async fn enrol(&self, relay: &str, code: &str) -> Result<(), DeviceError> {
        let request = Request::Enrol { relay: relay.to_owned(), code: code.to_owned() };
        let opened = expect_reply!(self.call(request).await?, Opened)?;
        *self.known() = opened;
        Ok(())
    }

    /// (Coordinator) Creates an invite for a person of `role`, named as the
    /// team will know them (a resident's own invite names the resident).
    pub async fn invite(
        &self,
        role: AuthorRole,
        resident: Option<ResidentId>,
        name: Option<String>,
    ) -> Result<InviteCard, DeviceError> {
        expect_reply!(self.call(Request::Invite { role, resident, name }).await?, Invite)
    }

    /// (Coordinator) The team's invites, newest first.
    pub async fn invites(&self) -> Result<Vec<InviteInfo>, DeviceError> {
        expect_reply!(self.call(Request::Invites).await?, Invites)
    }

    /// (Coordinator) Cancels an unused invite.
    pub async fn cancel_invite(&self, invite: uuid::Uuid) -> Result<(), DeviceError> {
        self.done(Request::CancelInvite(invite)).await
    }

    /// (Coordinator) The team's people and their devices.
    pub async fn people(&self) -> Result<PeopleResponse, DeviceError> {
        expect_reply!(self.call(Request::People).await?, People)
    }

    /// (Coordinator) Assigns a resident to a person, or ends it.
    pub async fn assign(&self, resident: ResidentId, person: uuid::Uuid, assigned: bool) -> Result<(), DeviceError> {
        self.done(Request::Assign { resident, person, assigned }).await
    }

    /// (Coordinator) Revokes a device.
    pub async fn revoke(&self, device: DeviceId) -> Result<(), DeviceError> {
        self.done(Request::Revoke(device)).await
    }

    /// (Coordinator) Takes a person off the team.
    pub async fn remove_person(&self, person: uuid::Uuid) -> Result<PersonRemovedResponse, DeviceError> {
        expect_reply!(self.call(Request::RemovePerson(person)).await?, PersonRemoved)
    }

    /// Renames this device.
    pub async fn set_device_name(&self, name: &str) -> Result<(), DeviceError> {
        let me = expect_reply!(self.call(Request::SetDeviceName(name.to_owned())).await?, Me)?;
        self.known().me = me;
        Ok(())
    }

    /// Hands the device to a resident, or takes it back.
    pub async fn set_resident_lock(&self, resident: Option<ResidentId>) -> Result<(), DeviceError> {
        self.done(Request::SetResidentLock(resident)).await?;
        self.known().resident_lock = resident;
        Ok(())
    }

    /// Who changed what and when about a resident: this device's history
    /// joined with the relay's, when it can be reached.
    pub async fn audit(&self, resident: ResidentId) -> Result<AuditView, DeviceError> {
        expect_reply!(self.call(Request::Audit(resident)).await?, Audit)
    }

    /// Everything held about a resident, as a readable page and as JSON.
    pub async fn subject_access(&self, resident: ResidentId) -> Result<SubjectAccess, DeviceError> {
        expect_reply!(self.call(Request::SubjectAccess(resident)).await?, SubjectAccess)
    }

    /// (Coordinator) Erases a resident everywhere: on the relay (so every
    /// device deletes them at its next sync) and on this device now.
    pub async fn erase_resident(&self, resident: ResidentId) -> Result<(), DeviceError> {
        self.done(Request::EraseResident(resident)).await?;
        let mut known = self.known();
        if known.resident_lock == Some(resident) {
            known.resident_lock = None;
        }
        Ok(())
    }

    /// A half-written form's words kept under `key`, if any.
    pub async fn draft(&self, key: &str) -> Result<Option<String>, DeviceError> {
        expect_reply!(self.call(Request::Draft(key.to_owned())).await?, Draft)
    }

    /// Keeps a half-written form's words, or forgets them.
    pub async fn set_draft(&self, key: &str, text: Option<String>) -> Result<(), DeviceError> {
        self.done(Request::SetDraft(key.to_owned(), text)).await
    }

    /// Removes a resident added by mistake, while nothing about them has left this device.
    pub async fn remove_unsent_resident(&self, resident: ResidentId) -> Result<(), DeviceError> {
        self.done(Request::RemoveUnsentResident(resident)).await?;
        let mut known = self.known();
        if known.resident_lock == Some(resident) {
            known.resident_lock = None;
        }
        Ok(())
    }

    /// Offers that might meet open asks across residents on this device, each
    /// with its reasons, leaving out those already suggested.
    pub async fn suggestions(&self) -> Result<Vec<Suggestion>, DeviceError> {
        expect_reply!(self.call(Request::Suggestions).await?, Suggestions)
    }

    /// Suggests an introduction to both residents (each must say yes).
    pub async fn introduce(&self, suggestion: Suggestion) -> Result<(), DeviceError> {
        self.done(Request::Introduce(suggestion)).await
    }

    /// Every introduction suggested on this device, newest first.
    pub async fn introductions(&self) -> Result<Vec<IntroView>, DeviceError> {
        expect_reply!(self.call(Request::Introductions).await?, Introductions)
    }

    /// The team directory, if this device holds it.
    pub async fn directory(&self) -> Result<Option<Directory>, DeviceError> {
        expect_reply!(self.call(Request::Directory).await?, Directory)
    }

    /// Adds a place or helper to the team directory.
    pub async fn add_place(&self, place: NewPlace) -> Result<(), DeviceError> {
        self.done(Request::AddPlace(place)).await
    }

    /// (Coordinator) Picks the team's short check-in (question keys).
    pub async fn set_short_checkin(&self, keys: Vec<String>) -> Result<(), DeviceError> {
        self.done(Request::SetShortCheckin(keys)).await
    }

    /// (Coordinator) How many days without a contact count as "not seen for a while".
    pub async fn set_not_seen_days(&self, days: u32) -> Result<(), DeviceError> {
        self.done(Request::SetNotSeenDays(days)).await
    }

    /// The Today screen for `date` (the phone's own calendar day).
    pub async fn today(&self, date: chrono::NaiveDate) -> Result<Today, DeviceError> {
        expect_reply!(self.call(Request::Today(date)).await?, Today).map(|t| *t)
    }

    /// The team's figures (no names; small numbers suppressed).
    pub async fn insights(&self) -> Result<TeamInsights, DeviceError> {
        expect_reply!(self.call(Request::Insights).await?, Insights).map(|i| *i)
    }

    /// The figures as CSV, and the pseudonymous per-resident CSV.
    pub async fn insight_csvs(&self) -> Result<(String, String), DeviceError> {
        match self.call(Request::InsightCsvs).await? {
            Reply::Csvs(figures, residents) => Ok((figures, residents)),
            other => Err(unexpected(&other)),
        }
    }

    /// Stories whose consent allows sharing, exactly as it says.
    pub async fn shareable_stories(&self) -> Result<Vec<SharedStory>, DeviceError> {
        expect_reply!(self.call(Request::ShareableStories).await?, Stories)
    }
}

/// What a platform without a fingerprint unlock the app can use says in
/// Settings (a native app on a computer, say).
pub const NO_FINGERPRINT_HERE: &str = "This device has no fingerprint or face unlock the app can use, so your PIN or passphrase alone protects its records: make it a long one.";

/// What the lock screens need from the launcher. Everything that touches
/// the store or its key file is async: in the browser it runs in the store's
/// worker, on native platforms on a blocking thread.
pub trait Vault: SendSyncOutsideWasm {
    /// Whether this device has a store yet; `false` means first run.
    fn has_store(&self) -> DeviceFuture<bool>;
    /// Wrong PINs so far, the wait left, how the phone unlocks and what the
    /// lock screen may say ([`LockState`]).
    fn lock_state(&self) -> DeviceFuture<LockState>;
    /// First run: creates the encrypted store under `pin` for `name`, and
    /// opens it; with `demo` (only where [`Vault::offers_demo`]), filled
    /// with the fictional demo caseload; with `fingerprint` (only where
    /// [`Vault::fingerprint_support`] says so), the phone's fingerprint or
    /// face unlock holds half of the secret.
    fn create(&self, name: &str, pin: &str, demo: bool, fingerprint: bool) -> DeviceFuture<DeviceClient>;
    /// Opens the store with `pin` (empty where the fingerprint alone
    /// unlocks) and, where this phone uses it, its fingerprint, which the
    /// vault asks the phone for. Wrong guesses are counted and back off.
    /// Returns the screens' client: the same one on every unlock.
    fn unlock(&self, pin: &str) -> DeviceFuture<DeviceClient>;
    /// The phone's own language (a BCP 47 tag), for a first run and for
    /// anyone who has not chosen one.
    fn phone_language(&self) -> Option<String> {
        None
    }
    /// Locks: closes the store and forgets its key. Every call but unlocking
    /// is refused ([`DeviceError::Locked`]) until it is unlocked again.
    /// The lock takes hold when this is called, not when the future is
    /// first polled: an unlock asked after it, even one that finishes
    /// first, is never undone by it.
    fn lock(&self) -> DeviceFuture<()>;
    /// Erases this phone (a forgotten PIN): deletes everything on it, so it
    /// can be set up and enrolled again.
    fn forget(&self) -> DeviceFuture<()>;
    /// Changes the PIN (the old one must be right; wrong ones are counted).
    fn change_pin(&self, old: &str, new: &str) -> DeviceFuture<()>;
    /// Erase this phone after this many wrong PINs in a row (`None`: never).
    fn set_erase_after(&self, after: Option<u32>) -> DeviceFuture<()>;
    /// Whether this phone can unlock with its fingerprint or face, or why not.
    fn fingerprint_support(&self) -> DeviceFuture<FingerprintSupport> {
        Box::pin(std::future::ready(Ok(FingerprintSupport::Unavailable(NO_FINGERPRINT_HERE.to_owned()))))
    }
    /// Turns the fingerprint unlock on (`pin_too`: the PIN is asked as well)
    /// or off. Needs the PIN, and the fingerprint where it is on now.
    fn set_fingerprint(&self, pin: &str, on: bool, pin_too: bool) -> DeviceFuture<()> {
        let _ = (pin, on, pin_too);
        Box::pin(std::future::ready(Err(DeviceError::refused(NO_FINGERPRINT_HERE))))
    }
    /// How long without a touch before the app locks itself.
    fn idle_limit(&self) -> Duration;
    /// The relay to offer in Settings: in the browser, the address the app
    /// was served from (the team's relay serves it).
    fn suggested_relay(&self) -> Option<String> {
        None
    }
    /// The space the app uses and has left, where the platform says (the
    /// browser does; a native app's disk is the phone's own business).
    fn storage(&self) -> DeviceFuture<Option<StorageInfo>> {
        Box::pin(std::future::ready(Ok(None)))
    }
    /// The name to suggest on the first-run screen.
    fn suggested_name(&self) -> String {
        String::new()
    }
    /// Whether the first run offers the fictional demo caseload: only where
    /// the app was started for trying it out (`--demo`, or `?demo` in the
    /// browser), never on a real phone by default.
    fn offers_demo(&self) -> bool {
        false
    }
}

/// The vault as components hold it.
pub type SharedVault = Arc<dyn Vault>;
