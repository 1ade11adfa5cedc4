import { isNotNull } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { PaymentStatus } from "@platform/shared/contracts/payment";
export { outbox } from "@platform/shared/outbox/outbox.schema";
export { idempotencyKeys } from "@platform/shared/idempotency/idempotency.schema";
export { serviceLease } from "@platform/shared/service-lease.schema";

export const payments = sqliteTable("payments", {
  id: text("id").primaryKey(),
  /** Unique: one payment per order (FR-014), enforced here so concurrent requests cannot both win. */
  order_id: text("order_id").notNull().unique(),
  amount: integer("amount").notNull(),
  currency: text("currency", { enum: ["JPY"] }).notNull(),
  status: text("status").$type<PaymentStatus>().notNull(),
  failure_reason: text("failure_reason"),
  refunded_amount: integer("refunded_amount").notNull().default(0),
  /** The key the payment was created with, so a retry after a lost answer gets it back instead of a 409. */
  idempotency_key: text("idempotency_key"),
  created_at: text("created_at").notNull(),
  updated_at: text("updated_at").notNull(),
  /** When the gateway took the money (the move to COMPLETED): the day a charge belongs to in the ledger. */
  completed_at: text("completed_at"),
}, (table) => [
  index("payments_status").on(table.status, table.id),
  // the ledger reads charges by the day they completed; a payment not (yet) completed is not in it
  index("payments_completed").on(table.completed_at, table.id).where(isNotNull(table.completed_at)),
]);

export const refunds = sqliteTable("refunds", {
  id: text("id").primaryKey(),
  payment_id: text("payment_id").notNull().references(() => payments.id),
  amount: integer("amount").notNull(),
  reason: text("reason"),
  /** The person who asked for it (X-Operator), when a person did. */
  operator: text("operator"),
  /** Whether the customer is sent a refund mail (ORDER_REFUNDED) for it: asked for by the person refunding by hand. */
  notify_customer: integer("notify_customer", { mode: "boolean" }).notNull().default(false),
  created_at: text("created_at").notNull(),
}, (table) => [index("refunds_payment").on(table.payment_id), index("refunds_created").on(table.created_at, table.id)]);

export type PaymentRow = typeof payments.$inferSelect;
