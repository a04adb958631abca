//! Serving the built web app (`connect-relay serve --app DIR`) at `/`,
//! beside the API on the same origin, so phones need no CORS and the service
//! worker's scope is the whole app.
//!
//! Files come from `tower-http`'s `ServeDir` (content types, no path escapes,
//! ranges, `index.html` for `/`). `scripts/build-web` writes a brotli (`.br`)
//! and a gzip (`.gz`) copy beside each file that compresses; the browser gets
//! the best its `Accept-Encoding` takes, with `Content-Encoding` and the
//! original's content type (so a phone on a weak signal downloads the wasm
//! module compressed, a third of its size), and every file answer says
//! `Vary: Accept-Encoding`, so no cache hands one encoding to a browser that
//! asked for another. Every answer gets the headers a web app
//! needs: a strict Content-Security-Policy, `nosniff`, no referrer; the
//! service worker its scope; a permissions policy that allows the camera (for
//! an invite's QR code and photos) and the microphone (voice notes) to the
//! app's own origin and nothing else; the entry points (`/`, `index.html`, the service
//! worker, the manifest) `no-cache`, so a new version is seen at once; and
//! files named by their content hash `immutable`, cached for a year.

use std::path::Path;

use axum::Router;
use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::{self, Next};
use axum::response::Response;
use tower_http::services::ServeDir;

/// What the app may load: only itself. Scripts are its own files, and
/// WebAssembly may be compiled; styles may be inline (the screens carry
/// their style sheet); images may be data URLs (icons, QR codes) and
/// images and sound `blob:` URLs (a photo or voice note from the phone's
/// encrypted store, played without leaving it); nothing may frame it.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
     style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self'; worker-src 'self'; \
     manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// What the app may use of the phone: the camera, to read an invite's QR
/// code and take photos, and the microphone, to record voice notes, both
/// for the app's own origin only; nothing else a page could ask for.
pub const PERMISSIONS_POLICY: &str = "camera=(self), microphone=(self), geolocation=(), payment=(), usb=()";

/// The service worker's file name; it controls the whole origin.
pub const SERVICE_WORKER: &str = "sw.js";

/// A year: how long a file named by its content hash may be cached.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// Routes that serve the built app in `dir`; merge them under the API.
pub fn routes(dir: &Path) -> Router {
    let files = ServeDir::new(dir).precompressed_br().precompressed_gzip();
    Router::new().fallback_service(files).layer(middleware::from_fn(app_headers))
}

/// Whether `path` is named by its content's hash: its file name is
/// `name-<16+ hex>.ext`, as `scripts/build-web` names everything but the
/// entry points, or its top folder is `name-<16+ hex>`, as it names the
/// folder of the JavaScript snippets wasm-bindgen writes (whose own names are
/// not hashes of their contents).
#[must_use]
pub fn is_hashed(path: &str) -> bool {
    let named_by_hash = |name: &str| {
        let stem = name.split('.').next().unwrap_or_default();
        stem.rsplit_once('-').is_some_and(|(_, hash)| hash.len() >= 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
    };
    let path = path.trim_start_matches('/');
    let file = path.rsplit('/').next().unwrap_or_default();
    let top = path.split_once('/').map(|(top, _)| top);
    named_by_hash(file) || top.is_some_and(named_by_hash)
}

async fn app_headers(request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CONTENT_SECURITY_POLICY));
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    headers.insert("permissions-policy", HeaderValue::from_static(PERMISSIONS_POLICY));
    // Whichever encoding was chosen (identity too) depends on the request's Accept-Encoding.
    headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    let cache = if is_hashed(&path) { IMMUTABLE } else { "no-cache" };
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    if path.trim_start_matches('/') == SERVICE_WORKER {
        headers.insert("service-worker-allowed", HeaderValue::from_static("/"));
    }
    if path.ends_with(".webmanifest") {
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/manifest+json"));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::is_hashed;

    #[test]
    fn only_files_named_by_a_content_hash_count_as_hashed() {
        assert!(is_hashed("/connect-app-0123456789abcdef.wasm"));
        assert!(is_hashed("/assets/style-0123456789abcdef0123.css"));
        assert!(!is_hashed("/"));
        assert!(!is_hashed("/index.html"));
        assert!(!is_hashed("/sw.js"));
        assert!(!is_hashed("/connect-app.wasm"));
        assert!(!is_hashed("/my-icon-192.png"));
        assert!(!is_hashed("/connect-app-0123456789abcdeg.wasm"), "not hex");
        assert!(is_hashed("/snippets-0123456789abcdef0123/dioxus-web-eae67878b22d6805/inline0.js"));
        assert!(
            !is_hashed("/snippets/dioxus-web-eae67878b22d6805/inline0.js"),
            "wasm-bindgen's own folder names are a crate's, not its content's"
        );
        assert!(!is_hashed("/icons/icon-192.png"));
    }
}
