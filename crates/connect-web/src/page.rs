//! The page: takes over the store's worker (app.js starts it) and gives
//! the screens a [`Vault`] and [`Channel`] that ask it by message. Where the
//! phone unlocks with its fingerprint or face, the vault asks the phone's
//! authenticator on the page ([`crate::webauthn`]) and sends the worker only
//! what it answered.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

use connect_device::{
    Channel, DeviceClient, DeviceError, DeviceFuture, FingerprintSupport, LockState, NewFingerprint, Reply, Request,
    SharedVault, StorageInfo, Unlocking, Vault,
};
use futures_channel::oneshot;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker};

use crate::message::{Answer, Envelope, WorkerAnswer, WorkerCall};

/// How long without a touch before the app locks itself.
const IDLE_LIMIT: Duration = Duration::from_secs(5 * 60);

type Waiting = RefCell<HashMap<u64, oneshot::Sender<Result<WorkerAnswer, DeviceError>>>>;

/// The page's end of the worker: numbers calls and routes answers back.
struct WorkerLink {
    worker: Worker,
    next: Cell<u64>,
    waiting: Rc<Waiting>,
    /// Calls made before the worker said it was ready, sent when it is.
    queued: Rc<RefCell<Option<Vec<String>>>>,
    /// Why the worker cannot answer at all (it could not open OPFS, say):
    /// every later call fails with it at once instead of waiting for ever.
    broken: Rc<RefCell<Option<DeviceError>>>,
}

impl WorkerLink {
    fn start() -> Result<Rc<Self>, JsValue> {
        let (worker, early) = started_worker()?;
        let waiting: Rc<Waiting> = Rc::default();
        let queued: Rc<RefCell<Option<Vec<String>>>> = Rc::new(RefCell::new(Some(Vec::new())));
        let broken: Rc<RefCell<Option<DeviceError>>> = Rc::default();
        let (to_callers, to_flush, sender, to_break) =
            (waiting.clone(), queued.clone(), worker.clone(), broken.clone());
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let text = event.data().as_string().unwrap_or_default();
            if text == "ready" {
                for message in to_flush.borrow_mut().take().unwrap_or_default() {
                    let _ = sender.post_message(&JsValue::from_str(&message));
                }
                return;
            }
            let Ok(answer) = serde_json::from_str::<Answer>(&text) else { return };
            if answer.id == 0 {
                // Not an answer to any one call: every waiting call, and every
                // later one, fails with it.
                if let Err(why) = &answer.answer {
                    *to_break.borrow_mut() = Some(why.clone());
                }
                for (_, caller) in to_callers.borrow_mut().drain() {
                    let _ = caller.send(answer.answer.clone());
                }
            } else if let Some(caller) = to_callers.borrow_mut().remove(&answer.id) {
                let _ = caller.send(answer.answer);
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        let hear: &js_sys::Function = on_message.as_ref().unchecked_ref();
        for event in early.iter() {
            hear.call1(&JsValue::NULL, &event)?;
        }
        on_message.forget();
        Ok(Rc::new(Self { worker, next: Cell::new(1), waiting, queued, broken }))
    }

    /// Sends a call and waits for its answer.
    fn ask(&self, call: WorkerCall) -> DeviceFuture<WorkerAnswer> {
        if let Some(why) = self.broken.borrow().clone() {
            return Box::pin(std::future::ready(Err(why)));
        }
        let id = self.next.get();
        self.next.set(id + 1);
        let (tx, rx) = oneshot::channel();
        self.waiting.borrow_mut().insert(id, tx);
        let text = serde_json::to_string(&Envelope { id, call }).unwrap_or_default();
        match self.queued.borrow_mut().as_mut() {
            Some(queue) => queue.push(text),
            None => {
                let _ = self.worker.post_message(&JsValue::from_str(&text));
            }
        }
        Box::pin(async move { rx.await.map_err(|_| DeviceError::Unavailable)? })
    }
}

/// The store's worker, which app.js started beside the page's module and
/// sent the compiled module to (so a phone compiles it once, and the store's
/// files open while the page starts), with the messages it sent before the
/// page listened.
fn started_worker() -> Result<(Worker, js_sys::Array), JsValue> {
    let started = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("connectStoreWorker"))?;
    let field = |name: &str| js_sys::Reflect::get(&started, &JsValue::from_str(name));
    let worker = field("worker")?.dyn_into::<Worker>()?;
    let early = field("early")?.dyn_into::<js_sys::Array>()?;
    Ok((worker, early))
}

