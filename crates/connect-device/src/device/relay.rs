//! What the device does with the team relay: sync, enrolment, and the
//! coordinator's calls (invites, people, assignments, revocation). Every call
//! reads where the relay is from the store, goes through the [`Network`], and
//! meets one rule on the way back: a device the team revoked deletes its store
//! at once, whatever it asked.

use connect_model::history::AcceptedRecord;
use connect_model::{AuthorRole, DeviceId, ResidentId};
use connect_store::{DeviceIdentity, DocumentStore, StoreError};
use connect_sync::api::{
    AssignRequest, EnrolRequest, EnrolResponse, InviteInfo, InviteRequest, InviteResponse, PeopleResponse,
    PersonRemovedResponse,
};
use connect_sync::{SyncError, SyncReport, http};

use super::{Device, store_error};
use crate::DeviceError;
use crate::api::views::{InviteCard, SyncSummary};
use crate::network::{Network, RelayAccess};
use crate::session::SharedSession;

/// Why a device with no relay shows only its own half of the audit trail.
pub const NO_RELAY_HISTORY: &str = "This phone is not part of a team yet.";

/// The relay this store is enrolled with: its address, the device's token,
/// and whether plain HTTP was allowed. `None` before enrolment.
pub fn relay_access(store: &impl DocumentStore) -> Result<Option<RelayAccess>, StoreError> {
    match (store.setting(http::RELAY_URL_SETTING)?, store.setting(http::RELAY_TOKEN_SETTING)?) {
        (Some(url), Some(token)) => Ok(Some(RelayAccess {
            url,
            token,
            allow_insecure_http: store.setting(http::INSECURE_SETTING)?.as_deref() == Some("true"),
        })),
        _ => Ok(None),
    }
}

/// Records an enrolment: the relay, the token, the team and person, the role
/// the invite gave (the relay's word on it is the one that counts), and, for a
/// resident's invite, whose own phone this now is.
fn record_enrolment(
    store: &mut impl DocumentStore,
    relay: &str,
    allow_insecure_http: bool,
    enrolled: &EnrolResponse,
    me: DeviceIdentity,
) -> Result<(), StoreError> {
    store.set_setting(http::RELAY_URL_SETTING, Some(relay.trim()))?;
    store.set_setting(http::RELAY_TOKEN_SETTING, Some(&enrolled.token))?;
    store.set_setting(http::TEAM_SETTING, Some(&enrolled.team.to_string()))?;
    store.set_setting(http::PERSON_SETTING, Some(&enrolled.person.person_id.to_string()))?;
    if allow_insecure_http {
        store.set_setting(http::INSECURE_SETTING, Some("true"))?;
    }
    if let Some(resident) = enrolled.person.resident {
        // A resident's own phone: it opens on their screens from now on.
        store.set_setting(http::OWN_RESIDENT_SETTING, Some(&resident.to_string()))?;
    }
    store.set_identity(&DeviceIdentity { role: enrolled.person.role, ..me })
}

/// A sync error in words for the person holding the phone: no codes, no
/// technical detail of a failed connection (it helps nobody on a doorstep;
/// the command line and the logs keep it).
#[must_use]
pub fn plain(e: &SyncError) -> String {
    match e {
        SyncError::Unreachable(_) => "No connection to the team right now.".into(),
        SyncError::Refused { message, .. } => crate::sentence(message),
        SyncError::UpdateApp => "This app needs updating before it can reach the team.".into(),
        SyncError::UpdateRelay => "The team's server needs updating: tell your coordinator.".into(),
        SyncError::RateLimited { .. } => "The team's server asked this phone to wait a little.".into(),
        SyncError::Busy { .. } => "The team's server is busy just now; nothing was changed.".into(),
        other => crate::sentence(other),
    }
}

impl From<&SyncReport> for SyncSummary {
    fn from(report: &SyncReport) -> Self {
        SyncSummary {
            rounds: report.rounds,
            changed: report.documents_changed,
            pending: report.pending,
            refused: report.rejected.iter().map(|(id, why)| format!("{} was not accepted: {why}", id.kind())).collect(),
            media: crate::api::MediaReport::default(),
        }
    }
}

impl<S: DocumentStore, N: Network> Device<S, N> {
    /// Where the relay is, or [`DeviceError::NotEnrolled`].
    pub fn relay(&self) -> Result<RelayAccess, DeviceError> {
        self.with_store(|s| relay_access(s))?.ok_or(DeviceError::NotEnrolled)
    }

    /// A relay call's outcome as the device takes it: a revoked device is
    /// wiped; no connection at all is [`DeviceError::Unreachable`] (the only
    /// failure after which a native platform probes for the relay); any other
    /// answer is the relay's, in words.
    pub(crate) fn reached<T>(&self, result: Result<T, SyncError>) -> Result<T, DeviceError> {
        result.map_err(|e| match e {
            SyncError::Revoked => self.wipe(),
            SyncError::Unreachable(_) => DeviceError::Unreachable(plain(&e)),
            SyncError::RateLimited { retry_after } | SyncError::Busy { retry_after } => {
                DeviceError::Wait { words: plain(&e), seconds: retry_after.map_or(0, |d| d.as_secs()) }
            }
            other => DeviceError::Network(plain(&other)),
        })
    }

    /// Syncs documents, then media: what the sync chip and `connect sync` do.
    /// Media never holds up documents, which go first; a media round that
    /// finds no signal stops quietly and resumes next time.
    pub async fn sync_everything(&self) -> Result<SyncSummary, DeviceError> {
        let mut summary = SyncSummary::from(&self.sync().await?);
        summary.media = self.media_round(summary.changed > 0).await?;
        Ok(summary)
    }

