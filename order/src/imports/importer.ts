import { and, asc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { DependencyError } from "@platform/shared/http-client";
import { newId } from "@platform/shared/ids";
import type { Logger } from "@platform/shared/logger";
import type { NotificationServiceClient } from "../clients/notification-service";
import type { PaymentServiceClient } from "../clients/payment-service";
import type { OrderDb } from "../db/client";
import { importErrors, importOrders, imports, orderItems, orders, statusHistory } from "../db/schema";
import type { NewOrder } from "../domain/new-order";
import { orderTotal } from "../domain/new-order";
import { applyPayment } from "../flow/payment-sync";
import { orderMail } from "../store/messages";
import { addressColumns, withItems } from "../store/order-view";
import type { ImportStore } from "./import-store";

const CHUNK = 500;
/** How often the payment stage looks for orders the creating stage has not yet made. */
const CREATED_POLL_MS = 50;
const finalPayment = ["COMPLETED", "FAILED", "PARTIALLY_REFUNDED", "REFUNDED"];

/**
 * Runs imports in stages, each in chunks and each resumable from the database alone: orders are
 * created in large transactions and paid through the batch payment API, each chunk as soon as it is
 * created; then their confirmations are queued through the batch notification API. A restart
 * carries on where the last chunks ended.
 */
export function createImporter(deps: { db: OrderDb; imports: ImportStore; payments: PaymentServiceClient; notifications: NotificationServiceClient; logger: Logger }) {
  const { db, logger } = deps;
  const queue: string[] = [];
  let running: Promise<void> | undefined;
  let stopping = false;

  const bump = (id: string, fields: Partial<Record<"processed" | "succeeded" | "failed" | "error_rows" | "payments_completed" | "payments_failed" | "notifications_sent", number>>) =>
    db.update(imports).set(Object.fromEntries(Object.entries(fields).map(([k, n]) => [k, sql`${sql.identifier(k)} + ${n}`]))).where(eq(imports.id, id));

  async function createOrders(importId: string) {
    for (;;) {
      const chunk = await db.select().from(importOrders).where(and(eq(importOrders.import_id, importId), isNull(importOrders.order_id))).orderBy(asc(importOrders.seq)).limit(CHUNK);
      if (!chunk.length || stopping) return;
      await db.transaction(async (tx) => {
        const now = new Date().toISOString();
        const rows = chunk.map((c) => ({ c, input: JSON.parse(c.payload) as NewOrder, id: newId("ord") }));
        const inserted = new Set((await tx.insert(orders).values(rows.map(({ c, input, id }) => ({
          id, customer_name: input.customer_name, customer_email: input.customer_email, customer_phone: input.customer_phone, ...addressColumns(input.shipping_address),
          delivery_date: input.delivery_date ?? null, delivery_time: input.delivery_time ?? null, status: "PENDING" as const,
          total_amount: orderTotal(input.items), currency: "JPY" as const, import_id: importId, external_ref: c.order_ref, created_at: now, updated_at: now,
        }))).onConflictDoNothing().returning({ id: orders.id })).map((r) => r.id));
        const made = rows.filter((r) => inserted.has(r.id));
        const items = made.flatMap(({ input, id }) => input.items.map((item, position) => ({ id: newId("itm"), order_id: id, position, ...item, subtotal: item.quantity * item.unit_price })));
        for (let i = 0; i < items.length; i += CHUNK) await tx.insert(orderItems).values(items.slice(i, i + CHUNK));
        if (made.length) await tx.insert(statusHistory).values(made.map(({ id }) => ({ order_id: id, to_status: "PENDING" as const, actor: `import:${importId}`, created_at: now })));
        for (const { c, id } of rows) {
          // an order_ref another import created meanwhile is marked done without an order of ours
          await tx.update(importOrders).set(inserted.has(id) ? { order_id: id } : { order_id: "", payment_done: true, notified: true })
            .where(and(eq(importOrders.import_id, importId), eq(importOrders.seq, c.seq)));
        }
        // ...and reported on its rows, as validation would have had it come first
        const raced = rows.filter((r) => !inserted.has(r.id)).flatMap(({ c }) => (JSON.parse(c.file_rows) as number[]).map((row) => ({
          import_id: importId, row, column: "order_ref", message: `order_ref ${c.order_ref} was imported by another import meanwhile; it is not imported twice`,
        })));
        if (raced.length) await tx.insert(importErrors).values(raced);
        await bump(importId, { processed: rows.length, succeeded: made.length, failed: rows.length - made.length, error_rows: raced.length });
      });
    }
  }

  /**
   * Waits for the next chunk a stage has to do: its rows, or none once the orders are all created
   * (`created()` read before the select, so that a chunk created meanwhile is still found).
   */
  async function nextChunk<T>(created: () => boolean, select: () => Promise<T[]>): Promise<T[]> {
    for (; !stopping; await Bun.sleep(CREATED_POLL_MS)) {
      const last = created();
      const chunk = await select();
      if (chunk.length || last) return chunk;
    }
    return [];
  }

  async function pay(importId: string, created: () => boolean) {
    for (let idle = 0; !stopping; ) {
      const chunk = await nextChunk(created, () => db.select({ seq: importOrders.seq, order_id: importOrders.order_id, amount: orders.total_amount }).from(importOrders)
        .innerJoin(orders, eq(orders.id, importOrders.order_id))
        .where(and(eq(importOrders.import_id, importId), eq(importOrders.payment_done, false))).orderBy(asc(importOrders.seq)).limit(CHUNK));
      if (!chunk.length) return;
      const results = await deps.payments.requestBatch(chunk.map((c) => ({ order_id: c.order_id!, amount: c.amount })), null);
      let progress = 0;
      await db.transaction(async (tx) => {
        let completed = 0;
        let failed = 0;
        for (const [i, result] of results.entries()) {
          const done = !result.payment || finalPayment.includes(result.payment.status);
          if (result.payment) await applyPayment(tx, chunk[i]!.order_id!, result.payment, { actor: `import:${importId}` });
          if (!done) continue;
          progress++;
          if (result.payment?.status === "FAILED" || !result.payment) failed++;
          else completed++;
          await tx.update(importOrders).set({ payment_done: true }).where(and(eq(importOrders.import_id, importId), eq(importOrders.seq, chunk[i]!.seq)));
        }
        await bump(importId, { payments_completed: completed, payments_failed: failed });
      });
      if (!progress) await Bun.sleep(Math.min(5_000, 250 * 2 ** idle++)); // charges still under way: ask again shortly
    }
  }

  async function notify(importId: string) {
    for (; !stopping; ) {
      const chunk = await db.select({ seq: importOrders.seq, order_id: importOrders.order_id }).from(importOrders)
        .where(and(eq(importOrders.import_id, importId), eq(importOrders.notified, false), isNotNull(importOrders.order_id))).orderBy(asc(importOrders.seq)).limit(CHUNK);
      if (!chunk.length) return;
      const views = await withItems(db, await db.select().from(orders).where(inArray(orders.id, chunk.map((c) => c.order_id!))));
      const mails = views.map((view) => orderMail(view, "ORDER_CONFIRMATION").payload as { idempotency_key: string; notification: Record<string, unknown> });
      const results = await deps.notifications.queueBatch(mails.map((m) => ({ ...m.notification, idempotency_key: m.idempotency_key })), null);
      await db.transaction(async (tx) => {
        await tx.update(importOrders).set({ notified: true }).where(and(eq(importOrders.import_id, importId), inArray(importOrders.seq, chunk.map((c) => c.seq))));
        await bump(importId, { notifications_sent: results.filter((r) => r.status === 202).length });
      });
    }
  }

  async function run(importId: string) {
    for (let attempt = 0; !stopping; attempt++) {
      try {
        // a chunk is paid as soon as it is created; the mails follow once every order is paid, so
        // that rendering them never slows the payments down. Both stages end before a retry starts,
        // so no two runs of a stage ever share an import.
        let created = false;
        const stages = await Promise.allSettled([createOrders(importId).finally(() => (created = true)), pay(importId, () => created)]);
        const failed = stages.find((stage) => stage.status === "rejected");
        if (failed) throw failed.reason;
        await notify(importId);
        if (stopping) return;
        const current = await deps.imports.get(importId);
        const clean = current.error_rows === 0 && current.failed === 0 && current.payments_failed === 0;
        await db.update(imports).set({ status: clean ? "COMPLETED" : "COMPLETED_WITH_ERRORS", finished_at: new Date().toISOString() }).where(eq(imports.id, importId));
        logger.info("import finished", { import_id: importId, orders: current.succeeded });
        return;
      } catch (error) {
        if (!(error instanceof DependencyError)) {
          logger.error("import failed", { import_id: importId, error });
          await db.update(imports).set({ status: "FAILED", error: (error as Error).message, finished_at: new Date().toISOString() }).where(eq(imports.id, importId));
          return;
        }
        logger.warn("import waiting for a service", { import_id: importId, error: error.message });
        await Bun.sleep(Math.min(30_000, 500 * 2 ** attempt));
      }
    }
  }

  async function drain() {
    // The upload that queued the import has just been answered, and left garbage; collected before the
    // import's own work starts, the Order Service's peak over a 10,000-order import fell from 158–163 MB
    // to 139–140 MB (measured as `bun run bench` does). Since the upload collects between its own
    // steps this matters less: 141 and 143 MB with it, 145 and 147 MB without.
    await Bun.sleep(0);
    Bun.gc(true);
    while (queue.length && !stopping) await run(queue.shift()!);
    running = undefined;
    if (queue.length && !stopping) running = drain(); // enqueued while the last one was finishing
  }

  return {
    enqueue(importId: string) {
      if (!queue.includes(importId)) queue.push(importId);
      running ??= drain();
    },
    async start() {
      for (const { id } of await deps.imports.processing()) this.enqueue(id);
    },
    async stop() {
      stopping = true;
      await running;
    },
  };
}

export type Importer = ReturnType<typeof createImporter>;
