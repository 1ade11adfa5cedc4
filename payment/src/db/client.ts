import { openServiceDb, type DatabaseSettings } from "@platform/shared/db";
import * as schema from "./schema";

/** Opens the payment database and applies the migrations committed in payment/drizzle. */
export const openPaymentDb = (settings: DatabaseSettings) => openServiceDb(settings, "payment", schema, new URL("../../drizzle", import.meta.url));

export type PaymentDb = Awaited<ReturnType<typeof openPaymentDb>>["db"];
