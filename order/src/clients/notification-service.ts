import { createHttpClient, DependencyError } from "@platform/shared/http-client";
import { PermanentError } from "@platform/shared/outbox/outbox-relay";

/** The Notification Service, as the Order Service reaches it: to queue order mails, and erase them. */
export function createNotificationServiceClient(options: { baseUrl: string; timeoutMs: number; apiToken?: string }) {
  const http = createHttpClient({ name: "notification-service", ...options });
  return {
    http,
    /** Each notification carries its idempotency_key: a repeated one queues nothing new. */
    async queueBatch(notifications: Record<string, unknown>[], requestId: string | null) {
      // each queued notification's id is enough: not its rendered text and HTML again
      const response = await http.request({ method: "POST", path: "/api/v1/notifications/batch", headers: { Prefer: "return=minimal" }, body: { notifications }, requestId });
      if (response.status !== 202) throw new DependencyError("notification-service", `POST /notifications/batch answered ${response.status}`);
      return (response.body as { results: { status: number; error?: unknown }[] }).results;
    },
    /** Erases these orders' notifications (a customer's erasure); repeating it erases nothing more. */
    async erase(orderIds: string[], requestId: string | null) {
      const response = await http.request({ method: "POST", path: "/api/v1/notifications/erasure", body: { order_ids: orderIds }, requestId });
      if (response.status === 422) throw new PermanentError(`POST /notifications/erasure was refused: ${JSON.stringify(response.body).slice(0, 500)}`);
      if (response.status !== 200) throw new DependencyError("notification-service", `POST /notifications/erasure answered ${response.status}`);
    },
  };
}

export type NotificationServiceClient = ReturnType<typeof createNotificationServiceClient>;
