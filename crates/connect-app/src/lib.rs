//! `connect-app`: the native launchers (the browser preview, the desktop
//! window, mobile) around the screens of `connect-ui`. What a device does
//! lives in `connect-device`; this library holds only what a native platform
//! adds: the light relay probe that tells the auto-sync the network is back
//! ([`lifecycle`]). The `connect-app` binary opens the store behind
//! `connect_device::native::NativeVault` and starts `connect_ui::Root`.

#[cfg(not(target_arch = "wasm32"))]
pub mod lifecycle;
