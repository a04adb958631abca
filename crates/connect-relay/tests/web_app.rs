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
    get_accepting(app, path, None).await
}

/// A GET whose `Accept-Encoding` is `encodings` (none at all with `None`).
async fn get_accepting(
    app: &Router,
    path: &str,
    encodings: Option<&str>,
) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let mut request = Request::get(path);
    if let Some(encodings) = encodings {
        request = request.header("accept-encoding", encodings);
    }
    let response = app.clone().oneshot(request.body(Body::empty()).unwrap()).await.unwrap();
    let (parts, body) = response.into_parts();
    (parts.status, parts.headers, body.collect().await.unwrap().to_bytes().to_vec())
}

/// What `scripts/build-web` writes beside a file: its brotli and gzip copies.
/// Their bytes here only say which copy they are; the relay never reads them.
fn precompress(app: &std::path::Path, file: &str) {
    std::fs::write(app.join(format!("{file}.br")), format!("brotli copy of {file}")).unwrap();
    std::fs::write(app.join(format!("{file}.gz")), format!("gzip copy of {file}")).unwrap();
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
    // Photos and voice notes, for the app's own origin; nothing else.
    assert!(PERMISSIONS_POLICY.contains("camera=(self)") && PERMISSIONS_POLICY.contains("microphone=(self)"));
    assert!(PERMISSIONS_POLICY.contains("geolocation=()"));
    assert!(CONTENT_SECURITY_POLICY.contains("media-src 'self' blob:"));

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

#[tokio::test]
async fn an_unknown_api_address_is_the_apis_own_404_never_cached_not_the_apps() {
    let (app, _dir) = relay_with_app();
    for path in ["/v1/nothing-here", "/v1/residents/x/y/z", "/v1/", "/v1"] {
        let (status, headers, body) = get(&app, path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(header(&headers, "cache-control"), "no-store", "{path}");
        let error: serde_json::Value = serde_json::from_slice(&body).expect("a JSON error");
        assert_eq!(error["error"], "not_found", "{path}: {error}");
    }
}

/// Chromium's own `Accept-Encoding`.
const CHROMIUM: &str = "gzip, deflate, br, zstd";

#[tokio::test]
async fn compressed_copies_are_served_by_accept_encoding_with_every_header_kept() {
    let (app, dir) = relay_with_app();
    for file in ["index.html", "sw.js", "manifest.webmanifest", WASM] {
        precompress(dir.path(), file);
    }
    std::fs::write(dir.path().join("icon-192.png"), b"\x89PNG not worth compressing").unwrap();

    // Each encoding a browser may take, and what it gets for the wasm module.
    let wasm = format!("/{WASM}");
    for (accepts, encoding, body) in [
        (Some(CHROMIUM), "br", format!("brotli copy of {WASM}").into_bytes()),
        (Some("br"), "br", format!("brotli copy of {WASM}").into_bytes()),
        (Some("gzip"), "gzip", format!("gzip copy of {WASM}").into_bytes()),
        (Some("gzip;q=1, br;q=0.5"), "gzip", format!("gzip copy of {WASM}").into_bytes()),
        (Some("identity"), "", b"\0asm\x01\0\0\0".to_vec()),
        (Some("zstd"), "", b"\0asm\x01\0\0\0".to_vec()),
        (None, "", b"\0asm\x01\0\0\0".to_vec()),
    ] {
        let (status, headers, got) = get_accepting(&app, &wasm, accepts).await;
        let asked = accepts.unwrap_or("no Accept-Encoding");
        assert_eq!(status, StatusCode::OK, "{asked}");
        assert_eq!(String::from_utf8_lossy(&got), String::from_utf8_lossy(&body), "{asked}: the copy in that encoding");
        assert_eq!(header(&headers, "content-encoding"), encoding, "{asked}");
        assert_eq!(header(&headers, "content-length"), body.len().to_string(), "{asked}");
        assert_eq!(header(&headers, "vary"), "accept-encoding", "{asked}: caches keep the encodings apart");
        assert_eq!(header(&headers, "content-type"), "application/wasm", "{asked}: streaming compilation needs it");
        assert_eq!(header(&headers, "cache-control"), "public, max-age=31536000, immutable", "{asked}");
        assert_eq!(header(&headers, "content-security-policy"), CONTENT_SECURITY_POLICY, "{asked}");
        assert_eq!(header(&headers, "x-content-type-options"), "nosniff", "{asked}");
        assert_eq!(header(&headers, "referrer-policy"), "no-referrer", "{asked}");
        assert_eq!(header(&headers, "permissions-policy"), PERMISSIONS_POLICY, "{asked}");
    }

    // The entry points keep their own headers when compressed.
    let (status, headers, body) = get_accepting(&app, "/", Some(CHROMIUM)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, b"brotli copy of index.html", "the page at / comes compressed too");
    assert_eq!(header(&headers, "content-encoding"), "br");
    assert!(header(&headers, "content-type").starts_with("text/html"));
    assert_eq!(header(&headers, "cache-control"), "no-cache");
    assert_eq!(header(&headers, "vary"), "accept-encoding");
    assert_eq!(header(&headers, "content-security-policy"), CONTENT_SECURITY_POLICY);

    let (_, headers, body) = get_accepting(&app, "/sw.js", Some("gzip")).await;
    assert_eq!(body, b"gzip copy of sw.js");
    assert_eq!(header(&headers, "content-encoding"), "gzip");
    assert!(header(&headers, "content-type").contains("javascript"));
    assert_eq!(header(&headers, "service-worker-allowed"), "/");
    assert_eq!(header(&headers, "cache-control"), "no-cache");

    let (_, headers, body) = get_accepting(&app, "/manifest.webmanifest", Some(CHROMIUM)).await;
    assert_eq!(body, b"brotli copy of manifest.webmanifest");
    assert_eq!(header(&headers, "content-encoding"), "br");
    assert_eq!(header(&headers, "content-type"), "application/manifest+json");

    // A file with no compressed copy (a PNG is compressed already) comes as it is.
    let (status, headers, body) = get_accepting(&app, "/icon-192.png", Some(CHROMIUM)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, b"\x89PNG not worth compressing");
    assert_eq!(header(&headers, "content-encoding"), "");
    assert_eq!(header(&headers, "content-type"), "image/png");
    assert_eq!(header(&headers, "vary"), "accept-encoding");

    // The API's answers are the API's: no file headers, whatever the request accepts.
    let (status, headers, _) = get_accepting(&app, "/v1/limits", Some(CHROMIUM)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(header(&headers, "content-encoding"), "");
}
