import iconv from "iconv-lite";
import { CONTRACT_COLUMNS } from "./csv-file";

export type BadKind = "bad e-mail" | "zero quantity" | "unpayable total" | "conflicting customer" | "broken quoting";
const kinds: BadKind[] = ["bad e-mail", "zero quantity", "unpayable total", "conflicting customer", "broken quoting"];

/**
 * A generated import file: `orders` orders (every third, and every spoilt one, with two items), `bad` of them spoilt with one
 * bad row each, of the five kinds in turn. Returns the bytes and what a correct import must report.
 */
export function sampleCsv(options: { orders: number; bad: number; encoding: "utf8" | "shift_jis"; bom?: boolean; prefix?: string; itemsPerOrder?: number; pad?: number }) {
  const lines = [CONTRACT_COLUMNS.join(",")];
  const badLines: number[] = [];
  const goodRefs: string[] = [];
  const every = Math.floor(options.orders / Math.max(1, options.bad));
  for (let i = 0; i < options.orders; i++) {
    const ref = `${options.prefix ?? "R"}-${String(i).padStart(6, "0")}`;
    const name = `顧客 ${i} 様宛`;
    const email = `customer${i}@example.jp`;
    const spoilt = i % every === 0 && badLines.length < options.bad ? kinds[badLines.length % kinds.length] : undefined;
    // a spoilt order has two rows, so a customer can disagree between them
    const pad = "・".repeat(options.pad ?? 0);
    const items = options.itemsPerOrder ? Array.from({ length: options.itemsPerOrder }, (_, k) => [`煎茶 ${k + 1} 番${pad}`, 1 + (k % 3), 300])
      : i % 3 === 0 || spoilt ? [["宇治抹茶 100g, 缶入り", 2, 1800], ["有田焼 湯呑み", 1, 3200]] : [["煎茶「朝霧」", 1 + (i % 4), 1200]];
    items.forEach(([product, quantity, price], j) => {
      let row = [ref, name, email, i % 2 ? "+819012345678" : "", `"${String(product).replaceAll('"', '""')}"`, quantity, price].join(",");
      if (spoilt && j === items.length - 1) {
        if (spoilt === "bad e-mail") row = row.replaceAll(email, `customer${i}@@example`); // on the last row only: it disagrees with the first
        if (spoilt === "zero quantity") row = [ref, name, email, "", `"${product}"`, 0, price].join(",");
        if (spoilt === "unpayable total") row = [ref, name, email, "", `"${product}"`, 2, 600_000].join(",");
        if (spoilt === "conflicting customer") row = [ref, "別の 顧客", email, "", `"${product}"`, quantity, price].join(",");
        if (spoilt === "broken quoting") row = [ref, name, email, "", `"${product}"x`, quantity, price].join(",");
      }
      lines.push(row);
      if (spoilt && j === items.length - 1) badLines.push(lines.length);
    });
    if (!spoilt) goodRefs.push(ref);
  }
  const text = lines.join("\r\n") + "\r\n";
  const bytes = options.encoding === "shift_jis" ? new Uint8Array(iconv.encode(text, "Shift_JIS")) : new TextEncoder().encode((options.bom ? "\uFEFF" : "") + text);
  return { bytes, text, goodRefs, badLines, rows: lines.length - 1 };
}
