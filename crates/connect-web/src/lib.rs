//! Connect Companion in the browser.
//!
//! One wasm module serves two places. On the page it runs the same
//! `connect-ui` screens as every other platform, on Dioxus's web renderer
//! ([`page`]). In a dedicated Web Worker it holds the encrypted store
//! ([`worker`]): SQLCipher through rusqlite on sqlite-wasm-rs, kept in the
//! Origin Private File System by the `opfs-sahpool` VFS, whose synchronous
//! file handles exist only in a worker. The page asks, the worker answers, in
//! the messages of [`message`], as JSON. `static/app.js` starts the worker
//! first and compiles the module once for both, so the store opens while the
//! page starts. The page also lends the screens the camera, to read an
//! invite's QR code ([`frame`] reads one frame), the microphone and camera
//! for voice notes and photos (`phone_media`), the browser's online,
//! offline and page-hidden events, for the auto-sync, and the phone's
//! fingerprint or face unlock (WebAuthn with the PRF extension, `webauthn`),
//! whose secret it passes to the worker to combine with the PIN.
//!
//! `scripts/build-web` builds it and writes the installable app (index, its
//! scripts, the service worker, the manifest and icons) to `target/web/`.

#[cfg(target_arch = "wasm32")]
mod camera;
pub mod frame;
#[cfg(target_arch = "wasm32")]
mod history;
#[cfg(target_arch = "wasm32")]
mod lifecycle;
pub mod message;
#[cfg(target_arch = "wasm32")]
mod page;
#[cfg(target_arch = "wasm32")]
mod phone_media;
#[cfg(target_arch = "wasm32")]
mod webauthn;
#[cfg(target_arch = "wasm32")]
mod worker;

/// Where the store lives in the worker's OPFS pool (its key file is beside it).
pub const STORE_PATH: &str = "/connect/device.db";

/// Runs when the module loads: the screens on a page, the store in a worker.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn start() {
    use wasm_bindgen::JsCast;
    if js_sys::global().dyn_into::<web_sys::DedicatedWorkerGlobalScope>().is_ok() {
        worker::run();
    } else {
        page::run();
    }
}
