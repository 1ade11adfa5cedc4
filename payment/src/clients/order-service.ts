import { createHttpClient } from "@platform/shared/http-client";
import { signWebhook, SIGNATURE_HEADER } from "@platform/shared/webhook-signature";

/** The Order Service, as the Payment Service reaches it: only to deliver signed payment events. */
export function createOrderServiceClient(options: { baseUrl: string; webhookSecret: string }) {
  const http = createHttpClient({ name: "order-service", baseUrl: options.baseUrl, timeoutMs: 5_000 });
  return {
    async deliverPaymentEvent(event: unknown, requestId: string | null) {
      const rawBody = JSON.stringify(event);
      const response = await http.request({
        method: "POST", path: "/api/v1/webhooks/payment", rawBody, requestId,
        headers: { [SIGNATURE_HEADER]: signWebhook(options.webhookSecret, rawBody) },
      });
      if (response.status < 200 || response.status >= 300) {
        throw new Error(`order service answered ${response.status} to the payment webhook`);
      }
    },
  };
}

export type OrderServiceClient = ReturnType<typeof createOrderServiceClient>;
