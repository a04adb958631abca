//! The HTTP surface. [`router`] builds the whole app from its state, so tests
//! drive it with `oneshot` and no socket.
//!
//! - `GET /healthz` (reads the store: 503 if it cannot), `GET /metrics` (with
//!   the metrics token, or on its own `--metrics-listen` address)
//! - `POST /v1/enrol` (invite code → device token)
//! - `POST /v1/sync` (binary, see `connect_sync::protocol`)
//! - `GET /v1/me`, `GET /v1/limits` (what one sync request may carry)
//! - coordinators ([`crate::team`]): invites (`POST`/`GET /v1/invites`,
//!   `POST /v1/invites/{id}/cancel`), assignments (`POST /v1/assignments`,
//!   `POST /v1/assignments/remove`), people (`GET /v1/people`,
//!   `POST /v1/people/{id}/remove`), `POST /v1/devices/{id}/revoke`,
//!   `POST /v1/residents/{id}/erase`
//! - `GET /v1/residents/{id}/history`: the audit trail of the documents the
//!   caller may read (who changed what and when, as the relay accepted it)
//! - media ([`crate::media`]): `HEAD`, `PATCH` and `GET /v1/blobs/{sha256}?doc={id}`
//!
//! Every JSON body is a type from `connect_sync::api`. Every answer says
//! `Cache-Control: no-store`. What a request may cost is [`crate::guard`]'s:
//! the token is checked from the headers before the body is read. There is
//! no store-wide lock: each request runs its store calls on a blocking
//! thread with a pooled connection, so one failing (even panicking) request
//! cannot affect the next.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};
use std::time::Instant;

use axum::extract::{DefaultBodyLimit, Path, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, post};
use axum::{Extension, Json, Router};
use connect_model::history::AcceptedRecord;
use connect_model::{DeviceId, DocKind, DocumentId, ResidentId, Timestamp};
use connect_relay_store::{DeviceRecord, InviteProblem, RelayStore};
use connect_sync::api::{self as wire, EnrolRequest, EnrolResponse, EraseResponse, HistoryResponse};
use connect_sync::protocol::{Limits, ProtocolError, SyncRequest};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::access::{self, Access};
use crate::guard::{self, Guard, JSON_BODY_LIMIT, Protection, RateLimit};
use crate::metrics::Metrics;
use crate::sync::{SyncLimits, handle_sync_with_fault};
use crate::{RelayError, auth, media, team};

/// A failure a test can make the next sync request suffer, inside its handler.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Fault {
    /// The handler panics just before it commits.
    Panic = 1,
    /// The handler fails with an internal error just before it commits.
    Error = 2,
}

/// The store every request shares: a cheap handle to its connections.
pub type SharedStore = connect_relay_store::SharedRelayStore;

/// Everything a request handler needs.
#[derive(Clone)]
pub struct AppState {
    db: SharedStore,
    metrics: Arc<Metrics>,
    pub(crate) limits: SyncLimits,
    pub(crate) guard: Arc<Guard>,
    /// The SHA-256 of the token `/metrics` asks for, if it is served here.
    metrics_token: Option<Arc<[u8]>>,
    fault: Arc<AtomicU8>,
}

impl AppState {
    /// State over an open relay store with default limits.
    #[must_use]
    pub fn new(db: impl RelayStore + Send + Sync + 'static) -> Self {
        Self::shared(Arc::new(db))
    }

    /// State over a relay store shared with the caller (tests drive sync
    /// in-process and the HTTP surface over the same store).
    #[must_use]
    pub fn shared(db: SharedStore) -> Self {
        Self {
            db,
            metrics: Arc::new(Metrics::default()),
            limits: SyncLimits::default(),
            guard: Arc::new(Guard::new(Protection::default())),
            metrics_token: None,
            fault: Arc::new(AtomicU8::new(0)),
        }
    }

    /// Overrides the sync limits, the per-device rate limit and the sync body limit.
    #[must_use]
    pub fn with_limits(mut self, limits: SyncLimits, rate: RateLimit, max_body: usize) -> Self {
        self.limits = SyncLimits { max_request_bytes: max_body, ..limits };
        let protection = Protection { per_device: rate, ..self.guard.protection };
        self.guard = Arc::new(Guard::new(protection));
        self
    }

    /// Overrides what one client may cost the relay.
    #[must_use]
    pub fn with_protection(mut self, protection: Protection) -> Self {
        self.guard = Arc::new(Guard::new(protection));
        self
    }

