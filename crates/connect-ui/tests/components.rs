//! Component tests: each view rendered in a VirtualDom over a device on a
//! memory store, read back with dioxus-ssr, with simulated input, clicks and
//! submits.

use std::sync::Arc;

use connect_device::native::in_process;
use connect_device::network::Offline;
use connect_device::testing::FakeRelay;
use connect_device::{Device, DeviceClient, Edit};
use connect_model::page::{self, Category};
use connect_model::{Author, AuthorRole, DocKind, DocumentId, ResidentId, Timestamp};
use connect_store::{DeviceIdentity, DocumentStore, MemoryStore};
use connect_ui::components::AppAt;
use connect_ui::state::{Screen, Tab, TeamTab};
use dioxus::prelude::*;
use dioxus_core::Mutation;
use dioxus_html::SerializedHtmlEventConverter;

mod support;
use support::{choose, click, html, listeners, settle, submit, type_text};

fn at(m: i64) -> Timestamp {
    Timestamp::from_millis(1_772_355_600_000 + m * 60_000)
}

struct Fixture {
    /// The screens' handle.
    backend: DeviceClient,
    /// The device, for the tests' own reads and writes.
    local: Arc<Device<MemoryStore, Offline>>,
    doreen: ResidentId,
    kwame: ResidentId,
}

/// A store with two residents; Doreen has an offer in her own words and one
/// added by the supporter; Kwame's documents are all on the relay.
fn fixture() -> Fixture {
    fixture_as(AuthorRole::Supporter)
}

/// The same, on a device of someone with `role`.
fn fixture_as(role: AuthorRole) -> Fixture {
    let (mut store, me) = support::store_of("Amara", "phone", role);
    let doreen = connect_store::create_resident(&mut store, &me, "Doreen", at(0)).unwrap();
    let kwame = connect_store::create_resident(&mut store, &me, "Kwame", at(0)).unwrap();
    let ctx = me.context(at(1));
    let hers = ctx.by(Author::new(AuthorRole::Resident, "Doreen", me.device_id));
    store
        .edit(DocumentId::resident(doreen, DocKind::Page), |d| {
            page::add_offer(d, &hers, "I make a good curry", Category::Caring)?;
            page::add_offer(d, &ctx, "Knows the bus routes", Category::Knowledge)?;
            page::add_ask(d, &ctx, "A ramp for the step", Category::Practical).map(drop)
        })
        .unwrap();
    for id in connect_store::resident_documents(kwame) {
        let heads = store.load(id).unwrap().get_heads();
        store.mark_synced(id, &heads).unwrap();
    }
    let (local, backend) = in_process(store, Offline).unwrap();
    Fixture { backend, local, doreen, kwame }
}

fn mount(backend: &DeviceClient, start: Screen) -> (VirtualDom, Vec<Mutation>) {
    dioxus_html::set_event_converter(Box::new(SerializedHtmlEventConverter));
    let mut dom = VirtualDom::new_with_props(AppAt, connect_ui::components::AppAtProps { start })
        .with_root_context(backend.clone());
    let mut edits = dom.rebuild_to_vec().edits;
    // Reads are async: let them land before looking.
    edits.extend(settle(&mut dom));
    (dom, edits)
}

#[test]
fn the_caseload_shows_every_resident_with_an_honest_sync_state() {
    let f = fixture();
    let (dom, _) = mount(&f.backend, Screen::Caseload);
    let page = html(&dom);
    assert!(page.contains("Doreen") && page.contains("Kwame"));
    assert!(page.contains("Only on this phone"), "Doreen's documents never left the phone");
    assert!(page.contains("Sent to the team"), "Kwame's are all acknowledged");
    assert!(page.contains("Saved on this phone"));
    assert!(page.contains("Join your team in Settings"), "not part of a team yet: {page}");
    assert!(page.contains("2 offers"));
}

#[test]
fn a_resident_page_marks_the_residents_own_words() {
    let f = fixture();
    let (dom, _) = mount(&f.backend, Screen::Resident(f.doreen, Tab::Page));
    let page = html(&dom);
    assert!(page.contains("I make a good curry"));
    assert!(page.contains("In their words"));
    assert!(page.contains("Added by Amara"));
    assert!(page.contains("Could you help me with…?"));
    assert!(page.contains("A ramp for the step"));
    assert!(page.contains("Hand to resident"));
}

/// Renders just the add-resident form, with the shared state around it.
#[component]
fn AddResidentAlone() -> Element {
    let ui = connect_ui::state::use_provide_ui(Screen::Caseload);
    rsx! {
        connect_ui::components::AddResidentForm {}
        p { "screen: {ui.screen:?}" }
    }
}

