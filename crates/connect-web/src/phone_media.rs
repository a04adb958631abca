//! The page's microphone, camera and player for voice notes and photos.
//!
//! Voice notes are recorded with `MediaRecorder`: Opus in WebM where the
//! browser has it (Chromium, Firefox, Android), AAC in MP4 where that is all
//! there is (Safari on iPhones), at 24 kbit/s, which keeps a spoken minute
//! near 180 KB. Photos are a frame of the back camera's picture, drawn on a
//! canvas at the camera's own size and handed over as a JPEG; the device
//! core scales it and re-encodes it without metadata before anything is
//! kept. Files shown or played get `blob:` addresses, which never leave the
//! page and are let go when their screen closes.

use std::cell::RefCell;
use std::rc::Rc;

use futures_channel::oneshot;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobEvent, HtmlCanvasElement, HtmlMediaElement, MediaRecorder, MediaRecorderOptions};

use connect_device::{DeviceError, DeviceFuture};
use connect_ui::phone_media::{PhoneMedia, Recording};

use crate::camera::{Asked, Running, ask_for};

/// What the recorder is asked for, best first: Opus in WebM, AAC in MP4
/// (Safari), Opus in Ogg.
const VOICE_TYPES: [&str; 4] = ["audio/webm;codecs=opus", "audio/webm", "audio/mp4", "audio/ogg;codecs=opus"];
/// Speech at 24 kbit/s: clear, and a minute in about 180 KB.
const VOICE_BITS_PER_SECOND: u32 = 24_000;
/// The recorder hands over what it has every second, so a long note is
/// never one buffer.
const SLICE_MS: i32 = 1000;
/// How often a running camera checks whether its `<video>` is still there.
const CAMERA_CHECK_MS: u32 = 500;
/// A photo's JPEG quality before the device core re-encodes it.
const SNAP_QUALITY: f64 = 0.92;

/// A recording under way.
struct Active {
    recorder: MediaRecorder,
    _microphone: Running,
    pieces: Rc<RefCell<Vec<Blob>>>,
    began_ms: f64,
    /// Answered when the recorder stops, whoever stops it: Stop, or the
    /// microphone ending on its own (unplugged, taken by a call).
    stopped: oneshot::Receiver<()>,
    _on_data: Closure<dyn FnMut(BlobEvent)>,
    _on_stop: Closure<dyn FnMut()>,
}

impl Drop for Active {
    /// Unhooks the recorder before its handlers are freed (a last piece or
    /// the stop may still be on its way) and stops it if it still runs.
    fn drop(&mut self) {
        self.recorder.set_ondataavailable(None);
        self.recorder.set_onstop(None);
        if self.recorder.state() != web_sys::RecordingState::Inactive {
            let _ = self.recorder.stop();
        }
    }
}

thread_local! {
    /// The one recording the page may have at a time.
    static ACTIVE: RefCell<Option<Active>> = const { RefCell::new(None) };
}

/// The web app's microphone, camera and player.
pub(crate) struct WebPhoneMedia;

impl PhoneMedia for WebPhoneMedia {
    fn start_voice(&self) -> DeviceFuture<()> {
        Box::pin(start_voice())
    }

    fn stop_voice(&self) -> DeviceFuture<Recording> {
        Box::pin(stop_voice())
    }

    fn cancel_voice(&self) {
        // Dropping it stops the recorder and keeps nothing.
        drop(ACTIVE.with(|a| a.borrow_mut().take()));
    }

    fn show_camera(&self, video_id: &str) -> DeviceFuture<()> {
        let video_id = video_id.to_owned();
        Box::pin(async move { show_camera(&video_id).await })
    }

    fn snap(&self, video_id: &str) -> DeviceFuture<Vec<u8>> {
        let video_id = video_id.to_owned();
        Box::pin(async move { snap(&video_id).await })
    }

    fn media_url(&self, bytes: &[u8], mime: &str) -> String {
        let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        Blob::new_with_u8_array_sequence_and_options(&parts, &options)
            .and_then(|blob| web_sys::Url::create_object_url_with_blob(&blob))
            .unwrap_or_default()
    }

    fn release_url(&self, url: &str) {
        let _ = web_sys::Url::revoke_object_url(url);
    }

    fn play_or_pause(&self, audio_id: &str) {
        let Some(audio) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(audio_id))
            .and_then(|e| e.dyn_into::<HtmlMediaElement>().ok())
        else {
            return;
        };
        if audio.paused() {
            let _ = audio.play();
        } else {
            let _ = audio.pause();
        }
    }
}

/// Milliseconds on the page's clock.
fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

