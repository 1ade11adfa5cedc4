import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { startService, waitFor, type ServiceProcess } from "@platform/shared/testing/service-process";
import { startWebhookReceiver } from "@platform/shared/testing/webhook-receiver";

const secret = "test-webhook-secret-0123456789";
const receiver = startWebhookReceiver(secret);
let service: ServiceProcess;
beforeAll(async () => (service = await startService("payment", { ORDER_SERVICE_URL: receiver.url, WEBHOOK_SECRET: secret })));
afterAll(async () => {
  await service.stop();
  receiver.close();
});

const post = (path: string, body?: unknown) =>
  fetch(`${service.url}${path}`, { method: "POST", headers: body ? { "Content-Type": "application/json" } : {}, body: body ? JSON.stringify(body) : undefined });
const eventsFor = (paymentId: string) => [...receiver.uniqueEvents().values()].filter((event) => event.payment.id === paymentId);

describe("payment webhooks (FR-018)", () => {
  test("every status change reaches the Order Service, signed with HMAC-SHA256 over t.rawbody", async () => {
    const payment = await (await post("/api/v1/payments", { order_id: "ord_hook_1", amount: 3000 })).json();
    await post(`/api/v1/payments/${payment.id}/refund`, { amount: 1000 });
    await waitFor("three events", () => eventsFor(payment.id).length === 3);
    expect(eventsFor(payment.id).map((e) => e.type).sort()).toEqual(["payment.completed", "payment.processing", "payment.refunded"]);
    const refunded = eventsFor(payment.id).find((e) => e.type === "payment.refunded")!;
    expect(refunded.payment).toMatchObject({ status: "PARTIALLY_REFUNDED", refunded_amount: 1000 });
    const [refund] = await (await fetch(`${service.url}/api/v1/payments/${payment.id}/refunds`)).json();
    expect(refunded.refund).toEqual({ id: refund.id, amount: 1000, notify_customer: false, created_at: refund.created_at }); // the refund it announces
    expect(receiver.rejected).toEqual([]);
    expect(new Set(receiver.deliveries.map((e) => e.id)).size).toBe(receiver.uniqueEvents().size);
  });

  test("a receiver that is down for a while then back gets every event, each once in effect", async () => {
    await receiver.down();
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push((await (await post("/api/v1/payments", { order_id: `ord_hook_down_${i}`, amount: 1000 + i })).json()).id);
    await Bun.sleep(1500);
    expect(ids.flatMap(eventsFor)).toEqual([]);
    receiver.up();
    await waitFor("every event after the receiver came back", () => ids.every((id) => eventsFor(id).length === 2), 30_000);
    for (const id of ids) expect(eventsFor(id).map((e) => e.type).sort()).toEqual(["payment.completed", "payment.processing"]);
    // the relay records each delivery just after the receiver answers it
    await waitFor("the outbox empty", async () => (await (await fetch(`${service.url}/api/v1/outbox?status=PENDING`)).json()).total === 0);
  }, 60_000);
});

describe("webhooks in batches (WEBHOOK_BATCH_MAX > 1)", () => {
  const batching = startWebhookReceiver(secret, { batchRoute: true });
  const older = startWebhookReceiver(secret); // an Order Service without the batch route
  let toBatching: ServiceProcess;
  let toOlder: ServiceProcess;
  beforeAll(async () => {
    toBatching = await startService("payment", { ORDER_SERVICE_URL: batching.url, WEBHOOK_SECRET: secret, WEBHOOK_BATCH_MAX: "50" });
    toOlder = await startService("payment", { ORDER_SERVICE_URL: older.url, WEBHOOK_SECRET: secret, WEBHOOK_BATCH_MAX: "50" });
  });
  afterAll(async () => {
    await Promise.all([toBatching.stop(), toOlder.stop()]);
    batching.close();
    older.close();
  });
  const payMany = (service: ServiceProcess, prefix: string) => fetch(`${service.url}/api/v1/payments/batch`, {
    method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ payments: Array.from({ length: 30 }, (_, i) => ({ order_id: `${prefix}_${i}`, amount: 1000 + i })) }),
  });

  test("events due together go many to a signed POST, every one of them arriving", async () => {
    expect((await payMany(toBatching, "ord_batch_hook")).status).toBe(200);
    await waitFor("60 events", () => batching.uniqueEvents().size === 60);
    expect(batching.rejected).toEqual([]);
    expect(batching.posts.single).toBe(0);
    expect(batching.posts.batch).toBeLessThan(60);
    const types = [...batching.uniqueEvents().values()].map((e) => e.type);
    expect(types.filter((t) => t === "payment.completed")).toHaveLength(30);
  });

  test("each payment of a batch carries its own request id to its events", async () => {
    const response = await fetch(`${toBatching.url}/api/v1/payments/batch`, {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ payments: [0, 1, 2].map((i) => ({ order_id: `ord_traced_${i}`, amount: 1000 + i, request_id: `req-traced-${i}` })) }),
    });
    expect(response.status).toBe(200);
    const traced = () => [...batching.uniqueEvents().values()].filter((e) => e.payment.order_id.startsWith("ord_traced_"));
    await waitFor("six events", () => traced().length === 6);
    for (const event of traced()) expect(batching.requestIds.get(event.id)).toBe(`req-traced-${event.payment.order_id.slice(-1)}`);
  });

  test("an Order Service without the batch route gets the same events one by one", async () => {
    expect((await payMany(toOlder, "ord_older_hook")).status).toBe(200);
    await waitFor("60 events", () => older.uniqueEvents().size === 60);
    expect(older.posts.single).toBeGreaterThanOrEqual(60);
    expect(older.rejected).toEqual([]);
  });
});

