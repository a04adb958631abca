//! What one offline guess at a PIN costs someone who copied a phone's files:
//! Argon2id derivations per second per core on this machine, at the first key
//! files' settings and at the raised ones, and what that means for trying
//! every 6-digit PIN the rule lets a person choose. Prints its figures
//! (BENCHMARKS.md keeps them).
//!
//! `cargo bench -p connect-store --bench pin_guess` runs it in full;
//! `-- --quick` derives fewer times and counts the allowed PINs among the
//! first 100,000 only (CI runs it quick, unoptimised, to check it works).
//!
//! A phone with its fingerprint unlock on is not in this sum: its files need
//! the secret its authenticator holds as well, which no number of guesses
//! at the PIN gives.

use std::time::{Duration, Instant};

use connect_store::keys::{KdfCost, check_passphrase};

/// Derivations per second on one thread, and on `threads` threads at once
/// (the memory they share slows each one down).
fn rate(cost: KdfCost, rounds: u32, threads: usize) -> f64 {
    let salt = [7u8; 16];
    let started = Instant::now();
    std::thread::scope(|s| {
        for t in 0..threads {
            s.spawn(move || {
                for i in 0..rounds {
                    let guess = format!("{:06}", t * 1000 + i as usize);
                    std::hint::black_box(cost.stretch(&guess, &salt).expect("argon2 accepts these settings"));
                }
            });
        }
    });
    f64::from(rounds) * threads as f64 / started.elapsed().as_secs_f64()
}

fn hours(seconds: f64) -> String {
    let d = Duration::from_secs_f64(seconds);
    if d.as_secs() < 2 * 3600 {
        format!("{:.0} minutes", seconds / 60.0)
    } else {
        format!("{:.1} hours", seconds / 3600.0)
    }
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let rounds = if quick { 2 } else { 20 };
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    // Unoptimised (CI's quick pass), checking a million PINs takes minutes.
    let counted = if quick { 100_000 } else { 1_000_000 };
    let allowed_counted = (0..counted).filter(|n| check_passphrase(&format!("{n:06}")).is_ok()).count();
    println!("6-digit PINs the rule allows: {allowed_counted} of the first {counted}");
    let allowed = allowed_counted * (1_000_000 / counted as usize);
    for (name, cost) in
        [("first key files (19 MiB, 2 passes)", KdfCost::FIRST), ("now (46 MiB, 3 passes)", KdfCost::CURRENT)]
    {
        let one = rate(cost, rounds, 1);
        let all = rate(cost, rounds, cores);
        let per_core = all / cores as f64;
        println!(
            "{name:<36} {:>6.1} ms a guess on one core; {one:>5.2}/s on one core, {per_core:>5.2}/s per core with {cores} busy",
            1000.0 / one
        );
        #[allow(clippy::cast_precision_loss)]
        let every = allowed as f64;
        println!(
            "{:<36} every allowed 6-digit PIN: {} on one core of this machine, {} on a 16-core machine like it (half on average)",
            "",
            hours(every / per_core),
            hours(every / (per_core * 16.0))
        );
    }
}
