import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { Page } from "playwright-core";
import { waitFor } from "@platform/shared/testing/service-process";
import { anOrder } from "@platform/shared/testing/stack";
import { sampleCsv } from "../../order/src/imports/sample-csv";
import { jstToday } from "../src/format";
import { downloaded, shot, startDashboardStack, unlabelledControls } from "./harness";

// What finance does, with API_TOKEN on everywhere: every call, downloads included, must carry the token.
const token = "finance-test-token-0123456789";
const auth = { Authorization: `Bearer ${token}` };
let env: Awaited<ReturnType<typeof startDashboardStack>>;
beforeAll(async () => (env = await startDashboardStack({ all: { API_TOKEN: token } })), 60_000);
afterAll(() => env.stop());

/** A tab with the token saved on the settings page, as a person would. */
async function signedIn(): Promise<Page> {
  const page = await env.page("/#/settings");
  await page.getByLabel(/APIトークン/).fill(token);
  await page.getByRole("button", { name: "APIトークンを保存" }).click();
  await page.getByText("APIトークンを保存しました").waitFor();
  return page;
}

describe("the finance work in Chromium, with API_TOKEN on", () => {
  test("refund part of a payment with a reason; the order shows it in the refund history with who made it, and the ledger CSV lists the charge and the refund", async () => {
    const { body: order } = await env.stack.call("POST", "/api/v1/orders", anOrder("会計 花子"), auth);
    await waitFor("PAID", async () => (await env.stack.call("GET", `/api/v1/orders/${order.id}`, undefined, auth)).body.status === "PAID", 20_000);
    const page = await signedIn();
    await page.getByLabel(/^担当者名/).fill("経理 次郎");
    await page.getByRole("button", { name: "担当者名を保存" }).click();
    await page.getByText("担当者名を「経理 次郎」にしました。").waitFor();
    await page.goto(`${env.origin}/#/orders/${order.id}`);
    await page.getByLabel(/^返金額/).fill("1000");
    await page.getByLabel("返金理由（任意）").fill("箱潰れのため一部返金");
    await page.getByRole("button", { name: "返金する" }).click();
    await page.getByRole("button", { name: "返金を確定" }).click();
    const history = page.getByTestId("refunds");
    await history.getByText("箱潰れのため一部返金").waitFor({ timeout: 10_000 });
    expect(await history.getByText("¥1,000").count()).toBe(1);
    const cells = history.locator("tbody tr").first().locator("td");
    expect([await cells.nth(3).textContent(), await cells.nth(4).textContent()]).toEqual(["経理 次郎", "送信"]);
    await shot(page, "order-refund-history");
    // the customer is told, as the ticked box said, without the shop's own reason
    const [mail] = await waitFor("the refund mail", () => env.stack.mailsFor(order.id, "ご返金のお知らせ").length === 1 && env.stack.mailsFor(order.id, "ご返金のお知らせ"));
    expect(mail!.parsed.text).toContain("■今回のご返金額\n¥1,000\n");
    expect(mail!.parsed.text).not.toContain("箱潰れ");

    await page.goto(`${env.origin}/#/payments`);
    expect(await unlabelledControls(page)).toEqual([]);
    const ledger = await downloaded(page, () => page.getByRole("button", { name: "入出金明細CSV" }).click());
    expect(ledger.name).toMatch(/^ledger-\d{4}-\d{2}-01-\d{4}-\d{2}-\d{2}\.csv$/); // this month, to today
    const mine = ledger.text.split("\r\n").filter((line) => line.includes(order.id));
    expect(mine.map((line) => line.split(",").slice(1, 3).concat(line.split(",").slice(-2)))).toEqual([["CHARGE", "3500", "", ""], ["REFUND", "-1000", "箱潰れのため一部返金", "経理 次郎"]]);
    // the payments table shows when the money was taken: the instant the ledger dates the charge
    const [chargedAt, , , , paymentId] = mine[0]!.split(",");
    const completedCell = await page.locator(`tr[data-payment="${paymentId}"] [data-testid="completed-at"]`).textContent();
    expect(completedCell!.replace(/\D/g, "")).toBe(chargedAt!.replace(/\D/g, ""));
    // the same days totalled by day, agreeing with the CSV line for line
    await page.getByRole("button", { name: "日別集計を表示" }).click();
    const totalRow = page.getByTestId("ledger-summary").locator('tr[data-date="total"] td');
    await totalRow.first().waitFor();
    const movements = ledger.text.replace(/^\uFEFF/, "").trimEnd().split("\r\n").slice(1).map((line) => line.split(","));
    const amounts = (type: string) => movements.filter((l) => l[1] === type).map((l) => Math.abs(Number(l[2])));
    const yenText = (n: number) => `¥${n.toLocaleString("ja-JP")}`;
    const add = (ns: number[]) => ns.reduce((a, b) => a + b, 0);
    expect(await totalRow.allTextContents()).toEqual([
      String(amounts("CHARGE").length), yenText(add(amounts("CHARGE"))), String(amounts("REFUND").length), `−${yenText(add(amounts("REFUND")))}`, yenText(add(amounts("CHARGE")) - add(amounts("REFUND"))),
    ]);
    expect(await page.getByTestId("ledger-summary").locator("tbody tr").count()).toBe(Number(jstToday().slice(8)));
    await shot(page, "payments-ledger");
    await page.close();
  }, 60_000);

  test("a return recorded on the order's page is refunded; the 消費税 by rate of this month's shipments and returns shows beside the ledger, as the API gives it", async () => {
    const items = [{ product_name: "宇治抹茶", quantity: 2, unit_price: 1750, tax_rate: 8 }, { product_name: "湯呑み", quantity: 1, unit_price: 2200 }];
    const shipped = async (name: string) => {
      const { body: order } = await env.stack.call("POST", "/api/v1/orders", { ...anOrder(name), items }, auth);
      await waitFor("PAID", async () => (await env.stack.call("GET", `/api/v1/orders/${order.id}`, undefined, auth)).body.status === "PAID", 20_000);
      expect((await env.stack.call("PATCH", `/api/v1/orders/${order.id}/status`, { status: "SHIPPED" }, auth)).status).toBe(200);
      return (await env.stack.call("GET", `/api/v1/orders/${order.id}`, undefined, auth)).body;
    };
    const [returning, discounted] = [await shipped("返品 花子"), await shipped("値引 次郎")];
    // a discount refunded by hand: no rate known, pointed out in the summary
    const refund = await fetch(`${env.stack.payment.url}/api/v1/payments/${discounted.payment_id}/refund`, { method: "POST", headers: { ...auth, "Content-Type": "application/json" }, body: JSON.stringify({ amount: 300 }) });
    expect(refund.status).toBe(200);

    const page = await signedIn();
    await page.goto(`${env.origin}/#/orders/${returning.id}`);
    await page.getByText("返品・欠品を登録…").click();
    const tea = page.getByLabel("宇治抹茶（¥1,750・残り 2 点）の返品数");
    await tea.fill("3");
    await page.getByLabel("理由（任意）", { exact: true }).fill("未開封のため返品");
    await page.getByRole("button", { name: "返品を登録して ¥5,250 を返金" }).click();
    await page.getByRole("button", { name: "返品と返金を確定" }).click();
    await page.getByText("返品できるのは 2 点までです（購入 2 点、返品済 0 点）。").waitFor();
    await tea.fill("１"); // as typed with the IME on
    await page.getByRole("button", { name: "返品を登録して ¥1,750 を返金" }).click();
    await page.getByRole("button", { name: "返品と返金を確定" }).click();
    const row = page.getByTestId("returns").locator("tbody tr");
    await row.getByText("返金済").waitFor({ timeout: 15_000 });
    expect(await row.locator("td").allTextContents()).toEqual([expect.any(String), "宇治抹茶 ×1", "¥1,750", "未開封のため返品", "—", "返金済"]);
    await page.getByTestId("refunded").getByText("¥1,750").waitFor();
    await page.getByText("返品・返金のお知らせ（メール）").waitFor({ timeout: 10_000 }); // the customer's mail, on the order's page
    expect(await page.getByTestId("net-total").textContent()).toBe("¥3,950"); // under the items: what remains
    // the order's packing slip lists what came back, with its tax, and what remains
    await page.goto(`${env.origin}/#/slips?order=${returning.id}`);
    const slip = page.getByTestId("slip");
    await slip.getByTestId("returned-line").waitFor();
    const text = await slip.innerText();
    for (const part of ["返品・欠品：宇治抹茶 ※ ×1\t−¥1,750", "返品・欠品 8%対象\t−¥1,750（内消費税 −¥129）", "差引合計\t¥3,950"]) expect(text).toContain(part);
    await shot(page, "packing-slip-returned");
    expect(await unlabelledControls(page)).toEqual([]);
    await shot(page, "order-return");

    await page.goto(`${env.origin}/#/payments`);
    await page.getByRole("button", { name: "消費税集計を表示" }).click();
    const table = page.getByTestId("tax-summary");
    await table.waitFor();
    const month = { from: `${jstToday().slice(0, 8)}01`, to: jstToday() };
    const { body } = await env.stack.call("GET", `/api/v1/orders/tax-summary?from=${month.from}&to=${month.to}`, undefined, auth);
    expect(body.by_rate.map((row: { rate: number }) => row.rate)).toEqual([10, 8]);
    const yenText = (n: number) => `¥${n.toLocaleString("ja-JP")}`;
    for (const row of body.by_rate) {
      expect(await table.locator(`tr[data-rate="${row.rate}"] td`).allTextContents()).toEqual([
        row.rate === 8 ? "8%（軽減）" : "10%", String(row.orders), yenText(row.amount), yenText(row.tax), String(row.returns), yenText(row.returned_amount), yenText(row.returned_tax),
      ]);
    }
    expect(await table.locator('tr[data-rate="total"] td').allTextContents()).toEqual([String(body.orders), yenText(body.total.amount), yenText(body.total.tax), "", yenText(body.total.returned_amount), yenText(body.total.returned_tax)]);
    expect(body.refunded_orders).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId("tax-summary-refunds").textContent()).toContain(`このうち ${body.refunded_orders} 件の注文に、返品として登録されていない返金`);
    await shot(page, "payments-tax-summary");
    // the same by day as CSV, its lines adding up to the table
    const csv = await downloaded(page, () => page.getByRole("button", { name: "消費税集計CSV（日別）" }).click());
    expect(csv.name).toBe(`tax-summary-${month.from}-${month.to}.csv`);
    const [header, ...lines] = csv.text.replace(/^\uFEFF/, "").trimEnd().split("\r\n").map((line) => line.split(","));
    expect(header).toEqual(["date_jst", "tax_rate", "orders", "amount", "tax", "returns", "returned_amount", "returned_tax", "net_amount", "net_tax"]);
    for (const row of body.by_rate) {
      const ofRate = lines.filter((line) => line[1] === String(row.rate));
      const sum = (column: number) => ofRate.reduce((total, line) => total + Number(line[column]), 0);
      expect([sum(2), sum(3), sum(4), sum(5), sum(6), sum(7)]).toEqual([row.orders, row.amount, row.tax, row.returns, row.returned_amount, row.returned_tax]);
    }
    expect(lines.some((line) => line[0] === jstToday())).toBe(true);
    await page.close();
  }, 60_000);

  test("a range backwards is refused with the API's reason in Japanese, and nothing downloads", async () => {
    const page = await signedIn();
    await page.goto(`${env.origin}/#/payments`);
    await page.getByLabel("開始日").fill("2026-12-05");
    await page.getByLabel("終了日").fill("2026-12-01");
    let downloads = 0;
    page.on("download", () => downloads++);
    await page.getByRole("button", { name: "入出金明細CSV" }).click();
    await page.getByText("終了日は開始日以降にしてください。").waitFor();
    expect(downloads).toBe(0);
    await page.close();
  }, 60_000);

  test("an import's rejected rows download as CSV with the token", async () => {
    const page = await signedIn();
    await page.goto(`${env.origin}/#/imports`);
    const sample = sampleCsv({ orders: 20, bad: 2, encoding: "utf8", prefix: "FIN" });
    await page.getByLabel(/ファイルを選択/).setInputFiles({ name: "finance.csv", mimeType: "text/csv", buffer: Buffer.from(sample.bytes) });
    await page.getByTestId("import-report").getByText("finance.csv（検証済（未実行））").waitFor();
    const errors = await downloaded(page, () => page.getByRole("button", { name: "エラー行をすべてダウンロード（CSV）" }).click());
    expect(errors.name).toMatch(/^imp_.+-errors\.csv$/);
    expect(errors.text.replace(/^\uFEFF/, "").trimEnd().split("\r\n").slice(1).map((line) => Number(line.split(",")[0]))).toEqual(sample.badLines);
    await page.close();
  }, 60_000);
});
