//! Reading a QR code with the phone's camera, where the platform has one the
//! screens can use (the web app does; the desktop and the preview do not).
//!
//! The launcher puts a [`SharedCamera`] in context. The screens render a
//! `<video>` element and ask the camera to show its picture there and read
//! the first QR code it sees. Removing the element (closing the scanner,
//! leaving the screen) stops the camera.

use std::sync::Arc;

use connect_device::client::{DeviceFuture, SendSyncOutsideWasm};

/// A camera that reads QR codes.
pub trait Camera: SendSyncOutsideWasm {
    /// Shows the back camera's picture in the `<video>` element with id
    /// `video_id` and answers with the text of the first QR code it reads.
    /// Fails in words if the camera is refused or missing, and with
    /// [`connect_device::DeviceError::Unavailable`] once the element is gone.
    fn scan(&self, video_id: &str) -> DeviceFuture<String>;
}

/// The camera as components hold it.
pub type SharedCamera = Arc<dyn Camera>;
