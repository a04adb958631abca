//! Serving the relay on a socket: HTTP/1.1 on hyper with a timer, so no
//! connection lasts longer than it works.
//!
//! - A connection must send a request's headers within
//!   [`ServeLimits::header_timeout`] of opening or of its last answer (the
//!   same timer closes an idle keep-alive connection); a TLS handshake must
//!   finish within it too. Bodies are read within a minimum rate by
//!   [`crate::guard`].
//! - At most [`ServeLimits::max_connections`] connections are open at once;
//!   past that a new one is answered 503 with `Retry-After` and closed
//!   (over TLS, closed), never queued.
//! - Over HTTPS every answer carries `Strict-Transport-Security`.
//! - Ctrl-C stops accepting, and open connections get a few seconds to finish.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::ConnectInfo;
use axum::http::{HeaderValue, header};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::AsyncWriteExt;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower_http::set_header::SetResponseHeaderLayer;

/// How long and how many: what one connection may hold of the relay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServeLimits {
    /// A request's headers (or a TLS handshake) must arrive within this;
    /// an idle keep-alive connection is closed after it.
    pub header_timeout: Duration,
    /// Most connections open at once.
    pub max_connections: usize,
    /// How long open connections get to finish at shutdown.
    pub grace: Duration,
}

impl Default for ServeLimits {
    fn default() -> Self {
        Self { header_timeout: Duration::from_secs(10), max_connections: 1024, grace: Duration::from_secs(10) }
    }
}

/// What a connection over the limit is told before it is closed.
const SHED: &[u8] =
    b"HTTP/1.1 503 Service Unavailable\r\nRetry-After: 5\r\nConnection: close\r\nContent-Length: 0\r\n\r\n";

/// HSTS for a relay that speaks HTTPS itself: two years, subdomains too.
pub fn with_hsts(app: Router) -> Router {
    app.layer(SetResponseHeaderLayer::if_not_present(
        header::STRICT_TRANSPORT_SECURITY,
        HeaderValue::from_static("max-age=63072000; includeSubDomains"),
    ))
}

/// Serves `app` on `listener` until `shutdown` completes: over TLS if
/// `tls` is given (and then with HSTS on every answer).
pub async fn serve(
    listener: TcpListener,
    app: Router,
    tls: Option<tokio_rustls::TlsAcceptor>,
    limits: ServeLimits,
    shutdown: impl Future<Output = ()>,
) {
    let app = if tls.is_some() { with_hsts(app) } else { app };
    let connections = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(pair) => pair,
                Err(e) => {
                    // Out of file descriptors and the like: wait, do not spin.
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Ok(place) = connections.clone().try_acquire_owned() else {
            tokio::spawn(shed(stream, tls.is_some()));
            continue;
        };
        let app = app.clone();
        let tls = tls.clone();
        let watcher = graceful.watcher();
        tokio::spawn(async move {
            let _place = place;
            let service = hyper::service::service_fn(move |mut request: hyper::Request<hyper::body::Incoming>| {
                request.extensions_mut().insert(ConnectInfo(peer));
                tower::ServiceExt::oneshot(app.clone(), request.map(axum::body::Body::new))
            });
            let mut http = hyper::server::conn::http1::Builder::new();
            http.timer(TokioTimer::new()).header_read_timeout(limits.header_timeout).keep_alive(true);
            match tls {
                None => drop(watcher.watch(http.serve_connection(TokioIo::new(stream), service)).await),
                Some(acceptor) => {
                    let Ok(Ok(stream)) = tokio::time::timeout(limits.header_timeout, acceptor.accept(stream)).await
                    else {
                        return;
                    };
                    drop(watcher.watch(http.serve_connection(TokioIo::new(stream), service)).await);
                }
            }
        });
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(limits.grace) => tracing::info!("closing connections still open"),
    }
}

/// Tells a connection over the limit to come back later, and closes it.
async fn shed(mut stream: tokio::net::TcpStream, tls: bool) {
    if !tls {
        let _ = tokio::time::timeout(Duration::from_secs(1), stream.write_all(SHED)).await;
    }
    let _ = stream.shutdown().await;
}

/// A TLS acceptor for the certificate chain and key in these PEM files,
/// speaking HTTP/1.1.
pub fn tls_acceptor(cert: &std::path::Path, key: &std::path::Path) -> anyhow::Result<tokio_rustls::TlsAcceptor> {
    use anyhow::Context;
    use rustls::pki_types::pem::PemObject;
    let certs = rustls::pki_types::CertificateDer::pem_file_iter(cert)
        .with_context(|| format!("cannot read the certificate {}", cert.display()))?
        .collect::<Result<Vec<_>, _>>()
        .with_context(|| format!("{} is not a PEM certificate chain", cert.display()))?;
    let key = rustls::pki_types::PrivateKeyDer::from_pem_file(key)
        .with_context(|| format!("cannot read the private key {}", key.display()))?;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .context("TLS versions")?
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .context("the certificate and key do not go together")?;
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(tokio_rustls::TlsAcceptor::from(Arc::new(config)))
}

/// The address a listener is bound to, for messages.
#[must_use]
pub fn address(listener: &TcpListener) -> Option<SocketAddr> {
    listener.local_addr().ok()
}
