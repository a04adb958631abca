//! A resident's record: who changed what and when (this device's history
//! joined with the relay's), the subject access copy, and erasure everywhere.

use std::collections::BTreeMap;

use connect_model::AuthorRole;
use connect_model::ResidentId;
use connect_model::history::{self, AcceptedRecord, KnownDevice};
use connect_store::DocumentStore;
use connect_ui::backend::BackendError;

use super::{StoreBackend, now, store_error};
use connect_ui::backend::{AuditView, SubjectAccess};

use super::RESIDENT_LOCK_SETTING;

/// Why a device with no relay shows only its own half of the audit trail
/// (the browser's worker says the same).
pub const NO_RELAY_HISTORY: &str = "This device is not connected to a team relay.";

/// The refusal of an erasure on a device with no relay: it must reach every
/// device, so it goes through the relay or not at all.
#[must_use]
pub fn erasure_needs_a_relay() -> BackendError {
    BackendError::refused("Connect this device to the team relay first: an erasure must reach every device.")
}

impl<S: DocumentStore + Send> StoreBackend<S> {
    /// Who changed what and when about a resident: this device's history
    /// joined with the relay's, when it can be reached.
    pub fn audit(&self, resident: ResidentId) -> Result<AuditView, BackendError> {
        let relay = self.relay_history(resident)?;
        self.audit_with(resident, relay)
    }

    /// The relay's records of a resident's documents: `Ok(None)` when this
    /// device has no relay, an error in words when it cannot be reached, and
    /// [`BackendError::Wiped`] when the team revoked this device.
    fn relay_history(&self, resident: ResidentId) -> Result<Result<Vec<AcceptedRecord>, String>, BackendError> {
        match self.enrolled_network() {
            Some(n) => match self.reach(n.resident_history(resident)) {
                Ok(records) => Ok(Ok(records)),
                Err(BackendError::Wiped) => Err(BackendError::Wiped),
                Err(e) => Ok(Err(e.to_string())),
            },
            None => Ok(Err(NO_RELAY_HISTORY.to_owned())),
        }
    }

    /// [`Self::audit`] with the relay's half already fetched (in the browser,
    /// the worker fetches it over `fetch` first).
    pub fn audit_with(
        &self,
        resident: ResidentId,
        relay: Result<Vec<AcceptedRecord>, String>,
    ) -> Result<AuditView, BackendError> {
        let me = self.me()?;
        let local = self.with(|s| {
            let mut local = Vec::new();
            for id in connect_store::resident_documents(resident) {
                match s.load(id) {
                    Ok(doc) => local.push((id.kind(), history::history(&doc))),
                    Err(connect_store::StoreError::NotFound(_)) => {}
                    Err(e) => return Err(store_error(e)),
                }
            }
            Ok(local)
        })?;
        let (relay, relay_problem) = match relay {
            Ok(records) => (records, None),
            Err(why) => (Vec::new(), Some(why)),
        };
        let known = BTreeMap::from([(
            me.device_id,
            KnownDevice { person: me.person_name, role: me.role, device_name: me.device_name },
        )]);
        Ok(AuditView { entries: history::audit_trail(&local, &relay, &known), relay_problem })
    }

    /// Everything held about a resident, as a readable page and as JSON.
    pub fn subject_access(&self, resident: ResidentId) -> Result<SubjectAccess, BackendError> {
        let relay = self.relay_history(resident)?;
        self.subject_access_with(resident, relay.ok())
    }

    /// [`Self::subject_access`] with the relay's records already fetched.
    pub fn subject_access_with(
        &self,
        resident: ResidentId,
        relay: Option<Vec<AcceptedRecord>>,
    ) -> Result<SubjectAccess, BackendError> {
        let now = now();
        let mut export =
            self.with(|s| connect_store::export::export_resident(s, resident, now).map_err(store_error))?;
        if let Some(records) = relay {
            export.join_relay(&records);
        }
        let name = export.page.as_ref().map_or_else(|| resident.to_string(), |p| p.preferred_name.clone());
        let slug: String = name
            .chars()
            .map(|c| if c.is_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
            .collect::<String>()
            .split('-')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        Ok(SubjectAccess {
            file_stem: format!("everything-held-about-{slug}-{}", now.to_datetime().format("%Y-%m-%d")),
            html: connect_store::export::to_html(&export),
            json: serde_json::to_string_pretty(&export).map_err(BackendError::store)?,
        })
    }

    /// (Coordinator) Erases a resident everywhere: on the relay (so every
    /// device deletes them at its next sync) and on this device now.
    pub fn erase_resident(&self, resident: ResidentId) -> Result<(), BackendError> {
        self.may_erase()?;
        let Some(network) = self.enrolled_network() else { return Err(erasure_needs_a_relay()) };
        self.reach(network.erase_resident(resident))?;
        self.erase_here(resident)
    }

    /// Refuses an erasure this device's person may not ask for.
    pub fn may_erase(&self) -> Result<(), BackendError> {
        if self.me()?.role == AuthorRole::Coordinator {
            Ok(())
        } else {
            Err(BackendError::refused("Only a coordinator can erase a resident."))
        }
    }

    /// Deletes a resident from this device, once the relay has erased them.
    pub fn erase_here(&self, resident: ResidentId) -> Result<(), BackendError> {
        self.with(|s| {
            for id in connect_store::resident_documents(resident) {
                s.erase(id).map_err(store_error)?;
            }
            if s.setting(RESIDENT_LOCK_SETTING).map_err(store_error)?.as_deref() == Some(resident.to_string().as_str())
            {
                s.set_setting(RESIDENT_LOCK_SETTING, None).map_err(store_error)?;
            }
            Ok(())
        })
    }
}
