import { createRoute, z } from "@hono/zod-openapi";
import { MAX_PAYMENT_JPY, MIN_PAYMENT_JPY, PaymentSchema, paymentStatuses } from "@platform/shared/contracts/payment";
import { erasureRequest } from "@platform/shared/erasure";
import { IdempotencyKeyHeader, IdParam, PageQuery, pageOf, problemResponses, json } from "@platform/shared/openapi";
import { FREE_TEXT_MESSAGE, isFreeText } from "@platform/shared/text";

const tags = ["payments"];

export const CreatePaymentBody = z.object({
  order_id: z.string().trim().min(1).max(64).openapi({ example: "ord_0193a5b0c7e07a4c9f1e2d3c4b5a6977" }),
  amount: z.number({ error: "must be an integer number of JPY" })
    .int("must be an integer number of JPY (JPY has no minor unit)")
    .min(MIN_PAYMENT_JPY, `must be at least ${MIN_PAYMENT_JPY} JPY per payment (FR-012)`)
    .max(MAX_PAYMENT_JPY, `must be at most ${MAX_PAYMENT_JPY.toLocaleString("en")} JPY per payment (FR-013)`)
    .openapi({ example: 3500 }),
  currency: z.literal("JPY", { error: "only JPY is supported" }).default("JPY"),
}).openapi("CreatePayment");

export const RefundBody = z.object({
  amount: z.number().int("must be an integer number of JPY").min(1, "must be at least 1 JPY").optional()
    .openapi({ description: "JPY to refund; omit to refund the whole unrefunded remainder", example: 1000 }),
  reason: z.string().trim().max(500).refine(isFreeText, FREE_TEXT_MESSAGE).optional().openapi({ example: "お客様都合によるキャンセル" }),
  notify_customer: z.boolean().optional().openapi({
    description: "Send the customer a refund mail (返金のお知らせ, ORDER_REFUNDED) through the Order Service. Default false: the Order Service's own refunds (a cancellation, a return) come with their own mails. The reason is never shown to the customer.",
    example: true,
  }),
}).openapi("RefundRequest");

export const create = createRoute({
  method: "post", path: "/api/v1/payments", tags,
  summary: "Take the payment of an order",
  description: "Creates the order's one payment (FR-011, FR-014) and charges it through the gateway. The answer waits at most PAYMENT_SYNC_WAIT_MS for the charge, then gives the current status; the outcome follows by webhook either way.",
  request: { headers: IdempotencyKeyHeader, body: { required: true, content: { "application/json": { schema: CreatePaymentBody } } } },
  responses: {
    201: json(PaymentSchema, "The payment, in its status at the time of the answer"),
    ...problemResponses(400, 409, 413, 415, 422),
  },
});

export const getOne = createRoute({
  method: "get", path: "/api/v1/payments/{id}", tags, summary: "A payment by id (FR-017)",
  request: { params: IdParam("id", "pay_0193a5b0c7e07a4c9f1e2d3c4b5a6978") },
  responses: { 200: json(PaymentSchema, "The payment"), ...problemResponses(404) },
});

export const getByOrder = createRoute({
  method: "get", path: "/api/v1/payments/order/{order_id}", tags, summary: "The payment of an order (FR-017)",
  request: { params: IdParam("order_id", "ord_0193a5b0c7e07a4c9f1e2d3c4b5a6977") },
  responses: { 200: json(PaymentSchema, "The order's payment"), ...problemResponses(404) },
});

export const list = createRoute({
  method: "get", path: "/api/v1/payments", tags, summary: "Payments, newest first",
  request: { query: PageQuery.extend({ status: z.enum(paymentStatuses).optional() }) },
  responses: { 200: json(pageOf(PaymentSchema, "PaymentPage"), "A page of payments"), ...problemResponses(422) },
});

