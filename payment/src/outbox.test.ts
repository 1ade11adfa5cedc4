import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { createLogger } from "@platform/shared/logger";
import { enqueue } from "@platform/shared/outbox/outbox";
import { createOutboxRelay, pendingByIdsQuery } from "@platform/shared/outbox/outbox-relay";
import { outbox } from "@platform/shared/outbox/outbox.schema";
import { and, eq, inArray, like, sql } from "drizzle-orm";
import { inListParam } from "@platform/shared/sql-lists";
import { isDiskFull } from "@platform/shared/db-outage";
import { tempDir, waitFor } from "@platform/shared/testing/service-process";
import { openPaymentDb } from "./db/client";
import { testPaymentService } from "./test-service";

const silent = createLogger({ service: "test" }, "silent");

describe("the outbox relay", () => {
  let opened: Awaited<ReturnType<typeof openPaymentDb>>;
  beforeAll(async () => (opened = await openPaymentDb({ DATA_DIR: tempDir("outbox-") })));
  afterAll(() => opened.close());

  test("retries a failing delivery with growing, jittered delays until it succeeds", async () => {
    const attemptsAt: number[] = [];
    const relay = createOutboxRelay({
      db: opened.db, logger: silent, maxAgeMs: 60_000, pollMs: 20, baseDelayMs: 100,
      handlers: { flaky: async () => {
        attemptsAt.push(Date.now());
        if (attemptsAt.length < 4) throw new Error("receiver down");
      } },
    });
    await opened.db.transaction((tx) => enqueue(tx, { kind: "flaky", payload: { n: 1 } }));
    relay.start();
    await waitFor("delivery", async () => (await relay.counts()).DELIVERED === 1, 10_000);
    await relay.stop();
    expect(attemptsAt).toHaveLength(4);
    const gaps = attemptsAt.slice(1).map((at, i) => at - attemptsAt[i]!);
    // delay n is uniform in [50, 50 + 100 * 2^(n-1)] ms: never immediate, bounded by the exponential cap
    gaps.forEach((gap, i) => {
      expect(gap).toBeGreaterThanOrEqual(45);
      expect(gap).toBeLessThanOrEqual(50 + 100 * 2 ** i + 100);
    });
  });

  test("after the maximum age a message is dead-lettered, listed, and can be sent again by hand", async () => {
    let receiverUp = false;
    const service = await testPaymentService();
    await service.relay.stop(); // this test's relay, with its own handler, is the only one
    const relay = createOutboxRelay({
      db: service.db, logger: silent, maxAgeMs: 200, pollMs: 20, baseDelayMs: 50,
      handlers: { doomed: async () => { if (!receiverUp) throw new Error("nobody home"); } },
    });
    try {
      const [id] = await service.db.transaction((tx) => enqueue(tx, { kind: "doomed", payload: {} }));
      relay.start();
      await waitFor("dead letter", async () => (await relay.counts()).DEAD === 1);
      const dead = await (await service.request("GET", "/api/v1/outbox?status=DEAD")).json();
      expect(dead.items).toContainEqual(expect.objectContaining({ id, kind: "doomed", status: "DEAD", last_error: "nobody home" }));
      receiverUp = true;
      expect((await service.request("POST", `/api/v1/outbox/${id}/retry`)).status).toBe(202);
      await waitFor("delivered after the manual retry", async () => (await relay.counts()).DELIVERED === 1);
      expect((await service.request("POST", `/api/v1/outbox/${id}/retry`)).status).toBe(409);
    } finally {
      await relay.stop();
      await service.stop();
    }
  });

  test("a relay started on the same database later delivers what an earlier one left", async () => {
    const delivered: unknown[] = [];
    await opened.db.transaction((tx) => enqueue(tx, { kind: "later", payload: { n: 1 } }, { kind: "later", payload: { n: 2 } }));
    const relay = createOutboxRelay({ db: opened.db, logger: silent, maxAgeMs: 60_000, pollMs: 20, handlers: { later: async (m) => void delivered.push(m.payload) } });
    relay.start();
    await waitFor("both", () => delivered.length === 2);
    await relay.stop();
    expect(delivered).toEqual([{ n: 1 }, { n: 2 }]);
  });

  test("delivered messages older than the kept age are forgotten; pending and dead ones stay", async () => {
    const relay = createOutboxRelay({ db: opened.db, logger: silent, maxAgeMs: 60_000, pollMs: 20, handlers: { ok: async () => {} } });
    await opened.db.transaction((tx) => enqueue(tx, { kind: "ok", payload: {} }));
    relay.start();
    await waitFor("delivered", async () => (await relay.counts()).DELIVERED! >= 1);
    await relay.stop();
    await opened.db.transaction((tx) => enqueue(tx, { kind: "never-delivered", payload: {} }));
    const before = await relay.counts();
    await relay.purgeDelivered(0);
    const after = await relay.counts();
    expect(after.DELIVERED ?? 0).toBe(0);
    expect(after.PENDING).toBe(before.PENDING!);
  });

  test("messages of a batch kind go many to a call; a message the call refuses is retried alone", async () => {
    const calls: number[][] = [];
    let refuseTwoOnce = true;
    const relay = createOutboxRelay({
      db: opened.db, logger: silent, maxAgeMs: 60_000, pollMs: 20, baseDelayMs: 20, handlers: {},
      batchHandlers: { bulk: async (messages) => {
        calls.push(messages.map((m) => (m.payload as { n: number }).n));
        return messages.map((m) => ((m.payload as { n: number }).n === 2 && refuseTwoOnce ? ((refuseTwoOnce = false), new Error("busy")) : undefined));
      } },
    });
    const ids = await opened.db.transaction((tx) => enqueue(tx, ...[1, 2, 3].map((n) => ({ kind: "bulk", payload: { n } }))));
    const results = await relay.deliverNow(ids);
    expect(calls).toEqual([[1, 2, 3]]);
    expect(results.filter((r) => r.error)).toEqual([expect.objectContaining({ error: "busy" })]);
    relay.start();
    await waitFor("the refused one retried", () => calls.length === 2);
    await relay.stop();
    expect(calls[1]).toEqual([2]);
  });

  test("callers of deliverNow arriving during a delivery share the next call instead of one call each", async () => {
    const calls: number[] = [];
    const relay = createOutboxRelay({
      db: opened.db, logger: silent, maxAgeMs: 60_000, handlers: {},
      batchHandlers: { shared: async (messages) => (calls.push(messages.length), messages.map(() => undefined)) },
    });
    const ids = await Promise.all(Array.from({ length: 10 }, (_, n) => opened.db.transaction((tx) => enqueue(tx, { kind: "shared", payload: { n } }))));
    const results = await Promise.all(ids.map((id) => relay.deliverNow(id)));
    expect(results.flat().every((r) => !r.error)).toBe(true);
    expect(calls.reduce((a, b) => a + b, 0)).toBe(10); // each delivered once
    expect(calls.length).toBeLessThanOrEqual(2); // the first alone, the nine that waited together
  });

  test("a lane's delivery never waits for another lane's, while one lane's calls follow each other", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const relay = createOutboxRelay({
      db: opened.db, logger: silent, maxAgeMs: 60_000,
      handlers: { slow: async () => held, quick: async () => undefined },
    });
    const [slow, quick, slowToo] = await Promise.all(["slow", "quick", "slow"].map((kind) => opened.db.transaction((tx) => enqueue(tx, { kind, payload: {} }))));
    let firstDone = false;
    const first = relay.deliverNow(slow!, "mail").finally(() => (firstDone = true));
    await Bun.sleep(20); // the slow call is under way
    expect((await relay.deliverNow(quick!, "payment")).every((r) => !r.error)).toBe(true);
    expect(firstDone).toBe(false); // the payment lane did not wait for the mail lane's call
    let behindDone = false;
    const behind = relay.deliverNow(slowToo!, "mail").finally(() => (behindDone = true));
    await Bun.sleep(100);
    expect(behindDone).toBe(false); // the control: the same lane waits its turn
    release();
    expect((await first).every((r) => !r.error)).toBe(true);
    expect((await behind).every((r) => !r.error)).toBe(true);
  });

  test("the messages it is given are looked up by key, not found among every pending one", async () => {
    // SQLite chose outbox_due for this, reading every PENDING message: 12.6 ms a call after an outage
    // with a backlog of 50,000
    const plan = async (query: { sql: string }) => {
      const rows = await opened.db.all<{ detail: string }>(sql.raw(`explain query plan ${query.sql}`));
      return rows.map((row) => row.detail).join("; ");
    };
    expect(await plan(pendingByIdsQuery(opened.db).toSQL())).toContain("USING INDEX sqlite_autoindex_outbox_1 (id=?)");
    const indexed = opened.db.select().from(outbox).where(and(inListParam(outbox.id, "ids"), eq(outbox.status, "PENDING")));
    expect(await plan(indexed.toSQL())).toContain("USING INDEX outbox_due (status=?)"); // the control
  });
});

