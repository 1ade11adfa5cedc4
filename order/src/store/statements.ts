import { eq, sql } from "drizzle-orm";
import { prepared } from "@platform/shared/prepared";
import type { OrderDb } from "../db/client";
import { orders, statusHistory, webhookEvents } from "../db/schema";

/**
 * The statements of the payment-sync path, which runs for every webhook and every imported order:
 * drizzle building their SQL on each call was the largest cost in a CPU profile of an import.
 */
function build(db: OrderDb) {
  const p = sql.placeholder;
  return {
    orderById: db.select().from(orders).where(eq(orders.id, p("id"))).prepare(),
    setPayment: db.update(orders)
      .set({ status: p("status") as never, payment_id: p("payment_id") as never, payment_status: p("payment_status") as never, updated_at: p("now") as never })
      .where(eq(orders.id, p("id"))).returning().prepare(),
    addHistory: db.insert(statusHistory).values({
      order_id: p("order_id"), from_status: p("from") as never, to_status: p("to") as never, actor: p("actor"), reason: p("reason"), request_id: p("request_id"), created_at: p("now"),
    }).prepare(),
    recordEvent: db.insert(webhookEvents).values({ id: p("id"), type: p("type"), received_at: p("now") }).onConflictDoNothing().returning().prepare(),
  };
}

export const statementsOf = (db: OrderDb) => prepared(db, "payment-sync", () => build(db));
