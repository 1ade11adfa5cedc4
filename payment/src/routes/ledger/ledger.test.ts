import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { PaymentGateway } from "../../gateway/gateway";
import { testPaymentService } from "../../test-service";
import { eq } from "drizzle-orm";
import { waitFor } from "@platform/shared/testing/service-process";
import { payments } from "../../db/schema";
import { jstDateTime } from "@platform/shared/jst-days";

// A gateway that declines 4,444 JPY, so the ledger can be shown to leave out a payment that took no
// money, and holds 7,777 JPY until the test lets it through, so a charge can complete a day after it began.
let letSlowChargeThrough = () => {};
const slowCharge = new Promise<void>((resolve) => (letSlowChargeThrough = resolve));
const gateway: PaymentGateway = {
  charge: async ({ amount }) => {
    if (amount === 7777) await slowCharge;
    return amount === 4444 ? { approved: false, reason: "card_declined" } : { approved: true };
  },
  refund: async () => {},
};
let service: Awaited<ReturnType<typeof testPaymentService>>;
const ids: Record<string, string> = {};
let today = "";
beforeAll(async () => {
  service = await testPaymentService({}, { gateway });
  const pay = async (orderId: string, amount: number) => (await (await service.request("POST", "/api/v1/payments", { order_id: orderId, amount })).json()).id as string;
  ids.kept = await pay("ord_ledger_kept", 3500);
  ids.refunded = await pay("ord_ledger_refunded", 12800);
  ids.declined = await pay("ord_ledger_declined", 4444);
  await service.request("POST", `/api/v1/payments/${ids.refunded}/refund`, { amount: 800, reason: "=一部返品, 箱潰れ" }, { "X-Operator": encodeURIComponent("経理 花子") });
  await service.request("POST", `/api/v1/payments/${ids.refunded}/refund`, {});
  today = jstDateTime(new Date().toISOString()).slice(0, 10);
});
afterAll(() => service.stop());

const ledger = async (query: string) => service.request("GET", `/api/v1/ledger?${query}`);
const rows = (csv: string) => csv.replace(/^\uFEFF/, "").trimEnd().split("\r\n").map((line) => line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/));

describe("GET /api/v1/payments/{id}/refunds", () => {
  test("lists each refund oldest first, with its amount, reason and the person who asked for it; 404 for an unknown payment", async () => {
    const refunds = await (await service.request("GET", `/api/v1/payments/${ids.refunded}/refunds`)).json();
    expect(refunds.map((r: { amount: number; reason: string | null; operator: string | null }) => [r.amount, r.reason, r.operator])).toEqual([[800, "=一部返品, 箱潰れ", "経理 花子"], [12000, null, null]]);
    expect(refunds[0].id).toMatch(/^rfd_/);
    expect(await (await service.request("GET", `/api/v1/payments/${ids.kept}/refunds`)).json()).toEqual([]);
    expect((await service.request("GET", "/api/v1/payments/pay_unknown/refunds")).status).toBe(404);
  });
});

