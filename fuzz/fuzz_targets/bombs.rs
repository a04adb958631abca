//! libFuzzer target: see `connect_tests::fuzz::bombs`. Run it with a low
//! memory limit, so a decode that is not bounded is a finding:
//! `cargo +nightly fuzz run bombs -- -rss_limit_mb=512 -max_len=1100000`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| connect_tests::fuzz::bombs(data));
