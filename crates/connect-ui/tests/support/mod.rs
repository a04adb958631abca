//! What every component test needs: render to HTML, find listeners, fire
//! events, run the app's work to the end, and move its clock.
//!
//! The tests run no async runtime: the device answers each call at once (its
//! calls run inline where there is no runtime), the screens' clock is a
//! [`ManualClock`] the test moves, and [`settle`] runs every task and
//! re-render until nothing is left to do. Nothing waits on the wall clock.

#![allow(dead_code, unreachable_pub)]

use std::any::Any;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

use connect_ui::clock::{ManualClock, SharedClock};
use dioxus::prelude::*;
use dioxus_core::{ElementId, Event, Mutation};
use dioxus_html::{PlatformEventData, SerializedFormData, SerializedHtmlEventConverter, SerializedMouseData};

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

pub fn choose(dom: &mut VirtualDom, id: ElementId, value: &str) {
    fire(dom, "change", id, PlatformEventData::new(Box::new(SerializedFormData::new(value.into(), vec![]))));
}

/// Runs every task that can run and every re-render it causes, until
/// nothing changes; returns the mutations, so new listeners can be found.
pub fn settle(dom: &mut VirtualDom) -> Vec<Mutation> {
    let mut all = Vec::new();
    let mut quiet = 0;
    // A chain of reads and re-renders is a few steps long; two steps in a
    // row with nothing to do means it is over.
    for _ in 0..1_000 {
        if quiet == 2 {
            return all;
        }
        dom.process_events();
        let edits = dom.render_immediate_to_vec().edits;
        quiet = if edits.is_empty() { quiet + 1 } else { 0 };
        all.extend(edits);
    }
    panic!("the app never settled: something re-renders for ever")
}

/// Moves `clock` forward by `by`, a second at a time, letting the app do
/// what falls due at each step; returns the mutations.
pub fn advance(clock: &ManualClock, dom: &mut VirtualDom, by: Duration) -> Vec<Mutation> {
    let step = Duration::from_secs(1);
    let mut all = settle(dom);
    let mut left = by;
    while !left.is_zero() {
        let now = left.min(step);
        clock.advance(now);
        left -= now;
        all.extend(settle(dom));
    }
    all
}

/// A new manual clock, and the same as the screens take it from context.
pub fn manual_clock() -> (ManualClock, SharedClock) {
    dioxus_html::set_event_converter(Box::new(SerializedHtmlEventConverter));
    let clock = ManualClock::new();
    (clock.clone(), Arc::new(clock))
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

/// Marks `store` as enrolled with a relay (its address and this device's token).
pub fn enrolled(store: &mut connect_store::MemoryStore) {
    use connect_store::DocumentStore as _;
    store.set_setting("relay_url", Some("https://relay.connect-east.example")).unwrap();
    store.set_setting("relay_token", Some("token")).unwrap();
}
