import { useEffect, useState } from "preact/hooks";
import { addressText } from "@platform/shared/address";
import { deliveryText } from "@platform/shared/delivery";
import { api } from "../api/endpoints";
import { AddressEdit } from "../components/address-edit";
import { Badge } from "../components/badge";
import { ConfirmButton } from "../components/confirm";
import { ContactEdit } from "../components/contact-edit";
import { CustomerErasure } from "../components/customer-erasure";
import { NotificationView } from "../components/notification-view";
import { OrderNotes } from "../components/order-notes";
import { ReducedRateLegend, reducedMark, ReturnedLines, TaxLines } from "../components/tax-lines";
import { OrderReturns } from "../components/order-returns";
import { RefundControl, RefundHistory } from "../components/refund";
import { ResendControl } from "../components/resend";
import { ShipForm } from "../components/ship-form";
import { LoadError, Loading } from "../components/status";
import { actorLabel, jstTime, orderStatusLabels, paymentStatusLabels, phoneForPeople, yen } from "../format";
import { resource } from "../state/resource";
import { notify } from "../state/toasts";
import { reasonOf } from "../messages";

export function OrderDetailPage({ id }: { id: string }) {
  const [state] = useState(() => ({
    order: resource(() => api.order(id)),
    history: resource(() => api.orderHistory(id)),
    payment: resource(() => api.paymentOfOrder(id)),
    notifications: resource(() => api.notificationsOfOrder(id)),
    notes: resource(() => api.orderNotes(id)),
  }));
  const reload = () => Object.values(state).forEach((r) => void r.reload());
  useEffect(() => {
    reload();
    const timer = setInterval(reload, 2000); // the page follows the order as payment and mail happen
    return () => clearInterval(timer);
  }, [id]);
  const order = state.order.data.value;
  const payment = state.payment.data.value;

  async function act(what: string, call: () => Promise<unknown>) {
    try {
      await call();
      notify("success", `${what}しました。`);
    } catch (error) {
      notify("error", `${what}できませんでした：${reasonOf(error)}`);
    }
    reload();
  }

  if (!order) return <section><Loading when={state.order.loading.value} /><LoadError error={state.order.error.value} /></section>;
  const can = (status: string) => order.allowed_next.includes(status);
  return (
    <section>
      <p><a href="#/orders">← 注文一覧</a></p>
      <h2>注文 {order.id}</h2>
      <p class="status-line">ステータス：<Badge status={order.status} labels={orderStatusLabels} /> ・ 作成 {jstTime(order.created_at)}</p>
      <div class="actions" role="group" aria-label="注文の操作">
        {can("SHIPPED") && (
          <ShipForm onShip={(shipping) => act("発送済みに", () => api.moveOrder(id, { status: "SHIPPED", ...shipping }))} />
        )}
        {can("DELIVERED") && <button type="button" class="primary" onClick={() => act("配達完了に", () => api.moveOrder(id, { status: "DELIVERED" }))}>配達完了にする</button>}
        {can("CANCELLED") && (
          <ConfirmButton label="注文をキャンセル" confirmLabel="キャンセルを確定" danger
            question={order.status === "PAID" ? `この注文をキャンセルし、${yen(order.total_amount)} を返金します。よろしいですか？` : "この注文をキャンセルします。よろしいですか？"}
            onConfirm={() => act("キャンセル", () => api.cancelOrder(id))} />
        )}
        {!order.allowed_next.length && <p>この注文に行える操作はありません。</p>}
      </div>

      <h3>お客様</h3>
      {order.erased_at ? <p data-testid="erased">お客様の依頼により、個人情報を消去しました（{jstTime(order.erased_at)}）。</p> : (
        <>
          <p>{order.customer_name} 様 ・ {order.customer_email}{order.customer_phone ? <> ・ <span title={order.customer_phone}>{phoneForPeople(order.customer_phone)}</span></> : ""}
            {" ・ "}<a href={`#/orders?q=${encodeURIComponent(order.customer_email)}`}>このお客様の注文をすべて見る</a></p>
          {/* erasure is offered once the order is settled: one still under way needs the customer's data */}
          <div class="actions-row"><ContactEdit order={order} onDone={reload} /> {!order.allowed_next.length && <CustomerErasure order={order} onDone={reload} />}</div>
        </>
      )}

      <h3>配送先</h3>
      <p data-testid="shipping-address">{order.shipping_address ? addressText(order.shipping_address) : "配送先は登録されていません。"}</p>
      {(order.delivery_date || order.delivery_time) && <p data-testid="delivery-wish">お届け希望：{deliveryText(order.delivery_date, order.delivery_time)}</p>}
      {!order.erased_at && <AddressEdit order={order} onDone={reload} />}

      <h3>商品</h3>
      <table>
        <thead><tr><th>商品名</th><th class="num">単価</th><th class="num">数量</th><th class="num">小計</th></tr></thead>
        <tbody>{order.items.map((item) => <tr><td>{item.product_name}{reducedMark(item)}</td><td class="num">{yen(item.unit_price)}</td><td class="num">{item.quantity}</td><td class="num">{yen(item.subtotal)}</td></tr>)}</tbody>
        <tfoot><tr><th colSpan={3}>合計金額</th><td class="num" data-testid="order-total">{yen(order.total_amount)}</td></tr><TaxLines order={order} labelSpan={3} /><ReturnedLines order={order} labelSpan={3} /></tfoot>
      </table>
      <ReducedRateLegend order={order} />
      <p><a href={`#/slips?order=${order.id}`}>納品書を表示・印刷</a></p>
      {order.tracking_number && (
        <p data-testid="tracking">配送：{order.carrier} {order.tracking_url ? <a href={order.tracking_url} target="_blank" rel="noopener noreferrer" title="配送業者のページで配送状況を見る">{order.tracking_number}</a> : order.tracking_number}</p>
      )}

      <h3>決済</h3>
      {payment ? (
        <div class="payment" data-testid="payment">
          <p><Badge status={payment.status} labels={paymentStatusLabels} /> {yen(payment.amount)} ・ 返金済 <span data-testid="refunded">{yen(payment.refunded_amount)}</span> ・ {payment.id}</p>
          {payment.failure_reason && <p class="error">{payment.failure_reason}</p>}
          <RefundHistory payment={payment} />
          <OrderReturns order={order} refunded={payment.refunded_amount} onDone={reload} />
          <RefundControl payment={payment} onDone={reload} />
        </div>
      ) : state.payment.error.value?.status === 404 ? <p>まだ決済はありません。</p> : <LoadError error={state.payment.error.value} />}

      <h3>ステータス履歴</h3>
      <LoadError error={state.history.error.value} />
      <ol class="timeline">
        {state.history.data.value?.map((entry) => (
          <li>{jstTime(entry.created_at)} ・ {entry.from_status ? `${orderStatusLabels[entry.from_status]} → ` : ""}{orderStatusLabels[entry.to_status]}（{actorLabel(entry.actor)}{entry.reason ? `：${entry.reason}` : ""}）</li>
        ))}
      </ol>

      <h3>社内メモ</h3>
      <LoadError error={state.notes.error.value} />
      <OrderNotes orderId={id} notes={state.notes.data.value} onAdded={() => void state.notes.reload()} />

      <h3>通知</h3>
      <LoadError error={state.notifications.error.value} />
      {state.notifications.data.value?.map((n) => {
        // the order's contact as it is now, so that a corrected address is the one offered
        const suggested = (n.channel === "EMAIL" ? order.customer_email : order.customer_phone) ?? n.recipient;
        return <NotificationView notification={n} actions={n.erased_at ? undefined : <ResendControl key={suggested} notification={n} suggested={suggested} onDone={reload} />} />;
      })}
      {state.notifications.data.value?.length === 0 && <p>まだ通知はありません。</p>}
    </section>
  );
}
