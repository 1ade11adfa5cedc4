import { and, asc, count, desc, eq, lt, lte, sql } from "drizzle-orm";
import { inList, inListParam, notIndexed, notInListParam } from "../sql-lists";
import type { LibSQLDatabase } from "drizzle-orm/libsql";
import type { Logger } from "../logger";
import { isDatabaseOutage, logPassFailure, OUTAGE_POLL_MS } from "../db-outage";
import { outbox, type OutboxRow } from "./outbox.schema";

type Db = LibSQLDatabase<Record<string, unknown>>;

/** A failure that no retry will fix (the receiver refused the message as invalid): dead-lettered at once. */
export class PermanentError extends Error {}

export type OutboxDelivery = { id: string; payload: unknown; requestId: string | null; attempts: number };
/** Delivers one message; throws to have it retried. Must be safe to run twice (receivers dedupe). */
export type OutboxHandler = (message: OutboxDelivery) => Promise<void>;
/**
 * Delivers many messages of one kind in one call; resolves with each message's error (undefined when
 * delivered), or throws to have them all retried. Same rule: safe to run twice.
 */
export type OutboxBatchHandler = (messages: OutboxDelivery[]) => Promise<(Error | undefined)[]>;

export type RelayOptions = {
  db: Db;
  handlers: Record<string, OutboxHandler>;
  /** Kinds delivered many per call: under load a request to another service carries a whole batch. */
  batchHandlers?: Record<string, OutboxBatchHandler>;
  logger: Logger;
  pollMs?: number;
  batchSize?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A message still undelivered this long after it was written is dead-lettered. */
  maxAgeMs: number;
};

export type OutboxRelay = ReturnType<typeof createOutboxRelay>;

/**
 * The messages of these ids (`ids`, a JSON array) still PENDING: found by id, the status checked on
 * each row found. Left to itself SQLite read every PENDING message through outbox_due instead, 12.6
 * ms a call with a backlog of 50,000 after an outage (bench/README.md).
 */
export const pendingByIdsQuery = (db: RelayOptions["db"]) =>
  db.select().from(outbox).where(and(inListParam(outbox.id, "ids"), eq(notIndexed(outbox.status), "PENDING")));

/**
 * Polls the outbox and delivers due messages, retrying with exponential backoff and full jitter.
 * Everything it needs is in the table, so after a restart it simply carries on.
 */
