import { createRoute, z } from "@hono/zod-openapi";
import { IdempotencyKeyHeader, json, problemResponses } from "@platform/shared/openapi";
import { FREE_TEXT_MESSAGE, isFreeText } from "@platform/shared/text";

const ErasureSchema = z.object({
  customer_email: z.string().trim().min(1).max(254).openapi({ description: "The customer's e-mail address, in any case", example: "taro@example.jp" }),
  reason: z.string().trim().max(500).refine(isFreeText, FREE_TEXT_MESSAGE).optional().openapi({ description: "Written on each order's note of the erasure", example: "2026-12-01 お問い合わせフォームより消去依頼" }),
}).openapi("CustomerErasure");

export const erase = createRoute({
  method: "post", path: "/api/v1/customers/erasure", tags: ["customers"],
  summary: "Erase a customer's personal data at their request (個人情報の消去)",
  description: [
    "On every order with the e-mail address: the name, e-mail address, phone and shipping address, and every text written about the customer (the team's notes, which also record earlier addresses; the reasons given for status changes; what a bulk import kept of the file's rows) read （消去済み） or are removed, and the order has erased_at. What was bought, for how much, when and how the order moved stays, for the books, as do the payment and its refunds.",
    "Through the outbox (retried until they answer), the Notification Service is asked to erase those orders' mails the same way, and the Payment Service the reasons people wrote for their refunds.",
    "409 while one of the orders is still under way (it still needs the customer's data; deliver or cancel it first), naming them in open_orders; 404 when no order has the address, or its customer was erased already. An erased order's contact details cannot be given again (409).",
  ].join("\n\n"),
  request: { headers: IdempotencyKeyHeader, body: { required: true, content: { "application/json": { schema: ErasureSchema } } } },
  responses: {
    200: json(z.object({
      orders: z.array(z.string()).openapi({ description: "The orders erased", example: ["ord_0193a5b0c7e07a4c9f1e2d3c4b5a6977"] }),
      erased_at: z.string(),
    }).openapi("CustomerErasureResult"), "Erased"),
    ...problemResponses(400, 404, 409, 415, 422),
  },
});
