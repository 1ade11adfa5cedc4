import { z } from "zod";
import { commonEnv, integer, parseEnv, serviceUrl, webhookSecret } from "@platform/shared/env";

export const orderEnv = commonEnv({ port: 8000 }).extend({
  PAYMENT_SERVICE_URL: serviceUrl("http://127.0.0.1:8001"),
  NOTIFICATION_SERVICE_URL: serviceUrl("http://127.0.0.1:8002"),
  WEBHOOK_SECRET: webhookSecret,
  /** How long creating an order waits for the payment call before answering (the mail goes alongside, unawaited). */
  ORDER_CALL_WAIT_MS: integer(1_000, 0, 30_000),
  SERVICE_CALL_TIMEOUT_MS: integer(5_000, 100, 60_000),
  RECONCILE_INTERVAL_MS: integer(60_000, 100),
  RECONCILE_AFTER_MS: integer(30_000, 0),
  OUTBOX_MAX_AGE_MS: integer(3 * 24 * 3600_000, 1_000),
  IDEMPOTENCY_RETENTION_HOURS: integer(48, 24),
  IMPORT_MAX_BYTES: integer(10 * 1024 * 1024, 1024),
  IMPORT_MAX_ROWS: integer(50_000, 1),
  IMPORT_MAX_ORDERS: integer(10_000, 1),
});

export type OrderSettings = z.infer<typeof orderEnv>;

export const loadSettings = (source: Record<string, string | undefined> = process.env) => parseEnv(orderEnv, source);
