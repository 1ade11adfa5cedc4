import { enqueue } from "@platform/shared/outbox/outbox";
import { DependencyError } from "@platform/shared/http-client";
import { newId } from "@platform/shared/ids";
import { japaneseJstDay } from "@platform/shared/jst-days";
import { ApiError } from "@platform/shared/problem";
import type { PaymentServiceClient } from "../clients/payment-service";
import { eq, sql } from "drizzle-orm";
import type { OrderDb } from "../db/client";
import { orders } from "../db/schema";
import { RETURNABLE, returnLines, type ReturnRequest } from "../domain/order-return";
import { orderMail, returnRefund } from "../store/messages";
import type { OrderStore } from "../store/order-store";
import { insertReturn, returnedQuantities, returnsOf } from "../store/returns";

/**
 * Items that come back (返品) or cannot be sent (欠品) once an order is paid: recorded with what they
 * cost, their refund asked of the Payment Service and the customer's ORDER_RETURNED mail of the
 * Notification Service through the outbox, in one transaction. The order's status does not change:
 * the rest of it still ships, or has.
 */
export function createOrderReturns(db: OrderDb, store: OrderStore, payments: PaymentServiceClient) {
  /** Refuses, before anything is written, a return worth more than the payment has left; a Payment Service out of reach is not asked (the outbox will be). */
  async function assertRefundable(orderId: string, amount: number, requestId: string | null) {
    const payment = await payments.paymentOf(orderId, requestId).catch((error) => {
      if (error instanceof DependencyError) return undefined;
      throw error;
    });
    const left = payment && payment.amount - payment.refunded_amount;
    if (left !== undefined && amount > left) {
      throw new ApiError("REFUND_EXCEEDS_REMAINDER", `The return comes to ¥${amount.toLocaleString("ja-JP")}, but ¥${left.toLocaleString("ja-JP")} of the payment is left to refund (¥${payment!.refunded_amount.toLocaleString("ja-JP")} refunded before).`, { refundable: left });
    }
  }

  async function returnable(id: string, read: Parameters<typeof returnedQuantities>[0], request: ReturnRequest) {
    const order = await store.get(id);
    if (!RETURNABLE.includes(order.status) || !order.payment_id) {
      throw new ApiError("INVALID_TRANSITION", `Order ${id} is ${order.status}: items can be returned once it is paid (${RETURNABLE.join(", ")}); before that, cancel it.`, { current_status: order.status });
    }
    const { lines, errors } = returnLines(order.items, await returnedQuantities(read, id), request.items);
    if (errors.length) throw new ApiError("VALIDATION_FAILED", "The return names items it cannot return.", { errors });
    return { order, lines, amount: lines.reduce((sum, line) => sum + line.amount, 0) };
  }

  async function record(id: string, request: ReturnRequest, meta: { operator?: string; requestId?: string }) {
    const first = await returnable(id, db, request);
    await assertRefundable(id, first.amount, meta.requestId ?? null);
    return db.transaction(async (tx) => {
      // again under the write lock: a return or a cancellation made meanwhile counts
      const { order, lines, amount } = await returnable(id, tx, request);
      const returnId = newId("ret");
      const view = await insertReturn(tx, { id: returnId, orderId: id, lines, reason: request.reason, operator: meta.operator });
      await tx.update(orders).set({ returned_amount: sql`${orders.returned_amount} + ${amount}`, updated_at: new Date().toISOString() }).where(eq(orders.id, id));
      const reason = `返品・欠品 ${returnId}${request.reason ? `：${request.reason}` : ""}`;
      const mail = { returned_items: view.items.map(({ item_id: _i, ...item }) => item), returned_amount: amount, returned_tax_by_rate: view.tax_by_rate, returned_on: japaneseJstDay(view.created_at) };
      const messageIds = await enqueue(tx,
        returnRefund({ order_id: id, payment_id: order.payment_id!, return_id: returnId, amount, reason, operator: meta.operator }, meta.requestId),
        orderMail(order, "ORDER_RETURNED", mail, meta.requestId, returnId));
      return { view, messageIds };
    });
  }

  return { record, of: async (id: string) => (await store.load(id), returnsOf(db, id)) };
}

export type OrderReturns = ReturnType<typeof createOrderReturns>;
