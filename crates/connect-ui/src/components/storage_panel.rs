//! Settings' "Space on this phone": what the app's records take and what the
//! browser leaves it, and whether the browser may clear them.

use dioxus::prelude::*;

use crate::i18n::{Lang, Msg, decimal};
use crate::state::use_ui;
use connect_device::{SharedVault, StorageInfo};

/// Bytes in the nearest whole unit a person reads at a glance.
#[must_use]
pub fn amount(lang: Lang, bytes: u64) -> String {
    const MB: f64 = 1024.0 * 1024.0;
    let mb = bytes as f64 / MB;
    // Always one decimal, so the figure does not jump as it grows.
    if mb >= 1024.0 { format!("{} GB", decimal(lang, mb / 1024.0, 1)) } else { format!("{} MB", decimal(lang, mb, 1)) }
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
            p { {ui.tr(Msg::StorageUsed, &[("used", amount(ui.lang(), used).into()), ("left", amount(ui.lang(), left).into())])} }
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
    use super::{Lang, amount};

    #[test]
    fn amounts_read_in_megabytes_or_gigabytes() {
        assert_eq!(amount(Lang::En, 0), "0.0 MB");
        assert_eq!(amount(Lang::En, 3 * 1024 * 1024 / 2), "1.5 MB");
        assert_eq!(amount(Lang::En, 5 * 1024 * 1024 * 1024), "5.0 GB");
        assert_eq!(amount(Lang::Ro, 3 * 1024 * 1024 / 2), "1,5 MB", "a decimal comma in Romanian");
    }
}
