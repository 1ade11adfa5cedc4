import type { Order, OrderItem } from "../api/types";
import { yen } from "../format";

/** ※ after a reduced-rate item's name, as an invoice marks it. */
export const reducedMark = (item: OrderItem) => (item.tax_rate === 8 ? " ※" : "");

/** The 消費税 in the total, by rate, as an invoice states it: 10%対象 ¥2,200（内消費税 ¥200）. Rows of a table's foot. */
export function TaxLines({ order, labelSpan }: { order: Order; labelSpan: number }) {
  return (
    <>
      {order.tax_by_rate.map((line) => (
        <tr class="tax-line" data-testid="tax-line">
          <th colSpan={labelSpan}>{line.rate}%対象{line.rate === 8 && "（軽減税率）"}</th>
          <td class="num">{yen(line.amount)}（内消費税 {yen(line.tax)}）</td>
        </tr>
      ))}
    </>
  );
}

/** What ※ means, under a table with a reduced-rate item. */
export function ReducedRateLegend({ order }: { order: Order }) {
  return order.items.some((item) => item.tax_rate === 8) ? <p class="tax-legend">※は軽減税率（8%）対象商品です。価格はすべて税込です。</p> : <p class="tax-legend">価格はすべて税込です。</p>;
}
