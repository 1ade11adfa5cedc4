import { createClient, type Client, type Transaction } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import { migrate } from "drizzle-orm/libsql/migrator";
import { fileURLToPath } from "node:url";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { Mutex } from "./mutex";

export type DatabaseSettings = { DATABASE_URL?: string; DATABASE_AUTH_TOKEN?: string; DATA_DIR: string };

/** The service's database URL: the configured one, or a file of its own under DATA_DIR. */
export function databaseUrl(settings: DatabaseSettings, service: string): string {
  if (settings.DATABASE_URL) return settings.DATABASE_URL;
  return `file:${resolve(settings.DATA_DIR, `${service}.db`)}`;
}

/**
 * Opens the service's libSQL database. A local file gets WAL, a busy timeout and foreign keys, and
 * every call goes through one connection behind a FIFO lock: SQLite has a single writer anyway, and a
 * second in-process connection would block the event loop on the first one's open transaction.
 */
export async function openDatabase(url: string, authToken?: string): Promise<Client> {
  const local = url.startsWith("file:");
  if (local) mkdirSync(dirname(url.slice("file:".length)), { recursive: true });
  const client = createClient({ url, authToken, concurrency: local ? 1 : 20, timeout: 5_000 } as Parameters<typeof createClient>[0]);
  if (local) {
    await client.execute("PRAGMA journal_mode = WAL");
    await client.execute("PRAGMA busy_timeout = 5000");
    await client.execute("PRAGMA synchronous = NORMAL");
    await client.execute("PRAGMA foreign_keys = ON");
  }
  return serialized(client);
}

/** Longer than any real wait for the lock; reached only by a call on `db` inside a transaction, which would otherwise hang. */
const LOCK_WAIT_LIMIT_MS = 15_000;

function serialized(client: Client): Client {
  const mutex = new Mutex();
  const lock = {
    async acquire() {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const acquiring = mutex.acquire();
      const limit = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`waited ${LOCK_WAIT_LIMIT_MS} ms for the database: is \`db\` used inside a transaction instead of \`tx\`?`)), LOCK_WAIT_LIMIT_MS);
      });
      try {
        return await Promise.race([acquiring, limit]);
      } catch (error) {
        void acquiring.then((release) => release()); // give the slot back once it comes
        throw error;
      } finally {
        clearTimeout(timer);
      }
    },
    async run<T>(work: () => Promise<T> | T): Promise<T> {
      const release = await lock.acquire();
      try {
        return await work();
      } finally {
        release();
      }
    },
  };
  const passThrough = new Set(["close", "closed", "protocol", "sync", "reconnect"]);
  return new Proxy(client, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== "function" || passThrough.has(String(property))) {
        return typeof value === "function" ? value.bind(target) : value;
      }
      if (property === "transaction") {
        return async (...args: unknown[]) => {
          const release = await lock.acquire();
          try {
            return releasing(await (value as Function).apply(target, args), release);
          } catch (error) {
            release();
            throw error;
          }
        };
      }
      return (...args: unknown[]) => lock.run(() => (value as Function).apply(target, args));
    },
  });
}

/** Hands the lock back when the transaction ends, however it ends. */
function releasing(tx: Transaction, release: () => void): Transaction {
  const ending = new Set(["commit", "rollback", "close"]);
  return new Proxy(tx, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      if (!ending.has(String(property))) return value.bind(target);
      return async (...args: unknown[]) => {
        try {
          return await (value as Function).apply(target, args);
        } finally {
          release();
        }
      };
    },
  });
}

/** Opens a service's database with its drizzle schema and applies its committed migrations. */
export async function openServiceDb<S extends Record<string, unknown>>(settings: DatabaseSettings, service: string, schema: S, migrationsFolder: URL) {
  const client = await openDatabase(databaseUrl(settings, service), settings.DATABASE_AUTH_TOKEN);
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder: fileURLToPath(migrationsFolder) });
  return { db, close: () => client.close() };
}
