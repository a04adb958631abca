//! The SQL both backends run alike ([`crate::sql`]) on PostgreSQL: a
//! statement's values bound as the driver takes them, a row's read back by
//! its column types, and a write in one READ COMMITTED transaction.

use postgres::IsolationLevel;
use postgres::types::ToSql;

use super::{Client, Db, PostgresRelayStore};
use crate::Result;
use crate::sql::{Cell, Param, Sql, SqlRunner};

impl<C: Client> Sql for Db<'_, C> {
    fn is_postgres(&self) -> bool {
        true
    }

    fn exec(&mut self, sql: &'static str, params: &[Param<'_>]) -> Result<u64> {
        let owned = to_postgres(params);
        let refs: Vec<&(dyn ToSql + Sync)> = owned.iter().map(|p| p.as_ref()).collect();
        Db::exec(self, sql, &refs)
    }

    fn rows(&mut self, sql: &'static str, params: &[Param<'_>]) -> Result<Vec<Vec<Cell>>> {
        use postgres::types::Type;
        let owned = to_postgres(params);
        let refs: Vec<&(dyn ToSql + Sync)> = owned.iter().map(|p| p.as_ref()).collect();
        let mut out = Vec::new();
        for row in self.all(sql, &refs)? {
            let mut cells = Vec::with_capacity(row.len());
            for (i, column) in row.columns().iter().enumerate() {
                let ty = column.type_();
                let cell = if *ty == Type::INT8 {
                    row.try_get::<_, Option<i64>>(i)?.map_or(Cell::Null, Cell::Int)
                } else if *ty == Type::INT4 {
                    row.try_get::<_, Option<i32>>(i)?.map_or(Cell::Null, |n| Cell::Int(n.into()))
                } else if *ty == Type::BYTEA {
                    row.try_get::<_, Option<Vec<u8>>>(i)?.map_or(Cell::Null, Cell::Bytes)
                } else {
                    row.try_get::<_, Option<String>>(i)?.map_or(Cell::Null, Cell::Text)
                };
                cells.push(cell);
            }
            out.push(cells);
        }
        Ok(out)
    }
}

/// [`Param`]s as PostgreSQL's driver takes them.
fn to_postgres<'a>(params: &[Param<'a>]) -> Vec<Box<dyn ToSql + Sync + 'a>> {
    params
        .iter()
        .map(|p| -> Box<dyn ToSql + Sync + 'a> {
            match *p {
                Param::Int(n) => Box::new(n),
                Param::Text(t) => Box::new(t),
                Param::Bytes(b) => Box::new(b),
                Param::NullText => Box::new(None::<&str>),
            }
        })
        .collect()
}

impl SqlRunner for PostgresRelayStore {
    fn in_write(&self, f: &mut dyn FnMut(&mut dyn Sql) -> Result<()>) -> Result<()> {
        let mut conn = self.conn()?;
        let mut tx = conn.db().begin(IsolationLevel::ReadCommitted)?;
        f(&mut tx)?;
        tx.commit()
    }

    fn in_read(&self, f: &mut dyn FnMut(&mut dyn Sql) -> Result<()>) -> Result<()> {
        let mut conn = self.conn()?;
        f(&mut conn.db())
    }
}
