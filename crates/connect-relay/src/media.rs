//! The media endpoints: `HEAD`, `PATCH` and `GET /v1/blobs/{sha256}?doc={id}`
//! (the wire contract is `connect_sync::api`'s; the storage,
//! `connect_relay_store::blobs`).
//!
//! A file belongs to one document, and a device reaches it exactly as it
//! reaches that document: not at all (404, as if it did not exist), to read,
//! or to write. An upload is resumable: `HEAD` says how many bytes the relay
//! holds, and each `PATCH` (at most `BLOB_PATCH_BYTES`) appends from there,
//! stored piece by piece as it arrives, so a connection cut mid-body keeps
//! what came before the cut.
//! A download streams the stored chunks one at a time, whole or from a
//! `Range`, so the relay's memory stays flat whatever the file's size.

use axum::Extension;
use axum::body::{Body, Bytes};
use axum::extract::{Path, Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use connect_model::DocumentId;
use connect_model::media::{BlobHash, MEDIA_BYTES_MAX};
use connect_relay_store::DeviceRecord;
use connect_relay_store::blobs::{Append, Appended, BlobLimits, BlobStatus, BlobStore, CHUNK_BYTES};
use connect_sync::api::{BLOB_PATCH_BYTES, UPLOAD_LENGTH, UPLOAD_OFFSET};

use crate::RelayError;
use crate::access::{self, Access};
use crate::api::{AppState, now};
use crate::guard::{BodyPieces, Piece};

/// The document a file belongs to.
#[derive(Debug, serde::Deserialize)]
pub(crate) struct BlobQuery {
    doc: String,
}

/// The file and document a request names, or a clear refusal.
fn named(hash: &str, query: &BlobQuery) -> Result<(BlobHash, DocumentId), RelayError> {
    let bad = |e: connect_model::ModelError| RelayError::BadRequest(e.to_string());
    Ok((hash.parse().map_err(bad)?, query.doc.parse().map_err(bad)?))
}

fn not_found() -> RelayError {
    RelayError::NotFound("the relay has none of this file".into())
}

/// Checks that `device` has at least `needed` access to `doc`; one with
/// none is told nothing exists.
fn check_access(
    db: &(dyn connect_relay_store::RelayStore + Send + Sync),
    device: &DeviceRecord,
    doc: DocumentId,
    needed: Access,
) -> Result<(), RelayError> {
    match (access::access(db, device, doc)?, needed) {
        (Access::None, _) => Err(not_found()),
        (Access::Read, Access::Write) => {
            Err(RelayError::Forbidden("this device may read but not add to this document".into()))
        }
        _ => Ok(()),
    }
}

fn header_u64(headers: &HeaderMap, name: &str) -> Result<u64, RelayError> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse().ok())
        .ok_or_else(|| RelayError::BadRequest(format!("a media upload says its {name} as a number of bytes")))
}

fn upload_headers(status: StatusCode, held: u64, length: u64) -> Response {
    let mut response = status.into_response();
    let headers = response.headers_mut();
    headers.insert(UPLOAD_OFFSET, HeaderValue::from(held));
    headers.insert(UPLOAD_LENGTH, HeaderValue::from(length));
    response
}

/// `HEAD`: how much of the file the relay holds.
pub(crate) async fn head(
    State(state): State<AppState>,
    Extension(device): Extension<DeviceRecord>,
    Path(hash): Path<String>,
    Query(query): Query<BlobQuery>,
) -> Result<Response, RelayError> {
    let (hash, doc) = named(&hash, &query)?;
    let status = state
        .with_db(move |db| {
            check_access(db, &device, doc, Access::Read)?;
            Ok(db.blob_status(doc, hash)?)
        })
        .await?
        .ok_or_else(not_found)?;
    Ok(upload_headers(StatusCode::OK, status.received, status.length))
}

