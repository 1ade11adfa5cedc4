import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { tempDir } from "@platform/shared/testing/service-process";
import { openOrderDb, type OrderDb } from "../db/client";
import { orderReturns, statusHistory } from "../db/schema";
import { createOrderStore } from "./order-store";
import { taxByDay, taxSummary } from "./tax-summary";

// The days of the tax summary on a local file, with shipments and returns written at the instants
// that decide a JST day: 15:00 UTC is midnight in Japan.
let db: OrderDb;
let close: () => void;
beforeAll(async () => ({ db, close } = await openOrderDb({ DATA_DIR: tempDir("order-tax-days-") })));
afterAll(() => close());

async function shippedAt(at: string, items: { quantity: number; unit_price: number; tax_rate: 10 | 8 }[]) {
  const store = createOrderStore(db);
  const { order } = await db.transaction((tx) => store.insert(tx, {
    customer_name: "山田 太郎", customer_email: "taro@example.jp", items: items.map((item, i) => ({ product_name: `品${i}`, ...item })),
  }));
  await db.insert(statusHistory).values({ order_id: order.id, from_status: "PAID", to_status: "SHIPPED", actor: "test", created_at: at });
  return order;
}

async function returnedAt(at: string, order: Awaited<ReturnType<typeof shippedAt>>, item: number) {
  const { id, product_name, unit_price, tax_rate } = (await createOrderStore(db).get(order.id)).items[item]!;
  await db.insert(orderReturns).values({ return_id: `ret_${at}`, order_id: order.id, item_id: id, product_name, quantity: 1, unit_price, amount: unit_price, tax_rate, created_at: at });
}

describe("taxByDay", () => {
  test("each sale on the JST day it shipped, each return on the day it was recorded, by rate; the days add up to the span's summary", async () => {
    const late = await shippedAt("2026-10-31T14:59:59.999Z", [{ quantity: 1, unit_price: 1100, tax_rate: 10 }]); // 23:59 on 10-31 in Japan
    await shippedAt("2026-10-31T15:00:00.000Z", [{ quantity: 1, unit_price: 105, tax_rate: 10 }, { quantity: 1, unit_price: 1080, tax_rate: 8 }]); // 11-01 00:00
    await shippedAt("2026-11-01T03:00:00.000Z", [{ quantity: 1, unit_price: 105, tax_rate: 10 }]);
    await returnedAt("2026-11-02T01:00:00.000Z", late, 0); // the 10-31 sale given back on 11-02
    await shippedAt("2026-11-30T15:00:00.000Z", [{ quantity: 1, unit_price: 540, tax_rate: 8 }]); // 12-01: outside November

    expect(await taxByDay(db, "2026-11-01", "2026-11-30")).toEqual([
      // ¥105 at 10 % in each of two orders, each order's own tax rounded down: 9 + 9, where rounding the day's ¥210 once would give 19
      { day: "2026-11-01", rate: 10, orders: 2, amount: 210, tax: 18, returns: 0, returned_amount: 0, returned_tax: 0 },
      { day: "2026-11-01", rate: 8, orders: 1, amount: 1080, tax: 80, returns: 0, returned_amount: 0, returned_tax: 0 },
      { day: "2026-11-02", rate: 10, orders: 0, amount: 0, tax: 0, returns: 1, returned_amount: 1100, returned_tax: 100 },
    ]);
    expect(await taxByDay(db, "2026-10-31", "2026-10-31")).toEqual([
      { day: "2026-10-31", rate: 10, orders: 1, amount: 1100, tax: 100, returns: 0, returned_amount: 0, returned_tax: 0 },
    ]);

    const days = await taxByDay(db, "2026-10-01", "2026-12-31");
    const summary = await taxSummary(db, "2026-10-01", "2026-12-31");
    for (const rate of [10, 8]) {
      const ofRate = days.filter((day) => day.rate === rate);
      const sum = (key: "orders" | "amount" | "tax" | "returned_amount" | "returned_tax") => ofRate.reduce((total, day) => total + day[key], 0);
      expect(summary.by_rate.find((row) => row.rate === rate)).toMatchObject({ orders: sum("orders"), amount: sum("amount"), tax: sum("tax"), returned_amount: sum("returned_amount"), returned_tax: sum("returned_tax") });
    }
    expect(summary).toMatchObject({ orders: 4, total: { amount: 1100 + 210 + 1080 + 540, tax: 100 + 18 + 80 + 40, returned_amount: 1100, returned_tax: 100 } });
  });

  test("a span with nothing shipped or returned has no lines", async () => {
    expect(await taxByDay(db, "2020-01-01", "2020-01-31")).toEqual([]);
  });
});
