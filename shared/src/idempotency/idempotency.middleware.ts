import { and, eq, lt, sql } from "drizzle-orm";
import type { LibSQLDatabase } from "drizzle-orm/libsql";
import type { Context, MiddlewareHandler } from "hono";
import { createHash } from "node:crypto";
import { prepared } from "../prepared";
import { ApiError } from "../problem";
import { idempotencyKeys } from "./idempotency.schema";

type Db = LibSQLDatabase<Record<string, unknown>>;
/** Malformed, too large, not JSON, invalid: answered before any work was done. */
const INPUT_REFUSED = [400, 413, 415, 422];

export type IdempotencyOptions = {
  /** A request still IN_FLIGHT after this long is taken to have died with its process. */
  abandonAfterMs?: number;
  /** Paths whose POSTs are not idempotent by key (the signed webhook dedupes by event id). */
  exceptPaths?: string[];
};

/**
 * The same Idempotency-Key with the same body replays the first answer; with another body it is a 422;
 * while the first is still running it is a 409. Answers of 5xx are not kept, so a retry does the work;
 * nor are answers that refused the input (400, 413, 415, 422): nothing was done, so the request may be
 * corrected and sent again with the same key, as a form does after showing what was wrong.
 */
export function idempotent(db: Db, options: IdempotencyOptions = {}): MiddlewareHandler {
  const abandonAfterMs = options.abandonAfterMs ?? 60_000;
  return async (c, next) => {
    const key = c.req.header("Idempotency-Key");
    if (c.req.method !== "POST" || key === undefined || options.exceptPaths?.some((p) => c.req.path.startsWith(p))) return next();
    if (key.length < 1 || key.length > 255) {
      throw ApiError.validation([{ path: "Idempotency-Key", message: "must be 1 to 255 characters" }]);
    }
    const scope = `POST ${c.req.path.replace(/\/$/, "")}`;
    const requestHash = await fingerprint(c);
    const replay = await claim(db, scope, key, requestHash, abandonAfterMs);
    if (replay) return replay;
    try {
      await next();
    } catch (error) {
      await release(db, scope, key);
      throw error;
    }
    if (c.res.status >= 500 || INPUT_REFUSED.includes(c.res.status)) return release(db, scope, key);
    await remember(db, scope, key, c);
  };
}

/** What makes two requests "the same": the body's bytes, or for a multipart form its fields (not its boundary). */
async function fingerprint(c: Context) {
  const hash = createHash("sha256");
  const raw = new Uint8Array(await c.req.arrayBuffer());
  const type = c.req.header("content-type") ?? "";
  const form = type.startsWith("multipart/form-data") ? await new Response(raw, { headers: { "content-type": type } }).formData().catch(() => undefined) : undefined;
  if (!form) return hash.update(raw).digest("hex");
  for (const [name, value] of form) {
    hash.update(`${name}\0`);
    hash.update(typeof value === "string" ? value : new Uint8Array(await value.arrayBuffer()));
    hash.update("\0");
  }
  return hash.digest("hex");
}

/** Every keyed POST runs these, so they are built once (see prepared.ts). */
function statements(db: Db) {
  const p = sql.placeholder;
  const byKey = and(eq(idempotencyKeys.scope, p("scope")), eq(idempotencyKeys.key, p("key")));
  return prepared(db, "idempotency", () => ({
    insert: db.insert(idempotencyKeys).values({ scope: p("scope"), key: p("key"), requestHash: p("hash"), state: "IN_FLIGHT", lockedAt: p("now") as never, createdAt: p("now") as never })
      .onConflictDoNothing().returning({ key: idempotencyKeys.key }).prepare(),
    find: db.select().from(idempotencyKeys).where(byKey).prepare(),
    done: db.update(idempotencyKeys).set({ state: "DONE", responseStatus: p("status") as never, responseType: p("type") as never, responseBody: p("body") as never }).where(byKey).prepare(),
  }));
}

async function claim(db: Db, scope: string, key: string, requestHash: string, abandonAfterMs: number) {
  const now = Date.now();
  const inserted = await statements(db).insert.execute({ scope, key, hash: requestHash, now });
  if (inserted.length) return undefined;
  const [row] = await statements(db).find.execute({ scope, key });
  if (!row) return claim(db, scope, key, requestHash, abandonAfterMs);
  if (row.requestHash !== requestHash) {
    throw new ApiError("IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was used with a different request body.");
  }
  if (row.state === "DONE") {
    return new Response(row.responseBody, {
      status: row.responseStatus!,
      headers: { "Content-Type": row.responseType ?? "application/json", "Idempotent-Replayed": "true" },
    });
  }
  if (now - row.lockedAt < abandonAfterMs) {
    throw new ApiError("IDEMPOTENCY_KEY_IN_USE", "A request with this Idempotency-Key is still being processed; retry shortly.");
  }
  const taken = await db.update(idempotencyKeys).set({ lockedAt: now })
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key), eq(idempotencyKeys.lockedAt, row.lockedAt)))
    .returning({ key: idempotencyKeys.key });
  if (!taken.length) throw new ApiError("IDEMPOTENCY_KEY_IN_USE", "A request with this Idempotency-Key is still being processed; retry shortly.");
  return undefined;
}

async function remember(db: Db, scope: string, key: string, c: Context) {
  const body = await c.res.clone().text();
  await statements(db).done.execute({ scope, key, status: c.res.status, type: c.res.headers.get("Content-Type"), body });
}

async function release(db: Db, scope: string, key: string) {
  await db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
}

/** Forgets answers older than the retention; run periodically. */
export async function purgeIdempotencyKeys(db: Db, retentionMs: number) {
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, Date.now() - retentionMs));
}
