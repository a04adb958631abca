//! The store's worker: installs the OPFS pool as SQLite's default VFS, then
//! answers the page's calls with the same store-backed code the native
//! launchers run ([`connect_app::vault::StoreVault`] and
//! [`connect_app::local::StoreBackend`]). Sync and enrolment reach the relay
//! over `fetch` (reqwest's browser client) from here, on the screens' own
//! store connection: OPFS allows one per database.

use std::cell::RefCell;
use std::path::Path;
use std::sync::Arc;

use connect_app::local::StoreBackend;
use connect_app::local::record::{NO_RELAY_HISTORY, erasure_needs_a_relay};
use connect_app::local::relay::{SharedSession, plain, record_enrolment, relay_failure, relay_settings, summary};
use connect_app::vault::{Platform, StoreVault};
use connect_model::ResidentId;
use connect_model::history::AcceptedRecord;
use connect_store::{SqliteStore, StoreError};
use connect_sync::SyncError;
use connect_sync::api::InviteRequest;
use connect_sync::http::{AsyncHttpTransport, AsyncRelayClient, enrol_async};
use connect_ui::backend::{BackendError, InviteInfo, Opened, SyncSummary};
use connect_ui::{Reply, Request};
use rsqlite_vfs::VfsFilesManager;
use sqlite_wasm_vfs::sahpool::{OpfsSAHPoolCfgBuilder, OpfsSAHPoolUtil, install};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::message::{Answer, Envelope, WorkerAnswer, WorkerCall, read_call};

thread_local! {
    /// The OPFS pool, for deleting the store's files.
    static POOL: RefCell<Option<OpfsSAHPoolUtil>> = const { RefCell::new(None) };
    /// The store's vault and the open store, once unlocked.
    static VAULT: RefCell<Option<StoreVault>> = const { RefCell::new(None) };
    static OPEN: RefCell<Option<Arc<StoreBackend<SqliteStore>>>> = const { RefCell::new(None) };
}

/// Deletes every file of the store (the database, its key file, journals).
fn destroy(path: &Path) -> Result<(), StoreError> {
    let prefix = path.display().to_string();
    POOL.with(|pool| {
        let pool = pool.borrow();
        let Some(pool) = pool.as_ref() else { return Ok(()) };
        let names = pool.names().map_err(|e| StoreError::CannotOpen { path: prefix.clone(), reason: e.to_string() })?;
        for name in names.iter().filter(|n| n.starts_with(&prefix)) {
            pool.remove(name).map_err(|e| StoreError::CannotOpen { path: name.clone(), reason: e.to_string() })?;
        }
        Ok(())
    })
}

/// Starts the worker: the pool first (it is async), then the message loop.
pub(crate) fn run() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    wasm_bindgen_futures::spawn_local(async move {
        let config = OpfsSAHPoolCfgBuilder::new().directory(".connect-store").build();
        match install::<sqlite_wasm_rs::WasmOsCallback>(&config, true).await {
            Ok(pool) => POOL.with(|p| *p.borrow_mut() = Some(pool)),
            Err(e) => {
                // The files take one holder at a time: most often, the app is
                // already open in another tab or in its installed window. The
                // browser's own words go to the console, not to the person.
                web_sys::console::error_1(&format!("opening the store's files: {e}").into());
                post(
                    &scope,
                    &Answer::broken(
                        "The app could not open its files on this phone. If it is open in another tab or window, \
                         close that one and reload this page. Nothing is lost."
                            .to_owned(),
                    ),
                );
                return;
            }
        }
        let platform = Platform { network: |_, _| None, destroy };
        // `?demo` on the page (passed on to the worker) lets the first run
        // fill a new store with the fictional demo caseload, as `scripts/run` opens it.
        let demo = scope.location().search().contains("demo");
        VAULT.with(|v| *v.borrow_mut() = Some(StoreVault::new(crate::STORE_PATH.into(), demo, "", platform)));
        let replies = scope.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let text = event.data().as_string().unwrap_or_default();
            let replies = replies.clone();
            // Store calls run to the end before the next message; only a
            // call to the relay waits, and the screens go on meanwhile.
            wasm_bindgen_futures::spawn_local(async move {
                let answer = match read_call(&text) {
                    Ok(Envelope { id, call }) => Answer { id, answer: answer(call).await },
                    Err(why) => Answer::unreadable(&why),
                };
                post(&replies, &answer);
            });
        });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        // Tell the page the store is ready for calls.
        let _ = scope.post_message(&JsValue::from_str("ready"));
    });
}

fn post(scope: &DedicatedWorkerGlobalScope, answer: &Answer) {
    let text = serde_json::to_string(answer).unwrap_or_else(|_| String::from("{}"));
    let _ = scope.post_message(&JsValue::from_str(&text));
}

fn with_vault<T>(f: impl FnOnce(&StoreVault) -> Result<T, BackendError>) -> Result<T, BackendError> {
    VAULT.with(|v| match v.borrow().as_ref() {
        Some(vault) => f(vault),
        None => Err(BackendError::Unavailable),
    })
}

fn opened(local: Arc<StoreBackend<SqliteStore>>, was_open: bool) -> Result<WorkerAnswer, BackendError> {
    let opened = local.opened()?;
    OPEN.with(|o| *o.borrow_mut() = Some(local));
    Ok(WorkerAnswer::Opened { opened, was_open })
}

