//! [`SessionStore`] for every `connect-store` [`DocumentStore`] (feature
//! `store`): the only place sync touches a device store.

use connect_model::DocumentId;
use connect_store::{DocumentStore, StoreError, SyncBatch};

use crate::SyncError;
use crate::device::{DeviceWrite, LoadedDoc, SyncReport, Written};
use crate::driver::{
    AsyncSessionStore, CURSOR_SETTING, LAST_SYNC_SETTING, LIMITS_SETTING, RELAY_PEER, ROUND_SETTING, SessionStart,
    SessionStore, TALK_SETTING,
};
use crate::protocol::Limits;

impl From<StoreError> for SyncError {
    fn from(e: StoreError) -> Self {
        SyncError::Store(Box::new(e))
    }
}

impl<S: DocumentStore> SessionStore for S {
    fn session_start(&mut self) -> Result<SessionStart, SyncError> {
        Ok(SessionStart {
            cursor: self.setting(CURSOR_SETTING)?.and_then(|c| c.parse().ok()).unwrap_or(0),
            applied: self.setting(ROUND_SETTING)?.and_then(|c| c.parse().ok()).unwrap_or(0),
            limits: self.setting(LIMITS_SETTING)?.map_or(Limits::FLOOR, |l| Limits::from_setting(&l)),
            pending: self.pending()?,
            talk: self
                .setting(TALK_SETTING)?
                .unwrap_or_default()
                .split_whitespace()
                .filter_map(|id| id.parse().ok())
                .collect(),
        })
    }

    fn load_documents(&mut self, ids: &[DocumentId]) -> Result<Vec<LoadedDoc>, SyncError> {
        let mut out = Vec::with_capacity(ids.len());
        for &id in ids {
            let doc = match DocumentStore::load(self, id) {
                Ok(doc) => Some(doc),
                Err(StoreError::NotFound(_)) => None,
                Err(e) => return Err(e.into()),
            };
            let (sync_state, synced_heads) =
                if doc.is_some() { (self.sync_state(RELAY_PEER, id)?, self.synced_heads(id)?) } else { (None, None) };
            out.push(LoadedDoc { id, doc, sync_state, synced_heads });
        }
        Ok(out)
    }

    fn write_round(&mut self, mut write: DeviceWrite) -> Result<Written, SyncError> {
        let settings = [
            (CURSOR_SETTING, Some(write.cursor.to_string())),
            (ROUND_SETTING, Some(write.round.to_string())),
            (LIMITS_SETTING, Some(write.limits.to_setting())),
            (TALK_SETTING, (!write.talk.is_empty()).then(|| ids_text(&write.talk))),
        ];
        let outcome = self.write_sync(SyncBatch {
            peer: RELAY_PEER,
            saves: &mut write.saves,
            erase: &write.erase,
            sync_states: &write.sync_states,
            synced: &write.synced,
            settings: &settings,
        })?;
        Ok(Written { saved: write.saves, changed: outcome.changed, erased: outcome.erased, round: write.round })
    }

    fn session_end(
        &mut self,
        mut report: SyncReport,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<SyncReport, SyncError> {
        self.set_setting(LAST_SYNC_SETTING, Some(&now.to_rfc3339()))?;
        // Every conversation ended with the session.
        self.set_setting(TALK_SETTING, None)?;
        report.pending = self.pending()?.len();
        Ok(report)
    }
}

fn ids_text(ids: &[DocumentId]) -> String {
    ids.iter().map(ToString::to_string).collect::<Vec<_>>().join(" ")
}

/// Runs a blocking [`SessionStore`] inline in an async session: for tests,
/// and for hosts where a short block is fine.
#[derive(Debug)]
pub struct Inline<S>(pub S);

impl<S: SessionStore> AsyncSessionStore for Inline<S> {
    async fn session_start(&mut self) -> Result<SessionStart, SyncError> {
        self.0.session_start()
    }
    async fn load_documents(&mut self, ids: Vec<DocumentId>) -> Result<Vec<LoadedDoc>, SyncError> {
        self.0.load_documents(&ids)
    }
    async fn write_round(&mut self, write: DeviceWrite) -> Result<Written, SyncError> {
        self.0.write_round(write)
    }
    async fn session_end(
        &mut self,
        report: SyncReport,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<SyncReport, SyncError> {
        self.0.session_end(report, now)
    }
}