/// The screens' calls on the open store, as messages to the worker.
struct WorkerChannel(Rc<WorkerLink>);

impl Channel for WorkerChannel {
    fn send(&self, request: Request) -> DeviceFuture<Reply> {
        let answer = self.0.ask(WorkerCall::Call(request));
        Box::pin(async move {
            match answer.await? {
                WorkerAnswer::Reply(reply) => Ok(reply),
                other => Err(DeviceError::Store(format!("the store answered {other:?} to a screen's call"))),
            }
        })
    }
}

/// The lock screens' vault, in the worker.
struct WebVault {
    link: Rc<WorkerLink>,
    /// The screens' backend over the open store, handed back on every unlock.
    screens: Rc<RefCell<Option<DeviceClient>>>,
}

impl WebVault {
    fn simple<T: 'static>(&self, call: WorkerCall, pick: fn(WorkerAnswer) -> Option<T>) -> DeviceFuture<T> {
        let answer = self.link.ask(call);
        Box::pin(async move {
            let got = answer.await?;
            pick(got).ok_or_else(|| DeviceError::Store("the store gave an answer of the wrong kind".into()))
        })
    }

    /// Asks the worker and expects nothing back.
    fn done(link: &WorkerLink, call: WorkerCall) -> DeviceFuture<()> {
        let answer = link.ask(call);
        Box::pin(async move {
            match answer.await? {
                WorkerAnswer::Done => Ok(()),
                _ => Err(DeviceError::Store("the store gave an answer of the wrong kind".into())),
            }
        })
    }

    async fn state(link: &WorkerLink) -> Result<LockState, DeviceError> {
        match link.ask(WorkerCall::LockState).await? {
            WorkerAnswer::LockState(state) => Ok(state),
            _ => Err(DeviceError::Store("the store gave an answer of the wrong kind".into())),
        }
    }

    /// What opens the store now: `pin` (if typed) and, where this phone
    /// unlocks with its fingerprint, the secret the phone gives for it.
    async fn unlocking(link: &WorkerLink, pin: &str) -> Result<(Unlocking, LockState), DeviceError> {
        let state = Self::state(link).await?;
        let fingerprint = match &state.fingerprint {
            Some(lock) => Some(crate::webauthn::secret_of(lock).await?),
            None => None,
        };
        Ok((Unlocking { pin: (!pin.is_empty()).then(|| pin.to_owned()), fingerprint }, state))
    }

    /// Opens the store with `call`; `reuse` hands back the screens' client
    /// they already hold (an unlock), or else makes a new one (a new store).
    async fn open(
        link: Rc<WorkerLink>,
        screens: Rc<RefCell<Option<DeviceClient>>>,
        call: WorkerCall,
        reuse: bool,
    ) -> Result<DeviceClient, DeviceError> {
        let WorkerAnswer::Opened(opened) = link.ask(call).await? else {
            return Err(DeviceError::Store("the store gave an answer of the wrong kind".into()));
        };
        if reuse && let Some(backend) = screens.borrow().as_ref() {
            return Ok(backend.clone());
        }
        let backend = DeviceClient::new(WorkerChannel(link), opened);
        *screens.borrow_mut() = Some(backend.clone());
        Ok(backend)
    }
}

