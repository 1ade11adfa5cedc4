import { ExponentialBackoff, handleAll, retry, timeout, TimeoutStrategy, wrap } from "cockatiel";
import type { Logger } from "@platform/shared/logger";
import { logPassFailure } from "@platform/shared/db-outage";
import type { PaymentGateway } from "../gateway/gateway";
import type { PaymentRow } from "../db/schema";
import type { PaymentStore } from "../store/payment-store";

/**
 * Charges payments outside the HTTP request: PENDING -> PROCESSING -> COMPLETED | FAILED.
 * The state is in the database, so payments a crash left PENDING or PROCESSING are charged again
 * at start (the gateway call is idempotent by payment id); a sweep catches those a gateway outage left.
 */
export function createPaymentProcessor(deps: { store: PaymentStore; gateway: PaymentGateway; logger: Logger; onChange: () => void; gatewayTimeoutMs: number }) {
  const { store, gateway, logger } = deps;
  const active = new Map<string, Promise<void>>();
  // Each try is cut at PAYMENT_GATEWAY_TIMEOUT_MS so one hung call cannot hold a payment for long; a repeated
  // charge is safe because the gateway dedupes by payment id.
  const gatewayPolicy = wrap(
    retry(handleAll, { maxAttempts: 2, backoff: new ExponentialBackoff({ initialDelay: 200, maxDelay: 2_000 }) }),
    timeout(deps.gatewayTimeoutMs, TimeoutStrategy.Aggressive),
  );
  let sweeper: ReturnType<typeof setInterval> | undefined;

  async function charge(id: string, requestId?: string) {
    await store.transition(id, "PENDING", "PROCESSING", "payment.processing", undefined, requestId);
    const payment = await store.get(id);
    if (payment.status !== "PROCESSING") return;
    deps.onChange();
    const result = await gatewayPolicy.execute(() => gateway.charge({ paymentId: id, amount: payment.amount, currency: "JPY" }));
    await (result.approved
      ? store.transition(id, "PROCESSING", "COMPLETED", "payment.completed", undefined, requestId)
      : store.transition(id, "PROCESSING", "FAILED", "payment.failed", result.reason, requestId));
    deps.onChange();
    logger.info("payment charged", { payment_id: id, approved: result.approved, request_id: requestId });
  }

  function process(id: string, requestId?: string): Promise<void> {
    const running = active.get(id);
    if (running) return running;
    const work = charge(id, requestId)
      .catch((error) => logger.error("payment charge interrupted; the sweep will retry it", { payment_id: id, error }))
      .finally(() => active.delete(id));
    active.set(id, work);
    return work;
  }

  /** Charges many started (PROCESSING) payments, the outcomes written in one transaction (the batch API). */
  async function chargeMany(started: PaymentRow[], requestIds: Map<string, string>) {
    // No kick: the caller of the batch hears the outcomes in its answer, so the events can wait for
    // the relay's next poll (250 ms), where they go out together, many to a webhook call, after the
    // answer instead of racing it (the Order Service then finds them already applied).
    const outcomes = await Promise.all(started.map(async (payment) => {
      try {
        return { payment, result: await gatewayPolicy.execute(() => gateway.charge({ paymentId: payment.id, amount: payment.amount, currency: "JPY" })) };
      } catch (error) {
        logger.error("batch charge interrupted; the sweep will retry it", { payment_id: payment.id, error });
        return undefined;
      }
    }));
    const done = outcomes.filter((o) => o !== undefined);
    await store.transitionMany(done.filter((o) => o.result.approved).map((o) => o.payment.id), "PROCESSING", "COMPLETED", "payment.completed", { requestIds });
    const declined = new Map(done.flatMap((o) => (o.result.approved ? [] : [[o.payment.id, o.result.reason] as const])));
    await store.transitionMany([...declined.keys()], "PROCESSING", "FAILED", "payment.failed", { failureReasons: declined, requestIds });
  }

  /** `requestIds` (order id -> request id) go with each payment's webhook events. */
  function processMany(started: PaymentRow[], requestIds: Map<string, string> = new Map()): Promise<void> {
    const fresh = started.filter((payment) => !active.has(payment.id));
    const work = chargeMany(fresh, requestIds)
      .catch((error) => logger.error("batch charge failed; the sweep will retry it", { error }))
      .finally(() => fresh.forEach((payment) => active.delete(payment.id)));
    fresh.forEach((payment) => active.set(payment.id, work));
    return work;
  }

  async function resumeUnfinished() {
    const rows = await store.unfinished();
    const waiting = rows.filter((row) => !active.has(row.id));
    if (waiting.length) logger.info("resuming unfinished payments", { count: waiting.length });
    waiting.forEach((row) => void process(row.id));
  }

  return {
    process,
    processMany,
    async start(sweepMs = 30_000) {
      await resumeUnfinished();
      sweeper = setInterval(() => void resumeUnfinished().catch((error) => logPassFailure(logger, "payment sweep failed", error)), sweepMs);
    },
    /** Waits a little for charges under way; anything cut short is resumed at the next start. */
    async stop(graceMs = 5_000) {
      clearInterval(sweeper);
      await Promise.race([Promise.allSettled(active.values()), Bun.sleep(graceMs)]);
    },
  };
}

export type PaymentProcessor = ReturnType<typeof createPaymentProcessor>;
