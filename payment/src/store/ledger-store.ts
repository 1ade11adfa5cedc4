import { and, asc, count, eq, gte, inArray, lt, sql, sum } from "drizzle-orm";
import type { PaymentDb } from "../db/client";
import { payments, refunds } from "../db/schema";

export type LedgerEntry = {
  at: string; type: "CHARGE" | "REFUND"; amount: number; payment_id: string; order_id: string; refund_id: string | null; reason: string | null; operator: string | null;
};

// a FAILED payment took no money; one refunded later was still charged first
const charged = ["COMPLETED", "PARTIALLY_REFUNDED", "REFUNDED"] as const;

/** What orders the ledger: the instant, then the charge's payment id or the refund's id. */
const keyOf = (entry: LedgerEntry) => entry.refund_id ?? entry.payment_id;
const comesFirst = (a: LedgerEntry, b: LedgerEntry) => a.at < b.at || (a.at === b.at && keyOf(a) < keyOf(b));

/**
 * A query's rows in order, read a page at a time, each page starting after the last row of the one
 * before. A page after the first gives that row as its only lower bound: SQLite seeks the index to
 * it, where with the range's start beside it, it would walk from the start again on every page.
 */
async function* keyset<T>(readPage: (after: T | undefined) => Promise<T[]>, pageSize: number) {
  for (let after: T | undefined; ;) {
    const rows = await readPage(after);
    yield* rows;
    if (rows.length < pageSize) return;
    after = rows.at(-1);
  }
}

/** Money movements: what finance reconciles against the payment processor's statement. */
export function createLedgerStore(db: PaymentDb) {
  /** One page of charges in [start, end), after the entry given. */
  const chargesAfter = (start: string, end: string, after: LedgerEntry | undefined, limit: number) => db.select().from(payments).where(and(
    after ? sql`(${payments.completed_at}, ${payments.id}) > (${after.at}, ${after.payment_id})` : gte(payments.completed_at, start),
    lt(payments.completed_at, end), inArray(sql`+${payments.status}`, [...charged]), // + : the date index leads, not the status one
  )).orderBy(asc(payments.completed_at), asc(payments.id)).limit(limit);

  /** One page of refunds in [start, end), after the entry given. */
  const refundsAfter = (start: string, end: string, after: LedgerEntry | undefined, limit: number) =>
    db.select({ refund: refunds, order_id: payments.order_id }).from(refunds).innerJoin(payments, eq(payments.id, refunds.payment_id)).where(and(
      after ? sql`(${refunds.created_at}, ${refunds.id}) > (${after.at}, ${after.refund_id})` : gte(refunds.created_at, start),
      lt(refunds.created_at, end),
    )).orderBy(asc(refunds.created_at), asc(refunds.id)).limit(limit);

  const charges = (start: string, end: string, pageSize: number) => keyset<LedgerEntry>(async (after) =>
    (await chargesAfter(start, end, after, pageSize)).map((p) => ({
      at: p.completed_at!, type: "CHARGE", amount: p.amount, payment_id: p.id, order_id: p.order_id, refund_id: null, reason: null, operator: null,
    })), pageSize);

  const refundsMade = (start: string, end: string, pageSize: number) => keyset<LedgerEntry>(async (after) =>
    (await refundsAfter(start, end, after, pageSize)).map(({ refund, order_id }) => ({
      at: refund.created_at, type: "REFUND", amount: -refund.amount, payment_id: refund.payment_id, order_id, refund_id: refund.id, reason: refund.reason, operator: refund.operator,
    })), pageSize);

  /** The JST day of an instant stored in ISO 8601 UTC. */
  const jstDay = (column: typeof payments.completed_at | typeof refunds.created_at) => sql<string>`date(${column}, '+9 hours')`;

  return {
    chargesAfter,
    refundsAfter,

    /** Charges and refunds in [start, end) counted and summed by JST day, in SQL over the two date indexes. */
    async dailyTotals(start: string, end: string) {
      const [chargeDays, refundDays] = await Promise.all([
        db.select({ day: jstDay(payments.completed_at), n: count(), amount: sum(payments.amount).mapWith(Number) }).from(payments)
          .where(and(gte(payments.completed_at, start), lt(payments.completed_at, end), inArray(sql`+${payments.status}`, [...charged]))).groupBy(jstDay(payments.completed_at)).orderBy(jstDay(payments.completed_at)),
        db.select({ day: jstDay(refunds.created_at), n: count(), amount: sum(refunds.amount).mapWith(Number) }).from(refunds)
          .where(and(gte(refunds.created_at, start), lt(refunds.created_at, end))).groupBy(jstDay(refunds.created_at)).orderBy(jstDay(refunds.created_at)),
      ]);
      return { charges: new Map(chargeDays.map((d) => [d.day, d])), refunds: new Map(refundDays.map((d) => [d.day, d])) };
    },

    refundsOf(paymentId: string) {
      return db.select().from(refunds).where(eq(refunds.payment_id, paymentId)).orderBy(asc(refunds.created_at), asc(refunds.id));
    },

    /**
     * Charges (dated when the gateway took the money) and refunds between two instants, oldest first,
     * a page at a time: a year of movements is read through the two date indexes and sent as it is
     * read, never held whole. Each page continues after the last entry read; a movement made meanwhile
     * comes after every entry read so far, so it is listed once or not at all.
     */
    async *entries(start: string, end: string, pageSize = 1000): AsyncGenerator<LedgerEntry[]> {
      const chargeStream = charges(start, end, pageSize), refundStream = refundsMade(start, end, pageSize);
      let [charge, refund] = await Promise.all([chargeStream.next(), refundStream.next()]);
      let page: LedgerEntry[] = [];
      while (!charge.done || !refund.done) {
        if (!charge.done && (refund.done || comesFirst(charge.value, refund.value))) {
          page.push(charge.value);
          charge = await chargeStream.next();
        } else if (!refund.done) {
          page.push(refund.value);
          refund = await refundStream.next();
        }
        if (page.length === pageSize) {
          yield page;
          page = [];
        }
      }
      if (page.length) yield page;
    },
  };
}

export type LedgerStore = ReturnType<typeof createLedgerStore>;
