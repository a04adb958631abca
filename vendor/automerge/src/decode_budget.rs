//! Bounded decoding (a patch of Connect Companion's, not in upstream
//! automerge 0.12; see `vendor/README.md` in that repository).
//!
//! Upstream decodes what a peer sends with no limit: it inflates
//! DEFLATE-compressed change chunks and columns with `read_to_end` before any
//! checksum is checked (a 1 MiB chunk can ask for gigabytes), and a change
//! of a hundred bytes can hold millions of operations in run-length-encoded
//! columns, each of which loading then builds. Here both are bounded:
//!
//! - Outside any budget, one chunk or column inflates to at most
//!   [`DEFAULT_INFLATE_LIMIT`] bytes, and one change or document chunk holds
//!   at most [`DEFAULT_OPS_LIMIT`] operations: far above any real document,
//!   far below what would hurt a phone.
//! - Inside [`with_budget`], everything the closure decodes on this thread
//!   shares one [`Budget`] of bytes inflated and operations read.
//! - In or out of a budget, a change or document chunk may claim at most
//!   [`OPS_PER_BYTE`] operations for each of its bytes (and
//!   [`OPS_FLOOR`] whatever its size): a real chunk spends a byte or so on
//!   each operation (its value, at least), while run-length columns let a
//!   hundred bytes claim a million, each of which loading builds (about
//!   450 bytes apiece once in a document: the fuzzer's 101-byte chunk of a
//!   million operations took a process 456 MiB higher).
//!
//! Going over is a decoding error, as for a damaged chunk.

use std::cell::Cell;
use std::io::Read;

/// The most one chunk or column may inflate to outside [`with_budget`].
pub const DEFAULT_INFLATE_LIMIT: usize = 64 * 1024 * 1024;
/// The most operations one change or document chunk may hold outside [`with_budget`].
pub const DEFAULT_OPS_LIMIT: usize = 8 * 1024 * 1024;

/// The operations a chunk may claim for each of its bytes.
pub const OPS_PER_BYTE: usize = 64;
/// The operations any chunk may claim, however small.
pub const OPS_FLOOR: usize = 64 * 1024;

/// The most operations a chunk of `bytes` bytes may claim.
#[must_use]
pub fn ops_allowed_for(bytes: usize) -> usize {
    bytes.saturating_mul(OPS_PER_BYTE).max(OPS_FLOOR)
}

/// How much decoding may do: bytes inflated and operations read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Budget {
    /// Bytes of DEFLATE output.
    pub inflate: usize,
    /// Operations in change and document chunks.
    pub ops: usize,
}

thread_local! {
    /// What is left of the innermost [`with_budget`], if any.
    static LEFT: Cell<Option<Budget>> = const { Cell::new(None) };
}

/// Puts the outer budget back, less what was spent, when a [`with_budget`]
/// ends, even by a panic.
struct Restore {
    outer: Option<Budget>,
    given: Budget,
}

impl Restore {
    fn spent(&self) -> Budget {
        let left = LEFT.with(|l| l.get()).unwrap_or_default();
        Budget {
            inflate: self.given.inflate - left.inflate.min(self.given.inflate),
            ops: self.given.ops - left.ops.min(self.given.ops),
        }
    }
}

impl Drop for Restore {
    fn drop(&mut self) {
        let spent = self.spent();
        let outer = self.outer.map(|o| Budget {
            inflate: o.inflate.saturating_sub(spent.inflate),
            ops: o.ops.saturating_sub(spent.ops),
        });
        LEFT.with(|l| l.set(outer));
    }
}

/// Runs `f` allowing at most `budget` of decoding on this thread, shared by
/// every chunk and column it decodes (and never more than an enclosing
/// budget has left). Returns what `f` returned and what it spent.
pub fn with_budget<T>(budget: Budget, f: impl FnOnce() -> T) -> (T, Budget) {
    let outer = LEFT.with(|l| l.get());
    let given = match outer {
        Some(o) => Budget {
            inflate: o.inflate.min(budget.inflate),
            ops: o.ops.min(budget.ops),
        },
        None => budget,
    };
    LEFT.with(|l| l.set(Some(given)));
    let restore = Restore { outer, given };
    let out = f();
    let spent = restore.spent();
    drop(restore);
    (out, spent)
}

/// Decoding that went over its budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the data decodes to more than the decoding budget allows")]
pub struct OverBudget;

/// Inflates raw DEFLATE `compressed` onto the end of `out`, within the limit.
pub(crate) fn inflate(compressed: &[u8], out: &mut Vec<u8>) -> std::io::Result<usize> {
    let left = LEFT.with(|l| l.get());
    let limit = left.map_or(DEFAULT_INFLATE_LIMIT, |b| b.inflate);
    let start = out.len();
    let read = flate2::bufread::DeflateDecoder::new(compressed)
        .take(limit as u64 + 1)
        .read_to_end(out);
    match read {
        Ok(n) if n <= limit => {
            if let Some(b) = left {
                LEFT.with(|l| l.set(Some(Budget { inflate: b.inflate - n, ..b })));
            }
            Ok(n)
        }
        Ok(_) => {
            out.truncate(start);
            // The work was done: a budget is spent by trying, so a request
            // of many bombs each just over the line stops at the first.
            if let Some(b) = left {
                LEFT.with(|l| l.set(Some(Budget { inflate: 0, ..b })));
            }
            Err(std::io::Error::new(std::io::ErrorKind::InvalidData, OverBudget))
        }
        Err(e) => {
            out.truncate(start);
            Err(e)
        }
    }
}

