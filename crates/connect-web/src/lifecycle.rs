//! The page's [`Lifecycle`]: the browser's own events. `online` and
//! `offline` say when the network goes and comes back; `visibilitychange`
//! (to hidden) and `pagehide` say the app went to the background or is
//! being left, the last moment to send what is only on this phone.

use std::cell::RefCell;
use std::rc::Rc;

use connect_ui::lifecycle::{LifeEvent, LifeSink, Lifecycle};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// The browser's events, sent to the latest sink.
pub(crate) struct WebLifecycle {
    sink: Rc<RefCell<Option<LifeSink>>>,
}

impl WebLifecycle {
    /// Listens once for the page's whole life; each `watch` only swaps the sink.
    pub(crate) fn listen() -> Self {
        let sink: Rc<RefCell<Option<LifeSink>>> = Rc::default();
        if let Some(window) = web_sys::window() {
            let on = |target: &web_sys::EventTarget, name: &str, pick: fn() -> Option<LifeEvent>| {
                let sink = sink.clone();
                let listener = Closure::<dyn FnMut()>::new(move || {
                    if let Some(event) = pick()
                        && let Some(send) = sink.borrow().as_ref()
                    {
                        send(event);
                    }
                });
                let _ = target.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
                listener.forget();
            };
            on(&window, "online", || Some(LifeEvent::Online));
            on(&window, "offline", || Some(LifeEvent::Offline));
            on(&window, "pagehide", || Some(LifeEvent::Hidden));
            if let Some(document) = window.document() {
                on(&document, "visibilitychange", || {
                    let hidden = web_sys::window()
                        .and_then(|w| w.document())
                        .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Hidden);
                    hidden.then_some(LifeEvent::Hidden)
                });
            }
        }
        Self { sink }
    }
}

impl Lifecycle for WebLifecycle {
    /// The page's events come from the listeners above: the bridge
    /// [`connect_ui::page_events`] uses needs `eval`, which the web app's
    /// Content-Security-Policy bars.
    fn listen_in_the_page(&self) -> bool {
        false
    }

    fn watch(&self, _relay: Option<String>, sink: LifeSink) {
        // Opened with no network: say so, so nothing is tried until it is back.
        let offline = web_sys::window().is_some_and(|w| !w.navigator().on_line());
        if offline {
            sink(LifeEvent::Offline);
        }
        *self.sink.borrow_mut() = Some(sink);
    }
}