async fn start_voice() -> Result<(), DeviceError> {
    if ACTIVE.with(|a| a.borrow().is_some()) {
        return Err(DeviceError::refused("A voice note is already recording."));
    }
    let constraints = web_sys::MediaStreamConstraints::new();
    let audio = js_sys::Object::new();
    // One voice, close to the phone: the browser's cleaning up helps it.
    for (key, value) in [("echoCancellation", true), ("noiseSuppression", true), ("autoGainControl", true)] {
        let _ = js_sys::Reflect::set(&audio, &key.into(), &value.into());
    }
    let _ = js_sys::Reflect::set(&audio, &"channelCount".into(), &1.into());
    constraints.set_audio(&audio);
    constraints.set_video(&JsValue::FALSE);
    let microphone = ask_for(&constraints, Asked::Microphone).await?;
    let stream = microphone.0.clone();
    let options = MediaRecorderOptions::new();
    if let Some(kind) = VOICE_TYPES.iter().find(|t| MediaRecorder::is_type_supported(t)) {
        options.set_mime_type(kind);
    }
    options.set_audio_bits_per_second(VOICE_BITS_PER_SECOND);
    let recorder = MediaRecorder::new_with_media_stream_and_media_recorder_options(&stream, &options)
        .map_err(|_| DeviceError::refused("This browser cannot record voice notes."))?;
    let pieces: Rc<RefCell<Vec<Blob>>> = Rc::default();
    let on_data = Closure::<dyn FnMut(BlobEvent)>::new({
        let pieces = pieces.clone();
        move |e: BlobEvent| {
            if let Some(piece) = e.data().filter(|b| b.size() > 0.0) {
                pieces.borrow_mut().push(piece);
            }
        }
    });
    recorder.set_ondataavailable(Some(on_data.as_ref().unchecked_ref()));
    // The last piece arrives before `stop` fires.
    let (tell, stopped) = oneshot::channel::<()>();
    let tell = RefCell::new(Some(tell));
    let on_stop = Closure::<dyn FnMut()>::new(move || {
        if let Some(tell) = tell.borrow_mut().take() {
            let _ = tell.send(());
        }
    });
    recorder.set_onstop(Some(on_stop.as_ref().unchecked_ref()));
    recorder
        .start_with_time_slice(SLICE_MS)
        .map_err(|_| DeviceError::refused("The microphone could not start recording."))?;
    let active = Active {
        recorder,
        _microphone: microphone,
        pieces,
        began_ms: now_ms(),
        stopped,
        _on_data: on_data,
        _on_stop: on_stop,
    };
    ACTIVE.with(|a| *a.borrow_mut() = Some(active));
    Ok(())
}

async fn stop_voice() -> Result<Recording, DeviceError> {
    let mut active = ACTIVE.with(|a| a.borrow_mut().take()).ok_or(DeviceError::Unavailable)?;
    let measured_ms = now_ms() - active.began_ms;
    // A recorder the microphone already stopped has fired its `stop`: the
    // answer is waiting, and calling `stop` again would wait for nothing.
    if active.recorder.state() != web_sys::RecordingState::Inactive {
        active.recorder.stop().map_err(|_| DeviceError::refused("The recording could not be stopped."))?;
    }
    let _ = (&mut active.stopped).await;
    let kind = active.recorder.mime_type();
    let base = kind.split(';').next().unwrap_or_default().trim().to_owned();
    let parts = js_sys::Array::new();
    for piece in active.pieces.borrow().iter() {
        parts.push(piece);
    }
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(&base);
    let whole = Blob::new_with_blob_sequence_and_options(&parts, &options).map_err(|_| DeviceError::Unavailable)?;
    let bytes = blob_bytes(&whole).await?;
    if bytes.is_empty() {
        return Err(DeviceError::refused("Nothing was recorded. Check the microphone and try again."));
    }
    // Whole milliseconds of a recording of at most ten minutes.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let measured_ms = measured_ms.max(0.0) as u64;
    Ok(Recording { bytes, mime: base, measured_ms })
}

/// A blob's bytes.
async fn blob_bytes(blob: &Blob) -> Result<Vec<u8>, DeviceError> {
    let buffer = JsFuture::from(blob.array_buffer()).await.map_err(|_| DeviceError::Unavailable)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

async fn show_camera(video_id: &str) -> Result<(), DeviceError> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or(DeviceError::Unavailable)?;
    // At a size worth keeping as a photo.
    let (video, _running) =
        crate::camera::show_back_camera(&document, video_id, Some((1920, 1440)), Asked::CameraForPhoto).await?;
    // The camera stays on while its `<video>` is on the page.
    while video.is_connected() {
        gloo_timers::future::TimeoutFuture::new(CAMERA_CHECK_MS).await;
    }
    Ok(())
}

async fn snap(video_id: &str) -> Result<Vec<u8>, DeviceError> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or(DeviceError::Unavailable)?;
    let video: web_sys::HtmlVideoElement =
        document.get_element_by_id(video_id).and_then(|e| e.dyn_into().ok()).ok_or(DeviceError::Unavailable)?;
    let (width, height) = (video.video_width(), video.video_height());
    if width == 0 || height == 0 {
        return Err(DeviceError::refused("The camera has no picture yet. Wait a moment and try again."));
    }
    let canvas: HtmlCanvasElement =
        document.create_element("canvas").map_err(|_| DeviceError::Unavailable)?.unchecked_into();
    canvas.set_width(width);
    canvas.set_height(height);
    let context: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d").ok().flatten().ok_or(DeviceError::Unavailable)?.unchecked_into();
    context
        .draw_image_with_html_video_element(&video, 0.0, 0.0)
        .map_err(|_| DeviceError::refused("The photo could not be taken. Try again."))?;
    let (made, on_made) = oneshot::channel::<Option<Blob>>();
    let made = RefCell::new(Some(made));
    let callback = Closure::<dyn FnMut(Option<Blob>)>::new(move |blob: Option<Blob>| {
        if let Some(tx) = made.borrow_mut().take() {
            let _ = tx.send(blob);
        }
    });
    canvas
        .to_blob_with_type_and_encoder_options(callback.as_ref().unchecked_ref(), "image/jpeg", &SNAP_QUALITY.into())
        .map_err(|_| DeviceError::Unavailable)?;
    let blob = on_made.await.ok().flatten().ok_or(DeviceError::refused("The photo could not be taken. Try again."))?;
    blob_bytes(&blob).await
}
