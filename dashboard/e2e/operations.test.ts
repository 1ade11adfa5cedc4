import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { Page } from "playwright-core";
import { waitFor } from "@platform/shared/testing/service-process";
import { anOrder } from "@platform/shared/testing/stack";
import { jstToday, jstTomorrow } from "../src/format";
import { downloaded, shot, startDashboardStack, unlabelledControls } from "./harness";

let env: Awaited<ReturnType<typeof startDashboardStack>>;
beforeAll(async () => (env = await startDashboardStack({ all: { SHOP_NAME: "抹茶堂", INVOICE_REGISTRATION_NUMBER: "T1234-5678-9012-3" } })), 60_000);
afterAll(() => env.stop());

const paidOrder = async (name: string, order = anOrder(name)) => {
  const { body } = await env.stack.call("POST", "/api/v1/orders", order);
  await waitFor("PAID", async () => (await env.stack.call("GET", `/api/v1/orders/${body.id}`)).body.status === "PAID", 20_000);
  return body.id as string;
};

/** The pages the browser would print. */
const pdfPages = async (page: Page) => (await page.pdf({ format: "A4" })).toString("latin1").match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;

describe("the operations team's work in Chromium", () => {
  test("rows pasted from a spreadsheet ship the paid orders with their tracking numbers; a mistyped number is held back, the others refused are listed with the reason", async () => {
    const [first, second, cancelled, mistyped] = await Promise.all([paidOrder("倉庫 一郎"), paidOrder("倉庫 二郎"), paidOrder("倉庫 三郎"), paidOrder("倉庫 四郎")]);
    await env.stack.call("POST", `/api/v1/orders/${cancelled}/cancel`);
    const page = await env.page("/#/shipments");
    await page.getByLabel("出荷リスト").fill([
      "注文番号\t配送業者\t伝票番号",
      `${first}\tヤマト運輸\t1111-2222-3332`,
      `${second}\t佐川急便\t4444-5555-6661`,
      `${first}\tヤマト運輸\t1111-2222-3332`,
      `${cancelled}\tヤマト運輸\t7777-8888-9990`,
      `${mistyped}\tクロネコヤマト\t1111-2222-3323`, // two digits swapped
      "ord_not_an_order\t\t",
      "",
    ].join("\n"));
    await page.getByText(`4 行目：注文 ${first} が重複しています（最初の行だけ使います）。`).waitFor();
    await page.getByText(`6 行目：注文 ${mistyped} の伝票番号の検査数字が合いません。打ち間違いがないか、配送伝票とご確認ください。この行は送らずに残します。`).waitFor();
    expect(await unlabelledControls(page)).toEqual([]);
    await page.getByRole("button", { name: "4 件を発送済みにする" }).click();
    const refused = page.getByTestId("refused-shipments");
    await refused.waitFor();
    expect(await refused.locator("tbody tr").allTextContents()).toEqual([
      `${cancelled}現在「キャンセル」のため発送済みにできません（支払済の注文のみ）。`,
      "ord_not_an_order注文が見つかりません。",
    ]);
    await page.getByText("2 件を発送済みにしました（2 件はできませんでした）。").waitFor();
    // the box keeps only the rows held back and refused, to correct and send again
    expect(await page.getByLabel("出荷リスト").inputValue()).toBe(`${mistyped}\tクロネコヤマト\t1111-2222-3323\n${cancelled}\tヤマト運輸\t7777-8888-9990\nord_not_an_order\t\t`);
    await page.getByRole("button", { name: "2 件を発送済みにする" }).waitFor();
    await shot(page, "shipments");
    const trackingPages = { ヤマト運輸: "https://jizen.kuronekoyamato.co.jp/jizen/servlet/crjz.b.NQ0010?id=111122223332", 佐川急便: "https://k2k.sagawa-exp.co.jp/p/web/okurijosearch.do?okurijoNo=444455556661" };
    for (const [id, carrier, tracking] of [[first, "ヤマト運輸", "1111-2222-3332"], [second, "佐川急便", "4444-5555-6661"]] as const) {
      expect((await env.stack.call("GET", `/api/v1/orders/${id}`)).body).toMatchObject({ status: "SHIPPED", carrier, tracking_number: tracking, tracking_url: trackingPages[carrier] });
      const [mail] = await waitFor(`the shipping mail of ${id}`, () => env.stack.mailsFor(id, "発送いたしました").length === 1 && env.stack.mailsFor(id, "発送いたしました"));
      expect(mail!.parsed.text).toContain(`■配送状況の確認\n${trackingPages[carrier]}\n`);
    }
    expect((await env.stack.call("GET", `/api/v1/orders/${cancelled}`)).body.status).toBe("CANCELLED");
    expect((await env.stack.call("GET", `/api/v1/orders/${mistyped}`)).body.status).toBe("PAID");
  }, 60_000);

  test("the warehouse round trip: the paid orders download as a shipping list, and its rows with tracking numbers added ship them", async () => {
    const ours = await Promise.all([paidOrder("出荷 一郎"), paidOrder("出荷 二郎")]);
    const page = await env.page("/#/shipments");
    const list = await downloaded(page, () => page.getByRole("button", { name: "発送待ち（支払済）の注文をCSVでダウンロード" }).click());
    expect(list.name).toMatch(/^orders-paid-\d{12}\.csv$/);
    const [header, ...lines] = list.text.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(header!.split(",").slice(0, 8)).toEqual(["order_id", "order_ref", "created_at_jst", "status", "customer_name", "customer_email", "customer_phone", "product_name"]);
    expect(lines.every((line) => line.split(",")[3] === "PAID")).toBe(true);
    const mine = lines.filter((line) => ours.some((id) => line.startsWith(id)));
    expect(mine.map((line) => line.split(",").slice(4, 5).concat(line.split(",").slice(7, 10)))).toEqual([
      ["出荷 二郎", "抹茶セット", "2", "1750"], ["出荷 一郎", "抹茶セット", "2", "1750"], // newest first
    ]);
    // the warehouse adds carrier and tracking number to each row and pastes them back
    await page.getByLabel("出荷リスト").fill(mine.map((line, i) => `${line.split(",")[0]}\tヤマト運輸\t${["9000-0000-0001", "9000-0000-0012"][i]}`).join("\n"));
    await page.getByRole("button", { name: "2 件を発送済みにする" }).click();
    await page.getByText("2 件を発送済みにしました。").waitFor();
    for (const id of ours) expect((await env.stack.call("GET", `/api/v1/orders/${id}`)).body.status).toBe("SHIPPED");
    await page.close();
  }, 60_000);

  test("the picking list totals each product over the paid orders, or those wished delivered by tomorrow, and prints alone", async () => {
    const bowl = (quantity: number) => [{ product_name: "検品 茶碗", quantity, unit_price: 2400 }];
    const [due] = await Promise.all([paidOrder("検品 一郎", anOrder("検品 一郎", bowl(2))), paidOrder("検品 二郎", anOrder("検品 二郎", bowl(3)))]);
    await env.stack.call("PATCH", `/api/v1/orders/${due}`, { delivery_date: jstTomorrow() });
    const page = await env.page("/#/shipments");
    const list = page.getByTestId("picking-list");
    const bowls = list.locator("tr", { hasText: "検品 茶碗" });
    await page.getByRole("button", { name: "ピッキングリストを表示" }).click();
    await bowls.waitFor(); // the list shows once the answer is in
    expect(await bowls.locator("td").allTextContents()).toEqual(["検品 茶碗", "5", "2"]);
    const paid = (await env.stack.call("GET", "/api/v1/orders?status=PAID&limit=1")).body.total;
    await list.getByText(new RegExp(`^発送待ち（支払済）${paid} 件の注文・計 \\d+ 点`)).waitFor();
    await page.getByLabel("お届け希望日が明日までの注文だけ").check();
    await page.getByRole("button", { name: "ピッキングリストを表示" }).click();
    await list.getByText(`お届け希望日が ${jstTomorrow()} までの発送待ち（支払済）`).waitFor();
    expect(await bowls.locator("td").allTextContents()).toEqual(["検品 茶碗", "2", "1"]);
    expect(await unlabelledControls(page)).toEqual([]);
    await shot(page, "picking-list");
    await page.emulateMedia({ media: "print" }); // what the printer gets: the list, not the page around it
    expect(await list.isVisible()).toBe(true);
    expect(await page.getByRole("heading", { name: "一括発送" }).isVisible()).toBe(false);
    expect(await page.getByLabel("出荷リスト").isVisible()).toBe(false);
    await page.close();
  }, 60_000);

  test("packing slips: one order's from its page, the paid orders' from the picking list; each prints alone on its own page, with the shop's name, registration number and tax", async () => {
    const [id, ...others] = await Promise.all([paidOrder("納品 花子"), paidOrder("納品 次郎"), paidOrder("納品 三郎")]);
    const address = { postal_code: "604-8005", prefecture: "京都府", address_line1: "京都市中京区恵比須町1-2", address_line2: "河原町ハイツ 305" };
    await env.stack.call("PATCH", `/api/v1/orders/${id}`, { shipping_address: address, delivery_date: jstTomorrow(), delivery_time: "午前中" });
    for (const other of others) await env.stack.call("PATCH", `/api/v1/orders/${other}`, { delivery_date: jstTomorrow() });
    const page = await env.page(`/#/orders/${id}`);
    await page.getByRole("link", { name: "納品書を表示・印刷" }).click();
    const slip = page.getByTestId("slip");
    await slip.waitFor();
    const text = await slip.innerText();
    for (const part of ["納品書", "〒604-8005\n京都府京都市中京区恵比須町1-2\n河原町ハイツ 305\n納品 花子 様", "抹茶堂", `ご注文番号\n${id}`, "お届け希望日時\n", "午前中", "抹茶セット\t¥1,750\t2\t¥3,500", "合計\t¥3,500"]) expect(text).toContain(part);
    // with the shop's registration number, a qualified simplified invoice (適格簡易請求書): the tax for each rate, prices tax-included
    for (const part of ["抹茶堂\n登録番号 T1234567890123", "10%対象\t¥3,500（内消費税 ¥318）", "価格はすべて税込です。"]) expect(text).toContain(part);
    await shot(page, "packing-slip");
    expect(await pdfPages(page)).toBe(1);
    await page.emulateMedia({ media: "print" }); // the slip alone: the menu, the button and the page around it are not printed
    expect(await slip.isVisible()).toBe(true);
    for (const around of [page.getByRole("navigation", { name: "メイン" }), page.getByRole("button", { name: "1 枚を印刷" }), page.getByRole("heading", { name: "納品書の印刷" })]) {
      expect(await around.isVisible()).toBe(false);
    }
    await page.emulateMedia({ media: null }); // back to the screen, and page.pdf() to print media
    await page.getByRole("link", { name: "← 注文に戻る" }).click();
    await page.getByRole("heading", { name: `注文 ${id}` }).waitFor();

    // an imported order's slip gives the storefront's number, the one its customer knows
    const csv = "order_ref,customer_name,customer_email,customer_phone,product_name,quantity,unit_price\r\nSHOP-20261202-7,取込 花子,hanako@example.jp,,煎茶,1,1200\r\n";
    const imported = await (await fetch(`${env.stack.order.url}/api/v1/imports`, { method: "POST", headers: { "Content-Type": "text/csv" }, body: csv })).json();
    const [fromShop] = await waitFor("the imported order", async () => {
      const { items } = (await env.stack.call("GET", `/api/v1/orders?import_id=${imported.id}`)).body;
      return items.length > 0 && items;
    });
    await page.goto(`${env.origin}/#/slips?order=${fromShop.id}`);
    await slip.getByText(`管理番号 ${fromShop.id}`).waitFor();
    expect(await slip.innerText()).toContain("ご注文番号\nSHOP-20261202-7");

    // the warehouse's run: every paid order wished delivered by tomorrow, one page each
    const due = (await env.stack.call("GET", `/api/v1/orders?status=PAID&delivery_by=${jstTomorrow()}&limit=100`)).body;
    expect(due.items.map((o: { id: string }) => o.id)).toEqual(expect.arrayContaining([id, ...others])); // three short slips would share two pages
    await page.goto(`${env.origin}/#/shipments`);
    await page.getByLabel("お届け希望日が明日までの注文だけ").check();
    await page.getByRole("button", { name: "ピッキングリストを表示" }).click();
    await page.getByRole("link", { name: "これらの注文の納品書" }).click();
    await page.getByRole("button", { name: `${due.items.length} 枚を印刷` }).waitFor();
    expect(await slip.evaluateAll((slips) => slips.map((s) => s.getAttribute("data-order")))).toEqual(due.items.map((o: { id: string }) => o.id));
    expect(await pdfPages(page)).toBe(due.items.length);
    await page.close();
  }, 60_000);

  test("the carrier's delivery report pasted in marks the shipped orders delivered, a shared parcel's orders together; the rest are listed with the reason", async () => {
    const [alone, parcelA, parcelB, notShipped] = await Promise.all([paidOrder("配達 一郎"), paidOrder("配達 二郎"), paidOrder("配達 二郎"), paidOrder("配達 三郎")]);
    await env.stack.call("POST", "/api/v1/orders/shipments", { shipments: [
      { order_id: alone, carrier: "ヤマト運輸", tracking_number: "5100-0000-0001" },
      { order_id: parcelA, carrier: "ヤマト運輸", tracking_number: "5100-0000-0002" },
      { order_id: parcelB, carrier: "ヤマト運輸", tracking_number: "5100-0000-0002" },
    ] });
    const page = await env.page("/#/shipments");
    await page.getByLabel("配達完了リスト").fill(["伝票番号\t配達日", "510000000001\t12/01", "５１００－００００－０００２\t12/01", "5100-0000-0099\t12/01", notShipped, ""].join("\n"));
    expect(await unlabelledControls(page)).toEqual([]);
    await page.getByRole("button", { name: "4 件を配達完了にする" }).click();
    const refused = page.getByTestId("refused-deliveries");
    await refused.waitFor();
    expect(await refused.locator("tbody tr").allTextContents()).toEqual([
      "5100-0000-0099—この伝票番号で発送した注文がありません。",
      `—${notShipped}現在「支払済」のため配達完了にできません（発送済の注文のみ）。`,
    ]);
    await page.getByText("3 件の注文を配達完了にしました（2 件はできませんでした）。").waitFor();
    expect(await page.getByLabel("配達完了リスト").inputValue()).toBe(`5100-0000-0099\n${notShipped}`);
    await shot(page, "deliveries");
    for (const id of [alone, parcelA, parcelB]) expect((await env.stack.call("GET", `/api/v1/orders/${id}`)).body.status).toBe("DELIVERED");
    expect((await env.stack.call("GET", `/api/v1/orders/${notShipped}`)).body.status).toBe("PAID");
    await page.close();
  }, 60_000);

  test("the orders list downloads every order its search and filter find, not only the page shown", async () => {
    const id = await paidOrder("検索 出力子");
    const page = await env.page("/#/orders");
    await page.getByLabel("注文を検索").fill("検索出力子");
    await page.getByRole("button", { name: "検索" }).click();
    const file = await downloaded(page, () => page.getByRole("button", { name: "この 1 件をCSVでダウンロード" }).click());
    expect(file.name).toMatch(/^orders-all-\d{12}\.csv$/);
    expect(file.text.replace(/^\uFEFF/, "").trimEnd().split("\r\n").slice(1).map((line) => line.split(",")[0])).toEqual([id]);
    await shot(page, "orders-export");
    await page.close();
  }, 60_000);

  test("the overview's count of today's orders opens them; a range of days narrows the list and its download, a backwards one is explained", async () => {
    const id = await paidOrder("本日 注文子");
    const page = await env.page("/#/");
    await page.getByTestId("today-orders").getByRole("link").click();
    const today = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
    await page.waitForURL(`**/#/orders?from=${today}&to=${today}`);
    // the days show once the page has taken them from the address, a render after it changes
    const days = async () => [await page.getByLabel("開始日").inputValue(), await page.getByLabel("終了日").inputValue()];
    await waitFor("the days in the boxes", async () => (await days()).every((day) => day === today), 10_000);
    await page.getByRole("link", { name: id }).waitFor();
    expect(await unlabelledControls(page)).toEqual([]);
    const file = await downloaded(page, () => page.getByRole("button", { name: /件をCSVでダウンロード$/ }).click());
    expect(file.text.split("\r\n").some((line) => line.startsWith(id))).toBe(true);
    await shot(page, "orders-today");

    await page.getByLabel("開始日").fill("2020-01-01");
    await page.getByLabel("終了日").fill("2020-01-31");
    await page.getByText("該当する注文はありません。").waitFor();
    expect(await page.getByRole("button", { name: /CSVでダウンロード/ }).count()).toBe(0); // nothing to download
    await page.getByLabel("開始日").fill("2020-02-01");
    await page.getByText("読み込みに失敗しました：終了日は開始日以降にしてください。").waitFor();
    await page.getByRole("button", { name: "日付の指定を解除" }).click();
    await page.getByRole("link", { name: id }).waitFor();
    await page.close();
  }, 60_000);

  test("with a name set on the settings page, what a person does is recorded under it: the order's timeline says who shipped it, its notes who wrote them", async () => {
    const id = await paidOrder("担当 確認子");
    const page = await env.page("/#/settings");
    await page.getByLabel(/^担当者名/).fill("出荷 三郎");
    await page.getByRole("button", { name: "担当者名を保存" }).click();
    await page.goto(`${env.origin}/#/orders/${id}`);
    await page.getByRole("button", { name: "発送済みにする" }).click();
    await page.getByText(/支払済 → 発送済（出荷 三郎）/).waitFor();
    const timeline = (await page.locator("ol li").allTextContents()).map((line) => line.replace(/^.*・ /, ""));
    // the payment's moves come from its answer or its webhook, whichever the order service heard first
    expect(timeline).toEqual([
      "受付（API）",
      expect.stringMatching(/^受付 → 決済処理中（(決済サービス|決済サービスの通知 payment\.(processing|completed))）$/),
      expect.stringMatching(/^決済処理中 → 支払済（(決済サービス|決済サービスの通知 payment\.completed)）$/),
      "支払済 → 発送済（出荷 三郎）",
    ]);
    expect((await env.stack.call("GET", `/api/v1/orders/${id}/history`)).body.at(-1).actor).toBe("operator:出荷 三郎");
    // a note for the team, under the same name
    await page.getByLabel(/^メモを追加/).fill("お客様よりお電話：不在時は宅配ボックスへ");
    await page.getByRole("button", { name: "メモを追加" }).click();
    await page.getByTestId("notes").getByText("お客様よりお電話：不在時は宅配ボックスへ").waitFor();
    expect(await page.getByTestId("notes").locator("li small").textContent()).toMatch(/ ・ 出荷 三郎$/);
    expect(await page.getByLabel(/^メモを追加/).inputValue()).toBe("");
    expect((await env.stack.call("GET", `/api/v1/orders/${id}/notes`)).body).toEqual([expect.objectContaining({ text: "お客様よりお電話：不在時は宅配ボックスへ", operator: "出荷 三郎" })]);
    expect(await unlabelledControls(page)).toEqual([]);
    await shot(page, "order-shipped-by");
    await page.close();
  }, 60_000);

  test("the overview says what needs doing, each linked to where it is done", async () => {
    const urgent = await paidOrder("要対応 一郎");
    // wished delivered tomorrow: it must ship today
    const tomorrow = new Date(Date.parse(`${jstToday()}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect((await env.stack.call("PATCH", `/api/v1/orders/${urgent}`, { delivery_date: tomorrow })).body.delivery_date).toBe(tomorrow);
    const paid = (await env.stack.call("GET", "/api/v1/orders?status=PAID&limit=1")).body.total;
    const due = (await env.stack.call("GET", `/api/v1/orders?status=PAID&delivery_by=${tomorrow}&limit=1`)).body.total;
    expect(due).toBeGreaterThanOrEqual(1);
    const page = await env.page("/#/");
    const attention = page.getByTestId("attention");
    await attention.getByText(`お届け希望日が明日までの発送待ち：${due} 件`).waitFor();
    await attention.getByRole("link", { name: "お届け希望日が明日までの発送待ち" }).click();
    await page.getByTestId("delivery-filter").getByText(`お届け希望日が ${tomorrow} までの注文のみ表示しています。`).waitFor();
    const row = page.locator("tr", { has: page.getByRole("link", { name: urgent }) });
    expect(await row.getByTestId("wish").textContent()).toBe(`${Number(tomorrow.slice(0, 4))}年${Number(tomorrow.slice(5, 7))}月${Number(tomorrow.slice(8))}日`);
    await page.goto(`${env.origin}/#/`);
    await attention.getByText(`発送待ち（支払済）：${paid} 件`).waitFor();
    await attention.getByRole("link", { name: "発送待ち（支払済）" }).click();
    await page.getByRole("heading", { name: "一括発送" }).waitFor();
    await page.goto(`${env.origin}/#/`);
    await attention.getByRole("link", { name: "送信失敗の通知" }).click();
    await page.waitForURL(/#\/notifications\?status=FAILED$/);
    // the list opens filtered (the page renders the new address a moment after the address bar has it)
    await waitFor("the filter set to FAILED", async () => (await page.getByLabel("ステータスで絞り込み").inputValue()) === "FAILED", 10_000);
    await page.close();
  }, 60_000);

  test("what was sent to a customer: the notifications page finds every mail to an address however its case is written", async () => {
    const { body: order } = await env.stack.call("POST", "/api/v1/orders", { ...anOrder("宛先 三郎"), customer_email: "saburo.atesaki@example.jp" });
    await waitFor("the confirmation", () => env.stack.mailsFor(order.id, "ご注文ありがとうございます").length === 1, 20_000);
    const page = await env.page("/#/notifications");
    await page.getByLabel("宛先で検索").fill("Saburo.Atesaki@Example.JP");
    await page.getByRole("button", { name: "検索" }).click();
    // the unfiltered list shows until the search's answer (its newest item may be this very mail)
    await waitFor("the list narrowed to one", async () => (await page.locator(".notification").count()) === 1, 10_000);
    await page.locator(".notification").getByText("saburo.atesaki@example.jp").waitFor();
    await page.getByLabel("宛先で検索").fill("nobody@example.jp");
    await page.getByRole("button", { name: "検索" }).click();
    await page.getByText("nobody@example.jp 宛ての通知はありません。").waitFor();
    await page.close();
  }, 60_000);

  test("a customer who asks to be forgotten: refused while an order is under way, then erased from every order and mail, from the order's page", async () => {
    const forgotten = { ...anOrder("忘却 花子"), customer_email: "wasure@example.jp" };
    const [open, done] = await Promise.all([paidOrder("忘却 花子", forgotten), paidOrder("忘却 花子", forgotten)]);
    await env.stack.call("POST", `/api/v1/orders/${done}/cancel`);
    const page = await env.page(`/#/orders/${done}`);
    await page.getByRole("button", { name: "お客様の個人情報を消去" }).click();
    await page.getByText("wasure@example.jp のお客様のすべての注文から、お名前・連絡先・配送先・社内メモ・返金理由と、お送りしたメールの宛先と本文を消去します。").waitFor();
    await page.getByLabel("依頼の内容（任意・記録に残ります）").fill("12/2 お電話で消去のご依頼");
    expect(await unlabelledControls(page)).toEqual([]);
    await page.getByRole("button", { name: "消去を確定" }).click();
    await page.getByText("消去できませんでした：まだ完了していない注文があります。配達完了にするか、キャンセルしてから消去してください。").waitFor();
    expect((await env.stack.call("GET", `/api/v1/orders/${done}`)).body.customer_name).toBe("忘却 花子"); // nothing erased

    await env.stack.call("POST", `/api/v1/orders/${open}/cancel`);
    await waitFor("its cancellation mail", () => env.stack.mailsFor(open).length === 2, 15_000); // one still on its way would be refused
    await page.getByRole("button", { name: "お客様の個人情報を消去" }).click();
    await page.getByLabel("依頼の内容（任意・記録に残ります）").fill("12/2 お電話で消去のご依頼");
    await page.getByRole("button", { name: "消去を確定" }).click();
    await page.getByText("2 件の注文からお客様の個人情報を消去しました。").waitFor();
    await page.getByTestId("erased").getByText("お客様の依頼により、個人情報を消去しました").waitFor();
    await page.getByTestId("notes").getByText("お客様の依頼により個人情報を消去しました（12/2 お電話で消去のご依頼）").waitFor();
    expect(await page.getByRole("button", { name: "連絡先を修正" }).count()).toBe(0);
    // the mails, erased in turn by the Notification Service: listed, without their address or text, and not to be resent
    await waitFor("the mails erased", async () => {
      const mails = await page.locator(".notification").allTextContents();
      return mails.length === 2 && mails.every((mail) => mail.includes("（消去済み）") && !mail.includes("wasure@"));
    }, 15_000);
    expect(await page.getByLabel("再送先").count()).toBe(0);
    await shot(page, "order-erased");
    expect((await env.stack.call("GET", `/api/v1/orders/${open}`)).body).toMatchObject({ customer_name: "（消去済み）", customer_email: "（消去済み）" });
    await page.close();
  }, 60_000);

  test("a customer who gave a wrong address: the order's contact is corrected, and the confirmation sent again to it, from the order's page", async () => {
    const { body: order } = await env.stack.call("POST", "/api/v1/orders", { ...anOrder("再送 花子"), customer_email: "hanako@exmaple.jp" });
    await waitFor("the first mail", () => env.stack.mailsFor(order.id, "ご注文ありがとうございます").length === 1, 20_000);
    const page = await env.page(`/#/orders/${order.id}`);
    await page.getByRole("button", { name: "連絡先を修正" }).click();
    await page.getByLabel("メールアドレス").fill("hanako@");
    await page.getByRole("button", { name: "保存" }).click();
    await page.locator("#contact-customer_email-error").getByText("メールアドレスの形式が正しくありません。").waitFor();
    await page.getByLabel("メールアドレス").fill("hanako@example.jp");
    await page.getByRole("button", { name: "保存" }).click();
    await page.getByText("再送 花子 様 ・ hanako@example.jp").waitFor();
    expect((await env.stack.call("GET", `/api/v1/orders/${order.id}`)).body.customer_email).toBe("hanako@example.jp");
    await page.getByTestId("notes").getByText("連絡先を修正しました（メールアドレス：hanako@exmaple.jp → hanako@example.jp）").waitFor(); // traceable
    await page.getByText("ご注文確認（メール）").first().click();
    expect(await page.getByLabel("再送先").inputValue()).toBe("hanako@example.jp"); // the corrected address is offered
    await page.getByRole("button", { name: "再送する" }).click();
    await page.getByRole("button", { name: "再送を確定" }).click();
    await page.getByText("hanako@example.jp への再送を受け付けました。").waitFor();
    const mails = await waitFor("the second mail", () => env.stack.mailsFor(order.id, "ご注文ありがとうございます").length === 2 && env.stack.mailsFor(order.id, "ご注文ありがとうございます"));
    expect(mails.map((mail) => mail.parsed.to && !Array.isArray(mail.parsed.to) ? mail.parsed.to.value[0]!.address : "")).toEqual(["hanako@exmaple.jp", "hanako@example.jp"]);
    await page.locator(".notification").nth(1).waitFor(); // the page lists the new one too
    expect(await unlabelledControls(page)).toEqual([]);
    await shot(page, "order-resend");
    // the customer's other orders, one click away, found by the corrected address
    await page.getByRole("link", { name: "このお客様の注文をすべて見る" }).click();
    await page.waitForURL(/#\/orders\?q=hanako%40example\.jp$/);
    // the box shows the search once the page has taken it from the address, a render or two after it changes
    await waitFor("the search in the box", async () => (await page.getByLabel("注文を検索").inputValue()) === "hanako@example.jp");
    await page.getByRole("link", { name: order.id }).waitFor();
  }, 60_000);
});
