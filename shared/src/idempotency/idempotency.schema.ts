import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Answers to POSTs that carried an Idempotency-Key, kept so a retry replays instead of redoing. */
export const idempotencyKeys = sqliteTable("idempotency_keys", {
  scope: text("scope").notNull(),
  key: text("key").notNull(),
  requestHash: text("request_hash").notNull(),
  state: text("state", { enum: ["IN_FLIGHT", "DONE"] }).notNull(),
  responseStatus: integer("response_status"),
  responseType: text("response_type"),
  responseBody: text("response_body"),
  lockedAt: integer("locked_at").notNull(),
  createdAt: integer("created_at").notNull(),
}, (table) => [primaryKey({ columns: [table.scope, table.key] })]);
