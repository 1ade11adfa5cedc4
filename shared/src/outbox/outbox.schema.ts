import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const outboxStatuses = ["PENDING", "DELIVERED", "DEAD"] as const;

/**
 * Messages to other services, committed in the same transaction as the change they announce,
 * so a change is never made without its message nor a message sent for a change that rolled back.
 */
export const outbox = sqliteTable("outbox", {
  id: text("id").primaryKey(),
  kind: text("kind").notNull(),
  payload: text("payload").notNull(),
  requestId: text("request_id"),
  status: text("status", { enum: outboxStatuses }).notNull().default("PENDING"),
  attempts: integer("attempts").notNull().default(0),
  nextAttemptAt: integer("next_attempt_at").notNull(),
  lastError: text("last_error"),
  createdAt: text("created_at").notNull(),
  deliveredAt: text("delivered_at"),
}, (table) => [index("outbox_due").on(table.status, table.nextAttemptAt)]);

export type OutboxRow = typeof outbox.$inferSelect;
