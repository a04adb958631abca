//! A bounded load test on loopback against a relay in its own process:
//! a hundred and fifty connections that trickle a header line every five
//! seconds, junk 8 MiB bodies with a wrong token, and four hundred wrong
//! enrolments, while real devices sync. Every sync succeeds, the slow
//! connections are closed within 30 s, the junk is answered without its
//! body being read, the enrolment flood meets 429s, and the relay stays
//! under 100 MiB.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use connect_model::DeviceId;
use connect_sync::protocol::{SyncRequest, SyncResponse};
use connect_tests::processes::{RelayProcess, create_team, free_port, invite};

const SLOW: usize = 150;

fn sync(url: &str, token: &str) -> reqwest::StatusCode {
    let response = reqwest::blocking::Client::new()
        .post(format!("{url}/v1/sync"))
        .bearer_auth(token)
        .body(SyncRequest::default().encode())
        .send()
        .unwrap();
    let status = response.status();
    if status.is_success() {
        SyncResponse::decode(&response.bytes().unwrap()).unwrap();
    }
    status
}

/// Opens a connection that sends a request line and then one header line
/// every five seconds; answers how long until the relay closed it.
fn slow_connection(port: u16) -> Duration {
    let started = Instant::now();
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.set_read_timeout(Some(Duration::from_millis(500))).unwrap();
    stream.write_all(b"POST /v1/sync HTTP/1.1\r\nHost: relay\r\n").ok();
    let mut line = 0;
    let mut buf = [0u8; 512];
    while started.elapsed() < Duration::from_secs(40) {
        match stream.read(&mut buf) {
            Ok(0) => return started.elapsed(),
            Ok(_) => {}
            Err(e) if matches!(e.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut) => {}
            Err(_) => return started.elapsed(),
        }
        if started.elapsed() >= Duration::from_secs(5 * (line + 1)) {
            line += 1;
            if stream.write_all(format!("X-Slow-{line}: still here\r\n").as_bytes()).is_err() {
                return started.elapsed();
            }
        }
    }
    started.elapsed()
}

#[test]
fn slow_connections_junk_bodies_and_an_enrolment_flood_leave_real_devices_syncing_under_100_mib() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("relay.db").display().to_string();
    let (team, code) = create_team(&db, "Connect East");
    let port = free_port();
    let relay = RelayProcess::serve(&db, port);
    let url = relay.url();
    let mut tokens = vec![connect_tests::enrol(&url, &code, DeviceId::random(), ("phone", "Chloe")).unwrap().token];
    for _ in 0..2 {
        let code = invite(&db, &team, "supporter");
        tokens.push(connect_tests::enrol(&url, &code, DeviceId::random(), ("phone", "Amara")).unwrap().token);
    }

    std::thread::scope(|scope| {
        let slow: Vec<_> = (0..SLOW).map(|_| scope.spawn(move || slow_connection(port))).collect();
        let junk: Vec<_> = (0..12)
            .map(|_| {
                let url = url.clone();
                scope.spawn(move || {
                    let started = Instant::now();
                    let status = reqwest::blocking::Client::new()
                        .post(format!("{url}/v1/sync"))
                        .bearer_auth("0".repeat(64))
                        .body(vec![7u8; 8 << 20])
                        .send()
                        .map(|r| r.status().as_u16())
                        .unwrap_or(0);
                    (status, started.elapsed())
                })
            })
            .collect();
        let flood = {
            let url = url.clone();
            scope.spawn(move || {
                let client = reqwest::blocking::Client::new();
                (0..400)
                    .map(|_| {
                        let body = serde_json::json!({
                            "invite": "WRNG-WRNG-WRNG", "device_id": DeviceId::random(),
                            "device_name": "x", "person_name": "x"
                        });
                        client
                            .post(format!("{url}/v1/enrol"))
                            .json(&body)
                            .send()
                            .map(|r| r.status().as_u16())
                            .unwrap_or(0)
                    })
                    .collect::<Vec<_>>()
            })
        };
        // Real devices sync all through it.
        let started = Instant::now();
        let mut syncs = 0;
        while started.elapsed() < Duration::from_secs(12) {
            for token in &tokens {
                assert_eq!(sync(&url, token), reqwest::StatusCode::OK, "a real device's sync failed under load");
                syncs += 1;
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        assert!(syncs >= 30, "{syncs} syncs");

        let statuses = flood.join().unwrap();
        let limited = statuses.iter().filter(|s| **s == 429).count();
        assert!(limited >= 300, "the enrolment flood met {limited} 429s of 400: {statuses:?}");
        assert!(statuses.iter().all(|s| *s == 404 || *s == 429), "{statuses:?}");
        for j in junk {
            let (status, took) = j.join().unwrap();
            // Answered from the headers (its body never read), or cut off.
            assert!(status == 401 || status == 429 || status == 0, "junk answered {status}");
            assert!(took < Duration::from_secs(10), "junk took {took:?}");
        }
        for s in slow {
            let closed = s.join().unwrap();
            assert!(closed < Duration::from_secs(30), "a slow connection stayed open {closed:?}");
        }
    });
    let peak = relay.peak_rss();
    eprintln!("relay peak RSS under load: {} MiB", peak >> 20);
    assert!(peak < 100 << 20, "the relay peaked at {} MiB", peak >> 20);
    // And a device still syncs afterwards.
    assert_eq!(sync(&url, &tokens[0]), reqwest::StatusCode::OK);
}
