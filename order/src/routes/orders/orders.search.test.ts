import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { testOrderService } from "../../test-service";

let service: Awaited<ReturnType<typeof testOrderService>>;
const ids: Record<string, string> = {};
const customers = {
  taro: { customer_name: "山田 太郎", customer_email: "Taro.Yamada@example.jp", customer_phone: "+819012345678" },
  hanako: { customer_name: "佐藤　花子", customer_email: "hanako_sato@example.jp" }, // a full-width space, as typed in Japanese
  percent: { customer_name: "100% Tea 株式会社", customer_email: "orders@tea.example.jp" },
};
beforeAll(async () => {
  service = await testOrderService({ ORDER_CALL_WAIT_MS: "0" });
  for (const [key, customer] of Object.entries(customers)) {
    const response = await service.request("POST", "/api/v1/orders", { ...customer, items: [{ product_name: "抹茶", quantity: 1, unit_price: 1000 }] });
    ids[key] = (await response.json()).id;
  }
});
afterAll(() => service.stop());

const found = async (q: string, extra = "") => {
  const response = await service.request("GET", `/api/v1/orders?q=${encodeURIComponent(q)}${extra}`);
  expect(response.status).toBe(200);
  const page = await response.json();
  expect(page.total).toBe(page.items.length);
  return page.items.map((order: { id: string }) => Object.keys(ids).find((key) => ids[key] === order.id)).sort();
};

describe("GET /api/v1/orders?q= searches as an operator on the phone would", () => {
  test("by order id, exactly", async () => {
    expect(await found(ids.hanako!)).toEqual(["hanako"]);
    expect(await found(ids.hanako!.slice(0, -1))).toEqual([]);
  });

  test("by part of the e-mail, whatever its case", async () => {
    expect(await found("taro.yamada")).toEqual(["taro"]);
    expect(await found("@example.jp")).toEqual(["hanako", "taro"]);
  });

  test("by name with or without the space, half- or full-width", async () => {
    expect(await found("山田太郎")).toEqual(["taro"]);
    expect(await found("山田 太郎")).toEqual(["taro"]);
    expect(await found("佐藤 花子")).toEqual(["hanako"]);
    expect(await found("花子")).toEqual(["hanako"]);
  });

  test("by phone number as dialled in Japan, or in E.164", async () => {
    expect(await found("090-1234-5678")).toEqual(["taro"]);
    expect(await found("09012345678")).toEqual(["taro"]);
    expect(await found("+819012345678")).toEqual(["taro"]);
  });

  test("LIKE wildcards in the term are taken literally", async () => {
    expect(await found("100%")).toEqual(["percent"]);
    expect(await found("%")).toEqual(["percent"]);
    expect(await found("hanako_sato")).toEqual(["hanako"]);
    expect(await found("hanako%sato")).toEqual([]);
  });

  test("combines with the status filter, and a blank or over-long term is a 422", async () => {
    expect(await found("山田", "&status=PENDING")).toEqual(["taro"]);
    expect(await found("山田", "&status=CANCELLED")).toEqual([]);
    for (const q of ["   ", "x".repeat(201)]) {
      const response = await service.request("GET", `/api/v1/orders?q=${encodeURIComponent(q)}`);
      expect(response.status).toBe(422);
      expect((await response.json()).errors[0].path).toBe("q");
    }
  });
});
