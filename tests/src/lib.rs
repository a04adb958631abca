//! Cross-crate tests live in `tests/`. This library holds what they share
//! with other places: [`fuzz`], the fuzz targets' bodies, used by the
//! libFuzzer crate in `fuzz/` and replayed by `tests/tests/fuzz_replay.rs`;
//! [`processes`], real relay processes for the tests that kill them; and
//! [`loopback`], a relay served from a thread, for real HTTP in one process;
//! [`bombs`], Automerge chunks that decode to far more than they weigh;
//! [`proxy`], a loopback proxy that counts bytes and cuts connections;
//! [`samples`], media files as phones make them.

pub mod bombs;
pub mod fuzz;
pub mod loopback;
pub mod processes;
pub mod proxy;
pub mod samples;
