//! A resident's record: who changed what and when (this device's history
//! joined with the relay's), everything held about them (the subject access
//! copy, and the raw documents), and erasure everywhere.

use std::collections::BTreeMap;

use connect_model::history::{self, KnownDevice};
use connect_model::{AuthorRole, DocumentId, ResidentId, Timestamp};
use connect_store::{DocumentStore, StoreError};

use super::{Device, RESIDENT_LOCK_SETTING, now, store_error};
use crate::DeviceError;
use crate::api::{AuditView, SubjectAccess};
use crate::export::{self, ImportOutcome, ResidentExport};
use crate::network::Network;

/// The refusal of an erasure on a device with no relay: it must reach every
/// device, so it goes through the relay or not at all.
#[must_use]
pub fn erasure_needs_a_relay() -> DeviceError {
    DeviceError::refused("Join the team first: an erasure must reach every phone.")
}

/// A file name for a copy about `name` made at `now`: "everything-held-about-doreen-smith-2026-11-24".
fn file_stem(name: &str, now: Timestamp) -> String {
    let slug: String = name
        .chars()
        .map(|c| if c.is_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    format!("everything-held-about-{slug}-{}", now.to_datetime().format("%Y-%m-%d"))
}

impl<S: DocumentStore, N: Network> Device<S, N> {
    /// Who changed what and when about a resident: this device's history
    /// joined with the relay's, when it can be reached (why not, if not).
    pub async fn audit(&self, resident: ResidentId) -> Result<AuditView, DeviceError> {
        let relay = self.relay_history(resident).await?;
        let me = self.me()?;
        let local = self.with(|s| {
            let mut local = Vec::new();
            for id in connect_store::resident_documents(resident) {
                match s.load(id) {
                    Ok(doc) => local.push((id.kind(), history::history(&doc))),
                    Err(StoreError::NotFound(_)) => {}
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

    /// Everything this device holds about a resident, naming only its own
    /// changes' authors (the relay is not asked).
    pub fn export_here(&self, resident: ResidentId) -> Result<ResidentExport, DeviceError> {
        self.with_store(|s| export::export_resident(s, resident, now()))
    }

    /// Everything held about a resident, with the relay's records joined in
    /// when it can be reached (`audit_is_local_only` says when it could not).
    pub async fn export(&self, resident: ResidentId) -> Result<ResidentExport, DeviceError> {
        let relay = self.relay_history(resident).await?;
        let mut all = self.export_here(resident)?;
        if let Ok(records) = relay {
            all.join_relay(&records);
            // Media only the team holds is fetched for the copy, when it can be.
            let missing: Vec<_> = all
                .media
                .iter()
                .filter(|m| !m.included)
                .map(|m| (DocumentId::resident(resident, m.document), m.media.hash))
                .collect();
            for (doc, hash) in missing {
                if let Ok(bytes) = self.media_bytes(doc, hash).await {
                    all.include_media(hash, bytes);
                }
            }
        }
        Ok(all)
    }

    /// Everything held about a resident, as a readable page and as JSON.
    pub async fn subject_access(&self, resident: ResidentId) -> Result<SubjectAccess, DeviceError> {
        let all = self.export(resident).await?;
        let name = all.page.as_ref().map_or_else(|| resident.to_string(), |p| p.preferred_name.clone());
        Ok(SubjectAccess {
            file_stem: file_stem(&name, all.exported_at),
            html: export::html::subject_access(&all),
            json: serde_json::to_string_pretty(&all).map_err(|e| DeviceError::store(format!("writing JSON: {e}")))?,
        })
    }

    /// The raw saved bytes of each of the resident's documents held here.
    pub fn export_documents(&self, resident: ResidentId) -> Result<Vec<(DocumentId, Vec<u8>)>, DeviceError> {
        self.with_store(|s| export::export_automerge(s, resident))
    }

    /// Merges raw documents (as [`Device::export_documents`] writes them)
    /// into this device. Every one is read first: one that is not a document
    /// stops the import before anything changes.
    pub fn import_documents(&self, files: &[Vec<u8>]) -> Result<Vec<(DocumentId, ImportOutcome)>, DeviceError> {
        for bytes in files {
            export::id_of_bytes(bytes).map_err(store_error)?;
        }
        self.with_store(|s| files.iter().map(|bytes| export::import_automerge(s, bytes)).collect())
    }

    /// (Coordinator) Erases a resident everywhere: on the relay (so every
    /// device deletes them at its next sync) and on this device now.
    pub async fn erase_resident(&self, resident: ResidentId) -> Result<(), DeviceError> {
        self.may_erase()?;
        let relay = self.relay().map_err(|_| erasure_needs_a_relay())?;
        self.reached(self.network.erase(&relay, resident).await)?;
        self.erase_here(resident)
    }

    /// Refuses an erasure this device's person may not ask for.
    fn may_erase(&self) -> Result<(), DeviceError> {
        if self.me()?.role == AuthorRole::Coordinator {
            Ok(())
        } else {
            Err(DeviceError::refused("Only a coordinator can erase a resident."))
        }
    }

    /// Whether nothing about a resident has ever left this device: none of
    /// their documents was acknowledged by the relay or talked about with it.
    pub fn never_sent(&self, resident: ResidentId) -> Result<bool, DeviceError> {
        self.with_store(|s| {
            for id in connect_store::resident_documents(resident) {
                if s.synced_heads(id)?.is_some() || s.sync_state(connect_sync::driver::RELAY_PEER, id)?.is_some() {
                    return Ok(false);
                }
            }
            Ok(true)
        })
    }

    /// Removes a resident added by mistake, while nothing about them has
    /// left this device: once the team has them, only a coordinator's
    /// erasure can take them away (it must reach every device).
    pub fn remove_unsent_resident(&self, resident: ResidentId) -> Result<(), DeviceError> {
        if !self.never_sent(resident)? {
            return Err(DeviceError::refused(
                "This resident has already been sent to the team, so only a coordinator can erase them, everywhere.",
            ));
        }
        self.erase_here(resident)
    }

    /// Deletes a resident from this device, once the relay has erased them.
    fn erase_here(&self, resident: ResidentId) -> Result<(), DeviceError> {
        self.with_store(|s| {
            for id in connect_store::resident_documents(resident) {
                s.erase(id)?;
            }
            // Their half-written words go with them.
            for form in super::DRAFT_FORMS {
                s.set_setting(&format!("draft:{resident}:{form}"), None)?;
            }
            if s.setting(RESIDENT_LOCK_SETTING)?.as_deref() == Some(resident.to_string().as_str()) {
                s.set_setting(RESIDENT_LOCK_SETTING, None)?;
            }
            Ok(())
        })
    }
}
