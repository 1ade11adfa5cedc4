import { createApp } from "@platform/shared/app";
import { paymentStatuses } from "@platform/shared/contracts/payment";
import { outboxStatuses } from "@platform/shared/outbox/outbox.schema";
import { idempotent } from "@platform/shared/idempotency/idempotency.middleware";
import type { Logger } from "@platform/shared/logger";
import type { OutboxRelay } from "@platform/shared/outbox/outbox-relay";
import { outboxRouter } from "@platform/shared/outbox/outbox.router";
import { sql } from "drizzle-orm";
import type { PaymentDb } from "./db/client";
import type { PaymentSettings } from "./env";
import type { PaymentProcessor } from "./processing/payment-processor";
import { ledgerRouter } from "./routes/ledger/ledger.index";
import { paymentsRouter } from "./routes/payments/payments.index";
import type { LedgerStore } from "./store/ledger-store";
import type { PaymentStore } from "./store/payment-store";

export type PaymentDeps = {
  db: PaymentDb;
  store: PaymentStore;
  ledger: LedgerStore;
  processor: PaymentProcessor;
  relay: OutboxRelay;
  logger: Logger;
  settings: PaymentSettings;
  syncWaitMs: number;
};

export const VERSION = "1.0.0";

export function createPaymentApp(deps: PaymentDeps) {
  const app = createApp({
    service: "payment",
    version: VERSION,
    description: "Payments of orders: one per order, 100 to 1,000,000 JPY, charged through the gateway, refunded in full or in part. Every status change is sent to the Order Service as a signed webhook.",
    logger: deps.logger,
    checks: { db: () => deps.db.run(sql`select 1`) },
    counts: {
      payments: { help: "Payments by status", statuses: paymentStatuses, read: () => deps.store.counts() },
      outbox_messages: { help: "Webhooks to the Order Service: PENDING (to deliver), DELIVERED (kept a week), DEAD (given up, to retry by hand)", statuses: outboxStatuses, read: () => deps.relay.counts() },
    },
    settings: deps.settings,
  });
  app.use("/api/v1/*", idempotent(deps.db));
  app.route("/", paymentsRouter(deps));
  app.route("/", ledgerRouter(deps));
  app.route("/", outboxRouter(deps.relay));
  return app;
}
