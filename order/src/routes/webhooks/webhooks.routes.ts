import { createRoute, z } from "@hono/zod-openapi";
import { problemResponses } from "@platform/shared/openapi";

const signature = "Header `X-Webhook-Signature: t=<unix s>,v1=<hex HMAC-SHA256 of \"<t>.<raw body>\" with WEBHOOK_SECRET>`, checked over the raw bytes; a bad signature or a timestamp more than 300 s away is a 401.";

const WebhookAckSchema = z.object({ received: z.literal(true), duplicate: z.boolean(), order_status: z.string().nullable() }).openapi("WebhookAck");

export const paymentWebhook = createRoute({
  method: "post", path: "/api/v1/webhooks/payment", tags: ["webhooks"],
  summary: "Payment status callback from the Payment Service (FR-018)",
  description: `Body: a PaymentEvent \`{ id, type, payment, created_at }\`. ${signature} A repeated event id is acknowledged (200) and ignored; an event never moves an order backwards. Needs no API token: the signature authenticates it.`,
  responses: {
    200: { description: "Handled (or already handled)", content: { "application/json": { schema: WebhookAckSchema } } },
    ...problemResponses(400, 401, 415, 422),
  },
});

export const paymentWebhookBatch = createRoute({
  method: "post", path: "/api/v1/webhooks/payment/batch", tags: ["webhooks"],
  summary: "Many payment events in one callback",
  description: `Body: \`{ events: [PaymentEvent + optional request_id] }\`, 1 to 500, handled in order in one transaction with the same rules as the single route. The Payment Service sends here when WEBHOOK_BATCH_MAX > 1, so events due together cost one request. ${signature} One invalid event refuses the whole body (422) and nothing is applied.`,
  responses: {
    200: {
      description: "Each event handled (or already handled), in order",
      content: { "application/json": { schema: z.object({ received: z.literal(true), results: z.array(WebhookAckSchema.extend({ id: z.string() })) }).openapi("WebhookBatchAck") } },
    },
    ...problemResponses(400, 401, 415, 422),
  },
});