/// Renders just the add-offer form for one resident.
#[component]
fn AddOfferAlone(resident: ResidentId) -> Element {
    connect_ui::state::use_provide_ui(Screen::Resident(resident, Tab::Page));
    rsx! {
        connect_ui::components::AddItemForm {
            resident,
            label: "A new offer".to_owned(),
            with_category: true,
            ask_whose: true,
            form: "offer".to_owned(),
            make: move |(text, category, theirs): (String, Category, bool)| Edit::AddOffer { text, category, by_resident: theirs },
        }
    }
}

fn mount_component<P: Clone + 'static>(
    backend: &DeviceClient,
    root: fn(P) -> Element,
    props: P,
) -> (VirtualDom, Vec<Mutation>) {
    dioxus_html::set_event_converter(Box::new(SerializedHtmlEventConverter));
    let mut dom = VirtualDom::new_with_props(root, props).with_root_context(backend.clone());
    let mut edits = dom.rebuild_to_vec().edits;
    // Reads are async: let them land before looking.
    edits.extend(settle(&mut dom));
    (dom, edits)
}

fn mount_root(backend: &DeviceClient, root: fn() -> Element) -> (VirtualDom, Vec<Mutation>) {
    dioxus_html::set_event_converter(Box::new(SerializedHtmlEventConverter));
    let mut dom = VirtualDom::new(root).with_root_context(backend.clone());
    let mut edits = dom.rebuild_to_vec().edits;
    // Reads are async: let them land before looking.
    edits.extend(settle(&mut dom));
    (dom, edits)
}

#[test]
fn typing_a_name_and_submitting_adds_a_resident_and_opens_them() {
    let f = fixture();
    let (mut dom, edits) = mount_root(&f.backend, AddResidentAlone);
    let [name_input] = listeners(&edits, "input")[..] else { panic!("one text field") };
    let [form] = listeners(&edits, "submit")[..] else { panic!("one form") };
    type_text(&mut dom, name_input, "Ioana");
    settle(&mut dom);
    submit(&mut dom, form);
    settle(&mut dom);
    let ioana = f.local.caseload().unwrap().into_iter().find(|r| r.preferred_name == "Ioana").expect("Ioana was added");
    assert!(
        html(&dom).contains(&format!("Resident(ResidentId({}), Page)", ioana.resident)),
        "her page opens: {}",
        html(&dom)
    );
}

#[test]
fn a_name_already_on_the_phone_asks_before_adding_a_second_person() {
    let f = fixture();
    let (mut dom, edits) = mount_root(&f.backend, AddResidentAlone);
    let [name_input] = listeners(&edits, "input")[..] else { panic!("one text field") };
    let [form] = listeners(&edits, "submit")[..] else { panic!("one form") };
    type_text(&mut dom, name_input, "doreen ");
    settle(&mut dom);
    submit(&mut dom, form);
    let asked = settle(&mut dom);
    let page = html(&dom);
    assert!(page.contains("There is already a resident on this phone called Doreen"), "{page}");
    assert_eq!(f.local.caseload().unwrap().len(), 2, "nobody added before the answer");
    // "Open Doreen" goes to the one already here, and still adds nobody.
    let [open, _another, _cancel] = listeners(&asked, "click")[..] else { panic!("three answers") };
    click(&mut dom, open);
    settle(&mut dom);
    assert!(html(&dom).contains(&format!("Resident(ResidentId({}), Page)", f.doreen)), "{}", html(&dom));
    assert_eq!(f.local.caseload().unwrap().len(), 2);
}

#[test]
fn a_second_person_of_the_same_name_is_added_only_when_asked_for() {
    let f = fixture();
    let (mut dom, edits) = mount_root(&f.backend, AddResidentAlone);
    let [name_input] = listeners(&edits, "input")[..] else { panic!("one text field") };
    let [form] = listeners(&edits, "submit")[..] else { panic!("one form") };
    type_text(&mut dom, name_input, "Doreen");
    settle(&mut dom);
    submit(&mut dom, form);
    let asked = settle(&mut dom);
    let [_open, another, _cancel] = listeners(&asked, "click")[..] else { panic!("three answers") };
    click(&mut dom, another);
    settle(&mut dom);
    let doreens = f.local.caseload().unwrap().into_iter().filter(|r| r.preferred_name == "Doreen").count();
    assert_eq!(doreens, 2, "asked for, so added");
}

#[test]
fn a_blank_name_adds_nobody_and_stays_on_the_caseload() {
    let f = fixture();
    let (mut dom, edits) = mount_root(&f.backend, AddResidentAlone);
    let [form] = listeners(&edits, "submit")[..] else { panic!("one form") };
    type_text(&mut dom, listeners(&edits, "input")[0], "   ");
    settle(&mut dom);
    submit(&mut dom, form);
    settle(&mut dom);
    assert_eq!(f.local.caseload().unwrap().len(), 2);
    assert!(html(&dom).contains("screen: Caseload"));
}

