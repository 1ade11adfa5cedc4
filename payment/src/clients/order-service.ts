import { createHttpClient } from "@platform/shared/http-client";
import { signWebhook, SIGNATURE_HEADER } from "@platform/shared/webhook-signature";

export type EventDelivery = { event: unknown; requestId: string | null };

/** The Order Service, as the Payment Service reaches it: only to deliver signed payment events. */
export function createOrderServiceClient(options: { baseUrl: string; webhookSecret: string }) {
  const http = createHttpClient({ name: "order-service", baseUrl: options.baseUrl, timeoutMs: 5_000 });
  const post = (path: string, body: unknown, requestId: string | null) => {
    const rawBody = JSON.stringify(body);
    return http.request({ method: "POST", path, rawBody, requestId, headers: { [SIGNATURE_HEADER]: signWebhook(options.webhookSecret, rawBody) } });
  };
  const acknowledged = (status: number) => status >= 200 && status < 300;

  async function deliverPaymentEvent(event: unknown, requestId: string | null) {
    const response = await post("/api/v1/webhooks/payment", event, requestId);
    if (!acknowledged(response.status)) throw new Error(`order service answered ${response.status} to the payment webhook`);
  }

  return {
    deliverPaymentEvent,
    /**
     * Many events in one signed POST (`{ events: [event + request_id] }`). An Order Service without the
     * batch route (404) gets them one by one on the single route instead.
     */
    async deliverPaymentEvents(deliveries: EventDelivery[]) {
      const events = deliveries.map(({ event, requestId }) => ({ ...(event as object), request_id: requestId }));
      const response = await post("/api/v1/webhooks/payment/batch", { events }, null);
      if (response.status === 404) {
        for (const { event, requestId } of deliveries) await deliverPaymentEvent(event, requestId);
        return;
      }
      if (!acknowledged(response.status)) throw new Error(`order service answered ${response.status} to the batch payment webhook`);
    },
  };
}

export type OrderServiceClient = ReturnType<typeof createOrderServiceClient>;
