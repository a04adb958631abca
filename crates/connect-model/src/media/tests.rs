use automerge::{ActorId, Automerge};

use super::*;
use crate::journal::{self, Visibility};
use crate::test_support::{ctx, resident_ctx, supporter_actor};
use crate::{ResidentId, story};

fn page_doc() -> Automerge {
    page::create(&supporter_actor(), ResidentId::random(), "Doreen", &ctx(0)).unwrap()
}

fn photo(place: MediaPlace, bytes: &[u8]) -> NewMedia<'static> {
    NewMedia {
        hash: BlobHash::of(bytes),
        kind: MediaKind::Photo,
        mime: PHOTO_MIME,
        bytes: bytes.len() as u64,
        duration_ms: None,
        dimensions: Some((1600, 1200)),
        caption: "My roses by the back door",
        transcript: "",
        place,
    }
}

fn voice(place: MediaPlace, bytes: &[u8]) -> NewMedia<'static> {
    NewMedia {
        hash: BlobHash::of(bytes),
        kind: MediaKind::Voice,
        mime: "audio/webm",
        bytes: bytes.len() as u64,
        duration_ms: Some(42_000),
        dimensions: None,
        caption: "How I make my curry",
        transcript: "First the onions, slowly.",
        place,
    }
}

#[test]
fn a_resident_s_voice_note_on_about_me_reads_back_as_in_my_words() {
    let mut doc = page_doc();
    let id = add(&mut doc, &resident_ctx(1), &voice(MediaPlace::About, b"ogg bytes")).unwrap();
    let media = read(&doc).unwrap();
    assert_eq!(media.len(), 1);
    let m = &media[0];
    assert_eq!((m.id, m.kind, m.place), (id, MediaKind::Voice, MediaPlace::About));
    assert_eq!(m.hash, BlobHash::of(b"ogg bytes"));
    assert_eq!((m.duration_ms, m.dimensions), (Some(42_000), None));
    assert_eq!(m.transcript, "First the onions, slowly.");
    assert!(m.in_my_words());
    let supporter_s = add(&mut doc, &ctx(2), &photo(MediaPlace::About, b"jpeg")).unwrap();
    let m = read(&doc).unwrap().into_iter().find(|m| m.id == supporter_s).unwrap();
    assert!(!m.in_my_words(), "a supporter's photo is not the resident's words");
    assert_eq!(m.dimensions, Some((1600, 1200)));
}

#[test]
fn media_attaches_only_where_its_document_holds_the_thing() {
    let mut doc = page_doc();
    let offer = page::add_offer(&mut doc, &ctx(1), "I knit", page::Category::Creative).unwrap();
    add(&mut doc, &ctx(2), &photo(MediaPlace::Item(offer), b"knitting")).unwrap();
    let before = doc.get_heads();
    let err = add(&mut doc, &ctx(3), &photo(MediaPlace::Item(ItemId::random()), b"x")).unwrap_err();
    assert!(matches!(err, ModelError::UnknownItem { .. }), "{err}");
    let err = add(&mut doc, &ctx(3), &photo(MediaPlace::Story, b"x")).unwrap_err();
    assert!(matches!(err, ModelError::Invalid { what: "media place", .. }), "{err}");
    assert_eq!(doc.get_heads(), before, "a refused attachment writes nothing");

    let resident = ResidentId::random();
    let mut notes = journal::create(&supporter_actor(), resident, Visibility::TeamOnly, &ctx(0)).unwrap();
    let new = journal::NewEntry {
        happened_at: ctx(1).now,
        marker: journal::Marker::Visit,
        text: "Fixed the gate together",
        mood: None,
        reason: None,
    };
    let note = journal::add_entry(&mut notes, &ctx(1), &new).unwrap();
    add(&mut notes, &ctx(2), &photo(MediaPlace::Note(note), b"gate")).unwrap();
    assert!(add(&mut notes, &ctx(2), &photo(MediaPlace::Note(ItemId::random()), b"gate")).is_err());
    assert!(add(&mut notes, &ctx(2), &photo(MediaPlace::About, b"gate")).is_err());

    let mut tale = story::create(&supporter_actor(), resident, &ctx(0)).unwrap();
    add(&mut tale, &resident_ctx(1), &voice(MediaPlace::Story, b"my story")).unwrap();
    assert_eq!(hashes(&tale).unwrap().into_iter().collect::<Vec<_>>(), vec![BlobHash::of(b"my story")]);
}

