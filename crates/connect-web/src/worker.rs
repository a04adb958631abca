//! The store's worker: installs the OPFS pool as SQLite's default VFS, then
//! answers the page's calls with the same device the native launchers and
//! the command line run ([`StoreVault`] and [`connect_device::Device`]). It
//! links no screens: the relay is reached over `fetch` (reqwest's browser
//! client) by the device's own network, on the device's one store
//! connection (OPFS allows one per database).

use std::cell::RefCell;
use std::path::Path;
use std::sync::Arc;

use connect_device::vault::{OpenDevice, StoreVault};
use connect_device::{DeviceError, Reply, Request};
use connect_store::StoreError;
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
    static OPEN: RefCell<Option<Arc<OpenDevice>>> = const { RefCell::new(None) };
}

/// Deletes every file of the store (the database, its key file, journals).
fn destroy(path: &Path) -> Result<(), StoreError> {
    let prefix = path.display().to_string();
    POOL.with(|pool| {
        let pool = pool.borrow();
        let Some(pool) = pool.as_ref() else { return Ok(()) };
        let names =
            pool.names().map_err(|e| StoreError::CannotDelete { path: prefix.clone(), reason: e.to_string() })?;
        for name in names.iter().filter(|n| n.starts_with(&prefix)) {
            pool.remove(name).map_err(|e| StoreError::CannotDelete { path: name.clone(), reason: e.to_string() })?;
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
        // `?demo` on the page (passed on to the worker) lets the first run
        // fill a new store with the fictional demo caseload, as `scripts/run` opens it.
        let demo = scope.location().search().contains("demo");
        VAULT.with(|v| *v.borrow_mut() = Some(StoreVault::new(crate::STORE_PATH.into(), demo, "", destroy)));
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

fn with_vault<T>(f: impl FnOnce(&StoreVault) -> Result<T, DeviceError>) -> Result<T, DeviceError> {
    VAULT.with(|v| match v.borrow().as_ref() {
        Some(vault) => f(vault),
        None => Err(DeviceError::Unavailable),
    })
}

fn opened(device: Arc<OpenDevice>, was_open: bool) -> Result<WorkerAnswer, DeviceError> {
    let opened = device.opened()?;
    OPEN.with(|o| *o.borrow_mut() = Some(device));
    Ok(WorkerAnswer::Opened { opened, was_open })
}

/// A screen's call on the open device. A device the team revoked has
/// deleted its files by the time the answer comes: the worker forgets it.
async fn call(device: &OpenDevice, request: Request) -> Result<Reply, DeviceError> {
    let reply = device.call(request).await;
    if device.wiped() {
        OPEN.with(|o| *o.borrow_mut() = None);
        with_vault(StoreVault::forget)?;
    }
    reply
}

/// Answers one call.
async fn answer(call_made: WorkerCall) -> Result<WorkerAnswer, DeviceError> {
    match call_made {
        WorkerCall::HasStore => with_vault(|v| Ok(WorkerAnswer::HasStore(v.has_store()))),
        WorkerCall::LockState => with_vault(|v| Ok(WorkerAnswer::LockState(v.lock_state()))),
        WorkerCall::Create { name, pin, demo } => opened(with_vault(|v| v.create(&name, &pin, demo))?, false),
        WorkerCall::Unlock { pin } => {
            let (device, was_open) = with_vault(|v| v.unlock(&pin))?;
            opened(device, was_open)
        }
        WorkerCall::Forget => {
            OPEN.with(|o| *o.borrow_mut() = None);
            with_vault(StoreVault::forget).map(|()| WorkerAnswer::Done)
        }
        WorkerCall::ChangePin { old, new } => with_vault(|v| v.change_pin(&old, &new)).map(|()| WorkerAnswer::Done),
        WorkerCall::Call(request) => {
            let device = OPEN.with(|o| o.borrow().clone()).ok_or(DeviceError::Unavailable)?;
            call(&device, request).await.map(WorkerAnswer::Reply)
        }
    }
}
