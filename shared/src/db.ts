import { createClient, type Client, type Transaction } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import { migrate } from "drizzle-orm/libsql/migrator";
import { AsyncLocalStorage } from "node:async_hooks";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createBunSqliteClient } from "./bun-sqlite-client";
import { Mutex } from "./mutex";

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
 */
export async function openDatabase(url: string, authToken?: string) {
  const local = url.startsWith("file:");
  if (local) mkdirSync(dirname(url.slice("file:".length)), { recursive: true });
  const raw = local ? createBunSqliteClient(url.slice("file:".length)) : createClient({ url, authToken });
  if (local) {
    for (const pragma of ["journal_mode = WAL", "busy_timeout = 5000", "synchronous = NORMAL", "foreign_keys = ON"]) await raw.execute(`PRAGMA ${pragma}`);
  }
  const mutex = new Mutex();
  const current = new AsyncLocalStorage<Transaction>();

  const locked = async <T>(work: () => Promise<T>) => {
    const release = await mutex.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  };

  const statements = new Set(["execute", "batch", "executeMultiple", "migrate"]);
  const client = new Proxy(raw, {
    get(target, property) {
      const value = Reflect.get(target, property);
      if (typeof value !== "function") return value;
      if (property === "transaction") throw new Error("use the transaction() of openDatabase, not the client's");
      if (!statements.has(String(property))) return value.bind(target);
      return (...args: unknown[]) => {
        const tx = current.getStore();
        if (tx && property !== "migrate") return (tx[property as "execute"] as Function)(...args);
        return locked(() => (value as Function).apply(target, args));
      };
    },
  }) as Client;

  async function transaction<T>(work: () => Promise<T>): Promise<T> {
    if (current.getStore()) return work(); // already inside one: join it
    return locked(async () => {
      const tx = await raw.transaction("write");
      try {
        const result = await current.run(tx, work);
        await tx.commit();
        return result;
      } catch (error) {
        await tx.rollback();
        throw error;
      } finally {
        tx.close();
      }
    });
  }

  return { client, transaction };
}

/**
 * Opens a service's database with its drizzle schema and applies its committed migrations.
 * `db.transaction(async (tx) => …)` is routed to openDatabase's transaction; `tx` is `db` itself.
 */
export async function openServiceDb<S extends Record<string, unknown>>(settings: DatabaseSettings, service: string, schema: S, migrationsFolder: URL) {
  const { client, transaction } = await openDatabase(databaseUrl(settings, service), settings.DATABASE_AUTH_TOKEN);
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder: fileURLToPath(migrationsFolder) });
  Object.assign(db, { transaction: (work: (tx: typeof db) => Promise<unknown>) => transaction(() => work(db)) });
  return { db, close: () => client.close() };
}
