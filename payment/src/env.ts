import { z } from "zod";
import { commonEnv, integer, parseEnv, serviceUrl, webhookSecret } from "@platform/shared/env";

export const paymentEnv = commonEnv({ port: 8001 }).extend({
  ORDER_SERVICE_URL: serviceUrl("http://127.0.0.1:8000"),
  WEBHOOK_SECRET: webhookSecret,
  /** 1: one event per POST to /webhooks/payment (API.md). More: events due together go up to this many per POST to /webhooks/payment/batch. */
  WEBHOOK_BATCH_MAX: integer(1, 1, 500),
  PAYMENT_GATEWAY_LATENCY_MS: integer(0, 0, 600_000),
  PAYMENT_GATEWAY_FAILURE_RATE: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().min(0).max(1).default(0)),
  PAYMENT_GATEWAY_TIMEOUT_MS: integer(10_000, 100, 600_000),
  PAYMENT_SYNC_WAIT_MS: integer(250, 0, 30_000),
  OUTBOX_MAX_AGE_MS: integer(3 * 24 * 3600_000, 1_000),
  IDEMPOTENCY_RETENTION_HOURS: integer(48, 24),
});

export type PaymentSettings = z.infer<typeof paymentEnv>;

export const loadSettings = (source: Record<string, string | undefined> = process.env) => parseEnv(paymentEnv, source);
