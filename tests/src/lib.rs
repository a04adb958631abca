//! Cross-crate tests live in `tests/`. This library holds only what other
//! places share with them: [`fuzz`], the fuzz targets' bodies, used by the
//! libFuzzer crate in `fuzz/` and replayed by `tests/tests/fuzz_replay.rs`.

pub mod fuzz;
