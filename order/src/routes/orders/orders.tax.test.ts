import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { testOrderService } from "../../test-service";

let service: Awaited<ReturnType<typeof testOrderService>>;
beforeAll(async () => (service = await testOrderService({ ORDER_CALL_WAIT_MS: "50" })));
afterAll(() => service.stop());

const items = [
  { product_name: "宇治抹茶 100g", quantity: 2, unit_price: 1750, tax_rate: 8 },
  { product_name: "有田焼 湯呑み", quantity: 1, unit_price: 2200 },
  { product_name: "ほうじ茶", quantity: 1, unit_price: 1080, tax_rate: 8 },
];
const create = (body: unknown) => service.request("POST", "/api/v1/orders", body);
const total = async () => (await (await service.request("GET", "/api/v1/orders")).json()).total as number;

describe("an order's 消費税", () => {
  test("POST /api/v1/orders keeps each item's rate and states the tax in the total by rate, on every read", async () => {
    const response = await create({ customer_name: "山田 太郎", customer_email: "taro@example.jp", items });
    expect(response.status).toBe(201);
    const created = await response.json();
    expect(created.items.map((item: { tax_rate: number }) => item.tax_rate)).toEqual([8, 10, 8]);
    // 2,200 × 10/110 = 200; 4,580 × 8/108 = 339.3, rounded down once
    const tax = [{ rate: 10, amount: 2200, tax: 200 }, { rate: 8, amount: 4580, tax: 339 }];
    expect(created).toMatchObject({ total_amount: 6780, tax_by_rate: tax });
    expect((await (await service.request("GET", `/api/v1/orders/${created.id}`)).json()).tax_by_rate).toEqual(tax);
    const listed = (await (await service.request("GET", "/api/v1/orders?limit=1")).json()).items[0];
    expect(listed).toMatchObject({ id: created.id, tax_by_rate: tax });
  });

  test("POST /api/v1/orders with a rate that is not 10 or 8 is a 422 naming the item, and nothing is stored", async () => {
    const before = await total();
    const response = await create({ customer_name: "山田 太郎", customer_email: "taro@example.jp", items: [items[0], { ...items[1], tax_rate: 5 }] });
    expect(response.status).toBe(422);
    expect(response.headers.get("Content-Type")).toStartWith("application/problem+json");
    expect((await response.json()).errors).toEqual([{ path: "items.1.tax_rate", message: "must be 10 (standard rate) or 8 (reduced rate: food and drink, newspapers)" }]);
    expect(await total()).toBe(before);
  });

  test("the OpenAPI document describes the rate and the tax", async () => {
    const { components } = await (await service.request("GET", "/openapi.json")).json();
    expect(components.schemas.CreateOrder.properties.items.items.properties.tax_rate).toMatchObject({ type: "integer", enum: [10, 8], default: 10, description: expect.stringContaining("税込") });
    expect(components.schemas.Order.properties.tax_by_rate.description).toContain("10%対象");
  });
});
