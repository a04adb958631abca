//! Throwaway PostgreSQL databases for tests (feature `testing`).
//!
//! Tests that need PostgreSQL read the server from `CONNECT_TEST_POSTGRES`: a
//! `postgres://` URL of a role that may create databases, such as
//! `postgres://postgres@127.0.0.1:PORT/postgres`. `scripts/with-postgres`
//! starts a throwaway server and sets it. Without it those tests fail and say
//! how to get one: they never pass without having run.

/// The variable that names the test server.
pub const POSTGRES_ENV: &str = "CONNECT_TEST_POSTGRES";

/// The test server's URL.
///
/// # Panics
/// If `CONNECT_TEST_POSTGRES` is unset: the test needs PostgreSQL.
#[must_use]
pub fn postgres_server() -> String {
    match std::env::var(POSTGRES_ENV) {
        Ok(url) if !url.is_empty() => url,
        _ => panic!(
            "this test needs PostgreSQL and {POSTGRES_ENV} is not set. Run it through \
             `scripts/with-postgres cargo test …` (or scripts/test-all), which starts a throwaway server, \
             or set {POSTGRES_ENV} to a postgres:// URL of a role that may create databases"
        ),
    }
}

/// Creates a new, empty database on the test server and returns its URL.
///
/// # Panics
/// If there is no test server, or it refuses.
#[must_use]
pub fn fresh_postgres_database() -> String {
    let server = postgres_server();
    let name = format!("connect_test_{}", uuid::Uuid::new_v4().simple());
    let mut client = postgres::Client::connect(&server, postgres::NoTls)
        .unwrap_or_else(|e| panic!("cannot reach the test PostgreSQL at {server}: {e}"));
    client.batch_execute(&format!("CREATE DATABASE {name}")).expect("create a test database");
    with_database(&server, &name)
}

/// `server` with its database name replaced by `name`.
fn with_database(server: &str, name: &str) -> String {
    let (base, query) = match server.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (server, None),
    };
    let authority_end = base.find("://").map_or(0, |i| i + 3);
    let base = match base[authority_end..].find('/') {
        Some(slash) => &base[..authority_end + slash],
        None => base,
    };
    match query {
        Some(q) => format!("{base}/{name}?{q}"),
        None => format!("{base}/{name}"),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_database_name_replaces_the_servers() {
        assert_eq!(super::with_database("postgres://u@h:1/postgres", "x"), "postgres://u@h:1/x");
        assert_eq!(super::with_database("postgres://u@h:1", "x"), "postgres://u@h:1/x");
        assert_eq!(
            super::with_database("postgres://u@h:1/db?sslmode=disable", "x"),
            "postgres://u@h:1/x?sslmode=disable"
        );
    }
}
