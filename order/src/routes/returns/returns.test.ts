import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { japaneseJstDay } from "@platform/shared/jst-days";
import { waitFor } from "@platform/shared/testing/service-process";
import { anOrder, startStack, type Stack } from "@platform/shared/testing/stack";

// Three real services: a return's refund is made by the Payment Service, through the outbox.
let stack: Stack;
beforeAll(async () => (stack = await startStack()));
afterAll(() => stack.stop());

const items = [{ product_name: "宇治抹茶", quantity: 2, unit_price: 1750, tax_rate: 8 }, { product_name: "湯呑み", quantity: 1, unit_price: 2200 }];
async function shippedOrder(name: string) {
  const id = (await stack.call("POST", "/api/v1/orders", { ...anOrder(name), items })).body.id as string;
  await waitFor("PAID", async () => (await stack.call("GET", `/api/v1/orders/${id}`)).body.status === "PAID", 20_000);
  expect((await stack.call("PATCH", `/api/v1/orders/${id}/status`, { status: "SHIPPED" })).status).toBe(200);
  const order = (await stack.call("GET", `/api/v1/orders/${id}`)).body;
  return { id, payment: order.payment_id as string, tea: order.items[0].id as string, cup: order.items[1].id as string };
}
const returnsOf = async (id: string) => (await stack.call("GET", `/api/v1/orders/${id}/returns`)).body;
const paymentOf = async (paymentId: string) => (await fetch(`${stack.payment.url}/api/v1/payments/${paymentId}`)).json();
const refundsOf = async (paymentId: string) => (await fetch(`${stack.payment.url}/api/v1/payments/${paymentId}/refunds`)).json();

