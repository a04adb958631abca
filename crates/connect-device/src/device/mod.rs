//! The device: answers every [`Request`] from a [`DocumentStore`], and reaches
//! the team relay through a [`Network`]. The screens on every platform, the
//! web app's store worker and the `connect` command line all call it, so each
//! step (which document an edit lands in, who is speaking, what enrolment
//! records, what a revoked device deletes) is written once.
//!
//! By area: [`residents`] (the caseload, one resident, every edit), [`record`]
//! (audit trail, subject access, erasure, raw documents), [`relay`] (sync,
//! enrolment and the coordinator's calls), [`team`] (matches, directory,
//! insights, stories), [`find`] (names and id prefixes a person types),
//! [`media`] (voice notes and photos, and their own sync queue) and the
//! settings here.

pub mod find;
pub mod media;
pub mod record;
pub mod relay;
pub mod residents;
pub mod team;

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use connect_model::{ResidentId, Timestamp};
use connect_store::{DeviceIdentity, DocumentStore, StoreError};
use connect_sync::http;

use crate::api::lock::Opened;
use crate::api::views::{DEFAULT_AUTO_SYNC_MINUTES, SyncOverview};
use crate::api::{Edited, Reply, Request};
use crate::network::Network;
use crate::{DeviceError, sentence};

/// Store setting: the resident this device is handed to.
pub const RESIDENT_LOCK_SETTING: &str = "resident_lock";
/// The setting that holds the language this phone's person reads the app in.
pub const LANGUAGE_SETTING: &str = "language";
/// How often the open app syncs, in minutes (absent: the default; 0: never).
pub const AUTO_SYNC_SETTING: &str = "auto_sync_minutes";
/// The longest regular period Settings offers, in minutes.
const AUTO_SYNC_MAX_MINUTES: u32 = 24 * 60;

pub use connect_sync::http::OWN_RESIDENT_SETTING;

/// The forms whose drafts are kept per resident.
pub const DRAFT_FORMS: [&str; 6] = ["note", "offer", "ask", "goal", "about", "story"];

/// The store setting a draft is kept under.
fn draft_setting(key: &str) -> String {
    format!("draft:{key}")
}

/// Deletes the store's files (the database, its key file, anything beside
/// them) after the team revoked this device: the platform knows where they are.
pub type Wipe = Box<dyn Fn() -> Result<(), StoreError> + Send + Sync>;

/// The device over a store and a network.
pub struct Device<S, N> {
    /// `None` once the device was wiped, or closed when the app locked.
    store: Mutex<Option<S>>,
    /// Closed by [`Device::close`] (locked), not wiped.
    closed: AtomicBool,
    /// Wiped by [`Device::wipe`]: the team revoked this device and its files
    /// were deleted. Said only by the wipe itself, never inferred from an
    /// empty store: a lock closing the store while a call was in flight once
    /// looked like a wipe, and the vault deleted the files of a phone that
    /// had only locked.
    wiped: AtomicBool,
    network: N,
    wipe: Wipe,
}

/// A store error as a person reads it: what they asked for that cannot be (a
/// word limit, a resident not here) is a refusal; the rest is the store's own
/// failure.
pub(crate) fn store_error(e: StoreError) -> DeviceError {
    match e {
        StoreError::Model(m) => DeviceError::Refused(sentence(m)),
        StoreError::NotFound(_) => DeviceError::refused("That is not on this device."),
        other => DeviceError::store(sentence(other)),
    }
}

/// Now, for stamping edits.
pub(crate) fn now() -> Timestamp {
    Timestamp::new(chrono::Utc::now())
}

impl<S: DocumentStore, N: Network> Device<S, N> {
    /// A device over `store`, reaching the relay through `network`. A revoked
    /// device only forgets its store; [`Device::wiping_with`] also deletes it.
    pub fn new(store: S, network: N) -> Self {
        Self {
            store: Mutex::new(Some(store)),
            closed: AtomicBool::new(false),
            wiped: AtomicBool::new(false),
            network,
            wipe: Box::new(|| Ok(())),
        }
    }

    /// The same device, deleting its files with `wipe` when the team revokes it.
    #[must_use]
    pub fn wiping_with(self, wipe: Wipe) -> Self {
        Self { wipe, ..self }
    }

