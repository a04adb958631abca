//! The page's camera: the back camera's picture in the scanner's `<video>`,
//! read a few times a second with `rqrr` until a QR code decodes. Reading in
//! wasm works in every browser (the `BarcodeDetector` API does not), and the
//! frames never leave the page.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlVideoElement, MediaStream, MediaStreamConstraints};

use connect_device::{DeviceError, DeviceFuture};
use connect_ui::camera::Camera;

/// Frames are scaled to at most this width before reading: a QR code held
/// up to a phone is large, and smaller frames read faster.
const READ_WIDTH: u32 = 480;
/// Time between two reads.
const EVERY_MS: u32 = 150;
/// How long to wait for the scanner's `<video>` to be drawn.
const ELEMENT_WAIT_MS: u32 = 3000;

/// The web app's camera.
pub(crate) struct WebCamera;

impl Camera for WebCamera {
    fn scan(&self, video_id: &str) -> DeviceFuture<String> {
        let video_id = video_id.to_owned();
        Box::pin(async move { scan(&video_id).await })
    }
}

/// Stops the camera (or microphone) when what uses it ends, however it ends
/// (read, failed, or dropped because its panel closed).
pub(crate) struct Running(pub(crate) MediaStream);

impl Drop for Running {
    fn drop(&mut self) {
        for track in self.0.get_tracks() {
            if let Ok(track) = track.dyn_into::<web_sys::MediaStreamTrack>() {
                track.stop();
            }
        }
    }
}

/// What the page asked the phone for, for the words when it is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Asked {
    /// The camera, to read an invite's QR code.
    CameraForCode,
    /// The camera, to take a photo.
    CameraForPhoto,
    /// The microphone, to record a voice note.
    Microphone,
}

/// The camera or microphone refused or missing, in words, with what to do instead.
pub(crate) fn device_refused(e: &JsValue, asked: Asked) -> DeviceError {
    let name = e.dyn_ref::<web_sys::DomException>().map(web_sys::DomException::name).unwrap_or_default();
    let (thing, instead) = match asked {
        Asked::CameraForCode => ("camera", "type the code"),
        Asked::CameraForPhoto => ("camera", "choose a photo instead"),
        Asked::Microphone => ("microphone", "type what they said instead"),
    };
    DeviceError::refused(match name.as_str() {
        "NotAllowedError" | "SecurityError" => {
            format!("The {thing} was not allowed. Allow it in the browser's settings, or {instead}.")
        }
        "NotFoundError" | "OverconstrainedError" => format!("This phone has no {thing} the app can use: {instead}."),
        "NotReadableError" => format!("The {thing} is in use by another app. Close it and try again, or {instead}."),
        _ => format!("The {thing} could not start: {instead}."),
    })
}

/// Asks the phone for `constraints` (the camera or the microphone). The
/// request runs in a task of its own: if whoever asked is gone by the time
/// the phone answers (the panel closed while the permission prompt was up),
/// the stream it grants is stopped at once, so no camera or microphone stays
/// on with nothing showing it.
pub(crate) async fn ask_for(constraints: &MediaStreamConstraints, asked: Asked) -> Result<Running, DeviceError> {
    let window = web_sys::window().ok_or(DeviceError::Unavailable)?;
    let devices = window.navigator().media_devices().map_err(|e| device_refused(&e, asked))?;
    let promise = devices.get_user_media_with_constraints(constraints).map_err(|e| device_refused(&e, asked))?;
    // What crosses the channel is already `Running`: dropped unread (nobody
    // waits any more, or stopped waiting before reading it), it stops.
    let (answer, answered) = futures_channel::oneshot::channel();
    wasm_bindgen_futures::spawn_local(async move {
        let granted = JsFuture::from(promise).await.map(|s| Running(s.unchecked_into::<MediaStream>()));
        let _ = answer.send(granted);
    });
    answered.await.map_err(|_| DeviceError::Unavailable)?.map_err(|e| device_refused(&e, asked))
}

async fn scan(video_id: &str) -> Result<String, DeviceError> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or(DeviceError::Unavailable)?;
    let (video, _running) = show_back_camera(&document, video_id, None, Asked::CameraForCode).await?;
    let canvas: HtmlCanvasElement =
        document.create_element("canvas").map_err(|_| DeviceError::Unavailable)?.unchecked_into();
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"willReadFrequently".into(), &JsValue::TRUE);
    let context: CanvasRenderingContext2d = canvas
        .get_context_with_context_options("2d", &options)
        .ok()
        .flatten()
        .ok_or(DeviceError::Unavailable)?
        .unchecked_into();
    loop {
        gloo_timers::future::TimeoutFuture::new(EVERY_MS).await;
        if !video.is_connected() {
            return Err(DeviceError::Unavailable); // the scanner closed
        }
        let (width, height) = (video.video_width(), video.video_height());
        if width == 0 || height == 0 {
            continue; // no frame yet
        }
        let scale = f64::from(READ_WIDTH.min(width)) / f64::from(width);
        // Whole pixels of a frame a few hundred wide.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let (w, h) = ((f64::from(width) * scale) as u32, (f64::from(height) * scale) as u32);
        canvas.set_width(w);
        canvas.set_height(h);
        if context.draw_image_with_html_video_element_and_dw_and_dh(&video, 0.0, 0.0, w.into(), h.into()).is_err() {
            continue;
        }
        let Ok(frame) = context.get_image_data(0.0, 0.0, w.into(), h.into()) else { continue };
        if let Some(text) = crate::frame::read_qr(&frame.data(), w as usize, h as usize) {
            return Ok(text);
        }
    }
}

/// The back camera where there is one (any camera otherwise) in the
/// `<video>` with this id, at about `size` if one is wanted, playing. The
/// camera stays on until the returned `Running` is dropped.
pub(crate) async fn show_back_camera(
    document: &web_sys::Document,
    video_id: &str,
    size: Option<(u32, u32)>,
    asked: Asked,
) -> Result<(HtmlVideoElement, Running), DeviceError> {
    let video = wait_for_video(document, video_id).await?;
    let wanted = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&wanted, &"facingMode".into(), &"environment".into());
    if let Some((width, height)) = size {
        let ideal = |n: u32| {
            let o = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&o, &"ideal".into(), &n.into());
            o
        };
        let _ = js_sys::Reflect::set(&wanted, &"width".into(), &ideal(width));
        let _ = js_sys::Reflect::set(&wanted, &"height".into(), &ideal(height));
    }
    let constraints = MediaStreamConstraints::new();
    constraints.set_video(&wanted);
    constraints.set_audio(&JsValue::FALSE);
    let running = ask_for(&constraints, asked).await?;
    video.set_src_object(Some(&running.0));
    if let Ok(playing) = video.play() {
        let _ = JsFuture::from(playing).await;
    }
    Ok((video, running))
}

/// The `<video>` with this id, once Dioxus has drawn it.
pub(crate) async fn wait_for_video(document: &web_sys::Document, id: &str) -> Result<HtmlVideoElement, DeviceError> {
    for _ in 0..ELEMENT_WAIT_MS / 50 {
        if let Some(element) = document.get_element_by_id(id)
            && let Ok(video) = element.dyn_into::<HtmlVideoElement>()
        {
            // Shown inline on iPhones, not full screen; silent.
            let _ = video.set_attribute("playsinline", "");
            video.set_muted(true);
            return Ok(video);
        }
        gloo_timers::future::TimeoutFuture::new(50).await;
    }
    Err(DeviceError::Unavailable)
}