export function createOutboxRelay(options: RelayOptions) {
  const { db, handlers, logger } = options;
  const pollMs = options.pollMs ?? 250;
  const batchSize = options.batchSize ?? 100;
  const baseDelayMs = options.baseDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 60_000;
  const inFlight = new Set<string>();
  let running = false;
  let kicked = false;
  let wake: (() => void) | undefined;
  let loop: Promise<void> | undefined;

  // the statements of every delivery, prepared once (drizzle building them per call showed in profiles)
  const p = sql.placeholder;
  const pendingByIds = pendingByIdsQuery(db).prepare();
  const due = db.select().from(outbox)
    .where(and(eq(outbox.status, "PENDING"), lte(outbox.nextAttemptAt, p("now") as never), notInListParam(outbox.id, "busy")))
    .orderBy(asc(outbox.nextAttemptAt)).limit(p("limit") as never).prepare();
  const markDelivered = db.update(outbox).set({ status: "DELIVERED", deliveredAt: p("now") as never, attempts: sql`${outbox.attempts} + 1` })
    .where(inListParam(outbox.id, "ids")).prepare();

  const retryDelay = (attempts: number) => Math.random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (attempts - 1)) + baseDelayMs / 2;

  type Result = { id: string; error?: string; permanent?: boolean };
  const failure = (id: string, error: unknown): Result =>
    ({ id, error: error instanceof Error ? error.message : String(error), permanent: error instanceof PermanentError });
  const delivery = (row: OutboxRow): OutboxDelivery => ({ id: row.id, payload: JSON.parse(row.payload), requestId: row.requestId, attempts: row.attempts });
  async function deliver(row: OutboxRow): Promise<Result> {
    const handler = handlers[row.kind];
    try {
      if (!handler) throw new Error(`no handler for outbox kind ${row.kind}`);
      await handler(delivery(row));
      return { id: row.id };
    } catch (error) {
      return failure(row.id, error);
    }
  }
  async function deliverBatch(handler: OutboxBatchHandler, rows: OutboxRow[]): Promise<Result[]> {
    try {
      const errors = await handler(rows.map(delivery));
      if (errors.length !== rows.length) throw new Error(`the batch handler answered ${errors.length} outcomes for ${rows.length} messages`);
      return rows.map((row, i) => (errors[i] ? failure(row.id, errors[i]) : { id: row.id }));
    } catch (error) {
      return rows.map((row) => failure(row.id, error));
    }
  }
  /** One call per batch kind (at most batchSize messages each), one per message for the other kinds. */
  function deliverAll(rows: OutboxRow[]): Promise<Result[]>[] {
    const batches = new Map<string, OutboxRow[]>();
    const single: OutboxRow[] = [];
    for (const row of rows) {
      if (options.batchHandlers?.[row.kind]) batches.set(row.kind, [...(batches.get(row.kind) ?? []), row]);
      else single.push(row);
    }
    const calls = single.map(async (row) => [await deliver(row)]);
    for (const [kind, group] of batches) {
      for (let i = 0; i < group.length; i += batchSize) calls.push(deliverBatch(options.batchHandlers![kind]!, group.slice(i, i + batchSize)));
    }
    return calls;
  }
  async function record(rows: OutboxRow[], results: Result[]) {
    const now = Date.now();
    const delivered = results.filter((r) => !r.error).map((r) => r.id);
    await db.transaction(async (tx) => {
      if (delivered.length) await markDelivered.execute({ ids: JSON.stringify(delivered), now: new Date(now).toISOString() });
      for (const result of results.filter((r) => r.error)) {
        const row = rows.find((r) => r.id === result.id)!;
        const attempts = row.attempts + 1;
        const dead = result.permanent || now - Date.parse(row.createdAt) >= options.maxAgeMs;
        const fields = { outbox_id: row.id, kind: row.kind, attempts, error: result.error, request_id: row.requestId };
        if (dead) logger.error("outbox message dead-lettered", fields);
        else if ((attempts & (attempts - 1)) === 0) logger.warn("outbox delivery failed, will retry", fields); // 1st, 2nd, 4th, 8th… to keep outages readable
        await tx.update(outbox)
          .set({ status: dead ? "DEAD" : "PENDING", attempts, lastError: result.error, nextAttemptAt: now + retryDelay(attempts) })
          .where(eq(outbox.id, row.id));
      }
    });
  }

  /**
   * Delivers the rows and resolves with the outcomes as soon as the receivers answered; `recorded`
   * settles once they are written down. The rows stay in flight until then, so the poll does not
   * send them again.
   */
  const recording = new Set<Promise<void>>();
  async function deliverRows(rows: OutboxRow[]) {
    rows.forEach((row) => inFlight.add(row.id));
    const results = (await Promise.all(deliverAll(rows))).flat();
    const recorded: Promise<void> = record(rows, results)
      .catch((error) => logger.error("recording outbox deliveries failed; they will be sent again", { error }))
      .finally(() => (rows.forEach((row) => inFlight.delete(row.id)), recording.delete(recorded)));
    recording.add(recorded);
    return { results, recorded };
  }

  // one queue per lane: a lane's next call waits for its own last, never for another lane's
  type Lane = { waiting: { ids: string[]; resolve: (results: Result[]) => void }[]; flushing: boolean };
  const lanes = new Map<string, Lane>();
  async function flush(lane: Lane) {
    const { waiting } = lane;
    lane.flushing = true;
    while (waiting.length) {
      const group = waiting.splice(0, waiting.length);
      const ids = group.flatMap((g) => g.ids);
      let results: Result[] = [];
      try {
        const rows = await pendingByIds.execute({ ids: JSON.stringify(ids) });
        // callers hear as soon as the receivers answered, and the next flush starts while this one is
        // recorded: a crash before the record only means a repeat, which every receiver dedupes
        if (rows.length) ({ results } = await deliverRows(rows));
      } catch (error) {
        logger.error("outbox delivery failed; the relay will retry", { error });
      } finally {
        const delivering = new Set(results.map((r) => r.id));
        ids.forEach((id) => delivering.has(id) || inFlight.delete(id)); // the rest are the record's to release
        const byId = new Map(results.map((r) => [r.id, r]));
        for (const g of group) g.resolve(g.ids.flatMap((id) => byId.get(id) ?? [])); // missing: already delivered, or the pass failed
      }
    }
    lane.flushing = false;
  }

  async function runOnce(): Promise<number> {
    const rows = await due.execute({ now: Date.now(), busy: JSON.stringify([...inFlight]), limit: batchSize });
    if (rows.length) await (await deliverRows(rows)).recorded;
    return rows.length;
  }

  async function run() {
    while (running) {
      let handled = 0;
      let restMs = pollMs;
      kicked = false;
      try {
        handled = await runOnce();
      } catch (error) {
        logPassFailure(logger, "outbox relay pass failed", error);
        if (isDatabaseOutage(error)) restMs = Math.max(pollMs, OUTAGE_POLL_MS);
      }
      if (handled < batchSize && running && !kicked) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, restMs);
          wake = () => (clearTimeout(timer), resolve());
        });
        wake = undefined;
      }
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    /**
     * Delivers these just-committed messages now instead of at the next poll; what fails stays in the
     * outbox and is retried. Resolves with each message's error, if any. Callers arriving while a
     * delivery is under way are served together by the next one, so under load each call to another
     * service carries many messages (at low load nothing waits). That is per lane: a lane's delivery
     * never waits for another lane's (the Order Service sends payment requests and mails in lanes of
     * their own, so that an order's payment does not wait for the mails being rendered).
     */
    deliverNow(ids: string[], laneName = "default"): Promise<Result[]> {
      ids.forEach((id) => inFlight.add(id)); // the poll leaves them to us
      let lane = lanes.get(laneName);
      if (!lane) lanes.set(laneName, (lane = { waiting: [], flushing: false }));
      return new Promise((resolve) => {
        lane.waiting.push({ ids, resolve });
        if (!lane.flushing) void flush(lane);
      });
    },
    /** Looks for work now instead of at the next poll (call after committing messages). */
    kick() {
      kicked = true;
      wake?.();
    },
    async stop() {
      running = false;
      wake?.();
      await loop;
      await Promise.all(recording);
    },
    async counts() {
      const rows = await db.select({ status: outbox.status, n: count() }).from(outbox).groupBy(outbox.status);
      return Object.fromEntries(rows.map((row) => [row.status, row.n])) as Partial<Record<OutboxRow["status"], number>>;
    },
    async page(query: { skip: number; limit: number; status?: OutboxRow["status"] }) {
      const where = query.status ? eq(outbox.status, query.status) : undefined;
      const [items, [total]] = await Promise.all([
        db.select().from(outbox).where(where).orderBy(desc(outbox.createdAt)).limit(query.limit).offset(query.skip),
        db.select({ n: count() }).from(outbox).where(where),
      ]);
      return { items, total: total!.n, skip: query.skip, limit: query.limit };
    },
    /** Forgets delivered messages older than `olderThanMs`; pending and dead ones are kept. */
    async purgeDelivered(olderThanMs: number) {
      await db.delete(outbox).where(and(eq(outbox.status, "DELIVERED"), lt(outbox.createdAt, new Date(Date.now() - olderThanMs).toISOString())));
    },
    async retryDead(ids: string[]) {
      if (!ids.length) return 0;
      const rows = await db.update(outbox).set({ status: "PENDING", nextAttemptAt: Date.now(), createdAt: new Date().toISOString() })
        .where(and(eq(notIndexed(outbox.status), "DEAD"), inList(outbox.id, ids))).returning({ id: outbox.id });
      wake?.();
      return rows.length;
    },
  };
}