    /// Runs `f` on the store, unless the device was wiped.
    pub(crate) fn with<T>(&self, f: impl FnOnce(&mut S) -> Result<T, DeviceError>) -> Result<T, DeviceError> {
        let mut store = self.store.lock().map_err(|_| DeviceError::Unavailable)?;
        match store.as_mut() {
            Some(s) => f(s),
            None if self.closed.load(Ordering::SeqCst) => Err(DeviceError::Locked),
            None => Err(DeviceError::Wiped),
        }
    }

    /// Closes the store, and with it SQLCipher's copy of the key: the app
    /// locked. Every call after this answers [`DeviceError::Locked`], even
    /// one that began before (a sync waiting for the relay fails at its
    /// next step, and loses nothing); unlocking opens a new device.
    pub fn close(&self) {
        if let Ok(mut store) = self.store.lock()
            && store.is_some()
        {
            self.closed.store(true, Ordering::SeqCst);
            drop(store.take());
        }
    }

    /// Runs `f` on the open store, its errors in a person's words.
    pub fn with_store<T>(&self, f: impl FnOnce(&mut S) -> Result<T, StoreError>) -> Result<T, DeviceError> {
        self.with(|s| f(s).map_err(store_error))
    }

    /// Whether the store was deleted after the team revoked this device.
    #[must_use]
    pub fn wiped(&self) -> bool {
        self.wiped.load(Ordering::SeqCst)
    }

    /// This device's identity.
    pub fn me(&self) -> Result<DeviceIdentity, DeviceError> {
        self.with(|s| s.identity().map_err(store_error)?.ok_or(DeviceError::Store("no device identity".into())))
    }

    /// What the screens know at once when the store opens.
    pub fn opened(&self) -> Result<Opened, DeviceError> {
        Ok(Opened {
            me: self.me()?,
            resident_lock: self.resident_lock()?,
            own_resident: self.own_resident()?,
            language: self.language()?,
        })
    }

    /// The resident whose own phone this is (enrolled with their invite), if any.
    fn own_resident(&self) -> Result<Option<ResidentId>, DeviceError> {
        Ok(self.with_store(|s| s.setting(OWN_RESIDENT_SETTING))?.and_then(|r| r.parse().ok()))
    }

    /// Answers one request: the ones that reach the relay wait for it, the
    /// rest are the store's alone.
    pub async fn call(&self, request: Request) -> Result<Reply, DeviceError> {
        let done = |()| Reply::Done;
        Ok(match request {
            Request::SyncNow => Reply::Synced(self.sync_everything().await?),
            Request::MediaBytes(doc, hash) => Reply::Bytes(self.media_bytes(doc, hash).await?),
            Request::Enrol { relay, code } => {
                self.enrol(&relay, &code, false).await?;
                Reply::Opened(self.opened()?)
            }
            Request::Invite { role, resident, name } => Reply::Invite(self.invite_to_show(role, resident, name).await?),
            Request::Invites => Reply::Invites(self.invites().await?),
            Request::CancelInvite(invite) => done(self.cancel_invite(invite).await?),
            Request::People => Reply::People(self.people().await?),
            Request::Assign { resident, person, assigned: true } => done(self.assign(resident, person).await?),
            Request::Assign { resident, person, assigned: false } => done(self.unassign(resident, person).await?),
            Request::Revoke(device) => done(self.revoke(device).await?),
            Request::RemovePerson(person) => Reply::PersonRemoved(self.remove_person(person).await?),
            Request::Audit(r) => Reply::Audit(self.audit(r).await?),
            Request::SubjectAccess(r) => Reply::SubjectAccess(self.subject_access(r).await?),
            Request::EraseResident(r) => done(self.erase_resident(r).await?),
            here => self.answer_here(here)?,
        })
    }

