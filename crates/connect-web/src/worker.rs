//! The store's worker: installs the OPFS pool as SQLite's default VFS, then
//! answers the page's calls with the same vault and device the native
//! launchers and the command line run ([`StoreVault`] and
//! [`connect_device::Device`]). It links no screens: the relay is reached
//! over `fetch` (reqwest's browser client) by the device's own network, on
//! the device's one store connection (OPFS allows one per database).
//!
//! While the app is locked the vault has closed the store and forgotten its
//! key, and every store call is refused: the worker answers the lock
//! screen's questions, unlocking, and erasing, and nothing else.

use std::cell::RefCell;
use std::path::Path;
use std::rc::Rc;

use connect_device::DeviceError;
use connect_device::vault::StoreVault;
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
    /// The store's vault, which holds the open store while unlocked.
    static VAULT: RefCell<Option<Rc<StoreVault>>> = const { RefCell::new(None) };
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
        VAULT.with(|v| *v.borrow_mut() = Some(Rc::new(StoreVault::new(crate::STORE_PATH.into(), demo, "", destroy))));
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

fn vault() -> Result<Rc<StoreVault>, DeviceError> {
    VAULT.with(|v| v.borrow().clone()).ok_or(DeviceError::Unavailable)
}

/// Answers one call. Store calls go through the vault, which refuses them
/// while locked.
async fn answer(call_made: WorkerCall) -> Result<WorkerAnswer, DeviceError> {
    let vault = vault()?;
    let done = |()| WorkerAnswer::Done;
    Ok(match call_made {
        WorkerCall::HasStore => WorkerAnswer::HasStore(vault.has_store()),
        WorkerCall::LockState => WorkerAnswer::LockState(vault.lock_state()),
        WorkerCall::CheckPin(pin) => done(StoreVault::check_pin(&pin)?),
        WorkerCall::Create { name, pin, demo, fingerprint } => {
            WorkerAnswer::Opened(vault.create(&name, &pin, demo, fingerprint.as_ref())?)
        }
        WorkerCall::Unlock(given) => WorkerAnswer::Opened(vault.unlock(&given)?),
        WorkerCall::Lock => {
            vault.lock();
            WorkerAnswer::Done
        }
        WorkerCall::Forget => done(vault.forget()?),
        WorkerCall::ChangePin { old, new } => done(vault.change_pin(&old, &new)?),
        WorkerCall::SetFingerprint { current, new } => done(vault.set_fingerprint(&current, new.as_ref())?),
        WorkerCall::SetEraseAfter(after) => done(vault.set_erase_after(after)?),
        WorkerCall::Call(request) => WorkerAnswer::Reply(vault.call(request).await?),
    })
}
