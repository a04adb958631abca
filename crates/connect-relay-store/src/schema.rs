//! The relay's schema: each backend's numbered migrations, in order. A
//! database's version is how many of them it has applied.
//!
//! Each backend's first steps stand as they were first applied: SQLite's
//! first schema and its second step, and PostgreSQL's first schema, which
//! began where SQLite's second left off. Every migration since is written
//! once, in `migrations/both/`, with what the two dialects spell differently
//! as `{placeholders}` that [`Dialect`] fills in, so neither backend can
//! gain a table the other lacks.

/// Which database a migration is rendered for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dialect {
    /// The embedded default.
    Sqlite,
    /// For a team that outgrows one machine.
    #[cfg_attr(not(feature = "postgres"), allow(dead_code))]
    Postgres,
}

/// Migrations only SQLite ran, before the shared ones.
const SQLITE_FIRST: &[&str] = &[
    include_str!("../migrations/sqlite/0001_relay.sql"),
    include_str!("../migrations/sqlite/0002_feed_and_rounds.sql"),
];

/// Migrations only PostgreSQL ran, before the shared ones.
const POSTGRES_FIRST: &[&str] = &[include_str!("../migrations/postgres/0001_relay.sql")];

/// Migrations both backends run, in order, after their own first ones.
const BOTH: &[&str] =
    &[include_str!("../migrations/both/people_and_invites.sql"), include_str!("../migrations/both/media.sql")];

/// SQLite's way of making a random UUID (version 4, lower-case hex).
const SQLITE_RANDOM_UUID: &str = "lower(
    hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-a'
    || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))";

impl Dialect {
    /// Every migration for this backend, in order, ready to run.
    pub(crate) fn migrations(self) -> Vec<String> {
        let first = match self {
            Self::Sqlite => SQLITE_FIRST,
            Self::Postgres => POSTGRES_FIRST,
        };
        first.iter().map(|sql| (*sql).to_owned()).chain(BOTH.iter().map(|sql| self.fill(sql))).collect()
    }

    /// What this dialect puts in place of each placeholder.
    fn words(self) -> [(&'static str, &'static str); 7] {
        match self {
            Self::Sqlite => [
                ("int", "INTEGER"),
                ("bytes", "BLOB"),
                ("byte_length", "length"),
                ("random_uuid", SQLITE_RANDOM_UUID),
                // SQLite cannot add NOT NULL to a column it has.
                ("invite_id_not_null", ""),
                // PostgreSQL's first schema had these indexes already.
                (
                    "person_indexes",
                    "CREATE INDEX devices_person ON devices(person_id);\n\
                     CREATE INDEX assignments_person ON assignments(person_id);",
                ),
                ("without_rowid", " WITHOUT ROWID"),
            ],
            Self::Postgres => [
                ("int", "BIGINT"),
                ("bytes", "BYTEA"),
                ("byte_length", "octet_length"),
                ("random_uuid", "gen_random_uuid()::TEXT"),
                ("invite_id_not_null", "ALTER TABLE invites ALTER COLUMN invite_id SET NOT NULL;"),
                ("person_indexes", ""),
                ("without_rowid", ""),
            ],
        }
    }

    fn fill(self, sql: &str) -> String {
        self.words().iter().fold(sql.to_owned(), |sql, (name, word)| sql.replace(&format!("{{{name}}}"), word))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_placeholder_is_filled_for_both_backends() {
        for dialect in [Dialect::Sqlite, Dialect::Postgres] {
            for sql in dialect.migrations() {
                assert!(!sql.contains(['{', '}']), "{dialect:?} left a placeholder in:\n{sql}");
            }
        }
    }

    #[test]
    fn the_backends_keep_their_version_numbers() {
        // Databases already made count their applied migrations: SQLite's
        // third is the people-and-invites step, PostgreSQL's second.
        let sqlite = Dialect::Sqlite.migrations();
        let postgres = Dialect::Postgres.migrations();
        assert!(sqlite[2].contains("CREATE TABLE erased_residents") && postgres[1].contains("erased_residents"));
        assert!(sqlite[3].contains("CREATE TABLE blobs") && postgres[2].contains("CREATE TABLE blobs"));
        assert!(sqlite[3].contains("bytes BLOB NOT NULL") && postgres[2].contains("bytes BYTEA NOT NULL"));
    }
}
