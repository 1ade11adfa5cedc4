import { z } from "zod";
import { commonEnv, integer, optional, parseEnv, text } from "@platform/shared/env";
import { registrationNumber } from "@platform/shared/invoice";

export const notificationEnv = commonEnv({ port: 8002 }).extend({
  SMTP_URL: optional(z.string().regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")),
  MAIL_FROM: text('"オンラインショップ" <no-reply@shop.example.jp>'),
  SHOP_NAME: text("オンラインショップ"),
  /** Printed under the shop's name in every mail's footer: the order confirmation and a return's mail are then invoices (適格簡易請求書, 適格返還請求書). */
  INVOICE_REGISTRATION_NUMBER: z.string().optional().transform((written, context) => {
    try {
      return registrationNumber(written);
    } catch (error) {
      context.addIssue({ code: "custom", message: (error as Error).message });
      return z.NEVER;
    }
  }),
  NOTIFICATION_RATE_PER_SEC: integer(10, 1, 10_000),
  NOTIFICATION_MAX_ATTEMPTS: integer(5, 1, 100),
  NOTIFICATION_RETRY_BASE_MS: integer(2_000, 10, 3_600_000),
  NOTIFICATION_CONCURRENCY: integer(4, 1, 100),
  TEMPLATES_DIR: optional(z.string()),
  IDEMPOTENCY_RETENTION_HOURS: integer(48, 24),
});

export type NotificationSettings = z.infer<typeof notificationEnv>;

export const loadSettings = (source: Record<string, string | undefined> = process.env) => parseEnv(notificationEnv, source);
