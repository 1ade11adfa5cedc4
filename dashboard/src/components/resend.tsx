import { useState } from "preact/hooks";
import { api } from "../api/endpoints";
import type { Notification } from "../api/types";
import { reasonOf } from "../messages";
import { notify } from "../state/toasts";
import { ConfirmButton } from "./confirm";

/** Sends a notification again, as a new one, to its recipient or a corrected one: for a customer who did not get it. */
export function ResendControl({ notification, suggested, onDone }: { notification: Notification; suggested?: string; onDone: () => void }) {
  const [recipient, setRecipient] = useState(suggested ?? notification.recipient);
  const to = recipient.trim();
  return (
    <div class="resend">
      <label for={`resend-${notification.id}`}>再送先</label>{" "}
      <input id={`resend-${notification.id}`} value={recipient} onInput={(e) => setRecipient(e.currentTarget.value)} />{" "}
      <ConfirmButton label="再送する" confirmLabel="再送を確定" question={`${to} に同じ内容を送り直します。よろしいですか？`}
        onConfirm={async () => {
          try {
            await api.resendNotification(notification.id, to === notification.recipient ? undefined : to);
            notify("success", `${to} への再送を受け付けました。`);
            onDone();
          } catch (error) {
            notify("error", `再送できませんでした：${reasonOf(error)}`);
          }
        }} />
    </div>
  );
}
