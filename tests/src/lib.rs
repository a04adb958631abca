//! Cross-crate tests live in `tests/`. This library holds what they share
//! with other places: [`fuzz`], the fuzz targets' bodies, used by the
//! libFuzzer crate in `fuzz/` and replayed by `tests/tests/fuzz_replay.rs`;
//! [`processes`], real relay processes for the tests that kill them; and
//! [`loopback`], a relay served from a thread, for real HTTP in one process;
//! [`bombs`], Automerge chunks that decode to far more than they weigh;
//! [`proxy`], a loopback proxy that counts bytes and cuts connections;
//! [`samples`], media files as phones make them; and [`enrol`], the app's
//! enrolment from a test's own thread.

pub mod bombs;
pub mod fuzz;
pub mod loopback;
pub mod processes;
pub mod proxy;
pub mod samples;

/// Enrols a device with the relay at `relay_url` from a test's own thread:
/// the app's own enrolment (`connect_sync::http::enrol_async`) on a runtime
/// of its own. `names`: the device's, then its person's.
///
/// # Errors
/// As the relay answers (a used invite, say), or if it cannot be reached.
///
/// # Panics
/// If no runtime can be made.
pub fn enrol(
    relay_url: &str,
    invite: &str,
    device_id: connect_model::DeviceId,
    (device_name, person_name): (&str, &str),
) -> Result<connect_sync::api::EnrolResponse, connect_sync::SyncError> {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a runtime");
    runtime.block_on(connect_sync::http::enrol_async(relay_url, invite, device_id, device_name, person_name, false))
}