describe("GET /api/v1/ledger", () => {
  test("today's money movements as CSV: charges, refunds as negative amounts, no declined payment; they add up", async () => {
    const response = await ledger(`from=${today}&to=${today}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="ledger-${today}-${today}.csv"`);
    const [header, ...lines] = rows(await response.text());
    expect(header).toEqual(["date_jst", "type", "amount", "currency", "payment_id", "order_id", "refund_id", "reason", "operator"]);
    expect(lines.map((l) => [l[1], Number(l[2]), l[5], l[7], l[8]])).toEqual([
      ["CHARGE", 3500, "ord_ledger_kept", "", ""],
      ["CHARGE", 12800, "ord_ledger_refunded", "", ""],
      ["REFUND", -800, "ord_ledger_refunded", `"'=一部返品, 箱潰れ"`, "経理 花子"], // a formula-like reason is made inert
      ["REFUND", -12000, "ord_ledger_refunded", "", ""],
    ]);
    expect(lines.every((l) => l[0]!.startsWith(today))).toBe(true);
    expect(lines.reduce((sum, l) => sum + Number(l[2]), 0)).toBe(3500); // what was kept
  });

  test("a charge is dated when the gateway took the money, not when the payment began", async () => {
    const begun = await (await service.request("POST", "/api/v1/payments", { order_id: "ord_ledger_overnight", amount: 7777 })).json();
    expect(begun.status).toBe("PROCESSING");
    // it began at 23:59 JST yesterday; the gateway answers today
    const yesterday = new Date(Date.parse(`${today}T00:00:00+09:00`) - 86_400_000).toISOString().slice(0, 10);
    await service.db.update(payments).set({ created_at: new Date(Date.parse(`${today}T00:00:00+09:00`) - 60_000).toISOString() }).where(eq(payments.id, begun.id));
    letSlowChargeThrough();
    const completed = await waitFor("the slow charge", async () => {
      const payment = await (await service.request("GET", `/api/v1/payments/${begun.id}`)).json();
      return payment.status === "COMPLETED" && payment;
    });
    expect(jstDateTime(completed.completed_at).slice(0, 10)).toBe(today);

    const chargesOn = async (day: string) => rows(await (await ledger(`from=${day}&to=${day}`)).text()).filter((l) => l[4] === begun.id);
    expect(await chargesOn(yesterday)).toEqual([]);
    expect((await chargesOn(today)).map((l) => [l[0], l[1], l[2]])).toEqual([[jstDateTime(completed.completed_at), "CHARGE", "7777"]]);
  });

  test("days without movements give the header alone", async () => {
    expect(rows(await (await ledger("from=2020-01-01&to=2020-01-31")).text())).toHaveLength(1);
  });

  test("a day that does not exist, a range backwards or over 366 days, or a missing end is a 422 naming the field", async () => {
    for (const [query, path, message] of [
      ["from=2026-02-29&to=2026-03-01", "from", "must be a date that exists, YYYY-MM-DD"],
      ["from=2026-12-01&to=2026-13-01", "to", "must be a date that exists, YYYY-MM-DD"],
      ["from=2026-12-05&to=2026-12-01", "to", "must not be before from"],
      ["from=2025-01-01&to=2026-12-31", "to", "must be at most 366 days after from"],
      ["from=2026-12-01", "to", "is required"],
    ]) {
      const response = await ledger(query!);
      expect(response.status).toBe(422);
      expect((await response.json()).errors).toEqual([{ path, message }]);
    }
  });
});

describe("GET /api/v1/ledger/summary", () => {
  test("every day of the range, days without movements too, with the ledger's charges and refunds counted and summed; they agree with the CSV", async () => {
    const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const response = await service.request("GET", `/api/v1/ledger/summary?from=${yesterday}&to=${today}`);
    expect(response.status).toBe(200);
    const summary = await response.json();
    expect(summary).toMatchObject({ from: yesterday, to: today, currency: "JPY" });
    expect(summary.days.map((d: { date: string }) => d.date)).toEqual([yesterday, today]);
    expect(summary.days[0]).toEqual({ date: yesterday, charges: 0, charged: 0, refunds: 0, refunded: 0, net: 0 });
    // the CSV of the same day, added up
    const lines = rows(await (await ledger(`from=${today}&to=${today}`)).text()).slice(1);
    const charges = lines.filter((l) => l[1] === "CHARGE").map((l) => Number(l[2]));
    const refunds = lines.filter((l) => l[1] === "REFUND").map((l) => -Number(l[2]));
    const add = (amounts: number[]) => amounts.reduce((a, b) => a + b, 0);
    expect(summary.days[1]).toEqual({ date: today, charges: charges.length, charged: add(charges), refunds: refunds.length, refunded: add(refunds), net: add(charges) - add(refunds) });
    expect(summary.days[1]).toMatchObject({ refunds: 2, refunded: 12800 }); // the declined payment is in neither
    expect(summary.total).toEqual({ charges: charges.length, charged: add(charges), refunds: 2, refunded: 12800, net: add(charges) - 12800 });
  });

  test("a range backwards or over 366 days is a 422 naming the field", async () => {
    for (const [query, message] of [["from=2026-12-05&to=2026-12-01", "must not be before from"], ["from=2025-01-01&to=2026-12-31", "must be at most 366 days after from"]]) {
      const response = await service.request("GET", `/api/v1/ledger/summary?${query}`);
      expect(response.status).toBe(422);
      expect((await response.json()).errors).toEqual([{ path: "to", message }]);
    }
  });
});

