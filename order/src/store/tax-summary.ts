import { sql } from "drizzle-orm";
import { jstDayRange } from "@platform/shared/jst-days";
import type { OrderDb } from "../db/client";
import { TAX_RATES, type TaxRate } from "../domain/consumption-tax";

type Sums = { rate: TaxRate; orders: number; amount: number; tax: number };

/**
 * The 消費税 in the sales of the orders shipped between two JST days (出荷基準: an order is a sale
 * when it ships), and in the returns recorded on those days (返還等対価), for each rate: the
 * tax-included amounts and their tax, the sum of each order's or return's own tax (rounded once per
 * rate, as its invoice has it: 積上げ計算). Refunds made by hand, with no return recorded, are the
 * payment ledger's; the shipped orders with one are counted, for finance to adjust.
 */
export async function taxSummary(db: OrderDb, from: string, to: string) {
  const { start, end } = jstDayRange(from, to);
  const shipped = sql`select order_id from order_status_history where to_status = 'SHIPPED' and created_at >= ${start} and created_at < ${end}`;
  const byRate = (lines: ReturnType<typeof sql>) => sql`
    select tax_rate as rate, count(*) as orders, sum(amount) as amount, sum(amount * tax_rate / (100 + tax_rate)) as tax
    from (${lines}) group by tax_rate`;
  const [sales, returns, [counts]] = await Promise.all([
    db.all<Sums>(byRate(sql`select tax_rate, sum(subtotal) as amount from order_items where order_id in (${shipped}) group by order_id, tax_rate`)),
    db.all<Sums>(byRate(sql`select tax_rate, sum(amount) as amount from order_returns where created_at >= ${start} and created_at < ${end} group by return_id, tax_rate`)),
    db.all<{ orders: number; refunded: number }>(sql`
      select count(*) as orders,
        coalesce(sum(payment_status in ('REFUNDED', 'PARTIALLY_REFUNDED') and not exists (select 1 from order_returns r where r.order_id = orders.id)), 0) as refunded
      from orders where id in (${shipped})`),
  ]);
  const rows = TAX_RATES.flatMap((rate) => {
    const sold = sales.find((row) => row.rate === rate), returned = returns.find((row) => row.rate === rate);
    if (!sold && !returned) return [];
    return [{ rate, orders: sold?.orders ?? 0, amount: sold?.amount ?? 0, tax: sold?.tax ?? 0, returns: returned?.orders ?? 0, returned_amount: returned?.amount ?? 0, returned_tax: returned?.tax ?? 0 }];
  });
  const sum = (key: "amount" | "tax" | "returned_amount" | "returned_tax") => rows.reduce((total, row) => total + row[key], 0);
  return {
    from, to, basis: "shipped" as const,
    orders: counts!.orders,
    refunded_orders: counts!.refunded,
    by_rate: rows,
    total: { amount: sum("amount"), tax: sum("tax"), returned_amount: sum("returned_amount"), returned_tax: sum("returned_tax") },
  };
}