impl Vault for WebVault {
    fn has_store(&self) -> DeviceFuture<bool> {
        self.simple(WorkerCall::HasStore, |a| match a {
            WorkerAnswer::HasStore(b) => Some(b),
            _ => None,
        })
    }

    fn lock_state(&self) -> DeviceFuture<LockState> {
        self.simple(WorkerCall::LockState, |a| match a {
            WorkerAnswer::LockState(s) => Some(s),
            _ => None,
        })
    }

    fn create(&self, name: &str, pin: &str, demo: bool, fingerprint: bool) -> DeviceFuture<DeviceClient> {
        let (link, screens, name, pin) = (self.link.clone(), self.screens.clone(), name.to_owned(), pin.to_owned());
        Box::pin(async move {
            // The PIN rule is checked before the phone is asked for anything.
            Self::done(&link, WorkerCall::CheckPin(pin.clone())).await?;
            let fingerprint = if fingerprint { Some(crate::webauthn::register(&name, false).await?) } else { None };
            Self::open(link, screens, WorkerCall::Create { name, pin, demo, fingerprint }, false).await
        })
    }

    fn unlock(&self, pin: &str) -> DeviceFuture<DeviceClient> {
        let (link, screens, pin) = (self.link.clone(), self.screens.clone(), pin.to_owned());
        Box::pin(async move {
            let (given, _) = Self::unlocking(&link, &pin).await?;
            Self::open(link, screens, WorkerCall::Unlock(given), true).await
        })
    }

    fn lock(&self) -> DeviceFuture<()> {
        Self::done(&self.link, WorkerCall::Lock)
    }

    fn forget(&self) -> DeviceFuture<()> {
        *self.screens.borrow_mut() = None;
        Self::done(&self.link, WorkerCall::Forget)
    }

    fn change_pin(&self, old: &str, new: &str) -> DeviceFuture<()> {
        let (link, old, new) = (self.link.clone(), old.to_owned(), new.to_owned());
        Box::pin(async move {
            let (old, _) = Self::unlocking(&link, &old).await?;
            Self::done(&link, WorkerCall::ChangePin { old, new }).await
        })
    }

    fn set_fingerprint(&self, pin: &str, on: bool, pin_too: bool) -> DeviceFuture<()> {
        let (link, pin) = (self.link.clone(), pin.to_owned());
        let name =
            self.screens.borrow().as_ref().map_or_else(|| "Connect Companion".to_owned(), |s| s.me().person_name);
        Box::pin(async move {
            if pin.is_empty() {
                return Err(DeviceError::refused("Type your PIN first."));
            }
            let (current, state) = Self::unlocking(&link, &pin).await?;
            let new = match (on, state.fingerprint, current.fingerprint.clone()) {
                (false, _, _) => None,
                // Already on: the same credential, and the PIN asked or not.
                (true, Some(lock), Some(secret)) => {
                    Some(NewFingerprint { credential_id: lock.credential_id, prf_salt: lock.prf_salt, secret, pin_too })
                }
                (true, _, _) => Some(crate::webauthn::register(&name, pin_too).await?),
            };
            Self::done(&link, WorkerCall::SetFingerprint { current, new }).await
        })
    }

    fn set_erase_after(&self, after: Option<u32>) -> DeviceFuture<()> {
        Self::done(&self.link, WorkerCall::SetEraseAfter(after))
    }

    fn fingerprint_support(&self) -> DeviceFuture<FingerprintSupport> {
        Box::pin(async move { Ok(crate::webauthn::support().await) })
    }

    fn idle_limit(&self) -> Duration {
        IDLE_LIMIT
    }

    fn offers_demo(&self) -> bool {
        page_asks_for_demo()
    }

    fn phone_language(&self) -> Option<String> {
        web_sys::window()?.navigator().language()
    }

    fn suggested_relay(&self) -> Option<String> {
        web_sys::window().and_then(|w| w.location().origin().ok())
    }

