import { afterAll, expect, test } from "bun:test";
import { createClient } from "@libsql/client";
import { join } from "node:path";
import { startService, waitFor } from "@platform/shared/testing/service-process";
import { startWebhookReceiver } from "@platform/shared/testing/webhook-receiver";

const secret = "test-webhook-secret-0123456789";
const receiver = startWebhookReceiver(secret);
afterAll(() => receiver.close());

test("a payment service killed with SIGKILL mid-stream loses no payment it answered 201, and its outbox resumes", async () => {
  const service = await startService("payment", {
    ORDER_SERVICE_URL: receiver.url, WEBHOOK_SECRET: secret, PAYMENT_GATEWAY_LATENCY_MS: "300", PAYMENT_SYNC_WAIT_MS: "0",
  });
  const answered: { id: string; order_id: string }[] = [];
  let stop = false;
  let sent = 0;
  const client = async () => {
    while (!stop) {
      const orderId = `ord_crash_${++sent}`;
      try {
        const response = await fetch(`${service.url}/api/v1/payments`, {
          method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ order_id: orderId, amount: 1000 }),
        });
        if (response.status === 201) answered.push(await response.json());
      } catch {
        // the process died under this request: it was never answered, so it promised nothing
      }
    }
  };
  const clients = Array.from({ length: 8 }, client);
  await waitFor("some payments answered", () => answered.length >= 40);
  await service.kill9();
  stop = true;
  await Promise.all(clients);

  // What the crash left behind: payments not yet charged, and events not yet delivered.
  const db = createClient({ url: `file:${join(service.dataDir, "payment.db")}` });
  const unfinished = (await db.execute("select count(*) as n from payments where status in ('PENDING','PROCESSING')")).rows[0]!.n;
  db.close();
  expect(Number(unfinished)).toBeGreaterThan(0);

  await service.restart();
  try {
    for (const payment of answered) {
      const response = await fetch(`${service.url}/api/v1/payments/order/${payment.order_id}`);
      expect(response.status).toBe(200);
      expect((await response.json()).id).toBe(payment.id);
    }
    await waitFor("every answered payment completed after restart", async () => {
      const page = await (await fetch(`${service.url}/api/v1/payments?status=COMPLETED&limit=1`)).json();
      const all = await (await fetch(`${service.url}/api/v1/payments?limit=1`)).json();
      return page.total === all.total;
    }, 30_000);
    const completed = () => new Set([...receiver.uniqueEvents().values()].filter((e) => e.type === "payment.completed").map((e) => e.payment.id));
    await waitFor("a payment.completed event for every answered payment", () => answered.every((p) => completed().has(p.id)), 30_000);
  } finally {
    await service.stop();
  }
}, 90_000);
