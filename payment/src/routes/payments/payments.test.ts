import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { testPaymentService } from "../../test-service";

let service: Awaited<ReturnType<typeof testPaymentService>>;
beforeAll(async () => (service = await testPaymentService()));
afterAll(() => service.stop());

let orderSeq = 0;
const newOrderId = () => `ord_test_${Date.now()}_${++orderSeq}`;
const pay = (amount: number, orderId = newOrderId(), headers: Record<string, string> = {}) =>
  service.request("POST", "/api/v1/payments/", { order_id: orderId, amount }, headers);

describe("POST /api/v1/payments", () => {
  test("POST /api/v1/payments/ creates a payment and answers 201 with it, completed by a fast gateway", async () => {
    const orderId = newOrderId();
    const response = await pay(3500, orderId);
    expect(response.status).toBe(201);
    const payment = await response.json();
    expect(payment).toMatchObject({ order_id: orderId, amount: 3500, currency: "JPY", status: "COMPLETED", refunded_amount: 0, failure_reason: null });
    expect(payment.id).toMatch(/^pay_[0-9a-f]{32}$/);
    expect(response.headers.get("Location")).toBe(`/api/v1/payments/${payment.id}`);
    expect(Date.parse(payment.created_at)).not.toBeNaN();
  });

  test("POST /api/v1/payments without the trailing slash works too", async () => {
    const response = await service.request("POST", "/api/v1/payments", { order_id: newOrderId(), amount: 100 });
    expect(response.status).toBe(201);
  });

  test("accepts exactly the limits 100 and 1,000,000 JPY", async () => {
    expect((await pay(100)).status).toBe(201);
    expect((await pay(1_000_000)).status).toBe(201);
  });

  test("a second payment for the same order is a 409 DUPLICATE_PAYMENT naming the first", async () => {
    const orderId = newOrderId();
    const first = await (await pay(1200, orderId)).json();
    const second = await pay(1200, orderId);
    expect(second.status).toBe(409);
    expect(second.headers.get("Content-Type")).toBe("application/problem+json");
    expect(await second.json()).toMatchObject({ code: "DUPLICATE_PAYMENT", status: 409, payment_id: first.id });
  });
});

describe("GET payments", () => {
  test("GET /api/v1/payments/{id} and /api/v1/payments/order/{order_id} return the payment", async () => {
    const orderId = newOrderId();
    const created = await (await pay(2500, orderId)).json();
    expect(await (await service.request("GET", `/api/v1/payments/${created.id}`)).json()).toEqual(created);
    expect(await (await service.request("GET", `/api/v1/payments/order/${orderId}`)).json()).toEqual(created);
  });

  test("unknown ids are 404 NOT_FOUND problems", async () => {
    for (const path of ["/api/v1/payments/pay_missing", "/api/v1/payments/order/ord_missing"]) {
      const response = await service.request("GET", path);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ code: "NOT_FOUND", status: 404 });
    }
  });

  test("GET /api/v1/payments pages newest first and filters by status", async () => {
    const fresh = await testPaymentService({ PAYMENT_GATEWAY_FAILURE_RATE: "1" });
    try {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push((await (await fresh.request("POST", "/api/v1/payments", { order_id: `ord_page_${i}`, amount: 100 + i })).json()).id);
      const page = await (await fresh.request("GET", "/api/v1/payments/?skip=1&limit=2")).json();
      expect(page).toMatchObject({ total: 5, skip: 1, limit: 2 });
      expect(page.items.map((p: { id: string }) => p.id)).toEqual([ids[3], ids[2]]);
      const failed = await (await fresh.request("GET", "/api/v1/payments?status=FAILED")).json();
      expect(failed.total).toBe(5);
      expect(failed.items[0].failure_reason).toContain("declined");
      expect((await (await fresh.request("GET", "/api/v1/payments?status=COMPLETED")).json()).total).toBe(0);
      expect((await fresh.request("GET", "/api/v1/payments?limit=101")).status).toBe(422);
      expect((await fresh.request("GET", "/api/v1/payments?status=LOST")).status).toBe(422);
      expect((await (await fresh.request("GET", "/api/v1/payments")).json()).limit).toBe(20);
    } finally {
      await fresh.stop();
    }
  });
});

