//! Writes the seed inputs of every fuzz target into `fuzz/corpus/TARGET/`
//! (run once by hand when a wire format changes: `cargo run -p connect-tests
//! --bin fuzz_seeds`). libFuzzer grows the corpus from these.

use std::path::Path;

fn main() -> std::io::Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/corpus");
    for (i, (target, bytes)) in connect_tests::fuzz::seeds().into_iter().enumerate() {
        let dir = root.join(target);
        std::fs::create_dir_all(&dir)?;
        std::fs::write(dir.join(format!("seed-{i:02}")), bytes)?;
    }
    println!("seeds written under {}", root.display());
    Ok(())
}
