//! Waiting, on every platform: tokio's timer on native platforms, the
//! browser's in the web app. The screens keep no other clock.

use std::time::Duration;

/// Waits `period`. Answers `false` at once when there is no timer to wait on
/// (component tests that run screens without a runtime).
pub async fn sleep(period: Duration) -> bool {
    #[cfg(not(target_arch = "wasm32"))]
    {
        if tokio::runtime::Handle::try_current().is_err() {
            return false;
        }
        tokio::time::sleep(period).await;
        true
    }
    #[cfg(target_arch = "wasm32")]
    {
        gloo_timers::future::sleep(period).await;
        true
    }
}
