import { useState } from "preact/hooks";
import { ApiError } from "../api/client";
import { api } from "../api/endpoints";
import type { Payment } from "../api/types";
import { yen } from "../format";
import { notify } from "../state/toasts";
import { ConfirmButton } from "./confirm";

/** Full or partial refund of a payment, confirmed first; only offered while something is left to refund. */
export function RefundControl({ payment, onDone }: { payment: Payment; onDone: () => void }) {
  const [amount, setAmount] = useState("");
  const remainder = payment.amount - payment.refunded_amount;
  if (!["COMPLETED", "PARTIALLY_REFUNDED"].includes(payment.status)) return null;
  const partial = amount.trim() !== "";
  return (
    <div class="refund">
      <label for={`refund-${payment.id}`}>返金額（空欄で残額 {yen(remainder)} を全額返金）</label>
      <input id={`refund-${payment.id}`} inputMode="numeric" value={amount} onInput={(e) => setAmount(e.currentTarget.value)} placeholder={String(remainder)} />
      <ConfirmButton label="返金する" confirmLabel="返金を確定" danger
        question={partial ? `${yen(Number(amount))} を返金します。よろしいですか？` : `残額 ${yen(remainder)} を全額返金します。よろしいですか？`}
        onConfirm={async () => {
          try {
            const refunded = await api.refund(payment.id, partial ? Number(amount) : undefined);
            notify("success", `返金しました（返金済 ${yen(refunded.refunded_amount)}）。`);
            setAmount("");
            onDone();
          } catch (error) {
            notify("error", `返金できませんでした：${error instanceof ApiError ? error.message : String(error)}`);
          }
        }} />
    </div>
  );
}
