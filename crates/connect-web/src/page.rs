//! The page: takes over the store's worker (app.js starts it) and gives
//! the screens a [`Vault`] and [`Channel`] that ask it by message.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

use connect_device::{
    Channel, DeviceClient, DeviceError, DeviceFuture, LockState, Reply, Request, SharedVault, StorageInfo, Vault,
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

    fn open(&self, call: WorkerCall) -> DeviceFuture<DeviceClient> {
        let (answer, link, screens) = (self.link.ask(call), self.link.clone(), self.screens.clone());
        Box::pin(async move {
            let WorkerAnswer::Opened { opened, was_open } = answer.await? else {
                return Err(DeviceError::Store("the store gave an answer of the wrong kind".into()));
            };
            if was_open && let Some(backend) = screens.borrow().as_ref() {
                return Ok(backend.clone());
            }
            let backend = DeviceClient::new(WorkerChannel(link), opened);
            *screens.borrow_mut() = Some(backend.clone());
            Ok(backend)
        })
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

    fn create(&self, name: &str, pin: &str, demo: bool) -> DeviceFuture<DeviceClient> {
        self.open(WorkerCall::Create { name: name.to_owned(), pin: pin.to_owned(), demo })
    }

    fn unlock(&self, pin: &str) -> DeviceFuture<DeviceClient> {
        self.open(WorkerCall::Unlock { pin: pin.to_owned() })
    }

    fn forget(&self) -> DeviceFuture<()> {
        *self.screens.borrow_mut() = None;
        self.simple(WorkerCall::Forget, |a| matches!(a, WorkerAnswer::Done).then_some(()))
    }

    fn change_pin(&self, old: &str, new: &str) -> DeviceFuture<()> {
        self.simple(WorkerCall::ChangePin { old: old.to_owned(), new: new.to_owned() }, |a| {
            matches!(a, WorkerAnswer::Done).then_some(())
        })
    }

    fn idle_limit(&self) -> Duration {
        IDLE_LIMIT
    }

    fn offers_demo(&self) -> bool {
        page_asks_for_demo()
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
        .with_context_provider(lifecycle)
        .with_context_provider(history)
        .launch(connect_ui::Root);
}
