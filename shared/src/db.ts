import type { Client, InArgs, InStatement, Transaction } from "@libsql/client";
import type { drizzle as libsqlDrizzle } from "drizzle-orm/libsql";
import * as driverCore from "drizzle-orm/libsql/driver-core";
import { migrate } from "drizzle-orm/libsql/migrator";
import { AsyncLocalStorage } from "node:async_hooks";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createBunSqliteClient, type LocalClient } from "./bun-sqlite-client";
import { CannotRun } from "./remote-db/cannot-run";
import { refuseForeignDatabase } from "./remote-db/foreign-database";
import { takeServiceLease } from "./service-lease";
import { waitForServer } from "./remote-db/wait-for-server";
import { Mutex } from "./mutex";

/**
 * drizzle's libSQL driver, built on the client we pass: `drizzle-orm/libsql` itself imports
 * @libsql/client (and its native library) to offer drizzle("url"), which is never called here. Its
 * driver-core exports the same constructor, which drizzle's types leave out.
 */
const drizzle = (driverCore as unknown as { construct: typeof libsqlDrizzle }).construct;

/** At most this many transactions share one commit. */
const MAX_GROUP = 64;

export type DatabaseSettings = { DATABASE_URL?: string; DATABASE_AUTH_TOKEN?: string; DATA_DIR: string };

/** The service's database URL: the configured one, or a file of its own under DATA_DIR. */
export function databaseUrl(settings: DatabaseSettings, service: string): string {
  if (settings.DATABASE_URL) return settings.DATABASE_URL;
  return `file:${resolve(settings.DATA_DIR, `${service}.db`)}`;
}

/**
 * Opens the service's database: a local file through Bun's SQLite driver (with WAL, a busy timeout and
 * foreign keys), a libSQL server through @libsql/client.
 *
 * Every statement goes through one connection behind a FIFO lock: SQLite has a single writer anyway,
 * and an open transaction awaits between its statements, so without the lock another request's
 * statement could land inside it. `transaction(fn)` holds the lock for the whole of `fn` and runs it
 * in an async context in which every statement of this client goes to the open transaction, so code
 * inside may use the ordinary `db` (and its prepared statements) without waiting on itself.
 * Transactions waiting together share one commit (see drain below).
 *
 * On a local file, a select made outside a transaction goes to the read connection instead, without
 * the lock: it sees what is committed, as it would after waiting, and a read never queues behind
 * writes. On a libSQL server it is sent at once, for the same reason: the server runs each
 * transaction on a stream of its own, so a select from outside cannot land inside one.
 */
