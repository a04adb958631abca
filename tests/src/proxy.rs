//! A TCP proxy on loopback between devices and a relay, for the tests and
//! benches that need a bad signal: it counts the bytes each way, and per
//! connection may reset it at once or forward the request and cut the
//! response after a few bytes (the relay has acted; the device never hears).

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// What the proxy does to each connection, by chance.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Faults {
    /// The share of connections reset before anything is forwarded.
    pub reset: f64,
    /// The share of connections whose response is cut after 1 to 600 bytes.
    pub cut: f64,
    /// The seed of the dice.
    pub seed: u64,
}

impl Faults {
    /// Every byte passes.
    pub const NONE: Self = Self { reset: 0.0, cut: 0.0, seed: 0 };
}

/// What the proxy saw and did.
#[derive(Debug)]
pub struct ProxyStats {
    /// Bytes from devices to the relay (requests, headers included).
    pub up: AtomicU64,
    /// Bytes from the relay to devices.
    pub down: AtomicU64,
    /// Connections reset or cut.
    pub faults: AtomicU64,
    /// While set, every new connection is reset: no signal at all.
    pub down_switch: AtomicBool,
    /// Once devices have sent this many bytes, the signal goes: open
    /// connections are cut and new ones reset (`u64::MAX`: never).
    pub up_budget: AtomicU64,
}

impl Default for ProxyStats {
    fn default() -> Self {
        Self {
            up: AtomicU64::new(0),
            down: AtomicU64::new(0),
            faults: AtomicU64::new(0),
            down_switch: AtomicBool::new(false),
            up_budget: AtomicU64::new(u64::MAX),
        }
    }
}

impl ProxyStats {
    fn signal_gone(&self) -> bool {
        self.down_switch.load(Ordering::SeqCst)
            || self.up.load(Ordering::SeqCst) >= self.up_budget.load(Ordering::SeqCst)
    }
}

/// Starts a proxy to `upstream` (`host:port`, or an `http://` URL); answers
/// its `http://` URL and its stats.
///
/// # Panics
/// If no loopback port can be bound.
#[must_use]
pub fn start(upstream: &str, faults: Faults) -> (String, Arc<ProxyStats>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
    let url = format!("http://{}", listener.local_addr().expect("its address"));
    let upstream = upstream.trim_start_matches("http://").trim_end_matches('/').to_owned();
    let stats = Arc::new(ProxyStats::default());
    let seen = stats.clone();
    std::thread::spawn(move || {
        let mut rng = StdRng::seed_from_u64(faults.seed);
        for client in listener.incoming() {
            let Ok(client) = client else { continue };
            let roll: f64 = rng.random();
            if seen.signal_gone() || roll < faults.reset {
                seen.faults.fetch_add(1, Ordering::Relaxed);
                let _ = client.shutdown(Shutdown::Both);
                continue;
            }
            let cut_after = (roll < faults.reset + faults.cut).then(|| rng.random_range(1..600u64));
            if cut_after.is_some() {
                seen.faults.fetch_add(1, Ordering::Relaxed);
            }
            let Ok(server) = TcpStream::connect(&upstream) else { continue };
            let (Ok(c2), Ok(s2)) = (client.try_clone(), server.try_clone()) else { continue };
            let (up, down) = (seen.clone(), seen.clone());
            std::thread::spawn(move || pipe(c2, s2, &up, Direction::Up, None));
            std::thread::spawn(move || pipe(server, client, &down, Direction::Down, cut_after));
        }
    });
    (url, stats)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Direction {
    Up,
    Down,
}

/// Copies `from` into `into`, counting, until either ends, `cut_after`
/// bytes went, or (upwards) the signal goes; then closes both ways.
fn pipe(mut from: TcpStream, mut into: TcpStream, stats: &ProxyStats, way: Direction, cut_after: Option<u64>) {
    let count = if way == Direction::Up { &stats.up } else { &stats.down };
    let mut buf = [0u8; 16 * 1024];
    let mut sent = 0u64;
    while let Ok(n) = from.read(&mut buf) {
        if n == 0 {
            break;
        }
        if way == Direction::Up && stats.signal_gone() {
            let _ = into.shutdown(Shutdown::Both);
            let _ = from.shutdown(Shutdown::Both);
            return;
        }
        let n = match cut_after {
            Some(limit) if sent + n as u64 >= limit => usize::try_from(limit - sent).unwrap_or(0),
            _ => n,
        };
        if into.write_all(&buf[..n]).is_err() {
            break;
        }
        count.fetch_add(n as u64, Ordering::SeqCst);
        sent += n as u64;
        if cut_after.is_some_and(|limit| sent >= limit) {
            let _ = into.shutdown(Shutdown::Both);
            let _ = from.shutdown(Shutdown::Both);
            return;
        }
    }
    let _ = into.shutdown(Shutdown::Write);
}
