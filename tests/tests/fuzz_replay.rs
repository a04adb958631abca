//! Replays the committed fuzz corpus and every crasher libFuzzer ever found
//! (`fuzz/corpus/TARGET/`, `fuzz/artifacts/TARGET/`) through the same target
//! bodies, so a stable `cargo test` guards them without nightly.

use std::path::Path;

#[test]
fn every_corpus_input_and_crasher_runs_through_its_target_without_a_panic() {
    connect_tests::fuzz::use_scratch_folder(Path::new(env!("CARGO_TARGET_TMPDIR")).to_path_buf());
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz");
    for (target, run) in connect_tests::fuzz::TARGETS {
        let mut inputs = 0;
        for folder in ["corpus", "artifacts"] {
            let Ok(entries) = std::fs::read_dir(fuzz.join(folder).join(target)) else { continue };
            for entry in entries {
                let path = entry.unwrap().path();
                let bytes = std::fs::read(&path).unwrap();
                let outcome = std::panic::catch_unwind(|| run(&bytes));
                assert!(outcome.is_ok(), "{target}: {} panics", path.display());
                inputs += 1;
            }
        }
        assert!(inputs > 0, "{target} has no committed corpus");
    }
}