describe("POST /api/v1/payments/{id}/refund", () => {
  test("a part leaves it PARTIALLY_REFUNDED, no amount refunds the remainder and leaves it REFUNDED", async () => {
    const payment = await (await pay(5000)).json();
    const partial = await service.request("POST", `/api/v1/payments/${payment.id}/refund`, { amount: 1200, reason: "一部返品" });
    expect(partial.status).toBe(200);
    expect(await partial.json()).toMatchObject({ status: "PARTIALLY_REFUNDED", refunded_amount: 1200 });
    const rest = await service.request("POST", `/api/v1/payments/${payment.id}/refund`);
    expect(rest.status).toBe(200);
    expect(await rest.json()).toMatchObject({ status: "REFUNDED", refunded_amount: 5000 });
  });

  test("notify_customer is kept with each refund (false unless asked); anything but a boolean is a 422 that refunds nothing", async () => {
    const payment = await (await pay(3000)).json();
    const bad = await service.request("POST", `/api/v1/payments/${payment.id}/refund`, { amount: 500, notify_customer: "yes" });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ errors: [{ path: "notify_customer" }] });
    await service.request("POST", `/api/v1/payments/${payment.id}/refund`, { amount: 500, notify_customer: true });
    await service.request("POST", `/api/v1/payments/${payment.id}/refund`, { amount: 700 });
    const refunds = await (await service.request("GET", `/api/v1/payments/${payment.id}/refunds`)).json();
    expect(refunds.map((r: { amount: number; notify_customer: boolean }) => [r.amount, r.notify_customer])).toEqual([[500, true], [700, false]]);
  });

  test("more than the remainder is a 422 naming it, and changes nothing", async () => {
    const payment = await (await pay(3000)).json();
    await service.request("POST", `/api/v1/payments/${payment.id}/refund`, { amount: 1000 });
    const over = await service.request("POST", `/api/v1/payments/${payment.id}/refund`, { amount: 2001 });
    expect(over.status).toBe(422);
    expect(await over.json()).toMatchObject({ code: "REFUND_EXCEEDS_REMAINDER", errors: [{ path: "amount" }] });
    expect(await (await service.request("GET", `/api/v1/payments/${payment.id}`)).json()).toMatchObject({ refunded_amount: 1000, status: "PARTIALLY_REFUNDED" });
  });

  test("a refunded or failed payment is not refundable: 409", async () => {
    const payment = await (await pay(1000)).json();
    await service.request("POST", `/api/v1/payments/${payment.id}/refund`);
    const again = await service.request("POST", `/api/v1/payments/${payment.id}/refund`);
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: "NOT_REFUNDABLE" });
  });

  test("an unknown payment is 404, a zero or fractional amount or a reason with a control character 422", async () => {
    expect((await service.request("POST", "/api/v1/payments/pay_missing/refund")).status).toBe(404);
    const payment = await (await pay(1000)).json();
    expect((await service.request("POST", `/api/v1/payments/${payment.id}/refund`, { amount: 0 })).status).toBe(422);
    expect((await service.request("POST", `/api/v1/payments/${payment.id}/refund`, { amount: 10.5 })).status).toBe(422);
    const garbled = await service.request("POST", `/api/v1/payments/${payment.id}/refund`, { reason: "返品\u0000" });
    expect(await garbled.json()).toMatchObject({ status: 422, errors: [{ path: "reason", message: "must not contain control characters other than line breaks and tabs" }] });
    expect((await (await service.request("GET", `/api/v1/payments/${payment.id}`)).json()).refunded_amount).toBe(0);
  });
});
