import { createRoute, z } from "@hono/zod-openapi";
import { IdempotencyKeyHeader, json, problemResponses } from "@platform/shared/openapi";
import { orderStatuses } from "../../domain/order-status";
import { OrderSchema } from "../orders/orders.schemas";

const MAX_SHIPMENTS = 500;

const ShipmentSchema = z.object({
  order_id: z.string().trim().min(1).max(64).openapi({ example: "ord_0193a5b0c7e07a4c9f1e2d3c4b5a6977" }),
  carrier: z.string().trim().max(100).optional().openapi({ example: "ヤマト運輸" }),
  tracking_number: z.string().trim().max(100).optional().openapi({ example: "1234-5678-9012" }),
}).openapi("Shipment");

const ShipmentsBody = z.object({
  shipments: z.array(ShipmentSchema).min(1).max(MAX_SHIPMENTS),
}).superRefine(({ shipments }, ctx) => {
  const seen = new Set<string>();
  shipments.forEach(({ order_id }, i) => {
    if (seen.has(order_id)) ctx.addIssue({ code: "custom", path: ["shipments", i, "order_id"], message: `order ${order_id} appears more than once in this request` });
    seen.add(order_id);
  });
}).openapi("Shipments");

const ShipmentResultSchema = z.object({
  order_id: z.string(),
  status: z.union([z.literal(200), z.literal(404), z.literal(409)]).openapi({ description: "As PATCH /api/v1/orders/{id}/status would have answered for this order alone" }),
  order: OrderSchema.optional().openapi({ description: "The shipped order (200)" }),
  error: z.object({
    code: z.string(), detail: z.string(),
    current_status: z.enum(orderStatuses).optional(),
    allowed_next: z.array(z.enum(orderStatuses)).optional(),
  }).optional().openapi({ description: "Why this order was not shipped (404, 409)" }),
}).openapi("ShipmentResult");

export const ship = createRoute({
  method: "post", path: "/api/v1/orders/shipments", tags: ["orders"],
  summary: "Mark many paid orders SHIPPED at once, each with its carrier and tracking number",
  description: `Up to ${MAX_SHIPMENTS} shipments, as a warehouse reports them. Each order moves PAID -> SHIPPED on its own, exactly as PATCH /api/v1/orders/{id}/status would move it, and gets its ORDER_SHIPPED mail; one that cannot move (unknown, or not PAID) is reported in its result and the others still ship. The body as a whole is refused (422) when a shipment is malformed or an order appears twice.`,
  request: { headers: IdempotencyKeyHeader, body: { required: true, content: { "application/json": { schema: ShipmentsBody } } } },
  responses: {
    200: json(z.object({
      shipped: z.number().int(), refused: z.number().int(),
      results: z.array(ShipmentResultSchema).openapi({ description: "One per shipment, in the order sent" }),
    }).openapi("ShipmentsResult"), "What happened to each shipment"),
    ...problemResponses(400, 413, 415, 422),
  },
});