#[test]
fn adding_an_offer_opens_a_form_and_saves_the_words() {
    let f = fixture();
    let (mut dom, edits) = mount_component(&f.backend, AddOfferAlone, AddOfferAloneProps { resident: f.kwame });
    assert!(html(&dom).contains("+ A new offer"));
    let [open] = listeners(&edits, "click")[..] else { panic!("one button") };
    click(&mut dom, open);
    let edits = settle(&mut dom);
    assert!(html(&dom).contains("Kind of help"));
    let [input] = listeners(&edits, "input")[..] else { panic!("one text field") };
    let [form] = listeners(&edits, "submit")[..] else { panic!("one form") };
    let [_they_said_this, category] = listeners(&edits, "change")[..] else {
        panic!("a category picker and a tick box")
    };
    type_text(&mut dom, input, "Plays the piano");
    choose(&mut dom, category, "creative");
    settle(&mut dom);
    submit(&mut dom, form);
    settle(&mut dom);
    let data = f.local.resident(f.kwame).unwrap();
    assert_eq!(data.page.offers.len(), 1);
    assert_eq!(data.page.offers[0].text.as_str(), "Plays the piano");
    assert_eq!(data.page.offers[0].details.category, Category::Creative);
    assert!(html(&dom).contains("+ A new offer"), "the form closes after adding");
}

/// A store whose disk is full while `full` is set: every save fails as the
/// SQLite store's does on a full disk, and nothing is kept.
struct FullDisk {
    inner: MemoryStore,
    full: Arc<std::sync::atomic::AtomicBool>,
}

/// A full disk keeps no media either.
impl connect_store::MediaStore for FullDisk {
    fn write_media(&mut self, w: &connect_store::media::MediaWrite<'_>) -> connect_store::Result<u64> {
        if self.full.load(std::sync::atomic::Ordering::SeqCst) {
            return Err(connect_store::StoreError::DiskFull);
        }
        self.inner.write_media(w)
    }
    fn media_file(
        &self,
        doc: DocumentId,
        hash: connect_model::media::BlobHash,
    ) -> connect_store::Result<Option<connect_store::MediaFile>> {
        self.inner.media_file(doc, hash)
    }
    fn media_files(&self) -> connect_store::Result<Vec<connect_store::MediaFile>> {
        self.inner.media_files()
    }
    fn read_media(
        &self,
        doc: DocumentId,
        hash: connect_model::media::BlobHash,
        at: u64,
    ) -> connect_store::Result<Option<(u64, Vec<u8>)>> {
        self.inner.read_media(doc, hash, at)
    }
    fn set_media_sent(
        &mut self,
        doc: DocumentId,
        hash: connect_model::media::BlobHash,
        sent: u64,
    ) -> connect_store::Result<()> {
        self.inner.set_media_sent(doc, hash, sent)
    }
    fn touch_media(
        &mut self,
        doc: DocumentId,
        hash: connect_model::media::BlobHash,
        now_ms: i64,
    ) -> connect_store::Result<()> {
        self.inner.touch_media(doc, hash, now_ms)
    }
    fn delete_media(&mut self, doc: DocumentId, hash: connect_model::media::BlobHash) -> connect_store::Result<()> {
        self.inner.delete_media(doc, hash)
    }
}