    /// Answers a request that needs only the store.
    fn answer_here(&self, request: Request) -> Result<Reply, DeviceError> {
        let done = |()| Reply::Done;
        Ok(match request {
            Request::Me => Reply::Me(self.me()?),
            Request::Caseload => Reply::Caseload(self.caseload()?),
            Request::Search(query) => Reply::Hits(self.search(&query)?),
            Request::Resident(r) => Reply::Resident(Box::new(self.resident_view(r)?)),
            Request::CreateResident(name) => Reply::Created(self.create_resident(&name)?),
            Request::Edit(r, edit) => Reply::Edited(Edited { item: self.edit(r, edit)? }),
            Request::AddMedia(r, file) => Reply::Edited(Edited { item: Some(self.add_media(r, *file)?.0) }),
            Request::Media(r) => Reply::Media(self.media_of(r)?),
            Request::RemoveMedia(r, id) => done(self.remove_media(r, id)?),
            Request::SetMediaBudget(mb) => done(self.set_media_budget(mb)?),
            Request::MediaSpace => Reply::MediaSpace(self.media_space()?),
            Request::Overview => Reply::Overview(self.overview()?),
            Request::SetDeviceName(name) => Reply::Me(self.set_device_name(&name)?),
            Request::ResidentLock => Reply::ResidentLock(self.resident_lock()?),
            Request::SetResidentLock(r) => done(self.set_resident_lock(r)?),
            Request::SetAutoSync(minutes) => done(self.set_auto_sync(minutes)?),
            Request::SetLanguage(tag) => done(self.set_language(tag.as_deref())?),
            Request::Suggestions => Reply::Suggestions(self.suggestions()?),
            Request::Introduce(s) => done(self.introduce(&s).map(drop)?),
            Request::Introductions => Reply::Introductions(self.introductions()?),
            Request::Directory => Reply::Directory(self.directory()?),
            Request::AddPlace(place) => done(self.add_place(&place)?),
            Request::SetShortCheckin(keys) => done(self.set_short_checkin(&keys)?),
            Request::SetNotSeenDays(days) => done(self.set_not_seen_days(days)?),
            Request::Today(date) => Reply::Today(Box::new(self.today(date)?)),
            Request::RemoveUnsentResident(r) => done(self.remove_unsent_resident(r)?),
            Request::Draft(key) => Reply::Draft(self.draft(&key)?),
            Request::SetDraft(key, text) => done(self.set_draft(&key, text.as_deref())?),
            Request::Insights => Reply::Insights(Box::new(self.insights()?)),
            Request::InsightCsvs => {
                let (figures, residents) = self.insight_csvs()?;
                Reply::Csvs(figures, residents)
            }
            Request::ShareableStories => Reply::Stories(self.shareable_stories()?),
            Request::SyncNow
            | Request::MediaBytes(..)
            | Request::Enrol { .. }
            | Request::Invite { .. }
            | Request::Invites
            | Request::CancelInvite(_)
            | Request::People
            | Request::Assign { .. }
            | Request::Revoke(_)
            | Request::RemovePerson(_)
            | Request::Audit(_)
            | Request::SubjectAccess(_)
            | Request::EraseResident(_) => {
                return Err(DeviceError::Store("a call to the relay was answered without it".into()));
            }
        })
    }

    /// The status bar's numbers.
    pub fn overview(&self) -> Result<SyncOverview, DeviceError> {
        let media_pending = self.media_pending()?;
        self.with_store(|s| {
            let pending = s.pending()?;
            let mut unsent = 0;
            for &id in &pending {
                let since = s.synced_heads(id)?.unwrap_or_default();
                unsent += connect_model::history::things_done_since(&s.load(id)?, id.kind(), &since);
            }
            Ok(SyncOverview {
                pending: pending.len(),
                unsent,
                last_sync: s.setting(connect_sync::driver::LAST_SYNC_SETTING)?,
                enrolled: s.setting(http::RELAY_TOKEN_SETTING)?.is_some(),
                relay: s.setting(http::RELAY_URL_SETTING)?,
                demo: s.setting(crate::demo::DEMO_SETTING)?.is_some(),
                auto_sync_minutes: s
                    .setting(AUTO_SYNC_SETTING)?
                    .and_then(|m| m.parse().ok())
                    .unwrap_or(DEFAULT_AUTO_SYNC_MINUTES),
                media_pending,
            })
        })
    }

    /// The resident this device is handed to, if any.
    pub fn resident_lock(&self) -> Result<Option<ResidentId>, DeviceError> {
        let value = self.with_store(|s| s.setting(RESIDENT_LOCK_SETTING))?;
        Ok(value.and_then(|r| r.parse().ok()))
    }

    /// Hands the device to a resident, or takes it back.
    pub fn set_resident_lock(&self, resident: Option<ResidentId>) -> Result<(), DeviceError> {
        let value = resident.map(|r| r.to_string());
        self.with_store(|s| s.set_setting(RESIDENT_LOCK_SETTING, value.as_deref()))
    }

