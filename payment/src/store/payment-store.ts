import { and, count, desc, eq, inArray, isNotNull, ne, sql, type SQL } from "drizzle-orm";
import { ERASED } from "@platform/shared/erasure";
import { prepared } from "@platform/shared/prepared";
import { inListParam } from "@platform/shared/sql-lists";
import type { Payment, PaymentEvent, PaymentEventType, PaymentStatus } from "@platform/shared/contracts/payment";
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

/** Every status change goes out as a webhook event through the outbox, in the change's own transaction; a refund's names the refund. */
async function announce(tx: Tx, type: PaymentEventType, row: PaymentRow, requestId?: string, refund?: PaymentEvent["refund"]) {
  const id = newId("evt");
  const event: PaymentEvent = { id, type, payment: toPayment(row), ...(refund ? { refund } : {}), created_at: new Date().toISOString() };
  await enqueue(tx, { id, kind: WEBHOOK_KIND, requestId, payload: event });
}

export function createPaymentStore(db: PaymentDb) {
  const p = sql.placeholder;
  const byId = prepared(db, "payment.byId", () => db.select().from(payments).where(eq(payments.id, p("id"))).prepare());
  // the move to COMPLETED records when the money was taken
  const completedAt = sql`case when ${p("to")} = 'COMPLETED' then ${p("now")} else ${payments.completed_at} end`;
  const move = prepared(db, "payment.move", () => db.update(payments)
    .set({ status: p("to") as never, failure_reason: p("reason") as never, updated_at: p("now") as never, completed_at: completedAt })
    .where(and(eq(payments.id, p("id")), eq(payments.status, p("from") as never))).returning().prepare());
  // the batch path's statements, prepared once: drizzle building them per call was a fifth of the
  // Payment Service's CPU under load
  const insertNew = prepared(db, "payment.insertNew", () => db.insert(payments).values({
    id: p("id"), order_id: p("order_id"), amount: p("amount") as never, currency: "JPY", status: "PENDING", created_at: p("now"), updated_at: p("now"),
  }).onConflictDoNothing({ target: payments.order_id }).returning({ id: payments.id }).prepare());
  const byOrders = prepared(db, "payment.byOrders", () => db.select().from(payments).where(inListParam(payments.order_id, "ids")).prepare());
  const byIds = prepared(db, "payment.byIds", () => db.select().from(payments).where(inListParam(payments.id, "ids")).prepare());
  const moveMany = prepared(db, "payment.moveMany", () => db.update(payments).set({ status: p("to") as never, updated_at: p("now") as never, completed_at: completedAt })
    .where(and(inListParam(payments.id, "ids"), eq(payments.status, p("from") as never))).returning().prepare());

  /**
   * Moves many payments from one status to another in one statement, each change announced (the batch
   * path). `requestIds` (order id -> request id, as the batch request gives them) go with the events.
   */
  async function transitionMany(ids: string[], from: PaymentStatus, to: PaymentStatus, type: PaymentEventType, extra: { failureReasons?: Map<string, string>; requestIds?: Map<string, string> } = {}) {
    if (!ids.length) return [];
    return db.transaction(async (tx) => {
      const now = new Date().toISOString();
      const rows = await moveMany.execute({ ids: JSON.stringify(ids), from, to, now });
      const withReasons = [];
      for (const row of rows) {
        const reason = extra.failureReasons?.get(row.id);
        if (reason) await tx.update(payments).set({ failure_reason: reason }).where(eq(payments.id, row.id));
        withReasons.push({ ...row, failure_reason: reason ?? row.failure_reason });
      }
      const events = withReasons.map((row) => {
        const id = newId("evt");
        return { id, kind: WEBHOOK_KIND, requestId: extra.requestIds?.get(row.order_id), payload: { id, type, payment: toPayment(row), created_at: now } };
      });
      await enqueue(tx, ...events);
      return withReasons;
    });
  }

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

    /**
     * Inserts many payments in one transaction and starts them (PENDING -> PROCESSING, each change
     * announced) in the same one, ready to charge; an order that already has a payment gets it back.
     * `requestIds` (order id -> request id) go with the new payments' events.
     */
    async createManyStarted(inputs: { order_id: string; amount: number }[], requestIds: Map<string, string> = new Map()) {
      if (!inputs.length) return [];
      return db.transaction(async () => {
        const now = new Date().toISOString();
        const inserted: { id: string; order_id: string }[] = [];
        for (const input of inputs) {
          const id = newId("pay");
          if ((await insertNew.execute({ id, order_id: input.order_id, amount: input.amount, now })).length) inserted.push({ id, order_id: input.order_id });
        }
        const started = await transitionMany(inserted.map((row) => row.id), "PENDING", "PROCESSING", "payment.processing", { requestIds });
        const mine = new Map(started.map((row) => [row.order_id, row]));
        const others = inputs.filter((input) => !mine.has(input.order_id)).map((input) => input.order_id);
        const existing = new Map((others.length ? await byOrders.execute({ ids: JSON.stringify(others) }) : []).map((row) => [row.order_id, row]));
        const answered = new Set<string>();
        return inputs.map((input) => {
          const fresh = mine.get(input.order_id);
          // the first mention of an order gets the payment just made; a repeat in the same batch is a 409
          if (fresh && !answered.has(input.order_id)) return answered.add(input.order_id), { payment: fresh, created: true };
          return { payment: existing.get(input.order_id) ?? fresh!, created: false };
        });
      });
    },

    transitionMany,

    async getMany(ids: string[]) {
      return ids.length ? byIds.execute({ ids: JSON.stringify(ids) }) : [];
    },

    async get(id: string) {
      const [row] = await byId.execute({ id });
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

    /** A customer's erasure: the reasons written for these orders' refunds, which may name them, read ERASED. */
    async eraseRefundReasons(orderIds: string[]) {
      const erased = await db.update(refunds).set({ reason: ERASED })
        .where(and(isNotNull(refunds.reason), ne(refunds.reason, ERASED), inArray(refunds.payment_id, db.select({ id: payments.id }).from(payments).where(inArray(payments.order_id, orderIds)))))
        .returning({ id: refunds.id });
      return erased.length;
    },

    async counts() {
      const rows = await db.select({ status: payments.status, n: count() }).from(payments).groupBy(payments.status);
      return Object.fromEntries(rows.map((row) => [row.status, row.n])) as Partial<Record<PaymentStatus, number>>;
    },

    /** Moves a payment on if it is still in one of `from`, announcing the change; undefined if it was not. */
    async transition(id: string, from: PaymentStatus, to: PaymentStatus, type: PaymentEventType, failureReason?: string, requestId?: string) {
      return db.transaction(async (tx) => {
        const [row] = await move.execute({ id, from, to, reason: failureReason ?? null, now: new Date().toISOString() });
        if (row) await announce(tx, type, row, requestId);
        return row;
      });
    },

    /** `notify_customer`: the customer is to get a refund mail (a refund made by hand; the Order Service's own refunds come with their own mails). */
    async refund(id: string, request: { amount?: number; reason?: string; notify_customer?: boolean }, requestId?: string, operator?: string) {
      return db.transaction(async (tx) => {
        const [payment] = await tx.select().from(payments).where(eq(payments.id, id));
        if (!payment) throw ApiError.notFound("Payment", id);
        const plan = planRefund(payment, request.amount);
        const now = new Date().toISOString();
        const [row] = await tx.update(payments)
          .set({ refunded_amount: plan.refunded_amount, status: plan.status, updated_at: now })
          .where(eq(payments.id, id)).returning();
        const refundId = newId("rfd");
        const notify_customer = request.notify_customer ?? false;
        await tx.insert(refunds).values({ id: refundId, payment_id: id, amount: plan.amount, reason: request.reason, operator, notify_customer, created_at: now });
        await enqueue(tx, { kind: GATEWAY_REFUND_KIND, requestId, payload: { paymentId: id, refundId, amount: plan.amount } });
        await announce(tx, "payment.refunded", row!, requestId, { id: refundId, amount: plan.amount, notify_customer, created_at: now });
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