impl DocumentStore for FullDisk {
    fn identity(&self) -> connect_store::Result<Option<DeviceIdentity>> {
        self.inner.identity()
    }
    fn set_identity(&mut self, identity: &DeviceIdentity) -> connect_store::Result<()> {
        self.inner.set_identity(identity)
    }
    fn session_actor(&self) -> connect_store::Result<connect_model::automerge::ActorId> {
        self.inner.session_actor()
    }
    fn setting(&self, key: &str) -> connect_store::Result<Option<String>> {
        self.inner.setting(key)
    }
    fn set_setting(&mut self, key: &str, value: Option<&str>) -> connect_store::Result<()> {
        self.inner.set_setting(key, value)
    }
    fn load(&self, id: DocumentId) -> connect_store::Result<connect_model::automerge::Automerge> {
        self.inner.load(id)
    }
    fn contains(&self, id: DocumentId) -> connect_store::Result<bool> {
        self.inner.contains(id)
    }
    fn save(&mut self, id: DocumentId, doc: &mut connect_model::automerge::Automerge) -> connect_store::Result<()> {
        if self.full.load(std::sync::atomic::Ordering::SeqCst) {
            return Err(connect_store::StoreError::DiskFull);
        }
        self.inner.save(id, doc)
    }
    fn erase(&mut self, id: DocumentId) -> connect_store::Result<()> {
        self.inner.erase(id)
    }
    fn is_erased(&self, id: DocumentId) -> connect_store::Result<bool> {
        self.inner.is_erased(id)
    }
    fn document_ids(&self) -> connect_store::Result<Vec<DocumentId>> {
        self.inner.document_ids()
    }
    fn caseload(&self) -> connect_store::Result<Vec<connect_store::CaseloadRow>> {
        self.inner.caseload()
    }
    fn items(&self, resident: ResidentId) -> connect_store::Result<Vec<connect_store::ItemRow>> {
        self.inner.items(resident)
    }
    fn search(&self, query: &str) -> connect_store::Result<Vec<connect_store::SearchHit>> {
        self.inner.search(query)
    }
    fn pending(&self) -> connect_store::Result<Vec<DocumentId>> {
        self.inner.pending()
    }
    fn synced_heads(&self, id: DocumentId) -> connect_store::Result<Option<Vec<connect_model::automerge::ChangeHash>>> {
        self.inner.synced_heads(id)
    }
    fn mark_synced(
        &mut self,
        id: DocumentId,
        heads: &[connect_model::automerge::ChangeHash],
    ) -> connect_store::Result<()> {
        self.inner.mark_synced(id, heads)
    }
    fn sync_state(&self, peer: &str, id: DocumentId) -> connect_store::Result<Option<Vec<u8>>> {
        self.inner.sync_state(peer, id)
    }
    fn set_sync_state(&mut self, peer: &str, id: DocumentId, state: &[u8]) -> connect_store::Result<()> {
        self.inner.set_sync_state(peer, id, state)
    }
    fn resident_facts(&self) -> connect_store::Result<Vec<connect_model::insights::ResidentFacts>> {
        self.inner.resident_facts()
    }
    fn story_consents(&self) -> connect_store::Result<Vec<connect_store::StoryRow>> {
        self.inner.story_consents()
    }
    fn open_promises(&self) -> connect_store::Result<Vec<connect_model::today::PromiseRow>> {
        self.inner.open_promises()
    }
    fn rebuild_indexes(&mut self) -> connect_store::Result<()> {
        self.inner.rebuild_indexes()
    }
}

/// The note form with the notice line, as on a resident's journal tab.
#[component]
fn NoteFormWithNotice(resident: ResidentId) -> Element {
    connect_ui::state::use_provide_ui(Screen::Resident(resident, Tab::Journal));
    rsx! {
        connect_ui::components::NoticeLine {}
        connect_ui::components::NoteForm { resident, can_team_only: true }
    }
}

#[test]
fn on_a_full_disk_the_note_stays_in_its_form_with_words_that_say_what_to_do() {
    let full = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let (inner, me) = support::store_of("Amara", "phone", AuthorRole::Supporter);
    let mut store = FullDisk { inner, full: full.clone() };
    let doreen = connect_store::create_resident(&mut store, &me, "Doreen", at(0)).unwrap();
    let (local, backend) = in_process(store, Offline).unwrap();
    full.store(true, std::sync::atomic::Ordering::SeqCst);

    let (mut dom, edits) = mount_component(&backend, NoteFormWithNotice, NoteFormWithNoticeProps { resident: doreen });
    let [text] = listeners(&edits, "input")[..] else { panic!("one text field") };
    let [form] = listeners(&edits, "submit")[..] else { panic!("one form") };
    type_text(&mut dom, text, "Tea and a long chat about the allotment");
    settle(&mut dom);
    // Nothing is shared until someone says who may read it.
    submit(&mut dom, form);
    settle(&mut dom);
    assert!(html(&dom).contains("Choose who can see it first"), "{}", html(&dom));
    // (The form's listeners come after the "Not today" button's.)
    let [_not_today, with_them, _team_only] = listeners(&edits, "click")[..] else { panic!("three buttons") };
    click(&mut dom, with_them);
    settle(&mut dom);
    assert!(html(&dom).contains("aria-pressed=\"true\">They and the team"), "{}", html(&dom));
    submit(&mut dom, form);
    settle(&mut dom);
    let page = html(&dom);
    assert!(page.contains("This change was not saved"), "{page}");
    assert!(page.contains("everything saved before is safe") && page.contains("free some space"), "{page}");
    assert!(page.contains("Tea and a long chat about the allotment"), "the draft stays in its form: {page}");
    assert!(local.resident(doreen).unwrap().journal.unwrap().entries.is_empty());

    // Space freed: the same draft saves with one more tap, and the form empties.
    full.store(false, std::sync::atomic::Ordering::SeqCst);
    submit(&mut dom, form);
    settle(&mut dom);
    let journal = local.resident(doreen).unwrap().journal.unwrap();
    assert_eq!(journal.entries.len(), 1);
    assert_eq!(journal.entries[0].text.as_str(), "Tea and a long chat about the allotment");
    assert!(!html(&dom).contains("Tea and a long chat about the allotment"), "saved, so the form is empty again");
}

