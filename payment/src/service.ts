import type { Logger } from "@platform/shared/logger";
import { createOutboxRelay, type OutboxBatchHandler } from "@platform/shared/outbox/outbox-relay";
import { startHousekeeping } from "@platform/shared/housekeeping";
import { purgeIdempotencyKeys } from "@platform/shared/idempotency/idempotency.middleware";
import { createPaymentApp } from "./app";
import { createOrderServiceClient, type OrderServiceClient } from "./clients/order-service";
import { openPaymentDb } from "./db/client";
import { DEV_WEBHOOK_SECRET } from "@platform/shared/webhook-signature";
import type { PaymentSettings } from "./env";
import type { PaymentGateway } from "./gateway/gateway";
import { createSimulatedGateway } from "./gateway/simulated-gateway";
import { createPaymentProcessor } from "./processing/payment-processor";
import { createLedgerStore } from "./store/ledger-store";
import { createPaymentStore, GATEWAY_REFUND_KIND, WEBHOOK_KIND } from "./store/payment-store";

/** Delivered outbox messages are kept a week for operators to look back on, then forgotten. */
const DELIVERED_KEPT_MS = 7 * 24 * 3600_000;

/** Events due together, up to `max` per signed POST; the events of a POST that failed are retried. */
function webhookBatches(orderService: OrderServiceClient, max: number): OutboxBatchHandler {
  return async (messages) => {
    const errors: (Error | undefined)[] = [];
    for (let i = 0; i < messages.length; i += max) {
      const chunk = messages.slice(i, i + max);
      const error = await orderService.deliverPaymentEvents(chunk.map((m) => ({ event: m.payload, requestId: m.requestId })))
        .then(() => undefined, (e: unknown) => (e instanceof Error ? e : new Error(String(e))));
      errors.push(...chunk.map(() => error));
    }
    return errors;
  };
}

/** Wires the Payment Service from its settings; the entry point and the tests both build it here. */
export async function buildPaymentService(settings: PaymentSettings, logger: Logger, overrides: { gateway?: PaymentGateway; sweepMs?: number } = {}) {
  const { db, close } = await openPaymentDb(settings);
  const gateway = overrides.gateway ?? createSimulatedGateway({ latencyMs: settings.PAYMENT_GATEWAY_LATENCY_MS, failureRate: settings.PAYMENT_GATEWAY_FAILURE_RATE });
  const orderService = createOrderServiceClient({ baseUrl: settings.ORDER_SERVICE_URL, webhookSecret: settings.WEBHOOK_SECRET ?? DEV_WEBHOOK_SECRET });
  const relay = createOutboxRelay({
    db, logger, maxAgeMs: settings.OUTBOX_MAX_AGE_MS,
    handlers: {
      [WEBHOOK_KIND]: (message) => orderService.deliverPaymentEvent(message.payload, message.requestId),
      [GATEWAY_REFUND_KIND]: (message) => gateway.refund(message.payload as { paymentId: string; refundId: string; amount: number }),
    },
    batchHandlers: settings.WEBHOOK_BATCH_MAX > 1 ? { [WEBHOOK_KIND]: webhookBatches(orderService, settings.WEBHOOK_BATCH_MAX) } : {},
  });
  const store = createPaymentStore(db);
  const processor = createPaymentProcessor({ store, gateway, logger, onChange: () => relay.kick(), gatewayTimeoutMs: settings.PAYMENT_GATEWAY_TIMEOUT_MS });
  const app = createPaymentApp({ db, store, ledger: createLedgerStore(db), processor, relay, logger, settings, syncWaitMs: settings.PAYMENT_SYNC_WAIT_MS });
  const retentionMs = settings.IDEMPOTENCY_RETENTION_HOURS * 3600_000;
  let housekeeping: ReturnType<typeof startHousekeeping> | undefined;

  return {
    app, db, store, relay, processor,
    async start() {
      relay.start();
      await processor.start(overrides.sweepMs);
      housekeeping = startHousekeeping({
        idempotency: () => purgeIdempotencyKeys(db, retentionMs),
        outbox: () => relay.purgeDelivered(DELIVERED_KEPT_MS),
      }, logger);
    },
    async stop() {
      await housekeeping?.stop();
      await processor.stop();
      await relay.stop();
      await close();
    },
  };
}
