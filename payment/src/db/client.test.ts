import { afterAll, beforeAll, expect, test } from "bun:test";
import { sql } from "drizzle-orm";
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
