//! Settings' "Space on this phone": what the app's records take and what the
//! browser leaves it, and whether the browser may clear them.

use dioxus::prelude::*;

use crate::i18n::Msg;
use crate::state::use_ui;
use connect_device::{SharedVault, StorageInfo};

/// Bytes in the nearest whole unit a person reads at a glance.
fn amount(bytes: u64) -> String {
    const MB: f64 = 1024.0 * 1024.0;
    let mb = bytes as f64 / MB;
    if mb >= 1024.0 { format!("{:.1} GB", mb / 1024.0) } else { format!("{mb:.1} MB") }
}

/// The panel; nothing where the platform does not say (native apps).
#[component]
pub fn StoragePanel() -> Element {
    let ui = use_ui();
    let vault = try_use_context::<SharedVault>();
    let info = use_resource(move || {
        let vault = vault.clone();
        async move {
            match vault {
                Some(v) => v.storage().await.ok().flatten(),
                None => None,
            }
        }
    });
    let Some(Some(StorageInfo { used, quota, persisted })) = *info.read() else { return rsx! {} };
    let left = quota.saturating_sub(used);
    rsx! {
        section { class: "page-section", "aria-labelledby": "h-storage",
            h3 { id: "h-storage", {ui.t(Msg::StorageTitle)} }
            p { strong { {amount(used)} } " " {ui.t(Msg::StorageUsed)} " · " strong { {amount(left)} } " " {ui.t(Msg::StorageLeft)} }
            if persisted {
                p { {ui.t(Msg::StorageKept)} }
            } else {
                p { class: "notice", role: "note", {ui.t(Msg::StorageMayBeCleared)} }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::amount;

    #[test]
    fn amounts_read_in_megabytes_or_gigabytes() {
        assert_eq!(amount(0), "0.0 MB");
        assert_eq!(amount(3 * 1024 * 1024 / 2), "1.5 MB");
        assert_eq!(amount(5 * 1024 * 1024 * 1024), "5.0 GB");
    }
}
