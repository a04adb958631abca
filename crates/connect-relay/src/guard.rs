//! What keeps strangers and floods from costing the relay anything: the
//! token checked from the headers before any body is read, bodies read
//! within a size and a minimum rate, requests in flight and store calls
//! bounded (shed with 503 and `Retry-After` rather than queued), and rate
//! limits per client address and per device (answered 429 with
//! `Retry-After`), on [`governor`]'s keyed token buckets.
//!
//! Every limit fails closed: a client address the server cannot see counts
//! as one shared address, and a rate limiter that would have to remember
//! more clients than it may refuses the new ones instead of growing.

use std::hash::Hash;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, Method, header};
use axum::middleware::Next;
use axum::response::Response;
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota};
use http_body_util::BodyExt;
use tokio::sync::Semaphore;

use crate::RelayError;
use crate::api::AppState;

/// A rate: a bucket of `burst` requests refilled at `per_second`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RateLimit {
    /// Requests allowed at once.
    pub burst: f64,
    /// Requests regained per second.
    pub per_second: f64,
}

impl Default for RateLimit {
    /// The per-device rate: plenty for a phone syncing a large caseload.
    fn default() -> Self {
        Self { burst: 120.0, per_second: 4.0 }
    }
}

impl RateLimit {
    fn quota(self) -> Quota {
        let burst = NonZeroU32::new(self.burst.clamp(1.0, f64::from(u32::MAX)) as u32).unwrap_or(NonZeroU32::MIN);
        let period = Duration::from_secs_f64((1.0 / self.per_second.max(1e-6)).min(86_400.0));
        Quota::with_period(period.max(Duration::from_nanos(1)))
            .unwrap_or(Quota::per_second(NonZeroU32::MIN))
            .allow_burst(burst)
    }
}

/// The relay's limits on what one client may cost it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Protection {
    /// Every authenticated request, per device.
    pub per_device: RateLimit,
    /// Enrolments, per client address.
    pub enrol_per_address: RateLimit,
    /// Enrolments, per device id enrolling.
    pub enrol_per_device: RateLimit,
    /// Requests whose token is wrong, per client address.
    pub failed_auth_per_address: RateLimit,
    /// Requests being answered at once; more are shed (503).
    pub in_flight: usize,
    /// Store calls running or waiting at once; more are shed (503).
    pub store_calls: usize,
    /// A request body must arrive at least this fast (bytes a second)...
    pub body_min_rate: u64,
    /// ...after this much time to start.
    pub body_grace: Duration,
}

impl Default for Protection {
    fn default() -> Self {
        Self {
            per_device: RateLimit::default(),
            // Ten tries in a minute, then one every six seconds: a person
            // typing a code wrong a few times never waits; a script guessing
            // codes gets ten a minute from an address.
            enrol_per_address: RateLimit { burst: 10.0, per_second: 1.0 / 6.0 },
            enrol_per_device: RateLimit { burst: 5.0, per_second: 1.0 / 60.0 },
            failed_auth_per_address: RateLimit { burst: 20.0, per_second: 1.0 },
            in_flight: 256,
            store_calls: 64,
            body_min_rate: 4 * 1024,
            body_grace: Duration::from_secs(10),
        }
    }
}

impl Protection {
    /// Limits no test or benchmark reaches (for measuring what the limits cost).
    #[must_use]
    pub fn off() -> Self {
        let unlimited = RateLimit { burst: 1e9, per_second: 1e9 };
        Self {
            per_device: unlimited,
            enrol_per_address: unlimited,
            enrol_per_device: unlimited,
            failed_auth_per_address: unlimited,
            in_flight: 1 << 20,
            store_calls: 1 << 20,
            body_min_rate: 1,
            body_grace: Duration::from_secs(3600),
        }
    }
}

/// Most clients one limiter remembers; past it (after forgetting those
/// whose buckets are full again) new clients are refused, not remembered.
const MAX_REMEMBERED: usize = 100_000;

/// How long a client is told to wait when a limiter is full.
const FULL_WAIT: Duration = Duration::from_secs(60);

/// One keyed rate limit.
struct Limiter<K: Hash + Eq + Clone> {
    inner: DefaultKeyedRateLimiter<K>,
}

impl<K: Hash + Eq + Clone> Limiter<K> {
    fn new(rate: RateLimit) -> Self {
        Self { inner: governor::RateLimiter::keyed(rate.quota()) }
    }

