import { describe, expect, test } from "bun:test";
import { taxByRate, taxRateFromText } from "./consumption-tax";
import { NewOrderSchema } from "./new-order";

describe("消費税 in tax-included prices", () => {
  test("the tax of each rate is rounded down once for the order, not per item", () => {
    // per item: 105 × 10/110 = 9.54 → 9, twice 18; for the order: 210 × 10/110 = 19.09 → 19
    expect(taxByRate([{ tax_rate: 10, subtotal: 105 }, { tax_rate: 10, subtotal: 105 }])).toEqual([{ rate: 10, amount: 210, tax: 19 }]);
  });

  test("each rate the order has, once, the standard rate first", () => {
    const items = [{ tax_rate: 8 as const, subtotal: 3500 }, { tax_rate: 10 as const, subtotal: 2200 }, { tax_rate: 8 as const, subtotal: 1080 }];
    expect(taxByRate(items)).toEqual([{ rate: 10, amount: 2200, tax: 200 }, { rate: 8, amount: 4580, tax: 339 }]);
    expect(taxByRate([{ tax_rate: 8, subtotal: 0 }])).toEqual([{ rate: 8, amount: 0, tax: 0 }]);
  });

  test("a rate is read as spreadsheets write it, and anything else is not a rate", () => {
    for (const written of ["8", "8%", "８％", " 8 % ", "0.08", "軽減", "軽減税率"]) expect(taxRateFromText(written)).toBe(8);
    for (const written of ["", "10", "10%", "１０", "0.1", "標準"]) expect(taxRateFromText(written)).toBe(10);
    for (const written of ["5", "0", "8.5", "十", "免税", "-8"]) expect(taxRateFromText(written)).toBeUndefined();
  });

  test("an item's rate is 10 when left out, 8 when asked for, and nothing else", () => {
    const order = (tax_rate?: unknown) => ({ customer_name: "山田 太郎", customer_email: "taro@example.jp", items: [{ product_name: "抹茶", quantity: 1, unit_price: 1000, tax_rate }] });
    expect(NewOrderSchema.parse(order()).items[0]!.tax_rate).toBe(10);
    expect(NewOrderSchema.parse(order(8)).items[0]!.tax_rate).toBe(8);
    for (const bad of [5, "8", 0.08, null]) {
      expect(NewOrderSchema.safeParse(order(bad)).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual(["items.0.tax_rate: must be 10 (standard rate) or 8 (reduced rate: food and drink, newspapers)"]);
    }
  });
});
