import { afterAll, beforeAll, expect, test } from "bun:test";
import { testPaymentService } from "../../test-service";

let service: Awaited<ReturnType<typeof testPaymentService>>;
beforeAll(async () => (service = await testPaymentService()));
afterAll(() => service.stop());

test("POST /api/v1/payments/batch: each payment keeps the per-payment limits and the one-per-order rule", async () => {
  await service.request("POST", "/api/v1/payments", { order_id: "ord_b_paid", amount: 500 });
  const response = await service.request("POST", "/api/v1/payments/batch", { payments: [
    { order_id: "ord_b_1", amount: 1200 },
    { order_id: "ord_b_small", amount: 99 },
    { order_id: "ord_b_paid", amount: 500 },
    { order_id: "ord_b_big", amount: 1_000_001 },
    { order_id: "ord_b_2", amount: 1_000_000 },
  ] });
  expect(response.status).toBe(200);
  const { results } = await response.json();
  expect(results.map((r: { order_id: string; status: number }) => [r.order_id, r.status])).toEqual([
    ["ord_b_1", 201], ["ord_b_small", 422], ["ord_b_paid", 409], ["ord_b_big", 422], ["ord_b_2", 201],
  ]);
  expect(results[0].payment).toMatchObject({ amount: 1200, status: "COMPLETED" });
  expect(results[1].error.errors).toEqual([{ path: "amount", message: expect.stringContaining("at least 100 JPY") }]);
  expect(results[2]).toMatchObject({ payment: { order_id: "ord_b_paid" }, error: { code: "DUPLICATE_PAYMENT" } });
  const again = await (await service.request("POST", "/api/v1/payments/batch", { payments: [{ order_id: "ord_b_1", amount: 1200 }] })).json();
  expect(again.results[0]).toMatchObject({ status: 409, payment: { id: results[0].payment.id } });
  expect((await (await service.request("GET", "/api/v1/payments?limit=100")).json()).total).toBe(3);
});

test("a batch over 1,000 payments, or an empty one, is refused whole", async () => {
  expect((await service.request("POST", "/api/v1/payments/batch", { payments: [] })).status).toBe(422);
  const many = Array.from({ length: 1001 }, (_, i) => ({ order_id: `ord_many_${i}`, amount: 100 }));
  expect((await service.request("POST", "/api/v1/payments/batch", { payments: many })).status).toBe(422);
});
