import { and, eq } from "drizzle-orm";
import type { Payment, PaymentEvent } from "@platform/shared/contracts/payment";
import { japaneseJstDay } from "@platform/shared/jst-days";
import { enqueue } from "@platform/shared/outbox/outbox";
import type { OrderDb } from "../db/client";
import { orders, statusHistory, type OrderRow } from "../db/schema";
import { isNewerPaymentStatus, stepsForPayment } from "../domain/order-status";
import { orderMail, paymentRefund } from "../store/messages";
import { operatorOf, type Move, type Tx } from "../store/order-store";
import { withItems } from "../store/order-view";
import { statementsOf } from "../store/statements";

const refundable = ["COMPLETED", "PARTIALLY_REFUNDED"];

/**
 * Brings an order up to date with its payment, from whichever source heard first (the answer to the
 * payment request, a webhook, reconciliation). Only forward moves are made, so stale or repeated news
 * changes nothing. Money taken for an order that was cancelled meanwhile is refunded.
 */
export async function applyPayment(tx: Tx, orderId: string, payment: Payment, move: Move) {
  const [current] = await applyPayments(tx, [{ orderId, payment, move }]);
  return current;
}

/** The same for many payments, the orders read in one query; later news of one order sees the earlier. */
export async function applyPayments(tx: Tx, updates: { orderId: string; payment: Payment; move: Move }[]) {
  const ids = JSON.stringify([...new Set(updates.map((u) => u.orderId))]);
  const known = new Map((await statementsOf(tx as unknown as OrderDb).ordersByIds.execute({ ids })).map((row) => [row.id, row]));
  const results: (OrderRow | undefined)[] = [];
  for (const { orderId, payment, move } of updates) {
    const order = known.get(orderId);
    const current = order && await applyTo(tx, order, payment, move);
    if (current) known.set(orderId, current);
    results.push(current);
  }
  return results;
}

async function applyTo(tx: Tx, order: OrderRow, payment: Payment, move: Move) {
  const statements = statementsOf(tx as unknown as OrderDb);
  const orderId = order.id;
  let current = order;
  const now = new Date().toISOString();
  const steps = stepsForPayment(order.status, payment.status);
  const news = current.payment_id !== payment.id || isNewerPaymentStatus(current.payment_status, payment.status);
  if (steps.length || news) {
    const status = steps.at(-1) ?? current.status;
    current = { ...current, status, payment_id: payment.id, payment_status: payment.status, updated_at: now }; // the row is ours inside the transaction
    await statements.setPayment.execute({ id: orderId, status, payment_id: payment.id, payment_status: payment.status, now });
    let from = order.status;
    for (const to of steps) {
      await statements.addHistory.execute({ order_id: orderId, from, to, actor: move.actor, reason: payment.failure_reason ?? move.reason ?? null, request_id: move.requestId ?? null, now });
      from = to;
    }
  }
  if (current.status === "CANCELLED" && refundable.includes(payment.status) && !current.refund_requested_at) {
    await enqueue(tx, paymentRefund(orderId, payment.id, move.requestId, await cancelledBy(tx, orderId)));
    [current] = await tx.update(orders).set({ refund_requested_at: now }).where(eq(orders.id, orderId)).returning() as [typeof current];
  }
  return current;
}

/** Who cancelled the order, if a person did: the refund their cancellation led to is recorded under them. */
async function cancelledBy(tx: Tx, orderId: string) {
  const [row] = await tx.select({ actor: statusHistory.actor }).from(statusHistory)
    .where(and(eq(statusHistory.order_id, orderId), eq(statusHistory.to_status, "CANCELLED"))).limit(1);
  return operatorOf(row?.actor);
}

/**
 * The customer's refund mail (ORDER_REFUNDED) for each refund a person made by hand and asked to tell
 * them of, once per refund; not for a customer whose data was erased.
 */
async function refundMails(tx: Tx, refunds: { order: OrderRow; event: Pick<PaymentEvent, "payment" | "refund">; requestId?: string }[]) {
  const wanted = refunds.filter(({ order, event }) => event.refund?.notify_customer && !order.erased_at);
  if (!wanted.length) return;
  const views = new Map((await withItems(tx, [...new Map(wanted.map(({ order }) => [order.id, order])).values()])).map((view) => [view.id, view]));
  await enqueue(tx, ...wanted.map(({ order, event, requestId }) => orderMail(views.get(order.id)!, "ORDER_REFUNDED", {
    refund_amount: event.refund!.amount, refunded_total: event.payment.refunded_amount, refunded_on: japaneseJstDay(event.refund!.created_at),
  }, requestId, event.refund!.id)));
}

/**
 * Handles payment webhook events, in one transaction, each once: a repeated event id is reported as a
 * duplicate and changes nothing. Each event's history rows carry its own request id.
 */
export async function applyPaymentEvents(db: OrderDb, deliveries: { event: Pick<PaymentEvent, "id" | "type" | "payment" | "refund">; requestId?: string }[]) {
  return db.transaction(async (tx) => {
    const events = JSON.stringify(deliveries.map(({ event }) => ({ id: event.id, type: event.type })));
    const unseen = new Set((await statementsOf(db).recordEvents.execute({ events, now: new Date().toISOString() })).map((row) => row.id));
    const fresh = deliveries.map(({ event }) => unseen.delete(event.id)); // an id twice in one batch counts once
    const applying = deliveries.filter((_, i) => fresh[i]);
    const applied = await applyPayments(tx, applying.map(({ event, requestId }) => ({ orderId: event.payment.order_id, payment: event.payment, move: { actor: `webhook:${event.type}`, requestId } })));
    await refundMails(tx, applying.flatMap(({ event, requestId }, i) => applied[i] && event.type === "payment.refunded" ? [{ order: applied[i], event, requestId }] : []));
    let next = 0;
    return deliveries.map(({ event }, i) => ({ id: event.id, order_id: event.payment.order_id, duplicate: !fresh[i], order: fresh[i] ? applied[next++] : undefined }));
  });
}
