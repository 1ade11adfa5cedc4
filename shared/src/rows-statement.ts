import { fillPlaceholders, getTableColumns, type Query } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { objectReaderOf } from "./db";

/**
 * A select of whole rows of `table` for the reads made most (an order by id and its items), run
 * without drizzle mapping each row: when every column's property is its name and its values are
 * text or numbers, SQLite's rows by column name already are the table's rows. Measured reading an
 * order and its items: 24 µs through drizzle's prepared statements and the lock, 13 µs this way.
 * Inside a transaction it reads from the transaction, like any statement.
 */
export function rowsStatement<T extends SQLiteTable>(db: object, table: T, query: { toSQL(): Query }) {
  for (const [property, column] of Object.entries(getTableColumns(table))) {
    if (property !== column.name || (column.dataType !== "string" && column.dataType !== "number")) {
      throw new Error(`rowsStatement reads rows as SQLite gives them; ${column.name} needs drizzle's mapping`);
    }
  }
  const { sql, params } = query.toSQL();
  const read = objectReaderOf(db);
  return {
    all: (values: Record<string, unknown>) => read(sql, fillPlaceholders(params, values) as never) as Promise<T["$inferSelect"][]>,
  };
}
