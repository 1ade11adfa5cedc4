import { createLogger } from "@platform/shared/logger";
import { createOutboxRelay } from "@platform/shared/outbox/outbox-relay";
import { purgeIdempotencyKeys } from "@platform/shared/idempotency/idempotency.middleware";
import { serve } from "@platform/shared/serve";
import { createPaymentApp } from "./app";
import { createOrderServiceClient } from "./clients/order-service";
import { openPaymentDb } from "./db/client";
import { DEV_WEBHOOK_SECRET, loadSettings } from "./env";
import { createSimulatedGateway } from "./gateway/simulated-gateway";
import { createPaymentProcessor } from "./processing/payment-processor";
import { createPaymentStore, GATEWAY_REFUND_KIND, WEBHOOK_KIND } from "./store/payment-store";

const settings = loadSettings();
const logger = createLogger({ service: "payment" }, settings.LOG_LEVEL);
if (!settings.WEBHOOK_SECRET) logger.warn("WEBHOOK_SECRET is not set; using the development secret. Set it in production.");
const { db, close } = await openPaymentDb(settings);

const gateway = createSimulatedGateway({ latencyMs: settings.PAYMENT_GATEWAY_LATENCY_MS, failureRate: settings.PAYMENT_GATEWAY_FAILURE_RATE });
const orderService = createOrderServiceClient({ baseUrl: settings.ORDER_SERVICE_URL, webhookSecret: settings.WEBHOOK_SECRET ?? DEV_WEBHOOK_SECRET });
const relay = createOutboxRelay({
  db, logger, maxAgeMs: settings.OUTBOX_MAX_AGE_MS,
  handlers: {
    [WEBHOOK_KIND]: (message) => orderService.deliverPaymentEvent(message.payload, message.requestId),
    [GATEWAY_REFUND_KIND]: (message) => gateway.refund(message.payload as { paymentId: string; refundId: string; amount: number }),
  },
});
const store = createPaymentStore(db);
const processor = createPaymentProcessor({ store, gateway, logger, onChange: () => relay.kick() });
const app = createPaymentApp({ db, store, processor, relay, logger, settings, syncWaitMs: settings.PAYMENT_SYNC_WAIT_MS });

relay.start();
await processor.start();
const purge = setInterval(() => void purgeIdempotencyKeys(db, settings.IDEMPOTENCY_RETENTION_HOURS * 3600_000), 3600_000);
await purgeIdempotencyKeys(db, settings.IDEMPOTENCY_RETENTION_HOURS * 3600_000);

serve({
  fetch: app.fetch, port: settings.PORT, host: settings.HOST, logger,
  onStop: async () => {
    clearInterval(purge);
    await processor.stop();
    await relay.stop();
    close();
  },
});
