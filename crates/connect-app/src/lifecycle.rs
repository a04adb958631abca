//! The native platforms' [`Lifecycle`]. The page in the desktop's web view
//! (or the preview's browser tab) says when it is hidden and when its network
//! is back ([`connect_ui::page_events`], which this asks for by keeping
//! [`Lifecycle::listen_in_the_page`]'s default). The page cannot say whether
//! the relay can be reached, so while the last sync could not reach it, a
//! thread tries a TCP connection to it every [`PROBE_EVERY`] (a handshake, no
//! request) and says "online" as soon as one succeeds. While syncs work, it
//! does nothing.

use std::net::{TcpStream, ToSocketAddrs};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use connect_ui::lifecycle::{LifeEvent, LifeSink, Lifecycle};

/// Time between two probes while the relay is out of reach.
pub const PROBE_EVERY: Duration = Duration::from_secs(15);
/// How long one probe waits for the relay to answer.
const PROBE_TIMEOUT: Duration = Duration::from_secs(3);

#[derive(Default)]
struct Watching {
    sink: Option<Arc<LifeSink>>,
    /// `host:port` of the relay.
    address: Option<String>,
    /// Whether a probe thread runs.
    probing: bool,
}

/// Probes the relay while it is out of reach.
pub struct ProbeLifecycle {
    watching: Arc<Mutex<Watching>>,
    /// Bumped by each `watch`, so a probe for an older one stops.
    generation: Arc<AtomicU64>,
    every: Duration,
}

impl Default for ProbeLifecycle {
    fn default() -> Self {
        Self::probing_every(PROBE_EVERY)
    }
}

impl ProbeLifecycle {
    /// Probes every `every` (tests use a short one) instead of [`PROBE_EVERY`].
    #[must_use]
    pub fn probing_every(every: Duration) -> Self {
        Self { watching: Arc::default(), generation: Arc::default(), every }
    }
}

/// `host:port` of a relay address (`https://relay.example:8443/` →
/// `relay.example:8443`; the port is the scheme's when not given).
#[must_use]
pub fn probe_address(relay: &str) -> Option<String> {
    let (scheme, rest) = relay.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next()?.rsplit('@').next()?;
    if authority.is_empty() {
        return None;
    }
    let has_port =
        authority.rsplit_once(':').is_some_and(|(_, p)| p.parse::<u16>().is_ok()) && !authority.ends_with(']');
    Some(if has_port {
        authority.to_owned()
    } else {
        format!("{authority}:{}", if scheme.eq_ignore_ascii_case("http") { 80 } else { 443 })
    })
}

fn reachable(address: &str) -> bool {
    address
        .to_socket_addrs()
        .is_ok_and(|mut addrs| addrs.any(|a| TcpStream::connect_timeout(&a, PROBE_TIMEOUT).is_ok()))
}

impl Lifecycle for ProbeLifecycle {
    fn watch(&self, relay: Option<String>, sink: LifeSink) {
        self.generation.fetch_add(1, Ordering::SeqCst);
        let mut watching = self.watching.lock().unwrap_or_else(PoisonError::into_inner);
        watching.sink = Some(Arc::new(sink));
        watching.address = relay.as_deref().and_then(probe_address);
        watching.probing = false;
    }

    fn reached_relay(&self, reached: bool) {
        let mut watching = self.watching.lock().unwrap_or_else(PoisonError::into_inner);
        if reached || watching.probing {
            return;
        }
        let (Some(sink), Some(address)) = (watching.sink.clone(), watching.address.clone()) else { return };
        watching.probing = true;
        drop(watching);
        let (state, generation, every) = (self.watching.clone(), self.generation.clone(), self.every);
        let mine = generation.load(Ordering::SeqCst);
        std::thread::spawn(move || {
            loop {
                std::thread::sleep(every);
                if generation.load(Ordering::SeqCst) != mine {
                    return; // the app locked or opened again: a newer watch
                }
                if reachable(&address) {
                    state.lock().unwrap_or_else(PoisonError::into_inner).probing = false;
                    sink(LifeEvent::Online);
                    return;
                }
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc;

    use super::*;

    #[test]
    fn relay_addresses_become_host_and_port() {
        assert_eq!(
            probe_address("https://relay.connect-east.example/").as_deref(),
            Some("relay.connect-east.example:443")
        );
        assert_eq!(probe_address("http://127.0.0.1:8080").as_deref(), Some("127.0.0.1:8080"));
        assert_eq!(probe_address("https://r.example:8443/v1?x=1").as_deref(), Some("r.example:8443"));
        assert_eq!(probe_address("http://[::1]").as_deref(), Some("[::1]:80"));
        assert_eq!(probe_address("http://[::1]:9000/").as_deref(), Some("[::1]:9000"));
        assert_eq!(probe_address("not a url"), None);
        assert_eq!(probe_address("https:///"), None);
    }

    #[test]
    fn it_probes_only_after_a_failure_and_says_online_when_the_relay_answers() {
        // A port with nothing listening, then a listener on it.
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let lifecycle = ProbeLifecycle::probing_every(Duration::from_millis(50));
        let (tx, rx) = mpsc::channel();
        lifecycle.watch(Some(format!("http://127.0.0.1:{port}")), Box::new(move |e| tx.send(e).is_ok()));
        lifecycle.reached_relay(true);
        assert!(rx.recv_timeout(Duration::from_millis(300)).is_err(), "syncs work: no probing, no events");
        lifecycle.reached_relay(false);
        assert!(rx.recv_timeout(Duration::from_millis(300)).is_err(), "nothing listens yet");
        let _relay = std::net::TcpListener::bind(("127.0.0.1", port)).unwrap();
        assert_eq!(rx.recv_timeout(Duration::from_secs(5)), Ok(LifeEvent::Online));
        assert!(rx.recv_timeout(Duration::from_millis(300)).is_err(), "said once, then it stops");
    }
}
