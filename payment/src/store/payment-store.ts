import { and, count, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { Payment, PaymentEventType, PaymentStatus } from "@platform/shared/contracts/payment";
import { newId } from "@platform/shared/ids";
import { enqueue } from "@platform/shared/outbox/outbox";
import { ApiError } from "@platform/shared/problem";
import type { PaymentDb } from "../db/client";
import { payments, refunds, type PaymentRow } from "../db/schema";
import { planRefund } from "../domain/refund";

export const WEBHOOK_KIND = "payment.webhook";
export const GATEWAY_REFUND_KIND = "gateway.refund";

type Tx = Parameters<Parameters<PaymentDb["transaction"]>[0]>[0];

export function toPayment({ idempotency_key: _key, ...payment }: PaymentRow): Payment {
  return payment;
}

/** Every status change goes out as a webhook event through the outbox, in the change's own transaction. */
async function announce(tx: Tx, type: PaymentEventType, row: PaymentRow, requestId?: string) {
  const id = newId("evt");
  await enqueue(tx, { id, kind: WEBHOOK_KIND, requestId, payload: { id, type, payment: toPayment(row), created_at: new Date().toISOString() } });
}

export function createPaymentStore(db: PaymentDb) {
  return {
    /** Inserts a PENDING payment; the order's existing payment instead when it already has one. */
    async create(input: { order_id: string; amount: number; idempotencyKey?: string }) {
      const now = new Date().toISOString();
      const [created] = await db.insert(payments).values({
        id: newId("pay"), order_id: input.order_id, amount: input.amount, currency: "JPY", status: "PENDING",
        idempotency_key: input.idempotencyKey, created_at: now, updated_at: now,
      }).onConflictDoNothing({ target: payments.order_id }).returning();
      if (created) return { payment: created, created: true };
      const [existing] = await db.select().from(payments).where(eq(payments.order_id, input.order_id));
      return { payment: existing!, created: false };
    },

    /** Inserts many PENDING payments in one transaction; an order that already has one gets it back. */
    async createMany(inputs: { order_id: string; amount: number }[]) {
      return db.transaction(async (tx) => {
        const now = new Date().toISOString();
        const results: { payment: PaymentRow; created: boolean }[] = [];
        for (const input of inputs) {
          const [created] = await tx.insert(payments).values({
            id: newId("pay"), order_id: input.order_id, amount: input.amount, currency: "JPY", status: "PENDING", created_at: now, updated_at: now,
          }).onConflictDoNothing({ target: payments.order_id }).returning();
          results.push(created ? { payment: created, created: true } : { payment: (await tx.select().from(payments).where(eq(payments.order_id, input.order_id)))[0]!, created: false });
        }
        return results;
      });
    },

    /** transition() for many payments in one transaction: the batch path's way of saving round trips. */
    async transitionMany(changes: { id: string; from: PaymentStatus[]; to: PaymentStatus; type: PaymentEventType; failureReason?: string }[]) {
      return db.transaction(async (tx) => {
        const rows: PaymentRow[] = [];
        for (const change of changes) {
          const [row] = await tx.update(payments)
            .set({ status: change.to, failure_reason: change.failureReason ?? null, updated_at: new Date().toISOString() })
            .where(and(eq(payments.id, change.id), inArray(payments.status, change.from))).returning();
          if (row) await announce(tx, change.type, row), rows.push(row);
        }
        return rows;
      });
    },

    async getMany(ids: string[]) {
      return ids.length ? db.select().from(payments).where(inArray(payments.id, ids)) : [];
    },

    async get(id: string) {
      const [row] = await db.select().from(payments).where(eq(payments.id, id));
      if (!row) throw ApiError.notFound("Payment", id);
      return row;
    },

    async getByOrder(orderId: string) {
      const [row] = await db.select().from(payments).where(eq(payments.order_id, orderId));
      if (!row) throw new ApiError("NOT_FOUND", `Order ${orderId} has no payment.`);
      return row;
    },

    async page(query: { skip: number; limit: number; status?: PaymentStatus }) {
      const where: SQL | undefined = query.status ? eq(payments.status, query.status) : undefined;
      const [items, [total]] = await Promise.all([
        db.select().from(payments).where(where).orderBy(desc(payments.id)).limit(query.limit).offset(query.skip),
        db.select({ n: count() }).from(payments).where(where),
      ]);
      return { items: items.map(toPayment), total: total!.n, skip: query.skip, limit: query.limit };
    },

    /** Moves a payment on if it is still in one of `from`, announcing the change; undefined if it was not. */
    async transition(id: string, from: PaymentStatus[], to: PaymentStatus, type: PaymentEventType, failureReason?: string, requestId?: string) {
      return db.transaction(async (tx) => {
        const [row] = await tx.update(payments)
          .set({ status: to, failure_reason: failureReason ?? null, updated_at: new Date().toISOString() })
          .where(and(eq(payments.id, id), inArray(payments.status, from))).returning();
        if (row) await announce(tx, type, row, requestId);
        return row;
      });
    },

    async refund(id: string, request: { amount?: number; reason?: string }, requestId?: string) {
      return db.transaction(async (tx) => {
        const [payment] = await tx.select().from(payments).where(eq(payments.id, id));
        if (!payment) throw ApiError.notFound("Payment", id);
        const plan = planRefund(payment, request.amount);
        const now = new Date().toISOString();
        const [row] = await tx.update(payments)
          .set({ refunded_amount: plan.refunded_amount, status: plan.status, updated_at: now })
          .where(eq(payments.id, id)).returning();
        const refundId = newId("rfd");
        await tx.insert(refunds).values({ id: refundId, payment_id: id, amount: plan.amount, reason: request.reason, created_at: now });
        await enqueue(tx, { kind: GATEWAY_REFUND_KIND, requestId, payload: { paymentId: id, refundId, amount: plan.amount } });
        await announce(tx, "payment.refunded", row!, requestId);
        return row!;
      });
    },

    /** Payments a crash or a gateway outage left unfinished. */
    async unfinished() {
      return db.select({ id: payments.id }).from(payments).where(inArray(payments.status, ["PENDING", "PROCESSING"]));
    },
  };
}

export type PaymentStore = ReturnType<typeof createPaymentStore>;
