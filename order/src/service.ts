import { startHousekeeping } from "@platform/shared/housekeeping";
import { purgeIdempotencyKeys } from "@platform/shared/idempotency/idempotency.middleware";
import type { Logger } from "@platform/shared/logger";
import { createOutboxRelay } from "@platform/shared/outbox/outbox-relay";
import { DEV_WEBHOOK_SECRET } from "@platform/shared/webhook-signature";
import { createOrderApp } from "./app";
import { createNotificationServiceClient } from "./clients/notification-service";
import { createPaymentServiceClient } from "./clients/payment-service";
import { lt } from "drizzle-orm";
import { openOrderDb } from "./db/client";
import { webhookEvents } from "./db/schema";
import type { OrderSettings } from "./env";
import { createOrderActions } from "./flow/order-actions";
import { createOrderReturns } from "./flow/order-returns";
import { orderOutboxBatchHandlers, orderOutboxHandlers } from "./flow/outbox-handlers";
import { createReconciler } from "./flow/reconciler";
import { createNoteStore } from "./store/note-store";
import { createOrderStore } from "./store/order-store";
import { createSearchIndexer } from "./store/search-index";
import { createImportStore } from "./imports/import-store";
import { createImporter } from "./imports/importer";

/** Delivered outbox messages are kept a week for operators to look back on, then forgotten. */
const DELIVERED_KEPT_MS = 7 * 24 * 3600_000;

/** Wires the Order Service from its settings; the entry point and the tests both build it here. */
export async function buildOrderService(settings: OrderSettings, logger: Logger) {
  const { db, close } = await openOrderDb(settings);
  const calls = { timeoutMs: settings.SERVICE_CALL_TIMEOUT_MS, apiToken: settings.API_TOKEN };
  const payments = createPaymentServiceClient({ baseUrl: settings.PAYMENT_SERVICE_URL, ...calls });
  const notifications = createNotificationServiceClient({ baseUrl: settings.NOTIFICATION_SERVICE_URL, ...calls });
  const store = createOrderStore(db);
  const relay = createOutboxRelay({
    db, logger, maxAgeMs: settings.OUTBOX_MAX_AGE_MS,
    handlers: orderOutboxHandlers({ db, payments, notifications }), batchHandlers: orderOutboxBatchHandlers({ db, payments, notifications }),
  });
  const actions = createOrderActions(db, store);
  const reconciler = createReconciler({ db, store, payments, logger, afterMs: settings.RECONCILE_AFTER_MS, intervalMs: settings.RECONCILE_INTERVAL_MS, onChange: () => relay.kick() });
  const webhookSecret = settings.WEBHOOK_SECRET ?? DEV_WEBHOOK_SECRET;
  const imports = createImportStore(db);
  const importer = createImporter({ db, imports, payments, notifications, logger });
  const searchIndexer = createSearchIndexer({ db, logger, everyMs: 1_000 });
  const app = createOrderApp({ db, store, actions, relay, logger, settings, webhookSecret, imports, importer, notes: createNoteStore(db, store), returns: createOrderReturns(db, store, payments) });
  const retentionMs = settings.IDEMPOTENCY_RETENTION_HOURS * 3600_000;
  let housekeeping: ReturnType<typeof startHousekeeping> | undefined;

  return {
    app, db, store, relay, reconciler, imports,
    async start() {
      relay.start();
      reconciler.start();
      searchIndexer.start();
      await importer.start();
      housekeeping = startHousekeeping({
        idempotency: () => purgeIdempotencyKeys(db, retentionMs),
        outbox: () => relay.purgeDelivered(DELIVERED_KEPT_MS),
        // the Payment Service stops retrying an event after OUTBOX_MAX_AGE_MS (3 days); a week is ample
        webhookEvents: () => db.delete(webhookEvents).where(lt(webhookEvents.received_at, new Date(Date.now() - DELIVERED_KEPT_MS).toISOString())),
      }, logger);
    },
    async stop() {
      await housekeeping?.stop();
      await importer.stop();
      await searchIndexer.stop();
      await reconciler.stop();
      await relay.stop();
      await close();
    },
  };
}
