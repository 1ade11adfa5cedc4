import { deliveryText } from "@platform/shared/delivery";
import type { Order, OrderReturn } from "../api/types";
import { jstDate, yen } from "../format";
import { ReducedRateLegend, reducedMark, ReturnedLines, TaxLines } from "./tax-lines";

declare global {
  interface Window {
    PLATFORM_SHOP?: { name: string; registration_number: string | null };
  }
}

/** The shop as the mails give it (SHOP_NAME) and its invoice registration number, through /config.js, which always sets both. */
const shop = () => window.PLATFORM_SHOP ?? { name: "", registration_number: null };

/**
 * A packing slip (納品書) for the parcel: who it is for, the order as the customer knows it (the
 * storefront's number for an imported order), the items and the total. One printed page each. With
 * the shop's registration number it is also a qualified simplified invoice (適格簡易請求書): the
 * reduced-rate items marked, the tax-included total and its tax for each rate. Items out of stock or
 * returned (`returns`) are listed below the total with their tax, and what remains.
 */
export function PackingSlip({ order, issued, returns }: { order: Order; issued: string; returns?: OrderReturn[] }) {
  const address = order.shipping_address;
  return (
    <article class="slip" data-testid="slip" data-order={order.id}>
      <h3>納品書</h3>
      <p class="slip-issued">発行日 {jstDate(issued)}</p>
      <div class="slip-parties">
        <address>
          {address && <>〒{address.postal_code}<br />{address.prefecture}{address.address_line1}{address.address_line2 && <><br />{address.address_line2}</>}<br /></>}
          <span class="slip-customer">{order.customer_name} 様</span>
        </address>
        <p class="slip-shop">{shop().name}{shop().registration_number && <><br /><span data-testid="registration-number">登録番号 {shop().registration_number}</span></>}</p>
      </div>
      <p>この度はお買い上げいただき、誠にありがとうございます。下記の通り納品いたします。</p>
      <dl class="slip-order">
        <dt>ご注文番号</dt><dd>{order.external_ref ?? order.id}</dd>
        <dt>ご注文日</dt><dd>{jstDate(order.created_at)}</dd>
        {(order.delivery_date || order.delivery_time) && <><dt>お届け希望日時</dt><dd>{deliveryText(order.delivery_date, order.delivery_time)}</dd></>}
      </dl>
      <table>
        <thead><tr><th>商品名</th><th class="num">単価</th><th class="num">数量</th><th class="num">金額</th></tr></thead>
        <tbody>{order.items.map((item) => <tr><td>{item.product_name}{reducedMark(item)}</td><td class="num">{yen(item.unit_price)}</td><td class="num">{item.quantity}</td><td class="num">{yen(item.subtotal)}</td></tr>)}</tbody>
        <tfoot><tr><th colSpan={3}>合計</th><td class="num">{yen(order.total_amount)}</td></tr><TaxLines order={order} labelSpan={3} /><ReturnedLines order={order} returns={returns} labelSpan={3} /></tfoot>
      </table>
      <ReducedRateLegend order={order} />
      {order.external_ref && <p class="slip-ref">管理番号 {order.id}</p>}
    </article>
  );
}
