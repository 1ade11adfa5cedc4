import type { TemplateName } from "@platform/shared/contracts/notification";
import { enqueue, type OutboxMessage } from "@platform/shared/outbox/outbox";
import { ApiError } from "@platform/shared/problem";
import type { OrderDb } from "../db/client";
import { assertManualMove, manualNext, type OrderStatus } from "../domain/order-status";
import { trackingKey } from "@platform/shared/tracking-number";
import { orderMail, paymentRefund } from "../store/messages";
import { apiActor, moveStatus, type OrderStore } from "../store/order-store";
import { withItems } from "../store/order-view";

const mailFor: Partial<Record<OrderStatus, TemplateName>> = { SHIPPED: "ORDER_SHIPPED", CANCELLED: "ORDER_CANCELLED" };

/** Moves an order by hand (PATCH status, cancel), with the mail and refund each move brings, in one transaction. */
export function createOrderActions(db: OrderDb, store: OrderStore) {
  async function move(id: string, to: OrderStatus, details: { reason?: string; carrier?: string; tracking_number?: string; requestId?: string; operator?: string }) {
    return db.transaction(async (tx) => {
      const before = await store.load(id);
      if (to === "CANCELLED" && !manualNext(before.status).includes("CANCELLED")) {
        throw new ApiError("INVALID_TRANSITION", `Order ${id} is ${before.status} and can no longer be cancelled. Allowed next: ${manualNext(before.status).join(", ") || "none"}.`, {
          current_status: before.status, allowed_next: manualNext(before.status),
        });
      }
      assertManualMove(id, before.status, to);
      const refund = to === "CANCELLED" && before.status === "PAID" && before.payment_id;
      const fields = {
        ...(to === "SHIPPED" ? { carrier: details.carrier ?? null, tracking_number: details.tracking_number ?? null, tracking_key: details.tracking_number ? trackingKey(details.tracking_number) : null } : {}),
        ...(refund ? { refund_requested_at: new Date().toISOString() } : {}),
      };
      const row = await moveStatus(tx, before, to, { actor: apiActor(details.operator), reason: details.reason, requestId: details.requestId }, fields);
      const [order] = await withItems(tx, [row]);
      const messages: OutboxMessage[] = [];
      if (refund) messages.push(paymentRefund(id, before.payment_id!, details.requestId, details.operator));
      const template = mailFor[to];
      if (template) {
        const extra = to === "SHIPPED" ? { carrier: details.carrier, tracking_number: details.tracking_number } : refund ? { refund_amount: before.total_amount } : {};
        messages.push(orderMail(order!, template, extra, details.requestId));
      }
      return { order: order!, messageIds: await enqueue(tx, ...messages) };
    });
  }
  return { move };
}

export type OrderActions = ReturnType<typeof createOrderActions>;
