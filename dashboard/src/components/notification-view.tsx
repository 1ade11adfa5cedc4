import type { Notification } from "../api/types";
import { channelLabels, jstTime, notificationStatusLabels, templateLabels } from "../format";
import { Badge } from "./badge";

/** A notification with its rendered content (the HTML part in a sandboxed frame: customer data never runs). */
export function NotificationView({ notification, actions }: { notification: Notification; actions?: preact.ComponentChildren }) {
  return (
    <details class="notification" data-template={notification.template}>
      <summary>
        {templateLabels[notification.template] ?? notification.template}（{channelLabels[notification.channel]}）{" "}
        <Badge status={notification.status} labels={notificationStatusLabels} /> {notification.recipient} ・ {jstTime(notification.sent_at ?? notification.created_at)}
      </summary>
      {notification.error && <p class="error">エラー：{notification.error}（試行 {notification.attempts} 回）</p>}
      {notification.subject && <p><strong>件名：</strong>{notification.subject}</p>}
      <pre class="mail-body">{notification.body}</pre>
      {notification.html && <iframe title={`${notification.id} のHTML本文`} sandbox="" srcdoc={notification.html} class="mail-html" />}
      {actions}
    </details>
  );
}
