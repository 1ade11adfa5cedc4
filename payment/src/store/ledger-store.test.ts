import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { payments, refunds } from "../db/schema";
import { testPaymentService } from "../test-service";
import { createLedgerStore, type LedgerEntry } from "./ledger-store";

// Movements that share instants (a charge and a refund at the same moment, several charges in one
// millisecond), beside a declined payment, one still processing, and one outside the range, so that
// the order across pages and between the two kinds of movement shows.
const start = "2026-11-30T15:00:00.000Z", end = "2026-12-01T15:00:00.000Z";
const at = (minute: number) => new Date(Date.parse(start) + minute * 60_000).toISOString();
const charges = [
  { id: "pay_a", completed_at: at(5), status: "COMPLETED" }, { id: "pay_b", completed_at: at(5), status: "REFUNDED" },
  { id: "pay_c", completed_at: at(5), status: "PARTIALLY_REFUNDED" }, { id: "pay_d", completed_at: at(1), status: "COMPLETED" },
  { id: "pay_e", completed_at: at(9), status: "COMPLETED" }, { id: "pay_f", completed_at: at(60 * 24 - 1), status: "COMPLETED" },
] as const;
const notCharged = [
  { id: "pay_declined", completed_at: null, status: "FAILED" }, { id: "pay_processing", completed_at: null, status: "PROCESSING" },
  { id: "pay_tomorrow", completed_at: end, status: "COMPLETED" }, { id: "pay_yesterday", completed_at: at(-1), status: "COMPLETED" },
] as const;
const refunded = [
  { id: "ref_1", payment_id: "pay_b", created_at: at(5), amount: 1000 }, { id: "ref_2", payment_id: "pay_b", created_at: at(9), amount: 2500 },
  { id: "ref_0", payment_id: "pay_c", created_at: at(9), amount: 500 }, { id: "ref_3", payment_id: "pay_yesterday", created_at: at(2), amount: 3500 },
];

let service: Awaited<ReturnType<typeof testPaymentService>>;
let ledger: ReturnType<typeof createLedgerStore>;
beforeAll(async () => {
  service = await testPaymentService();
  ledger = createLedgerStore(service.db);
  await service.db.insert(payments).values([...charges, ...notCharged].map((p) => ({
    ...p, order_id: `ord_${p.id}`, amount: 3500, currency: "JPY" as const, created_at: at(-10), updated_at: at(-10),
  })));
  await service.db.insert(refunds).values(refunded);
});
afterAll(() => service.stop());

const read = async (pageSize: number) => {
  const pages: LedgerEntry[][] = [];
  for await (const page of ledger.entries(start, end, pageSize)) {
    pages.push(page);
    if (pages.length > 20) throw new Error("more pages than entries: a page read again"); // a hang would not fail
  }
  return pages;
};
const ids = (entries: LedgerEntry[]) => entries.map((entry) => entry.refund_id ?? entry.payment_id);

describe("the ledger's entries", () => {
  test("every charge and refund of the range once, oldest first, a charge before a refund of the same instant by id", async () => {
    const [all] = await read(1000);
    expect(ids(all!)).toEqual(["pay_d", "ref_3", "pay_a", "pay_b", "pay_c", "ref_1", "pay_e", "ref_0", "ref_2", "pay_f"]);
    expect(all!.filter((e) => e.type === "REFUND").map((e) => [e.refund_id, e.amount, e.order_id])).toEqual([
      ["ref_3", -3500, "ord_pay_yesterday"], ["ref_1", -1000, "ord_pay_b"], ["ref_0", -500, "ord_pay_c"], ["ref_2", -2500, "ord_pay_b"],
    ]);
  });

  test("read in small pages, the same entries in the same order, each page full but the last", async () => {
    const whole = (await read(1000)).flat();
    for (const pageSize of [1, 2, 3, 4]) {
      const pages = await read(pageSize);
      expect(pages.flat()).toEqual(whole);
      expect(pages.slice(0, -1).every((page) => page.length === pageSize)).toBe(true);
    }
  });

  test("a range without movements yields nothing", async () => {
    expect(await Array.fromAsync(ledger.entries("2020-01-01T00:00:00.000Z", "2020-01-02T00:00:00.000Z"))).toEqual([]);
  });

  test("each page is read through a date index, not through every payment or refund", async () => {
    const after = (await read(1000)).flat()[2]!;
    for (const [query, index, table] of [
      [ledger.chargesAfter(start, end, undefined, 1000), "payments_completed", "payments"],
      [ledger.chargesAfter(start, end, after, 1000), "payments_completed", "payments"],
      [ledger.refundsAfter(start, end, undefined, 1000), "refunds_created", "refunds"],
      [ledger.refundsAfter(start, end, { ...after, refund_id: "ref_1" }, 1000), "refunds_created", "refunds"],
    ] as const) {
      const { sql, params } = query.toSQL();
      const plan = (await service.db.$client.execute({ sql: `explain query plan ${sql}`, args: params as never })).rows.map((row) => String(row.detail));
      expect(plan).toContainEqual(expect.stringContaining(`USING INDEX ${index}`));
      expect(plan).not.toContainEqual(expect.stringMatching(new RegExp(`^SCAN ${table}|TEMP B-TREE|payments_status`)));
    }
  });
});

test("totals by JST day: a movement at 23:59 JST counts on its day, one at midnight on the next; declined and processing payments in none", async () => {
  // the range is 2026-12-01 JST; pay_yesterday (23:59 on 11-30 JST) and pay_tomorrow (00:00 on 12-02) fall outside it
  const { charges: byDay, refunds: refundsByDay } = await ledger.dailyTotals(start, end);
  expect([...byDay.values()]).toEqual([{ day: "2026-12-01", n: charges.length, amount: 3500 * charges.length }]);
  expect([...refundsByDay.values()]).toEqual([{ day: "2026-12-01", n: 4, amount: 7500 }]);
  const wider = await ledger.dailyTotals(at(-60 * 24), new Date(Date.parse(end) + 86_400_000).toISOString());
  expect([...wider.charges.values()].map((d) => [d.day, d.n])).toEqual([["2026-11-30", 1], ["2026-12-01", charges.length], ["2026-12-02", 1]]);
});

