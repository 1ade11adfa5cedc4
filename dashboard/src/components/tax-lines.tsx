import { TAX_RATE } from "@platform/shared/contracts/tax";
import type { Order, OrderItem, OrderReturn } from "../api/types";
import { yen } from "../format";

/** ※ after a reduced-rate item's name, as an invoice marks it. */
export const reducedMark = (item: OrderItem) => (item.tax_rate === TAX_RATE.reduced ? " ※" : "");

/** The 消費税 in the total, by rate, as an invoice states it: 10%対象 ¥2,200（内消費税 ¥200）. Rows of a table's foot. */
export function TaxLines({ order, labelSpan }: { order: Order; labelSpan: number }) {
  return (
    <>
      {order.tax_by_rate.map((line) => (
        <tr class="tax-line" data-testid="tax-line">
          <th colSpan={labelSpan}>{line.rate}%対象{line.rate === TAX_RATE.reduced && "（軽減税率）"}</th>
          <td class="num">{yen(line.amount)}（内消費税 {yen(line.tax)}）</td>
        </tr>
      ))}
    </>
  );
}

/** What ※ means, under a table with a reduced-rate item. */
export function ReducedRateLegend({ order }: { order: Order }) {
  return order.items.some((item) => item.tax_rate === TAX_RATE.reduced) ? <p class="tax-legend">※は軽減税率（8%）対象商品です。価格はすべて税込です。</p> : <p class="tax-legend">価格はすべて税込です。</p>;
}

/**
 * What the order's returns (返品・欠品) took off, as rows of a table's foot: each returned item when
 * `returns` are given (a slip), else their total; then what remains. Nothing for an order without.
 */
export function ReturnedLines({ order, returns, labelSpan }: { order: Order; returns?: OrderReturn[]; labelSpan: number }) {
  if (!order.returned_amount) return null;
  const lines = returns?.flatMap((r) => r.items) ?? [];
  return (
    <>
      {lines.length ? lines.map((item) => (
        <tr class="returned-line" data-testid="returned-line"><th colSpan={labelSpan}>返品・欠品：{item.product_name}{item.tax_rate === TAX_RATE.reduced && " ※"} ×{item.quantity}</th><td class="num">−{yen(item.amount)}</td></tr>
      )) : <tr class="returned-line" data-testid="returned-line"><th colSpan={labelSpan}>返品・欠品</th><td class="num">−{yen(order.returned_amount)}</td></tr>}
      {returns && taxOfReturns(returns).map((line) => (
        <tr class="tax-line"><th colSpan={labelSpan}>返品・欠品 {line.rate}%対象</th><td class="num">−{yen(line.amount)}（内消費税 −{yen(line.tax)}）</td></tr>
      ))}
      <tr><th colSpan={labelSpan}>差引合計</th><td class="num" data-testid="net-total">{yen(order.total_amount - order.returned_amount)}</td></tr>
    </>
  );
}

/** The returns' tax by rate, each return's own summed (as the API rounds it). */
const taxOfReturns = (returns: OrderReturn[]) =>
  Object.values(TAX_RATE).flatMap((rate) => {
    const lines = returns.flatMap((r) => r.tax_by_rate).filter((line) => line.rate === rate);
    return lines.length ? [{ rate, amount: lines.reduce((n, l) => n + l.amount, 0), tax: lines.reduce((n, l) => n + l.tax, 0) }] : [];
  });
