//! The browser preview: the app over Dioxus LiveView on a loopback address.
//! Each browser tab gets its own virtual DOM sharing one vault: every tab
//! starts locked, and the store is opened once, by the first right PIN.

use std::net::SocketAddr;

use axum::Router;
use axum::extract::WebSocketUpgrade;
use axum::response::{Html, Redirect};
use axum::routing::get;
use connect_device::SharedVault;
use dioxus::prelude::VirtualDom;
use dioxus_liveview::{LiveViewPool, axum_socket, interpreter_glue};

/// The page around the app: language, viewport and title for accessibility.
fn index() -> Html<String> {
    let glue = interpreter_glue("/ws");
    Html(format!(
        r#"<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Connect Companion</title>
  </head>
  <body><div id="main"></div>
    <script>
      // LiveView handles events on the server, so it cannot stop a form's
      // default submission in time: stop it here, every form, always.
      document.addEventListener("submit", (event) => event.preventDefault());
    </script>
    {glue}
  </body>
</html>"#
    ))
}

/// Serves until interrupted.
pub(crate) fn serve(listen: SocketAddr, vault: SharedVault) -> anyhow::Result<()> {
    let pool = LiveViewPool::new();
    let app = Router::new()
        .route("/", get(|| async { Redirect::temporary("/app") }))
        .route("/app", get(|| async { index() }))
        .route(
            "/ws",
            get(move |ws: WebSocketUpgrade| {
                let pool = pool.clone();
                let vault = vault.clone();
                async move {
                    ws.on_upgrade(move |socket| async move {
                        let _ = pool
                            .launch_virtualdom(axum_socket(socket), move || {
                                // Each browser tab has its own app, and its own probe.
                                let lifecycle: connect_ui::lifecycle::SharedLifecycle =
                                    std::sync::Arc::new(connect_app::lifecycle::ProbeLifecycle::default());
                                VirtualDom::new(connect_ui::Root).with_root_context(vault).with_root_context(lifecycle)
                            })
                            .await;
                    })
                }
            }),
        );
    let runtime = tokio::runtime::Runtime::new()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(listen).await?;
        eprintln!("Connect Companion preview on http://{listen}/");
        axum::serve(listener, app).await?;
        anyhow::Ok(())
    })
}
