import { and, asc, count, desc, eq, gte, inArray, isNull, lt, or, sum } from "drizzle-orm";
import { newId } from "@platform/shared/ids";
import { enqueue } from "@platform/shared/outbox/outbox";
import { ApiError } from "@platform/shared/problem";
import type { OrderDb } from "../db/client";
import { orders, statusHistory, type OrderRow } from "../db/schema";
import { orderTotal, type ContactChange, type NewOrder } from "../domain/new-order";
import type { OrderStatus } from "../domain/order-status";
import { orderMail, paymentRequest } from "./messages";
import { correctContact } from "./contact-change";
import { addressColumns, toOrder, withItems, type OrderView } from "./order-view";
import { eraseCustomer } from "./erasure";
import { filtered, type OrderFilter } from "./order-filter";
import { taxByDay, taxSummary } from "./tax-summary";
import { pickingList } from "./picking-list";
import { indexNarrows } from "./search-index";
import { statementsOf } from "./statements";

export type Tx = Parameters<Parameters<OrderDb["transaction"]>[0]>[0];
export type Move = { actor: string; reason?: string; requestId?: string };

/** The actor of a change made through the API: the person, when the request named one (X-Operator). */
export const apiActor = (operator: string | undefined) => (operator ? `operator:${operator}` : "api");
/** The person an actor names, if a person made the change. */
export const operatorOf = (actor: string | undefined) => (actor?.startsWith("operator:") ? actor.slice("operator:".length) : undefined);

/** Writes a status change and its history row; the caller has checked the move against the machine. */
export async function moveStatus(tx: Tx, order: OrderRow, to: OrderStatus, move: Move, fields: Partial<OrderRow> = {}) {
  const now = new Date().toISOString();
  const [row] = await tx.update(orders).set({ ...fields, status: to, updated_at: now }).where(eq(orders.id, order.id)).returning();
  await tx.insert(statusHistory).values({ order_id: order.id, from_status: order.status, to_status: to, actor: move.actor, reason: move.reason, request_id: move.requestId, created_at: now });
  return row!;
}

