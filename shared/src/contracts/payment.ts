import { z } from "@hono/zod-openapi";
import "../zod-messages";

/** The payment as every service sees it: the Payment Service's answers and its webhook events. */
export const paymentStatuses = ["PENDING", "PROCESSING", "COMPLETED", "FAILED", "PARTIALLY_REFUNDED", "REFUNDED"] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

export const MIN_PAYMENT_JPY = 100;
export const MAX_PAYMENT_JPY = 1_000_000;

export const PaymentSchema = z.object({
  id: z.string().openapi({ example: "pay_0193a5b0c7e07a4c9f1e2d3c4b5a6978" }),
  order_id: z.string().openapi({ example: "ord_0193a5b0c7e07a4c9f1e2d3c4b5a6977" }),
  amount: z.number().int().openapi({ description: "Integer JPY", example: 3500 }),
  currency: z.literal("JPY"),
  status: z.enum(paymentStatuses),
  failure_reason: z.string().nullable().openapi({ description: "Why the gateway declined, when FAILED", example: null }),
  refunded_amount: z.number().int().openapi({ description: "Integer JPY refunded so far", example: 0 }),
  created_at: z.string().openapi({ example: "2026-11-25T09:00:00.000Z" }),
  updated_at: z.string().openapi({ example: "2026-11-25T09:00:00.120Z" }),
  // a default, because events written before this field existed may still be in an outbox
  completed_at: z.string().nullable().default(null).openapi({ description: "When the gateway took the money; null until COMPLETED", example: "2026-11-25T09:00:00.120Z" }),
}).openapi("Payment");
export type Payment = z.infer<typeof PaymentSchema>;

export const paymentEventTypes = ["payment.processing", "payment.completed", "payment.failed", "payment.refunded"] as const;
export type PaymentEventType = (typeof paymentEventTypes)[number];

/** The refund a payment.refunded event announces (absent from events written before it was added). */
export const RefundEventSchema = z.object({
  id: z.string().openapi({ example: "rfd_0193a5b0c7e07a4c9f1e2d3c4b5a6980" }),
  amount: z.number().int().openapi({ description: "Integer JPY refunded by this refund", example: 1000 }),
  notify_customer: z.boolean().openapi({ description: "The person refunding asked for the customer to be sent a refund mail (ORDER_REFUNDED)", example: true }),
  created_at: z.string().openapi({ example: "2026-12-02T10:00:00.000Z" }),
}).openapi("RefundEvent");

export const PaymentEventSchema = z.object({
  id: z.string().openapi({ description: "Unique per event; a repeated id is already handled", example: "evt_0193a5b0c7e07a4c9f1e2d3c4b5a6979" }),
  type: z.enum(paymentEventTypes),
  payment: PaymentSchema,
  refund: RefundEventSchema.optional().openapi({ description: "payment.refunded only: the refund that made it" }),
  created_at: z.string(),
}).openapi("PaymentEvent");
export type PaymentEvent = z.infer<typeof PaymentEventSchema>;
