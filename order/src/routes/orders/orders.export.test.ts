import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { testOrderService } from "../../test-service";

let service: Awaited<ReturnType<typeof testOrderService>>;
const ids: string[] = [];
beforeAll(async () => {
  service = await testOrderService({ ORDER_CALL_WAIT_MS: "0" });
  for (const order of [
    { customer_name: "山田 太郎", customer_email: "taro@example.jp", customer_phone: "+819012345678", shipping_address: { postal_code: "1500001", prefecture: "東京都", address_line1: "渋谷区神宮前1-2-3", address_line2: "神宮前ビル, 101" }, delivery_date: "2099/1/5", delivery_time: "午前", items: [{ product_name: "抹茶セット", quantity: 2, unit_price: 1750, tax_rate: 8 }, { product_name: "=茶筅, 竹製", quantity: 1, unit_price: 3000 }] },
    { customer_name: "John Smith", customer_email: "john@example.com", customer_phone: "+14155550100", items: [{ product_name: "煎茶", quantity: 1, unit_price: 1200 }] },
    { customer_name: "佐藤 花子", customer_email: "hanako@example.jp", items: [{ product_name: "ほうじ茶", quantity: 3, unit_price: 800 }] },
  ]) ids.push((await (await service.request("POST", "/api/v1/orders", order)).json()).id);
});
afterAll(() => service.stop());

const exported = async (query = "") => {
  const response = await service.request("GET", `/api/v1/orders/export${query}`);
  expect(response.status).toBe(200);
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer()); // the bytes as sent, BOM included
  expect(text.startsWith("\uFEFF")).toBe(true);
  return { response, lines: text.slice(1).trimEnd().split("\r\n") };
};

describe("GET /api/v1/orders/export", () => {
  test("every order as CSV, newest first, one line per item with the order's columns on each", async () => {
    const { response, lines } = await exported();
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="orders-all-\d{12}\.csv"$/);
    expect(lines[0]).toBe("order_id,order_ref,created_at_jst,status,customer_name,customer_email,customer_phone,product_name,quantity,unit_price,subtotal,total_amount,carrier,tracking_number,postal_code,prefecture,address_line1,address_line2,delivery_date,delivery_time,tax_rate");
    const [hanako, john, taro] = ids.toReversed().map((id) => lines.slice(1).filter((line) => line.startsWith(id)));
    expect(lines.slice(1).map((line) => line.split(",")[0])).toEqual([ids[2], ids[1], ids[0], ids[0]]);
    expect(hanako![0]!.split(",").slice(1)).toEqual(["", expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/), "PENDING", "佐藤 花子", "hanako@example.jp", "", "ほうじ茶", "3", "800", "2400", "2400", "", "", "", "", "", "", "", "", "10"]);
    // a Japanese number as dialled in Japan; any other as stored, made inert for a spreadsheet
    expect(taro![0]).toContain(",taro@example.jp,09012345678,抹茶セット,2,1750,3500,6500,,");
    // the shipping address in the import's columns, on every line of the order, for the carrier's label software
    for (const line of taro!) expect(line).toContain(`,150-0001,東京都,渋谷区神宮前1-2-3,"神宮前ビル, 101",2099-01-05,午前中,`);
    // and each item's tax rate, last
    expect(taro!.map((line) => line.slice(line.lastIndexOf(",")))).toEqual([",8", ",10"]);
    expect(john![0]).toContain(",john@example.com,'+14155550100,煎茶,");
    // a product name a spreadsheet would run as a formula is made inert, and its comma quoted
    expect(taro![1]).toContain(`,"'=茶筅, 竹製",1,3000,3000,6500,,`);
  });

  test("narrowed by the list's own filters: a search, a status", async () => {
    expect((await exported("?q=090-1234-5678")).lines.slice(1).map((line) => line.split(",")[0])).toEqual([ids[0], ids[0]]);
    const { response, lines } = await exported("?status=SHIPPED");
    expect(lines).toHaveLength(1); // the header alone
    expect(response.headers.get("Content-Disposition")).toMatch(/filename="orders-shipped-\d{12}\.csv"/);
  });

  test("an unknown status is a 422 naming the field; the route is not taken for an order id", async () => {
    const response = await service.request("GET", "/api/v1/orders/export?status=LOST");
    expect(response.status).toBe(422);
    expect((await response.json()).errors[0].path).toBe("status");
  });

  test("read a page at a time, every order exactly once, newest first, though orders arrive meanwhile", async () => {
    const seen: string[] = [];
    for await (const page of service.store.each({}, 2)) {
      expect(page.length).toBeLessThanOrEqual(2);
      seen.push(...page.map((order) => order.id));
      if (seen.length === 2) await service.request("POST", "/api/v1/orders", { customer_name: "途中 注文", customer_email: "late@example.jp", items: [{ product_name: "玉露", quantity: 1, unit_price: 2000 }] });
    }
    expect(seen).toEqual(ids.toReversed());
  });
});
