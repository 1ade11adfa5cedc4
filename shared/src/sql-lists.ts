import { sql, type Column } from "drizzle-orm";

/**
 * `column IN (list)` as one SQL text whatever the list's length (SQLite unpacks the JSON array), so
 * the statement is compiled once and cached, instead of once per length as drizzle's inArray is.
 */
export const inList = (column: Column, values: string[]) => sql`${column} in (select value from json_each(${JSON.stringify(values)}))`;
export const notInList = (column: Column, values: string[]) => sql`${column} not in (select value from json_each(${JSON.stringify(values)}))`;

/** The same for a prepared statement: pass the list as `JSON.stringify(values)` under `name`. */
export const inListParam = (column: Column, name: string) => sql`${column} in (select value from json_each(${sql.placeholder(name)}))`;
export const notInListParam = (column: Column, name: string) => sql`${column} not in (select value from json_each(${sql.placeholder(name)}))`;

/**
 * The column as SQLite may not use an index for (`+column`). Beside `inList`, it keeps a term such
 * as `status = ?` from being read through the status's own index, which SQLite would otherwise
 * choose without knowing the list's length: the list's rows are found by key and the term checked
 * on each.
 */
export const notIndexed = (column: Column) => sql`+${column}`;