/// `PATCH`: appends bytes from `Upload-Offset` on.
pub(crate) async fn patch(
    State(state): State<AppState>,
    Extension(device): Extension<DeviceRecord>,
    Path(hash): Path<String>,
    Query(query): Query<BlobQuery>,
    request: Request,
) -> Result<Response, RelayError> {
    let (hash, doc) = named(&hash, &query)?;
    let (parts, body) = request.into_parts();
    let offset = header_u64(&parts.headers, UPLOAD_OFFSET)?;
    let length = header_u64(&parts.headers, UPLOAD_LENGTH)?;
    if length > MEDIA_BYTES_MAX {
        return Err(too_large());
    }
    let mut pieces = BodyPieces::new(&parts.headers, body, BLOB_PATCH_BYTES, CHUNK_BYTES, &state.guard.protection)?;
    let limits = BlobLimits { blob_bytes: MEDIA_BYTES_MAX, team_bytes: state.limits.team_media_bytes };
    let team = device.person.team;
    // Access once, before any byte is read: the pieces only append.
    state.with_db(move |db| check_access(db, &device, doc, Access::Write)).await?;
    let mut at = offset;
    loop {
        // Each piece is stored as it arrives: a cut connection keeps what came.
        let (bytes, stopped) = match pieces.next().await {
            Piece::Bytes(b) => (b, None),
            Piece::End => return Ok(upload_headers(StatusCode::NO_CONTENT, at, length)),
            Piece::Stopped { rest, why } => (rest, Some(why)),
        };
        if !bytes.is_empty() || at == offset {
            let appended = state
                .with_db(move |db| {
                    let append = Append { team, doc, hash, length, offset: at, bytes: &bytes, now: now() };
                    Ok(db.append_blob(&append, limits)?)
                })
                .await?;
            at = match appended {
                Appended::Partial { received } => received,
                Appended::Complete => length,
                Appended::WrongOffset { received } => return Err(RelayError::WrongOffset(received)),
                Appended::PastTheEnd => {
                    return Err(RelayError::BadRequest("the bytes run past the file's length".into()));
                }
                Appended::TooLarge => return Err(too_large()),
                Appended::TeamFull => {
                    return Err(RelayError::MediaFull(
                        "the team's space for voice notes and photos on the relay is full; tell your coordinator"
                            .into(),
                    ));
                }
                Appended::HashMismatch => return Err(RelayError::HashMismatch),
            };
        }
        if let Some(why) = stopped {
            return Err(why);
        }
    }
}

fn too_large() -> RelayError {
    RelayError::TooLarge(format!("a voice note or photo may be at most {} MB", MEDIA_BYTES_MAX / (1024 * 1024)))
}

/// The bytes a `Range` header asks for, first to last inclusive, of a file
/// of `length` bytes: `None` for the whole file, `Err` for a range outside it.
fn requested_range(headers: &HeaderMap, length: u64) -> Result<Option<(u64, u64)>, ()> {
    let Some(value) = headers.get(header::RANGE) else { return Ok(None) };
    let spec = value.to_str().map_err(drop)?.trim().strip_prefix("bytes=").ok_or(())?;
    // One range only: what a player or a resumed download asks for.
    let (first, last) = spec.split_once('-').ok_or(())?;
    let parse = |s: &str| s.trim().parse::<u64>().map_err(drop);
    let (first, last) = match (first.trim().is_empty(), last.trim().is_empty()) {
        (false, true) => (parse(first)?, length.saturating_sub(1)),
        (false, false) => (parse(first)?, parse(last)?.min(length.saturating_sub(1))),
        (true, false) => (length.saturating_sub(parse(last)?), length.saturating_sub(1)),
        (true, true) => return Err(()),
    };
    if first > last || first >= length { Err(()) } else { Ok(Some((first, last))) }
}

