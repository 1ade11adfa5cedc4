import { createRoute, z } from "@hono/zod-openapi";
import { IdempotencyKeyHeader, IdParam, json, problemResponses } from "@platform/shared/openapi";
import { TAX_RATE } from "../../domain/consumption-tax";
import { ReturnRequestSchema } from "../../domain/order-return";
import { TaxByRateSchema } from "../orders/orders.schemas";

const tags = ["orders"];
const orderId = IdParam("id", "ord_0193a5b0c7e07a4c9f1e2d3c4b5a6977");

export const ReturnSchema = z.object({
  id: z.string().openapi({ example: "ret_0193a5b0c7e07a4c9f1e2d3c4b5a6990" }),
  order_id: z.string(),
  items: z.array(z.object({
    item_id: z.string(), product_name: z.string(), quantity: z.number().int(), unit_price: z.number().int(),
    amount: z.number().int().openapi({ description: "quantity × unit_price, tax included: what is refunded for it" }),
    tax_rate: z.enum(TAX_RATE),
  })),
  amount: z.number().int().openapi({ description: "The refund, JPY", example: 1750 }),
  tax_by_rate: z.array(TaxByRateSchema).openapi({ description: "The 消費税 in amount by rate (返還等対価に係る税額), rounded down once per rate" }),
  reason: z.string().nullable(),
  operator: z.string().nullable().openapi({ description: "Who recorded it (X-Operator), when named" }),
  created_at: z.string(),
  refunded_at: z.string().nullable().openapi({ description: "When the Payment Service made the refund; null while it is on its way" }),
}).openapi("OrderReturn");

export const record = createRoute({
  method: "post", path: "/api/v1/orders/{id}/returns", tags, summary: "Record items that came back (返品) or cannot be sent (欠品), and refund them",
  description: "For a PAID, SHIPPED or DELIVERED order (before payment, cancel it instead). Each item at most as many times as it was bought, less what came back before. The refund (the items' tax-included price) is asked of the Payment Service through the outbox, under the return's own key, so it is made once even when the service is down at the time; refunded_at says when it was made. The order's status stays: the rest still ships, or has. Refused with 422 when the payment has less left to refund than the return comes to (a refund made by hand before).",
  request: { headers: IdempotencyKeyHeader, params: orderId, body: { required: true, content: { "application/json": { schema: ReturnRequestSchema.openapi("NewOrderReturn", { example: { items: [{ item_id: "itm_0193a5b0c7e07a4c9f1e2d3c4b5a6978", quantity: 1 }], reason: "お客様都合の返品（未開封）" } }) } } } },
  responses: { 201: json(ReturnSchema, "The return, its refund on its way"), ...problemResponses(400, 404, 409, 415, 422) },
});

export const list = createRoute({
  method: "get", path: "/api/v1/orders/{id}/returns", tags, summary: "An order's returns, oldest first",
  request: { params: orderId },
  responses: { 200: json(z.array(ReturnSchema), "The returns"), ...problemResponses(404) },
});