export async function openDatabase(url: string, authToken?: string) {
  const local = url.startsWith("file:");
  if (local) mkdirSync(dirname(url.slice("file:".length)), { recursive: true });
  // @libsql/client (and its native library) is loaded for a libSQL server only: 5–6 MB of each
  // service's memory at rest that a local file never uses (bench/README.md)
  const raw = local ? createBunSqliteClient(url.slice("file:".length)) : (await import("@libsql/client")).createClient({ url, authToken });
  const reader = local ? (raw as LocalClient) : undefined;
  const mutex = new Mutex();
  const current = new AsyncLocalStorage<Transaction>();

  const locked = <T>(work: () => Promise<T>) => mutex.run(work);

  // the statement methods, each made once (drizzle reads client.execute on every statement)
  const routed = new Map(["execute", "batch", "executeMultiple", "migrate"].map((property) => {
    const method = Reflect.get(raw, property) as Function;
    return [property, (...args: unknown[]) => {
      const tx = current.getStore();
      if (tx && property !== "migrate") return (tx[property as "execute"] as Function)(...args);
      if (property === "execute" && isSelect(args[0] as InStatement)) return reader ? readNow(() => reader.read(args[0] as InStatement)) : method.apply(raw, args);
      return locked(() => method.apply(raw, args));
    }];
  }));

  /**
   * Rows by column name, as SQLite gives them, for the selects of whole rows that run most
   * (rowsStatement): inside a transaction from it, else from the read connection, else (a libSQL
   * server) as a statement of its own.
   */
  function readObjects(sql: string, args: InArgs): Promise<Record<string, unknown>[]> {
    const tx = current.getStore();
    if (tx) return tx.execute({ sql, args }).then((result) => result.rows);
    if (reader) return readNow(() => reader.readObjects(sql, args));
    return raw.execute({ sql, args }).then((result) => result.rows);
  }
  const client = new Proxy(raw, {
    get(target, property) {
      const statement = routed.get(property as string);
      if (statement) return statement;
      const value = Reflect.get(target, property);
      if (typeof value !== "function") return value;
      if (property === "transaction") throw new Error("use the transaction() of openDatabase, not the client's");
      return value.bind(target);
    },
  }) as Client;

  // Group commit: transactions that arrive while the connection is busy run together, each in its
  // own savepoint, under one BEGIN/COMMIT. Each caller still sees its own outcome only after the
  // commit; one that throws is rolled back alone. The commit (its WAL write) is the dominant cost of a
  // small transaction, so under load this is where concurrent requests stop paying it each.
  type Pending = { work: () => Promise<unknown>; resolve: (value: unknown) => void; reject: (error: unknown) => void };
  const waiting: Pending[] = [];
  let draining = false;
  const outcome = async (tx: Transaction, { work }: Pending) => {
    await tx.execute("SAVEPOINT unit");
    try {
      const value = await current.run(tx, work);
      await tx.execute("RELEASE unit");
      return { ok: true as const, value };
    } catch (error) {
      // SQLite rolls the whole transaction back itself on some errors (SQLITE_FULL, SQLITE_IOERR):
      // then there is no savepoint left, every unit of the group is undone, and by this error
      const undone = await tx.execute("ROLLBACK TO unit").then(() => tx.execute("RELEASE unit")).then(() => false, () => true);
      if (undone) throw error;
      return { ok: false as const, error };
    }
  };
  async function drain() {
    draining = true;
    while (waiting.length) {
      const group = waiting.splice(0, MAX_GROUP);
      await locked(async () => {
        let results: Awaited<ReturnType<typeof outcome>>[] = [];
        const tx = await raw.transaction("write").catch((error) => (group.forEach((p) => p.reject(error)), undefined));
        if (!tx) return;
        try {
          if (group.length === 1) {
            // alone, it needs no savepoint: its failure rolls back the transaction, which is only its own
            // (two statements fewer; on a libSQL server, two round trips)
            const value = await current.run(tx, group[0]!.work);
            results.push({ ok: true as const, value });
          } else {
            for (const pending of group) results.push(await outcome(tx, pending));
          }
          await tx.commit();
        } catch (error) {
          await tx.rollback().catch(() => undefined);
          results = group.map(() => ({ ok: false as const, error }));
        } finally {
          tx.close();
        }
        group.forEach((pending, i) => (results[i]!.ok ? pending.resolve(results[i]!.value) : pending.reject(results[i]!.error)));
      });
    }
    draining = false;
  }

  function transaction<T>(work: () => Promise<T>): Promise<T> {
    if (current.getStore()) return work(); // already inside one: join it
    return new Promise<T>((resolve, reject) => {
      waiting.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!draining) {
        draining = true;
        setImmediate(drain); // lets the transactions of requests already read join this commit
      }
    });
  }

  return { client, transaction, readObjects };
}

const objectReaders = new WeakMap<object, (sql: string, args: InArgs) => Promise<Record<string, unknown>[]>>();

/** openDatabase's readObjects for a database opened by openServiceDb. */
export function objectReaderOf(db: object) {
  const read = objectReaders.get(db);
  if (!read) throw new Error("not a database opened by openServiceDb");
  return read;
}

const isSelect = (statement: InStatement) => /^\s*select\b/i.test(typeof statement === "string" ? statement : statement.sql);

/** A synchronous read, answered as a promise like every other statement (a failure rejects it). */
async function readNow<T>(read: () => T): Promise<T> {
  return read();
}

/**
 * Opens a service's database with its drizzle schema and applies its committed migrations.
 * `db.transaction(async (tx) => …)` is routed to openDatabase's transaction; `tx` is `db` itself.
 */
export async function openServiceDb<S extends Record<string, unknown>>(settings: DatabaseSettings, service: string, schema: S, migrationsFolder: URL, options = { lease: true }) {
  const url = databaseUrl(settings, service);
  const remote = !url.startsWith("file:");
  const { client, transaction, readObjects } = await openDatabase(url, settings.DATABASE_AUTH_TOKEN);
  const where = `the ${service} database at ${url.split("?")[0]}`; // a libSQL URL may carry a token in its query
  if (remote) await waitForServer(client, where, service).catch(stopIfCannotRun);
  await refuseForeignDatabase(client, fileURLToPath(migrationsFolder), where).catch(stopIfCannotRun);
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder: fileURLToPath(migrationsFolder) });
  Object.assign(db, { transaction: (work: (tx: typeof db) => Promise<unknown>) => transaction(() => work(db)) });
  objectReaders.set(db, readObjects);
  // one process per service and database, before any background work starts (service-lease.ts)
  const lease = options.lease ? await takeServiceLease(db, service, (holder) => stopIfCannotRun(new CannotRun(`the database was taken over by another ${service} service (${holder})`))).catch(stopIfCannotRun) : undefined;
  return {
    db,
    /** Gives the lease up (so a restart need not wait for it to lapse), then closes. */
    async close() {
      await lease?.release();
      client.close();
    },
  };
}

/** A problem no retry will fix: one line, and the process stops (as a bad setting does). Anything else goes on up. */
function stopIfCannotRun(error: unknown): never {
  if (!(error instanceof CannotRun)) throw error;
  console.error(`Cannot run: ${error.message}.`);
  process.exit(1);
}