    /// Serves `/metrics` to requests that carry `token` (as a bearer token).
    #[must_use]
    pub fn with_metrics_token(mut self, token: &str) -> Self {
        self.metrics_token = Some(auth::hash_token(token).into());
        self
    }

    /// Makes the next sync request fail inside its handler (tests only).
    #[doc(hidden)]
    pub fn inject_fault(&self, fault: Fault) {
        self.fault.store(fault as u8, Ordering::SeqCst);
    }

    /// Runs `f` with the store on a blocking thread (store calls block). A
    /// call that cannot get a place among the store calls soon is shed
    /// (503): waiting callers would only pile up. A panic in `f` fails this
    /// request only.
    pub(crate) async fn with_db<T: Send + 'static>(
        &self,
        f: impl FnOnce(&(dyn RelayStore + Send + Sync)) -> Result<T, RelayError> + Send + 'static,
    ) -> Result<T, RelayError> {
        let calls = self.guard.store_calls.clone();
        let place = tokio::time::timeout(STORE_WAIT, calls.acquire_owned())
            .await
            .map_err(|_| RelayError::Overloaded)?
            .map_err(|_| RelayError::Overloaded)?;
        let db = self.db.clone();
        tokio::task::spawn_blocking(move || {
            let _place = place;
            f(&*db)
        })
        .await
        .map_err(|e| RelayError::Internal(format!("request handler failed: {e}")))?
    }
}

/// How long a request waits for a place among the store calls before it is shed.
const STORE_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

/// Builds the relay's router (the API; the web app and HSTS are added by `serve`).
pub fn router(state: AppState) -> Router {
    let authenticated = Router::new()
        .route("/v1/sync", post(sync))
        .route("/v1/me", get(me))
        .route("/v1/limits", get(limits))
        .route("/v1/invites", post(team::invite).get(team::invites))
        .route("/v1/invites/{id}/cancel", post(team::cancel_invite))
        .route("/v1/assignments", post(team::assign))
        .route("/v1/assignments/remove", post(team::unassign))
        .route("/v1/people", get(team::people))
        .route("/v1/people/{id}/remove", post(team::remove_person))
        .route("/v1/devices/{id}/revoke", post(team::revoke))
        .route("/v1/residents/{id}/erase", post(erase))
        .route("/v1/residents/{id}/history", get(history))
        .route("/v1/blobs/{hash}", get(media::get).head(media::head).patch(media::patch))
        .route_layer(axum::middleware::from_fn_with_state(state.clone(), guard::authenticate));
    Router::new()
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrics))
        .route("/v1/enrol", post(enrol))
        // Any other /v1/ path is the API's own 404 (no-store, in JSON), not
        // the web app's beside it.
        .route("/v1", any(no_such_endpoint))
        .route("/v1/", any(no_such_endpoint))
        .route("/v1/{*rest}", any(no_such_endpoint))
        .merge(authenticated)
        // Bodies are read by the guard, within its limits.
        .layer(DefaultBodyLimit::disable())
        .layer(axum::middleware::from_fn_with_state(state.clone(), guard::in_flight))
        .layer(axum::middleware::from_fn_with_state(state.clone(), count_and_log))
        .layer(SetResponseHeaderLayer::overriding(header::CACHE_CONTROL, HeaderValue::from_static("no-store")))
        .with_state(state)
}

/// An address under /v1/ that is no endpoint.
async fn no_such_endpoint() -> RelayError {
    RelayError::NotFound("there is no such endpoint on this relay: update the app".into())
}

/// Only `/metrics`, for its own address (`--metrics-listen`): no token asked.
pub fn metrics_router(state: AppState) -> Router {
    Router::new().route("/metrics", get(metrics_open)).with_state(state)
}

/// Counts every request and logs method, path, status and time; never bodies.
async fn count_and_log(State(state): State<AppState>, req: Request, next: axum::middleware::Next) -> Response {
    let started = Instant::now();
    let method = req.method().clone();
    let path = req.uri().path().to_owned();
    let response = next.run(req).await;
    Metrics::add(&state.metrics.requests, 1);
    if response.status().is_client_error() || response.status().is_server_error() {
        Metrics::add(&state.metrics.errors, 1);
    }
    tracing::info!(%method, %path, status = response.status().as_u16(), ms = started.elapsed().as_millis() as u64, "request");
    response
}

