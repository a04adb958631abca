//! The browser's history as the app's [`History`]: each screen opened pushes
//! a step (same address, no reload), and the phone's Back gesture (the
//! browser's `popstate`) goes back one screen instead of leaving the app.

use std::cell::RefCell;
use std::rc::Rc;

use connect_ui::navigation::History;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// What the Back gesture calls, once the app has said.
type BackSink = Rc<RefCell<Option<Box<dyn Fn()>>>>;

/// The page's history.
pub(crate) struct WebHistory {
    back: BackSink,
}

impl WebHistory {
    /// Listens for the Back gesture for the page's whole life.
    pub(crate) fn listen() -> Self {
        let back: BackSink = Rc::default();
        if let Some(window) = web_sys::window() {
            let sink = back.clone();
            let listener = Closure::<dyn FnMut()>::new(move || {
                if let Some(go_back) = sink.borrow().as_ref() {
                    go_back();
                }
            });
            let _ = window.add_event_listener_with_callback("popstate", listener.as_ref().unchecked_ref());
            listener.forget();
        }
        Self { back }
    }
}

fn history() -> Option<web_sys::History> {
    web_sys::window().and_then(|w| w.history().ok())
}

impl History for WebHistory {
    fn pushed(&self) {
        if let Some(h) = history() {
            let _ = h.push_state(&JsValue::NULL, "");
        }
    }

    fn back(&self) {
        if let Some(h) = history() {
            let _ = h.back();
        }
    }

    fn on_back(&self, sink: Box<dyn Fn()>) {
        *self.back.borrow_mut() = Some(sink);
    }
}