/// `GET`: the file, or the `Range` of it asked for, streamed chunk by chunk.
pub(crate) async fn get(
    State(state): State<AppState>,
    Extension(device): Extension<DeviceRecord>,
    Path(hash): Path<String>,
    Query(query): Query<BlobQuery>,
    headers: HeaderMap,
) -> Result<Response, RelayError> {
    let (hash, doc) = named(&hash, &query)?;
    let status: BlobStatus = state
        .with_db(move |db| {
            check_access(db, &device, doc, Access::Read)?;
            Ok(db.blob_status(doc, hash)?)
        })
        .await?
        .filter(|s| s.complete)
        .ok_or_else(not_found)?;
    let length = status.length;
    let Ok(range) = requested_range(&headers, length) else {
        let mut response = StatusCode::RANGE_NOT_SATISFIABLE.into_response();
        response.headers_mut().insert(header::CONTENT_RANGE, header_value(&format!("bytes */{length}")));
        return Ok(response);
    };
    let (first, last) = range.unwrap_or((0, length - 1));
    let chunks = futures_util::stream::try_unfold(first, move |at| {
        let state = state.clone();
        async move {
            if at > last {
                return Ok(None);
            }
            let chunk = state.with_db(move |db| Ok(db.blob_chunk(doc, hash, at)?)).await;
            let Some((start, bytes)) = chunk.map_err(std::io::Error::other)? else {
                return Err(std::io::Error::other("the file's chunks ended early"));
            };
            let from = usize::try_from(at - start).unwrap_or(usize::MAX).min(bytes.len());
            let to = usize::try_from(last + 1 - start).unwrap_or(usize::MAX).min(bytes.len());
            let next = start + to as u64;
            Ok(Some((Bytes::copy_from_slice(&bytes[from..to]), next)))
        }
    });
    let mut response = Body::from_stream(chunks).into_response();
    *response.status_mut() = if range.is_some() { StatusCode::PARTIAL_CONTENT } else { StatusCode::OK };
    let out = response.headers_mut();
    out.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/octet-stream"));
    out.insert(header::CONTENT_LENGTH, HeaderValue::from(last - first + 1));
    out.insert(header::ACCEPT_RANGES, HeaderValue::from_static("bytes"));
    if range.is_some() {
        out.insert(header::CONTENT_RANGE, header_value(&format!("bytes {first}-{last}/{length}")));
    }
    Ok(response)
}

/// Every hour, deletes media no document references that was uploaded more
/// than `connect_relay_store::blobs::UNREFERENCED_GRACE_MS` ago (a phone
/// that sent a file and never the document naming it). Runs until the
/// relay stops.
pub async fn collect_strays_hourly(state: AppState) {
    let mut hourly = tokio::time::interval(std::time::Duration::from_secs(3600));
    loop {
        hourly.tick().await;
        let cutoff =
            connect_model::Timestamp::from_millis(now().millis() - connect_relay_store::blobs::UNREFERENCED_GRACE_MS);
        match state.with_db(move |db| Ok(db.collect_blobs(cutoff)?)).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(files = n, "collected media no document references"),
            Err(e) => tracing::warn!(error = %e, "collecting unreferenced media failed; trying again in an hour"),
        }
    }
}

fn header_value(s: &str) -> HeaderValue {
    HeaderValue::from_str(s).unwrap_or_else(|_| HeaderValue::from_static(""))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(value: &str, length: u64) -> Result<Option<(u64, u64)>, ()> {
        let mut headers = HeaderMap::new();
        headers.insert(header::RANGE, HeaderValue::from_str(value).unwrap());
        requested_range(&headers, length)
    }

    #[test]
    fn a_range_is_read_as_players_and_resumed_downloads_send_it() {
        assert_eq!(requested_range(&HeaderMap::new(), 100), Ok(None));
        assert_eq!(range("bytes=0-", 100), Ok(Some((0, 99))));
        assert_eq!(range("bytes=10-19", 100), Ok(Some((10, 19))));
        assert_eq!(range("bytes=90-500", 100), Ok(Some((90, 99))), "clipped to the end");
        assert_eq!(range("bytes=-10", 100), Ok(Some((90, 99))), "the last ten");
        for bad in ["bytes=100-", "bytes=20-10", "bytes=-", "items=0-1", "bytes=a-b", "bytes=0-1,5-6"] {
            assert_eq!(range(bad, 100), Err(()), "{bad}");
        }
    }
}
