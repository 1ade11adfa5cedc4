import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { startService, type ServiceProcess } from "@platform/shared/testing/service-process";

// A real payment-service process, so concurrent requests really race over HTTP and the database.
let service: ServiceProcess;
beforeAll(async () => (service = await startService("payment", { ORDER_SERVICE_URL: "http://127.0.0.1:9" })));
afterAll(() => service.stop());

const post = (path: string, body?: unknown) =>
  fetch(`${service.url}${path}`, { method: "POST", headers: body ? { "Content-Type": "application/json" } : {}, body: body ? JSON.stringify(body) : undefined });

describe("one payment per order under concurrency", () => {
  test("20 concurrent POST /api/v1/payments for one order give exactly one 201 and nineteen 409s", async () => {
    const body = { order_id: "ord_race_1", amount: 9800 };
    const responses = await Promise.all(Array.from({ length: 20 }, () => post("/api/v1/payments", body)));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const page = await (await fetch(`${service.url}/api/v1/payments?limit=100`)).json();
    expect(page.items.filter((p: { order_id: string }) => p.order_id === "ord_race_1")).toHaveLength(1);
  });
});

describe("refunds under concurrency", () => {
  test("10 concurrent refunds of 1,000 JPY on a 5,000 JPY payment: five succeed and never more than the amount is refunded", async () => {
    const payment = await (await post("/api/v1/payments", { order_id: "ord_race_2", amount: 5000 })).json();
    expect(payment.status).toBe("COMPLETED");
    const responses = await Promise.all(Array.from({ length: 10 }, () => post(`/api/v1/payments/${payment.id}/refund`, { amount: 1000 })));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s !== 200).every((s) => s === 409 || s === 422)).toBe(true);
    const after = await (await fetch(`${service.url}/api/v1/payments/${payment.id}`)).json();
    expect(after).toMatchObject({ refunded_amount: 5000, status: "REFUNDED" });
  });

  test("concurrent full refunds: exactly one wins", async () => {
    const payment = await (await post("/api/v1/payments", { order_id: "ord_race_3", amount: 7000 })).json();
    const responses = await Promise.all(Array.from({ length: 8 }, () => post(`/api/v1/payments/${payment.id}/refund`)));
    expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 409)).toHaveLength(7);
  });
});
