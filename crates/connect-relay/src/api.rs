//! The HTTP surface. [`router`] builds the whole app from its state, so tests
//! drive it with `oneshot` and no socket.
//!
//! - `GET /healthz` (reads the store: 503 if it cannot), `GET /metrics`
//! - `POST /v1/enrol` (invite code → device token)
//! - `POST /v1/sync` (binary, see `connect_sync::protocol`)
//! - `GET /v1/me`, `GET /v1/limits` (what one sync request may carry)
//! - coordinators: `POST /v1/invites`, `POST /v1/assignments`, `GET /v1/people`,
//!   `POST /v1/devices/{id}/revoke`, `POST /v1/residents/{id}/erase`
//! - `GET /v1/residents/{id}/history`: the audit trail of the documents the
//!   caller may read (who changed what and when, as the relay accepted it)
//!
//! Every JSON body is a type from `connect_sync::api`. There is no store-wide
//! lock: each request runs its store calls on a blocking thread with a
//! pooled connection, so one failing (even panicking) request cannot affect
//! the next.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use connect_model::history::AcceptedRecord;
use connect_model::{AuthorRole, DeviceId, DocKind, DocumentId, ResidentId, Timestamp};
use connect_relay_store::{DeviceRecord, InviteProblem, Person, RelayStore};
use connect_sync::api::{
    self as wire, AssignRequest, EnrolRequest, EnrolResponse, EraseResponse, HistoryResponse, InviteRequest,
    InviteResponse, PeopleResponse,
};
use connect_sync::protocol::{Limits, ProtocolError, SyncRequest};

use crate::access::{self, Access};
use crate::admin;
use crate::metrics::Metrics;
use crate::sync::{SyncLimits, handle_sync_with_fault};
use crate::{RelayError, auth};

/// Per-device request rate: a bucket of `burst` requests refilled at `per_second`.
#[derive(Debug, Clone, Copy)]
pub struct RateLimit {
    /// Requests allowed at once.
    pub burst: f64,
    /// Requests regained per second.
    pub per_second: f64,
}

impl Default for RateLimit {
    fn default() -> Self {
        Self { burst: 120.0, per_second: 4.0 }
    }
}

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
    limits: SyncLimits,
    rate: RateLimit,
    buckets: Arc<Mutex<HashMap<DeviceId, (f64, Instant)>>>,
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
            rate: RateLimit::default(),
            buckets: Arc::new(Mutex::new(HashMap::new())),
            fault: Arc::new(AtomicU8::new(0)),
        }
    }

    /// Overrides the sync limits, the rate limit and the sync body limit.
    #[must_use]
    pub fn with_limits(mut self, limits: SyncLimits, rate: RateLimit, max_body: usize) -> Self {
        self.limits = SyncLimits { max_request_bytes: max_body, ..limits };
        self.rate = rate;
        self
    }

    /// Makes the next sync request fail inside its handler (tests only).
    #[doc(hidden)]
    pub fn inject_fault(&self, fault: Fault) {
        self.fault.store(fault as u8, Ordering::SeqCst);
    }

    /// Runs `f` with the store on a blocking thread (store calls block).
    /// A panic in `f` fails this request only.
    async fn with_db<T: Send + 'static>(
        &self,
        f: impl FnOnce(&(dyn RelayStore + Send + Sync)) -> Result<T, RelayError> + Send + 'static,
    ) -> Result<T, RelayError> {
        let db = self.db.clone();
        tokio::task::spawn_blocking(move || f(&*db))
            .await
            .map_err(|e| RelayError::Internal(format!("request handler failed: {e}")))?
    }

    fn allow(&self, device: DeviceId) -> bool {
        let Ok(mut buckets) = self.buckets.lock() else { return true };
        let now = Instant::now();
        let (tokens, last) = buckets.entry(device).or_insert((self.rate.burst, now));
        *tokens = (*tokens + now.duration_since(*last).as_secs_f64() * self.rate.per_second).min(self.rate.burst);
        *last = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

/// Builds the relay's router.
pub fn router(state: AppState) -> Router {
    let max_body = state.limits.max_request_bytes;
    Router::new()
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrics))
        .route("/v1/enrol", post(enrol))
        .route("/v1/sync", post(sync).layer(DefaultBodyLimit::max(max_body)))
        .route("/v1/me", get(me))
        .route("/v1/limits", get(limits))
        .route("/v1/invites", post(invite))
        .route("/v1/assignments", post(assign))
        .route("/v1/people", get(people))
        .route("/v1/devices/{id}/revoke", post(revoke))
        .route("/v1/residents/{id}/erase", post(erase))
        .route("/v1/residents/{id}/history", get(history))
        .layer(DefaultBodyLimit::max(64 * 1024))
        .layer(axum::middleware::from_fn_with_state(state.clone(), count_and_log))
        .with_state(state)
}

