import { sql } from "drizzle-orm";
import { jstDayRange } from "@platform/shared/jst-days";
import type { OrderDb } from "../db/client";
import type { TaxRate } from "../domain/consumption-tax";

type RateRow = { rate: TaxRate; orders: number; amount: number; tax: number };

/**
 * The 消費税 in the sales of the orders shipped between two JST days (出荷基準: an order is a sale
 * when it ships): for each rate, the tax-included amount and the tax, the sum of each order's own
 * tax (as its invoice rounds it, once per rate: 積上げ計算). Refunds are the payment ledger's; the
 * orders among these whose payment was refunded, in part or whole, are counted for finance to adjust.
 */
export async function taxSummary(db: OrderDb, from: string, to: string) {
  const { start, end } = jstDayRange(from, to);
  const shipped = sql`select order_id from order_status_history where to_status = 'SHIPPED' and created_at >= ${start} and created_at < ${end}`;
  const [byRate, [counts]] = await Promise.all([
    db.all<RateRow>(sql`
      select tax_rate as rate, count(*) as orders, sum(amount) as amount, sum(amount * tax_rate / (100 + tax_rate)) as tax
      from (select order_id, tax_rate, sum(subtotal) as amount from order_items where order_id in (${shipped}) group by order_id, tax_rate)
      group by tax_rate order by tax_rate desc`),
    db.all<{ orders: number; refunded: number }>(sql`
      select count(*) as orders, coalesce(sum(payment_status in ('REFUNDED', 'PARTIALLY_REFUNDED')), 0) as refunded
      from orders where id in (${shipped})`),
  ]);
  return {
    from, to, basis: "shipped" as const,
    orders: counts!.orders,
    refunded_orders: counts!.refunded,
    by_rate: byRate,
    total: { amount: byRate.reduce((sum, row) => sum + row.amount, 0), tax: byRate.reduce((sum, row) => sum + row.tax, 0) },
  };
}
