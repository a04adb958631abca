//! libFuzzer target: see `connect_tests::fuzz::web_app_inputs`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| connect_tests::fuzz::web_app_inputs(data));
