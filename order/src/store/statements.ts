import { and, asc, eq, sql } from "drizzle-orm";
import { inListParam } from "@platform/shared/sql-lists";
import { prepared } from "@platform/shared/prepared";
import { rowsStatement } from "@platform/shared/rows-statement";
import type { OrderDb } from "../db/client";
import { orderItems, orders, statusHistory, webhookEvents } from "../db/schema";

/**
 * The statements run for every order (creating it, and syncing its payment from every answer and
 * webhook): drizzle building their SQL on each call was the largest cost in CPU profiles of an
 * import and of the order benchmark.
 */
function build(db: OrderDb) {
  const p = sql.placeholder;
  return {
    insertOrder: db.insert(orders).values({
      id: p("id"), customer_name: p("customer_name"), customer_email: p("customer_email"), customer_phone: p("customer_phone"), status: "PENDING",
      shipping_postal_code: p("shipping_postal_code"), shipping_prefecture: p("shipping_prefecture"), shipping_address_line1: p("shipping_address_line1"), shipping_address_line2: p("shipping_address_line2"),
      delivery_date: p("delivery_date"), delivery_time: p("delivery_time"),
      total_amount: p("total_amount") as never, currency: "JPY", import_id: p("import_id"), external_ref: p("external_ref"), created_at: p("now"), updated_at: p("now"),
    }).prepare(),
    insertItem: db.insert(orderItems).values({
      id: p("id"), order_id: p("order_id"), position: p("position") as never, product_name: p("product_name"), quantity: p("quantity") as never, unit_price: p("unit_price") as never, subtotal: p("subtotal") as never, tax_rate: p("tax_rate") as never,
    }).prepare(),
    orderById: rowsStatement(db, orders, db.select().from(orders).where(eq(orders.id, p("id")))),
    ordersByIds: db.select().from(orders).where(inListParam(orders.id, "ids")).prepare(),
    itemsOf: rowsStatement(db, orderItems, db.select().from(orderItems).where(eq(orderItems.order_id, p("id"))).orderBy(asc(orderItems.position))),
    setPayment: db.update(orders)
      .set({ status: p("status") as never, payment_id: p("payment_id") as never, payment_status: p("payment_status") as never, updated_at: p("now") as never })
      .where(eq(orders.id, p("id"))).prepare(),
    addHistory: db.insert(statusHistory).values({
      order_id: p("order_id"), from_status: p("from") as never, to_status: p("to") as never, actor: p("actor"), reason: p("reason"), request_id: p("request_id"), created_at: p("now"),
    }).prepare(),
    cancelledAmong: db.select({ id: orders.id }).from(orders).where(and(inListParam(orders.id, "ids"), eq(orders.status, "CANCELLED"))).prepare(),
    /** Records a batch of events ({ id, type } as JSON) in one statement; answers the ids not seen before. */
    recordEvents: db.insert(webhookEvents)
      .select(sql`select json_extract(value, '$.id'), json_extract(value, '$.type'), ${p("now")} from json_each(${p("events")}) where true`)
      .onConflictDoNothing().returning({ id: webhookEvents.id }).prepare(),
  };
}

export const statementsOf = (db: OrderDb) => prepared(db, "order-statements", () => build(db));
