//! The root every launcher starts: the lock in front of the app. It shows the
//! first-run, lock or wiped screen until the vault gives a backend, then the
//! app; it locks again after the vault's idle limit without a touch, and
//! whenever the door closes it tells the vault to close the store.

use std::time::Duration;

use dioxus::prelude::*;

use crate::components::{App, FirstRunScreen, LockScreen, WipedScreen};
use connect_device::DeviceClient;
use connect_device::SharedVault;

use crate::vault::{Door, Gate};

/// The design system: CSS variables, one font stack, a spacing scale.
const STYLE: &str = include_str!("../../../../assets/style.css");

/// The whole app behind its lock. Expects a [`SharedVault`] in the root context.
#[component]
pub fn Root() -> Element {
    let vault = use_context::<SharedVault>();
    let clock = crate::clock::use_clock();
    let gate = use_context_provider(|| Gate {
        door: Signal::new(Door::Opening),
        backend: Signal::new(None),
        last_active: CopyValue::new(clock.now()),
        clock: CopyValue::new(clock.clone()),
    });
    let idle = vault.idle_limit();
    // However the door closed (the idle limit, the Lock button, "Give the
    // phone back"), the vault closes the store and forgets its key.
    let closer = vault.clone();
    use_effect(move || {
        if *gate.door.read() == Door::Locked {
            // Asked here, not inside the task: the lock takes hold as it is
            // asked, so a PIN typed before the task runs is never undone by it.
            let locking = closer.lock();
            spawn(async move {
                // A vault that cannot close is already refusing calls.
                let _ = locking.await;
            });
        }
    });
    use_future(move || {
        let vault = vault.clone();
        async move {
            // A store that cannot be asked about is treated as present: the
            // lock screen then says what is wrong when the PIN is tried.
            let door = if vault.has_store().await.unwrap_or(true) { Door::Locked } else { Door::FirstRun };
            let mut doors = gate.door;
            if *doors.peek() == Door::Opening {
                doors.set(door);
            }
        }
    });
    use_future(move || {
        let clock = clock.clone();
        async move {
            loop {
                // Wakes when the idle limit could next be reached: a touch
                // since only moves that moment later. Once reached (locked
                // already), a whole period: unlocking starts it again.
                let left = idle.saturating_sub(gate.idle_for());
                clock.sleep(if left.is_zero() { idle.max(Duration::from_secs(1)) } else { left }).await;
                if *gate.door.peek() == Door::Open && gate.idle_for() >= idle {
                    gate.lock();
                }
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
                Door::Opening => rsx! { main { class: "screen lock-screen", p { class: "loading", role: "status", "…" } } },
                Door::FirstRun => rsx! { FirstRunScreen {} },
                Door::Locked => rsx! { LockScreen {} },
                Door::Wiped => rsx! { WipedScreen { erased: false } },
                Door::Erased => rsx! { WipedScreen { erased: true } },
                Door::Open => rsx! {},
            }
            // Kept mounted while locked, so a half-written note is still there
            // after the PIN; hidden, it is neither shown nor read out.
            if let Some(backend) = backend {
                div { class: "unlocked", hidden: door != Door::Open,
                    Unlocked { key: "{backend.key()}", backend }
                }
            }
        }
    }
}

/// Provides the open store's backend to the app.
#[component]
fn Unlocked(backend: DeviceClient) -> Element {
    use_context_provider(|| backend.clone());
    rsx! { App {} }
}