/// Counts every request and logs method, path, status and time; never bodies.
async fn count_and_log(
    State(state): State<AppState>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
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

fn now() -> Timestamp {
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

async fn metrics(State(state): State<AppState>) -> Result<Response, RelayError> {
    let (counts, pool) = state.with_db(|db| Ok((db.counts()?, db.pool_state()))).await?;
    let (docs, devices, teams) = counts;
    Ok(([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], state.metrics.render(docs, devices, teams, pool))
        .into_response())
}

/// What one sync request may carry; also sent in every sync response.
async fn limits(State(state): State<AppState>, headers: HeaderMap) -> Result<Json<Limits>, RelayError> {
    authenticate(&state, &headers).await?;
    Ok(Json(state.limits.advertised()))
}

/// The authenticated device behind a request, or the reason it is refused.
async fn authenticate(state: &AppState, headers: &HeaderMap) -> Result<DeviceRecord, RelayError> {
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .ok_or(RelayError::Unauthorised)?
        .to_owned();
    let hash = auth::hash_token(&token);
    let device =
        state.with_db(move |db| Ok(db.device_by_token(&hash, now())?)).await?.ok_or(RelayError::Unauthorised)?;
    if device.revoked {
        return Err(RelayError::Revoked);
    }
    if !state.allow(device.device_id) {
        return Err(RelayError::RateLimited);
    }
    Ok(device)
}

fn require_coordinator(device: &DeviceRecord) -> Result<(), RelayError> {
    if device.person.role == AuthorRole::Coordinator {
        Ok(())
    } else {
        Err(RelayError::Forbidden("only a coordinator can do this".into()))
    }
}

/// A store person as the API shows them.
fn person_body(p: Person) -> wire::Person {
    wire::Person { person_id: p.person_id, team: p.team, name: p.name, role: p.role, resident: p.resident }
}

/// A store device as the API shows it.
fn device_body(d: DeviceRecord) -> wire::Device {
    wire::Device { device_id: d.device_id, person: person_body(d.person), name: d.name, revoked: d.revoked }
}

async fn enrol(
    State(state): State<AppState>,
    Json(req): Json<EnrolRequest>,
) -> Result<Json<EnrolResponse>, RelayError> {
    let token = auth::new_token();
    let token_hash = auth::hash_token(&token);
    let code_hash = auth::hash_invite(&req.invite);
    let result = state
        .with_db(move |db| {
            if db.device(req.device_id)?.is_some() {
                return Err(RelayError::Forbidden("this device is already enrolled".into()));
            }
            Ok(db.redeem_invite(&code_hash, &req.person_name, req.device_id, &req.device_name, &token_hash, now())?)
        })
        .await?;
    match result {
        Ok(record) => {
            tracing::info!(device = %record.device_id, role = %record.person.role, "device enrolled");
            Ok(Json(EnrolResponse { token, team: record.person.team, person: person_body(record.person) }))
        }
        Err(InviteProblem::Unknown) => Err(RelayError::NotFound("that invite code is not known; check it".into())),
        Err(InviteProblem::Used) => Err(RelayError::Forbidden("that invite code has already been used".into())),
        Err(InviteProblem::Expired) => {
            Err(RelayError::Forbidden("that invite code has expired; ask for a new one".into()))
        }
    }
}

async fn sync(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Result<Response, RelayError> {
    let device = authenticate(&state, &headers).await?;
    Metrics::add(&state.metrics.bytes_in, body.len() as u64);
    let request = SyncRequest::decode(&body).map_err(|e| match e {
        ProtocolError::PeerOlder { .. } => RelayError::UpdateApp,
        ProtocolError::PeerNewer { .. } => RelayError::UpdateRelay,
        ProtocolError::Malformed(m) => RelayError::BadRequest(format!("malformed sync body: {m}")),
    })?;
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

async fn me(State(state): State<AppState>, headers: HeaderMap) -> Result<Json<wire::Device>, RelayError> {
    Ok(Json(device_body(authenticate(&state, &headers).await?)))
}

async fn invite(
    State(state): State<AppState>,
    headers: HeaderMap,
    Json(req): Json<InviteRequest>,
) -> Result<Json<InviteResponse>, RelayError> {
    let device = authenticate(&state, &headers).await?;
    require_coordinator(&device)?;
    let team = device.person.team;
    let issued = state
        .with_db(move |db| {
            admin::create_invite(
                db,
                team,
                req.role,
                req.resident,
                req.hours.unwrap_or(admin::DEFAULT_INVITE_HOURS),
                now(),
            )
        })
        .await?;
    Ok(Json(issued))
}

async fn assign(
    State(state): State<AppState>,
    headers: HeaderMap,
    Json(req): Json<AssignRequest>,
) -> Result<StatusCode, RelayError> {
    let device = authenticate(&state, &headers).await?;
    require_coordinator(&device)?;
    let team = device.person.team;
    state.with_db(move |db| admin::assign(db, team, req.resident, req.person, now())).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn people(State(state): State<AppState>, headers: HeaderMap) -> Result<Json<PeopleResponse>, RelayError> {
    let device = authenticate(&state, &headers).await?;
    require_coordinator(&device)?;
    let team = device.person.team;
    let (people, devices) = state.with_db(move |db| Ok((db.people(team)?, db.devices(team)?))).await?;
    Ok(Json(PeopleResponse {
        people: people.into_iter().map(person_body).collect(),
        devices: devices.into_iter().map(device_body).collect(),
    }))
}

async fn revoke(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<StatusCode, RelayError> {
    let device = authenticate(&state, &headers).await?;
    require_coordinator(&device)?;
    let target: DeviceId = id.parse().map_err(|e: connect_model::ModelError| RelayError::BadRequest(e.to_string()))?;
    let team = device.person.team;
    state
        .with_db(move |db| match db.device(target)? {
            Some(d) if d.person.team == team => Ok(db.revoke_device(target, now())?),
            _ => Err(RelayError::NotFound(format!("no device {target} on this team"))),
        })
        .await?;
    tracing::info!(device = %target, by = %device.device_id, "device revoked");
    Ok(StatusCode::NO_CONTENT)
}

async fn history(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Json<HistoryResponse>, RelayError> {
    let device = authenticate(&state, &headers).await?;
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
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Json<EraseResponse>, RelayError> {
    let device = authenticate(&state, &headers).await?;
    require_coordinator(&device)?;
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
