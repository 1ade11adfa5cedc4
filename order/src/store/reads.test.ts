import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { asc, desc, eq } from "drizzle-orm";
import { rowsStatement } from "@platform/shared/rows-statement";
import { tempDir } from "@platform/shared/testing/service-process";
import { openOrderDb, type OrderDb } from "../db/client";
import { importOrders, orderItems, orders } from "../db/schema";
import { createOrderStore } from "./order-store";
import { filtered } from "./order-filter";
import { statementsOf } from "./statements";

// Reads on a local file: outside a transaction from the read connection (committed data, no wait for
// the writer), inside one from the transaction; the hottest reads without drizzle's row mapping.
let db: OrderDb;
let close: () => void;
beforeAll(async () => ({ db, close } = await openOrderDb({ DATA_DIR: tempDir("order-reads-") })));
afterAll(() => close());

const anOrder = { customer_name: "山田 太郎", customer_email: "taro@example.jp", items: [{ product_name: "抹茶", quantity: 2, unit_price: 1750, tax_rate: 8 as const }, { product_name: "煎茶", quantity: 1, unit_price: 900, tax_rate: 8 as const }] };

describe("rowsStatement", () => {
  test("reads the same rows as drizzle's select, nulls and numbers included", async () => {
    const store = createOrderStore(db);
    const { order } = await db.transaction((tx) => store.insert(tx, anOrder));
    const statements = statementsOf(db);
    expect(await statements.orderById.all({ id: order.id })).toEqual(await db.select().from(orders).where(eq(orders.id, order.id)));
    expect(await statements.itemsOf.all({ id: order.id })).toEqual(await db.select().from(orderItems).where(eq(orderItems.order_id, order.id)).orderBy(asc(orderItems.position)));
    expect((await statements.itemsOf.all({ id: order.id })).map((item) => item.product_name)).toEqual(["抹茶", "煎茶"]);
  });

  test("inside a transaction it reads the transaction's own writes", async () => {
    const store = createOrderStore(db);
    const seen = await db.transaction(async (tx) => {
      const { order } = await store.insert(tx, anOrder);
      return (await store.get(order.id)).items.length;
    });
    expect(seen).toBe(2);
  });

  test("refuses a table whose rows need drizzle's mapping (a boolean column)", () => {
    expect(() => rowsStatement(db, importOrders, db.select().from(importOrders))).toThrow(/payment_done needs drizzle's mapping/);
  });
});

describe("reads outside a transaction", () => {
  test("answer while a transaction is open, without its uncommitted writes, and see them once committed", async () => {
    const store = createOrderStore(db);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inserted!: (id: string) => void;
    const insertedId = new Promise<string>((resolve) => (inserted = resolve));
    const writing = db.transaction(async (tx) => {
      const { order } = await store.insert(tx, anOrder);
      inserted(order.id);
      await held; // the transaction stays open until the reads below have answered
      return order.id;
    });
    const id = await insertedId;
    expect(await db.select().from(orders).where(eq(orders.id, id))).toEqual([]);
    expect(await statementsOf(db).orderById.all({ id })).toEqual([]);
    await expect(store.get(id)).rejects.toMatchObject({ status: 404 });
    release();
    await writing;
    expect((await store.get(id)).items).toHaveLength(2);
  }, 5_000); // reads that waited for the writer would wait here for good
});

test("the reconciler's search reads the few cancelled orders not yet refunded, not every cancelled order", async () => {
  const { sql, params } = createOrderStore(db).needingReconciliation(new Date().toISOString()).toSQL();
  const plan = (await db.$client.execute({ sql: `explain query plan ${sql}`, args: params as never })).rows.map((row) => String(row.detail));
  expect(plan).toContainEqual(expect.stringContaining("USING INDEX orders_unrefunded"));
});

test("the orders wished delivered by a day (the overview asks every 5 s) are read through the wish's index, not every order of their status", async () => {
  const { sql, params } = db.select().from(orders).where(filtered({ status: "PAID", delivery_by: "2026-12-03" })).orderBy(desc(orders.id)).limit(20).toSQL();
  const plan = (await db.$client.execute({ sql: `explain query plan ${sql}`, args: params as never })).rows.map((row) => String(row.detail));
  expect(plan).toContainEqual(expect.stringContaining("USING INDEX orders_delivery"));
  expect(plan).not.toContainEqual(expect.stringContaining("orders_status"));
});
