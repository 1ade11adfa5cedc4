import type { CreateNotification } from "@platform/shared/contracts/notification";
import { createHttpClient, DependencyError } from "@platform/shared/http-client";
import { PermanentError } from "@platform/shared/outbox/outbox-relay";

/** The Notification Service, as the Order Service reaches it: to queue order mails. */
export function createNotificationServiceClient(options: { baseUrl: string; timeoutMs: number; apiToken?: string }) {
  const http = createHttpClient({ name: "notification-service", ...options });
  return {
    http,
    async queueBatch(notifications: Record<string, unknown>[], requestId: string | null) {
      const response = await http.request({ method: "POST", path: "/api/v1/notifications/batch", body: { notifications }, requestId });
      if (response.status !== 202) throw new DependencyError("notification-service", `POST /notifications/batch answered ${response.status}`);
      return (response.body as { results: { status: number }[] }).results;
    },
    async queue(notification: CreateNotification, idempotencyKey: string, requestId: string | null) {
      const response = await http.request({ method: "POST", path: "/api/v1/notifications", body: notification, requestId, idempotencyKey });
      if (response.status === 202) return;
      // A 422 will be a 422 on every retry: say so loudly instead of retrying for days.
      if (response.status === 422) throw new PermanentError(`the notification was refused: ${JSON.stringify(response.body).slice(0, 500)}`);
      throw new DependencyError("notification-service", `POST /notifications answered ${response.status}`);
    },
  };
}

export type NotificationServiceClient = ReturnType<typeof createNotificationServiceClient>;
