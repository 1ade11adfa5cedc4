import type { CreateNotification } from "@platform/shared/contracts/notification";
import type { OutboxHandler } from "@platform/shared/outbox/outbox-relay";
import type { NotificationServiceClient } from "../clients/notification-service";
import type { PaymentServiceClient } from "../clients/payment-service";
import type { OrderDb } from "../db/client";
import { NOTIFICATION_REQUEST, PAYMENT_REFUND, PAYMENT_REQUEST, type PaymentRefund, type PaymentRequest } from "../store/messages";
import type { OrderStore } from "../store/order-store";
import { applyPayment } from "./payment-sync";

/** How each outbox message of the Order Service is delivered. Each is safe to repeat (Idempotency-Keys). */
export function orderOutboxHandlers(deps: { db: OrderDb; store: OrderStore; payments: PaymentServiceClient; notifications: NotificationServiceClient }): Record<string, OutboxHandler> {
  return {
    [PAYMENT_REQUEST]: async ({ payload, requestId }) => {
      const { order_id, amount } = payload as PaymentRequest;
      if ((await deps.store.load(order_id)).status === "CANCELLED") return; // cancelled before we asked: no payment at all
      const payment = await deps.payments.requestPayment(order_id, amount, requestId);
      await deps.db.transaction((tx) => applyPayment(tx, order_id, payment, { actor: "payment-service", requestId: requestId ?? undefined }));
    },
    [PAYMENT_REFUND]: async ({ payload, requestId }) => {
      const { order_id, payment_id } = payload as PaymentRefund;
      const payment = await deps.payments.refundAll(payment_id, `order ${order_id} cancelled`, requestId);
      await deps.db.transaction((tx) => applyPayment(tx, order_id, payment, { actor: "payment-service", requestId: requestId ?? undefined }));
    },
    [NOTIFICATION_REQUEST]: async ({ payload, requestId }) => {
      const { idempotency_key, notification } = payload as { idempotency_key: string; notification: CreateNotification };
      await deps.notifications.queue(notification, idempotency_key, requestId);
    },
  };
}
