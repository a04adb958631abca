//! The root every launcher starts: the lock in front of the app. It shows the
//! first-run, lock or wiped screen until the vault gives a backend, then the
//! app; it locks again after the vault's idle limit without a touch.

use std::sync::Arc;
use std::time::{Duration, Instant};

use dioxus::prelude::*;

use crate::backend::SharedBackend;
use crate::components::{App, FirstRunScreen, LockScreen, WipedScreen};
use crate::vault::{Door, Gate, SharedVault};

/// The design system: CSS variables, one font stack, a spacing scale.
const STYLE: &str = include_str!("../../../../assets/style.css");

/// The whole app behind its lock. Expects a [`SharedVault`] in the root context.
#[component]
pub fn Root() -> Element {
    let vault = use_context::<SharedVault>();
    let start = use_hook(|| if vault.has_store() { Door::Locked } else { Door::FirstRun });
    let gate = use_context_provider(|| Gate {
        door: Signal::new(start),
        backend: Signal::new(None),
        last_active: CopyValue::new(Instant::now()),
    });
    let idle = vault.idle_limit();
    use_future(move || async move {
        // Component tests may run without a runtime; there is no clock to watch then.
        if tokio::runtime::Handle::try_current().is_err() {
            return;
        }
        let tick = (idle / 4).clamp(Duration::from_millis(10), Duration::from_secs(1));
        loop {
            tokio::time::sleep(tick).await;
            if *gate.door.peek() == Door::Open && gate.last_active.cloned().elapsed() >= idle {
                gate.lock();
            }
        }
    });
    let door = *gate.door.read();
    let backend = gate.backend.read().clone();
    rsx! {
        style { {STYLE} }
        div {
            class: "root",
            onclick: move |_| gate.touch(),
            onkeydown: move |_| gate.touch(),
            oninput: move |_| gate.touch(),
            match door {
                Door::FirstRun => rsx! { FirstRunScreen {} },
                Door::Locked => rsx! { LockScreen {} },
                Door::Wiped => rsx! { WipedScreen {} },
                Door::Open => rsx! {},
            }
            // Kept mounted while locked, so a half-written note is still there
            // after the PIN; hidden, it is neither shown nor read out.
            if let Some(backend) = backend {
                div { class: "unlocked", hidden: door != Door::Open,
                    Unlocked { key: "{backend_key(&backend)}", backend: BackendHandle(backend) }
                }
            }
        }
    }
}

/// A backend as a component property (compared by identity).
#[derive(Clone)]
struct BackendHandle(SharedBackend);

impl PartialEq for BackendHandle {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// A key that changes when the backend does (a wiped device set up again),
/// so the app below starts afresh with the new one.
fn backend_key(backend: &SharedBackend) -> usize {
    Arc::as_ptr(backend).cast::<()>() as usize
}

/// Provides the open store's backend to the app.
#[component]
fn Unlocked(backend: BackendHandle) -> Element {
    use_context_provider(|| backend.0.clone());
    rsx! { App {} }
}
