import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { Page } from "playwright-core";
import { waitFor } from "@platform/shared/testing/service-process";
import { anOrder } from "@platform/shared/testing/stack";
import { shot, startDashboardStack, unlabelledControls } from "./harness";

let env: Awaited<ReturnType<typeof startDashboardStack>>;
beforeAll(async () => (env = await startDashboardStack()), 60_000);
afterAll(() => env.stop());

const status = (page: Page) => page.locator(".status-line .badge");

/** An order made through the API and paid, for the tests that start from a paid order. */
async function paidOrder() {
  const { body } = await env.stack.call("POST", "/api/v1/orders", anOrder("佐藤 花子"));
  await waitFor("PAID", async () => (await env.stack.call("GET", `/api/v1/orders/${body.id}`)).body.status === "PAID", 15_000);
  return body.id as string;
}

describe("the admin dashboard in Chromium", () => {
  test("create an order through the form and watch it reach PAID without reloading", async () => {
    const page = await env.page("/#/orders/new");
    let loads = 0;
    page.on("load", () => loads++);
    await page.getByLabel("お名前").fill("山田 太郎");
    await page.getByLabel("メールアドレス").fill("taro@example.jp");
    await page.getByLabel(/^電話番号/).fill("０９０－１２３４－５６７８"); // as typed with a Japanese IME
    await page.getByLabel("商品名 1").fill("宇治抹茶セット");
    await page.getByLabel("数量").fill("２"); // full width, as typed with the IME on
    await page.getByLabel("単価（円・税込）").fill("3,200");
    await page.locator("#item-0-tax").selectOption({ label: "8%（軽減）" }); // tea is food: the reduced rate
    await page.getByRole("button", { name: "商品を追加" }).click();
    await page.getByLabel("商品名 2").fill("有田焼 湯呑み");
    await page.locator("#item-1-price").fill("6400");
    await expect(page.getByTestId("live-total").textContent()).resolves.toBe("¥12,800");
    expect(await unlabelledControls(page)).toEqual([]);
    await shot(page, "new-order");
    await page.getByRole("button", { name: "注文を作成" }).click();
    await page.waitForURL(/#\/orders\/ord_/);
    await page.getByRole("heading", { name: /^注文 ord_/ }).waitFor();
    await waitFor("決済処理中 or 支払済 shown", async () => ["決済処理中", "支払済", "受付"].includes((await status(page).textContent()) ?? ""));
    await page.locator('.status-line .badge[data-status="PAID"]').waitFor({ timeout: 20_000 });
    expect(loads).toBe(0);
    await page.getByText("ご注文確認（メール）").waitFor({ timeout: 10_000 });
    // the tax in the total by rate, once rounded down for each: 6,400 × 8/108 = 474.07, 6,400 × 10/110 = 581.8
    expect(await page.getByTestId("tax-line").allInnerTexts()).toEqual(["10%対象\t¥6,400（内消費税 ¥581）", "8%対象（軽減税率）\t¥6,400（内消費税 ¥474）"]);
    await page.getByRole("cell", { name: "宇治抹茶セット ※" }).waitFor();
    expect(await page.locator(".tax-legend").textContent()).toBe("※は軽減税率（8%）対象商品です。価格はすべて税込です。"); // the mail, shown below, says it too
    await shot(page, "order-paid");
    // the phone is kept as the API keeps it, and shown and corrected as people write it
    const id = page.url().split("/").at(-1)!;
    expect((await env.stack.call("GET", `/api/v1/orders/${id}`)).body.customer_phone).toBe("+819012345678");
    await page.getByText("山田 太郎 様 ・ taro@example.jp ・ 090-1234-5678").waitFor();
    await page.getByRole("button", { name: "連絡先を修正" }).click();
    expect(await page.getByLabel(/^電話番号/).inputValue()).toBe("090-1234-5678");
    await page.getByLabel(/^電話番号/).fill("080 2222 3333");
    await page.getByRole("button", { name: "保存" }).click();
    await page.getByText("山田 太郎 様 ・ taro@example.jp ・ 080-2222-3333").waitFor();
    expect((await env.stack.call("GET", `/api/v1/orders/${id}`)).body.customer_phone).toBe("+818022223333");
  }, 60_000);

  test("a bad e-mail or postal code shows the API's message next to the field, and nothing is created; corrected, the same form creates the order with its shipping address", async () => {
    const page = await env.page("/#/orders/new");
    const before = (await env.stack.call("GET", "/api/v1/orders?limit=1")).body.total;
    await page.getByLabel("お名前").fill("山田 太郎");
    await page.getByLabel("メールアドレス").fill("taro@");
    await page.getByLabel("郵便番号").fill("150-001");
    await page.getByLabel("住所（市区町村・番地）").fill("渋谷区神宮前1-2-3");
    await page.getByLabel("商品名 1").fill("抹茶");
    await page.getByLabel("単価（円・税込）").fill("1000");
    await page.getByLabel("単価（円・税込）").press("Enter"); // the form submits from the keyboard
    const message = page.locator("#customer_email-error");
    await message.waitFor();
    expect(await message.textContent()).toBe("メールアドレスの形式が正しくありません。");
    await page.getByText("入力内容に誤りがあります。各項目のメッセージをご確認ください。").waitFor();
    expect(await page.getByLabel("メールアドレス").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#shipping-postal-error").textContent()).toBe("郵便番号は7桁で入力してください（例：150-0001）。");
    expect(await page.locator("#shipping-prefecture-error").textContent()).toBe("都道府県を選んでください。");
    expect((await env.stack.call("GET", "/api/v1/orders?limit=1")).body.total).toBe(before);
    await shot(page, "new-order-invalid");

    // corrected and sent again (with the same Idempotency-Key: the refused answer was not kept)
    await page.getByLabel("メールアドレス").fill("taro@example.jp");
    await page.getByLabel("郵便番号").fill("〒１５０－０００１");
    await page.getByLabel("都道府県").selectOption("東京都");
    await page.getByLabel("建物名・部屋番号（任意）").fill("神宮前ビル 101");
    await page.getByLabel("お届け希望日").fill("2099-12-05");
    await page.getByLabel("お届け希望時間帯").selectOption("14-16");
    await page.getByRole("button", { name: "注文を作成" }).click();
    await page.waitForURL(/#\/orders\/ord_/);
    await page.getByTestId("shipping-address").getByText("〒150-0001 東京都渋谷区神宮前1-2-3 神宮前ビル 101").waitFor();
    const id = page.url().split("/").at(-1)!;
    expect((await env.stack.call("GET", `/api/v1/orders/${id}`)).body).toMatchObject({
      shipping_address: { postal_code: "150-0001", prefecture: "東京都", address_line1: "渋谷区神宮前1-2-3", address_line2: "神宮前ビル 101" }, delivery_date: "2099-12-05", delivery_time: "14-16",
    });
    await page.getByTestId("delivery-wish").getByText("お届け希望：2099年12月5日 14〜16時").waitFor();
    // a wrong room number, corrected before it ships, and noted on the order
    await page.getByRole("button", { name: "配送先・お届け希望を修正" }).click();
    expect(await unlabelledControls(page)).toEqual([]);
    await page.getByLabel("建物名・部屋番号（任意）").fill("神宮前ビル 202");
    await page.getByRole("button", { name: "保存" }).click();
    await page.getByTestId("shipping-address").getByText("〒150-0001 東京都渋谷区神宮前1-2-3 神宮前ビル 202").waitFor();
    await page.getByText("連絡先を修正しました（配送先：〒150-0001 東京都渋谷区神宮前1-2-3 神宮前ビル 101 → 〒150-0001 東京都渋谷区神宮前1-2-3 神宮前ビル 202）").waitFor();
    expect((await env.stack.call("GET", "/api/v1/orders?limit=1")).body.total).toBe(before + 1);
  }, 60_000);

  test("ship and deliver an order: a mistyped tracking number is pointed out, the shipped one links to the carrier", async () => {
    const id = await paidOrder();
    const page = await env.page(`/#/orders/${id}`);
    await page.getByLabel("配送業者").fill("ヤマト運輸");
    await page.getByLabel("伝票番号").fill("1234-5678-9012"); // the last digit mistyped
    await page.getByText("伝票番号の検査数字が合いません。").waitFor();
    await page.getByLabel("伝票番号").fill("1234-5678-9013");
    await page.getByText("伝票番号の検査数字が合いません。").waitFor({ state: "detached" });
    await page.getByRole("button", { name: "発送済みにする" }).click();
    await page.locator('.status-line .badge[data-status="SHIPPED"]').waitFor();
    await page.getByText("発送済みにしました。").waitFor();
    expect(await page.getByTestId("tracking").getByRole("link", { name: "1234-5678-9013" }).getAttribute("href")).toBe("https://jizen.kuronekoyamato.co.jp/jizen/servlet/crjz.b.NQ0010?id=123456789013");
    await page.getByRole("button", { name: "配達完了にする" }).click();
    await page.locator('.status-line .badge[data-status="DELIVERED"]').waitFor();
    await page.getByText("この注文に行える操作はありません。").waitFor();
    await page.getByText("発送のお知らせ（メール）").waitFor({ timeout: 10_000 });
    await shot(page, "order-delivered");
  }, 60_000);

  test("cancel another order: the refund and the cancellation mail show on its page", async () => {
    const id = await paidOrder();
    const page = await env.page(`/#/orders/${id}`);
    await page.getByRole("button", { name: "注文をキャンセル" }).click();
    await page.getByText("この注文をキャンセルし、¥3,500 を返金します。よろしいですか？").waitFor();
    await page.getByRole("button", { name: "キャンセルを確定" }).click();
    await page.locator('.status-line .badge[data-status="CANCELLED"]').waitFor();
    await page.locator('[data-testid="payment"] .badge[data-status="REFUNDED"]').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId("refunded").textContent()).toBe("¥3,500");
    await page.getByText("キャンセルのお知らせ（メール）").click({ timeout: 15_000 });
    await page.getByText("お支払い済みの ¥3,500 は").waitFor();
    await shot(page, "order-cancelled");
    await waitFor("the mail at the SMTP server", () => env.stack.mailsFor(id, "キャンセル").length === 1);
  }, 60_000);

  test("partially refund a payment from the payments page, with a confirmation step", async () => {
    const id = await paidOrder();
    const payment = await (await fetch(`${env.stack.payment.url}/api/v1/payments/order/${id}`)).json();
    const page = await env.page("/#/payments");
    const row = page.locator(`tr[data-payment="${payment.id}"]`);
    // a row shows its payment; the refund form opens on demand, and folds again once it is done
    await row.getByText("返金…").waitFor();
    expect(await row.getByLabel(/返金額/).count()).toBe(0);
    await row.getByText("返金…").click();
    await row.getByLabel(/返金額/).fill("千円");
    await row.getByText("返金額は円単位の整数で入力してください。").waitFor();
    expect(await row.getByRole("button", { name: "返金する" }).count()).toBe(0);
    await row.getByLabel(/返金額/).fill("１，０００"); // as typed with the IME on
    const notifyCustomer = row.getByLabel("お客様に返金のお知らせメールを送る");
    expect(await notifyCustomer.isChecked()).toBe(true);
    await notifyCustomer.uncheck(); // a refund the customer already knows of
    await row.getByRole("button", { name: "返金する" }).click();
    await row.getByText("¥1,000 を返金します。よろしいですか？").waitFor();
    await row.getByRole("button", { name: "返金を確定" }).click();
    await page.getByText("返金しました（返金済 ¥1,000）。").waitFor();
    await row.locator('.badge[data-status="PARTIALLY_REFUNDED"]').waitFor();
    expect(await row.getByLabel(/返金額/).count()).toBe(0);
    expect(await unlabelledControls(page)).toEqual([]);
    await shot(page, "payments");
    const after = await (await fetch(`${env.stack.payment.url}/api/v1/payments/${payment.id}`)).json();
    expect(after).toMatchObject({ status: "PARTIALLY_REFUNDED", refunded_amount: 1000 });
    expect(await (await fetch(`${env.stack.payment.url}/api/v1/payments/${payment.id}/refunds`)).json()).toEqual([expect.objectContaining({ amount: 1000, notify_customer: false })]);
  }, 60_000);

  test("the other pages render with labelled controls: overview, orders, notifications with a preview, settings", async () => {
    for (const [path, name] of [["/#/", "overview"], ["/#/orders", "orders"], ["/#/notifications", "notifications"], ["/#/settings", "settings"]] as const) {
      const page = await env.page(path);
      await page.waitForLoadState("networkidle");
      if (name === "notifications") {
        await page.getByRole("button", { name: "メールをプレビュー" }).first().click();
        await page.locator(".preview").getByText("件名：【オンラインショップ】ご注文ありがとうございます").waitFor();
      }
      if (name === "overview") await page.getByTestId("today-orders").filter({ hasText: /\d/ }).waitFor();
      expect(await unlabelledControls(page)).toEqual([]);
      await shot(page, name);
      await page.close();
    }
  }, 60_000);

  test("search orders by a phone number as dialled, or a name without its space; a search that finds nothing says so", async () => {
    const { body } = await env.stack.call("POST", "/api/v1/orders", { ...anOrder("高橋 美咲"), customer_phone: "+818055550123" });
    const page = await env.page("/#/orders");
    for (const term of ["080-5555-0123", "高橋美咲"]) {
      await page.getByLabel("注文を検索").fill(term);
      await page.getByLabel("注文を検索").press("Enter");
      await waitFor(`only ${body.id} found by ${term}`, async () => (await page.locator("tbody tr").count()) === 1 && (await page.locator("tbody a").first().textContent()) === body.id);
    }
    await page.getByLabel("注文を検索").fill("存在しない顧客");
    await page.getByRole("button", { name: "検索" }).click();
    await page.getByText("「存在しない顧客」に該当する注文はありません。").waitFor();
    expect(await unlabelledControls(page)).toEqual([]);
  }, 60_000);

  test("a stopped service is marked down, says what that means, and the rest keeps working", async () => {
    await env.stack.notification.stop();
    try {
      const page = await env.page("/#/orders");
      await page.locator('.health li[data-service="notification"][data-health="down"]').waitFor({ timeout: 10_000 });
      await page.getByText("通知サービスが停止しています。").first().waitFor();
      await page.locator("tbody tr a").first().waitFor(); // orders still listed
      await shot(page, "service-down");
    } finally {
      await env.stack.notification.restart();
    }
  }, 60_000);
});
