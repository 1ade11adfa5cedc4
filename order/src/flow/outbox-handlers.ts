import type { CreateNotification } from "@platform/shared/contracts/notification";
import { PermanentError, type OutboxBatchHandler, type OutboxHandler } from "@platform/shared/outbox/outbox-relay";
import type { NotificationServiceClient } from "../clients/notification-service";
import type { PaymentServiceClient } from "../clients/payment-service";
import type { OrderDb } from "../db/client";
import { NOTIFICATION_ERASURE, NOTIFICATION_REQUEST, PAYMENT_ERASURE, PAYMENT_REFUND, PAYMENT_REQUEST, PAYMENT_RETURN_REFUND, type Erasure, type PaymentRefund, type PaymentRequest, type ReturnRefund } from "../store/messages";
import { markRefunded } from "../store/returns";
import { statementsOf } from "../store/statements";
import { applyPayment, applyPayments } from "./payment-sync";

type Deps = { db: OrderDb; payments: PaymentServiceClient; notifications: NotificationServiceClient };
type MailRequest = { idempotency_key: string; notification: CreateNotification };
const refused = (what: string, error: unknown) => new PermanentError(`${what} was refused: ${JSON.stringify(error).slice(0, 500)}`);

/** How each outbox message of the Order Service is delivered. Each is safe to repeat (Idempotency-Keys). */
export function orderOutboxHandlers(deps: Deps): Record<string, OutboxHandler> {
  return {
    [NOTIFICATION_ERASURE]: async ({ payload, requestId }) => deps.notifications.erase((payload as Erasure).order_ids, requestId ?? null),
    [PAYMENT_ERASURE]: async ({ payload, requestId }) => deps.payments.erase((payload as Erasure).order_ids, requestId ?? null),
    [PAYMENT_REFUND]: async ({ payload, requestId }) => {
      const { order_id, payment_id, operator } = payload as PaymentRefund;
      const payment = await deps.payments.refundAll(payment_id, `order ${order_id} cancelled`, requestId, operator);
      await deps.db.transaction((tx) => applyPayment(tx, order_id, payment, { actor: "payment-service", requestId: requestId ?? undefined }));
    },
    [PAYMENT_RETURN_REFUND]: async ({ payload, requestId }) => {
      const { order_id, payment_id, return_id, amount, reason, operator } = payload as ReturnRefund;
      const payment = await deps.payments.refund(payment_id, { amount, reason }, `order-return-${return_id}`, requestId, operator);
      await deps.db.transaction(async (tx) => {
        await applyPayment(tx, order_id, payment, { actor: "payment-service", requestId: requestId ?? undefined });
        await markRefunded(tx, return_id);
      });
    },
  };
}

/**
 * Payment requests and mails go many to a call (the batch routes): one order alone makes a batch of
 * one, and orders arriving together share a round trip. Repeats are answered from what exists
 * (one payment per order, one mail per idempotency key), so a retried batch creates nothing twice.
 */
export function orderOutboxBatchHandlers(deps: Deps): Record<string, OutboxBatchHandler> {
  return {
    [PAYMENT_REQUEST]: async (messages) => {
      const requests = messages.map((m) => ({ ...(m.payload as PaymentRequest), request_id: m.requestId }));
      // an order cancelled before we asked gets no payment at all
      const cancelled = new Set((await statementsOf(deps.db).cancelledAmong.execute({ ids: JSON.stringify(requests.map((r) => r.order_id)) })).map((r) => r.id));
      const asking = requests.filter((r) => !cancelled.has(r.order_id));
      const results = asking.length ? await deps.payments.requestBatch(asking, null) : [];
      const byOrder = new Map(results.map((r) => [r.order_id, r]));
      const answered = asking.flatMap((r) => {
        const payment = byOrder.get(r.order_id)?.payment;
        return payment ? [{ orderId: r.order_id, payment, move: { actor: "payment-service", requestId: r.request_id ?? undefined } }] : [];
      });
      if (answered.length) await deps.db.transaction((tx) => applyPayments(tx, answered));
      return requests.map((r) => {
        const result = byOrder.get(r.order_id);
        if (cancelled.has(r.order_id) || result?.payment) return undefined;
        return result?.status === 422 ? refused("the payment", result.error) : new Error(`no payment for order ${r.order_id}`);
      });
    },
    [NOTIFICATION_REQUEST]: async (messages) => {
      const mails = messages.map((m) => m.payload as MailRequest);
      const results = await deps.notifications.queueBatch(mails.map((m) => ({ ...m.notification, idempotency_key: m.idempotency_key })), null);
      return results.map((r) => (r.status === 202 ? undefined : r.status === 422 ? refused("the notification", r) : new Error(`notification answered ${r.status}`)));
    },
  };
}