    /// Syncs the documents now: the whole session, on this device's own store (lent to the
    /// session one step at a time, so the screens go on reading and writing
    /// while it waits for the relay).
    pub async fn sync(&self) -> Result<SyncReport, DeviceError> {
        let relay = self.relay()?;
        let outcome = self.network.sync(&relay, &mut SharedSession(self), chrono::Utc::now()).await;
        self.reached(outcome)
    }

    /// Enrols with the relay at `relay` with an invite code, once.
    pub async fn enrol(
        &self,
        relay: &str,
        code: &str,
        allow_insecure_http: bool,
    ) -> Result<EnrolResponse, DeviceError> {
        if self.relay().is_ok() {
            return Err(DeviceError::refused(
                "This device is already connected to a team. A device joins one team once: to join another, \
                 set it up again.",
            ));
        }
        let me = self.me()?;
        let request = EnrolRequest {
            invite: code.trim().to_owned(),
            device_id: me.device_id,
            device_name: me.device_name.clone(),
            person_name: me.person_name.clone(),
        };
        let enrolled = self.reached(self.network.enrol(relay, &request, allow_insecure_http).await)?;
        self.with_store(|s| record_enrolment(s, relay, allow_insecure_http, &enrolled, me))?;
        Ok(enrolled)
    }

    /// (Coordinator) Creates an invite for a person of `role` (a resident's
    /// own names them), valid for `hours` (the relay's default if `None`),
    /// for the person the coordinator `name`s: the name the team's records
    /// show, whatever the enrolling phone calls its person. Refused without
    /// one, before the relay is asked.
    pub async fn invite(
        &self,
        role: AuthorRole,
        resident: Option<ResidentId>,
        hours: Option<i64>,
        name: Option<String>,
    ) -> Result<InviteResponse, DeviceError> {
        let Some(name) = connect_sync::api::invite_name(name.as_deref()) else {
            return Err(DeviceError::refused(crate::sentence(connect_sync::api::INVITE_NEEDS_A_NAME)));
        };
        let relay = self.relay()?;
        self.reached(self.network.invite(&relay, &InviteRequest { role, resident, hours, name: Some(name) }).await)
    }

    /// [`Device::invite`], as the screens show it: with the relay's address,
    /// for the QR code.
    pub async fn invite_to_show(
        &self,
        role: AuthorRole,
        resident: Option<ResidentId>,
        name: Option<String>,
    ) -> Result<InviteCard, DeviceError> {
        let name = connect_sync::api::invite_name(name.as_deref());
        let issued = self.invite(role, resident, None, name.clone()).await?;
        Ok(InviteCard {
            invite_id: issued.invite_id,
            code: issued.code,
            relay: self.relay()?.url,
            name,
            expires_at: issued.expires_at,
        })
    }

    /// (Coordinator) The team's invites, newest first (never their codes).
    pub async fn invites(&self) -> Result<Vec<InviteInfo>, DeviceError> {
        let relay = self.relay()?;
        Ok(self.reached(self.network.invites(&relay).await)?.invites)
    }

    /// (Coordinator) Cancels an unused invite: its code stops working.
    pub async fn cancel_invite(&self, invite: uuid::Uuid) -> Result<(), DeviceError> {
        let relay = self.relay()?;
        self.reached(self.network.cancel_invite(&relay, invite).await)
    }

    /// (Coordinator) Ends a resident's assignment to a person: their devices
    /// stop receiving the resident.
    pub async fn unassign(&self, resident: ResidentId, person: uuid::Uuid) -> Result<(), DeviceError> {
        let relay = self.relay()?;
        self.reached(self.network.unassign(&relay, &AssignRequest { resident, person }).await)
    }

    /// (Coordinator) Takes a person off the team: every device of theirs is
    /// revoked (and wipes itself at its next contact), and the unused
    /// invites those devices made are cancelled.
    pub async fn remove_person(&self, person: uuid::Uuid) -> Result<PersonRemovedResponse, DeviceError> {
        let relay = self.relay()?;
        self.reached(self.network.remove_person(&relay, person).await)
    }

    /// (Coordinator) The team's people and devices.
    pub async fn people(&self) -> Result<PeopleResponse, DeviceError> {
        let relay = self.relay()?;
        self.reached(self.network.people(&relay).await)
    }

    /// (Coordinator) Assigns a resident to a supporter: their devices receive
    /// the resident at their next sync.
    pub async fn assign(&self, resident: ResidentId, person: uuid::Uuid) -> Result<(), DeviceError> {
        let relay = self.relay()?;
        self.reached(self.network.assign(&relay, &AssignRequest { resident, person }).await)
    }

    /// (Coordinator) Revokes a device: its next contact with the relay wipes it.
    pub async fn revoke(&self, device: DeviceId) -> Result<(), DeviceError> {
        let relay = self.relay()?;
        self.reached(self.network.revoke(&relay, device).await)
    }

    /// The relay's records of a resident's documents: `Ok(None)` when this
    /// device has no relay, why not in words when it cannot be reached, and
    /// [`DeviceError::Wiped`] when the team revoked this device.
    pub(crate) async fn relay_history(
        &self,
        resident: ResidentId,
    ) -> Result<Result<Vec<AcceptedRecord>, String>, DeviceError> {
        let Some(relay) = self.with_store(|s| relay_access(s))? else {
            return Ok(Err(NO_RELAY_HISTORY.to_owned()));
        };
        match self.reached(self.network.history(&relay, resident).await) {
            Ok(records) => Ok(Ok(records)),
            Err(DeviceError::Wiped) => Err(DeviceError::Wiped),
            Err(e) => Ok(Err(e.to_string())),
        }
    }

    /// Documents with changes not yet on the relay.
    pub fn pending(&self) -> Result<usize, DeviceError> {
        self.with(|s| Ok(s.pending().map_err(store_error)?.len()))
    }
}
