//! libFuzzer target: see `connect_tests::fuzz::relay_round`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| connect_tests::fuzz::relay_round(data));
