import { and, eq, like } from "drizzle-orm";
import type { Logger } from "@platform/shared/logger";
import { periodic } from "@platform/shared/periodic";
import { enqueue } from "@platform/shared/outbox/outbox";
import { outbox } from "@platform/shared/outbox/outbox.schema";
import type { PaymentServiceClient } from "../clients/payment-service";
import type { OrderDb } from "../db/client";
import { orders } from "../db/schema";
import { PAYMENT_REQUEST, paymentRequest } from "../store/messages";
import type { OrderStore } from "../store/order-store";
import { withItems } from "../store/order-view";
import { applyPayment } from "./payment-sync";

/**
 * A webhook lost for good must not leave an order stuck: at start and every interval, orders that
 * waited too long ask the Payment Service directly. An order it has no payment for is asked for again.
 */
export function createReconciler(deps: { db: OrderDb; store: OrderStore; payments: PaymentServiceClient; logger: Logger; afterMs: number; intervalMs: number; onChange: () => void }) {
  async function pass() {
    const stale = await deps.store.needingReconciliation(new Date(Date.now() - deps.afterMs).toISOString());
    let fixed = 0;
    for (const order of stale) {
      const payment = await deps.payments.paymentOf(order.id, null);
      await deps.db.transaction(async (tx) => {
        if (payment) return applyPayment(tx, order.id, payment, { actor: "reconciler" });
        if (order.status === "CANCELLED") return tx.update(orders).set({ payment_status: "NONE" }).where(eq(orders.id, order.id));
        const [queued] = await tx.select({ id: outbox.id }).from(outbox)
          .where(and(eq(outbox.kind, PAYMENT_REQUEST), eq(outbox.status, "PENDING"), like(outbox.payload, `%"order_id":"${order.id}"%`))).limit(1);
        if (!queued) {
          const [view] = await withItems(tx, [order]);
          await enqueue(tx, paymentRequest(view!));
        }
        await tx.update(orders).set({ updated_at: new Date().toISOString() }).where(eq(orders.id, order.id));
      });
      fixed++;
    }
    if (fixed) {
      deps.logger.info("reconciled orders with the Payment Service", { count: fixed });
      deps.onChange();
    }
  }

  return periodic(pass, { everyMs: deps.intervalMs, logger: deps.logger, failure: "reconciliation pass failed; next pass will retry" });
}
