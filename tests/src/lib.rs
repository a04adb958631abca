//! Cross-crate tests live in `tests/`. This library holds what they share
//! with other places: [`fuzz`], the fuzz targets' bodies, used by the
//! libFuzzer crate in `fuzz/` and replayed by `tests/tests/fuzz_replay.rs`;
//! and [`processes`], real relay processes for the tests that kill them.

pub mod fuzz;
pub mod processes;
