import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { OrderStatus } from "../domain/order-status";
export { outbox } from "@platform/shared/outbox/outbox.schema";
export { idempotencyKeys } from "@platform/shared/idempotency/idempotency.schema";

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
  /** The bulk import the order came from, if any (the spec's missing batch column). */
  import_id: text("import_id"),
  /** The CSV's order_ref, unique per import source so a re-import cannot double an order. */
  external_ref: text("external_ref").unique(),
  created_at: text("created_at").notNull(),
  updated_at: text("updated_at").notNull(),
}, (table) => [
  index("orders_status").on(table.status, table.id),
  index("orders_import").on(table.import_id),
]);

export const orderItems = sqliteTable("order_items", {
  id: text("id").primaryKey(),
  order_id: text("order_id").notNull().references(() => orders.id),
  position: integer("position").notNull(),
  product_name: text("product_name").notNull(),
  quantity: integer("quantity").notNull(),
  unit_price: integer("unit_price").notNull(),
  subtotal: integer("subtotal").notNull(),
}, (table) => [index("order_items_order").on(table.order_id, table.position)]);

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
}, (table) => [index("history_order").on(table.order_id, table.id)]);

/** Payment webhook event ids already handled: a repeated delivery is acknowledged and ignored. */
export const webhookEvents = sqliteTable("webhook_events", {
  id: text("id").primaryKey(),
  type: text("type").notNull(),
  received_at: text("received_at").notNull(),
});

export type OrderRow = typeof orders.$inferSelect;
export type OrderItemRow = typeof orderItems.$inferSelect;
