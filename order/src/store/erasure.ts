import { and, count, eq, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import { ERASED } from "@platform/shared/erasure";
import { enqueue } from "@platform/shared/outbox/outbox";
import { ApiError } from "@platform/shared/problem";
import type { OrderDb } from "../db/client";
import { importOrders, orderNotes, orderReturns, orders, outbox, statusHistory } from "../db/schema";
import { erasureMessages, NOTIFICATION_REQUEST, PAYMENT_RETURN_REFUND } from "./messages";
import { writeNote } from "./note-store";
import { addressColumns } from "./order-view";

/** An order whose customer may be forgotten: nothing is left to send, deliver or refund by hand. */
const SETTLED = ["DELIVERED", "CANCELLED"];

/**
 * Erases a customer's personal data at their request (個人情報の消去, APPI): on every order with
 * their e-mail address, the name, address, phone and e-mail, and every text written about them (the
 * team's notes, which record earlier addresses too; the reasons given for status changes; what an
 * import kept of the file's rows; the outbox's copies of their mails). What was bought, for how
 * much, when and how it moved stays, for the books. The Notification Service and the Payment
 * Service are asked, through the outbox, to erase those orders' mails and refunds' reasons.
 * Refused (409) while one of the orders is still under way (it still needs the address), or while a
 * mail to the customer waits in the outbox (it would reach the Notification Service after the erasure).
 */
export async function eraseCustomer(db: OrderDb, email: string, by: { reason?: string; operator?: string; requestId?: string }) {
  return db.transaction(async (tx) => {
    const found = await tx.select({ id: orders.id, status: orders.status }).from(orders)
      .where(and(sql`lower(${orders.customer_email}) = ${email.toLowerCase()}`, isNull(orders.erased_at)));
    if (!found.length) throw new ApiError("NOT_FOUND", `No order has the e-mail address ${email} (or its customer's data was erased already).`);
    const open = found.filter((order) => !SETTLED.includes(order.status));
    if (open.length) {
      throw new ApiError("CONFLICT", `${open.length} of the customer's orders are still under way; deliver or cancel them first, as they still need the customer's data.`,
        { open_orders: open.map(({ id, status }) => ({ id, status })) });
    }
    const ids = found.map((order) => order.id);
    const ofTheirs = (kind: string, orderIdAt: string) => and(eq(outbox.kind, kind), sql`json_extract(${outbox.payload}, ${orderIdAt}) in (select value from json_each(${JSON.stringify(ids)}))`);
    const pending = async (messages: ReturnType<typeof ofTheirs>) => (await tx.select({ n: count() }).from(outbox).where(and(eq(outbox.status, "PENDING"), messages)))[0]?.n ?? 0;
    // a mail not yet handed to the Notification Service carries the name and address, and could arrive there after the erasure
    const theirMails = ofTheirs(NOTIFICATION_REQUEST, "$.notification.order_id");
    const mailsOnTheirWay = await pending(theirMails);
    if (mailsOnTheirWay) {
      throw new ApiError("CONFLICT", `${mailsOnTheirWay} mail(s) to the customer are still being handed to the Notification Service; try again in a minute, once they are.`);
    }
    // so could a return's refund, with the reason written for it
    const theirRefunds = ofTheirs(PAYMENT_RETURN_REFUND, "$.order_id");
    const refundsOnTheirWay = await pending(theirRefunds);
    if (refundsOnTheirWay) {
      throw new ApiError("CONFLICT", `${refundsOnTheirWay} refund(s) of returned items are still being handed to the Payment Service; try again in a minute, once they are.`);
    }
    const now = new Date().toISOString();
    await tx.update(orders).set({ customer_name: ERASED, customer_email: ERASED, customer_phone: null, ...addressColumns(null), erased_at: now, updated_at: now })
      .where(inArray(orders.id, ids));
    await tx.update(orderNotes).set({ text: ERASED }).where(inArray(orderNotes.order_id, ids));
    await tx.update(statusHistory).set({ reason: ERASED }).where(and(inArray(statusHistory.order_id, ids), isNotNull(statusHistory.reason)));
    await tx.update(orderReturns).set({ reason: ERASED }).where(and(inArray(orderReturns.order_id, ids), isNotNull(orderReturns.reason)));
    await tx.update(importOrders).set({ payload: "{}", file_rows: "[]" }).where(inArray(importOrders.order_id, ids));
    // the mails and refunds handed over (kept a week) or given up (which a retry by hand would send): their copies here go
    await tx.delete(outbox).where(and(inArray(outbox.status, ["DELIVERED", "DEAD"]), or(theirMails, theirRefunds)));
    for (const id of ids) await writeNote(tx, id, `お客様の依頼により個人情報を消去しました${by.reason ? `（${by.reason}）` : ""}`, by.operator);
    await enqueue(tx, ...erasureMessages(ids, by.requestId));
    return { orders: ids, erased_at: now };
  });
}
