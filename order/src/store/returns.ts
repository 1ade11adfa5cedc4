import { asc, eq, sql } from "drizzle-orm";
import type { OrderDb } from "../db/client";
import { orderReturns } from "../db/schema";
import { taxByRate } from "../domain/consumption-tax";
import type { ReturnLine } from "../domain/order-return";
import type { Tx } from "./order-store";

type Reader = Pick<OrderDb, "select">;
export type ReturnView = ReturnType<typeof viewOf>;

/** How many of each item of an order came back before. */
export async function returnedQuantities(db: Reader, orderId: string) {
  const rows = await db.select({ item_id: orderReturns.item_id, n: sql<number>`sum(${orderReturns.quantity})` }).from(orderReturns)
    .where(eq(orderReturns.order_id, orderId)).groupBy(orderReturns.item_id);
  return new Map(rows.map((row) => [row.item_id, Number(row.n)]));
}

/** Records a return, one row per item; answers it as returnsOf reads it. */
export async function insertReturn(tx: Tx, r: { id: string; orderId: string; lines: ReturnLine[]; reason?: string; operator?: string }) {
  const created_at = new Date().toISOString();
  const rows = await tx.insert(orderReturns).values(r.lines.map((line) => ({ return_id: r.id, order_id: r.orderId, ...line, reason: r.reason ?? null, operator: r.operator ?? null, created_at }))).returning();
  return viewOf(r.id, rows);
}

/** The Payment Service made the return's refund. */
export const markRefunded = (tx: Pick<OrderDb, "update">, returnId: string) =>
  tx.update(orderReturns).set({ refunded_at: new Date().toISOString() }).where(eq(orderReturns.return_id, returnId));

/** An order's returns, oldest first, each with its items, amount and the tax in it by rate. */
export async function returnsOf(db: Reader, orderId: string) {
  const rows = await db.select().from(orderReturns).where(eq(orderReturns.order_id, orderId)).orderBy(asc(orderReturns.id));
  return [...Map.groupBy(rows, (row) => row.return_id).entries()].map(([id, lines]) => viewOf(id, lines));
}

function viewOf(id: string, lines: (typeof orderReturns.$inferSelect)[]) {
  const [first] = lines as [typeof lines[number]];
  const items = lines.map(({ item_id, product_name, quantity, unit_price, amount, tax_rate }) => ({ item_id, product_name, quantity, unit_price, amount, tax_rate }));
  return {
    id, order_id: first.order_id, items, amount: items.reduce((sum, item) => sum + item.amount, 0),
    tax_by_rate: taxByRate(items.map((item) => ({ tax_rate: item.tax_rate, subtotal: item.amount }))),
    reason: first.reason, operator: first.operator, created_at: first.created_at, refunded_at: first.refunded_at,
  };
}
