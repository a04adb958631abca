//! Answering from the team feed: what changed since the device's cursor,
//! within the response's byte budget, never passing an entry not delivered.

use connect_model::DocumentId;
use connect_model::automerge::sync::{self, SyncDoc};
use connect_model::heads::sorted;

use super::{FEED_READ_CHUNK, FeedEntry, Phase, RelayEffect, RelayRound, decode_state};
use crate::SyncError;
use crate::access::{Access, access};
use crate::protocol::DocBytes;

impl RelayRound<'_> {
    /// Asks for the next chunk of feed documents, or finishes if none are needed.
    pub(super) fn next_feed_read(&mut self) -> Result<RelayEffect, SyncError> {
        let mut ids = Vec::new();
        let mut until = self.feed_pos;
        while until < self.feed.len() && until < self.limits.feed_page && ids.len() < FEED_READ_CHUNK {
            let e = self.feed[until];
            if !e.erased && !self.handled.contains(&e.doc) && !self.docs.contains_key(&e.doc) {
                ids.push(e.doc);
            }
            until += 1;
        }
        if ids.is_empty() {
            // Nothing left on the page needs reading, so the rest of it is
            // answered now (up to the page or budget limit) and the round ends.
            self.answer_feed(self.feed.len());
            return self.finish();
        }
        self.phase = Phase::FeedDocs { until };
        Ok(RelayEffect::Read(ids))
    }

    /// Answers feed entries up to `until`; returns whether the response is complete.
    pub(super) fn answer_feed(&mut self, until: usize) -> bool {
        let until = until.min(self.feed.len());
        while self.feed_pos < until {
            let i = self.feed_pos;
            if i >= self.limits.feed_page || self.budget_used > self.limits.response_budget {
                self.stop_at(i);
                return true;
            }
            let entry = self.feed[i];
            self.feed_pos += 1;
            if self.handled.contains(&entry.doc) {
                continue;
            }
            self.handled.insert(entry.doc);
            if entry.erased {
                // Facts were asked for every entry a non-coordinator reads, and
                // one the device could not see was handled already.
                self.response.erased.push(entry.doc.into());
                continue;
            }
            self.offer(entry);
        }
        if self.feed_pos >= self.feed.len() {
            self.response.cursor = self.feed.last().map_or(self.response.cursor, |e| e.seq).max(self.request.cursor);
            return true;
        }
        if self.feed_pos >= self.limits.feed_page {
            self.stop_at(self.feed_pos);
            return true;
        }
        false
    }

    /// The response is full before entry `i`: the cursor stops at the last
    /// entry answered, never past one that was not.
    fn stop_at(&mut self, i: usize) {
        self.response.more = true;
        let last = i.checked_sub(1).and_then(|j| self.feed.get(j)).map_or(0, |e| e.seq);
        self.response.cursor = last.max(self.request.cursor);
    }

    /// Tells the device about one changed document it may see.
    fn offer(&mut self, entry: FeedEntry) {
        let caller = self.caller;
        let w = self.working(entry.doc);
        if w.stored.is_none() || access(&caller, entry.doc, w.facts) == Access::None {
            return;
        }
        let Some(state) = w.sync_state.clone() else {
            self.snapshot(entry.doc);
            return;
        };
        let mut state = decode_state(Some(&state));
        if sorted(&state.shared_heads) == w.heads() {
            return;
        }
        // The device holds the shared heads (the state is trusted), so say so
        // to Automerge: it then sends the changes since them at once, instead
        // of first asking what the device has (one round trip saved per edit).
        let shared = state.shared_heads.clone();
        state.their_heads = Some(shared.clone());
        state.their_need = Some(Vec::new());
        state.their_have = Some(vec![sync::Have { last_sync: shared, bloom: sync::BloomFilter::default() }]);
        let Some(doc) = w.doc() else { return };
        if let Some(msg) = doc.generate_sync_message(&mut state) {
            let bytes = msg.encode();
            self.budget_used = self.budget_used.saturating_add(bytes.len());
            self.response.messages.push(DocBytes { doc: entry.doc.into(), bytes });
        }
        self.states.insert(entry.doc, (state.encode(), false));
    }

    /// Sends a whole document, and records that the device now holds its heads.
    pub(super) fn snapshot(&mut self, id: DocumentId) {
        let w = self.working(id);
        let heads = w.heads();
        let bytes = match (&w.doc, &w.stored) {
            (None, Some(s)) if s.compacted => s.bytes.clone(),
            _ => match w.doc() {
                Some(doc) => doc.save(),
                None => return,
            },
        };
        self.budget_used = self.budget_used.saturating_add(bytes.len());
        let mut state = sync::State::new();
        state.shared_heads = heads;
        // Only assumed until the device confirms this round.
        self.states.insert(id, (state.encode(), true));
        self.sends_whole = true;
        // No ack: the snapshot's own heads say what the relay holds.
        self.response.snapshots.push(DocBytes { doc: id.into(), bytes });
    }
}
