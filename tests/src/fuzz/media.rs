//! The media fuzz targets: the decoders that read untrusted files on the
//! phone, and the relay's blob endpoints.

use std::sync::OnceLock;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use connect_model::media::{self, BlobHash, MediaKind};
use connect_model::{AuthorRole, DocKind, DocumentId, ResidentId};
use connect_relay::AppState;
use connect_relay_store::{RelayStore, SqliteRelayStore};
use tower::ServiceExt;

/// A file picked from anywhere: what it is, a voice note's length, and a
/// photo prepared from it never panic; what is accepted is a file the app
/// could have made, and a prepared photo has no EXIF.
pub fn media_files(data: &[u8]) {
    use connect_device::media::{photo, prepare, probe};
    let sniffed = probe::sniff(data);
    if probe::voice_duration_ms(data).is_some() {
        assert!(sniffed.is_some_and(|(kind, _)| kind == MediaKind::Voice), "a length only for a voice note");
    }
    if let Ok(p) = photo::prepare(data) {
        assert!((1..=media::PHOTO_SIDE_MAX).contains(&p.width) && (1..=media::PHOTO_SIDE_MAX).contains(&p.height));
        assert!(!p.jpeg.windows(4).any(|w| w == b"Exif"), "no EXIF survives");
    }
    if let Ok(p) = prepare(data.to_vec(), Some(1_000)) {
        media::check_file(p.kind, p.mime, p.bytes.len() as u64, p.duration_ms, p.dimensions)
            .expect("a prepared file is one the model takes");
    }
}

struct BlobRelay {
    runtime: tokio::runtime::Runtime,
    app: axum::Router,
    token: String,
    page: DocumentId,
}

fn blob_relay() -> &'static BlobRelay {
    static RELAY: OnceLock<BlobRelay> = OnceLock::new();
    RELAY.get_or_init(|| {
        let db = SqliteRelayStore::open_in_memory().expect("a relay store");
        let now = connect_model::Timestamp::new(chrono::Utc::now());
        let team = connect_relay::admin::create_team(&db, "Fuzz", now).expect("a team").team;
        let code = connect_relay::admin::create_invite(&db, team, AuthorRole::Supporter, None, 24, now)
            .expect("an invite")
            .code;
        let token = connect_relay::auth::new_token();
        let device = connect_model::DeviceId::random();
        let hash = connect_relay::auth::hash_token(&token);
        let record = db
            .redeem_invite(&connect_relay::auth::hash_invite(&code), "Fuzz", device, "phone", &hash, now)
            .expect("a redemption")
            .expect("an enrolment");
        let resident = ResidentId::random();
        db.register_resident(resident, team, record.person.person_id, now).expect("a resident");
        let lenient = connect_relay::RateLimit { burst: 1e9, per_second: 1e9 };
        let protection = connect_relay::Protection {
            per_device: lenient,
            failed_auth_per_address: lenient,
            ..connect_relay::Protection::default()
        };
        let app = connect_relay::router(AppState::new(db).with_protection(protection));
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a runtime");
        BlobRelay { runtime, app, token, page: DocumentId::resident(resident, DocKind::Page) }
    })
}

