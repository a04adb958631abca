//! libFuzzer target: see `connect_tests::fuzz::sync_request`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| connect_tests::fuzz::sync_request(data));