export function createOrderStore(db: OrderDb) {
  const statements = statementsOf(db);

  async function load(id: string) {
    const [row] = await statements.orderById.all({ id });
    if (!row) throw ApiError.notFound("Order", id);
    return row;
  }

  return {
    load,

    /** The order, its items, its first history row and its outbox messages (the payment request, the confirmation mail): all or nothing. */
    async insert(tx: Tx, input: NewOrder, meta: { requestId?: string; importId?: string; externalRef?: string; actor?: string } = {}) {
      const now = new Date().toISOString();
      const id = newId("ord");
      const row: OrderRow = {
        id, customer_name: input.customer_name, customer_email: input.customer_email, customer_phone: input.customer_phone ?? null,
        status: "PENDING", total_amount: orderTotal(input.items), currency: "JPY", payment_id: null, payment_status: null, refund_requested_at: null,
        carrier: null, tracking_number: null, tracking_key: null, import_id: meta.importId ?? null, external_ref: meta.externalRef ?? null, created_at: now, updated_at: now, erased_at: null, returned_amount: 0,
        ...addressColumns(input.shipping_address), delivery_date: input.delivery_date ?? null, delivery_time: input.delivery_time ?? null,
      };
      await statements.insertOrder.execute({ ...row, now }); // the row is known: no need to read it back
      const items = input.items.map((item, position) => ({ id: newId("itm"), order_id: id, position, ...item, subtotal: item.quantity * item.unit_price }));
      for (const item of items) await statements.insertItem.execute(item);
      await statements.addHistory.execute({ order_id: id, from: null, to: "PENDING", actor: meta.actor ?? "api", reason: null, request_id: meta.requestId ?? null, now });
      const order = toOrder(row, items);
      const [paymentMessage, mailMessage] = await enqueue(tx, paymentRequest(order, meta.requestId), orderMail(order, "ORDER_CONFIRMATION", {}, meta.requestId));
      return { order, paymentMessage: paymentMessage!, mailMessage: mailMessage! };
    },

    /** The order as it is now; its items never change, so only the order row is read again. */
    async refreshed(order: OrderView) {
      return { ...toOrder(await load(order.id), []), items: order.items, tax_by_rate: order.tax_by_rate };
    },

    async get(id: string) {
      const row = await load(id);
      return toOrder(row, await statements.itemsOf.all({ id }));
    },

    async page(query: OrderFilter & { skip: number; limit: number }) {
      const where = filtered(query, await indexNarrows(db, query.q));
      const [rows, [total]] = await Promise.all([
        db.select().from(orders).where(where).orderBy(desc(orders.id)).limit(query.limit).offset(query.skip),
        db.select({ n: count() }).from(orders).where(where),
      ]);
      return { items: await withItems(db, rows), total: total!.n, skip: query.skip, limit: query.limit };
    },

    /**
     * Every order the filter finds, newest first, with its items, a page at a time (an export). Each
     * page starts below the last id read, so orders created meanwhile do not shift the pages.
     */
    async *each(query: OrderFilter, pageSize = 500) {
      const viaIndex = await indexNarrows(db, query.q);
      for (let before: string | undefined; ;) {
        const rows = await db.select().from(orders).where(and(filtered(query, viaIndex), before ? lt(orders.id, before) : undefined)).orderBy(desc(orders.id)).limit(pageSize);
        if (rows.length) yield await withItems(db, rows);
        if (rows.length < pageSize) return;
        before = rows.at(-1)!.id;
      }
    },

    /** What the warehouse picks for the orders the filter finds (picking-list.ts). */
    pickingList: (query: OrderFilter) => pickingList(db, query),

    /** The 消費税 in the sales of the orders shipped between two JST days (tax-summary.ts). */
    taxSummary: (from: string, to: string) => taxSummary(db, from, to),
    /** The same by day and rate, for the CSV (tax-summary.ts). */
    taxByDay: (from: string, to: string) => taxByDay(db, from, to),

    /** A customer's erasure, at their request (erasure.ts). */
    eraseCustomer: (email: string, by: Parameters<typeof eraseCustomer>[2]) => eraseCustomer(db, email, by),

    /** The orders shipped under these tracking keys (shared/tracking-number), oldest first. */
    shippedUnder(keys: string[]) {
      if (!keys.length) return Promise.resolve([]);
      return db.select({ id: orders.id, tracking_key: orders.tracking_key }).from(orders).where(inArray(orders.tracking_key, keys)).orderBy(asc(orders.id));
    },

    /** Corrects the contact details, the address or the delivery wish (contact-change.ts). */
    async changeContact(id: string, change: ContactChange, operator: string | undefined) {
      await db.transaction(async (tx) => correctContact(tx, await load(id), change, operator));
      return this.get(id);
    },

    async history(id: string) {
      await load(id);
      return db.select().from(statusHistory).where(eq(statusHistory.order_id, id)).orderBy(statusHistory.id);
    },

    async counts() {
      const rows = await db.select({ status: orders.status, n: count() }).from(orders).groupBy(orders.status);
      return Object.fromEntries(rows.map((row) => [row.status, row.n])) as Partial<Record<OrderStatus, number>>;
    },

    async today(since: string) {
      const [created] = await db.select({ n: count() }).from(orders).where(gte(orders.created_at, since));
      const [paid] = await db.select({ total: sum(orders.total_amount) }).from(orders)
        .where(and(gte(orders.created_at, since), inArray(orders.status, ["PAID", "SHIPPED", "DELIVERED"])));
      return { orders: created!.n, revenue: Number(paid!.total ?? 0) };
    },

    /** Orders whose payment outcome may have been missed: waiting too long, or cancelled with money still held. */
    needingReconciliation(olderThan: string) {
      return db.select().from(orders).where(and(lt(orders.updated_at, olderThan), or(
        inArray(orders.status, ["PENDING", "PAYMENT_PROCESSING"]),
        and(eq(orders.status, "CANCELLED"), isNull(orders.refund_requested_at), or(isNull(orders.payment_status), inArray(orders.payment_status, ["PENDING", "PROCESSING", "COMPLETED", "PARTIALLY_REFUNDED"]))),
      ))).limit(500);
    },
  };
}

export type OrderStore = ReturnType<typeof createOrderStore>;
