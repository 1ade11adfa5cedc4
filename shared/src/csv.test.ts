import { describe, expect, test } from "bun:test";
import { csvResponse, neutralize, toCsvLine } from "./csv";

describe("CSV downloads", () => {
  test("text cells a spreadsheet would run as formulas are neutralised; numbers stay numbers, negative ones too", () => {
    expect(["=SUM(A1)", "+1", "-2", "@x", "ok"].map(neutralize)).toEqual(["'=SUM(A1)", "'+1", "'-2", "'@x", "ok"]);
    expect(toCsvLine([3, "product_name", '=HYPERLINK("x")'])).toBe(`3,product_name,"'=HYPERLINK(""x"")"`);
    expect(toCsvLine([-3500, "-3500", null, "a,b"])).toBe(`-3500,'-3500,,"a,b"`);
  });

  test("a download is UTF-8 with a BOM and CRLF line ends, as Excel opens Japanese", async () => {
    const response = csvResponse("x.csv", [["name"], ["山田 太郎"]]);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="x.csv"');
    expect(await response.text()).toBe("\uFEFFname\r\n山田 太郎\r\n");
  });

  test("rows given page by page make the same file, each page read only when the last one is sent", async () => {
    const read: number[] = [];
    async function* pages() {
      for (const n of [1, 2, 3]) {
        read.push(n);
        yield n === 1 ? [["name"], ["山田 太郎"]] : [[`顧客${n}`]];
      }
    }
    const response = csvResponse("x.csv", pages());
    expect(read).toEqual([]); // nothing is read before the body is
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="x.csv"');
    // the bytes as sent (text() would drop the BOM while decoding a stream)
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer())).toBe("\uFEFFname\r\n山田 太郎\r\n顧客2\r\n顧客3\r\n");
    expect(read).toEqual([1, 2, 3]);
  });
});
