import { openServiceDb, type DatabaseSettings } from "@platform/shared/db";
import * as schema from "./schema";

/** Opens the order database and applies the migrations committed in order/drizzle. */
export const openOrderDb = (settings: DatabaseSettings) => openServiceDb(settings, "order", schema, new URL("../../drizzle", import.meta.url));

export type OrderDb = Awaited<ReturnType<typeof openOrderDb>>["db"];