describe("POST /api/v1/orders/{id}/returns", () => {
  test("items back are recorded at the price paid, with their tax, refunded once by the Payment Service, and the customer told; the order stays SHIPPED", async () => {
    const order = await shippedOrder("返品 花子");
    const response = await stack.call("POST", `/api/v1/orders/${order.id}/returns`, { items: [{ item_id: order.tea, quantity: 1 }], reason: "未開封のため返品" }, { "X-Operator": encodeURIComponent("窓口 花子") });
    expect(response.status).toBe(201);
    const returnId = response.body.id as string;
    expect(returnId).toMatch(/^ret_[0-9a-f]{32}$/);
    expect(response.body).toMatchObject({
      order_id: order.id, amount: 1750, reason: "未開封のため返品", operator: "窓口 花子",
      items: [{ item_id: order.tea, product_name: "宇治抹茶", quantity: 1, unit_price: 1750, amount: 1750, tax_rate: 8 }],
      tax_by_rate: [{ rate: 8, amount: 1750, tax: 129 }],
    });
    await waitFor("the refund made", async () => (await returnsOf(order.id))[0].refunded_at !== null, 20_000);
    expect(await paymentOf(order.payment)).toMatchObject({ status: "PARTIALLY_REFUNDED", refunded_amount: 1750 });
    const [refund] = await refundsOf(order.payment);
    expect(refund).toMatchObject({ amount: 1750, reason: `返品・欠品 ${returnId}：未開封のため返品`, operator: "窓口 花子" });
    expect((await stack.call("GET", `/api/v1/orders/${order.id}`)).body).toMatchObject({ status: "SHIPPED", payment_status: "PARTIALLY_REFUNDED" });
    const [mail] = await waitFor("the customer's mail", () => stack.mailsFor(order.id, "返品・返金のお知らせ").length === 1 && stack.mailsFor(order.id, "返品・返金のお知らせ"), 20_000);
    expect(mail!.parsed.text).toContain("■返品の内容\n・宇治抹茶 ※\n　¥1,750 × 1点　¥1,750\n\n■返金額（税込）\n¥1,750\n　8%対象 ¥1,750（内消費税 ¥129）\n");
    // the days a return invoice (適格返還請求書) states: the sale's and the return's, in JST
    const { created_at: orderedAt } = (await stack.call("GET", `/api/v1/orders/${order.id}`)).body;
    expect(mail!.parsed.text).toContain(`■ご注文日\n${japaneseJstDay(orderedAt)}\n\n■返品受付日\n${japaneseJstDay(response.body.created_at)}\n`);

    // the rest, later: the second tea and the cup
    const rest = await stack.call("POST", `/api/v1/orders/${order.id}/returns`, { items: [{ item_id: order.tea, quantity: 1 }, { item_id: order.cup, quantity: 1 }] });
    expect(rest.status).toBe(201);
    expect(rest.body.tax_by_rate).toEqual([{ rate: 10, amount: 2200, tax: 200 }, { rate: 8, amount: 1750, tax: 129 }]);
    await waitFor("all refunded", async () => (await paymentOf(order.payment)).status === "REFUNDED", 20_000);
    expect((await returnsOf(order.id)).map((r: { amount: number }) => r.amount)).toEqual([1750, 3950]);
    // a mail for each return
    await waitFor("the second mail", () => stack.mailsFor(order.id, "返品・返金のお知らせ").length === 2, 20_000);
    expect(stack.mailsFor(order.id, "返品・返金のお知らせ")[1]!.parsed.text).toContain("■返金額（税込）\n¥3,950\n");
  }, 60_000);

  test("more than was bought and not yet returned, an item of another order, or an item twice is a 422 naming it, and nothing is recorded or refunded", async () => {
    const order = await shippedOrder("返品 次郎");
    const other = await shippedOrder("返品 三郎");
    expect((await stack.call("POST", `/api/v1/orders/${order.id}/returns`, { items: [{ item_id: order.tea, quantity: 1 }] })).status).toBe(201);
    const refused = [
      [{ items: [{ item_id: order.tea, quantity: 2 }] }, "items.0.quantity", "must be at most 1: 2 bought, 1 returned before"],
      [{ items: [{ item_id: order.cup, quantity: 1 }, { item_id: other.cup, quantity: 1 }] }, "items.1.item_id", "is not an item of this order"],
      [{ items: [{ item_id: order.cup, quantity: 1 }, { item_id: order.cup, quantity: 1 }] }, "items", "must name each item once"],
      [{ items: [] }, "items", "must have at least one item"],
      [{ items: [{ item_id: order.cup, quantity: 0 }] }, "items.0.quantity", "must be at least 1"],
    ] as const;
    for (const [body, path, message] of refused) {
      const response = await stack.call("POST", `/api/v1/orders/${order.id}/returns`, body);
      expect(response.status).toBe(422);
      expect(response.body.errors).toEqual([{ path, message }]);
    }
    await waitFor("the first refund made", async () => (await returnsOf(order.id))[0].refunded_at !== null, 20_000);
    expect(await returnsOf(order.id)).toHaveLength(1);
    expect(await paymentOf(order.payment)).toMatchObject({ refunded_amount: 1750 });
  }, 60_000);

  test("a return worth more than the payment has left (a refund by hand before) is a 422 saying what is left; an order not yet paid or cancelled is a 409", async () => {
    const order = await shippedOrder("返品 四郎");
    const byHand = await fetch(`${stack.payment.url}/api/v1/payments/${order.payment}/refund`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ amount: 5000 }) });
    expect(byHand.status).toBe(200);
    const response = await stack.call("POST", `/api/v1/orders/${order.id}/returns`, { items: [{ item_id: order.cup, quantity: 1 }] });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: "REFUND_EXCEEDS_REMAINDER", refundable: 700 });
    expect(response.body.detail).toContain("¥700 of the payment is left to refund");
    expect(await returnsOf(order.id)).toEqual([]);

    const cancelled = (await stack.call("POST", "/api/v1/orders", anOrder("返品 五郎"))).body.id;
    await stack.call("POST", `/api/v1/orders/${cancelled}/cancel`);
    const item = (await stack.call("GET", `/api/v1/orders/${cancelled}`)).body.items[0].id;
    const refusedReturn = await stack.call("POST", `/api/v1/orders/${cancelled}/returns`, { items: [{ item_id: item, quantity: 1 }] });
    expect(refusedReturn.status).toBe(409);
    expect(refusedReturn.body.detail).toContain("is CANCELLED");
    expect((await stack.call("POST", "/api/v1/orders/ord_nope/returns", { items: [{ item_id: item, quantity: 1 }] })).status).toBe(404);
  }, 60_000);

  test("an item out of stock (欠品) before shipping: the order reads what its returns refund, and the picking list picks only the rest", async () => {
    const product = `欠品テスト茶 ${Date.now()}`; // a name no other test's order has
    const id = (await stack.call("POST", "/api/v1/orders", { ...anOrder("欠品 七郎"), items: [{ product_name: product, quantity: 3, unit_price: 1000, tax_rate: 8 }, { product_name: "湯呑み", quantity: 1, unit_price: 2200 }] })).body.id;
    await waitFor("PAID", async () => (await stack.call("GET", `/api/v1/orders/${id}`)).body.status === "PAID", 20_000);
    const picked = async () => (await stack.call("GET", `/api/v1/orders/picking-list?status=PAID&q=${encodeURIComponent("欠品 七郎")}`)).body.products;
    expect(await picked()).toEqual(expect.arrayContaining([{ product_name: product, quantity: 3, orders: 1 }]));
    const item = (await stack.call("GET", `/api/v1/orders/${id}`)).body.items[0].id;
    expect((await stack.call("POST", `/api/v1/orders/${id}/returns`, { items: [{ item_id: item, quantity: 2 }], reason: "欠品" })).status).toBe(201);
    expect((await stack.call("GET", `/api/v1/orders/${id}`)).body).toMatchObject({ status: "PAID", total_amount: 5200, returned_amount: 2000 });
    expect(await picked()).toEqual([{ product_name: product, quantity: 1, orders: 1 }, { product_name: "湯呑み", quantity: 1, orders: 1 }]); // a tie, by name
    expect((await stack.call("POST", `/api/v1/orders/${id}/returns`, { items: [{ item_id: item, quantity: 1 }] })).status).toBe(201);
    expect(await picked()).toEqual([{ product_name: "湯呑み", quantity: 1, orders: 1 }]); // none left of it to pick
  }, 60_000);

  test("with the Payment Service down the return is recorded, and refunded once when it is back", async () => {
    const order = await shippedOrder("返品 六郎");
    await stack.payment.stop();
    const response = await stack.call("POST", `/api/v1/orders/${order.id}/returns`, { items: [{ item_id: order.cup, quantity: 1 }] });
    expect(response.status).toBe(201);
    expect(response.body.refunded_at).toBeNull();
    await Bun.sleep(1_500); // the relay tries, and fails, meanwhile
    await stack.payment.restart();
    await waitFor("the refund made", async () => (await returnsOf(order.id))[0].refunded_at !== null, 30_000);
    expect(await refundsOf(order.payment)).toHaveLength(1);
    expect(await paymentOf(order.payment)).toMatchObject({ refunded_amount: 2200 });
  }, 60_000);
});
