import type { Client, InArgs, InStatement, ResultSet, Row, Transaction, TransactionMode } from "@libsql/client";
import { Database, type SQLQueryBindings, type Statement } from "bun:sqlite";
import { startCheckpointer } from "./checkpointer";

export type LocalClient = Client & {
  /** Runs a select on the read connection: committed data only, never waiting for a writer (WAL). */
  read(statement: InStatement): ResultSet;
  /** The same, with the rows as SQLite gives them: plain objects by column name. */
  readObjects(sql: string, args: InArgs): Record<string, unknown>[];
};

/**
 * A local SQLite file (WAL, a busy timeout, foreign keys, checkpoints on a worker thread) behind the
 * @libsql/client interface, on Bun's built-in driver, so drizzle's libSQL driver (and everything
 * written on it) runs unchanged. Measured on this machine: about 5 µs
 * per primary-key read against about 100 µs through @libsql/client's local mode (bench/README.md).
 * Remote libSQL URLs still use @libsql/client.
 *
 * Beside the connection that writes there is one that only reads (`read`, `readObjects`): in WAL
 * mode it sees every committed transaction and none in progress, so selects made outside a
 * transaction need not wait for one to finish.
 */
export function createBunSqliteClient(path: string): LocalClient {
  const db = new Database(path, { create: true, strict: false });
  // temp_store = MEMORY: the group commit's savepoints (db.ts) make SQLite keep a sub-journal of the
  // pages each one changes, and past 64 KiB it went to a temporary file in /var/tmp, written page by
  // page: more than half of the Order Service's writes under load, and about a tenth of its CPU
  // (bench/README.md)
  for (const pragma of ["busy_timeout = 5000", "journal_mode = WAL", "synchronous = NORMAL", "foreign_keys = ON", "temp_store = MEMORY"]) db.run(`PRAGMA ${pragma}`);
  const checkpointer = startCheckpointer(db, path);
  const readOnly = new Database(path, { strict: false });
  for (const pragma of ["busy_timeout = 5000", "query_only = ON"]) readOnly.run(`PRAGMA ${pragma}`);
  const writer = connection(db);
  const reader = connection(readOnly);
  const execute = writer.execute;
  let open = true;

  function inTransaction<T>(mode: TransactionMode, work: () => T): T {
    db.run(mode === "read" ? "BEGIN DEFERRED" : "BEGIN IMMEDIATE");
    try {
      const result = work();
      db.run("COMMIT");
      return result;
    } catch (error) {
      if (db.inTransaction) db.run("ROLLBACK");
      throw error;
    }
  }

  const client = {
    protocol: "file",
    get closed() {
      return !open;
    },
    execute: async (statement: InStatement | string, args?: InArgs) => execute(typeof statement === "string" && args ? { sql: statement, args } : statement),
    batch: async (statements: InStatement[], mode: TransactionMode = "deferred") => inTransaction(mode, () => statements.map(execute)),
    migrate: async (statements: InStatement[]) => {
      db.run("PRAGMA foreign_keys = OFF");
      try {
        return inTransaction("deferred", () => statements.map(execute));
      } finally {
        db.run("PRAGMA foreign_keys = ON");
      }
    },
    executeMultiple: async (sql: string) => void db.run(sql),
    async transaction(mode: TransactionMode = "write"): Promise<Transaction> {
      db.run(mode === "read" ? "BEGIN DEFERRED" : mode === "write" ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
      let closed = false;
      const end = (sql: string) => async () => {
        if (closed) return;
        closed = true;
        if (db.inTransaction) db.run(sql);
      };
      return {
        execute: async (statement: InStatement) => execute(statement),
        batch: async (statements: InStatement[]) => statements.map(execute),
        executeMultiple: async (sql: string) => void db.run(sql),
        commit: end("COMMIT"),
        rollback: end("ROLLBACK"),
        close: () => void end("ROLLBACK")(),
        get closed() {
          return closed;
        },
      } as Transaction;
    },
    read: reader.execute,
    readObjects: reader.objects,
    sync: async () => undefined,
    reconnect: async () => undefined,
    close() {
      if (open) {
        checkpointer.stop();
        reader.close();
        writer.finalize();
        try {
          db.run("PRAGMA wal_checkpoint(TRUNCATE)"); // the next start need not read the log back
        } catch {
          // busy: SQLite recovers from the log at the next open
        }
        db.close();
      }
      open = false;
    },
  };
  return client as unknown as LocalClient;
}

/** One SQLite connection's statements, each SQL text compiled once. */
function connection(db: Database) {
  // compiled with its column names: bun:sqlite's columnNames getter builds a new array on every
  // read, which showed at 4 % of the Order Service's CPU under load
  const statements = new Map<string, { query: Statement; columns: string[] }>();
  function compiled(sql: string) {
    let statement = statements.get(sql);
    if (!statement) {
      const cached = statements.size < 500;
      const query = cached ? db.prepare(sql) : db.query(sql);
      statement = { query, columns: query.columnNames };
      if (cached) statements.set(sql, statement);
    }
    return statement;
  }
  const finalize = () => statements.forEach(({ query }) => query.finalize());

  return {
    execute(statement: InStatement): ResultSet {
      const { sql, args } = typeof statement === "string" ? { sql: statement, args: [] as InArgs } : { sql: statement.sql, args: statement.args ?? [] };
      const { query, columns } = compiled(sql);
      const bindings = bind(args);
      if (!columns.length) {
        const { changes, lastInsertRowid } = query.run(...bindings);
        return resultSet([], [], changes, BigInt(lastInsertRowid));
      }
      const values = query.values(...bindings) as unknown[][];
      return resultSet(columns, values.map((row) => toRow(columns, row)), values.length, undefined);
    },
    objects: (sql: string, args: InArgs) => compiled(sql).query.all(...bind(args)) as Record<string, unknown>[],
    finalize,
    close() {
      finalize();
      db.close();
    },
  };
}

function bind(args: InArgs): SQLQueryBindings[] {
  if (!Array.isArray(args)) throw new Error("named arguments are not used by drizzle and not supported here");
  return args.map((value) => (value === undefined ? null : typeof value === "boolean" ? Number(value) : value instanceof Date ? value.toISOString() : value)) as SQLQueryBindings[];
}

/**
 * A libSQL row: the values by column name (enumerable, as raw queries read them) and by index (not
 * enumerable, as drizzle reads them). The index view comes from a prototype shared by every row of
 * the same columns, which costs far less per row than defining the index properties on each.
 */
function toRow(columns: string[], values: unknown[]): Row {
  const { proto, unique } = rowShape(columns);
  const row = Object.create(proto) as Record<string, unknown>;
  for (let i = 0; i < columns.length; i++) row[columns[i]!] = values[i];
  if (!unique) {
    // two columns of one name (a join): the name holds the last, each index its own value
    for (let i = 0; i < columns.length; i++) Object.defineProperty(row, i, { value: values[i], enumerable: false });
  }
  return row as Row;
}

const shapes = new Map<string, { proto: object; unique: boolean }>();
function rowShape(columns: string[]) {
  const key = columns.join("\u0000");
  let shape = shapes.get(key);
  if (!shape) {
    const descriptors: PropertyDescriptorMap = { length: { value: columns.length } };
    columns.forEach((column, i) => (descriptors[i] = { get(this: Record<string, unknown>) { return this[column]; } }));
    shape = { proto: Object.create(Object.prototype, descriptors) as object, unique: new Set(columns).size === columns.length };
    if (shapes.size < 1000) shapes.set(key, shape);
  }
  return shape;
}

function resultSet(columns: string[], rows: Row[], rowsAffected: number, lastInsertRowid: bigint | undefined): ResultSet {
  return { columns, columnTypes: columns.map(() => ""), rows, rowsAffected, lastInsertRowid, toJSON: () => ({ columns, rows, rowsAffected }) };
}
