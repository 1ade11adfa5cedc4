import { useEffect, useState } from "preact/hooks";
import { wholeNumber } from "@platform/shared/numbers";
import { api } from "../api/endpoints";
import type { Order, OrderReturn } from "../api/types";
import { jstTime, yen } from "../format";
import { reasonOf } from "../messages";
import { notify } from "../state/toasts";
import { ConfirmButton } from "./confirm";

const RETURNABLE = ["PAID", "SHIPPED", "DELIVERED"];

/**
 * Items that came back (返品) or cannot be sent (欠品): the order's returns, and a form to record one,
 * refunded at the price paid. `refunded`: the payment's refunded total, to read the returns again
 * when a refund lands.
 */
export function OrderReturns({ order, refunded, onDone }: { order: Order; refunded: number; onDone: () => void }) {
  const [returns, setReturns] = useState<OrderReturn[]>([]);
  const load = () => api.returns(order.id).then(setReturns, () => undefined);
  useEffect(() => void load(), [order.id, refunded]);
  const returned = (itemId: string) => returns.flatMap((r) => r.items).filter((item) => item.item_id === itemId).reduce((n, item) => n + item.quantity, 0);
  const left = order.items.map((item) => ({ ...item, left: item.quantity - returned(item.id) })).filter((item) => item.left > 0);
  return (
    <>
      {returns.length > 0 && (
        <table class="refunds" data-testid="returns">
          <caption>返品・欠品</caption>
          <thead><tr><th>日時（JST）</th><th>商品</th><th class="num">返金額</th><th>理由</th><th>担当</th><th>返金</th></tr></thead>
          <tbody>{returns.map((r) => (
            <tr data-return={r.id}>
              <td>{jstTime(r.created_at)}</td><td>{r.items.map((item) => `${item.product_name} ×${item.quantity}`).join("、")}</td><td class="num">{yen(r.amount)}</td>
              <td>{r.reason ?? "—"}</td><td>{r.operator ?? "—"}</td><td>{r.refunded_at ? "返金済" : "返金処理中"}</td>
            </tr>
          ))}</tbody>
        </table>
      )}
      {RETURNABLE.includes(order.status) && order.payment_id && left.length > 0 && <ReturnForm order={order} items={left} onDone={() => (void load(), onDone())} />}
    </>
  );
}

function ReturnForm({ order, items, onDone }: { order: Order; items: (Order["items"][number] & { left: number })[]; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [counts, setCounts] = useState<Record<string, string>>({});
  const [reason, setReason] = useState("");
  const [key, setKey] = useState(() => crypto.randomUUID());
  const quantityOf = (id: string) => ((counts[id] ?? "").trim() ? wholeNumber(counts[id]!) : 0); // 1 or １ as typed; empty is none
  const chosen = items.map((item) => ({ item, quantity: quantityOf(item.id) })).filter(({ quantity }) => quantity > 0 || Number.isNaN(quantity));
  const invalid = chosen.some(({ quantity }) => Number.isNaN(quantity));
  const amount = chosen.reduce((sum, { item, quantity }) => sum + (Number.isNaN(quantity) ? 0 : quantity * item.unit_price), 0);
  return (
    <details class="refund-fold" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>返品・欠品を登録…</summary>
      {open && (
        <div class="return-form">
          {items.map((item) => (
            <div class="refund">
              <label for={`return-${item.id}`}>{item.product_name}（{yen(item.unit_price)}・残り {item.left} 点）の返品数</label>
              <input id={`return-${item.id}`} inputMode="numeric" size={4} value={counts[item.id] ?? ""} placeholder="0" onInput={(e) => setCounts({ ...counts, [item.id]: e.currentTarget.value })} />
            </div>
          ))}
          <div class="refund">
            <label for={`return-reason-${order.id}`}>理由（任意）</label>
            <input id={`return-reason-${order.id}`} maxLength={500} value={reason} onInput={(e) => setReason(e.currentTarget.value)} placeholder="未開封のため返品、欠品 など" />
          </div>
          {invalid ? <p class="field-error" role="alert">返品数は整数で入力してください。</p> : chosen.length > 0 && (
            <ConfirmButton label={`返品を登録して ${yen(amount)} を返金`} confirmLabel="返品と返金を確定" danger
              question={`${chosen.map(({ item, quantity }) => `${item.product_name} ×${quantity}`).join("、")} の返品を登録し、${yen(amount)} を返金します。よろしいですか？`}
              onConfirm={async () => {
                try {
                  await api.recordReturn(order.id, chosen.map(({ item, quantity }) => ({ item_id: item.id, quantity })), reason.trim() || undefined, key);
                  notify("success", `返品を登録しました。${yen(amount)} を返金します。`);
                  setCounts({});
                  setReason("");
                  setKey(crypto.randomUUID());
                  setOpen(false);
                  onDone();
                } catch (error) {
                  notify("error", `返品を登録できませんでした：${reasonOf(error)}`);
                }
              }} />
          )}
        </div>
      )}
    </details>
  );
}