    /// The language this phone's person chose, if any.
    pub fn language(&self) -> Result<Option<String>, DeviceError> {
        self.with_store(|s| s.setting(LANGUAGE_SETTING))
    }

    /// Sets the language this phone's person reads the app in; `None` goes
    /// back to the phone's own. A tag that is not one is refused in words.
    pub fn set_language(&self, tag: Option<&str>) -> Result<(), DeviceError> {
        let tag =
            tag.map(connect_model::page::language_tag).transpose().map_err(|e| DeviceError::refused(e.to_string()))?;
        self.with_store(|s| s.set_setting(LANGUAGE_SETTING, tag.as_deref()))
    }

    /// The language the lock screen should speak now: while the phone is
    /// handed to a resident, and on a resident's own phone, theirs (if they
    /// chose one), else this phone's.
    pub fn lock_screen_language(&self) -> Result<Option<String>, DeviceError> {
        if let Some(resident) = self.resident_lock()?.or(self.own_resident()?) {
            let page = self
                .with_store(|s| s.load(connect_model::DocumentId::resident(resident, connect_model::DocKind::Page)));
            if let Some(tag) = page.ok().and_then(|d| connect_model::page::read(&d).ok()).and_then(|p| p.language) {
                return Ok(Some(tag));
            }
        }
        self.language()
    }

    /// Sets how often the open app syncs, in minutes (0: never).
    pub fn set_auto_sync(&self, minutes: u32) -> Result<(), DeviceError> {
        if minutes > AUTO_SYNC_MAX_MINUTES {
            return Err(DeviceError::refused(format!(
                "Sync at least once a day while the app is open ({AUTO_SYNC_MAX_MINUTES} minutes), or turn it off."
            )));
        }
        self.with_store(|s| s.set_setting(AUTO_SYNC_SETTING, Some(&minutes.to_string())))
    }

    /// A half-written form's words, kept under `key` (its resident's id and
    /// the form's name: "…:note").
    pub fn draft(&self, key: &str) -> Result<Option<String>, DeviceError> {
        self.with_store(|s| s.setting(&draft_setting(key)))
    }

    /// Keeps a half-written form's words in the (encrypted) store, or forgets them.
    pub fn set_draft(&self, key: &str, text: Option<&str>) -> Result<(), DeviceError> {
        let text = text.filter(|t| !t.trim().is_empty());
        if let Some(t) = text {
            connect_model::limits::optional("draft", t, connect_model::limits::LONG_TEXT_MAX)
                .map_err(|e| DeviceError::Refused(sentence(e)))?;
        }
        self.with_store(|s| s.set_setting(&draft_setting(key), text))
    }

    /// Renames this device.
    pub fn set_device_name(&self, name: &str) -> Result<DeviceIdentity, DeviceError> {
        let name = connect_model::limits::required("device name", name, connect_model::limits::NAME_MAX)
            .map_err(|e| DeviceError::Refused(sentence(e)))?;
        let me = DeviceIdentity { device_name: name, ..self.me()? };
        self.with_store(|s| s.set_identity(&me))?;
        Ok(me)
    }

    /// Forgets the store and deletes its files: the team revoked this device.
    fn wipe(&self) -> DeviceError {
        if let Ok(mut store) = self.store.lock() {
            // Closed before its files go.
            self.wiped.store(true, Ordering::SeqCst);
            drop(store.take());
        }
        match (self.wipe)() {
            Ok(()) => DeviceError::Wiped,
            Err(e) => DeviceError::Store(format!(
                "This device was removed from the team, but deleting its records failed: {}",
                sentence(e)
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::Device;
    use crate::network::HttpNetwork;

    /// A lock closes the store while calls may be in flight; each call then
    /// asks whether the device was wiped, and a yes deletes the phone's
    /// files. Closing must never read as wiping, however the two interleave.
    #[test]
    fn a_store_closed_by_a_lock_never_reads_as_wiped_while_it_closes() {
        for _ in 0..2_000 {
            let device = Arc::new(Device::new(connect_store::MemoryStore::new(), HttpNetwork));
            let closer = {
                let device = Arc::clone(&device);
                std::thread::spawn(move || device.close())
            };
            let mut seen_wiped = false;
            while !closer.is_finished() {
                seen_wiped |= device.wiped();
            }
            closer.join().unwrap();
            assert!(!seen_wiped && !device.wiped(), "a lock is never a wipe");
        }
    }
}
