//! `connect`: the command-line client for Connect Companion.
fn main() {
    eprintln!("connect: not built yet");
    std::process::exit(2);
}
