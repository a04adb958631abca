//! Voice notes and photos on the screens, in a VirtualDom over a device on a
//! memory store, with a phone whose microphone and camera the test plays:
//! recording keeps the note with its caption and length, ten minutes stops
//! it by itself, a refused microphone says why and keeps nothing, "Don't
//! keep it" frees the microphone, a photo keeps its caption as its alt text,
//! and removing a file asks first.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use connect_device::native::in_process;
use connect_device::network::Offline;
use connect_device::{Device, DeviceClient, DeviceError, DeviceFuture};
use connect_model::media::MediaPlace;
use connect_model::{AuthorRole, ResidentId, Timestamp};
use connect_store::MemoryStore;
use connect_ui::clock::ManualClock;
use connect_ui::phone_media::{PhoneMedia, Recording, SharedPhoneMedia};
use connect_ui::state::{Screen, Tab};
use dioxus::prelude::*;
use dioxus_core::Mutation;

mod support;
use support::{advance, click, html, listeners, settle, submit, type_text};

/// A phone whose microphone and camera answer as the test says.
#[derive(Default)]
struct FakePhone {
    /// Why the microphone is refused, if it is.
    refuse: Mutex<Option<String>>,
    /// How many photos fail to be taken before one is.
    missed_snaps: AtomicU32,
    started: AtomicU32,
    stopped: AtomicU32,
    cancelled: AtomicU32,
}

/// A recorder's WebM (which does not say its own length): its EBML magic and made-up audio.
fn webm(bytes: usize) -> Vec<u8> {
    let mut out = vec![0x1A, 0x45, 0xDF, 0xA3];
    out.extend((0..bytes).map(|i| u8::try_from(i % 251).unwrap_or(0)));
    out
}

impl PhoneMedia for FakePhone {
    fn start_voice(&self) -> DeviceFuture<()> {
        let refused = self.refuse.lock().unwrap().clone();
        if refused.is_none() {
            self.started.fetch_add(1, Ordering::SeqCst);
        }
        Box::pin(async move { refused.map_or(Ok(()), |why| Err(DeviceError::refused(why))) })
    }

    fn stop_voice(&self) -> DeviceFuture<Recording> {
        self.stopped.fetch_add(1, Ordering::SeqCst);
        Box::pin(async { Ok(Recording { bytes: webm(6_000), mime: "audio/webm".into(), measured_ms: 4_200 }) })
    }

    fn cancel_voice(&self) {
        self.cancelled.fetch_add(1, Ordering::SeqCst);
    }

    fn show_camera(&self, _video_id: &str) -> DeviceFuture<()> {
        Box::pin(std::future::pending())
    }

    fn snap(&self, _video_id: &str) -> DeviceFuture<Vec<u8>> {
        let missed = self.missed_snaps.fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1)).is_ok();
        Box::pin(async move {
            if missed {
                Err(DeviceError::refused("The camera had no picture yet. Wait a moment and try again."))
            } else {
                Ok(photo())
            }
        })
    }

    fn media_url(&self, bytes: &[u8], mime: &str) -> String {
        format!("blob:test/{mime}/{}", bytes.len())
    }

    fn release_url(&self, _url: &str) {}

    fn play_or_pause(&self, _audio_id: &str) {}
}

