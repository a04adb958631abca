//! The HTTPS transports (reqwest with rustls; blocking and async), enrolment,
//! and [`RelayClient`], typed calls to every other endpoint. In the browser
//! (wasm32) only the async half exists, over `fetch`: [`AsyncHttpTransport`],
//! [`enrol_async`] and [`AsyncRelayClient`].
//!
//! Plain `http://` is refused except to a loopback address (a relay on this
//! machine, as in tests), unless the caller explicitly allows it. Redirects
//! are never followed natively, so a token is never resent to another
//! address (an `https://` → `http://` redirect, say); in the browser `fetch`
//! follows them but drops the `Authorization` header across origins. A 429
//! or 503 becomes [`SyncError::RateLimited`] or [`SyncError::Busy`] with the
//! relay's `Retry-After`, which the sync schedule honours.

use std::time::Duration;

use connect_model::history::AcceptedRecord;
use connect_model::media::BlobHash;
use connect_model::{DeviceId, DocumentId, ResidentId};
#[cfg(not(target_arch = "wasm32"))]
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::api::{
    AssignRequest, Device, EnrolRequest, EnrolResponse, EraseResponse, ErrorBody, HistoryResponse, InviteRequest,
    InviteResponse, InvitesResponse, PeopleResponse, PersonRemovedResponse, codes,
};
use crate::driver::AsyncTransport;
use crate::{SyncError, api};
// Blocking calls exist only off the browser, where a thread may wait.
#[cfg(not(target_arch = "wasm32"))]
use crate::{driver::Transport, protocol::Limits};

/// A sync exchange's request, for either transport: reqwest's blocking and
/// async builders have the same methods.
macro_rules! sync_post {
    ($transport:expr, $body:expr) => {
        $transport
            .client
            .post($transport.url.clone())
            .bearer_auth(&$transport.token)
            .header(reqwest::header::CONTENT_TYPE, "application/octet-stream")
            .body($body)
    };
}

/// Store setting: the relay's base URL.
pub const RELAY_URL_SETTING: &str = "relay_url";
/// Store setting: this device's token.
pub const RELAY_TOKEN_SETTING: &str = "relay_token";
/// Store setting: the team id.
pub const TEAM_SETTING: &str = "team_id";
/// Store setting: the person id on the relay.
pub const PERSON_SETTING: &str = "person_id";
/// Store setting: on a resident's own phone (enrolled with a resident
/// invite), which resident it belongs to.
pub const OWN_RESIDENT_SETTING: &str = "own_resident";
/// Store setting: plain HTTP explicitly allowed to a non-loopback relay.
pub const INSECURE_SETTING: &str = "allow_insecure_http";