/// Counts the operations of one chunk as they are read: `spend` every so
/// often, and `finish` at the end.
pub(crate) struct OpCounter {
    limit: usize,
    counted: usize,
    scoped: bool,
}

impl OpCounter {
    /// A counter for one chunk.
    pub(crate) fn new() -> Self {
        match LEFT.with(|l| l.get()) {
            Some(b) => Self { limit: b.ops, counted: 0, scoped: true },
            None => Self { limit: DEFAULT_OPS_LIMIT, counted: 0, scoped: false },
        }
    }

    /// A counter for one chunk of `bytes` bytes: the same, but never past
    /// what its size allows ([`ops_allowed_for`]).
    pub(crate) fn for_chunk(bytes: usize) -> Self {
        let counter = Self::new();
        Self { limit: counter.limit.min(ops_allowed_for(bytes)), ..counter }
    }

    /// Counts `n` more operations; an error once past the limit, which
    /// spends the whole budget in force (the work so far was done).
    pub(crate) fn count(&mut self, n: usize) -> Result<(), OverBudget> {
        self.counted = self.counted.saturating_add(n);
        if self.counted > self.limit {
            if self.scoped {
                LEFT.with(|l| {
                    if let Some(b) = l.get() {
                        l.set(Some(Budget { ops: 0, ..b }));
                    }
                });
            }
            return Err(OverBudget);
        }
        Ok(())
    }

    /// Spends what was counted from the budget in force.
    pub(crate) fn finish(self) {
        if self.scoped {
            LEFT.with(|l| {
                if let Some(b) = l.get() {
                    l.set(Some(Budget { ops: b.ops.saturating_sub(self.counted), ..b }));
                }
            });
        }
    }
}

/// Counts the operations of a whole chunk of `bytes` bytes at once.
pub(crate) fn count_chunk_ops(n: usize, bytes: usize) -> Result<(), OverBudget> {
    let mut counter = OpCounter::for_chunk(bytes);
    counter.count(n)?;
    counter.finish();
    Ok(())
}

/// Collects `items`, counting each as an operation, and stops at the limit.
pub(crate) fn collect_counted<T>(items: impl Iterator<Item = T>) -> Result<Vec<T>, OverBudget> {
    let mut counter = OpCounter::new();
    let mut out = Vec::new();
    for item in items {
        out.push(item);
        if out.len() % 1024 == 0 {
            counter.count(1024)?;
        }
    }
    counter.count(out.len() % 1024)?;
    counter.finish();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn deflate(bytes: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    }

    fn bytes(inflate: usize) -> Budget {
        Budget { inflate, ops: usize::MAX }
    }

    #[test]
    fn a_budget_is_shared_and_spent() {
        let small = deflate(&[7; 1000]);
        let ((), spent) = with_budget(bytes(2500), || {
            let mut out = Vec::new();
            assert_eq!(inflate(&small, &mut out).unwrap(), 1000);
            assert_eq!(inflate(&small, &mut out).unwrap(), 1000);
            assert!(inflate(&small, &mut out).is_err(), "the third goes past 2,500");
            assert_eq!(out.len(), 2000, "nothing of the refused one is kept");
        });
        assert_eq!(spent.inflate, 2500, "trying spends the rest");
        let mut out = Vec::new();
        assert_eq!(inflate(&small, &mut out).unwrap(), 1000, "outside, the default limit");
    }

    #[test]
    fn an_inner_budget_never_exceeds_the_outer_one() {
        let small = deflate(&[1; 1000]);
        with_budget(bytes(1500), || {
            let ((), spent) = with_budget(bytes(10_000), || {
                let mut out = Vec::new();
                inflate(&small, &mut out).unwrap();
                assert!(inflate(&small, &mut out).is_err());
            });
            assert_eq!(spent.inflate, 1500, "the inner budget was the outer's 1,500, all spent");
            let mut out = Vec::new();
            assert!(inflate(&small, &mut out).is_err(), "nothing left outside");
        });
    }

    #[test]
    fn operations_are_counted_against_the_budget() {
        let ((), spent) = with_budget(Budget { inflate: 0, ops: 10 }, || {
            let mut c = OpCounter::new();
            c.count(6).unwrap();
            c.finish();
            let mut c = OpCounter::new();
            assert_eq!(c.count(5), Err(OverBudget), "4 left");
        });
        assert_eq!(spent.ops, 10, "going over spends it all");
    }

    #[test]
    fn a_small_chunk_may_not_claim_millions_of_operations() {
        assert_eq!(ops_allowed_for(101), OPS_FLOOR, "a hundred bytes: the floor");
        assert_eq!(ops_allowed_for(100_000), 6_400_000);
        let mut c = OpCounter::for_chunk(101);
        assert!(c.count(OPS_FLOOR).is_ok());
        assert_eq!(c.count(1), Err(OverBudget), "one past what 101 bytes may claim");
        // Inside a budget, the smaller of the two limits holds.
        with_budget(Budget { inflate: 0, ops: 10 }, || {
            let mut c = OpCounter::for_chunk(1_000_000);
            assert_eq!(c.count(11), Err(OverBudget));
        });
        assert!(count_chunk_ops(1_000_000, 101).is_err());
        assert!(count_chunk_ops(1_000_000, 20_000).is_ok(), "20 KB may hold a million");
    }
}