    /// Takes one request from `key`'s bucket, or says how long to wait.
    fn check(&self, key: &K) -> Result<(), Duration> {
        if self.inner.len() >= MAX_REMEMBERED {
            self.inner.retain_recent();
            if self.inner.len() >= MAX_REMEMBERED {
                return Err(FULL_WAIT);
            }
        }
        self.inner.check_key(key).map_err(|not_until| not_until.wait_time_from(DefaultClock::default().now()))
    }
}

/// The limiters and counters one relay process keeps.
pub(crate) struct Guard {
    pub(crate) protection: Protection,
    per_device: Limiter<connect_model::DeviceId>,
    enrol_per_address: Limiter<IpAddr>,
    enrol_per_device: Limiter<connect_model::DeviceId>,
    failed_auth: Limiter<IpAddr>,
    in_flight: Arc<Semaphore>,
    pub(crate) store_calls: Arc<Semaphore>,
}

impl Guard {
    pub(crate) fn new(protection: Protection) -> Self {
        Self {
            per_device: Limiter::new(protection.per_device),
            enrol_per_address: Limiter::new(protection.enrol_per_address),
            enrol_per_device: Limiter::new(protection.enrol_per_device),
            failed_auth: Limiter::new(protection.failed_auth_per_address),
            in_flight: Arc::new(Semaphore::new(protection.in_flight.max(1))),
            store_calls: Arc::new(Semaphore::new(protection.store_calls.max(1))),
            protection,
        }
    }

    /// A device's request: within its rate, or the wait.
    pub(crate) fn device(&self, device: connect_model::DeviceId) -> Result<(), RelayError> {
        self.per_device.check(&device).map_err(RelayError::rate_limited)
    }

    /// An enrolment from `address`, counted before its body is read: over
    /// the limit it is told to wait.
    pub(crate) fn enrol_from(&self, address: IpAddr) -> Result<(), RelayError> {
        self.enrol_per_address.check(&address).map_err(RelayError::rate_limited)
    }

    /// An enrolment naming `device`, counted once its body is read: over the
    /// limit it is told to wait.
    pub(crate) fn enrol_as(&self, device: connect_model::DeviceId) -> Result<(), RelayError> {
        self.enrol_per_device.check(&device).map_err(RelayError::rate_limited)
    }

    /// A wrong token from `address`: counted; over the limit it is told to wait.
    pub(crate) fn failed_auth(&self, address: IpAddr) -> RelayError {
        match self.failed_auth.check(&address) {
            Ok(()) => RelayError::Unauthorised,
            Err(wait) => RelayError::rate_limited(wait),
        }
    }
}

/// The client's address as the server saw it; one shared address when it
/// is not known (a request not from a socket), so limits still hold.
pub(crate) fn client_address(request: &Request) -> IpAddr {
    request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |ConnectInfo(addr)| addr.ip())
}

/// Every request holds one of the in-flight places; with none left it is
/// shed at once (503, `Retry-After`) rather than queued.
pub(crate) async fn in_flight(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let Ok(_place) = state.guard.in_flight.clone().try_acquire_owned() else {
        return axum::response::IntoResponse::into_response(RelayError::Overloaded);
    };
    next.run(request).await
}

/// The bearer token of a request, if it has a well-formed one.
fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?.strip_prefix("Bearer ")?.trim();
    // Tokens are 64 hex digits: anything else is refused without a lookup.
    (value.len() == 64 && value.bytes().all(|b| b.is_ascii_hexdigit())).then_some(value)
}

/// Authenticates from the headers alone, before any body is read: a wrong
/// token is answered at once and its body never buffered. Then the body is
/// read within its limits, and the handler finds the device in the
/// request's extensions.
pub(crate) async fn authenticate(State(state): State<AppState>, request: Request, next: Next) -> Response {
    match authenticated(&state, request).await {
        Ok(request) => next.run(request).await,
        Err(e) => axum::response::IntoResponse::into_response(e),
    }
}

async fn authenticated(state: &AppState, request: Request) -> Result<Request, RelayError> {
    let address = client_address(&request);
    let Some(token) = bearer(request.headers()) else {
        return Err(state.guard.failed_auth(address));
    };
    let hash = crate::auth::hash_token(token);
    let now = crate::api::now();
    let found = state.with_db(move |db| Ok(db.device_by_token(&hash, now)?)).await?;
    let Some(device) = found else {
        return Err(state.guard.failed_auth(address));
    };
    if device.revoked {
        return Err(RelayError::Revoked);
    }
    state.guard.device(device.device_id)?;
    let path = request.uri().path();
    if path.starts_with("/v1/blobs/") {
        // Media bodies are read by their handler, piece by piece as each
        // is stored (`crate::media`), within the same rules.
        let (mut parts, body) = request.into_parts();
        parts.extensions.insert(device);
        return Ok(Request::from_parts(parts, body));
    }
    let limit = if path == "/v1/sync" { state.limits.max_request_bytes } else { JSON_BODY_LIMIT };
    let (mut parts, body) = request.into_parts();
    let bytes = read_body(&parts.method, &parts.headers, body, limit, &state.guard.protection).await?;
    parts.extensions.insert(device);
    Ok(Request::from_parts(parts, Body::from(bytes)))
}

