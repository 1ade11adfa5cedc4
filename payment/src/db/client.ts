import { databaseUrl, openDatabase, type DatabaseSettings } from "@platform/shared/db";
import { drizzle } from "drizzle-orm/libsql";
import { migrate } from "drizzle-orm/libsql/migrator";
import { fileURLToPath } from "node:url";
import * as schema from "./schema";

/** Opens the payment database and applies the committed migrations. */
export async function openPaymentDb(settings: DatabaseSettings) {
  const client = await openDatabase(databaseUrl(settings, "payment"), settings.DATABASE_AUTH_TOKEN);
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder: fileURLToPath(new URL("../../drizzle", import.meta.url)) });
  return { db, close: () => client.close() };
}

export type PaymentDb = Awaited<ReturnType<typeof openPaymentDb>>["db"];
