import type { ChargeResult, PaymentGateway } from "./gateway";

/**
 * The local gateway for development, demos and tests: waits `latencyMs` and declines a `failureRate`
 * share of payments. The decline is decided by the payment id, so charging the same payment again
 * (after a crash) gives the same answer, as a real gateway's idempotency would.
 */
export function createSimulatedGateway(options: { latencyMs: number; failureRate: number }): PaymentGateway {
  const wait = () => (options.latencyMs > 0 ? Bun.sleep(options.latencyMs) : Promise.resolve());
  return {
    async charge({ paymentId }): Promise<ChargeResult> {
      await wait();
      const draw = (Bun.hash.crc32(paymentId) % 10_000) / 10_000;
      if (draw < options.failureRate) return { approved: false, reason: "card_declined: the issuer declined the charge (simulated)" };
      return { approved: true };
    },
    async refund() {
      await wait();
    },
  };
}