/// Syncs with the relay over `fetch`, on the screens' own store connection.
async fn sync_now(local: &StoreBackend<SqliteStore>) -> Result<SyncSummary, BackendError> {
    let Some((url, token, insecure)) = local.with_store(|s| relay_settings(s))? else {
        return Err(BackendError::NotEnrolled);
    };
    let mut transport = AsyncHttpTransport::new(&url, &token, insecure).map_err(|e| relay_failure(&e))?;
    match connect_sync::run_session_async(&mut SharedSession(local), &mut transport, chrono::Utc::now()).await {
        Ok(report) => Ok(summary(&report)),
        // A revoked device: the store and its key file go from OPFS now.
        Err(e) => Err(failed(local, &e)),
    }
}

/// Enrols with a relay by invite code, over `fetch`.
async fn enrol(local: &StoreBackend<SqliteStore>, relay: &str, code: &str) -> Result<Opened, BackendError> {
    let me = local.me()?;
    let enrolled = enrol_async(relay, code, me.device_id, &me.device_name, &me.person_name, false)
        .await
        .map_err(|e| relay_failure(&e))?;
    local.with_store(|s| record_enrolment(s, relay, &enrolled, me))?;
    local.opened()
}

/// The relay client for this store, or `None` before enrolment.
fn relay_client(local: &StoreBackend<SqliteStore>) -> Result<Option<(AsyncRelayClient, String)>, BackendError> {
    let Some((url, token, insecure)) = local.with_store(|s| relay_settings(s))? else { return Ok(None) };
    let client = AsyncRelayClient::new(&url, &token, insecure).map_err(|e| relay_failure(&e))?;
    Ok(Some((client, url)))
}

/// A relay call's failure: a revoked device is wiped from OPFS at once.
fn failed(local: &StoreBackend<SqliteStore>, e: &SyncError) -> BackendError {
    if matches!(e, SyncError::Revoked) {
        local.wiped_by_the_team();
        OPEN.with(|o| *o.borrow_mut() = None);
        return with_vault(StoreVault::forget).err().unwrap_or(BackendError::Wiped);
    }
    relay_failure(e)
}

/// The relay's half of a resident's audit trail: records, or why there are none.
async fn relay_history(
    local: &StoreBackend<SqliteStore>,
    resident: ResidentId,
) -> Result<Result<Vec<AcceptedRecord>, String>, BackendError> {
    let Some((client, _)) = relay_client(local)? else {
        return Ok(Err(NO_RELAY_HISTORY.to_owned()));
    };
    match client.history(resident).await {
        Ok(records) => Ok(Ok(records)),
        Err(e @ SyncError::Revoked) => Err(failed(local, &e)),
        Err(e) => Ok(Err(plain(&e))),
    }
}

/// The calls that reach the relay, over `fetch`; the rest go to the store.
async fn call(local: &StoreBackend<SqliteStore>, request: Request) -> Result<Reply, BackendError> {
    match request {
        Request::SyncNow => sync_now(local).await.map(Reply::Synced),
        Request::Enrol { relay, code } => enrol(local, &relay, &code).await.map(Reply::Opened),
        Request::Audit(r) => {
            let relay = relay_history(local, r).await?;
            local.audit_with(r, relay).map(Reply::Audit)
        }
        Request::SubjectAccess(r) => {
            let relay = relay_history(local, r).await?;
            local.subject_access_with(r, relay.ok()).map(Reply::SubjectAccess)
        }
        Request::EraseResident(r) => {
            local.may_erase()?;
            let Some((client, _)) = relay_client(local)? else { return Err(erasure_needs_a_relay()) };
            client.erase(r).await.map_err(|e| failed(local, &e))?;
            local.erase_here(r).map(|()| Reply::Done)
        }
        Request::Invite { role, resident } => {
            let Some((client, url)) = relay_client(local)? else { return Err(BackendError::NotEnrolled) };
            let issued = client
                .invite(&InviteRequest { role, resident, hours: None, name: None })
                .await
                .map_err(|e| failed(local, &e))?;
            Ok(Reply::Invite(InviteInfo { code: issued.code, relay: url, expires_at: issued.expires_at.to_string() }))
        }
        other => local.handle(other),
    }
}

/// Answers one call.
async fn answer(call_made: WorkerCall) -> Result<WorkerAnswer, BackendError> {
    match call_made {
        WorkerCall::HasStore => with_vault(|v| Ok(WorkerAnswer::HasStore(v.has_store()))),
        WorkerCall::LockState => with_vault(|v| Ok(WorkerAnswer::LockState(v.lock_state()))),
        WorkerCall::Create { name, pin, demo } => opened(with_vault(|v| v.create(&name, &pin, demo))?, false),
        WorkerCall::Unlock { pin } => {
            let (local, was_open) = with_vault(|v| v.unlock(&pin))?;
            opened(local, was_open)
        }
        WorkerCall::Forget => {
            OPEN.with(|o| *o.borrow_mut() = None);
            with_vault(StoreVault::forget).map(|()| WorkerAnswer::Done)
        }
        WorkerCall::ChangePin { old, new } => with_vault(|v| v.change_pin(&old, &new)).map(|()| WorkerAnswer::Done),
        WorkerCall::Call(request) => {
            let local = OPEN.with(|o| o.borrow().clone()).ok_or(BackendError::Unavailable)?;
            call(&local, request).await.map(WorkerAnswer::Reply)
        }
    }
}
