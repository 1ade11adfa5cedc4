import { openServiceDb, type DatabaseSettings } from "@platform/shared/db";
import * as schema from "./schema";

/** Opens the notification database and applies the migrations committed in notification/drizzle. */
export const openNotificationDb = (settings: DatabaseSettings) => openServiceDb(settings, "notification", schema, new URL("../../drizzle", import.meta.url));

export type NotificationDb = Awaited<ReturnType<typeof openNotificationDb>>["db"];