#[test]
fn a_file_the_app_would_not_make_is_refused_by_what_is_wrong() {
    let mut doc = page_doc();
    let before = doc.get_heads();
    let cases: Vec<(NewMedia<'_>, &str)> = vec![
        (NewMedia { bytes: 0, ..photo(MediaPlace::About, b"") }, "media size"),
        (NewMedia { bytes: MEDIA_BYTES_MAX + 1, ..photo(MediaPlace::About, b"") }, "media size"),
        (NewMedia { mime: "image/heic", ..photo(MediaPlace::About, b"x") }, "photo type"),
        (NewMedia { dimensions: Some((4000, 3000)), ..photo(MediaPlace::About, b"x") }, "photo size"),
        (NewMedia { dimensions: None, ..photo(MediaPlace::About, b"x") }, "photo size"),
        (NewMedia { mime: "video/mp4", ..voice(MediaPlace::About, b"x") }, "voice note type"),
        (NewMedia { duration_ms: Some(VOICE_MS_MAX + 1), ..voice(MediaPlace::About, b"x") }, "voice note length"),
    ];
    for (new, what_is_wrong) in cases {
        let err = add(&mut doc, &ctx(1), &new).unwrap_err();
        assert!(matches!(err, ModelError::Invalid { what, .. } if what == what_is_wrong), "{what_is_wrong}: {err}");
    }
    let long = "x".repeat(ITEM_MAX + 1);
    let err = add(&mut doc, &ctx(1), &NewMedia { caption: &long, ..photo(MediaPlace::About, b"x") }).unwrap_err();
    assert!(matches!(err, ModelError::TooLong { field: "caption", .. }), "{err}");
    assert_eq!(doc.get_heads(), before, "nothing written");
    assert!(read(&doc).unwrap().is_empty());
}

#[test]
fn media_added_on_two_offline_phones_merges_and_a_removal_beats_a_caption_edit() {
    // Neither phone's page has a media map yet: each adds its own.
    let mut supporter = page_doc();
    let mut resident = supporter.fork().with_actor(ActorId::random());
    let a = add(&mut supporter, &ctx(1), &photo(MediaPlace::About, b"garden")).unwrap();
    let b = add(&mut resident, &resident_ctx(1), &voice(MediaPlace::About, b"song")).unwrap();
    supporter.merge(&mut resident).unwrap();
    resident.merge(&mut supporter).unwrap();
    let ids: BTreeSet<ItemId> = read(&supporter).unwrap().iter().map(|m| m.id).collect();
    assert_eq!(ids, BTreeSet::from([a, b]));
    assert_eq!(read(&resident).unwrap(), read(&supporter).unwrap());

    // One phone removes the photo while the other, offline, recaptions it.
    remove(&mut supporter, &ctx(2), a).unwrap();
    set_caption(&mut resident, &resident_ctx(2), a, "The roses in June").unwrap();
    set_transcript(&mut resident, &resident_ctx(2), b, "La la la").unwrap();
    supporter.merge(&mut resident).unwrap();
    let media = read(&supporter).unwrap();
    assert_eq!(media.iter().map(|m| m.id).collect::<Vec<_>>(), vec![b], "removed stays removed");
    assert_eq!(media[0].transcript, "La la la");
    assert!(!hashes(&supporter).unwrap().contains(&BlobHash::of(b"garden")));
    let err = remove(&mut supporter, &ctx(3), a).unwrap_err();
    assert!(matches!(err, ModelError::UnknownItem { kind: "media", .. }), "{err}");
}

#[test]
fn a_hash_reads_as_64_hex_digits_and_nothing_else() {
    let h = BlobHash::of(b"abc");
    assert_eq!(h.to_string(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assert_eq!(h.to_string().to_uppercase().parse::<BlobHash>().unwrap(), h);
    for bad in ["", "abc", &"g".repeat(64), &"a".repeat(65), "../../etc/passwd"] {
        assert!(bad.parse::<BlobHash>().is_err(), "{bad}");
    }
    assert_eq!(serde_json::to_string(&h).unwrap(), format!("\"{h}\""));
    for place in
        [MediaPlace::About, MediaPlace::Story, MediaPlace::Item(ItemId::random()), MediaPlace::Note(ItemId::random())]
    {
        assert_eq!(place.to_string().parse::<MediaPlace>().unwrap(), place);
    }
    assert!("item:nope".parse::<MediaPlace>().is_err());
}