#[test]
fn resident_mode_shows_only_their_page_and_marks_additions_as_theirs() {
    let f = fixture();
    let (dom, _) = mount(&f.backend, Screen::ResidentMode(f.doreen));
    let page = html(&dom);
    assert!(page.contains("My page: Doreen"));
    assert!(!page.contains("Kwame"));
    assert!(!page.contains("Caseload"), "no way to the caseload");
    assert!(!page.contains("Journal"), "no journal tab");
    assert!(page.contains("Give the phone back"));
    assert!(page.contains("Something I can offer"));
    assert!(page.contains("In my words · written down by their supporter"), "her words, to her: {page}");
}

#[test]
fn the_circle_view_has_a_map_and_a_list_with_the_same_people() {
    let f = fixture();
    f.local
        .edit(
            f.doreen,
            Edit::AddTie {
                name: "Jean".into(),
                relationship: "neighbour".into(),
                ring: connect_model::circle::Ring::Friendship,
                two_way: true,
                place: false,
            },
        )
        .unwrap();
    let (dom, _) = mount(&f.backend, Screen::Resident(f.doreen, Tab::Circle));
    let page = html(&dom);
    assert!(page.contains("<svg"));
    assert!(page.contains("role=\"img\""));
    assert!(page.contains("<title>Jean</title>"), "the map names each person");
    assert!(page.contains("Everyone in the circle"));
    assert!(page.contains("neighbour"));
    assert!(page.contains("both ways"));
}

#[test]
fn the_journal_keeps_team_only_notes_apart() {
    let f = fixture();
    let note = |text: &str, v| Edit::AddNote {
        text: text.into(),
        marker: connect_model::journal::Marker::Visit,
        visibility: v,
        mood: None,
        reason: None,
    };
    f.local.edit(f.doreen, note("Tea and a chat", connect_model::journal::Visibility::Shared)).unwrap();
    f.local.edit(f.doreen, note("Worried about falls", connect_model::journal::Visibility::TeamOnly)).unwrap();
    let (dom, _) = mount(&f.backend, Screen::Resident(f.doreen, Tab::Journal));
    let page = html(&dom);
    let shared = page.find("Shared with the resident").unwrap();
    let team = page.find("Team-only notes").unwrap();
    let tea = page.find("Tea and a chat").unwrap();
    let falls = page.find("Worried about falls").unwrap();
    assert!(shared < tea && tea < team && team < falls, "each note under its own heading");
    assert!(page.contains("Not today"));
}

#[test]
fn settings_show_the_device_id_and_how_to_connect() {
    let f = fixture();
    let me = f.backend.me();
    let (dom, _) = mount(&f.backend, Screen::Settings);
    let page = html(&dom);
    assert!(page.contains(&me.device_id.to_string()));
    assert!(page.contains("Your team&#39;s address"), "{page}");
    assert!(page.contains("Invite code"));
    assert!(page.contains("Română"));
}

/// The invite panel alone.
#[component]
fn InvitePanelAlone() -> Element {
    connect_ui::state::use_provide_ui(Screen::Settings);
    rsx! { connect_ui::components::InvitePanel {} }
}

/// Reads the QR code in an SVG drawn as `<path d="M{x} {y}h{w}v{h}H{x}V{y}…">`
/// (dark rectangles on light): draws it as pixels and decodes it.
fn decode_qr(svg: &str) -> String {
    let number = |s: &str, key: &str| -> usize {
        let at = s.find(key).unwrap() + key.len();
        s[at..].split('"').next().unwrap().parse().unwrap()
    };
    let (w, h) = (number(svg, "width=\""), number(svg, "height=\""));
    let mut dark = vec![false; w * h];
    let d = svg.split(" d=\"").nth(1).unwrap().split('"').next().unwrap();
    for rect in d.split('M').filter(|r| !r.is_empty()) {
        let nums: Vec<usize> =
            rect.split(|c: char| !c.is_ascii_digit()).filter(|n| !n.is_empty()).map(|n| n.parse().unwrap()).collect();
        let [x, y, rw, rh, ..] = nums[..] else { panic!("a rectangle: {rect}") };
        for row in y..y + rh {
            for col in x..x + rw {
                dark[row * w + col] = true;
            }
        }
    }
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| if dark[y * w + x] { 0 } else { 255 });
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code in the picture");
    grids[0].decode().unwrap().1
}

