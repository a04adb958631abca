//! The page's own events, for platforms whose screens run in a page the
//! launcher cannot see into: the desktop window's web view and the LiveView
//! preview's browser tab. A small script listens there for the page being
//! hidden or left (`visibilitychange`, `pagehide`, and `blur`, which on the
//! desktop is the window losing focus) and for the network coming back
//! (`online`), and sends each through the document's script bridge
//! (`dioxus_document::eval`). The auto-sync takes them as [`Trigger::Hidden`] and
//! [`Trigger::Online`].
//!
//! The web app does not use this: its strict Content-Security-Policy bars the
//! `eval` the bridge needs there, and its lifecycle listens to the browser
//! directly. A [`crate::lifecycle::Lifecycle`] says which it wants.
//!
//! `offline` is not passed on: on native platforms the relay can be on this
//! machine or network while the page thinks there is no network, and the
//! relay probe already says when it is out of reach.

use connect_sync::schedule::Trigger;
use futures_channel::mpsc::UnboundedSender;

use crate::auto_sync::Command;

/// Installs the listeners once per page; each run only swaps where they send
/// (the app locked and opened again makes a new bridge), so listeners never
/// pile up. The pending promise keeps the bridge open.
const LISTEN: &str = r"
window.connectPageSays = (what) => dioxus.send(what);
if (!window.connectPageListens) {
  window.connectPageListens = true;
  const say = (what) => { try { window.connectPageSays(what); } catch (_) {} };
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') say('hidden'); });
  window.addEventListener('pagehide', () => say('hidden'));
  window.addEventListener('blur', () => say('hidden'));
  window.addEventListener('online', () => say('online'));
}
await new Promise(() => {});
";

/// What a word from the page means to the auto-sync.
#[must_use]
pub fn trigger_for(word: &str) -> Option<Trigger> {
    match word {
        "hidden" => Some(Trigger::Hidden),
        "online" => Some(Trigger::Online),
        _ => None,
    }
}

/// Listens to the page until the bridge closes or nobody takes the
/// commands any more (the app was closed). Where there is no page (component
/// tests), the bridge fails at once and this ends.
pub(crate) async fn listen(to: UnboundedSender<Command>) {
    let mut page = dioxus_document::eval(LISTEN);
    while let Ok(word) = page.recv::<String>().await {
        if let Some(trigger) = trigger_for(&word)
            && to.unbounded_send(Command::Trigger(trigger)).is_err()
        {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_words_become_triggers_and_nothing_else_does() {
        assert_eq!(trigger_for("hidden"), Some(Trigger::Hidden));
        assert_eq!(trigger_for("online"), Some(Trigger::Online));
        assert_eq!(trigger_for("offline"), None, "the relay probe says when it is out of reach");
        assert_eq!(trigger_for(""), None);
        assert_eq!(trigger_for("Hidden"), None);
    }
}
