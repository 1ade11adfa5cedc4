import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { jstToday } from "@platform/shared/jst-days";
import { waitFor } from "@platform/shared/testing/service-process";
import { anOrder, startStack, type Stack } from "@platform/shared/testing/stack";

// Three real services: orders are paid, shipped, and one refunded in part, as finance meets them.
let stack: Stack;
beforeAll(async () => (stack = await startStack()));
afterAll(() => stack.stop());

const order = async (items: { product_name: string; quantity: number; unit_price: number; tax_rate?: number }[]) => {
  const id = (await stack.call("POST", "/api/v1/orders", { ...anOrder(), items })).body.id as string;
  await waitFor("PAID", async () => (await stack.call("GET", `/api/v1/orders/${id}`)).body.status === "PAID", 20_000);
  return id;
};
const summary = (query: string) => stack.call("GET", `/api/v1/orders/tax-summary${query}`);

describe("GET /api/v1/orders/tax-summary", () => {
  test("the tax by rate in the orders shipped in the span: each order's own tax summed; unshipped orders are not sales; refunded ones are counted", async () => {
    const today = jstToday();
    const before = (await summary(`?from=${today}&to=${today}`)).body;
    const first = await order([{ product_name: "抹茶", quantity: 1, unit_price: 1080, tax_rate: 8 }, { product_name: "茶托", quantity: 1, unit_price: 105 }]);
    const second = await order([{ product_name: "茶托", quantity: 1, unit_price: 105 }, { product_name: "煎茶", quantity: 2, unit_price: 540, tax_rate: 8 }]);
    await order([{ product_name: "急須", quantity: 1, unit_price: 5500 }]); // paid, not shipped
    for (const id of [first, second]) expect((await stack.call("PATCH", `/api/v1/orders/${id}/status`, { status: "SHIPPED" })).status).toBe(200);
    const paymentId = (await stack.call("GET", `/api/v1/orders/${second}`)).body.payment_id;
    const refund = await fetch(`${stack.payment.url}/api/v1/payments/${paymentId}/refund`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ amount: 540, reason: "返品（煎茶1点）" }) });
    expect(refund.status).toBe(200);
    await waitFor("the refund heard of", async () => (await stack.call("GET", `/api/v1/orders/${second}`)).body.payment_status === "PARTIALLY_REFUNDED", 20_000);

    const response = await summary(`?from=${today}&to=${today}`);
    expect(response.status).toBe(200);
    const added = (rate: number) => {
      const row = (list: { rate: number; orders: number; amount: number; tax: number }[]) => list.find((r) => r.rate === rate) ?? { orders: 0, amount: 0, tax: 0 };
      const [now, then] = [row(response.body.by_rate), row(before.by_rate)];
      return { orders: now.orders - then.orders, amount: now.amount - then.amount, tax: now.tax - then.tax };
    };
    // ¥105 at 10 % holds ¥9 in each order: 18 for the two, where rounding their sum once would give 19
    expect(added(10)).toEqual({ orders: 2, amount: 210, tax: 18 });
    expect(added(8)).toEqual({ orders: 2, amount: 2160, tax: 160 });
    expect(response.body).toMatchObject({ from: today, to: today, basis: "shipped", orders: before.orders + 2, refunded_orders: before.refunded_orders + 1 });
    expect(response.body.total).toEqual({ amount: before.total.amount + 2370, tax: before.total.tax + 178 });
    expect(response.body.by_rate.map((r: { rate: number }) => r.rate)).toEqual([10, 8]);
  }, 60_000);

  test("a span with no shipments is zero; days that are none, or backwards, are a 422 naming the field", async () => {
    expect((await summary("?from=2020-01-01&to=2020-01-31")).body).toEqual({ from: "2020-01-01", to: "2020-01-31", basis: "shipped", orders: 0, refunded_orders: 0, by_rate: [], total: { amount: 0, tax: 0 } });
    for (const [query, path] of [["?from=2026-02-30&to=2026-03-01", "from"], ["?from=2026-12-02&to=2026-12-01", "to"], ["?from=2026-12-01", "to"]] as const) {
      const response = await summary(query);
      expect(response.status).toBe(422);
      expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual([path]);
    }
  });
});
