//! libFuzzer target: see `connect_tests::fuzz::blob_requests`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| connect_tests::fuzz::blob_requests(data));
