import type { TemplateName } from "@platform/shared/contracts/notification";
import { MAX_ERASURE_ORDERS } from "@platform/shared/erasure";
import type { OutboxMessage } from "@platform/shared/outbox/outbox";
import { notificationVariables, type OrderView } from "./order-view";

/** The outbox kinds of the Order Service: what it asks the other services to do. */
export const PAYMENT_REQUEST = "payment.request";
export const PAYMENT_REFUND = "payment.refund";
export const PAYMENT_RETURN_REFUND = "payment.return-refund";
export const NOTIFICATION_REQUEST = "notification.request";
export const NOTIFICATION_ERASURE = "notification.erasure";
export const PAYMENT_ERASURE = "payment.erasure";

export type PaymentRequest = { order_id: string; amount: number };
/** A customer's erasure, as the other services are asked for it: the orders whose customer it was. */
export type Erasure = { order_ids: string[] };
/** `operator`: the person whose cancellation asks for the refund, recorded with it. */
export type PaymentRefund = { order_id: string; payment_id: string; operator?: string };

export const paymentRequest = (order: OrderView, requestId?: string): OutboxMessage =>
  ({ kind: PAYMENT_REQUEST, requestId, payload: { order_id: order.id, amount: order.total_amount } satisfies PaymentRequest });

/** The refund of a return (返品・欠品): its amount, under its own Idempotency-Key. */
export type ReturnRefund = { order_id: string; payment_id: string; return_id: string; amount: number; reason: string; operator?: string };

export const returnRefund = (refund: ReturnRefund, requestId?: string): OutboxMessage => ({ kind: PAYMENT_RETURN_REFUND, requestId, payload: refund });

export const paymentRefund = (orderId: string, paymentId: string, requestId?: string, operator?: string): OutboxMessage =>
  ({ kind: PAYMENT_REFUND, requestId, payload: { order_id: orderId, payment_id: paymentId, operator } satisfies PaymentRefund });

/**
 * One mail per order and template (per return, for ORDER_RETURNED: `occasion`): the key makes a
 * repeated request queue nothing new.
 */
export const orderMail = (order: OrderView, template: TemplateName, extra: Record<string, unknown> = {}, requestId?: string, occasion?: string): OutboxMessage => ({
  kind: NOTIFICATION_REQUEST, requestId,
  payload: {
    idempotency_key: `order-${order.id}-${template}${occasion ? `-${occasion}` : ""}`,
    notification: { order_id: order.id, channel: "EMAIL", template, recipient: order.customer_email, variables: notificationVariables(order, extra) },
  },
});

/**
 * The erasure of what the Notification Service (the mails) and the Payment Service (the refunds'
 * reasons) keep of these orders' customer, MAX_ERASURE_ORDERS to a message (their limit).
 */
export const erasureMessages = (orderIds: string[], requestId?: string): OutboxMessage[] =>
  Array.from({ length: Math.ceil(orderIds.length / MAX_ERASURE_ORDERS) }, (_, i) => orderIds.slice(i * MAX_ERASURE_ORDERS, (i + 1) * MAX_ERASURE_ORDERS)).flatMap((chunk) =>
    [NOTIFICATION_ERASURE, PAYMENT_ERASURE].map((kind) => ({ kind, requestId, payload: { order_ids: chunk } satisfies Erasure })));
