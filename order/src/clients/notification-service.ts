import { createHttpClient, DependencyError } from "@platform/shared/http-client";

/** The Notification Service, as the Order Service reaches it: to queue order mails. */
export function createNotificationServiceClient(options: { baseUrl: string; timeoutMs: number; apiToken?: string }) {
  const http = createHttpClient({ name: "notification-service", ...options });
  return {
    http,
    /** Each notification carries its idempotency_key: a repeated one queues nothing new. */
    async queueBatch(notifications: Record<string, unknown>[], requestId: string | null) {
      const response = await http.request({ method: "POST", path: "/api/v1/notifications/batch", body: { notifications }, requestId });
      if (response.status !== 202) throw new DependencyError("notification-service", `POST /notifications/batch answered ${response.status}`);
      return (response.body as { results: { status: number; error?: unknown }[] }).results;
    },
  };
}

export type NotificationServiceClient = ReturnType<typeof createNotificationServiceClient>;
