import { api } from "../api/endpoints";
import type { OutboxMessage } from "../api/types";
import { jstTime } from "../format";
import { reasonOf } from "../messages";
import { notify } from "../state/toasts";

/** What each message between the services was for, as operations say it. */
const purposes: Record<string, string> = {
  "payment.request": "決済の依頼（注文 → 決済）",
  "payment.refund": "キャンセルの返金依頼（注文 → 決済）",
  "payment.return-refund": "返品の返金依頼（注文 → 決済）",
  "notification.request": "メール送信の依頼（注文 → 通知）",
  "notification.erasure": "個人情報の消去依頼（注文 → 通知）",
  "payment.erasure": "個人情報の消去依頼（注文 → 決済）",
  "payment.webhook": "決済結果の連絡（決済 → 注文）",
  "gateway.refund": "決済代行会社への返金",
};

/** The order a message concerns, when it names one. */
const orderOf = (message: OutboxMessage) => /"order_id":"([^"]+)"/.exec(message.payload)?.[1];

/**
 * Messages between the services that were still undelivered after OUTBOX_MAX_AGE_MS (3 days) and
 * stopped being retried: a payment never asked for, a refund never made, a mail never sent. Each can
 * be sent again once its cause is fixed; the receiver's Idempotency-Key makes a repeat harmless.
 */
export function DeadMessages({ messages, onRetried }: { messages: { service: "order" | "payment"; message: OutboxMessage }[]; onRetried: () => void }) {
  async function retry(service: "order" | "payment", id: string) {
    try {
      await api.retryMessage(service, id);
      notify("success", "再送しました。届いたかは少し後にこの一覧と注文の画面で確認できます。");
    } catch (error) {
      notify("error", `再送できませんでした：${reasonOf(error)}`);
    }
    onRetried();
  }
  return (
    <table data-testid="dead-messages">
      <caption>サービス間で届かなかった連絡（自動の再試行を終了したもの。原因を直してから再送してください）</caption>
      <thead><tr><th>発生日時（JST）</th><th>内容</th><th>注文</th><th class="num">試行回数</th><th>最後のエラー</th><th /></tr></thead>
      <tbody>
        {messages.map(({ service, message }) => {
          const order = orderOf(message);
          return (
            <tr data-message={message.id}>
              <td>{jstTime(message.created_at)}</td>
              <td>{purposes[message.kind] ?? message.kind}</td>
              <td>{order ? <a href={`#/orders/${order}`}>{order}</a> : "—"}</td>
              <td class="num">{message.attempts}</td>
              <td>{message.last_error ?? "—"}</td>
              <td><button type="button" onClick={() => retry(service, message.id)}>再送</button></td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
