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
  test("the tax by rate in the orders shipped and the returns recorded in the span: each one's own tax summed; unshipped orders are not sales; refunds by hand are counted", async () => {
    const today = jstToday();
    const before = (await summary(`?from=${today}&to=${today}`)).body;
    const first = await order([{ product_name: "抹茶", quantity: 1, unit_price: 1080, tax_rate: 8 }, { product_name: "茶托", quantity: 1, unit_price: 105 }]);
    const second = await order([{ product_name: "茶托", quantity: 1, unit_price: 105 }, { product_name: "煎茶", quantity: 2, unit_price: 540, tax_rate: 8 }]);
    await order([{ product_name: "急須", quantity: 1, unit_price: 5500 }]); // paid, not shipped
    for (const id of [first, second]) expect((await stack.call("PATCH", `/api/v1/orders/${id}/status`, { status: "SHIPPED" })).status).toBe(200);
    // a discount refunded by hand on the payments page: not known by rate, counted
    const paymentId = (await stack.call("GET", `/api/v1/orders/${first}`)).body.payment_id;
    const refund = await fetch(`${stack.payment.url}/api/v1/payments/${paymentId}/refund`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ amount: 100, reason: "値引き" }) });
    expect(refund.status).toBe(200);
    // one 煎茶 back: a return of ¥540 at 8 %, ¥40 of it tax
    const tea = (await stack.call("GET", `/api/v1/orders/${second}`)).body.items[1];
    expect((await stack.call("POST", `/api/v1/orders/${second}/returns`, { items: [{ item_id: tea.id, quantity: 1 }] })).status).toBe(201);
    await waitFor("the refunds heard of", async () => {
      const orders = await Promise.all([first, second].map(async (id) => (await stack.call("GET", `/api/v1/orders/${id}`)).body.payment_status));
      return orders.every((status) => status === "PARTIALLY_REFUNDED");
    }, 20_000);

    const response = await summary(`?from=${today}&to=${today}`);
    expect(response.status).toBe(200);
    type Row = { rate: number; orders: number; amount: number; tax: number; returns: number; returned_amount: number; returned_tax: number };
    const added = (rate: number) => {
      const zero = { orders: 0, amount: 0, tax: 0, returns: 0, returned_amount: 0, returned_tax: 0 };
      const [now, then] = [response.body.by_rate, before.by_rate].map((rows: Row[]) => rows.find((r) => r.rate === rate) ?? zero) as [Row, Row];
      return Object.fromEntries(Object.keys(zero).map((key) => [key, now[key as keyof Row] - then[key as keyof Row]]));
    };
    // ¥105 at 10 % holds ¥9 in each order: 18 for the two, where rounding their sum once would give 19
    expect(added(10)).toEqual({ orders: 2, amount: 210, tax: 18, returns: 0, returned_amount: 0, returned_tax: 0 });
    expect(added(8)).toEqual({ orders: 2, amount: 2160, tax: 160, returns: 1, returned_amount: 540, returned_tax: 40 });
    // the order with a return is not counted as refunded by hand: its refund is the return's
    expect(response.body).toMatchObject({ from: today, to: today, basis: "shipped", orders: before.orders + 2, refunded_orders: before.refunded_orders + 1 });
    const { total } = response.body;
    expect(total).toEqual({ amount: before.total.amount + 2370, tax: before.total.tax + 178, returned_amount: before.total.returned_amount + 540, returned_tax: before.total.returned_tax + 40 });
    expect(response.body.by_rate.map((r: Row) => r.rate)).toEqual([10, 8]);

    // the same day as CSV for the accounting software: its lines are the summary's rows, with what remains after the returns
    const csv = await fetch(`${stack.order.url}/api/v1/orders/tax-summary/export?from=${today}&to=${today}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toBe(`attachment; filename="tax-summary-${today}-${today}.csv"`);
    const [header, ...lines] = (await csv.text()).trimEnd().split("\r\n");
    expect(header).toBe("date_jst,tax_rate,orders,amount,tax,returns,returned_amount,returned_tax,net_amount,net_tax");
    expect(lines).toEqual(response.body.by_rate.map((r: Row) => [today, r.rate, r.orders, r.amount, r.tax, r.returns, r.returned_amount, r.returned_tax, r.amount - r.returned_amount, r.tax - r.returned_tax].join(",")));
  }, 60_000);

  test("a span with no shipments is zero, its CSV only a header; days that are none, or backwards, are a 422 naming the field", async () => {
    const empty = await fetch(`${stack.order.url}/api/v1/orders/tax-summary/export?from=2020-01-01&to=2020-01-31`);
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(await empty.arrayBuffer())).toBe("\uFEFFdate_jst,tax_rate,orders,amount,tax,returns,returned_amount,returned_tax,net_amount,net_tax\r\n");
    expect((await summary("?from=2020-01-01&to=2020-01-31")).body).toEqual({ from: "2020-01-01", to: "2020-01-31", basis: "shipped", orders: 0, refunded_orders: 0, by_rate: [], total: { amount: 0, tax: 0, returned_amount: 0, returned_tax: 0 } });
    for (const [query, path] of [["?from=2026-02-30&to=2026-03-01", "from"], ["?from=2026-12-02&to=2026-12-01", "to"], ["?from=2026-12-01", "to"]] as const) {
      for (const response of [await summary(query), await stack.call("GET", `/api/v1/orders/tax-summary/export${query}`)]) {
        expect(response.status).toBe(422);
        expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual([path]);
      }
    }
  });
});