/// Arbitrary requests to the blob endpoints of a relay with one enrolled
/// device: any method, offset, length, range, path and body. The relay
/// never fails inside (no 5xx), and a file it calls complete hashes to its name.
pub fn blob_requests(data: &[u8]) {
    let relay = blob_relay();
    let Some((&choice, rest)) = data.split_first() else { return };
    let number = |at: usize| rest.get(at..at + 8).map_or(0, |b| u64::from_le_bytes(b.try_into().unwrap_or([0; 8])));
    let (offset, length) = (number(0) % (1 << 26), number(8) % (1 << 26));
    let body = rest.get(16..).unwrap_or_default();
    let hash = if choice & 0x10 == 0 { BlobHash::of(body) } else { BlobHash::of(b"something else") };
    let doc =
        if choice & 0x20 == 0 { relay.page } else { DocumentId::resident(ResidentId::random(), DocKind::TeamNotes) };
    let path = match choice & 0xC0 {
        0x00 => connect_sync::api::blob_path(hash, doc),
        0x40 => format!("/v1/blobs/{}", String::from_utf8_lossy(&body[..body.len().min(80)])),
        0x80 => format!("/v1/blobs/{hash}?doc={}", String::from_utf8_lossy(&body[..body.len().min(60)])),
        _ => format!("/v1/blobs/{hash}?doc={doc}&doc={doc}"),
    };
    let method = match choice & 0x03 {
        0 => Method::HEAD,
        1 => Method::PATCH,
        2 => Method::GET,
        _ => Method::DELETE,
    };
    let Ok(uri) = path.parse::<axum::http::Uri>() else { return };
    let mut request = Request::builder()
        .method(method)
        .uri(uri)
        .header("authorization", format!("Bearer {}", relay.token))
        .header(connect_sync::api::UPLOAD_OFFSET, offset.to_string())
        .header(
            connect_sync::api::UPLOAD_LENGTH,
            if choice & 0x04 == 0 { body.len() as u64 } else { length }.to_string(),
        );
    if choice & 0x08 != 0 {
        let range = String::from_utf8_lossy(&body[..body.len().min(24)]).replace(['\r', '\n'], "");
        if let Ok(value) = axum::http::HeaderValue::from_str(&format!("bytes={range}")) {
            request = request.header("range", value);
        }
    }
    let Ok(request) = request.body(Body::from(body.to_vec())) else { return };
    relay.runtime.block_on(async {
        let response = relay.app.clone().oneshot(request).await.expect("an answer");
        let status = response.status();
        let bytes = http_body_util::BodyExt::collect(response.into_body()).await.map(|b| b.to_bytes());
        assert!(!status.is_server_error() || status == StatusCode::INSUFFICIENT_STORAGE, "{status}");
        if status == StatusCode::OK && choice & 0x03 == 2 && choice & 0x08 == 0 {
            let bytes = bytes.expect("a whole body");
            assert_eq!(BlobHash::of(&bytes), hash, "a complete file is what its name says");
        }
    });
}

/// Seeds: a small photo of each kind (one with EXIF), the start of each
/// voice container, and blob requests of each method.
pub(super) fn seeds() -> Vec<(&'static str, Vec<u8>)> {
    let picture = image::RgbImage::from_fn(40, 30, |x, y| {
        image::Rgb([u8::try_from(x * 6).unwrap_or(0), u8::try_from(y * 8).unwrap_or(0), 90])
    });
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 80)
        .encode_image(&image::DynamicImage::ImageRgb8(picture.clone()))
        .expect("a jpeg");
    let mut with_exif = jpeg.clone();
    let exif = b"Exif\0\0MM\0\x2a\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01\0\x06\0\0\0\0\0\0";
    let mut block = vec![0xFF, 0xE1, 0, u8::try_from(exif.len() + 2).unwrap_or(0)];
    block.extend_from_slice(exif);
    with_exif.splice(2..2, block);
    let mut png = Vec::new();
    image::DynamicImage::ImageRgb8(picture)
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .expect("a png");
    let mut ogg = b"OggS\0\x02".to_vec();
    ogg.extend_from_slice(&[0; 8]);
    ogg.extend_from_slice(b"OggS\0\x04");
    ogg.extend_from_slice(&(48_000u64 * 3).to_le_bytes());
    let mut webm = vec![0x1A, 0x45, 0xDF, 0xA3, 0x80, 0x2A, 0xD7, 0xB1, 0x83, 0x0F, 0x42, 0x40, 0x44, 0x89, 0x88];
    webm.extend_from_slice(&2_500.0f64.to_be_bytes());
    let mut mp4 = b"\0\0\0\x18ftypM4A \0\0\0\0\0\0\0\x6cmvhd\0\0\0\0".to_vec();
    mp4.extend_from_slice(&[0; 8]);
    mp4.extend_from_slice(&1000u32.to_be_bytes());
    mp4.extend_from_slice(&4_000u32.to_be_bytes());
    let mut out: Vec<(&'static str, Vec<u8>)> =
        [jpeg, with_exif, png, ogg, webm, mp4].into_iter().map(|f| ("media_files", f)).collect();
    let request = |choice: u8, offset: u64, length: u64, body: &[u8]| {
        [vec![choice], offset.to_le_bytes().to_vec(), length.to_le_bytes().to_vec(), body.to_vec()].concat()
    };
    out.push(("blob_requests", request(0x01, 0, 0, b"a whole small file")));
    out.push(("blob_requests", request(0x00, 0, 0, b"a whole small file")));
    out.push(("blob_requests", request(0x02, 0, 0, b"a whole small file")));
    out.push(("blob_requests", request(0x0A, 0, 0, b"2-9")));
    out.push(("blob_requests", request(0x05, 5, 100, b"part of a file")));
    out.push(("blob_requests", request(0x41, 0, 0, b"../../etc/passwd")));
    out
}
