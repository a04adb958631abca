//! What both backends run alike: a statement with `$1`-style placeholders,
//! a few kinds of value in and out. Logic written over [`Sql`] (the media
//! blobs, [`crate::blobs`]) is written once and runs on SQLite and on
//! PostgreSQL; each backend only turns these calls into its driver's.

use crate::{RelayStoreError, Result};

/// A value bound to a statement's placeholder.
#[derive(Debug, Clone, Copy)]
pub enum Param<'a> {
    /// An integer (`INTEGER` on SQLite, `BIGINT` on PostgreSQL).
    Int(i64),
    /// Text.
    Text(&'a str),
    /// Bytes (`BLOB`, `BYTEA`).
    Bytes(&'a [u8]),
    /// No value, in a text column (PostgreSQL checks a null's type too).
    NullText,
}

impl<'a> Param<'a> {
    /// Text, or `NULL` where there is none.
    #[must_use]
    pub fn opt_text(text: Option<&'a str>) -> Self {
        text.map_or(Param::NullText, Param::Text)
    }
}

/// A value read from a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// An integer.
    Int(i64),
    /// Text.
    Text(String),
    /// Bytes.
    Bytes(Vec<u8>),
    /// No value.
    Null,
}

impl Cell {
    /// The integer, or a clear error.
    pub fn int(&self) -> Result<i64> {
        match self {
            Cell::Int(n) => Ok(*n),
            other => Err(RelayStoreError::BadValue(format!("expected an integer, found {other:?}"))),
        }
    }

    /// The bytes, or a clear error.
    pub fn into_bytes(self) -> Result<Vec<u8>> {
        match self {
            Cell::Bytes(b) => Ok(b),
            other => Err(RelayStoreError::BadValue(format!("expected bytes, found {other:?}"))),
        }
    }

    /// The text, or a clear error.
    pub fn into_text(self) -> Result<String> {
        match self {
            Cell::Text(t) => Ok(t),
            other => Err(RelayStoreError::BadValue(format!("expected text, found {other:?}"))),
        }
    }
}

/// A connection or transaction that runs SQL written for both backends:
/// placeholders `$1`, `$2`…, and only `INTEGER`/`BIGINT`, text and bytes.
pub trait Sql {
    /// Whether this is PostgreSQL (for `FOR UPDATE`, which SQLite lacks and,
    /// with its one writer at a time, does not need).
    fn is_postgres(&self) -> bool;
    /// Runs a statement; the number of rows it changed.
    fn exec(&mut self, sql: &'static str, params: &[Param<'_>]) -> Result<u64>;
    /// Runs a query; its rows.
    fn rows(&mut self, sql: &'static str, params: &[Param<'_>]) -> Result<Vec<Vec<Cell>>>;

    /// The first row, if any.
    fn first(&mut self, sql: &'static str, params: &[Param<'_>]) -> Result<Option<Vec<Cell>>> {
        Ok(self.rows(sql, params)?.into_iter().next())
    }
}

/// A store whose SQL [`Sql`] runs: it runs a closure in one write
/// transaction, or on a connection for reading.
pub trait SqlRunner {
    /// Runs `f` in one write transaction, committed if it succeeds.
    fn in_write(&self, f: &mut dyn FnMut(&mut dyn Sql) -> Result<()>) -> Result<()>;
    /// Runs `f` on a connection, for reads.
    fn in_read(&self, f: &mut dyn FnMut(&mut dyn Sql) -> Result<()>) -> Result<()>;
}

/// Runs `f` in a write transaction of `runner` and returns what it returns.
pub fn write<T>(runner: &(impl SqlRunner + ?Sized), f: impl FnOnce(&mut dyn Sql) -> Result<T>) -> Result<T> {
    let mut f = Some(f);
    let mut out = None;
    runner.in_write(&mut |db| {
        let f = f.take().ok_or_else(|| RelayStoreError::BadValue("a write ran twice".into()))?;
        out = Some(f(db)?);
        Ok(())
    })?;
    out.ok_or_else(|| RelayStoreError::BadValue("a write did not run".into()))
}

/// Runs `f` on a connection of `runner` and returns what it returns.
pub fn read<T>(runner: &(impl SqlRunner + ?Sized), f: impl FnOnce(&mut dyn Sql) -> Result<T>) -> Result<T> {
    let mut f = Some(f);
    let mut out = None;
    runner.in_read(&mut |db| {
        let f = f.take().ok_or_else(|| RelayStoreError::BadValue("a read ran twice".into()))?;
        out = Some(f(db)?);
        Ok(())
    })?;
    out.ok_or_else(|| RelayStoreError::BadValue("a read did not run".into()))
}

/// `sql` with PostgreSQL's `$1` placeholders as SQLite's `?1`.
#[must_use]
pub fn sqlite_placeholders(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '$' && chars.peek().is_some_and(char::is_ascii_digit) {
            out.push('?');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_become_sqlite_s_numbered_ones() {
        assert_eq!(
            sqlite_placeholders("SELECT a FROM t WHERE x = $1 AND y = $12 AND z = '$'"),
            "SELECT a FROM t WHERE x = ?1 AND y = ?12 AND z = '$'"
        );
    }
}
