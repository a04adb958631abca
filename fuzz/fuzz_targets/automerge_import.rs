//! libFuzzer target: see `connect_tests::fuzz::automerge_import`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| connect_tests::fuzz::automerge_import(data));