#[test]
fn an_invite_shows_a_qr_code_that_reads_back_as_the_invite() {
    let (mut store, _) = support::store_of("Chloe", "phone", AuthorRole::Coordinator);
    support::enrolled(&mut store);
    let relay = FakeRelay::new();
    *relay.invite_code.lock().unwrap() = Some("ABCD-EFGH-JKLM".into());
    let (_local, backend) = in_process(store, relay).unwrap();
    let (mut dom, edits) = mount_root(&backend, InvitePanelAlone);
    let [form] = listeners(&edits, "submit")[..] else { panic!("one form") };
    type_text(&mut dom, listeners(&edits, "input")[0], "Bogdan");
    settle(&mut dom);
    submit(&mut dom, form);
    settle(&mut dom);
    let page = html(&dom);
    assert!(page.contains("ABCD-EFGH-JKLM"), "the code as text too: {page}");
    let svg = &page[page.find("<svg").expect("a QR code is drawn")..];
    let svg = &svg[..svg.find("</svg>").unwrap() + 6];
    assert_eq!(decode_qr(svg), "connect-companion:enrol?relay=https://relay.connect-east.example&code=ABCD-EFGH-JKLM");
}

/// The People part of the Team screen alone.
#[component]
fn PeopleAlone() -> Element {
    connect_ui::state::use_provide_ui(Screen::Team(TeamTab::People));
    rsx! { connect_ui::components::PeopleView {} }
}

#[test]
fn a_coordinator_invites_someone_by_name_sees_it_waiting_and_cancels_it() {
    let (mut store, _) = support::store_of("Chloe", "phone", AuthorRole::Coordinator);
    support::enrolled(&mut store);
    let relay = FakeRelay::new();
    *relay.invite_code.lock().unwrap() = Some("ABCD-EFGH-JKLM".into());
    let issued = relay.invites.clone();
    let (_local, backend) = in_process(store, relay).unwrap();
    let (mut dom, edits) = mount_root(&backend, PeopleAlone);
    assert!(html(&dom).contains("No invites are waiting to be used."), "{}", html(&dom));
    let name = listeners(&edits, "input")[0];
    let form = listeners(&edits, "submit")[0];
    // An invite for nobody is not made: the coordinator names the person.
    submit(&mut dom, form);
    settle(&mut dom);
    assert!(issued.lock().unwrap().is_empty(), "nothing asked of the relay");
    assert!(!html(&dom).contains("An invite for"), "no invite shown");
    type_text(&mut dom, name, "Bogdan");
    settle(&mut dom);
    submit(&mut dom, form);
    let made = settle(&mut dom);
    let page = html(&dom);
    assert!(page.contains("An invite for Bogdan"), "{page}");
    assert!(page.contains("It stops working in 3 days"), "{page}");
    assert!(page.contains("Invites not used yet") && !page.contains("No invites are waiting"), "{page}");
    let sent = issued.lock().unwrap()[0].clone();
    assert_eq!(sent.details.name.as_deref(), Some("Bogdan"), "the relay keeps the name the team will know them by");
    assert_eq!(sent.details.role, AuthorRole::Supporter, "a supporter unless chosen otherwise");

    // The waiting invite's Cancel is the last button drawn.
    let cancel = *listeners(&made, "click").last().expect("a Cancel button");
    click(&mut dom, cancel);
    settle(&mut dom);
    assert_eq!(issued.lock().unwrap()[0].state, connect_sync::api::InviteState::Cancelled);
    let page = html(&dom);
    assert!(page.contains("No invites are waiting to be used.") && page.contains("Cancelled"), "{page}");
}

#[test]
fn team_figures_are_for_coordinators_and_small_numbers_are_not_shown() {
    let supporter = fixture();
    let (dom, _) = mount(&supporter.backend, Screen::Team(TeamTab::Insights));
    let page = html(&dom);
    assert!(page.contains("Matches") && page.contains("Places"));
    assert!(!page.contains("Residents supported"), "a supporter's team screen has no figures");
    assert!(!page.contains("Stories we may share"));

    let coordinator = fixture_as(AuthorRole::Coordinator);
    let (dom, _) = mount(&coordinator.backend, Screen::Team(TeamTab::Insights));
    let page = html(&dom);
    assert!(page.contains("Residents supported"));
    assert!(page.contains("fewer than 5"), "two residents are too few to show");
    assert!(!page.contains(">2<"), "the count itself never appears");
    assert!(page.contains("<svg"), "the circle chart is drawn");
}