/// The largest JSON body any endpoint takes.
pub(crate) const JSON_BODY_LIMIT: usize = 64 * 1024;

/// Reads a whole request body: refused at once if it says it is larger
/// than `limit`, cut off as soon as it grows past it, and given up on if it
/// arrives slower than the minimum rate.
pub(crate) async fn read_body(
    method: &Method,
    headers: &HeaderMap,
    body: Body,
    limit: usize,
    protection: &Protection,
) -> Result<Bytes, RelayError> {
    if method == Method::GET || method == Method::HEAD {
        return Ok(Bytes::new());
    }
    let mut pieces = BodyPieces::new(headers, body, limit, limit, protection)?;
    let mut read = Vec::new();
    loop {
        match pieces.next().await {
            Piece::Bytes(b) => read.extend_from_slice(&b),
            Piece::End => return Ok(Bytes::from(read)),
            Piece::Stopped { why, .. } => return Err(why),
        }
    }
}

/// One step of reading a body in pieces.
pub(crate) enum Piece {
    /// The next `piece` bytes (the last may be shorter).
    Bytes(Vec<u8>),
    /// The body ended.
    End,
    /// The body stopped early: cut off, too slow or too large. `rest` is
    /// what arrived since the last piece, which a resumable upload keeps.
    Stopped {
        /// What arrived since the last piece.
        rest: Vec<u8>,
        /// Why it stopped.
        why: RelayError,
    },
}

/// A request body read piece by piece, under [`read_body`]'s rules (the
/// declared and actual size, the minimum rate): a media upload stores each
/// piece as it comes, so a connection cut in the middle loses little, and
/// the relay holds one piece per upload, never a whole body.
pub(crate) struct BodyPieces {
    body: Body,
    started: Instant,
    read: usize,
    limit: usize,
    piece: usize,
    pending: Vec<u8>,
    grace: Duration,
    min_rate: u64,
}

impl BodyPieces {
    /// Refuses at once a body that says it is larger than `limit`.
    pub(crate) fn new(
        headers: &HeaderMap,
        body: Body,
        limit: usize,
        piece: usize,
        protection: &Protection,
    ) -> Result<Self, RelayError> {
        let declared =
            headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<u64>().ok());
        if declared.is_some_and(|n| n > limit as u64) {
            return Err(too_large(limit));
        }
        Ok(Self {
            body,
            started: Instant::now(),
            read: 0,
            limit,
            piece: piece.max(1),
            pending: Vec::new(),
            grace: protection.body_grace,
            min_rate: protection.body_min_rate.max(1),
        })
    }

    /// The next piece, the end, or why the body stopped.
    pub(crate) async fn next(&mut self) -> Piece {
        loop {
            if self.pending.len() >= self.piece {
                let rest = self.pending.split_off(self.piece);
                return Piece::Bytes(std::mem::replace(&mut self.pending, rest));
            }
            let allowed = self.grace + Duration::from_secs_f64(self.read as f64 / self.min_rate as f64);
            let deadline = tokio::time::Instant::from_std(self.started + allowed);
            let stop = |this: &mut Self, why| Piece::Stopped { rest: std::mem::take(&mut this.pending), why };
            match tokio::time::timeout_at(deadline, self.body.frame()).await {
                Err(_) => return stop(self, RelayError::TooSlow),
                Ok(None) if self.pending.is_empty() => return Piece::End,
                Ok(None) => return Piece::Bytes(std::mem::take(&mut self.pending)),
                Ok(Some(Err(_))) => return stop(self, RelayError::BadRequest("the body was cut off".into())),
                Ok(Some(Ok(frame))) => {
                    if let Ok(data) = frame.into_data() {
                        if self.read + data.len() > self.limit {
                            return stop(self, too_large(self.limit));
                        }
                        self.read += data.len();
                        self.pending.extend_from_slice(&data);
                    }
                }
            }
        }
    }
}

fn too_large(limit: usize) -> RelayError {
    RelayError::TooLarge(format!("the body is larger than the relay takes ({limit} bytes)"))
}
