import { z } from "@hono/zod-openapi";

/**
 * What a field holding a customer's personal data reads once it was erased at their request (the
 * Order Service's POST /api/v1/customers/erasure, and what it asks the other services to erase).
 */
export const ERASED = "（消去済み）";

/** The most orders one request to another service names; the Order Service sends more as several. */
export const MAX_ERASURE_ORDERS = 1000;

/** The body of the Payment and Notification Services' erasure routes: the orders whose customer asked. */
export const erasureRequest = (name: string) => z.object({
  order_ids: z.array(z.string().trim().min(1).max(64)).min(1).max(MAX_ERASURE_ORDERS).openapi({ example: ["ord_0193a5b0c7e07a4c9f1e2d3c4b5a6977"] }),
}).openapi(name);
