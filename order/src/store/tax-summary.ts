import { sql } from "drizzle-orm";
import { jstDayRange } from "@platform/shared/jst-days";
import type { OrderDb } from "../db/client";
import { TAX_RATES, type TaxRate } from "../domain/consumption-tax";

type Sums = { day: string; rate: TaxRate; count: number; amount: number; tax: number };
const amounts = ["amount", "tax", "returned_amount", "returned_tax"] as const;

/**
 * The 消費税 in the sales of the orders shipped on each JST day from `from` to `to` (出荷基準: an
 * order is a sale when it ships), and in the returns recorded on those days (返還等対価), for each
 * rate: the tax-included amounts and their tax, the sum of each order's or return's own tax (rounded
 * once per rate, as its invoice has it: 積上げ計算). Only the days and rates that have some.
 */
export async function taxByDay(db: OrderDb, from: string, to: string) {
  const { start, end } = jstDayRange(from, to);
  const byDayAndRate = (lines: ReturnType<typeof sql>) => sql`
    select day, tax_rate as rate, count(*) as count, sum(amount) as amount, sum(amount * tax_rate / (100 + tax_rate)) as tax
    from (${lines}) group by day, tax_rate`;
  const [sales, returns] = await Promise.all([
    db.all<Sums>(byDayAndRate(sql`
      select date(h.created_at, '+9 hours') as day, i.tax_rate, sum(i.subtotal) as amount
      from order_status_history h join order_items i on i.order_id = h.order_id
      where h.to_status = 'SHIPPED' and h.created_at >= ${start} and h.created_at < ${end} group by h.order_id, i.tax_rate`)),
    db.all<Sums>(byDayAndRate(sql`
      select date(created_at, '+9 hours') as day, tax_rate, sum(amount) as amount
      from order_returns where created_at >= ${start} and created_at < ${end} group by return_id, tax_rate`)),
  ]);
  const days = [...new Set([...sales, ...returns].map((row) => row.day))].sort();
  return days.flatMap((day) => TAX_RATES.flatMap((rate) => {
    const sold = sales.find((row) => row.day === day && row.rate === rate), returned = returns.find((row) => row.day === day && row.rate === rate);
    if (!sold && !returned) return [];
    return [{ day, rate, orders: sold?.count ?? 0, amount: sold?.amount ?? 0, tax: sold?.tax ?? 0, returns: returned?.count ?? 0, returned_amount: returned?.amount ?? 0, returned_tax: returned?.tax ?? 0 }];
  }));
}

/**
 * The same for the whole span, by rate. Refunds made by hand, with no return recorded, are the
 * payment ledger's; the shipped orders with one are counted, for finance to adjust.
 */
export async function taxSummary(db: OrderDb, from: string, to: string) {
  const { start, end } = jstDayRange(from, to);
  const shipped = sql`select order_id from order_status_history where to_status = 'SHIPPED' and created_at >= ${start} and created_at < ${end}`;
  const [days, [counts]] = await Promise.all([
    taxByDay(db, from, to),
    db.all<{ orders: number; refunded: number }>(sql`
      select count(*) as orders,
        coalesce(sum(payment_status in ('REFUNDED', 'PARTIALLY_REFUNDED') and not exists (select 1 from order_returns r where r.order_id = orders.id)), 0) as refunded
      from orders where id in (${shipped})`),
  ]);
  const sumOf = <K extends "orders" | "returns" | (typeof amounts)[number]>(rows: typeof days, key: K) => rows.reduce((total, row) => total + row[key], 0);
  const rows = TAX_RATES.flatMap((rate) => {
    const ofRate = days.filter((row) => row.rate === rate);
    if (!ofRate.length) return [];
    return [{ rate, orders: sumOf(ofRate, "orders"), amount: sumOf(ofRate, "amount"), tax: sumOf(ofRate, "tax"), returns: sumOf(ofRate, "returns"), returned_amount: sumOf(ofRate, "returned_amount"), returned_tax: sumOf(ofRate, "returned_tax") }];
  });
  return {
    from, to, basis: "shipped" as const,
    orders: counts!.orders,
    refunded_orders: counts!.refunded,
    by_rate: rows,
    total: Object.fromEntries(amounts.map((key) => [key, sumOf(days, key)])) as Record<(typeof amounts)[number], number>,
  };
}
