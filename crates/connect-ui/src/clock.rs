//! The screens' one clock, for waiting and for "how long since": the
//! auto-sync's schedule and the idle lock read it and sleep on it, and
//! nothing else in the screens keeps time. Launchers need not provide one:
//! [`SystemClock`] (tokio's timer natively, the browser's in the web app) is
//! the default. Tests put a [`ManualClock`] in context and move it forward
//! themselves, so no test waits on a wall-clock window.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use connect_device::client::SendSyncOutsideWasm;
use dioxus::prelude::*;
use web_time::Instant;

/// A wait that ends at a moment on the clock.
pub type Sleep = Pin<Box<dyn Future<Output = ()>>>;

/// Time as the screens keep it: a monotonic moment since the clock began.
pub trait Clock: SendSyncOutsideWasm {
    /// The time since the clock began.
    fn now(&self) -> Duration;
    /// Waits `period` on this clock.
    fn sleep(&self, period: Duration) -> Sleep;
}

/// The clock as components hold it.
pub type SharedClock = Arc<dyn Clock>;

/// The clock in context, or the system's.
#[must_use]
pub fn use_clock() -> SharedClock {
    use_hook(|| try_consume_context::<SharedClock>().unwrap_or_else(|| Arc::new(SystemClock::new())))
}

/// The platform's own clock and timers.
#[derive(Debug, Clone, Copy)]
pub struct SystemClock {
    origin: Instant,
}

impl SystemClock {
    /// A clock that begins now.
    #[must_use]
    pub fn new() -> Self {
        Self { origin: Instant::now() }
    }
}

impl Default for SystemClock {
    fn default() -> Self {
        Self::new()
    }
}

impl Clock for SystemClock {
    fn now(&self) -> Duration {
        self.origin.elapsed()
    }

    fn sleep(&self, period: Duration) -> Sleep {
        #[cfg(not(target_arch = "wasm32"))]
        {
            // Screens mounted with no runtime (a server-side render) have no
            // timer: their waits never end, and nothing waits on them.
            match tokio::runtime::Handle::try_current() {
                Ok(_) => Box::pin(tokio::time::sleep(period)),
                Err(_) => Box::pin(std::future::pending()),
            }
        }
        #[cfg(target_arch = "wasm32")]
        {
            Box::pin(gloo_timers::future::sleep(period))
        }
    }
}

/// A clock that moves only when told ([`ManualClock::advance`]): for tests.
#[derive(Clone, Default)]
pub struct ManualClock {
    inner: Arc<Mutex<Manual>>,
}

#[derive(Default)]
struct Manual {
    now: Duration,
    sleepers: Vec<(Duration, Waker)>,
}

impl ManualClock {
    /// A clock at its beginning.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    fn state(&self) -> std::sync::MutexGuard<'_, Manual> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Moves the clock forward by `by`, waking every wait that has ended.
    pub fn advance(&self, by: Duration) {
        let woken: Vec<Waker> = {
            let mut state = self.state();
            state.now += by;
            let now = state.now;
            let (done, waiting): (Vec<_>, Vec<_>) = state.sleepers.drain(..).partition(|(at, _)| *at <= now);
            state.sleepers = waiting;
            done.into_iter().map(|(_, waker)| waker).collect()
        };
        woken.into_iter().for_each(Waker::wake);
    }
}

impl Clock for ManualClock {
    fn now(&self) -> Duration {
        self.state().now
    }

    fn sleep(&self, period: Duration) -> Sleep {
        let until = self.now() + period;
        let clock = self.clone();
        Box::pin(std::future::poll_fn(move |cx: &mut Context<'_>| {
            let mut state = clock.state();
            if state.now >= until {
                Poll::Ready(())
            } else {
                state.sleepers.push((until, cx.waker().clone()));
                Poll::Pending
            }
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manual_clock_wakes_a_wait_only_once_it_is_moved_past_its_end() {
        let clock = ManualClock::new();
        let mut wait = clock.sleep(Duration::from_secs(20));
        let waker = Waker::noop();
        let mut cx = Context::from_waker(waker);
        assert!(wait.as_mut().poll(&mut cx).is_pending());
        clock.advance(Duration::from_secs(19));
        assert!(wait.as_mut().poll(&mut cx).is_pending(), "one second early");
        clock.advance(Duration::from_secs(1));
        assert!(wait.as_mut().poll(&mut cx).is_ready());
        assert_eq!(clock.now(), Duration::from_secs(20));
    }
}
