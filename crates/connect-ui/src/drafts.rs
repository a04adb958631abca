//! Half-written words survive closing the app: a form's text is kept in the
//! device's encrypted store a second after the typing stops (never in the
//! browser's own storage), comes back when the form is next shown, and is
//! forgotten once it is saved for real.

use std::time::Duration;

use dioxus::prelude::*;

use crate::clock::use_clock;
use crate::state::use_backend;

/// How long the typing must stop before the words are kept.
pub const KEEP_AFTER: Duration = Duration::from_secs(1);

/// A form's words, kept as a draft under a key (the resident's id and the form).
#[derive(Clone, Copy)]
pub struct Draft {
    /// The words in the form.
    pub text: Signal<String>,
    key: CopyValue<String>,
    /// Counts keystrokes, so only the last one's wait keeps the words.
    typed: CopyValue<u64>,
    keep: Callback<(u64, Option<String>)>,
}

impl Draft {
    /// The person typed: shows `words`, and keeps them once the typing stops.
    pub fn typed(mut self, words: String) {
        self.text.set(words.clone());
        let n = *self.typed.peek() + 1;
        self.typed.set(n);
        self.keep.call((n, Some(words)));
    }

    /// The words were saved for real (or dropped): the form empties and the
    /// draft is forgotten.
    pub fn clear(mut self) {
        self.text.set(String::new());
        self.forget();
    }

    /// The words were saved for real and stay in the form (a story, about
    /// me): the draft is forgotten.
    pub fn forget(mut self) {
        let n = *self.typed.peek() + 1;
        self.typed.set(n);
        self.keep.call((0, None));
    }

    /// The key it is kept under.
    #[must_use]
    pub fn key(&self) -> String {
        self.key.peek().clone()
    }
}

/// A form's draft kept under `key`, starting from `initial` (what is saved
/// already, for a form that edits it): kept words come back into the form
/// when it is shown, unless something is typed first.
#[must_use]
pub fn use_draft(key: String, initial: String) -> Draft {
    let backend = use_backend();
    let clock = use_clock();
    let mut text = use_signal(|| initial);
    let key = use_hook(|| CopyValue::new(key));
    let typed = use_hook(|| CopyValue::new(0u64));
    let restore = backend.clone();
    use_future(move || {
        let backend = restore.clone();
        async move {
            if let Ok(Some(kept)) = backend.draft(&key.peek()).await
                && *typed.peek() == 0
            {
                text.set(kept);
            }
        }
    });
    let keep = use_callback(move |(n, words): (u64, Option<String>)| {
        let backend = backend.clone();
        let clock = clock.clone();
        spawn(async move {
            // `0`: at once (a clear); otherwise once this was the last keystroke for a while.
            if n != 0 {
                clock.sleep(KEEP_AFTER).await;
                if *typed.peek() != n {
                    return;
                }
            }
            let _ = backend.set_draft(&key.peek(), words).await;
        });
    });
    Draft { text, key, typed, keep }
}
