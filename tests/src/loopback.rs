//! A relay on a free loopback port, served from a thread of this process:
//! for the tests and benches that need real HTTP but not a relay process.

use std::net::SocketAddr;

use connect_relay::AppState;

/// Serves `state` on 127.0.0.1 until the process ends, and answers its address.
#[must_use]
pub fn serve_in_thread(state: AppState) -> SocketAddr {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a loopback port");
    let addr = listener.local_addr().expect("its address");
    listener.set_nonblocking(true).expect("a non-blocking listener");
    std::thread::spawn(move || {
        connect_relay::runtime(2).expect("a runtime").block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).expect("a tokio listener");
            axum::serve(listener, connect_relay::router(state)).await.expect("the relay serves");
        });
    });
    addr
}
