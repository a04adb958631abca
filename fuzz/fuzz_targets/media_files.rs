//! libFuzzer target: see `connect_tests::fuzz::media_files`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| connect_tests::fuzz::media_files(data));
