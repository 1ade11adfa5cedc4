import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { createHmac } from "node:crypto";
import { testOrderService } from "../../test-service";

let service: Awaited<ReturnType<typeof testOrderService>>;
beforeAll(async () => (service = await testOrderService()));
afterAll(() => service.stop());

const secret = "order-test-webhook-secret-0123";
let eventSeq = 0;
const sign = (raw: string, t = Math.floor(Date.now() / 1000), key = secret) => `t=${t},v1=${createHmac("sha256", key).update(`${t}.${raw}`).digest("hex")}`;
const event = (orderId: string, type: string, status: string, extra: Record<string, unknown> = {}) => ({
  id: `evt_test_${++eventSeq}`, type, created_at: new Date().toISOString(),
  payment: { id: `pay_for_${orderId}`, order_id: orderId, amount: 3500, currency: "JPY", status, failure_reason: null, refunded_amount: 0, created_at: "2026-11-25T00:00:00.000Z", updated_at: "2026-11-25T00:00:00.000Z", ...extra },
});
const deliver = (body: unknown, signature?: string) => {
  const raw = JSON.stringify(body);
  return service.request("POST", "/api/v1/webhooks/payment", raw, { "X-Webhook-Signature": signature ?? sign(raw) });
};
const newOrder = async () => (await (await service.request("POST", "/api/v1/orders", {
  customer_name: "山田 太郎", customer_email: "taro@example.jp", items: [{ product_name: "抹茶セット", quantity: 2, unit_price: 1750 }],
})).json()).id as string;
const statusOf = async (id: string) => (await (await service.request("GET", `/api/v1/orders/${id}`)).json());

describe("POST /api/v1/webhooks/payment", () => {
  test("a signed payment.completed moves the order to PAID", async () => {
    const id = await newOrder();
    const response = await deliver(event(id, "payment.completed", "COMPLETED"));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true, duplicate: false, order_status: "PAID" });
    expect(await statusOf(id)).toMatchObject({ status: "PAID", payment_id: `pay_for_${id}`, payment_status: "COMPLETED" });
  });

  test("a bad signature, another secret, a changed body or an old timestamp is a 401 and changes nothing", async () => {
    const id = await newOrder();
    const body = event(id, "payment.completed", "COMPLETED");
    const raw = JSON.stringify(body);
    for (const signature of ["", "t=1,v1=abc", sign(raw, undefined, "another-secret-0123456789"), sign(raw, Math.floor(Date.now() / 1000) - 301), sign(raw.replace("3500", "1"))]) {
      const response = await deliver(body, signature);
      expect(response.status).toBe(401);
      expect((await response.json()).code).toBe("INVALID_SIGNATURE");
    }
    expect((await statusOf(id)).status).toBe("PENDING");
  });

  test("the signature is checked over the raw bytes: the same JSON re-serialised differently is refused", async () => {
    const id = await newOrder();
    const raw = JSON.stringify(event(id, "payment.completed", "COMPLETED"));
    const spaced = JSON.stringify(JSON.parse(raw), null, 2);
    const response = await service.request("POST", "/api/v1/webhooks/payment", spaced, { "X-Webhook-Signature": sign(raw) });
    expect(response.status).toBe(401);
  });

  test("a repeated event id is acknowledged and ignored", async () => {
    const id = await newOrder();
    const completed = event(id, "payment.completed", "COMPLETED");
    await deliver(completed);
    await service.request("POST", `/api/v1/orders/${id}/cancel`);
    const again = await deliver(completed);
    expect(await again.json()).toMatchObject({ received: true, duplicate: true });
    const refunds = (await (await service.request("GET", "/api/v1/outbox?limit=100")).json()).items.filter((m: { kind: string; payload: string }) => m.kind === "payment.refund" && m.payload.includes(id));
    expect(refunds).toHaveLength(1); // from the cancel, not from the repeated event
  });

  test("events out of order never move an order backwards", async () => {
    const id = await newOrder();
    await deliver(event(id, "payment.completed", "COMPLETED"));
    const late = await deliver(event(id, "payment.processing", "PROCESSING"));
    expect((await late.json()).order_status).toBe("PAID");
    expect((await statusOf(id)).status).toBe("PAID");
    const history = await (await service.request("GET", `/api/v1/orders/${id}/history`)).json();
    expect(history.map((h: { to_status: string }) => h.to_status)).toEqual(["PENDING", "PAYMENT_PROCESSING", "PAID"]);
  });

  test("payment.failed moves the order to PAYMENT_FAILED with the reason in its history", async () => {
    const id = await newOrder();
    await deliver(event(id, "payment.processing", "PROCESSING"));
    await deliver(event(id, "payment.failed", "FAILED", { failure_reason: "card_declined" }));
    expect((await statusOf(id)).status).toBe("PAYMENT_FAILED");
    const history = await (await service.request("GET", `/api/v1/orders/${id}/history`)).json();
    expect(history.at(-1)).toMatchObject({ to_status: "PAYMENT_FAILED", reason: "card_declined", actor: "webhook:payment.failed" });
  });

  test("a payment that completes for an order already CANCELLED is refunded", async () => {
    const id = await newOrder();
    await service.request("POST", `/api/v1/orders/${id}/cancel`);
    const response = await deliver(event(id, "payment.completed", "COMPLETED"));
    expect((await response.json()).order_status).toBe("CANCELLED");
    const outbox = (await (await service.request("GET", "/api/v1/outbox?limit=100")).json()).items;
    expect(outbox.filter((m: { kind: string; payload: string }) => m.kind === "payment.refund" && m.payload.includes(id))).toHaveLength(1);
  });

  test("a well-signed body that is not a payment event is a 422; unknown orders are acknowledged", async () => {
    const bad = await deliver({ id: "evt_x", type: "payment.exploded" });
    expect(bad.status).toBe(422);
    const unknown = await deliver(event("ord_unknown", "payment.completed", "COMPLETED"));
    expect(await unknown.json()).toEqual({ received: true, duplicate: false, order_status: null });
  });

  test("the webhook needs no API token but the rest of the API does, when API_TOKEN is set", async () => {
    const locked = await testOrderService({ API_TOKEN: "a-long-api-token-0123456789" });
    try {
      expect((await locked.request("GET", "/api/v1/orders")).status).toBe(401);
      const raw = JSON.stringify(event("ord_unknown", "payment.completed", "COMPLETED"));
      expect((await locked.request("POST", "/api/v1/webhooks/payment", raw, { "X-Webhook-Signature": sign(raw) })).status).toBe(200);
    } finally {
      await locked.stop();
    }
  });
});

