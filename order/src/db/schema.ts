import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { OrderStatus } from "../domain/order-status";
import type { TaxRate } from "../domain/consumption-tax";
export { outbox } from "@platform/shared/outbox/outbox.schema";
export { idempotencyKeys } from "@platform/shared/idempotency/idempotency.schema";
export { serviceLease } from "@platform/shared/service-lease.schema";
export * from "./import.schema";

export const orders = sqliteTable("orders", {
  id: text("id").primaryKey(),
  customer_name: text("customer_name").notNull(),
  customer_email: text("customer_email").notNull(),
  customer_phone: text("customer_phone"),
  status: text("status").$type<OrderStatus>().notNull(),
  total_amount: integer("total_amount").notNull(),
  currency: text("currency", { enum: ["JPY"] }).notNull(),
  payment_id: text("payment_id"),
  /** The last payment status this service heard of, from the answer, a webhook or reconciliation. */
  payment_status: text("payment_status"),
  refund_requested_at: text("refund_requested_at"),
  carrier: text("carrier"),
  tracking_number: text("tracking_number"),
  /** Where the order is delivered (domain/shipping-address), all four null when it was not given. */
  shipping_postal_code: text("shipping_postal_code"),
  shipping_prefecture: text("shipping_prefecture"),
  shipping_address_line1: text("shipping_address_line1"),
  shipping_address_line2: text("shipping_address_line2"),
  /** The day (JST, YYYY-MM-DD) and time slot (午前中, 14-16 …) the customer wants it delivered, if any. */
  delivery_date: text("delivery_date"),
  delivery_time: text("delivery_time"),
  /** The tracking number as it is compared (shared/tracking-number), for a carrier's delivery list. */
  tracking_key: text("tracking_key"),
  /** The bulk import the order came from, if any (the spec's missing batch column). */
  import_id: text("import_id"),
  /** The CSV's order_ref, unique per import source so a re-import cannot double an order. */
  external_ref: text("external_ref").unique(),
  /** What the order's returns (order_returns) refund in all, tax included; 0 for an order without. */
  returned_amount: integer("returned_amount").notNull().default(0),
  /** When the customer's personal data was erased at their request (store/erasure.ts); null while it is kept. */
  erased_at: text("erased_at"),
  created_at: text("created_at").notNull(),
  updated_at: text("updated_at").notNull(),
}, (table) => [
  index("orders_status").on(table.status, table.id),
  index("orders_import").on(table.import_id),
  index("orders_tracking").on(table.tracking_key).where(sql`tracking_key is not null`),
  // the orders wished delivered by a day (the overview asks every 5 s): the few with a wish, not every PAID order
  index("orders_delivery").on(table.delivery_date, table.id).where(sql`delivery_date is not null`),
  // the reconciler's cancelled orders whose payment may still need a refund: a handful, where a
  // search by status read every cancelled order (7 ms per 20,000 on this machine, on the event loop)
  index("orders_unrefunded").on(table.status, table.refund_requested_at).where(sql`status = 'CANCELLED' and refund_requested_at is null`),
]);

export const orderItems = sqliteTable("order_items", {
  id: text("id").primaryKey(),
  order_id: text("order_id").notNull().references(() => orders.id),
  position: integer("position").notNull(),
  product_name: text("product_name").notNull(),
  quantity: integer("quantity").notNull(),
  unit_price: integer("unit_price").notNull(),
  subtotal: integer("subtotal").notNull(),
  /** 消費税 in unit_price (tax-included): 10 or 8 (domain/consumption-tax); orders from before it was kept read 10. */
  tax_rate: integer("tax_rate").$type<TaxRate>().notNull().default(10),
}, (table) => [index("order_items_order").on(table.order_id, table.position)]);

/**
 * How far the search index (the full-text table `order_search` of migration 0005) has read the
 * orders table: every order up to this rowid, the order at it named to notice a renumbering. One row.
 */
export const orderSearchProgress = sqliteTable("order_search_progress", {
  id: integer("id").primaryKey(),
  indexed_rowid: integer("indexed_rowid").notNull(),
  indexed_order_id: text("indexed_order_id"),
});

/** Orders whose contact details changed since they were indexed, queued by a trigger of migration 0005. */
export const orderSearchPending = sqliteTable("order_search_pending", {
  order_id: text("order_id").primaryKey(),
});

/**
 * Items that came back (返品) or were never sent (欠品) after the order was paid, one row per item of
 * a return; the rows of one return share its return_id, and its refund is asked of the Payment
 * Service through the outbox (refunded_at set once it is made). What a row holds of the item is
 * copied, so a return reads as it was.
 */
export const orderReturns = sqliteTable("order_returns", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  return_id: text("return_id").notNull(),
  order_id: text("order_id").notNull().references(() => orders.id),
  item_id: text("item_id").notNull(),
  product_name: text("product_name").notNull(),
  quantity: integer("quantity").notNull(),
  unit_price: integer("unit_price").notNull(),
  amount: integer("amount").notNull(),
  tax_rate: integer("tax_rate").$type<TaxRate>().notNull(),
  reason: text("reason"),
  operator: text("operator"),
  created_at: text("created_at").notNull(),
  refunded_at: text("refunded_at"),
}, (table) => [index("order_returns_order").on(table.order_id, table.id), index("order_returns_created").on(table.created_at)]);

/** Who or what moved an order, and when: the dashboard's timeline. */
export const statusHistory = sqliteTable("order_status_history", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  order_id: text("order_id").notNull().references(() => orders.id),
  from_status: text("from_status").$type<OrderStatus>(),
  to_status: text("to_status").$type<OrderStatus>().notNull(),
  actor: text("actor").notNull(),
  reason: text("reason"),
  request_id: text("request_id"),
  created_at: text("created_at").notNull(),
}, (table) => [
  index("history_order").on(table.order_id, table.id),
  // the orders shipped in a span of days, for the tax summary: the SHIPPED moves alone, not every move of every order
  index("history_shipped").on(table.created_at).where(sql`to_status = 'SHIPPED'`),
]);

/** The team's notes on an order (a customer's call, a promise made), oldest first, with who wrote each. */
export const orderNotes = sqliteTable("order_notes", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  order_id: text("order_id").notNull().references(() => orders.id),
  text: text("text").notNull(),
  operator: text("operator"),
  created_at: text("created_at").notNull(),
}, (table) => [index("order_notes_order").on(table.order_id, table.id)]);

/** Payment webhook event ids already handled: a repeated delivery is acknowledged and ignored. */
export const webhookEvents = sqliteTable("webhook_events", {
  id: text("id").primaryKey(),
  type: text("type").notNull(),
  received_at: text("received_at").notNull(),
});

export type OrderRow = typeof orders.$inferSelect;
export type OrderItemRow = typeof orderItems.$inferSelect;
