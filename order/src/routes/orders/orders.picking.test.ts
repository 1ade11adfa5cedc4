import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { testOrderService } from "../../test-service";

let service: Awaited<ReturnType<typeof testOrderService>>;
beforeAll(async () => {
  service = await testOrderService({ ORDER_CALL_WAIT_MS: "0" });
  const orders = [
    { customer_name: "山田 太郎", delivery_date: "2099-01-05", items: [{ product_name: "抹茶セット", quantity: 2, unit_price: 1750 }, { product_name: "茶筅", quantity: 1, unit_price: 3000 }] },
    { customer_name: "佐藤 花子", delivery_date: "2099-01-10", items: [{ product_name: "抹茶セット", quantity: 3, unit_price: 1750 }] },
    { customer_name: "鈴木 一郎", items: [{ product_name: "ほうじ茶", quantity: 1, unit_price: 800 }, { product_name: "抹茶セット", quantity: 1, unit_price: 1500 }] },
    { customer_name: "取消 次郎", items: [{ product_name: "抹茶セット", quantity: 5, unit_price: 1750 }] },
  ];
  const ids = [];
  for (const order of orders) ids.push((await (await service.request("POST", "/api/v1/orders", { customer_email: "buyer@example.jp", ...order })).json()).id);
  expect((await service.request("POST", `/api/v1/orders/${ids[3]}/cancel`)).status).toBe(200);
});
afterAll(() => service.stop());

const picking = async (query: string) => {
  const response = await service.request("GET", `/api/v1/orders/picking-list${query}`);
  return { status: response.status, body: await response.json() };
};

describe("GET /api/v1/orders/picking-list", () => {
  test("each product once over the orders found, the largest quantity first, with the orders it is in; a cancelled order is not picked", async () => {
    expect((await picking("?status=PENDING")).body).toEqual({
      orders: 3, total_quantity: 8,
      products: [
        { product_name: "抹茶セット", quantity: 6, orders: 3 }, // one name, whatever its price in each order
        { product_name: "ほうじ茶", quantity: 1, orders: 1 },
        { product_name: "茶筅", quantity: 1, orders: 1 },
      ],
    });
    expect((await picking("")).body).toMatchObject({ orders: 4, total_quantity: 13 });
  });

  test("narrowed by the list's filters: what must ship first, one customer's", async () => {
    expect((await picking("?status=PENDING&delivery_by=2099-01-05")).body).toEqual({
      orders: 1, total_quantity: 3, products: [{ product_name: "抹茶セット", quantity: 2, orders: 1 }, { product_name: "茶筅", quantity: 1, orders: 1 }],
    });
    expect((await picking(`?q=${encodeURIComponent("佐藤花子")}`)).body).toEqual({ orders: 1, total_quantity: 3, products: [{ product_name: "抹茶セット", quantity: 3, orders: 1 }] });
    expect((await picking("?status=DELIVERED")).body).toEqual({ orders: 0, total_quantity: 0, products: [] });
  });

  test("filters the list refuses are refused here too (422)", async () => {
    for (const query of ["?status=SENT", "?from=2026-12-05&to=2026-12-01", "?delivery_by=12/05"]) {
      const { status, body } = await picking(query);
      expect(status).toBe(422);
      expect(body).toMatchObject({ code: "VALIDATION_FAILED" });
    }
  });
});
