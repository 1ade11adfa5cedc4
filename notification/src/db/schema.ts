import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { Channel, NotificationStatus, TemplateName } from "@platform/shared/contracts/notification";
export { idempotencyKeys } from "@platform/shared/idempotency/idempotency.schema";
export { serviceLease } from "@platform/shared/service-lease.schema";

/** The durable queue: a notification is a row from the moment it is accepted until it is SENT or FAILED. */
export const notifications = sqliteTable("notifications", {
  id: text("id").primaryKey(),
  order_id: text("order_id").notNull(),
  channel: text("channel").$type<Channel>().notNull(),
  template: text("template").$type<TemplateName>().notNull(),
  recipient: text("recipient").notNull(),
  /** Display name for the To header, when the variables had one. */
  recipient_name: text("recipient_name"),
  status: text("status").$type<NotificationStatus>().notNull(),
  subject: text("subject"),
  body: text("body").notNull(),
  html: text("html"),
  attempts: integer("attempts").notNull().default(0),
  error: text("error"),
  next_attempt_at: integer("next_attempt_at").notNull(),
  /** Set while an attempt is under way; still set at start means the process died mid-send. */
  sending_since: integer("sending_since"),
  /** The Idempotency-Key it was created with: a retry whose answer was lost gets it back. */
  idempotency_key: text("idempotency_key").unique(),
  created_at: text("created_at").notNull(),
  sent_at: text("sent_at"),
  /** When its recipient and text were erased at the customer's request; such a one is never sent. */
  erased_at: text("erased_at"),
}, (table) => [
  index("notifications_due").on(table.status, table.next_attempt_at),
  index("notifications_order").on(table.order_id, table.id),
  index("notifications_status").on(table.status, table.id),
  // "what did we send to this address?": an address compared without case, a phone number in E.164
  index("notifications_recipient").on(sql`lower(${table.recipient})`, table.id),
]);

/** Every attempt, kept when an operator retries a FAILED notification. */
export const attempts = sqliteTable("notification_attempts", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  notification_id: text("notification_id").notNull().references(() => notifications.id),
  attempt: integer("attempt").notNull(),
  started_at: text("started_at").notNull(),
  finished_at: text("finished_at"),
  outcome: text("outcome", { enum: ["SENT", "FAILED", "INTERRUPTED"] }),
  error: text("error"),
}, (table) => [index("attempts_notification").on(table.notification_id, table.attempt)]);

export type NotificationRow = typeof notifications.$inferSelect;
