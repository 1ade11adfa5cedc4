import { and, asc, eq, gte, inArray, lt } from "drizzle-orm";
import type { PaymentDb } from "../db/client";
import { payments, refunds } from "../db/schema";

export type LedgerEntry = {
  at: string; type: "CHARGE" | "REFUND"; amount: number; payment_id: string; order_id: string; refund_id: string | null; reason: string | null; operator: string | null;
};

// a FAILED payment took no money; one refunded later was still charged first
const charged = ["COMPLETED", "PARTIALLY_REFUNDED", "REFUNDED"] as const;

/** Money movements: what finance reconciles against the payment processor's statement. */
export function createLedgerStore(db: PaymentDb) {
  return {
    refundsOf(paymentId: string) {
      return db.select().from(refunds).where(eq(refunds.payment_id, paymentId)).orderBy(asc(refunds.created_at), asc(refunds.id));
    },

    /** Charges (dated when the gateway took the money) and refunds between two instants, oldest first. */
    async entries(start: string, end: string): Promise<LedgerEntry[]> {
      const [charges, refunded] = await Promise.all([
        db.select().from(payments).where(and(inArray(payments.status, [...charged]), gte(payments.completed_at, start), lt(payments.completed_at, end))),
        db.select({ refund: refunds, order_id: payments.order_id }).from(refunds).innerJoin(payments, eq(payments.id, refunds.payment_id))
          .where(and(gte(refunds.created_at, start), lt(refunds.created_at, end))),
      ]);
      return [
        ...charges.map((p): LedgerEntry => ({ at: p.completed_at!, type: "CHARGE", amount: p.amount, payment_id: p.id, order_id: p.order_id, refund_id: null, reason: null, operator: null })),
        ...refunded.map(({ refund, order_id }): LedgerEntry => ({
          at: refund.created_at, type: "REFUND", amount: -refund.amount, payment_id: refund.payment_id, order_id, refund_id: refund.id, reason: refund.reason, operator: refund.operator,
        })),
      ].sort((a, b) => a.at.localeCompare(b.at) || (a.refund_id ?? a.payment_id).localeCompare(b.refund_id ?? b.payment_id));
    },
  };
}

export type LedgerStore = ReturnType<typeof createLedgerStore>;
