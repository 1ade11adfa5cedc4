import { describe, expect, test } from "bun:test";
import iconv from "iconv-lite";
import { decode, parseCsv } from "./csv-file";
import { sampleCsv } from "./sample-csv";
import { validateRows } from "./validate-rows";

const header = "order_ref,customer_name,customer_email,customer_phone,product_name,quantity,unit_price";

describe("reading an import file", () => {
  test("UTF-8 with and without BOM, and Shift_JIS as Excel saves it, are detected and read alike", () => {
    const text = `${header}\r\nA,山田 太郎,taro@example.jp,,抹茶,1,1000\r\n`;
    expect(decode(new TextEncoder().encode(text))).toEqual({ text, encoding: "UTF-8" });
    expect(decode(new TextEncoder().encode("\uFEFF" + text))).toEqual({ text, encoding: "UTF-8 (BOM)" });
    expect(decode(new Uint8Array(iconv.encode(text, "Shift_JIS")))).toEqual({ text, encoding: "Shift_JIS" });
  });

  test("RFC 4180 quoting: commas, doubled quotes and newlines inside fields", () => {
    const { records, broken } = parseCsv(`${header}\nA,"山田, 太郎",taro@example.jp,,"抹茶 ""特選""\n2段目",1,1000\n`, 100);
    expect(broken).toEqual([]);
    expect(records[0]!.values).toMatchObject({ customer_name: "山田, 太郎", product_name: '抹茶 "特選"\n2段目' });
  });

  test("a missing or unknown column is named; a file without the header is refused", () => {
    expect(() => parseCsv("order_ref,customer_name,customer_email,product_name,quantity,price\n", 10)).toThrow("missing columns: unit_price; unknown columns: price");
    expect(() => parseCsv("A,山田,taro@example.jp,,抹茶,1,1000\n", 10)).toThrow(/not a CSV with a header row/);
    expect(() => parseCsv("\x00\x01binary", 10)).toThrow(/not a CSV/);
  });

  test("a row with broken quoting is reported with its line, and the rows after it still read", () => {
    const { records, broken } = parseCsv(`${header}\nA,山田,a@example.jp,,"抹茶"x,1,1000\nB,佐藤,b@example.jp,,"煎茶, 上",2,500\n`, 100);
    expect(broken).toEqual([{ row: 2, column: null, message: expect.stringContaining("cannot be read as CSV"), ref: "A" }]);
    expect(records).toEqual([{ row: 3, values: expect.objectContaining({ order_ref: "B", product_name: "煎茶, 上" }) }]);
  });

  test("more rows than the limit is refused whole", () => {
    expect(() => parseCsv(`${header}\n` + "A,山田,a@example.jp,,抹茶,1,1000\n".repeat(11), 10)).toThrow("at most 10");
  });
});