describe("POST /api/v1/webhooks/payment/batch", () => {
  const deliverBatch = (events: unknown[], signature?: string) => {
    const raw = JSON.stringify({ events });
    return service.request("POST", "/api/v1/webhooks/payment/batch", raw, { "X-Webhook-Signature": signature ?? sign(raw) });
  };

  test("applies each event in order, with the same rules, and each event's request id in the history", async () => {
    const [a, b] = [await newOrder(), await newOrder()];
    const completedA = event(a, "payment.completed", "COMPLETED");
    const response = await deliverBatch([
      { ...event(a, "payment.processing", "PROCESSING"), request_id: "req-order-a" },
      { ...completedA, request_id: "req-order-a" },
      { ...event(b, "payment.failed", "FAILED", { failure_reason: "card_declined" }), request_id: "req-order-b" },
      { ...completedA, request_id: "req-order-a" }, // a repeat in the same body
    ]);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.results.map((r: { order_status: string; duplicate: boolean }) => [r.order_status, r.duplicate])).toEqual([
      ["PAYMENT_PROCESSING", false], ["PAID", false], ["PAYMENT_FAILED", false], [null, true],
    ]);
    expect((await statusOf(a)).status).toBe("PAID");
    const history = await (await service.request("GET", `/api/v1/orders/${a}/history`)).json();
    expect(history.slice(1).map((h: { request_id: string }) => h.request_id)).toEqual(["req-order-a", "req-order-a"]);
    expect((await statusOf(b)).status).toBe("PAYMENT_FAILED");
  });

  test("a bad signature is a 401, and one invalid event refuses the whole body: nothing is applied", async () => {
    const id = await newOrder();
    const good = event(id, "payment.completed", "COMPLETED");
    expect((await deliverBatch([good], "t=1,v1=abc")).status).toBe(401);
    const mixed = await deliverBatch([good, { id: "evt_bad", type: "payment.exploded" }]);
    expect(mixed.status).toBe(422);
    expect((await mixed.json()).errors[0].path).toMatch(/^events\.1\./);
    expect((await deliverBatch([])).status).toBe(422);
    expect((await statusOf(id)).status).toBe("PENDING");
  });
});