const RefundSchema = z.object({
  id: z.string().openapi({ example: "rfd_0193a5b0c7e07a4c9f1e2d3c4b5a6979" }),
  payment_id: z.string(),
  amount: z.number().int().openapi({ description: "JPY refunded", example: 1000 }),
  reason: z.string().nullable(),
  operator: z.string().nullable().openapi({ description: "The person who asked for it (the request's X-Operator header), when one was named", example: "経理 花子" }),
  notify_customer: z.boolean().openapi({ description: "Whether the customer was to be sent a refund mail for it", example: false }),
  created_at: z.string(),
}).openapi("Refund");

export const refunds = createRoute({
  method: "get", path: "/api/v1/payments/{id}/refunds", tags, summary: "The refunds of a payment, oldest first",
  request: { params: IdParam("id", "pay_0193a5b0c7e07a4c9f1e2d3c4b5a6978") },
  responses: { 200: json(z.array(RefundSchema), "Each refund, with its amount, reason and time"), ...problemResponses(404) },
});

export const erase = createRoute({
  method: "post", path: "/api/v1/payments/erasure", tags,
  summary: "Erase the reasons written for some orders' refunds, at their customer's request",
  description: "Sent by the Order Service when a customer's personal data is erased (POST /api/v1/customers/erasure there): a refund's reason is free text a person wrote, which may name the customer, so it reads （消去済み）. Amounts, times and who refunded stay, for the books (the ledger shows the same). Repeating it erases nothing more.",
  request: { body: { required: true, content: { "application/json": { schema: erasureRequest("PaymentErasure") } } } },
  responses: { 200: json(z.object({ erased: z.number().int().openapi({ description: "Refund reasons erased now" }) }).openapi("PaymentErasureResult"), "Erased"), ...problemResponses(400, 415, 422) },
});

export const refund = createRoute({
  method: "post", path: "/api/v1/payments/{id}/refund", tags,
  summary: "Refund a payment, fully or in part (FR-016)",
  description: "No amount refunds the whole unrefunded remainder and leaves the payment REFUNDED; a part leaves it PARTIALLY_REFUNDED. Concurrent refunds never add up to more than the amount. The payment.refunded webhook names the refund; with notify_customer the Order Service sends the customer a refund mail, once.",
  request: {
    headers: IdempotencyKeyHeader,
    params: IdParam("id", "pay_0193a5b0c7e07a4c9f1e2d3c4b5a6978"),
    body: { required: false, content: { "application/json": { schema: RefundBody } } },
  },
  responses: {
    200: json(PaymentSchema, "The payment after the refund"),
    ...problemResponses(400, 404, 409, 413, 415, 422),
  },
});

export const BatchResultSchema = z.object({
  order_id: z.string(),
  status: z.union([z.literal(201), z.literal(409), z.literal(422)]).openapi({ description: "201 created; 409 the order already had a payment (given in `payment`); 422 invalid (see `error`)" }),
  payment: PaymentSchema.optional(),
  error: z.object({ code: z.string(), detail: z.string(), errors: z.array(z.object({ path: z.string(), message: z.string() })).optional() }).optional(),
}).openapi("PaymentBatchResult");

export const batch = createRoute({
  method: "post", path: "/api/v1/payments/batch", tags,
  summary: "Take the payments of many orders at once",
  description: "Each payment still obeys the per-payment limits (100 to 1,000,000 JPY) and the one-payment-per-order rule: batching saves round trips, it never lifts a limit. Up to 1,000 payments; they are charged together and the answer gives each one's status once charged or after PAYMENT_SYNC_WAIT_MS.",
  request: { body: { required: true, content: { "application/json": { schema: z.object({ payments: z.array(z.object({
    order_id: z.unknown(), amount: z.unknown(),
    request_id: z.string().max(128).nullish().openapi({ description: "Optional: the request id this payment's webhook events carry (X-Request-Id), so one order's trail stays one id" }),
  }).openapi("PaymentBatchItem")).min(1).max(1000) }).openapi("PaymentBatch") } } } },
  responses: { 200: json(z.object({ results: z.array(BatchResultSchema) }).openapi("PaymentBatchResults"), "One result per payment, in order"), ...problemResponses(400, 413, 415, 422) },
});