/// Checks a relay URL: https anywhere, http only to loopback unless allowed.
pub fn check_url(url: &str, allow_insecure_http: bool) -> Result<reqwest::Url, SyncError> {
    let parsed = reqwest::Url::parse(url.trim())
        .map_err(|e| SyncError::Unreachable(format!("bad relay address {url:?}: {e}")))?;
    match parsed.scheme() {
        "https" => Ok(parsed),
        "http" => {
            let loopback = match parsed.host() {
                Some(url::Host::Domain(d)) => d == "localhost",
                Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
                Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
                None => false,
            };
            if loopback || allow_insecure_http {
                Ok(parsed)
            } else {
                Err(SyncError::InsecureUrl(parsed.host_str().unwrap_or_default().to_owned()))
            }
        }
        other => Err(SyncError::Unreachable(format!("relay address must be https://, not {other}://"))),
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn client() -> Result<reqwest::blocking::Client, SyncError> {
    reqwest::blocking::Client::builder()
        .connect_timeout(CONNECT_TIMEOUT)
        .timeout(REQUEST_TIMEOUT)
        .user_agent(USER_AGENT)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(|e| SyncError::Unreachable(e.to_string()))
}

/// reqwest's async client: on tokio natively; in the browser, over `fetch`
/// (which keeps its own timeouts and user agent).
fn async_client() -> Result<reqwest::Client, SyncError> {
    let builder = reqwest::Client::builder();
    #[cfg(not(target_arch = "wasm32"))]
    let builder = builder
        .connect_timeout(CONNECT_TIMEOUT)
        .timeout(REQUEST_TIMEOUT)
        .user_agent(USER_AGENT)
        .redirect(reqwest::redirect::Policy::none());
    builder.build().map_err(|e| SyncError::Unreachable(e.to_string()))
}

#[cfg(not(target_arch = "wasm32"))]
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
#[cfg(not(target_arch = "wasm32"))]
const REQUEST_TIMEOUT: Duration = Duration::from_secs(120);
#[cfg(not(target_arch = "wasm32"))]
const USER_AGENT: &str = concat!("connect-companion/", env!("CARGO_PKG_VERSION"));

/// The error a failed response stands for, from its status and typed body.
#[must_use]
pub fn error_from(status: u16, body: &[u8]) -> SyncError {
    error_with_retry(status, None, body)
}

/// A `Retry-After` in seconds (the relay never sends a date).
fn retry_after(headers: &reqwest::header::HeaderMap) -> Option<Duration> {
    let secs = headers.get(reqwest::header::RETRY_AFTER)?.to_str().ok()?.trim().parse::<u64>().ok()?;
    Some(Duration::from_secs(secs))
}

/// The error a failed response stands for, with the wait its `Retry-After` asked for.
#[must_use]
pub fn error_with_retry(status: u16, retry_after: Option<Duration>, body: &[u8]) -> SyncError {
    let parsed: Option<ErrorBody> = serde_json::from_slice(body).ok();
    let code = parsed.as_ref().map(|b| b.error.as_str()).unwrap_or_default();
    match (status, code) {
        (429, _) => SyncError::RateLimited { retry_after },
        (503, _) => SyncError::Busy { retry_after },
        (300..=399, _) => SyncError::Refused {
            status,
            message: "the relay answered with a redirect, which is not followed: check the relay's address".into(),
        },
        (403, codes::DEVICE_REVOKED) => SyncError::Revoked,
        (401, _) => SyncError::Unauthorised,
        (426, codes::UPDATE_RELAY) => SyncError::UpdateRelay,
        (426, _) => SyncError::UpdateApp,
        (s, _) => SyncError::Refused {
            status: s,
            message: parsed.map_or_else(
                || {
                    reqwest::StatusCode::from_u16(s)
                        .ok()
                        .and_then(|c| c.canonical_reason())
                        .unwrap_or("error")
                        .to_owned()
                },
                |b| b.message,
            ),
        },
    }
}

fn sync_url(relay_url: &str, allow_insecure_http: bool) -> Result<reqwest::Url, SyncError> {
    check_url(relay_url, allow_insecure_http)?.join("v1/sync").map_err(|e| SyncError::Unreachable(e.to_string()))
}

#[cfg(not(target_arch = "wasm32"))]
/// Sync over HTTPS to a relay, blocking.
pub struct HttpTransport {
    client: reqwest::blocking::Client,
    url: reqwest::Url,
    token: String,
}

#[cfg(not(target_arch = "wasm32"))]
impl HttpTransport {
    /// A transport to `relay_url` authenticated by `token`.
    pub fn new(relay_url: &str, token: &str, allow_insecure_http: bool) -> Result<Self, SyncError> {
        Ok(Self { client: client()?, url: sync_url(relay_url, allow_insecure_http)?, token: token.to_owned() })
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Transport for HttpTransport {
    fn exchange(&mut self, body: Vec<u8>) -> Result<Vec<u8>, SyncError> {
        let response = sync_post!(self, body).send().map_err(|e| SyncError::Unreachable(e.to_string()))?;
        let status = response.status();
        let wait = retry_after(response.headers());
        // A body cut off mid-way is an error here, so nothing half-read is applied.
        let bytes = response.bytes().map_err(|e| SyncError::Unreachable(format!("response cut off: {e}")))?;
        if status.is_success() { Ok(bytes.to_vec()) } else { Err(error_with_retry(status.as_u16(), wait, &bytes)) }
    }
}

/// Sync over HTTPS to a relay, for an async host (reqwest's async client:
/// tokio on native, `fetch` in the browser).
pub struct AsyncHttpTransport {
    client: reqwest::Client,
    url: reqwest::Url,
    token: String,
}

impl AsyncHttpTransport {
    /// A transport to `relay_url` authenticated by `token`.
    pub fn new(relay_url: &str, token: &str, allow_insecure_http: bool) -> Result<Self, SyncError> {
        Ok(Self { client: async_client()?, url: sync_url(relay_url, allow_insecure_http)?, token: token.to_owned() })
    }
}

impl AsyncTransport for AsyncHttpTransport {
    async fn exchange(&mut self, body: Vec<u8>) -> Result<Vec<u8>, SyncError> {
        let response = sync_post!(self, body).send().await.map_err(|e| SyncError::Unreachable(e.to_string()))?;
        let status = response.status();
        let wait = retry_after(response.headers());
        let bytes = response.bytes().await.map_err(|e| SyncError::Unreachable(format!("response cut off: {e}")))?;
        if status.is_success() { Ok(bytes.to_vec()) } else { Err(error_with_retry(status.as_u16(), wait, &bytes)) }
    }
}

#[cfg(not(target_arch = "wasm32"))]
/// Sends a request; a success's JSON body (`None` if empty), or the error its body names.
fn read_json<T: DeserializeOwned>(request: reqwest::blocking::RequestBuilder) -> Result<Option<T>, SyncError> {
    let response = request.send().map_err(|e| SyncError::Unreachable(e.to_string()))?;
    let status = response.status().as_u16();
    let wait = retry_after(response.headers());
    let bytes = response.bytes().map_err(|e| SyncError::Unreachable(e.to_string()))?;
    json_answer(status, wait, &bytes)
}

#[cfg(not(target_arch = "wasm32"))]
/// An enrolled device's typed calls to its relay. Every call can answer
/// [`SyncError::Revoked`]: the caller must then wipe the device, whatever it asked.
pub struct RelayClient {
    client: reqwest::blocking::Client,
    base: reqwest::Url,
    token: String,
}

#[cfg(not(target_arch = "wasm32"))]
impl RelayClient {
    /// A client for the relay at `relay_url`, authenticated by `token`.
    pub fn new(relay_url: &str, token: &str, allow_insecure_http: bool) -> Result<Self, SyncError> {
        Ok(Self { client: client()?, base: check_url(relay_url, allow_insecure_http)?, token: token.to_owned() })
    }

    fn url(&self, path: &str) -> Result<reqwest::Url, SyncError> {
        self.base.join(path).map_err(|e| SyncError::Unreachable(e.to_string()))
    }

    fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, SyncError> {
        read_json(self.client.get(self.url(path)?).bearer_auth(&self.token))?
            .ok_or_else(|| SyncError::BadRelayData(format!("an empty answer from {path}")))
    }

    fn post<B: Serialize, T: DeserializeOwned>(&self, path: &str, body: Option<&B>) -> Result<Option<T>, SyncError> {
        let mut request = self.client.post(self.url(path)?).bearer_auth(&self.token);
        if let Some(b) = body {
            request = request.json(b);
        }
        read_json(request)
    }

    /// `GET /v1/me`: this device as the relay sees it.
    pub fn me(&self) -> Result<Device, SyncError> {
        self.get("v1/me")
    }

    /// `GET /v1/limits`: what one sync request may carry.
    pub fn limits(&self) -> Result<Limits, SyncError> {
        self.get("v1/limits")
    }

    /// `POST /v1/invites` (coordinators).
    pub fn invite(&self, request: &InviteRequest) -> Result<InviteResponse, SyncError> {
        self.post("v1/invites", Some(request))?.ok_or_else(|| SyncError::BadRelayData("an empty invite".into()))
    }

    /// `POST /v1/assignments` (coordinators).
    pub fn assign(&self, request: &AssignRequest) -> Result<(), SyncError> {
        self.post::<_, serde_json::Value>("v1/assignments", Some(request)).map(drop)
    }

    /// `GET /v1/people` (coordinators).
    pub fn people(&self) -> Result<PeopleResponse, SyncError> {
        self.get("v1/people")
    }

    /// `POST /v1/devices/{id}/revoke` (coordinators).
    pub fn revoke(&self, device: DeviceId) -> Result<(), SyncError> {
        self.post::<(), serde_json::Value>(&format!("v1/devices/{device}/revoke"), None).map(drop)
    }

    /// `GET /v1/invites` (coordinators): the team's invites, newest first.
    pub fn invites(&self) -> Result<InvitesResponse, SyncError> {
        self.get("v1/invites")
    }

    /// `POST /v1/invites/{id}/cancel` (coordinators).
    pub fn cancel_invite(&self, invite: uuid::Uuid) -> Result<(), SyncError> {
        self.post::<(), serde_json::Value>(&format!("v1/invites/{invite}/cancel"), None).map(drop)
    }

    /// `POST /v1/assignments/remove` (coordinators): ends an assignment.
    pub fn unassign(&self, request: &AssignRequest) -> Result<(), SyncError> {
        self.post::<_, serde_json::Value>("v1/assignments/remove", Some(request)).map(drop)
    }

    /// `POST /v1/people/{id}/remove` (coordinators): takes a person off the team.
    pub fn remove_person(&self, person: uuid::Uuid) -> Result<PersonRemovedResponse, SyncError> {
        self.post::<(), PersonRemovedResponse>(&format!("v1/people/{person}/remove"), None)?
            .ok_or_else(|| SyncError::BadRelayData("an empty answer to a removal".into()))
    }

    /// `POST /v1/residents/{id}/erase` (coordinators): how many documents went.
    pub fn erase(&self, resident: ResidentId) -> Result<EraseResponse, SyncError> {
        self.post::<(), EraseResponse>(&format!("v1/residents/{resident}/erase"), None)?
            .ok_or_else(|| SyncError::BadRelayData("an empty erasure answer".into()))
    }

    /// `GET /v1/residents/{id}/history`: the relay's records of every change
    /// to the resident's documents the caller may read (its half of the audit trail).
    pub fn history(&self, resident: ResidentId) -> Result<Vec<AcceptedRecord>, SyncError> {
        let h: HistoryResponse = self.get(&format!("v1/residents/{resident}/history"))?;
        Ok(h.changes)
    }
}

/// The enrolment request for an invite code.
fn enrol_body(invite: &str, device_id: DeviceId, device_name: &str, person_name: &str) -> EnrolRequest {
    EnrolRequest {
        invite: invite.to_owned(),
        device_id,
        device_name: device_name.to_owned(),
        person_name: person_name.to_owned(),
    }
}

/// A response's JSON body (`None` if empty), or the error its status and body name.
fn json_answer<T: DeserializeOwned>(status: u16, wait: Option<Duration>, bytes: &[u8]) -> Result<Option<T>, SyncError> {
    if !(200..300).contains(&status) {
        return Err(error_with_retry(status, wait, bytes));
    }
    if bytes.is_empty() {
        return Ok(None);
    }
    serde_json::from_slice(bytes).map(Some).map_err(|e| SyncError::BadRelayData(e.to_string()))
}

/// Sends an async request and reads its JSON answer.
async fn read_json_async<T: DeserializeOwned>(request: reqwest::RequestBuilder) -> Result<Option<T>, SyncError> {
    let response = request.send().await.map_err(|e| SyncError::Unreachable(e.to_string()))?;
    let status = response.status().as_u16();
    let wait = retry_after(response.headers());
    let bytes = response.bytes().await.map_err(|e| SyncError::Unreachable(e.to_string()))?;
    json_answer(status, wait, &bytes)
}

/// Exchanges an invite code for a device token, from an async host (the browser).
pub async fn enrol_async(
    relay_url: &str,
    invite: &str,
    device_id: DeviceId,
    device_name: &str,
    person_name: &str,
    allow_insecure_http: bool,
) -> Result<EnrolResponse, SyncError> {
    let url = check_url(relay_url, allow_insecure_http)?
        .join("v1/enrol")
        .map_err(|e| SyncError::Unreachable(e.to_string()))?;
    let body = enrol_body(invite, device_id, device_name, person_name);
    read_json_async(async_client()?.post(url).json(&body))
        .await?
        .ok_or_else(|| SyncError::BadRelayData("an empty enrolment answer".into()))
}

/// [`RelayClient`]'s calls from an async host (the browser, where nothing may
/// block). Every call can answer [`SyncError::Revoked`].
pub struct AsyncRelayClient {
    client: reqwest::Client,
    base: reqwest::Url,
    token: String,
}

impl AsyncRelayClient {
    /// A client for the relay at `relay_url`, authenticated by `token`.
    pub fn new(relay_url: &str, token: &str, allow_insecure_http: bool) -> Result<Self, SyncError> {
        Ok(Self { client: async_client()?, base: check_url(relay_url, allow_insecure_http)?, token: token.to_owned() })
    }

    fn url(&self, path: &str) -> Result<reqwest::Url, SyncError> {
        self.base.join(path).map_err(|e| SyncError::Unreachable(e.to_string()))
    }

    /// `POST /v1/invites` (coordinators).
    pub async fn invite(&self, request: &InviteRequest) -> Result<InviteResponse, SyncError> {
        read_json_async(self.client.post(self.url("v1/invites")?).bearer_auth(&self.token).json(request))
            .await?
            .ok_or_else(|| SyncError::BadRelayData("an empty invite".into()))
    }

    async fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, SyncError> {
        read_json_async(self.client.get(self.url(path)?).bearer_auth(&self.token))
            .await?
            .ok_or_else(|| SyncError::BadRelayData(format!("an empty answer from {path}")))
    }

    async fn post<B: serde::Serialize>(
        &self,
        path: &str,
        body: Option<&B>,
    ) -> Result<Option<serde_json::Value>, SyncError> {
        let mut request = self.client.post(self.url(path)?).bearer_auth(&self.token);
        if let Some(b) = body {
            request = request.json(b);
        }
        read_json_async(request).await
    }

    /// `GET /v1/me`: this device as the relay sees it.
    pub async fn me(&self) -> Result<Device, SyncError> {
        self.get("v1/me").await
    }

    /// `GET /v1/invites` (coordinators): the team's invites, newest first.
    pub async fn invites(&self) -> Result<InvitesResponse, SyncError> {
        self.get("v1/invites").await
    }

    /// `POST /v1/invites/{id}/cancel` (coordinators).
    pub async fn cancel_invite(&self, invite: uuid::Uuid) -> Result<(), SyncError> {
        self.post::<()>(&format!("v1/invites/{invite}/cancel"), None).await.map(drop)
    }

    /// `POST /v1/assignments` (coordinators).
    pub async fn assign(&self, request: &AssignRequest) -> Result<(), SyncError> {
        self.post("v1/assignments", Some(request)).await.map(drop)
    }

    /// `POST /v1/assignments/remove` (coordinators): ends an assignment.
    pub async fn unassign(&self, request: &AssignRequest) -> Result<(), SyncError> {
        self.post("v1/assignments/remove", Some(request)).await.map(drop)
    }

    /// `GET /v1/people` (coordinators).
    pub async fn people(&self) -> Result<PeopleResponse, SyncError> {
        self.get("v1/people").await
    }

    /// `POST /v1/people/{id}/remove` (coordinators): takes a person off the team.
    pub async fn remove_person(&self, person: uuid::Uuid) -> Result<PersonRemovedResponse, SyncError> {
        let answer = self.post::<()>(&format!("v1/people/{person}/remove"), None).await?;
        let answer = answer.ok_or_else(|| SyncError::BadRelayData("an empty answer to a removal".into()))?;
        serde_json::from_value(answer).map_err(|e| SyncError::BadRelayData(e.to_string()))
    }

    /// `POST /v1/devices/{id}/revoke` (coordinators).
    pub async fn revoke(&self, device: DeviceId) -> Result<(), SyncError> {
        self.post::<()>(&format!("v1/devices/{device}/revoke"), None).await.map(drop)
    }

    /// `POST /v1/residents/{id}/erase` (coordinators).
    pub async fn erase(&self, resident: ResidentId) -> Result<EraseResponse, SyncError> {
        read_json_async(self.client.post(self.url(&format!("v1/residents/{resident}/erase"))?).bearer_auth(&self.token))
            .await?
            .ok_or_else(|| SyncError::BadRelayData("an empty erasure answer".into()))
    }

    /// `GET /v1/residents/{id}/history`.
    pub async fn history(&self, resident: ResidentId) -> Result<Vec<AcceptedRecord>, SyncError> {
        let h: HistoryResponse = read_json_async(
            self.client.get(self.url(&format!("v1/residents/{resident}/history"))?).bearer_auth(&self.token),
        )
        .await?
        .ok_or_else(|| SyncError::BadRelayData("an empty history".into()))?;
        Ok(h.changes)
    }
}

/// The relay's media calls (`connect_sync::api`'s blob endpoints), from an
/// async host. A device resumes an upload from what `HEAD` says the relay
/// holds, and downloads in ranges.
impl AsyncRelayClient {
    fn blob_url(&self, doc: DocumentId, hash: BlobHash) -> Result<reqwest::Url, SyncError> {
        // `blob_path` starts with a slash; the base may carry a path of its own.
        self.url(api::blob_path(hash, doc).trim_start_matches('/'))
    }

    /// `HEAD /v1/blobs/{sha256}`: how many bytes of the file the relay
    /// holds (0 if none), and its whole length as the relay knows it.
    pub async fn media_held(&self, doc: DocumentId, hash: BlobHash) -> Result<u64, SyncError> {
        let response = self
            .client
            .head(self.blob_url(doc, hash)?)
            .bearer_auth(&self.token)
            .send()
            .await
            .map_err(|e| SyncError::Unreachable(e.to_string()))?;
        match response.status().as_u16() {
            404 => Ok(0),
            200..=299 => upload_offset(response.headers()),
            status => Err(error_with_retry(status, retry_after(response.headers()), b"")),
        }
    }

    /// `PATCH /v1/blobs/{sha256}`: sends `bytes` of a `length`-byte file
    /// from `offset`. Answers how many bytes the relay then holds; when it
    /// held another amount than `offset` (a retry after a lost answer), that
    /// amount, for the device to go on from.
    pub async fn media_send(
        &self,
        doc: DocumentId,
        hash: BlobHash,
        length: u64,
        offset: u64,
        bytes: Vec<u8>,
    ) -> Result<u64, SyncError> {
        let response = self
            .client
            .patch(self.blob_url(doc, hash)?)
            .bearer_auth(&self.token)
            .header(api::UPLOAD_OFFSET, offset)
            .header(api::UPLOAD_LENGTH, length)
            .header(reqwest::header::CONTENT_TYPE, "application/offset+octet-stream")
            .body(bytes)
            .send()
            .await
            .map_err(|e| SyncError::Unreachable(e.to_string()))?;
        let status = response.status().as_u16();
        if ((200..300).contains(&status) || status == 409)
            && let Ok(held) = upload_offset(response.headers())
        {
            return Ok(held);
        }
        let wait = retry_after(response.headers());
        let body = response.bytes().await.map_err(|e| SyncError::Unreachable(e.to_string()))?;
        Err(error_with_retry(status, wait, &body))
    }

    /// `GET /v1/blobs/{sha256}` with a `Range`: at most `max` bytes of a
    /// complete file from `offset` on.
    pub async fn media_fetch(
        &self,
        doc: DocumentId,
        hash: BlobHash,
        offset: u64,
        max: u64,
    ) -> Result<Vec<u8>, SyncError> {
        let last = offset + max.max(1) - 1;
        let response = self
            .client
            .get(self.blob_url(doc, hash)?)
            .bearer_auth(&self.token)
            .header(reqwest::header::RANGE, format!("bytes={offset}-{last}"))
            .send()
            .await
            .map_err(|e| SyncError::Unreachable(e.to_string()))?;
        let status = response.status().as_u16();
        // Never more than was asked for: the answer's declared length is
        // checked before its body is read (the body cannot outgrow it).
        if (200..300).contains(&status) && response.content_length().is_none_or(|n| n > max.max(1)) {
            return Err(SyncError::BadRelayData(format!("a media answer larger than the {max} bytes asked for")));
        }
        let wait = retry_after(response.headers());
        let body = response.bytes().await.map_err(|e| SyncError::Unreachable(e.to_string()))?;
        if (200..300).contains(&status) { Ok(body.to_vec()) } else { Err(error_with_retry(status, wait, &body)) }
    }
}

/// The `Upload-Offset` a media answer carries.
fn upload_offset(headers: &reqwest::header::HeaderMap) -> Result<u64, SyncError> {
    headers
        .get(api::UPLOAD_OFFSET)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse().ok())
        .ok_or_else(|| SyncError::BadRelayData("a media answer without its upload-offset".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_http_is_only_for_loopback_unless_allowed() {
        for ok in ["https://relay.example.org", "http://127.0.0.1:8088", "http://localhost:1", "http://[::1]:9"] {
            assert!(check_url(ok, false).is_ok(), "{ok}");
        }
        for bad in ["http://relay.example.org", "http://10.0.0.5:8088", "http://192.168.1.2"] {
            assert!(matches!(check_url(bad, false), Err(SyncError::InsecureUrl(_))), "{bad}");
            assert!(check_url(bad, true).is_ok());
        }
        assert!(check_url("ftp://x", true).is_err());
        assert!(check_url("not a url", false).is_err());
    }

    #[test]
    fn slow_down_and_busy_answers_carry_the_relays_wait() {
        let body = br#"{"error":"rate_limited","message":"too many requests"}"#;
        let wait = Some(Duration::from_secs(7));
        assert!(
            matches!(error_with_retry(429, wait, body), SyncError::RateLimited { retry_after } if retry_after == wait)
        );
        assert!(matches!(error_with_retry(503, None, b""), SyncError::Busy { retry_after: None }));
        assert_eq!(error_with_retry(429, wait, body).retry_after(), wait);
        assert!(error_with_retry(503, wait, b"").is_transient());
        assert!(matches!(error_with_retry(302, None, b""), SyncError::Refused { status: 302, .. }));
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert(reqwest::header::RETRY_AFTER, reqwest::header::HeaderValue::from_static("12"));
        assert_eq!(retry_after(&headers), Some(Duration::from_secs(12)));
    }
}
