import { describe, expect, test } from "bun:test";
import { waitFor } from "@platform/shared/testing/service-process";
import type { PaymentGateway } from "../gateway/gateway";
import { testPaymentService } from "../test-service";

function flakyGateway(failures: number, mode: "throw" | "hang") {
  let calls = 0;
  const gateway: PaymentGateway & { calls: () => number } = {
    async charge() {
      calls++;
      if (calls <= failures) {
        if (mode === "hang") await new Promise(() => {});
        throw new Error("gateway unavailable");
      }
      return { approved: true };
    },
    async refund() {},
    calls: () => calls,
  };
  return gateway;
}

describe("charging through an unreliable gateway", () => {
  test("a gateway error is retried and the payment completes", async () => {
    const gateway = flakyGateway(1, "throw");
    const service = await testPaymentService({ PAYMENT_SYNC_WAIT_MS: "0" }, { gateway });
    try {
      const payment = await (await service.request("POST", "/api/v1/payments", { order_id: "ord_flaky_1", amount: 1000 })).json();
      await waitFor("completed", async () => (await service.store.get(payment.id)).status === "COMPLETED");
      expect(gateway.calls()).toBe(2);
    } finally {
      await service.stop();
    }
  });

  test("a hung gateway is cut off by the timeout; the sweep charges the payment once the gateway is back", async () => {
    const gateway = flakyGateway(2, "hang");
    const service = await testPaymentService({ PAYMENT_SYNC_WAIT_MS: "0", PAYMENT_GATEWAY_TIMEOUT_MS: "200" }, { gateway, sweepMs: 300 });
    try {
      const payment = await (await service.request("POST", "/api/v1/payments", { order_id: "ord_flaky_2", amount: 1000 })).json();
      await waitFor("both tries timed out", () => gateway.calls() >= 2);
      expect((await service.store.get(payment.id)).status).toBe("PROCESSING");
      await waitFor("completed by the sweep", async () => (await service.store.get(payment.id)).status === "COMPLETED", 5_000);
      expect(gateway.calls()).toBe(3);
    } finally {
      await service.stop();
    }
  });

  test("a declined charge leaves the payment FAILED with the gateway's reason", async () => {
    const service = await testPaymentService({ PAYMENT_GATEWAY_FAILURE_RATE: "1" });
    try {
      const response = await service.request("POST", "/api/v1/payments", { order_id: "ord_declined", amount: 1000 });
      expect(response.status).toBe(201);
      expect(await response.json()).toMatchObject({ status: "FAILED", failure_reason: expect.stringContaining("declined") });
    } finally {
      await service.stop();
    }
  });

  test("a slow gateway never holds the answer: 201 within the sync wait, the outcome follows", async () => {
    const service = await testPaymentService({ PAYMENT_GATEWAY_LATENCY_MS: "1500", PAYMENT_SYNC_WAIT_MS: "100" });
    try {
      const response = await service.request("POST", "/api/v1/payments", { order_id: "ord_slow", amount: 1000 });
      const payment = await response.json();
      expect(response.status).toBe(201);
      expect(payment.status).toBe("PROCESSING"); // answered before the gateway's outcome
      await waitFor("completed", async () => (await service.store.get(payment.id)).status === "COMPLETED", 5_000);
    } finally {
      await service.stop();
    }
  });
});
