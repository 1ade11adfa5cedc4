import { useState } from "preact/hooks";
import { ApiError } from "../api/client";
import { api } from "../api/endpoints";
import type { Order } from "../api/types";
import { reasonOf } from "../messages";
import { notify } from "../state/toasts";
import { ConfirmButton } from "./confirm";

function whyNot(error: unknown) {
  if (!(error instanceof ApiError)) return reasonOf(error);
  if (error.status === 409 && /still being handed/.test(error.message)) return "お客様へのメールを通知サービスに渡している途中です。1分ほどしてから、もう一度お試しください。";
  if (error.status === 409) return "まだ完了していない注文があります。配達完了にするか、キャンセルしてから消去してください。";
  if (error.status === 404) return "このメールアドレスの注文はありません（消去済みです）。";
  return reasonOf(error);
}

/** Erases the customer's personal data from all their orders and mails, at their request (個人情報の消去). */
export function CustomerErasure({ order, onDone }: { order: Order; onDone: () => void }) {
  const [reason, setReason] = useState("");
  return (
    <ConfirmButton label="お客様の個人情報を消去" confirmLabel="消去を確定" danger
      question={`${order.customer_email} のお客様のすべての注文から、お名前・連絡先・配送先・社内メモ・返金理由と、お送りしたメールの宛先と本文を消去します。購入内容・金額・日時は残ります。元に戻せません。よろしいですか？`}
      onConfirm={async () => {
        try {
          const erased = await api.eraseCustomer(order.customer_email, reason.trim() || undefined);
          notify("success", `${erased.orders.length} 件の注文からお客様の個人情報を消去しました。`);
          onDone();
        } catch (error) {
          notify("error", `消去できませんでした：${whyNot(error)}`);
        }
      }}>
      <label for="erasure-reason">依頼の内容（任意・記録に残ります）</label>{" "}
      <input id="erasure-reason" value={reason} onInput={(e) => setReason(e.currentTarget.value)} placeholder="12/1 お問い合わせフォームより" />
    </ConfirmButton>
  );
}
