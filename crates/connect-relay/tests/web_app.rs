//! `connect-relay serve --app DIR`: the built web app at `/`, beside the API
//! on the same origin, with the headers an installable, offline web app
//! needs. Requests go straight to the router, without sockets.

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use connect_relay::web_app::{self, CONTENT_SECURITY_POLICY, PERMISSIONS_POLICY};
use connect_relay::{AppState, router};
use connect_relay_store::SqliteRelayStore;
use http_body_util::BodyExt;
use tower::ServiceExt;

const WASM: &str = "connect-app-0123456789abcdef.wasm";

fn relay_with_app() -> (Router, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let app = dir.path();
    std::fs::write(app.join("index.html"), "<!DOCTYPE html><title>Connect Companion</title>").unwrap();
    std::fs::write(app.join("sw.js"), "self.addEventListener('fetch', () => {});").unwrap();
    std::fs::write(app.join("manifest.webmanifest"), r#"{"name":"Connect Companion"}"#).unwrap();
    std::fs::write(app.join(WASM), b"\0asm\x01\0\0\0").unwrap();
    std::fs::write(dir.path().parent().unwrap().join("outside-the-app.txt"), "secret").ok();
    let state = AppState::new(SqliteRelayStore::open_in_memory().unwrap());
    (router(state).merge(web_app::routes(app)), dir)
}

async fn get(app: &Router, path: &str) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let response = app.clone().oneshot(Request::get(path).body(Body::empty()).unwrap()).await.unwrap();
    let (parts, body) = response.into_parts();
    (parts.status, parts.headers, body.collect().await.unwrap().to_bytes().to_vec())
}

fn header<'a>(headers: &'a axum::http::HeaderMap, name: &str) -> &'a str {
    headers.get(name).map_or("", |v| v.to_str().unwrap())
}

#[tokio::test]
async fn the_app_is_served_beside_the_api_with_the_headers_a_web_app_needs() {
    let (app, _dir) = relay_with_app();

    let (status, headers, body) = get(&app, "/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(String::from_utf8(body).unwrap().contains("Connect Companion"));
    assert!(header(&headers, "content-type").starts_with("text/html"));
    assert_eq!(header(&headers, "cache-control"), "no-cache", "the entry point is never cached long");
    assert_eq!(header(&headers, "content-security-policy"), CONTENT_SECURITY_POLICY);
    assert_eq!(header(&headers, "x-content-type-options"), "nosniff");
    assert_eq!(header(&headers, "permissions-policy"), PERMISSIONS_POLICY);
    assert!(PERMISSIONS_POLICY.contains("camera=(self)") && PERMISSIONS_POLICY.contains("microphone=()"));

    let (status, headers, _) = get(&app, &format!("/{WASM}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(header(&headers, "content-type"), "application/wasm", "browsers compile wasm only with its MIME type");
    assert_eq!(header(&headers, "cache-control"), "public, max-age=31536000, immutable");

    let (status, headers, _) = get(&app, "/sw.js").await;
    assert_eq!(status, StatusCode::OK);
    assert!(header(&headers, "content-type").contains("javascript"));
    assert_eq!(header(&headers, "service-worker-allowed"), "/");
    assert_eq!(header(&headers, "cache-control"), "no-cache", "a new service worker is seen at once");

    let (_, headers, _) = get(&app, "/manifest.webmanifest").await;
    assert_eq!(header(&headers, "content-type"), "application/manifest+json");
    assert_eq!(header(&headers, "cache-control"), "no-cache");

    // The API still answers on the same origin: the relay, not a missing file.
    let (status, headers, body) = get(&app, "/v1/limits").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{}", String::from_utf8_lossy(&body));
    assert!(header(&headers, "content-type").starts_with("application/json"));
    assert!(String::from_utf8_lossy(&body).contains("not enrolled"));
    let (status, _, _) = get(&app, "/healthz").await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn nothing_outside_the_app_directory_can_be_read_and_missing_files_are_404() {
    let (app, _dir) = relay_with_app();
    for path in ["/../outside-the-app.txt", "/%2e%2e/outside-the-app.txt", "/nothing-here.js"] {
        let (status, _, body) = get(&app, path).await;
        assert!(status.is_client_error(), "{path}: {status}");
        assert!(!String::from_utf8_lossy(&body).contains("secret"), "{path}");
    }
}
