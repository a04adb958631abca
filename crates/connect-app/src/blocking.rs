//! The native side of the screens' async calls: store work runs on tokio's
//! blocking pool, so a slow read or a sync never holds up the screens. The
//! web app's worker plays the same part in the browser.

use connect_ui::backend::{BackendError, BackendFuture, SharedBackend};
use connect_ui::{Channel, Reply, Request};
use std::sync::Arc;

use connect_store::DocumentStore;

use crate::local::{Network, StoreBackend};

/// Runs `work` on the blocking pool when a tokio runtime is there (every
/// native renderer has one), inline otherwise (component tests).
pub fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, BackendError> + Send + 'static,
) -> BackendFuture<T> {
    match tokio::runtime::Handle::try_current() {
        Ok(runtime) => Box::pin(async move {
            match runtime.spawn_blocking(work).await {
                Ok(result) => result,
                // The work panicked: that call fails, the app goes on.
                Err(_) => Err(BackendError::Unavailable),
            }
        }),
        Err(_) => Box::pin(std::future::ready(work())),
    }
}

/// The screens' backend over `store`, answered in this process: the
/// store-backed side (to call directly) and the handle the screens hold.
pub fn in_process<S: DocumentStore + Send + 'static>(
    store: S,
    network: Option<Box<dyn Network>>,
) -> Result<(Arc<StoreBackend<S>>, SharedBackend), BackendError> {
    let local = Arc::new(StoreBackend::new(store, network));
    let backend = SharedBackend::new(InProcess(local.clone()), local.opened()?);
    Ok((local, backend))
}

/// A [`Channel`] to a store-backed side in this process.
pub struct InProcess<S>(pub Arc<StoreBackend<S>>);

impl<S: DocumentStore + Send + 'static> Channel for InProcess<S> {
    fn send(&self, request: Request) -> BackendFuture<Reply> {
        let backend = self.0.clone();
        blocking(move || backend.handle(request))
    }
}
