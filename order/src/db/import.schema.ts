import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** The bulk CSV import's tables (imports/), exported with the rest by schema.ts. */
export const importStatuses = ["VALIDATING", "VALIDATED", "PROCESSING", "COMPLETED", "COMPLETED_WITH_ERRORS", "FAILED"] as const;

/** A bulk CSV import and its progress per stage. */
export const imports = sqliteTable("imports", {
  id: text("id").primaryKey(),
  status: text("status", { enum: importStatuses }).notNull(),
  file_name: text("file_name"),
  encoding: text("encoding").notNull(),
  total_rows: integer("total_rows").notNull(),
  total_orders: integer("total_orders").notNull(),
  valid_orders: integer("valid_orders").notNull(),
  error_rows: integer("error_rows").notNull(),
  processed: integer("processed").notNull().default(0),
  succeeded: integer("succeeded").notNull().default(0),
  failed: integer("failed").notNull().default(0),
  payments_completed: integer("payments_completed").notNull().default(0),
  payments_failed: integer("payments_failed").notNull().default(0),
  notifications_sent: integer("notifications_sent").notNull().default(0),
  error: text("error"),
  /** The person who uploaded the file (X-Operator), when a person was named. */
  uploaded_by: text("uploaded_by"),
  /** The person who started it: the uploader, or whoever confirmed a dry run. */
  started_by: text("started_by"),
  created_at: text("created_at").notNull(),
  started_at: text("started_at"),
  finished_at: text("finished_at"),
});

/** The valid orders of an import, kept until they are created, so an import survives a restart. */
export const importOrders = sqliteTable("import_orders", {
  import_id: text("import_id").notNull().references(() => imports.id),
  seq: integer("seq").notNull(),
  order_ref: text("order_ref").notNull(),
  payload: text("payload").notNull(),
  /** The file's line numbers of this order's rows (a JSON array), for reporting it if it cannot be created. */
  file_rows: text("file_rows").notNull().default("[]"),
  order_id: text("order_id"),
  payment_done: integer("payment_done", { mode: "boolean" }).notNull().default(false),
  notified: integer("notified", { mode: "boolean" }).notNull().default(false),
}, (table) => [primaryKey({ columns: [table.import_id, table.seq] })]);

/** The rows an import rejected: row number (the file's line, the header being 1), column, message. */
export const importErrors = sqliteTable("import_errors", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  import_id: text("import_id").notNull().references(() => imports.id),
  row: integer("row").notNull(),
  column: text("column"),
  message: text("message").notNull(),
}, (table) => [index("import_errors_import").on(table.import_id, table.row)]);

export type ImportRow = typeof imports.$inferSelect;
