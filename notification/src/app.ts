import { createApp } from "@platform/shared/app";
import { notificationStatuses } from "@platform/shared/contracts/notification";
import { idempotent } from "@platform/shared/idempotency/idempotency.middleware";
import type { Logger } from "@platform/shared/logger";
import { sql } from "drizzle-orm";
import type { NotificationDb } from "./db/client";
import type { NotificationSettings } from "./env";
import type { NotificationStore } from "./queue/notification-store";
import type { Sender } from "./queue/sender";
import { notificationsRouter } from "./routes/notifications/notifications.index";
import { templatesRouter } from "./routes/templates/templates.index";
import type { Templates } from "./templates/renderer";

export type NotificationDeps = {
  db: NotificationDb;
  store: NotificationStore;
  sender: Sender;
  templates: Templates;
  logger: Logger;
  settings: NotificationSettings;
};

export const VERSION = "1.0.0";

export function createNotificationApp(deps: NotificationDeps) {
  const app = createApp({
    service: "notification",
    version: VERSION,
    description: "Order e-mails and SMS in Japanese, rendered from editable templates and sent from a durable queue at a limited rate, with retries.",
    logger: deps.logger,
    checks: { db: () => deps.db.run(sql`select 1`) },
    counts: { notifications: { help: "Notifications by status: PENDING (queued), SENT, FAILED (to look at)", statuses: notificationStatuses, read: () => deps.store.counts() } },
    settings: deps.settings,
  });
  app.use("/api/v1/*", idempotent(deps.db));
  app.route("/", notificationsRouter(deps));
  app.route("/", templatesRouter(deps));
  return app;
}
