import { createRoute, z } from "@hono/zod-openapi";
import { problemResponses } from "@platform/shared/openapi";

export const paymentWebhook = createRoute({
  method: "post", path: "/api/v1/webhooks/payment", tags: ["webhooks"],
  summary: "Payment status callback from the Payment Service (FR-018)",
  description: "Body: a PaymentEvent `{ id, type, payment, created_at }`. Header `X-Webhook-Signature: t=<unix s>,v1=<hex HMAC-SHA256 of \"<t>.<raw body>\" with WEBHOOK_SECRET>`, checked over the raw bytes; a bad signature or a timestamp more than 300 s away is a 401. A repeated event id is acknowledged (200) and ignored; an event never moves an order backwards. Needs no API token: the signature authenticates it.",
  responses: {
    200: { description: "Handled (or already handled)", content: { "application/json": { schema: z.object({ received: z.literal(true), duplicate: z.boolean(), order_status: z.string().nullable() }).openapi("WebhookAck") } } },
    ...problemResponses(400, 401, 415, 422),
  },
});
