import { afterAll, beforeAll, expect, test } from "bun:test";
import { sql } from "drizzle-orm";
import { databaseBefore } from "@platform/shared/testing/older-database";
import { tempDir } from "@platform/shared/testing/service-process";
import { openPaymentDb } from "./client";
import { refunds } from "./schema";

let opened: Awaited<ReturnType<typeof openPaymentDb>>;
beforeAll(async () => (opened = await openPaymentDb({ DATA_DIR: tempDir("db-") })));
afterAll(() => opened.close());

test("the connection runs in WAL mode with a busy timeout and foreign keys on", async () => {
  expect(await opened.db.get(sql`pragma journal_mode`)).toEqual({ journal_mode: "wal" });
  expect(await opened.db.get(sql`pragma busy_timeout`)).toEqual({ timeout: 5000 });
  expect(await opened.db.get(sql`pragma foreign_keys`)).toEqual({ foreign_keys: 1 });
});

test("the group commit's savepoint journals stay in memory, not in temporary files", async () => {
  expect(await opened.db.get(sql`pragma temp_store`)).toEqual({ temp_store: 2 }); // MEMORY
});

test("foreign keys are enforced: a refund of an unknown payment is refused", async () => {
  const insert = opened.db.insert(refunds).values({ id: "rfd_x", payment_id: "pay_missing", amount: 1, created_at: new Date().toISOString() });
  const error = await insert.then(() => undefined, (e: Error) => e);
  expect(String((error?.cause as Error | undefined)?.message)).toContain("FOREIGN KEY");
});

test("concurrent transactions from one process are serialized, not refused as busy", async () => {
  await Promise.all(Array.from({ length: 50 }, (_, i) => opened.db.transaction(async (tx) => {
    await tx.run(sql`create table if not exists counter (n integer)`);
    await tx.run(sql`insert into counter values (${i})`);
  })));
  expect(await opened.db.get(sql`select count(*) as n from counter`)).toEqual({ n: 50 });
});

test("inside a transaction the ordinary db joins it, and a failure rolls all of it back", async () => {
  await opened.db.run(sql`create table if not exists notes (text text)`);
  await opened.db.transaction(async () => {
    await opened.db.run(sql`insert into notes values ('kept')`);
  });
  const failing = opened.db.transaction(async (tx) => {
    await tx.run(sql`insert into notes values ('rolled back 1')`);
    await opened.db.run(sql`insert into notes values ('rolled back 2')`);
    throw new Error("abort");
  });
  expect(failing).rejects.toThrow("abort");
  await failing.catch(() => {});
  expect(await opened.db.all(sql`select text from notes`)).toEqual([{ text: "kept" }]);
});

test("a statement from outside waits for the open transaction instead of landing inside it", async () => {
  await opened.db.run(sql`create table if not exists ledger (n integer)`);
  const slow = opened.db.transaction(async (tx) => {
    await tx.run(sql`insert into ledger values (1)`);
    await Bun.sleep(50);
    throw new Error("rolled back");
  });
  await Bun.sleep(10);
  const outside = opened.db.run(sql`insert into ledger values (2)`);
  await slow.catch(() => {});
  await outside;
  expect(await opened.db.all(sql`select n from ledger`)).toEqual([{ n: 2 }]);
});

test("upgrading a database of the first release dates the money already taken (migration 0001)", async () => {
  // the first release's schema alone, as a database made by it would have
  const old = await databaseBefore("payment", new URL("../../drizzle/", import.meta.url), "0001_payment_completed_at");
  for (const [id, status] of [["pay_done", "COMPLETED"], ["pay_part", "PARTIALLY_REFUNDED"], ["pay_failed", "FAILED"]] as const) {
    await old.db.run(sql`insert into payments (id, order_id, amount, currency, status, created_at, updated_at) values (${id}, ${`ord_${id}`}, 1000, 'JPY', ${status}, '2026-11-30T14:59:00.000Z', '2026-11-30T15:01:00.000Z')`);
  }
  old.close();

  const upgraded = await openPaymentDb(old.settings);
  const rows = await upgraded.db.all<{ id: string; completed_at: string | null }>(sql`select id, completed_at from payments order by id`);
  upgraded.close();
  expect(rows).toEqual([
    { id: "pay_done", completed_at: "2026-11-30T15:01:00.000Z" }, // its last move was the completion
    { id: "pay_failed", completed_at: null }, // took no money
    { id: "pay_part", completed_at: "2026-11-30T14:59:00.000Z" }, // moved since (a refund): its creation, as the ledger dated it before
  ]);
});
