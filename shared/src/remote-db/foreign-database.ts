import type { Client } from "@libsql/client";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { CannotRun } from "./cannot-run";

/**
 * Refuses, before anything is written, a database that another service's migrations (or a newer
 * version's) were applied to: one DATABASE_URL given to every service would otherwise mix their
 * tables, and drizzle, seeing a later migration than its own, would apply none of this service's.
 * Migrations are told apart by the time they were made, which stays when a file is edited.
 */
export async function refuseForeignDatabase(client: Client, migrationsFolder: string, where: string) {
  const tracked = await client.execute("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'");
  if (!tracked.rows.length) return;
  const ours = new Set(readMigrationFiles({ migrationsFolder }).map((migration) => migration.folderMillis));
  const applied = (await client.execute("select created_at from __drizzle_migrations")).rows.map((row) => Number(row.created_at));
  const unknown = applied.filter((made) => !ours.has(made)).length;
  if (unknown) {
    throw new CannotRun(`${where} holds another service's tables, or a newer version's (${unknown} migration${unknown > 1 ? "s" : ""} this version does not have); each service needs a database of its own`);
  }
}
