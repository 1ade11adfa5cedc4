import { describe, expect, test } from "bun:test";
import { NewOrderSchema, orderTotal } from "./new-order";

const valid = { customer_name: " 山田 太郎 ", customer_email: "taro@example.jp", items: [{ product_name: "抹茶セット", quantity: 2, unit_price: 1750 }] };
const errorsOf = (input: unknown) => NewOrderSchema.safeParse(input).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];

describe("the rules of a new order", () => {
  test("the total is the sum of quantity x unit_price (FR-002)", () => {
    expect(orderTotal([{ quantity: 2, unit_price: 1750 }, { quantity: 3, unit_price: 100 }])).toBe(3800);
  });

  test("a valid order is trimmed and unknown fields are dropped", () => {
    const parsed = NewOrderSchema.parse({ ...valid, status: "PAID", total_amount: 1 });
    expect(parsed).toEqual({ ...valid, customer_name: "山田 太郎", items: [{ ...valid.items[0]!, tax_rate: 10 }] });
  });

  test("an unpayable total is refused on items: below 100 and above 1,000,000 JPY", () => {
    expect(errorsOf({ ...valid, items: [{ product_name: "飴", quantity: 1, unit_price: 99 }] })).toEqual([expect.stringMatching(/^items: the order total 99 JPY cannot be paid/)]);
    expect(errorsOf({ ...valid, items: [{ product_name: "壺", quantity: 2, unit_price: 500_001 }] })).toEqual([expect.stringMatching(/^items: the order total 1000002 JPY/)]);
    expect(errorsOf({ ...valid, items: [{ product_name: "壺", quantity: 1, unit_price: 1_000_000 }] })).toEqual([]);
  });

  test("each limit of the contract is enforced with a field path", () => {
    expect(errorsOf({ ...valid, customer_name: "  " })).toContain("customer_name: must not be empty");
    expect(errorsOf({ ...valid, customer_name: "あ".repeat(201) })).toContain("customer_name: must be at most 200 characters");
    expect(errorsOf({ ...valid, customer_email: "taro@" })).toContain("customer_email: must be a valid e-mail address");
    expect(errorsOf({ ...valid, customer_phone: "090-1234-5678" })).toContain("customer_phone: must be an E.164 number such as +819012345678");
    expect(errorsOf({ ...valid, items: [] })).toContain("items: must have at least one item");
    expect(errorsOf({ ...valid, items: Array(101).fill(valid.items[0]) })).toContain("items: must have at most 100 items");
    expect(errorsOf({ ...valid, items: [{ ...valid.items[0], quantity: 0 }] })).toContain("items.0.quantity: must be at least 1");
    expect(errorsOf({ ...valid, items: [{ ...valid.items[0], quantity: 10_001 }] })).toContain("items.0.quantity: must be at most 10,000");
    expect(errorsOf({ ...valid, items: [{ ...valid.items[0], quantity: 1.5 }] })).toContain("items.0.quantity: must be an integer");
    expect(errorsOf({ ...valid, items: [{ ...valid.items[0], unit_price: -1 }] })).toContain("items.0.unit_price: must not be negative");
    expect(errorsOf({ ...valid, items: [{ ...valid.items[0], product_name: "" }] })).toContain("items.0.product_name: must not be empty");
    expect(errorsOf({ customer_email: "taro@example.jp", items: valid.items })).toContain("customer_name: is required");
  });
});
