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
    expect(first.input.items).toEqual([{ product_name: "宇治抹茶 100g, 缶入り", quantity: 2, unit_price: 1800 }, { product_name: "有田焼 湯呑み", quantity: 1, unit_price: 3200 }]);
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
      { row: 4, column: "customer_phone", message: "differs from row 3 of the same order_ref B; rows of one order must agree on the customer" },
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
});