#[test]
fn a_team_figure_with_no_answers_behind_it_says_no_answers_yet_and_never_zero() {
    // Nobody has a check-in: the medians have nothing behind them.
    let coordinator = fixture_as(AuthorRole::Coordinator);
    let (dom, _) = mount(&coordinator.backend, Screen::Team(TeamTab::Insights));
    let page = html(&dom);
    let ucla = page.split("Loneliness score in the middle").nth(1).expect("the UCLA figure is listed");
    let ucla = &ucla[..ucla.find("</dd>").unwrap()];
    assert!(ucla.contains(r#"no answers yet <span class="flips">→</span> no answers yet"#), "{ucla}");
    assert!(!ucla.contains('0'), "no median may read as a real 0: {ucla}");
    let life = page.split("Life satisfaction in the middle").nth(1).unwrap();
    assert!(life[..life.find("</dd>").unwrap()].contains("no answers yet"));
}

#[test]
fn a_story_shared_without_a_name_is_shown_without_it_and_a_private_one_not_at_all() {
    let f = fixture_as(AuthorRole::Coordinator);
    let story = |text: &str| Edit::SetStory { text: text.into(), by_resident: true };
    let consent = |level| Edit::SetConsent { level, by_resident: true };
    f.local.edit(f.doreen, story("Doreen here. I run the bingo now.")).unwrap();
    f.local.edit(f.doreen, consent(connect_model::story::Consent::Anonymous)).unwrap();
    f.local.edit(f.kwame, story("Kwame's story, kept to himself.")).unwrap();
    let (dom, _) = mount(&f.backend, Screen::Team(TeamTab::Stories));
    let page = html(&dom);
    assert!(page.contains("[name] here. I run the bingo now."), "{page}");
    assert!(!page.contains("Doreen"));
    assert!(!page.contains("Kwame"), "a private story is not listed");
    f.local.edit(f.doreen, consent(connect_model::story::Consent::Private)).unwrap();
    let (dom, _) = mount(&f.backend, Screen::Team(TeamTab::Stories));
    assert!(html(&dom).contains("No stories may be shared yet."));
}

#[test]
fn a_consent_the_resident_gave_on_the_supporters_phone_says_who_wrote_it_down() {
    let f = fixture();
    let consent = |level, by_resident| Edit::SetConsent { level, by_resident };
    f.local.edit(f.doreen, consent(connect_model::story::Consent::Team, true)).unwrap();
    let (dom, _) = mount(&f.backend, Screen::Resident(f.doreen, Tab::Story));
    let page = html(&dom);
    let history = &page[page.find("Changes of consent").expect("the consent history")..];
    assert!(history.contains("Changed by Doreen"), "{history}");
    assert!(history.contains("written down by their supporter"), "{history}");
    // The supporter's own change is theirs alone.
    f.local.edit(f.doreen, consent(connect_model::story::Consent::Private, false)).unwrap();
    let (dom, _) = mount(&f.backend, Screen::Resident(f.doreen, Tab::Story));
    let page = html(&dom);
    let history = &page[page.find("Changes of consent").unwrap()..];
    let newest = &history[..history.find("</li>").unwrap()];
    assert!(newest.contains("Changed by Amara") && !newest.contains("written down"), "{newest}");
}

#[test]
fn the_circle_over_time_shows_each_visit_with_its_counts() {
    let f = fixture();
    let tie = Edit::AddTie {
        name: "Jean".into(),
        relationship: "neighbour".into(),
        ring: connect_model::circle::Ring::Friendship,
        two_way: true,
        place: false,
    };
    f.local.edit(f.doreen, tie).unwrap();
    let visit = Edit::AddNote {
        text: "Tea".into(),
        marker: connect_model::journal::Marker::Visit,
        visibility: connect_model::journal::Visibility::Shared,
        mood: None,
        reason: None,
    };
    f.local.edit(f.doreen, visit).unwrap();
    let (dom, _) = mount(&f.backend, Screen::Resident(f.doreen, Tab::Circle));
    let page = html(&dom);
    assert!(page.contains("How the circle has changed"));
    assert!(page.contains("visit "), "a chip for the visit: {page}");
    assert!(page.contains("In the circle"));
    assert!(page.contains("Ties in the circle and ties that go both ways"), "the trend chart");
}

#[test]
fn a_suggested_introduction_asks_the_resident_in_their_own_view() {
    let f = fixture();
    f.local
        .edit(
            f.kwame,
            Edit::AddOffer { text: "I could build a ramp".into(), category: Category::Practical, by_resident: true },
        )
        .unwrap();
    let suggestions = f.local.suggestions().unwrap();
    let ramp = suggestions.iter().find(|s| s.offer.text.contains("ramp")).expect("the ramp offer meets the ramp ask");
    assert!(ramp.reason_words().contains("ramp"));
    f.local.introduce(ramp).unwrap();
    assert!(f.local.suggestions().unwrap().iter().all(|s| !s.offer.text.contains("ramp")), "suggested once");
    let (dom, _) = mount(&f.backend, Screen::ResidentMode(f.doreen));
    let page = html(&dom);
    assert!(page.contains("Someone who might help with:"));
    assert!(page.contains("A ramp for the step"));
    assert!(page.contains("Yes, introduce us") && page.contains("No, thank you"));
    assert!(!page.contains("Kwame"), "who it is stays unsaid until both agree");
    let intros = f.local.introductions().unwrap();
    assert_eq!(intros.len(), 1);
    assert_eq!(intros[0].state, connect_model::page::IntroState::Waiting);
}

#[test]
fn a_residents_own_phone_opens_on_their_screens_only_with_everything_it_holds_about_them() {
    let (mut store, me) = support::store_of("Doreen", "Doreen's phone", AuthorRole::Resident);
    let doreen = connect_store::create_resident(&mut store, &me, "Doreen", at(0)).unwrap();
    // Only hers reaches her phone from the relay; even if another resident
    // were here, nothing of theirs would show.
    connect_store::create_resident(&mut store, &me, "Kwame", at(0)).unwrap();
    let ctx = me.context(at(1));
    store
        .edit(DocumentId::resident(doreen, DocKind::Page), |d| {
            page::add_offer(d, &ctx, "I make a good curry", Category::Caring).map(drop)
        })
        .unwrap();
    store
        .edit(DocumentId::resident(doreen, DocKind::Journal), |d| {
            let entry = connect_model::journal::NewEntry {
                happened_at: at(2),
                marker: connect_model::journal::Marker::Visit,
                text: "Tea and a chat about the allotment",
                mood: None,
                reason: None,
            };
            connect_model::journal::add_entry(d, &ctx, &entry).map(drop)
        })
        .unwrap();
    store.set_setting(connect_device::device::OWN_RESIDENT_SETTING, Some(&doreen.to_string())).unwrap();
    let (_local, backend) = in_process(store, Offline).unwrap();
    assert_eq!(backend.own_resident(), Some(doreen));

    let (mut dom, edits) = mount_root(&backend, connect_ui::App);
    let page = html(&dom);
    assert!(page.contains("My page") && page.contains("I make a good curry"), "{page}");
    assert!(!page.contains("Kwame"), "nothing about another resident");
    assert!(!page.contains("Give the phone back"), "the phone is theirs: there is no way out");
    assert!(!page.contains("Caseload") && !page.contains("Settings"), "no supporter screens: {page}");
    for part in ["Circle of care", "Notes from visits", "Check-ins", "Story", "Everything on this phone about me"] {
        assert!(page.contains(part), "{part} is offered");
    }

    // Their shared journal, to read.
    let clicks = listeners(&edits, "click");
    let mut all = edits;
    let journal = clicks
        .iter()
        .copied()
        .find(|id| {
            click(&mut dom, *id);
            all.extend(settle(&mut dom));
            html(&dom).contains("Tea and a chat about the allotment")
        })
        .expect("a button opens the journal");
    let _ = journal;
    assert!(!html(&dom).contains("Add a note"), "a resident reads the journal; the team writes in it");

    // Everything on this phone about them: the copy and the history.
    let found = listeners(&all, "click").into_iter().any(|id| {
        click(&mut dom, id);
        all.extend(settle(&mut dom));
        html(&dom).contains("Show the history")
    });
    assert!(found, "{}", html(&dom));
    assert!(!html(&dom).contains("Kwame"));
}

#[test]
fn today_lists_a_due_promise_and_the_page_speaks_to_the_resident_without_team_only_ones() {
    use connect_model::promise::{PromiseBy, When};
    let f = fixture();
    let today = chrono::Local::now().date_naive();
    let add = |text: &str, by, when, shared| {
        f.local
            .edit(
                f.doreen,
                Edit::AddPromise {
                    text: text.into(),
                    by,
                    by_name: String::new(),
                    when,
                    ask: None,
                    shared,
                    by_resident: false,
                },
            )
            .unwrap()
    };
    add("ask the council about the ramp", PromiseBy::Supporter, Some(When::On(today)), true);
    add("check the boiler", PromiseBy::Team, Some(When::On(today)), false);
    add("teach Amara her curry", PromiseBy::Resident, Some(When::NoRush), true);
    let (dom, _) = mount(&f.backend, Screen::Caseload);
    let page = html(&dom);
    let today_at = page.find("Today").unwrap();
    assert!(today_at < page.find("Caseload</h2>").unwrap(), "Today comes first: {page}");
    assert!(page.contains("Promises due (2)"), "{page}");
    assert!(page.contains("Doreen: The supporter will ask the council about the ramp"));
    assert!(page.contains("Doreen: The Connect team will check the boiler"), "the team sees its own");
    assert!(!page.contains("teach Amara her curry"), "no rush is never due");

    let (dom, _) = mount(&f.backend, Screen::ResidentMode(f.doreen));
    let page = html(&dom);
    assert!(page.contains("What we said we&#39;d do") || page.contains("What we said we'd do"), "{page}");
    assert!(page.contains("Your supporter will ask the council about the ramp"));
    assert!(page.contains("You will teach Amara her curry"));
    assert!(!page.contains("check the boiler"), "team-only promises never show to her");
    assert!(page.contains("No visit planned yet."));
}
