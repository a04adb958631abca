//! The HTTPS transport (reqwest with rustls) and enrolment.
//!
//! Plain `http://` is refused except to a loopback address (a relay on this
//! machine, as in tests), unless the caller explicitly allows it.

use std::time::Duration;

use connect_model::{DeviceId, TeamId};
use serde::{Deserialize, Serialize};

use crate::SyncError;
use crate::protocol::{ErrorBody, codes};
use crate::session::Transport;

/// HTTP methods for [`call_json`].
pub use reqwest::Method;

/// Store setting: the relay's base URL.
pub const RELAY_URL_SETTING: &str = "relay_url";
/// Store setting: this device's token.
pub const RELAY_TOKEN_SETTING: &str = "relay_token";
/// Store setting: the team id.
pub const TEAM_SETTING: &str = "team_id";
/// Store setting: the person id on the relay.
pub const PERSON_SETTING: &str = "person_id";
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

fn client() -> Result<reqwest::blocking::Client, SyncError> {
    reqwest::blocking::Client::builder()
        .connect_timeout(Duration::from_secs(10))
        .timeout(Duration::from_secs(120))
        .user_agent(concat!("connect-companion/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| SyncError::Unreachable(e.to_string()))
}

fn error_from(status: reqwest::StatusCode, body: &[u8]) -> SyncError {
    let parsed: Option<ErrorBody> = serde_json::from_slice(body).ok();
    let code = parsed.as_ref().map(|b| b.error.as_str()).unwrap_or_default();
    match (status.as_u16(), code) {
        (403, codes::DEVICE_REVOKED) => SyncError::Revoked,
        (401, _) => SyncError::Unauthorised,
        (426, codes::UPDATE_RELAY) => SyncError::UpdateRelay,
        (426, _) => SyncError::UpdateApp,
        (s, _) => SyncError::Refused {
            status: s,
            message: parsed.map_or_else(|| status.canonical_reason().unwrap_or("error").to_owned(), |b| b.message),
        },
    }
}

/// Sync over HTTPS to a relay.
pub struct HttpTransport {
    client: reqwest::blocking::Client,
    url: reqwest::Url,
    token: String,
}

impl HttpTransport {
    /// A transport to `relay_url` authenticated by `token`.
    pub fn new(relay_url: &str, token: &str, allow_insecure_http: bool) -> Result<Self, SyncError> {
        let base = check_url(relay_url, allow_insecure_http)?;
        let url = base.join("v1/sync").map_err(|e| SyncError::Unreachable(e.to_string()))?;
        Ok(Self { client: client()?, url, token: token.to_owned() })
    }
}

impl Transport for HttpTransport {
    fn exchange(&mut self, body: Vec<u8>) -> Result<Vec<u8>, SyncError> {
        let response = self
            .client
            .post(self.url.clone())
            .bearer_auth(&self.token)
            .header(reqwest::header::CONTENT_TYPE, "application/octet-stream")
            .body(body)
            .send()
            .map_err(|e| SyncError::Unreachable(e.to_string()))?;
        let status = response.status();
        // A body cut off mid-way is an error here, so nothing half-read is applied.
        let bytes = response.bytes().map_err(|e| SyncError::Unreachable(format!("response cut off: {e}")))?;
        if status.is_success() { Ok(bytes.to_vec()) } else { Err(error_from(status, &bytes)) }
    }
}

/// What the relay says about an enrolled device's person.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct EnrolledPerson {
    /// Person id.
    pub person_id: uuid::Uuid,
    /// Team.
    pub team: TeamId,
    /// Name.
    pub name: String,
    /// Role.
    pub role: connect_model::AuthorRole,
    /// For a resident.
    pub resident: Option<connect_model::ResidentId>,
}

/// The relay's answer to an enrolment.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Enrolment {
    /// The device token.
    pub token: String,
    /// Team.
    pub team: TeamId,
    /// The person.
    pub person: EnrolledPerson,
}

/// Exchanges an invite code for a device token.
pub fn enrol(
    relay_url: &str,
    invite: &str,
    device_id: DeviceId,
    device_name: &str,
    person_name: &str,
    allow_insecure_http: bool,
) -> Result<Enrolment, SyncError> {
    let base = check_url(relay_url, allow_insecure_http)?;
    let url = base.join("v1/enrol").map_err(|e| SyncError::Unreachable(e.to_string()))?;
    let body = serde_json::json!({
        "invite": invite, "device_id": device_id, "device_name": device_name, "person_name": person_name,
    });
    let response = client()?.post(url).json(&body).send().map_err(|e| SyncError::Unreachable(e.to_string()))?;
    let status = response.status();
    let bytes = response.bytes().map_err(|e| SyncError::Unreachable(e.to_string()))?;
    if !status.is_success() {
        return Err(error_from(status, &bytes));
    }
    serde_json::from_slice(&bytes).map_err(|e| SyncError::BadRelayData(e.to_string()))
}

/// Calls a coordinator endpoint with a JSON body (or none) and returns its JSON answer.
pub fn call_json(
    relay_url: &str,
    token: &str,
    allow_insecure_http: bool,
    method: reqwest::Method,
    path: &str,
    body: Option<serde_json::Value>,
) -> Result<serde_json::Value, SyncError> {
    let base = check_url(relay_url, allow_insecure_http)?;
    let url = base.join(path).map_err(|e| SyncError::Unreachable(e.to_string()))?;
    let mut request = client()?.request(method, url).bearer_auth(token);
    if let Some(b) = body {
        request = request.json(&b);
    }
    let response = request.send().map_err(|e| SyncError::Unreachable(e.to_string()))?;
    let status = response.status();
    let bytes = response.bytes().map_err(|e| SyncError::Unreachable(e.to_string()))?;
    if !status.is_success() {
        return Err(error_from(status, &bytes));
    }
    if bytes.is_empty() {
        return Ok(serde_json::Value::Null);
    }
    serde_json::from_slice(&bytes).map_err(|e| SyncError::BadRelayData(e.to_string()))
}

/// The relay's records of every change to a resident's documents the caller
/// may read (`GET /v1/residents/{id}/history`): its half of the audit trail.
pub fn resident_history(
    relay_url: &str,
    token: &str,
    allow_insecure_http: bool,
    resident: connect_model::ResidentId,
) -> Result<Vec<connect_model::history::AcceptedRecord>, SyncError> {
    let v = call_json(
        relay_url,
        token,
        allow_insecure_http,
        Method::GET,
        &format!("v1/residents/{resident}/history"),
        None,
    )?;
    serde_json::from_value(v["changes"].clone()).map_err(|e| SyncError::BadRelayData(e.to_string()))
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
}
