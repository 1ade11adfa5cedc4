import { expect, test } from "bun:test";
import { sql } from "drizzle-orm";
import { databaseBefore } from "@platform/shared/testing/older-database";
import { trackingKey } from "@platform/shared/tracking-number";
import { createOrderStore } from "../store/order-store";
import { openOrderDb } from "./client";

test("upgrading a database with orders shipped before: a carrier's list finds them by tracking number however written (migration 0007)", async () => {
  const old = await databaseBefore("order", new URL("../../drizzle/", import.meta.url), "0007_tracking_key");
  for (const [id, status, tracking] of [["ord_hyphens", "SHIPPED", "1234-5678-9012"], ["ord_wide", "SHIPPED", "９８７６－５４３２ー１０９８"], ["ord_paid", "PAID", null]] as const) {
    await old.db.run(sql`insert into orders (id, customer_name, customer_email, status, total_amount, currency, carrier, tracking_number, created_at, updated_at)
      values (${id}, '配達 一郎', 'ichiro@example.jp', ${status}, 1000, 'JPY', 'ヤマト運輸', ${tracking}, '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')`);
  }
  old.close();

  const upgraded = await openOrderDb(old.settings);
  try {
    const store = createOrderStore(upgraded.db);
    expect(await store.shippedUnder([trackingKey("123456789012")])).toEqual([{ id: "ord_hyphens", tracking_key: "123456789012" }]);
    expect(await store.shippedUnder([trackingKey("9876 5432 1098")])).toEqual([{ id: "ord_wide", tracking_key: "987654321098" }]);
    expect(await upgraded.db.all(sql`select id from orders where tracking_key is null`)).toEqual([{ id: "ord_paid" }]);
  } finally {
    upgraded.close();
  }
});