/// A small camera picture, as a JPEG.
fn photo() -> Vec<u8> {
    let picture = image::RgbImage::from_fn(64, 48, |x, y| {
        image::Rgb([u8::try_from(x * 4).unwrap_or(0), u8::try_from(y * 5).unwrap_or(0), 90])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
        .encode_image(&image::DynamicImage::ImageRgb8(picture))
        .unwrap();
    out
}

/// The shelf for about me, alone, with the shared state and the media read around it.
#[component]
fn AboutShelf(resident: ResidentId) -> Element {
    connect_ui::state::use_provide_ui(Screen::Resident(resident, Tab::Page));
    connect_ui::media_view::use_provide_media(resident);
    rsx! {
        connect_ui::components::MediaShelf { resident, place: MediaPlace::About, resident_mode: false, read_only: false }
        connect_ui::components::NoticeLine {}
    }
}

struct Open {
    local: Arc<Device<MemoryStore, Offline>>,
    phone: Arc<FakePhone>,
    clock: ManualClock,
    dom: VirtualDom,
    edits: Vec<Mutation>,
    doreen: ResidentId,
}

fn open() -> Open {
    let (mut store, me) = support::store_of("Amara", "phone", AuthorRole::Supporter);
    let doreen =
        connect_store::create_resident(&mut store, &me, "Doreen", Timestamp::from_millis(1_772_355_600_000)).unwrap();
    let (local, backend): (_, DeviceClient) = in_process(store, Offline).unwrap();
    let phone = Arc::new(FakePhone::default());
    let shared: SharedPhoneMedia = phone.clone();
    let (clock, shared_clock) = support::manual_clock();
    let mut dom = VirtualDom::new_with_props(AboutShelf, AboutShelfProps { resident: doreen })
        .with_root_context(backend)
        .with_root_context(shared)
        .with_root_context(shared_clock);
    let mut edits = dom.rebuild_to_vec().edits;
    edits.extend(settle(&mut dom));
    Open { local, phone, clock, dom, edits, doreen }
}

/// Taps the button last drawn with the words `text` (the click listener
/// made just before its words), and runs what follows; the mutations seen
/// so far are in `seen`, and what the tap causes is added to them.
fn tap(dom: &mut VirtualDom, seen: &mut Vec<Mutation>, text: &str) {
    let words = seen
        .iter()
        .rposition(|m| matches!(m, Mutation::CreateTextNode { value, .. } if value == text))
        .unwrap_or_else(|| panic!("no button says {text:?}: {}", html(dom)));
    let id = seen[..words]
        .iter()
        .rev()
        .find_map(|m| match m {
            Mutation::NewEventListener { name, id, .. } if name == "click" => Some(*id),
            _ => None,
        })
        .unwrap_or_else(|| panic!("{text:?} is not a button"));
    click(dom, id);
    seen.extend(settle(dom));
}

/// Types `texts` into the last `texts.len()` text fields drawn, in order.
fn fill(dom: &mut VirtualDom, seen: &mut Vec<Mutation>, texts: &[&str]) {
    let fields = listeners(seen, "input");
    for (field, text) in fields[fields.len() - texts.len()..].iter().zip(texts) {
        type_text(dom, *field, text);
    }
    seen.extend(settle(dom));
}

/// Submits the last form drawn.
fn keep(dom: &mut VirtualDom, seen: &mut Vec<Mutation>) {
    let form = *listeners(seen, "submit").last().expect("a form");
    submit(dom, form);
    seen.extend(settle(dom));
}

#[test]
fn a_voice_note_recorded_is_kept_with_its_caption_and_length_and_removed_only_when_confirmed() {
    let Open { local, phone, clock, mut dom, edits: mut seen, doreen } = open();
    tap(&mut dom, &mut seen, "Add a voice note or photo");
    let page = html(&dom);
    assert!(page.contains("Record a voice note") && page.contains("Take a photo") && page.contains("Choose a photo"));
    tap(&mut dom, &mut seen, "Record a voice note");
    seen.extend(advance(&clock, &mut dom, Duration::from_secs(3)));
    assert_eq!(phone.started.load(Ordering::SeqCst), 1);
    assert!(html(&dom).contains("Recording: 0:03 of 10:00"), "{}", html(&dom));
    tap(&mut dom, &mut seen, "Stop recording");
    assert_eq!(phone.stopped.load(Ordering::SeqCst), 1);
    let page = html(&dom);
    assert!(page.contains("What the voice note is about") && page.contains("Keep it"), "{page}");
    assert!(page.contains("src=\"blob:test/audio/webm/6004\""), "the recording plays before it is kept: {page}");
    assert!(local.media_of(doreen).unwrap().is_empty(), "nothing is kept before \"Keep it\"");
    fill(&mut dom, &mut seen, &["Her garden in June", "The roses came back."]);
    keep(&mut dom, &mut seen);
    let page = html(&dom);
    assert!(page.contains("Kept on this phone"), "{page}");
    assert!(page.contains("Voice note, 0:04") && page.contains("Only on this phone"), "{page}");
    assert!(page.contains("Her garden in June") && page.contains("The roses came back."), "{page}");
    assert!(page.contains("Added by Amara"), "not ticked as their words: {page}");
    let held = local.media_of(doreen).unwrap();
    assert_eq!(held.len(), 1);
    assert_eq!(held[0].media.caption, "Her garden in June");
    assert_eq!(held[0].media.transcript, "The roses came back.");
    assert_eq!(held[0].media.duration_ms, Some(4_200), "the length the recorder timed");
    assert_eq!(held[0].media.place, MediaPlace::About);

    // "Remove" asks first; "Cancel" keeps it; "Yes, remove it" removes it.
    // (The second step's two buttons: "Yes, remove it", then "Cancel".)
    let asked = seen.len();
    tap(&mut dom, &mut seen, "Remove");
    assert!(html(&dom).contains("Remove this voice note from every phone and from the team?"));
    let [_yes, cancel] = listeners(&seen[asked..], "click")[..] else { panic!("two answers") };
    click(&mut dom, cancel);
    seen.extend(settle(&mut dom));
    assert!(!html(&dom).contains("from every phone"), "the question is put away");
    assert_eq!(local.media_of(doreen).unwrap().len(), 1, "Cancel keeps it");
    let asked = seen.len();
    tap(&mut dom, &mut seen, "Remove");
    let [yes, _cancel] = listeners(&seen[asked..], "click")[..] else { panic!("two answers") };
    click(&mut dom, yes);
    seen.extend(settle(&mut dom));
    assert!(local.media_of(doreen).unwrap().is_empty());
    let page = html(&dom);
    assert!(page.contains("Removed. It goes from the other phones at their next send."), "{page}");
    assert!(!page.contains("Her garden in June"), "{page}");
}

#[test]
fn a_voice_note_stops_by_itself_at_ten_minutes_and_is_offered_to_keep() {
    let Open { phone, clock, mut dom, edits: mut seen, .. } = open();
    tap(&mut dom, &mut seen, "Add a voice note or photo");
    tap(&mut dom, &mut seen, "Record a voice note");
    advance(&clock, &mut dom, Duration::from_secs(9 * 60 + 58));
    assert_eq!(phone.stopped.load(Ordering::SeqCst), 0);
    assert!(html(&dom).contains("Recording: 9:58 of 10:00"), "{}", html(&dom));
    advance(&clock, &mut dom, Duration::from_secs(3));
    assert_eq!(phone.stopped.load(Ordering::SeqCst), 1, "stopped at ten minutes");
    assert!(html(&dom).contains("Keep it"));
    assert_eq!(phone.cancelled.load(Ordering::SeqCst), 0, "kept, not thrown away");
}

#[test]
fn a_refused_microphone_says_why_keeps_nothing_and_dont_keep_frees_it() {
    let Open { local, phone, mut dom, edits: mut seen, doreen, .. } = open();
    *phone.refuse.lock().unwrap() = Some("The microphone was not allowed.".into());
    tap(&mut dom, &mut seen, "Add a voice note or photo");
    tap(&mut dom, &mut seen, "Record a voice note");
    let page = html(&dom);
    assert!(page.contains("The microphone was not allowed."), "{page}");
    assert!(!page.contains("Stop recording"));
    tap(&mut dom, &mut seen, "Don't keep it");
    assert!(html(&dom).contains("Record a voice note"), "back to the choices");
    assert!(local.media_of(doreen).unwrap().is_empty());

    // Allowed now: recording, then "Don't keep it" frees the microphone and keeps nothing.
    *phone.refuse.lock().unwrap() = None;
    tap(&mut dom, &mut seen, "Record a voice note");
    assert!(html(&dom).contains("Stop recording"));
    tap(&mut dom, &mut seen, "Don't keep it");
    assert_eq!(phone.cancelled.load(Ordering::SeqCst), 1);
    assert_eq!(phone.stopped.load(Ordering::SeqCst), 0);
    assert!(local.media_of(doreen).unwrap().is_empty());
}

#[test]
fn a_photo_taken_is_kept_with_its_caption_as_alt_text_and_as_their_words_when_ticked() {
    let Open { local, mut dom, edits: mut seen, doreen, .. } = open();
    tap(&mut dom, &mut seen, "Add a voice note or photo");
    tap(&mut dom, &mut seen, "Take a photo");
    assert!(html(&dom).contains("photo-camera"), "{}", html(&dom));
    tap(&mut dom, &mut seen, "Take the photo");
    let page = html(&dom);
    assert!(page.contains("What the photo shows") && page.contains("blob:test/image/jpeg/"), "{page}");
    assert!(!page.contains("What it says, typed"), "a photo has no transcript");
    fill(&mut dom, &mut seen, &["Roses by the back door"]);
    // "They said this: in their words".
    let tick = *listeners(&seen, "change").last().expect("the tick box");
    support::fire(
        &mut dom,
        "change",
        tick,
        dioxus_html::PlatformEventData::new(Box::new(dioxus_html::SerializedFormData::new("true".into(), vec![]))),
    );
    seen.extend(settle(&mut dom));
    keep(&mut dom, &mut seen);
    let page = html(&dom);
    assert!(page.contains("alt=\"Roses by the back door\""), "{page}");
    let held = local.media_of(doreen).unwrap();
    assert_eq!(held.len(), 1);
    assert_eq!(held[0].media.dimensions, Some((64, 48)));
    assert_eq!(held[0].media.mime, "image/jpeg");
    assert!(held[0].media.in_my_words(), "ticked as their words");
    assert!(page.contains("In their words"), "{page}");
}

#[test]
fn a_photo_that_could_not_be_taken_says_why_and_the_camera_stays_to_try_again() {
    let Open { phone, mut dom, edits: mut seen, .. } = open();
    phone.missed_snaps.store(1, Ordering::SeqCst);
    tap(&mut dom, &mut seen, "Add a voice note or photo");
    tap(&mut dom, &mut seen, "Take a photo");
    tap(&mut dom, &mut seen, "Take the photo");
    let page = html(&dom);
    assert!(page.contains("no picture yet"), "the reason is said: {page}");
    assert!(page.contains("photo-camera") && page.contains("Take the photo"), "the camera stays: {page}");
    tap(&mut dom, &mut seen, "Take the photo");
    let page = html(&dom);
    assert!(page.contains("What the photo shows") && !page.contains("no picture yet"), "{page}");
}

#[test]
fn settings_keep_the_media_budget_chosen_and_say_what_media_takes() {
    let (store, _) = support::store_of("Amara", "phone", AuthorRole::Supporter);
    let (local, backend): (_, DeviceClient) = in_process(store, Offline).unwrap();
    let mut dom = VirtualDom::new_with_props(
        connect_ui::components::AppAt,
        connect_ui::components::AppAtProps { start: Screen::Settings },
    )
    .with_root_context(backend);
    let mut seen = dom.rebuild_to_vec().edits;
    seen.extend(settle(&mut dom));
    let page = html(&dom);
    assert!(page.contains("Voice notes and photos"), "{page}");
    assert!(page.contains("value=\"200\" selected"), "200 MB unless changed: {page}");
    assert!(page.contains("Kept from the team: 0.0 MB. Made on this phone: 0.0 MB"), "{page}");
    let picker = *listeners(&seen, "change").last().expect("the budget picker");
    support::choose(&mut dom, picker, "500");
    settle(&mut dom);
    assert_eq!(local.media_space().unwrap().budget, 500_000_000);
    assert!(html(&dom).contains("value=\"500\" selected"));
}
