//! The relay's media endpoints over HTTP (no socket): a resumable upload,
//! ranged downloads, each role's access, every refusal with nothing kept,
//! and a photo deleted on the relay when its document stops naming it.

mod harness;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use connect_model::media::{self, BlobHash, MediaKind, MediaPlace, NewMedia};
use connect_model::{AuthorRole, DocKind, DocumentId};
use connect_store::DocumentStore;
use connect_sync::api::{UPLOAD_LENGTH, UPLOAD_OFFSET, blob_path};
use harness::{Relay, at};
use tower::ServiceExt;

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: Vec<u8>,
}

impl Answer {
    fn offset(&self) -> Option<u64> {
        self.headers.get(UPLOAD_OFFSET)?.to_str().ok()?.parse().ok()
    }

    fn code(&self) -> String {
        serde_json::from_slice::<serde_json::Value>(&self.body).map(|v| v["error"].to_string()).unwrap_or_default()
    }
}

async fn call(
    app: &axum::Router,
    method: &str,
    path: &str,
    token: &str,
    extra: &[(&str, String)],
    body: &[u8],
) -> Answer {
    let mut req = Request::builder().method(method).uri(path).header(header::AUTHORIZATION, format!("Bearer {token}"));
    for (name, value) in extra {
        req = req.header(*name, value);
    }
    let resp = app.clone().oneshot(req.body(Body::from(body.to_vec())).unwrap()).await.unwrap();
    let status = resp.status();
    let headers = resp.headers().clone();
    let body = http_body_util::BodyExt::collect(resp.into_body()).await.unwrap().to_bytes().to_vec();
    Answer { status, headers, body }
}

async fn patch(app: &axum::Router, path: &str, token: &str, offset: usize, length: usize, bytes: &[u8]) -> Answer {
    let headers = [(UPLOAD_OFFSET, offset.to_string()), (UPLOAD_LENGTH, length.to_string())];
    call(app, "PATCH", path, token, &headers, bytes).await
}

/// A relay, Amara's phone on it, the resident she made (her documents on
/// the relay if `synced`) and the relay's HTTP surface.
struct Team {
    relay: Relay,
    amara: harness::Device,
    doreen: connect_model::ResidentId,
    app: axum::Router,
}

fn team(synced: bool) -> Team {
    let relay = Relay::new();
    let mut amara = relay.enrol("Amara", AuthorRole::Supporter, None);
    let me = amara.identity.clone();
    let doreen = connect_store::create_resident(&mut amara.store, &me, "Doreen", at(1)).unwrap();
    if synced {
        amara.sync_ok();
    }
    let app = connect_relay::router(connect_relay::AppState::new(relay.db.lock().unwrap().clone()));
    Team { relay, amara, doreen, app }
}

fn file(n: usize, seed: u8) -> Vec<u8> {
    (0..n).map(|i| u8::try_from((i * 7 + usize::from(seed)) % 253).unwrap()).collect()
}

