import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { waitFor } from "@platform/shared/testing/service-process";
import { anOrder, startStack, type Stack } from "@platform/shared/testing/stack";

// What must hold after any failure: every order answered 201 has exactly one payment, in a state that
// matches the order's status, and exactly one confirmation mail.
const matching: Record<string, string[]> = { PAID: ["COMPLETED"], PAYMENT_FAILED: ["FAILED"] };

async function expectConsistent(stack: Stack, orderIds: string[]) {
  await waitFor("every order settled", async () => {
    const statuses = await Promise.all(orderIds.map(async (id) => (await stack.call("GET", `/api/v1/orders/${id}`)).body.status));
    return statuses.every((status) => status === "PAID" || status === "PAYMENT_FAILED");
  }, 60_000, 250);
  const payments = { items: [] as { order_id: string; id: string; status: string }[] };
  for (let skip = 0; ; skip += 100) {
    const page = await (await fetch(`${stack.payment.url}/api/v1/payments?limit=100&skip=${skip}`)).json();
    payments.items.push(...page.items);
    if (payments.items.length >= page.total) break;
  }
  for (const id of orderIds) {
    const order = (await stack.call("GET", `/api/v1/orders/${id}`)).body;
    const mine = payments.items.filter((p: { order_id: string }) => p.order_id === id);
    expect(mine).toHaveLength(1);
    expect(matching[order.status]!).toContain(mine[0]!.status);
    expect(order.payment_id).toBe(mine[0]!.id);
  }
  await waitFor("every confirmation mail", () => orderIds.every((id) => stack.mailsFor(id, "ご注文ありがとうございます").length >= 1), 60_000, 250);
  for (const id of orderIds) expect(stack.mailsFor(id, "ご注文ありがとうございます")).toHaveLength(1);
}

async function stream(stack: Stack, count: number, during: (sent: number) => Promise<void>) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    await during(i);
    const response = await stack.call("POST", "/api/v1/orders", anOrder(`顧客 ${i}`));
    expect(response.status).toBe(201); // the order is taken whatever the other services are doing
    ids.push(response.body.id);
  }
  return ids;
}

describe("a dependency stopped during a stream of orders, then brought back", () => {
  let stack: Stack;
  beforeAll(async () => (stack = await startStack({ order: { SERVICE_CALL_TIMEOUT_MS: "1000", ORDER_CALL_WAIT_MS: "500" } })));
  afterAll(() => stack.stop());

  test("the Payment Service down for a while: orders are taken, and paid once it is back", async () => {
    const ids = await stream(stack, 30, async (i) => {
      if (i === 5) await stack.payment.stop();
      if (i === 20) await stack.payment.restart();
    });
    await expectConsistent(stack, ids);
  }, 120_000);

  test("the Notification Service down for a while: every confirmation still arrives, once", async () => {
    const ids = await stream(stack, 30, async (i) => {
      if (i === 5) await stack.notification.stop();
      if (i === 20) await stack.notification.restart();
    });
    await expectConsistent(stack, ids);
  }, 120_000);
});

describe("the Order Service killed with SIGKILL in a burst of concurrent creates", () => {
  let stack: Stack;
  beforeAll(async () => (stack = await startStack()));
  afterAll(() => stack.stop());

  test("every order answered 201 has exactly one payment and one confirmation after restart", async () => {
    const answered: string[] = [];
    let stop = false;
    const client = async (n: number) => {
      for (let i = 0; !stop; i++) {
        try {
          const response = await stack.call("POST", "/api/v1/orders", anOrder(`並行 ${n}-${i}`));
          if (response.status === 201) answered.push(response.body.id);
        } catch {
          // the process died under this request: it was never answered
        }
      }
    };
    const clients = Array.from({ length: 16 }, (_, n) => client(n));
    await waitFor("a burst under way", () => answered.length >= 40);
    await stack.order.kill9();
    stop = true;
    await Promise.all(clients);
    await stack.order.restart();
    await expectConsistent(stack, answered);
  }, 180_000);
});

describe("the Notification Service hung (it takes the connection and never answers)", () => {
  let stack: Stack;
  // the answer could wait for the mail until ORDER_CALL_WAIT_MS, longer than this test may run
  beforeAll(async () => (stack = await startStack({ order: { ORDER_CALL_WAIT_MS: "30000", SERVICE_CALL_TIMEOUT_MS: "60000" } })));
  afterAll(() => (process.kill(stack.notification.pid, "SIGCONT"), stack.stop())); // also when the test timed out still holding it

  test("an order is answered PAID without waiting for its mail, and the mail arrives once the service is back", async () => {
    process.kill(stack.notification.pid, "SIGSTOP");
    let created: { status: number; body: { id: string; status: string } };
    try {
      created = await stack.call("POST", "/api/v1/orders", anOrder("待たない 客"));
    } finally {
      process.kill(stack.notification.pid, "SIGCONT");
    }
    expect(created.status).toBe(201);
    expect(created.body.status).toBe("PAID");
    await waitFor("the confirmation mail", () => stack.mailsFor(created.body.id, "ご注文ありがとうございます").length === 1, 60_000, 100);
    expect(stack.mailsFor(created.body.id, "ご注文ありがとうございます")).toHaveLength(1);
  }, 20_000);
});
