import { afterAll, beforeAll, expect, test } from "bun:test";
import { waitFor } from "@platform/shared/testing/service-process";
import { anOrder, startStack, type Stack } from "@platform/shared/testing/stack";

// The Payment Service signs its webhooks with a secret the Order Service does not know: every webhook
// is refused, as if lost for good. Only reconciliation can bring the orders up to date.
let stack: Stack;
beforeAll(async () => (stack = await startStack({
  payment: { WEBHOOK_SECRET: "a-different-secret-0123456789", PAYMENT_GATEWAY_LATENCY_MS: "300", PAYMENT_SYNC_WAIT_MS: "0" },
  order: { RECONCILE_AFTER_MS: "500", RECONCILE_INTERVAL_MS: "500" },
})));
afterAll(() => stack.stop());

test("an order whose webhooks are lost for good is still brought to PAID by reconciliation", async () => {
  const created = await stack.call("POST", "/api/v1/orders", anOrder());
  expect(created.body.status).not.toBe("PAID");
  await waitFor("PAID by reconciliation", async () => (await stack.call("GET", `/api/v1/orders/${created.body.id}`)).body.status === "PAID", 15_000);
  const history = (await stack.call("GET", `/api/v1/orders/${created.body.id}/history`)).body;
  expect(history.at(-1)).toMatchObject({ to_status: "PAID", actor: "reconciler" });
});

test("an order cancelled while processing, its completion webhook lost, is still refunded", async () => {
  const created = await stack.call("POST", "/api/v1/orders", anOrder());
  await stack.call("POST", `/api/v1/orders/${created.body.id}/cancel`);
  await waitFor("refunded", async () => (await (await fetch(`${stack.payment.url}/api/v1/payments/order/${created.body.id}`)).json()).status === "REFUNDED", 15_000);
});
