//! libFuzzer target: see `connect_tests::fuzz::json_bodies`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| connect_tests::fuzz::json_bodies(data));
