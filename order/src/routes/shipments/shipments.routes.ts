import { createRoute, z } from "@hono/zod-openapi";
import { IdempotencyKeyHeader, json, problemResponses } from "@platform/shared/openapi";
import { orderStatuses } from "../../domain/order-status";
import { trackingKey } from "@platform/shared/tracking-number";
import { OrderSchema, ShippingFields } from "../orders/orders.schemas";

const MAX_SHIPMENTS = 500;

const ShipmentSchema = z.object({
  order_id: z.string().trim().min(1).max(64).openapi({ example: "ord_0193a5b0c7e07a4c9f1e2d3c4b5a6977" }),
  ...ShippingFields,
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

const MoveErrorSchema = z.object({
  code: z.string(), detail: z.string(),
  current_status: z.enum(orderStatuses).optional(),
  allowed_next: z.array(z.enum(orderStatuses)).optional(),
});
const moveStatus = z.union([z.literal(200), z.literal(404), z.literal(409)]).openapi({ description: "As PATCH /api/v1/orders/{id}/status would have answered for this order alone" });

const ShipmentResultSchema = z.object({
  order_id: z.string(),
  status: moveStatus,
  order: OrderSchema.optional().openapi({ description: "The shipped order (200)" }),
  error: MoveErrorSchema.optional().openapi({ description: "Why this order was not shipped (404, 409)" }),
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

const MAX_DELIVERIES = 500;

const DeliverySchema = z.object({
  order_id: z.string().trim().min(1).max(64).optional().openapi({ example: "ord_0193a5b0c7e07a4c9f1e2d3c4b5a6977" }),
  tracking_number: z.string().trim().min(1).max(100).optional().openapi({
    description: "As the carrier's list writes it; compared without dashes, spaces, full width or case", example: "123456789012",
  }),
}).refine((delivery) => (delivery.order_id === undefined) !== (delivery.tracking_number === undefined), {
  message: "give either order_id or tracking_number",
}).openapi("Delivery");

const DeliveriesBody = z.object({
  deliveries: z.array(DeliverySchema).min(1).max(MAX_DELIVERIES),
}).superRefine(({ deliveries }, ctx) => {
  const seen = new Map<string, number>();
  deliveries.forEach(({ order_id, tracking_number }, i) => {
    const key = order_id ? `order ${order_id}` : `tracking number ${trackingKey(tracking_number ?? "")}`;
    if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["deliveries", i, order_id ? "order_id" : "tracking_number"], message: `${key} appears more than once in this request (as delivery ${seen.get(key)! + 1})` });
    else seen.set(key, i);
  });
}).openapi("Deliveries");

const DeliveryResultSchema = z.object({
  order_id: z.string().optional().openapi({ description: "The order; absent when no order has the tracking number given (404)" }),
  tracking_number: z.string().optional().openapi({ description: "The tracking number as sent, when the delivery named one" }),
  status: moveStatus,
  order: OrderSchema.optional().openapi({ description: "The delivered order (200)" }),
  error: MoveErrorSchema.optional().openapi({ description: "Why this order was not marked delivered (404, 409)" }),
}).openapi("DeliveryResult");

export const deliver = createRoute({
  method: "post", path: "/api/v1/orders/deliveries", tags: ["orders"],
  summary: "Mark many shipped orders DELIVERED at once, by order id or by the carrier's tracking number",
  description: `Up to ${MAX_DELIVERIES} deliveries, as a carrier's delivery report lists them: each names an order_id or a tracking_number. A tracking number marks every order shipped under it (orders packed in one parcel share one). Each order moves SHIPPED -> DELIVERED on its own, exactly as PATCH /api/v1/orders/{id}/status would move it; one that cannot move (not SHIPPED) is reported in its result, a tracking number no order has is a 404 result, and the others are still delivered. The body as a whole is refused (422) when a delivery is malformed or named twice.`,
  request: { headers: IdempotencyKeyHeader, body: { required: true, content: { "application/json": { schema: DeliveriesBody } } } },
  responses: {
    200: json(z.object({
      delivered: z.number().int(), refused: z.number().int(),
      results: z.array(DeliveryResultSchema).openapi({ description: "One per order found (a tracking number can find several) or per delivery that found none, in the order sent" }),
    }).openapi("DeliveriesResult"), "What happened to each delivery"),
    ...problemResponses(400, 413, 415, 422),
  },
});
