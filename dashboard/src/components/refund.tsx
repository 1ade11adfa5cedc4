import { useEffect, useState } from "preact/hooks";
import { wholeNumber } from "@platform/shared/numbers";
import { api } from "../api/endpoints";
import type { Payment, Refund } from "../api/types";
import { jstTime, yen } from "../format";
import { notify } from "../state/toasts";
import { ConfirmButton } from "./confirm";
import { reasonOf } from "../messages";

/**
 * Full or partial refund of a payment, with an optional reason, confirmed first; only offered while
 * something is left to refund. The customer is sent a refund mail unless the operator unticks it (the
 * reason stays internal). `folded`: behind a 返金… toggle, for a list of payments, where an open
 * form on every row buries the list; it folds again once the refund is made.
 */
export function RefundControl({ payment, onDone, folded = false }: { payment: Payment; onDone: () => void; folded?: boolean }) {
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const [notifyCustomer, setNotifyCustomer] = useState(true);
  const [open, setOpen] = useState(false);
  const remainder = payment.amount - payment.refunded_amount;
  if (!["COMPLETED", "PARTIALLY_REFUNDED"].includes(payment.status)) return null;
  const partial = amount.trim() !== "";
  const value = partial ? wholeNumber(amount) : undefined; // 1,000 or １０００ as typed
  const form = (
    <div class="refund">
      <label for={`refund-${payment.id}`}>返金額（空欄で残額 {yen(remainder)} を全額返金）</label>
      <input id={`refund-${payment.id}`} inputMode="numeric" value={amount} onInput={(e) => setAmount(e.currentTarget.value)} placeholder={String(remainder)} />
      <label for={`refund-reason-${payment.id}`}>返金理由（任意）</label>
      <input id={`refund-reason-${payment.id}`} class="refund-reason" maxLength={500} value={reason} onInput={(e) => setReason(e.currentTarget.value)} placeholder="社内用・お客様には送られません" />
      <label><input type="checkbox" checked={notifyCustomer} onChange={(e) => setNotifyCustomer(e.currentTarget.checked)} /> お客様に返金のお知らせメールを送る</label>
      {Number.isNaN(value) ? <span class="field-error" role="alert">返金額は円単位の整数で入力してください。</span> : <ConfirmButton label="返金する" confirmLabel="返金を確定" danger
        question={value !== undefined ? `${yen(value)} を返金します。よろしいですか？` : `残額 ${yen(remainder)} を全額返金します。よろしいですか？`}
        onConfirm={async () => {
          try {
            const refunded = await api.refund(payment.id, { amount: value, reason: reason.trim() || undefined, notify_customer: notifyCustomer });
            notify("success", `返金しました（返金済 ${yen(refunded.refunded_amount)}）。${notifyCustomer ? "お客様に返金のお知らせを送ります。" : ""}`);
            setAmount("");
            setReason("");
            setNotifyCustomer(true);
            setOpen(false);
            onDone();
          } catch (error) {
            notify("error", `返金できませんでした：${reasonOf(error)}`);
          }
        }} />}
    </div>
  );
  if (!folded) return form;
  return (
    <details class="refund-fold" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>返金…</summary>
      {open && form}
    </details>
  );
}

/** Each refund of a payment: when, how much, why, who, and whether the customer was mailed of it. Loaded again whenever the refunded total changes. */
export function RefundHistory({ payment }: { payment: Payment }) {
  const [refunds, setRefunds] = useState<Refund[]>([]);
  useEffect(() => {
    if (payment.refunded_amount > 0) void api.refunds(payment.id).then(setRefunds, () => undefined);
  }, [payment.id, payment.refunded_amount]);
  if (!refunds.length) return null;
  return (
    <table class="refunds" data-testid="refunds">
      <caption>返金履歴</caption>
      <thead><tr><th>日時（JST）</th><th class="num">返金額</th><th>理由</th><th>担当</th><th title="返品・キャンセルの返金は、それぞれのお知らせメールでお客様に伝わります">返金のお知らせ</th></tr></thead>
      <tbody>{refunds.map((r) => <tr><td>{jstTime(r.created_at)}</td><td class="num">{yen(r.amount)}</td><td>{r.reason ?? "—"}</td><td>{r.operator ?? "—"}</td><td>{r.notify_customer ? "送信" : "—"}</td></tr>)}</tbody>
    </table>
  );
}