#[tokio::test]
async fn media_uploads_resume_download_by_range_and_follow_document_access() {
    let Team { relay, amara, doreen, app } = team(true);
    let ben = relay.enrol("Ben", AuthorRole::Supporter, None);
    let own = relay.enrol("Doreen", AuthorRole::Resident, Some(doreen));

    let page = DocumentId::resident(doreen, DocKind::Page);
    let photo = file(1_500_000, 1);
    let hash = BlobHash::of(&photo);
    let path = blob_path(hash, page);
    let t = amara.token.clone();
    assert_eq!(call(&app, "HEAD", &path, &t, &[], b"").await.status, StatusCode::NOT_FOUND);

    // Cut off after the first request: the relay says how far it got.
    let first = patch(&app, &path, &t, 0, photo.len(), &photo[..1_000_000]).await;
    assert_eq!((first.status, first.offset()), (StatusCode::NO_CONTENT, Some(1_000_000)));
    let held = call(&app, "HEAD", &path, &t, &[], b"").await;
    assert_eq!((held.status, held.offset()), (StatusCode::OK, Some(1_000_000)));
    assert_eq!(held.headers[UPLOAD_LENGTH], "1500000");
    let not_yet = call(&app, "GET", &path, &t, &[], b"").await;
    assert_eq!(not_yet.status, StatusCode::NOT_FOUND, "half a file is not served");
    let retry = patch(&app, &path, &t, 0, photo.len(), &photo[..1_000_000]).await;
    assert_eq!(
        (retry.status, retry.offset(), retry.code()),
        (StatusCode::CONFLICT, Some(1_000_000), "\"wrong_offset\"".into())
    );
    let rest = patch(&app, &path, &t, 1_000_000, photo.len(), &photo[1_000_000..]).await;
    assert_eq!((rest.status, rest.offset()), (StatusCode::NO_CONTENT, Some(1_500_000)));

    let whole = call(&app, "GET", &path, &t, &[], b"").await;
    assert_eq!(whole.status, StatusCode::OK);
    assert!(whole.body == photo, "byte-identical");
    let part = call(&app, "GET", &path, &t, &[("range", "bytes=262000-262999".into())], b"").await;
    assert_eq!(part.status, StatusCode::PARTIAL_CONTENT);
    assert_eq!(part.headers[header::CONTENT_RANGE], "bytes 262000-262999/1500000");
    assert!(part.body == photo[262_000..263_000], "a range across two stored chunks");
    let outside = call(&app, "GET", &path, &t, &[("range", "bytes=2000000-".into())], b"").await;
    assert_eq!(outside.status, StatusCode::RANGE_NOT_SATISFIABLE);

    // Access is the document's: Ben is not assigned; Doreen reads her page
    // but not her team notes, and may not add to her (read-only) journal.
    for method in ["HEAD", "GET"] {
        assert_eq!(call(&app, method, &path, &ben.token, &[], b"").await.status, StatusCode::NOT_FOUND, "{method}");
    }
    assert_eq!(patch(&app, &path, &ben.token, 0, 10, &photo[..10]).await.status, StatusCode::NOT_FOUND);
    assert!(call(&app, "GET", &path, &own.token, &[], b"").await.body == photo, "her own page's photo");
    let safeguarding = file(10, 9);
    let notes = blob_path(BlobHash::of(&safeguarding), DocumentId::resident(doreen, DocKind::TeamNotes));
    assert_eq!(patch(&app, &notes, &t, 0, 10, &safeguarding).await.status, StatusCode::NO_CONTENT);
    assert_eq!(call(&app, "HEAD", &notes, &own.token, &[], b"").await.status, StatusCode::NOT_FOUND);
    let journal = blob_path(BlobHash::of(&safeguarding), DocumentId::resident(doreen, DocKind::Journal));
    assert_eq!(patch(&app, &journal, &own.token, 0, 10, &safeguarding).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn bad_media_requests_are_refused_by_what_is_wrong_and_keep_nothing() {
    let Team { amara, doreen, app, .. } = team(true);
    let page = DocumentId::resident(doreen, DocKind::Page);
    let t = amara.token.clone();
    let voice = file(5000, 2);
    let path = blob_path(BlobHash::of(&voice), page);

    let mut wrong = voice.clone();
    wrong[4000] ^= 0xff;
    let mismatch = patch(&app, &path, &t, 0, voice.len(), &wrong).await;
    assert_eq!((mismatch.status, mismatch.code()), (StatusCode::UNPROCESSABLE_ENTITY, "\"hash_mismatch\"".into()));
    assert_eq!(call(&app, "HEAD", &path, &t, &[], b"").await.status, StatusCode::NOT_FOUND, "nothing kept");

    let big = vec![0u8; connect_sync::api::BLOB_PATCH_BYTES + 1];
    assert_eq!(patch(&app, &path, &t, 0, big.len(), &big).await.status, StatusCode::PAYLOAD_TOO_LARGE);
    let huge = (media::MEDIA_BYTES_MAX + 1).try_into().unwrap();
    assert_eq!(patch(&app, &path, &t, 0, huge, &voice[..10]).await.status, StatusCode::PAYLOAD_TOO_LARGE);
    let no_offset = call(&app, "PATCH", &path, &t, &[(UPLOAD_LENGTH, "5000".into())], &voice).await;
    assert_eq!(no_offset.status, StatusCode::BAD_REQUEST);
    let past = patch(&app, &path, &t, 0, 10, &voice[..20]).await;
    assert_eq!(past.status, StatusCode::BAD_REQUEST);
    for bad in [
        format!("/v1/blobs/nothex?doc={page}"),
        format!("/v1/blobs/{}?doc=nope", BlobHash::of(b"x")),
        format!("/v1/blobs/{}", BlobHash::of(b"x")),
    ] {
        let answer = call(&app, "HEAD", &bad, &t, &[], b"").await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{bad}");
    }
    assert_eq!(call(&app, "GET", &path, "not-a-token", &[], b"").await.status, StatusCode::UNAUTHORIZED);
    let fine = patch(&app, &path, &t, 0, voice.len(), &voice).await;
    assert_eq!(fine.status, StatusCode::NO_CONTENT, "the right bytes are taken after all that");
}

#[tokio::test]
async fn a_photo_removed_from_its_page_is_deleted_on_the_relay_at_the_next_sync() {
    let Team { mut amara, doreen, app, .. } = team(false);
    let me = amara.identity.clone();
    let page = DocumentId::resident(doreen, DocKind::Page);
    let photo = file(3000, 3);
    let path = blob_path(BlobHash::of(&photo), page);
    // The file goes up before the document that names it (media never waits
    // for documents, nor documents for media).
    assert_eq!(patch(&app, &path, &amara.token, 0, photo.len(), &photo).await.status, StatusCode::NO_CONTENT);
    let new = NewMedia {
        hash: BlobHash::of(&photo),
        kind: MediaKind::Photo,
        mime: media::PHOTO_MIME,
        bytes: photo.len() as u64,
        duration_ms: None,
        dimensions: Some((640, 480)),
        caption: "The garden",
        transcript: "",
        place: MediaPlace::About,
    };
    let id = amara.store.edit(page, |d| media::add(d, &me.context(at(2)), &new)).unwrap();
    amara.sync_ok();
    assert_eq!(call(&app, "HEAD", &path, &amara.token, &[], b"").await.status, StatusCode::OK);
    amara.store.edit(page, |d| media::remove(d, &me.context(at(3)), id)).unwrap();
    amara.sync_ok();
    assert_eq!(
        call(&app, "HEAD", &path, &amara.token, &[], b"").await.status,
        StatusCode::NOT_FOUND,
        "deleted with it"
    );
}

#[tokio::test]
async fn a_body_cut_off_midway_keeps_what_arrived_before_the_cut() {
    let Team { amara, doreen, app, .. } = team(true);
    let voice = file(900_000, 4);
    let path = blob_path(BlobHash::of(&voice), DocumentId::resident(doreen, DocKind::Page));
    // 600,000 bytes arrive, then the connection drops.
    let arrived = voice[..600_000].to_vec();
    let stream = futures_util::stream::iter(vec![
        Ok::<_, std::io::Error>(axum::body::Bytes::from(arrived)),
        Err(std::io::Error::other("the signal went")),
    ]);
    let req = Request::builder()
        .method("PATCH")
        .uri(&path)
        .header(header::AUTHORIZATION, format!("Bearer {}", amara.token))
        .header(UPLOAD_OFFSET, "0")
        .header(UPLOAD_LENGTH, voice.len().to_string())
        .body(Body::from_stream(stream))
        .unwrap();
    let cut = app.clone().oneshot(req).await.unwrap();
    assert_eq!(cut.status(), StatusCode::BAD_REQUEST, "the body was cut off");
    let held = call(&app, "HEAD", &path, &amara.token, &[], b"").await;
    assert_eq!(held.offset(), Some(600_000), "every byte that arrived was kept");
    let rest = patch(&app, &path, &amara.token, 600_000, voice.len(), &voice[600_000..]).await;
    assert_eq!((rest.status, rest.offset()), (StatusCode::NO_CONTENT, Some(900_000)));
    assert!(call(&app, "GET", &path, &amara.token, &[], b"").await.body == voice);
}