describe("rows to orders", () => {
  test("a generated file with 30 bad rows of five kinds: exactly the good orders pass, exactly the bad rows are reported", () => {
    const sample = sampleCsv({ orders: 300, bad: 30, encoding: "shift_jis" });
    const { text } = decode(sample.bytes);
    const { records, broken } = parseCsv(text, 50_000);
    const { orders, errors } = validateRows(records, new Set(), new Set(broken.flatMap((b) => (b.ref ? [b.ref] : []))));
    expect(orders.map((o) => o.order_ref)).toEqual(sample.goodRefs);
    expect([...new Set([...broken, ...errors].map((e) => e.row))].sort((a, b) => a - b)).toEqual(sample.badLines);
    const first = orders.find((o) => o.order_ref === "R-000003")!; // every third order has two items
    expect(first.input.items).toEqual([{ product_name: "宇治抹茶 100g, 缶入り", quantity: 2, unit_price: 1800, tax_rate: 10 }, { product_name: "有田焼 湯呑み", quantity: 1, unit_price: 3200, tax_rate: 10 }]);
  });

  test("an order_ref imported before is reported as a duplicate on each of its rows", () => {
    const { records } = parseCsv(`${header}\nA,山田,a@example.jp,,抹茶,1,1000\nA,山田,a@example.jp,,煎茶,1,1000\n`, 10);
    const { orders, errors } = validateRows(records, new Set(["A"]));
    expect(orders).toEqual([]);
    expect(errors.map((e) => [e.row, e.column])).toEqual([[2, "order_ref"], [3, "order_ref"]]);
  });

  test("a file as Excel writes it: phone numbers as dialled in Japan, or with the leading 0 lost, and prices with full-width digits or thousands separators", () => {
    const { records } = parseCsv([
      header,
      "A,山田 太郎,a@example.jp,090-1234-5678,抹茶,1,\"1,800\"",
      "A,山田 太郎,a@example.jp,9012345678,煎茶,２,９００", // the same number: the rows agree
      "B,佐藤 花子,b@example.jp,０３（１２３４）５６７８,湯呑み,1,6400",
      "C,鈴木 一郎,c@example.jp,+81 90 1111 2222,急須,1,\"12,000\"",
    ].join("\n"), 10);
    const { orders, errors } = validateRows(records, new Set());
    expect(errors).toEqual([]);
    expect(orders.map((o) => [o.order_ref, o.input.customer_phone, o.input.items.map((i) => [i.quantity, i.unit_price])])).toEqual([
      ["A", "+819012345678", [[1, 1800], [2, 900]]],
      ["B", "+81312345678", [[1, 6400]]],
      ["C", "+819011112222", [[1, 12000]]],
    ]);
  });

  test("a phone number that is none is reported as one, with the forms taken; rows of one order with different numbers disagree", () => {
    const { records } = parseCsv([header, "A,山田,a@example.jp,090-1234-567,抹茶,1,1000", "B,佐藤,b@example.jp,090-1234-5678,抹茶,1,1000", "B,佐藤,b@example.jp,080-1234-5678,煎茶,1,1000", "C,鈴木,c@example.jp,,抹茶,1,\"1,00\""].join("\n"), 10);
    const { orders, errors } = validateRows(records, new Set());
    expect(orders).toEqual([]);
    expect(errors).toEqual([
      { row: 2, column: "customer_phone", message: "must be a phone number such as 090-1234-5678 or +819012345678" },
      { row: 4, column: "customer_phone", message: "differs from row 3 of the same order_ref B; rows of one order must agree on the customer and the delivery" },
      { row: 5, column: "unit_price", message: "must be an integer" },
    ]);
  });

  test("a name over two lines (a quoted cell with a line break) is reported on its line, the other orders pass", () => {
    const { records } = parseCsv(`${header}\nA,"山田\n太郎",a@example.jp,,抹茶,1,1000\nB,佐藤,b@example.jp,,"煎茶\t上",1,1000\nC,鈴木,c@example.jp,,玄米茶,1,1000\n`, 10);
    const { orders, errors } = validateRows(records, new Set());
    expect(orders.map((order) => order.order_ref)).toEqual(["C"]);
    const message = "must be one line, without tabs, line breaks or other control characters";
    expect(errors).toEqual([{ row: 2, column: "customer_name", message }, { row: 4, column: "product_name", message }]);
  });

  test("the shipping address columns, as storefronts export them: a postal code however written, a prefecture left in address_line1 or written without 県; a wrong part is named", () => {
    const withAddress = `${header},postal_code,prefecture,address_line1,address_line2`;
    const { records } = parseCsv([
      withAddress,
      "A,山田,a@example.jp,,抹茶,1,1000,〒150-0001,東京,渋谷区神宮前1-2-3,神宮前ビル 101",
      "A,山田,a@example.jp,,煎茶,1,1000,〒150-0001,東京,渋谷区神宮前1-2-3,神宮前ビル 101",
      "B,佐藤,b@example.jp,,抹茶,1,1000,５３０００01,,大阪府大阪市北区梅田1-1-1,",
      "C,鈴木,c@example.jp,,抹茶,1,1000,,,,",
      "D,田中,d@example.jp,,抹茶,1,1000,150-001,東京都,渋谷区,",
      "E,伊藤,e@example.jp,,抹茶,1,1000,150-0001,東京都,渋谷区,",
      "E,伊藤,e@example.jp,,煎茶,1,1000,150-0002,東京都,渋谷区,",
      "F,渡辺,f@example.jp,,抹茶,1,1000,150-0001,,渋谷区,",
    ].join("\n"), 20);
    const { orders, errors } = validateRows(records, new Set());
    expect(Object.fromEntries(orders.map((order) => [order.order_ref, order.input.shipping_address]))).toEqual({
      A: { postal_code: "150-0001", prefecture: "東京都", address_line1: "渋谷区神宮前1-2-3", address_line2: "神宮前ビル 101" },
      B: { postal_code: "530-0001", prefecture: "大阪府", address_line1: "大阪市北区梅田1-1-1", address_line2: null },
      C: undefined,
    });
    expect(errors).toEqual([
      { row: 6, column: "postal_code", message: "must be a postal code of 7 digits, such as 150-0001" },
      { row: 8, column: "postal_code", message: "differs from row 7 of the same order_ref E; rows of one order must agree on the customer and the delivery" },
      { row: 9, column: "prefecture", message: "must be one of the 47 prefectures, such as 東京都" },
    ]);
  });

  test("the delivery wish columns, as written (2099/1/5, 14時〜16時, 午前); a day already past or a slot no carrier has is named on its row", () => {
    const { records } = parseCsv([
      `${header},delivery_date,delivery_time`,
      "A,山田,a@example.jp,,抹茶,1,1000,2099/1/5,14時〜16時",
      "B,佐藤,b@example.jp,,抹茶,1,1000,,午前",
      "C,鈴木,c@example.jp,,抹茶,1,1000,2020-01-01,",
      "D,田中,d@example.jp,,抹茶,1,1000,2099-01-05,夕方",
    ].join("\n"), 10);
    const { orders, errors } = validateRows(records, new Set());
    expect(orders.map((o) => [o.order_ref, o.input.delivery_date, o.input.delivery_time])).toEqual([["A", "2099-01-05", "14-16"], ["B", undefined, "午前中"]]);
    expect(errors.map((e) => [e.row, e.column])).toEqual([[4, "delivery_date"], [5, "delivery_time"]]);
  });

  test("an item's tax rate as a spreadsheet has it (8%, 軽減, 10; empty is 10); another rate is named on its row and its order is not imported", () => {
    const { records } = parseCsv([
      `${header},tax_rate`,
      "A,山田,a@example.jp,,宇治抹茶,2,1750,8%",
      "A,山田,a@example.jp,,湯呑み,1,2200,",
      "B,佐藤,b@example.jp,,ほうじ茶,1,1080,軽減",
      "B,佐藤,b@example.jp,,茶筅,1,3300,10",
      "C,鈴木,c@example.jp,,煎茶,1,1000,５",
    ].join("\n"), 10);
    const { orders, errors } = validateRows(records, new Set());
    expect(orders.map((o) => [o.order_ref, o.input.items.map((item) => item.tax_rate)])).toEqual([["A", [8, 10]], ["B", [8, 10]]]);
    expect(errors).toEqual([{ row: 6, column: "tax_rate", message: expect.stringMatching(/^must be 10 \(standard rate\) or 8 \(reduced rate/) }]);
  });

  test("a file without the address columns (or the phone) still reads", () => {
    expect(() => parseCsv("order_ref,customer_name,customer_email,product_name,quantity,unit_price\nA,山田,a@example.jp,抹茶,1,1000\n", 10)).not.toThrow();
  });
});