    fn storage(&self) -> DeviceFuture<Option<StorageInfo>> {
        Box::pin(async move {
            let Some(manager) = web_sys::window().map(|w| w.navigator().storage()) else { return Ok(None) };
            let ask = |promise: Result<js_sys::Promise, JsValue>| async move {
                match promise {
                    Ok(p) => wasm_bindgen_futures::JsFuture::from(p).await.ok(),
                    Err(_) => None,
                }
            };
            let Some(estimate) = ask(manager.estimate()).await else { return Ok(None) };
            let number = |key: &str| {
                js_sys::Reflect::get(&estimate, &JsValue::from_str(key)).ok().and_then(|v| v.as_f64()).unwrap_or(0.0)
            };
            let persisted = ask(manager.persisted()).await.and_then(|v| v.as_bool()).unwrap_or(false);
            // Whole bytes, as the browser counts them.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let (used, quota) = (number("usage") as u64, number("quota") as u64);
            Ok(Some(StorageInfo { used, quota, persisted }))
        })
    }
}

/// The vault, over a newly started worker.
fn vault() -> Box<dyn std::any::Any> {
    let link = WorkerLink::start().unwrap_or_else(|e| {
        web_sys::console::error_1(&e);
        wasm_bindgen::throw_str("the page has no store worker: app.js starts it")
    });
    // The page is single-threaded: nothing here crosses a thread.
    #[allow(clippy::arc_with_non_send_sync)]
    let vault: SharedVault = Arc::new(WebVault { link, screens: Rc::default() });
    Box::new(vault)
}

/// The camera, for reading an invite's QR code.
fn camera() -> Box<dyn std::any::Any> {
    // The page is single-threaded: nothing here crosses a thread.
    #[allow(clippy::arc_with_non_send_sync)]
    let camera: connect_ui::camera::SharedCamera = Arc::new(crate::camera::WebCamera);
    Box::new(camera)
}

/// The microphone, camera and player, for voice notes and photos.
fn phone_media() -> Box<dyn std::any::Any> {
    // The page is single-threaded: nothing here crosses a thread.
    #[allow(clippy::arc_with_non_send_sync)]
    let media: connect_ui::phone_media::SharedPhoneMedia = Arc::new(crate::phone_media::WebPhoneMedia);
    Box::new(media)
}

/// Whether the page's address asks to try the app (`?demo`): the first run
/// then offers the fictional demo caseload.
fn page_asks_for_demo() -> bool {
    web_sys::window().and_then(|w| w.location().search().ok()).is_some_and(|q| q.contains("demo"))
}

/// The browser's online, offline and page-hidden events, for the auto-sync.
fn lifecycle() -> Box<dyn std::any::Any> {
    // The page is single-threaded: nothing here crosses a thread.
    #[allow(clippy::arc_with_non_send_sync)]
    let lifecycle: connect_ui::lifecycle::SharedLifecycle = Arc::new(crate::lifecycle::WebLifecycle::listen());
    Box::new(lifecycle)
}

/// The browser's history, for the phone's Back gesture.
fn history() -> Box<dyn std::any::Any> {
    // The page is single-threaded: nothing here crosses a thread.
    #[allow(clippy::arc_with_non_send_sync)]
    let history: connect_ui::navigation::SharedHistory = Arc::new(crate::history::WebHistory::listen());
    Box::new(history)
}

/// Starts the screens; their vault starts the worker.
pub(crate) fn run() {
    dioxus::LaunchBuilder::web()
        // Not Dioxus's default `main`: that id is the screens' own `<main>`,
        // where "Skip to content" goes.
        .with_cfg(dioxus::web::Config::new().rootname("app-root"))
        .with_context_provider(vault)
        .with_context_provider(camera)
        .with_context_provider(phone_media)
        .with_context_provider(lifecycle)
        .with_context_provider(history)
        .launch(connect_ui::Root);
}
