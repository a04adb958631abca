//! What every component test needs: render to HTML, find listeners, fire
//! events, and let spawned work finish.

#![allow(dead_code, unreachable_pub)]

use std::any::Any;
use std::rc::Rc;
use std::time::Duration;

use dioxus::prelude::*;
use dioxus_core::{ElementId, Event, Mutation};
use dioxus_html::{PlatformEventData, SerializedFormData, SerializedMouseData};

pub fn html(dom: &VirtualDom) -> String {
    dioxus_ssr::render(dom)
}

/// Listener ids for an event name, in document order.
pub fn listeners(edits: &[Mutation], name: &str) -> Vec<ElementId> {
    edits
        .iter()
        .filter_map(|m| match m {
            Mutation::NewEventListener { name: n, id, .. } if n == name => Some(*id),
            _ => None,
        })
        .collect()
}

pub fn fire(dom: &mut VirtualDom, name: &str, id: ElementId, data: PlatformEventData) {
    let event = Event::new(Rc::new(data) as Rc<dyn Any>, true);
    dom.runtime().handle_event(name, event, id);
}

pub fn click(dom: &mut VirtualDom, id: ElementId) {
    fire(dom, "click", id, PlatformEventData::new(Box::<SerializedMouseData>::default()));
}

pub fn type_text(dom: &mut VirtualDom, id: ElementId, text: &str) {
    fire(dom, "input", id, PlatformEventData::new(Box::new(SerializedFormData::new(text.into(), vec![]))));
}

pub fn submit(dom: &mut VirtualDom, id: ElementId) {
    fire(dom, "submit", id, PlatformEventData::new(Box::new(SerializedFormData::new(String::new(), vec![]))));
}

/// Lets spawned tasks (edits run "off thread", inline here) finish and re-renders;
/// returns the mutations so new listeners can be found.
pub fn settle(dom: &mut VirtualDom) -> Vec<Mutation> {
    let rt = tokio::runtime::Builder::new_current_thread().enable_time().build().unwrap();
    let mut all = Vec::new();
    for _ in 0..5 {
        rt.block_on(async {
            let _ = tokio::time::timeout(Duration::from_millis(20), dom.wait_for_work()).await;
        });
        all.extend(dom.render_immediate_to_vec().edits);
    }
    all
}

/// Runs `dom` on `rt` for at least `wait`, in small steps, so timers (the
/// idle lock) and spawned work run; returns the mutations.
pub fn pump(rt: &tokio::runtime::Runtime, dom: &mut VirtualDom, wait: Duration) -> Vec<Mutation> {
    let mut all = Vec::new();
    let start = std::time::Instant::now();
    loop {
        rt.block_on(async {
            let _ = tokio::time::timeout(Duration::from_millis(10), dom.wait_for_work()).await;
        });
        all.extend(dom.render_immediate_to_vec().edits);
        if start.elapsed() >= wait {
            return all;
        }
    }
}

/// A memory store with a device identity: `person` on `device`, as `role`,
/// set up at the fixtures' first minute.
pub fn store_of(
    person: &str,
    device: &str,
    role: connect_model::AuthorRole,
) -> (connect_store::MemoryStore, connect_store::DeviceIdentity) {
    use connect_store::DocumentStore as _;
    let mut store = connect_store::MemoryStore::new();
    let me = connect_store::DeviceIdentity {
        device_id: connect_model::DeviceId::random(),
        device_name: device.into(),
        person_name: person.into(),
        role,
        created_at: connect_model::Timestamp::from_millis(1_772_355_600_000),
    };
    store.set_identity(&me).unwrap();
    (store, me)
}
