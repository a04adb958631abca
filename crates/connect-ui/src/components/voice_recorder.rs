//! Recording a voice note: it starts as it opens (the phone asks for the
//! microphone the first time), shows how long it has run against the ten
//! minutes a note may take, and stops by itself at ten minutes. One large
//! "Stop" keeps it; "Don't keep" throws it away. Leaving the screen while
//! it records throws it away too, and frees the microphone.

use std::time::Duration;

use dioxus::prelude::*;

use crate::clock::use_clock;
use crate::i18n::Msg;
use crate::media_view::clock_words;
use crate::phone_media::{Recording, SharedPhoneMedia};
use crate::state::use_ui;

/// Ten minutes: the recorder stops here (the model allows a second more,
/// for the recorder's own timing).
const LONGEST_MS: u64 = 10 * 60 * 1000;

/// Where the recorder is.
#[derive(Debug, Clone, PartialEq)]
enum Stage {
    /// Waiting for the microphone.
    Starting,
    /// Recording.
    Recording,
    /// Stopped; the file is being handed over.
    Stopping,
    /// The microphone was refused or failed, in words.
    Failed(String),
    /// Thrown away by "Don't keep it".
    Discarded,
}

/// The recorder; `on_done` gets the recording, `on_cancel` is called when
/// the person does not keep it.
#[component]
pub fn VoiceRecorder(on_done: EventHandler<Recording>, on_cancel: EventHandler<()>) -> Element {
    let ui = use_ui();
    let clock = use_clock();
    let Some(platform) = try_use_context::<SharedPhoneMedia>() else { return rsx! {} };
    let mut stage = use_signal(|| Stage::Starting);
    let mut elapsed_ms = use_signal(|| 0_u64);
    let stop = {
        let platform = platform.clone();
        move || {
            if *stage.peek() != Stage::Recording {
                return;
            }
            stage.set(Stage::Stopping);
            let platform = platform.clone();
            spawn(async move {
                match platform.stop_voice().await {
                    Ok(recording) => on_done.call(recording),
                    Err(e) => stage.set(Stage::Failed(e.to_string())),
                }
            });
        }
    };
    use_hook({
        let (platform, mut stop) = (platform.clone(), stop.clone());
        move || {
            spawn(async move {
                if let Err(e) = platform.start_voice().await {
                    stage.set(Stage::Failed(e.to_string()));
                    return;
                }
                if *stage.peek() != Stage::Starting {
                    // "Don't keep it" while the microphone was starting.
                    platform.cancel_voice();
                    return;
                }
                stage.set(Stage::Recording);
                let began = clock.now();
                while *stage.peek() == Stage::Recording {
                    clock.sleep(Duration::from_millis(250)).await;
                    let ran = u64::try_from((clock.now() - began).as_millis()).unwrap_or(u64::MAX);
                    elapsed_ms.set(ran);
                    if ran >= LONGEST_MS {
                        // Ten minutes: stopped, and kept.
                        stop();
                    }
                }
            });
        }
    });
    use_drop({
        let platform = platform.clone();
        move || {
            if matches!(*stage.peek(), Stage::Starting | Stage::Recording) {
                platform.cancel_voice();
            }
        }
    });
    let cancel = move |_| {
        if matches!(*stage.peek(), Stage::Starting | Stage::Recording) {
            platform.cancel_voice();
        }
        stage.set(Stage::Discarded);
        on_cancel.call(());
    };
    let mut stop_button = stop.clone();
    let now = clock_words(elapsed_ms());
    let most = clock_words(LONGEST_MS);
    rsx! {
        div { class: "voice-recorder", role: "group", "aria-label": ui.t(Msg::RecordVoice),
            match stage() {
                Stage::Failed(why) => rsx! { p { class: "status-error", role: "alert", "{why}" } },
                Stage::Discarded => rsx! {},
                Stage::Starting => rsx! { p { class: "recording-time", role: "status", {ui.t(Msg::StartingMicrophone)} } },
                Stage::Recording | Stage::Stopping => rsx! {
                    p { class: "recording-time", role: "timer", "aria-live": "off",
                        span { class: "recording-dot", "aria-hidden": "true" }
                        {ui.tr(Msg::RecordingTime, &[("time", now.into()), ("most", most.into())])}
                    }
                },
            }
            div { class: "actions",
                if matches!(stage(), Stage::Recording | Stage::Stopping) {
                    button {
                        class: "button big-button stop-button",
                        disabled: stage() == Stage::Stopping,
                        onclick: move |_| stop_button(),
                        span { class: "icon", "aria-hidden": "true", "■ " }
                        {ui.t(Msg::StopRecording)}
                    }
                }
                button { class: "button secondary", onclick: cancel, {ui.t(Msg::DontKeep)} }
            }
        }
    }
}
