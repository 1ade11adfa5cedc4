import { startHousekeeping } from "@platform/shared/housekeeping";
import { purgeIdempotencyKeys } from "@platform/shared/idempotency/idempotency.middleware";
import type { Logger } from "@platform/shared/logger";
import { join, resolve } from "node:path";
import { createNotificationApp } from "./app";
import { openNotificationDb } from "./db/client";
import type { NotificationSettings } from "./env";
import { createNotificationStore } from "./queue/notification-store";
import { createSender } from "./queue/sender";
import { loadTemplates } from "./templates/renderer";
import { fileTransport, smtpTransport } from "./transports/email";
import { fileSmsTransport } from "./transports/sms";

const bundledTemplates = resolve(import.meta.dir, "../templates");

/** Wires the Notification Service from its settings; the entry point and the tests both build it here. */
export async function buildNotificationService(settings: NotificationSettings, logger: Logger) {
  const templates = loadTemplates(settings.TEMPLATES_DIR ?? bundledTemplates, { name: settings.SHOP_NAME, registrationNumber: settings.INVOICE_REGISTRATION_NUMBER });
  const { db, close } = await openNotificationDb(settings);
  const email = settings.SMTP_URL ? smtpTransport(settings.SMTP_URL, settings.MAIL_FROM) : fileTransport(join(settings.DATA_DIR, "mail"), settings.MAIL_FROM);
  const sms = fileSmsTransport(join(settings.DATA_DIR, "sms"));
  const store = createNotificationStore(db);
  const sender = createSender({
    store, email, sms, logger,
    ratePerSecond: settings.NOTIFICATION_RATE_PER_SEC, concurrency: settings.NOTIFICATION_CONCURRENCY,
    maxAttempts: settings.NOTIFICATION_MAX_ATTEMPTS, retryBaseMs: settings.NOTIFICATION_RETRY_BASE_MS,
  });
  const app = createNotificationApp({ db, store, sender, templates, logger, settings });
  const retentionMs = settings.IDEMPOTENCY_RETENTION_HOURS * 3600_000;
  let housekeeping: ReturnType<typeof startHousekeeping> | undefined;
  if (!settings.SMTP_URL) logger.info("SMTP_URL is not set: e-mails are written as .eml files", { dir: resolve(settings.DATA_DIR, "mail") });

  return {
    app, db, store, sender,
    async start() {
      await sender.start();
      housekeeping = startHousekeeping({ idempotency: () => purgeIdempotencyKeys(db, retentionMs) }, logger);
    },
    async stop() {
      await housekeeping?.stop();
      await sender.stop();
      email.close();
      await close();
    },
  };
}