describe("transactions sharing a commit", () => {
  let opened: Awaited<ReturnType<typeof openPaymentDb>>;
  beforeAll(async () => (opened = await openPaymentDb({ DATA_DIR: tempDir("group-commit-") })));
  afterAll(() => opened.close());

  test("concurrent transactions each keep all or nothing: the one that throws is rolled back alone", async () => {
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, (_, n) => opened.db.transaction(async (tx) => {
      await enqueue(tx, { kind: "unit", payload: { n }, id: `msg_unit_${n}_a` });
      await enqueue(tx, { kind: "unit", payload: { n }, id: `msg_unit_${n}_b` });
      if (n === 7) throw new Error("changed my mind");
      return n;
    })));
    expect(outcomes.filter((o) => o.status === "rejected")).toEqual([expect.objectContaining({ reason: expect.objectContaining({ message: "changed my mind" }) })]);
    const stored = (await opened.db.select({ id: outbox.id }).from(outbox).where(like(outbox.id, "msg_unit_%"))).map((r) => r.id);
    expect(stored).toHaveLength(38);
    expect(stored).not.toContain("msg_unit_7_a");
  });

  test("a transaction alone (no savepoint) that throws leaves nothing, and the next one commits", async () => {
    await expect(opened.db.transaction(async (tx) => {
      await enqueue(tx, { kind: "unit", payload: {}, id: "msg_alone" });
      throw new Error("changed my mind");
    })).rejects.toThrow("changed my mind");
    await opened.db.transaction((tx) => enqueue(tx, { kind: "unit", payload: {}, id: "msg_next" }));
    const stored = (await opened.db.select({ id: outbox.id }).from(outbox).where(inArray(outbox.id, ["msg_alone", "msg_next"]))).map((r) => r.id);
    expect(stored).toEqual(["msg_next"]);
  });

  test("a statement failing inside one transaction does not undo the others of its commit", async () => {
    await opened.db.transaction((tx) => enqueue(tx, { kind: "unit", payload: {}, id: "msg_taken" }));
    const outcomes = await Promise.allSettled([
      opened.db.transaction((tx) => enqueue(tx, { kind: "unit", payload: {}, id: "msg_before" })),
      opened.db.transaction((tx) => enqueue(tx, { kind: "unit", payload: {}, id: "msg_taken" })), // primary key taken
      opened.db.transaction((tx) => enqueue(tx, { kind: "unit", payload: {}, id: "msg_after" })),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const stored = (await opened.db.select({ id: outbox.id }).from(outbox).where(inArray(outbox.id, ["msg_before", "msg_after"]))).map((r) => r.id);
    expect(stored.sort()).toEqual(["msg_after", "msg_before"]);
  });

  test("a full disk in one transaction of a commit (SQLite then rolls the whole commit back): every one of them fails with the disk-full error, none is half stored", async () => {
    const [{ page_count }] = (await opened.db.all(sql`pragma page_count`)) as [{ page_count: number }];
    await opened.db.run(sql.raw(`pragma max_page_count = ${page_count}`));
    try {
      const big = "x".repeat(20_000); // more than the file's free pages hold
      const outcomes = await Promise.allSettled([
        opened.db.transaction((tx) => enqueue(tx, { kind: "unit", payload: {}, id: "msg_full_before" })),
        opened.db.transaction((tx) => enqueue(tx, { kind: "unit", payload: { big, more: big, again: big }, id: "msg_full_big" })),
        opened.db.transaction((tx) => enqueue(tx, { kind: "unit", payload: {}, id: "msg_full_after" })),
      ]);
      expect(outcomes[1]!.status).toBe("rejected");
      for (const outcome of outcomes) if (outcome.status === "rejected") expect(isDiskFull(outcome.reason)).toBe(true);
      const stored = (await opened.db.select({ id: outbox.id }).from(outbox).where(like(outbox.id, "msg_full_%"))).map((r) => r.id);
      expect(stored.sort()).toEqual(outcomes.flatMap((o, i) => (o.status === "fulfilled" ? [["msg_full_before", "msg_full_big", "msg_full_after"][i]!] : [])).sort());
    } finally {
      await opened.db.run(sql.raw("pragma max_page_count = 1073741823"));
    }
  });
});
