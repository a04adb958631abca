//! Their record: who changed what and when (the audit trail), a copy of
//! everything held for a subject access request, and, for coordinators,
//! erasure everywhere.

use base64::Engine as _;
use connect_model::history::AuditEntry;
use connect_model::{AuthorRole, DocKind, ResidentId};
use dioxus::prelude::*;

use crate::i18n::Msg;
use crate::state::{Screen, run_call, use_backend, use_ui};
use connect_device::api::{AuditView, SubjectAccess};

/// A link target that saves `body` as a file (a data URL, so it works
/// offline and on every platform's web view).
#[must_use]
pub fn data_url(mime: &str, body: &str) -> String {
    format!("data:{mime};charset=utf-8;base64,{}", base64::engine::general_purpose::STANDARD.encode(body))
}

fn record_words(kind: DocKind) -> &'static str {
    match kind {
        DocKind::Page => "page",
        DocKind::Circle => "circle",
        DocKind::Journal => "journal",
        DocKind::TeamNotes => "team-only notes",
        DocKind::Checkins => "check-ins",
        DocKind::Story => "story",
        DocKind::Directory => "directory",
    }
}

/// The record tab. On a resident's own phone (`own`) it speaks to the
/// resident, and shows the readable copy on the screen as well as saving it.
#[component]
pub fn RecordView(resident: ResidentId, name: String, #[props(default)] own: bool) -> Element {
    let ui = use_ui();
    let backend = use_backend();
    let me = backend.me();
    let mut copy: Signal<Option<SubjectAccess>> = use_signal(|| None);
    let preparing = use_signal(|| false);
    let mut audit: Signal<Option<AuditView>> = use_signal(|| None);
    let loading = use_signal(|| false);
    let mut confirm = use_signal(String::new);
    let prepare = {
        let backend = backend.clone();
        move |_| {
            let backend = backend.clone();
            run_call(ui, Some(preparing), async move { backend.subject_access(resident).await }, move |c| {
                copy.set(Some(c));
            });
        }
    };
    let show_history = {
        let backend = backend.clone();
        move |_| {
            let backend = backend.clone();
            run_call(ui, Some(loading), async move { backend.audit(resident).await }, move |a| audit.set(Some(a)));
        }
    };
    let erase = {
        let name = name.clone();
        move |e: FormEvent| {
            e.prevent_default();
            let backend = backend.clone();
            let name = name.clone();
            run_call(ui, None, async move { backend.erase_resident(resident).await }, move |()| {
                ui.go(Screen::Caseload);
                ui.news(ui.tr(Msg::Erased, &[("name", name.as_str().into())]));
            });
        }
    };
    let confirmed = confirm.read().trim() == name.trim();
    rsx! {
        div { class: "record-view",
            section { class: "page-section", "aria-labelledby": "h-copy",
                h3 { id: "h-copy", {ui.t(if own { Msg::OwnCopyHeading } else { Msg::CopyHeading })} }
                p { class: "hint", {ui.t(if own { Msg::OwnCopyHint } else { Msg::CopyHint })} }
                if let Some(c) = copy.read().clone() {
                    if own {
                        // Sandboxed: the copy is a page of its own, with its
                        // own style, and runs nothing.
                        iframe { class: "readable-copy", title: "{ui.t(Msg::ReadCopyTitle)}", "sandbox": "", srcdoc: "{c.html}" }
                    }
                    div { class: "actions",
                        a { class: "button", href: data_url("text/html", &c.html), download: "{c.file_stem}.html", {ui.t(Msg::SaveReadable)} }
                        a { class: "button secondary", href: data_url("application/json", &c.json), download: "{c.file_stem}.json", {ui.t(Msg::SaveData)} }
                    }
                } else {
                    button { class: "button", disabled: *preparing.read(), onclick: prepare,
                        if *preparing.read() {
                            {ui.t(Msg::Preparing)}
                        } else {
                            {ui.t(if own { Msg::ReadCopy } else { Msg::PrepareCopy })}
                        }
                    }
                }
            }
            section { class: "page-section", "aria-labelledby": "h-history",
                h3 { id: "h-history", {ui.t(Msg::HistoryHeading)} }
                match audit.read().clone() {
                    None => rsx! {
                        button { class: "button secondary", disabled: *loading.read(), onclick: show_history, {ui.t(Msg::ShowHistory)} }
                    },
                    Some(view) => rsx! {
                        if let Some(problem) = view.relay_problem.clone() {
                            p { class: "notice", role: "status", {ui.t(Msg::HistoryRelayProblem)} " {problem}" }
                        }
                        ol { class: "item-list audit-list",
                            for entry in view.entries.iter().rev().cloned() {
                                AuditLine { key: "{entry.hash}", entry }
                            }
                        }
                    },
                }
            }
            if me.role == AuthorRole::Coordinator {
                section { class: "page-section danger-zone", "aria-labelledby": "h-erase",
                    h3 { id: "h-erase", {ui.t(Msg::EraseHeading)} }
                    p { {ui.t(Msg::EraseExplain)} }
                    form { class: "add-form", "aria-label": "{ui.t(Msg::EraseHeading)}", onsubmit: erase,
                        label { class: "field",
                            span { class: "label", {ui.t(Msg::EraseConfirmLabel)} " (" strong { "{name}" } ")" }
                            input { r#type: "text", autocomplete: "off", value: "{confirm}", oninput: move |e| confirm.set(e.value()) }
                        }
                        button { class: "button danger", r#type: "submit", disabled: !confirmed, {ui.t(Msg::EraseButton)} }
                    }
                }
            }
        }
    }
}

/// One change in the audit trail.
#[component]
fn AuditLine(entry: AuditEntry) -> Element {
    let ui = use_ui();
    let when = entry.made_at.to_datetime().with_timezone(&chrono::Local).format("%e %b %Y, %H:%M").to_string();
    let who = match (&entry.person, entry.role) {
        (Some(p), Some(r)) => format!("{p} ({r})"),
        (Some(p), None) => p.clone(),
        _ => ui.t(Msg::HistoryUnknown),
    };
    let device = entry
        .device_name
        .clone()
        .unwrap_or_else(|| entry.device.map(|d| d.to_string().chars().take(8).collect()).unwrap_or_default());
    rsx! {
        li { class: "item",
            p { class: "item-text", "{entry.what} " span { class: "tag", {record_words(entry.kind)} } }
            p { class: "item-meta",
                span { "{when}" }
                span { class: "byline", "{who}" }
                if !device.is_empty() { span { class: "byline", "{device}" } }
                if entry.on_relay {
                    span { class: "tag", "☁ " {ui.t(Msg::HistoryReached)} }
                } else {
                    span { class: "tag tag-waiting", "↑ " {ui.t(Msg::HistoryOnlyHere)} }
                }
            }
        }
    }
}