pub(crate) fn now() -> Timestamp {
    Timestamp::new(chrono::Utc::now())
}

/// Healthy only if the store answers a read.
async fn healthz(State(state): State<AppState>) -> Response {
    match state.with_db(|db| Ok(db.check()?)).await {
        Ok(()) => "ok".into_response(),
        Err(e) => {
            tracing::error!(error = ?e, "health check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "the relay cannot read its store").into_response()
        }
    }
}

/// `/metrics` on the main address: only with the metrics token.
async fn metrics(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, RelayError> {
    let Some(expected) = &state.metrics_token else {
        return Err(RelayError::NotFound("metrics are served on their own address (--metrics-listen)".into()));
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(auth::hash_token);
    if given.as_deref() != Some(&**expected) {
        return Err(RelayError::Unauthorised);
    }
    metrics_open(State(state)).await
}

async fn metrics_open(State(state): State<AppState>) -> Result<Response, RelayError> {
    let (counts, pool) = state.with_db(|db| Ok((db.counts()?, db.pool_state()))).await?;
    let (docs, devices, teams) = counts;
    Ok(([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], state.metrics.render(docs, devices, teams, pool))
        .into_response())
}

/// What one sync request may carry; also sent in every sync response.
async fn limits(State(state): State<AppState>) -> Json<Limits> {
    Json(state.limits.advertised())
}

/// A store person as the API shows them.
/// A store device as the API shows it.
pub(crate) fn device_body(d: DeviceRecord) -> wire::Device {
    wire::Device { device_id: d.device_id, person: d.person, name: d.name, revoked: d.revoked }
}

fn invite_refusal(problem: InviteProblem) -> RelayError {
    match problem {
        InviteProblem::Unknown => RelayError::NotFound("that invite code is not known; check it".into()),
        InviteProblem::Used => RelayError::Forbidden("that invite code has already been used".into()),
        InviteProblem::Expired => RelayError::Forbidden("that invite code has expired; ask for a new one".into()),
        InviteProblem::Cancelled => RelayError::Forbidden("that invite code was cancelled; ask for a new one".into()),
        InviteProblem::DeviceSeen => {
            RelayError::Forbidden("this device is already known to the relay; set the app up again to enrol it".into())
        }
    }
}

/// Enrols a device. The code is looked up with a read first: a wrong code,
/// or a device id the relay has seen, is answered without a write lock.
async fn enrol(State(state): State<AppState>, request: Request) -> Result<Json<EnrolResponse>, RelayError> {
    // Counted per address before the body is read, so junk and malformed
    // enrolments count against the limit as much as wrong codes do.
    state.guard.enrol_from(guard::client_address(&request))?;
    let (parts, body) = request.into_parts();
    let bytes = guard::read_body(&parts.method, &parts.headers, body, JSON_BODY_LIMIT, &state.guard.protection).await?;
    let req: EnrolRequest =
        serde_json::from_slice(&bytes).map_err(|e| RelayError::BadRequest(format!("not an enrolment: {e}")))?;
    state.guard.enrol_as(req.device_id)?;
    if req.device_id.uuid().is_nil() {
        return Err(RelayError::BadRequest("a device id of zeros is not a device's id".into()));
    }
    let code_hash = auth::hash_invite(&req.invite);
    let lookup = code_hash.clone();
    let (found, seen) =
        state.with_db(move |db| Ok((db.find_invite(&lookup)?, db.device(req.device_id)?.is_some()))).await?;
    connect_relay_store::policy::check_invite(found.as_ref(), now()).map_err(invite_refusal)?;
    if seen {
        return Err(invite_refusal(InviteProblem::DeviceSeen));
    }
    let token = auth::new_token();
    let token_hash = auth::hash_token(&token);
    let result = state
        .with_db(move |db| {
            Ok(db.redeem_invite(&code_hash, &req.person_name, req.device_id, &req.device_name, &token_hash, now())?)
        })
        .await?;
    let record = result.map_err(invite_refusal)?;
    tracing::info!(device = %record.device_id, role = %record.person.role, "device enrolled");
    Ok(Json(EnrolResponse { token, team: record.person.team, person: record.person }))
}

async fn sync(
    State(state): State<AppState>,
    Extension(device): Extension<DeviceRecord>,
    body: axum::body::Bytes,
) -> Result<Response, RelayError> {
    Metrics::add(&state.metrics.bytes_in, body.len() as u64);
    let request = SyncRequest::decode(&body).map_err(|e| match e {
        ProtocolError::PeerOlder { .. } => RelayError::UpdateApp,
        ProtocolError::PeerNewer { .. } => RelayError::UpdateRelay,
        ProtocolError::Malformed(m) => RelayError::BadRequest(format!("malformed sync body: {m}")),
    })?;
    drop(body);
    let limits = state.limits;
    let fault = state.fault.swap(0, Ordering::SeqCst);
    let (response, outcome) = state
        .with_db(move |db| {
            let hook = move || match fault {
                f if f == Fault::Panic as u8 => panic!("injected fault"),
                f if f == Fault::Error as u8 => Err(RelayError::Internal("injected fault".into())),
                _ => Ok(()),
            };
            handle_sync_with_fault(db, &device, &request, now(), limits, &hook)
        })
        .await?;
    Metrics::add(&state.metrics.sync_rounds, 1);
    Metrics::add(&state.metrics.changes_accepted, outcome.changes_accepted);
    Metrics::add(&state.metrics.documents_rejected, outcome.refused.len() as u64);
    let bytes = response.encode();
    Metrics::add(&state.metrics.bytes_out, bytes.len() as u64);
    Ok(([(header::CONTENT_TYPE, "application/octet-stream")], bytes).into_response())
}

async fn me(Extension(device): Extension<DeviceRecord>) -> Json<wire::Device> {
    Json(device_body(device))
}

async fn history(
    State(state): State<AppState>,
    Extension(device): Extension<DeviceRecord>,
    Path(id): Path<String>,
) -> Result<Json<HistoryResponse>, RelayError> {
    let resident: ResidentId =
        id.parse().map_err(|e: connect_model::ModelError| RelayError::BadRequest(e.to_string()))?;
    let changes = state
        .with_db(move |db| {
            if db.resident_team(resident)? != Some(device.person.team) {
                return Err(RelayError::NotFound(format!("no resident {resident} on this team")));
            }
            let devices: HashMap<DeviceId, DeviceRecord> =
                db.devices(device.person.team)?.into_iter().map(|d| (d.device_id, d)).collect();
            let mut out = Vec::new();
            let mut readable = 0;
            for kind in DocKind::RESIDENT_KINDS {
                let id = DocumentId::resident(resident, kind);
                if access::access(db, &device, id)? == Access::None {
                    continue;
                }
                readable += 1;
                let Some(doc) = db.load(id)? else { continue };
                let accepted: HashMap<String, _> =
                    db.change_log(id)?.into_iter().map(|c| (c.hash.clone(), c)).collect();
                for change in connect_model::history::history(&doc) {
                    let log = accepted.get(&change.hash);
                    let sender = log.map(|l| l.device).or(change.device);
                    let record = sender.and_then(|d| devices.get(&d));
                    out.push(AcceptedRecord {
                        kind,
                        hash: change.hash,
                        what: change.what,
                        made_at: change.at,
                        device: change.device,
                        device_name: record.map(|r| r.name.clone()),
                        person: record.map(|r| r.person.name.clone()),
                        role: record.map(|r| r.person.role),
                        accepted_at: log.map(|l| l.at),
                    });
                }
            }
            // Someone who may read none of them is not told the resident exists.
            if readable == 0 {
                return Err(RelayError::NotFound(format!("no resident {resident} on this team")));
            }
            Ok(out)
        })
        .await?;
    Ok(Json(HistoryResponse { resident, changes }))
}

async fn erase(
    State(state): State<AppState>,
    Extension(device): Extension<DeviceRecord>,
    Path(id): Path<String>,
) -> Result<Json<EraseResponse>, RelayError> {
    if device.person.role != connect_model::AuthorRole::Coordinator {
        return Err(RelayError::Forbidden("only a coordinator can do this".into()));
    }
    let resident: ResidentId =
        id.parse().map_err(|e: connect_model::ModelError| RelayError::BadRequest(e.to_string()))?;
    let team = device.person.team;
    let n = state
        .with_db(move |db| match db.resident_team(resident)? {
            Some(t) if t == team => Ok(db.erase_resident(resident, now())?.len()),
            _ => Err(RelayError::NotFound(format!("no resident {resident} on this team"))),
        })
        .await?;
    tracing::info!(%resident, by = %device.device_id, "resident erased");
    Ok(Json(n))
}
