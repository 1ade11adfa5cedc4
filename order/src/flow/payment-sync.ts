import { eq } from "drizzle-orm";
import type { Payment } from "@platform/shared/contracts/payment";
import { enqueue } from "@platform/shared/outbox/outbox";
import type { OrderDb } from "../db/client";
import { orders, webhookEvents } from "../db/schema";
import { stepsForPayment } from "../domain/order-status";
import { paymentRefund } from "../store/messages";
import { moveStatus, type Move, type Tx } from "../store/order-store";

const refundable = ["COMPLETED", "PARTIALLY_REFUNDED"];

/**
 * Brings an order up to date with its payment, from whichever source heard first (the answer to the
 * payment request, a webhook, reconciliation). Only forward moves are made, so stale or repeated news
 * changes nothing. Money taken for an order that was cancelled meanwhile is refunded.
 */
export async function applyPayment(tx: Tx, orderId: string, payment: Payment, move: Move) {
  const [order] = await tx.select().from(orders).where(eq(orders.id, orderId));
  if (!order) return undefined;
  let current = order;
  const known = { payment_id: payment.id, payment_status: payment.status };
  const steps = stepsForPayment(order.status, payment.status);
  for (const step of steps) current = await moveStatus(tx, current, step, { ...move, reason: payment.failure_reason ?? move.reason }, known);
  if (!steps.length && (current.payment_id !== payment.id || current.payment_status !== payment.status)) {
    [current] = await tx.update(orders).set(known).where(eq(orders.id, orderId)).returning() as [typeof current];
  }
  if (current.status === "CANCELLED" && refundable.includes(payment.status) && !current.refund_requested_at) {
    await enqueue(tx, paymentRefund(orderId, payment.id, move.requestId));
    [current] = await tx.update(orders).set({ refund_requested_at: new Date().toISOString() }).where(eq(orders.id, orderId)).returning() as [typeof current];
  }
  return current;
}

/** Handles a payment webhook event once: false when its id was seen before. */
export async function applyPaymentEvent(db: OrderDb, event: { id: string; type: string; payment: Payment }, requestId?: string) {
  return db.transaction(async (tx) => {
    const [fresh] = await tx.insert(webhookEvents).values({ id: event.id, type: event.type, received_at: new Date().toISOString() })
      .onConflictDoNothing().returning();
    if (!fresh) return { duplicate: true, order: undefined };
    const order = await applyPayment(tx, event.payment.order_id, event.payment, { actor: `webhook:${event.type}`, requestId });
    return { duplicate: false, order };
  });
}
