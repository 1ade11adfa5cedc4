import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Which process may run a service on this database, until when (service-lease.ts). */
export const serviceLease = sqliteTable("service_lease", {
  service: text("service").primaryKey(),
  holder: text("holder").notNull(),
  expiresAt: integer("expires_at").notNull(),
});
