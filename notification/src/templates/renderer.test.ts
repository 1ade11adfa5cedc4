import { describe, expect, test } from "bun:test";
import { cpSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { templateNames } from "@platform/shared/contracts/notification";
import { tempDir } from "@platform/shared/testing/service-process";
import { sampleVariables } from "./catalog";
import { loadTemplates } from "./renderer";

const templatesDir = join(import.meta.dir, "../../templates");
const templates = loadTemplates(templatesDir, { name: "抹茶堂", registrationNumber: null });
const anyShop = { name: "x", registrationNumber: null };

describe("the Japanese templates", () => {
  test("ORDER_CONFIRMATION e-mail: 様, the order number, ¥ amounts and every item with quantity and subtotal", () => {
    const mail = templates.render("ORDER_CONFIRMATION", "EMAIL", sampleVariables);
    expect(mail.subject).toBe("【抹茶堂】ご注文ありがとうございます（ご注文番号：ord_0193a5b0c7e07a4c9f1e2d3c4b5a6977）");
    expect(mail.body).toStartWith("山田 太郎 様\n");
    expect(mail.body).toContain("・宇治抹茶セット ※\n　¥3,200 × 2点　小計 ¥6,400");
    expect(mail.body).toContain("・有田焼 湯呑み\n　¥6,400 × 1点　小計 ¥6,400");
    expect(mail.body).toContain("■合計金額（税込）\n¥12,800");
    expect(mail.html).toContain("<td style=\"text-align:right;padding:12px 8px;font-weight:bold;\">¥12,800</td>");
  });

  test("ORDER_CONFIRMATION e-mail: the 消費税 by rate under the total, reduced-rate items marked ※; none for a mail asked for before rates were kept", () => {
    const mail = templates.render("ORDER_CONFIRMATION", "EMAIL", sampleVariables);
    expect(mail.body).toContain("・宇治抹茶セット ※\n");
    expect(mail.body).toContain("¥12,800\n　10%対象 ¥6,400（内消費税 ¥581）\n　8%対象 ¥6,400（内消費税 ¥474）\n　※は軽減税率（8%）対象商品です。\n");
    expect(mail.html).toContain("宇治抹茶セット ※</td>");
    expect(mail.html).toContain("¥6,400（内消費税 ¥474）</td>");
    const { tax_by_rate: _t, ...before } = sampleVariables;
    const older = templates.render("ORDER_CONFIRMATION", "EMAIL", { ...before, items: before.items.map(({ tax_rate: _r, ...item }) => item) });
    for (const part of [older.body, older.html]) expect(part).not.toMatch(/消費税|※は|対象/);
    const standardOnly = templates.render("ORDER_CONFIRMATION", "EMAIL", { ...sampleVariables, items: [sampleVariables.items[1]!], total_amount: 6400, tax_by_rate: [{ rate: 10, amount: 6400, tax: 581 }] });
    expect(standardOnly.body).toContain("　10%対象 ¥6,400（内消費税 ¥581）\n");
    expect(standardOnly.body).not.toContain("軽減");
  });

  test("ORDER_RETURNED e-mail: the items back at the price paid, the refund and its tax by rate", () => {
    const mail = templates.render("ORDER_RETURNED", "EMAIL", sampleVariables);
    expect(mail.subject).toBe("【抹茶堂】返品・返金のお知らせ（ご注文番号：ord_0193a5b0c7e07a4c9f1e2d3c4b5a6977）");
    expect(mail.body).toContain("■ご注文日\n2026年12月2日\n\n■返品受付日\n2026年12月9日\n\n■返品の内容\n・宇治抹茶セット ※\n　¥3,200 × 1点　¥3,200\n");
    expect(mail.html).toContain("返品受付日：2026年12月9日</p>");
    expect(mail.body).toContain("■返金額（税込）\n¥3,200\n　8%対象 ¥3,200（内消費税 ¥237）\n　※は軽減税率（8%）対象商品です。\n");
    expect(mail.html).toContain("宇治抹茶セット ※ × 1点（¥3,200）");
    expect(templates.render("ORDER_RETURNED", "SMS", sampleVariables).body).toBe("【抹茶堂】山田 太郎様、ご注文（ご注文番号：ord_0193a5b0c7e07a4c9f1e2d3c4b5a6977）の返品を承り、¥3,200を返金いたします。");
  });

  test("ORDER_REFUNDED e-mail: the order, the day of the refund, this refund, and the total refunded when earlier refunds make it more", () => {
    const first = templates.render("ORDER_REFUNDED", "EMAIL", { ...sampleVariables, refund_amount: 1000, refunded_total: 1000 });
    expect(first.subject).toBe("【抹茶堂】ご返金のお知らせ（ご注文番号：ord_0193a5b0c7e07a4c9f1e2d3c4b5a6977）");
    expect(first.body).toContain("■ご返金日\n2026年12月10日\n");
    expect(first.body).toContain("■ご注文金額（税込）\n¥12,800\n\n■今回のご返金額\n¥1,000\n\nご利用のお支払い方法へ返金いたします。");
    expect(first.html).toContain("今回のご返金額：¥1,000</p>");
    for (const part of [first.body, first.html]) expect(part).not.toContain("これまで");
    const later = templates.render("ORDER_REFUNDED", "EMAIL", { ...sampleVariables, refund_amount: 1000, refunded_total: 3000 });
    expect(later.body).toContain("■今回のご返金額\n¥1,000\n\n■これまでのご返金額の合計\n¥3,000\n");
    expect(later.html).toContain("これまでのご返金額の合計：¥3,000</p>");
    expect(templates.render("ORDER_REFUNDED", "SMS", { ...sampleVariables, refund_amount: 1000 }).body).toBe("【抹茶堂】山田 太郎様、ご注文（ご注文番号：ord_0193a5b0c7e07a4c9f1e2d3c4b5a6977）について¥1,000を返金いたします。");
  });

  test("the day of the order, and with the shop's registration number under its name, every mail's footer carries it: the confirmation and the return's mail are then invoices", () => {
    const invoicing = loadTemplates(templatesDir, { name: "抹茶堂", registrationNumber: "T1234567890123" });
    for (const template of templateNames) {
      const mail = invoicing.render(template, "EMAIL", sampleVariables);
      expect(mail.body).toContain("――――――――――――――――――――\n抹茶堂\n登録番号：T1234567890123\n※本メールは");
      expect(mail.html).toContain("抹茶堂<br>登録番号：T1234567890123<br>※本メールは");
      const plain = templates.render(template, "EMAIL", sampleVariables);
      expect(plain.body).toContain("――――――――――――――――――――\n抹茶堂\n※本メールは");
      for (const part of [plain.body, plain.html]) expect(part).not.toContain("登録番号");
    }
    for (const template of ["ORDER_CONFIRMATION", "ORDER_RETURNED", "ORDER_REFUNDED"] as const) {
      const mail = templates.render(template, "EMAIL", sampleVariables);
      expect(mail.body).toContain("■ご注文番号\nord_0193a5b0c7e07a4c9f1e2d3c4b5a6977\n\n■ご注文日\n2026年12月2日\n\n■");
      expect(mail.html).toContain("<p style=\"margin:0 0 8px;\">ご注文日：2026年12月2日</p>");
      const { ordered_on: _o, ...older } = sampleVariables; // a mail asked for before the day was sent with it
      const before = templates.render(template, "EMAIL", older);
      expect(before.body).toContain("■ご注文番号\nord_0193a5b0c7e07a4c9f1e2d3c4b5a6977\n\n■");
      for (const part of [before.body, before.html]) expect(part).not.toContain("ご注文日");
    }
  });

  test("every template renders for both channels; SMS is one short text", () => {
    for (const template of templateNames) {
      const sms = templates.render(template, "SMS", sampleVariables);
      expect(sms.subject).toBeNull();
      expect(sms.html).toBeNull();
      expect(sms.body).not.toContain("\n");
      expect(sms.body).toContain("山田 太郎様");
      const mail = templates.render(template, "EMAIL", sampleVariables);
      expect(mail.body).toContain("山田 太郎 様");
    }
  });

  test("optional variables appear only when given", () => {
    const { tracking_number: _t, carrier: _c, refund_amount: _r, ...plain } = sampleVariables;
    expect(templates.render("ORDER_SHIPPED", "EMAIL", sampleVariables).body).toContain("ヤマト運輸 1234-5678-9013");
    expect(templates.render("ORDER_SHIPPED", "EMAIL", plain).body).not.toContain("伝票番号");
    // the tracking page, when the service knows the carrier's
    const page = "https://jizen.kuronekoyamato.co.jp/jizen/servlet/crjz.b.NQ0010?id=123456789013";
    expect(templates.render("ORDER_SHIPPED", "EMAIL", sampleVariables).body).toContain(`■配送状況の確認\n${page}\n`);
    expect(templates.render("ORDER_SHIPPED", "SMS", sampleVariables).body).toEndWith(` 配送状況：${page}`);
    for (const mail of [templates.render("ORDER_SHIPPED", "EMAIL", { ...sampleVariables, carrier: "西濃運輸" }), templates.render("ORDER_SHIPPED", "EMAIL", plain)]) {
      expect(mail.body).not.toContain("配送状況");
      expect(mail.html).not.toContain("<a ");
    }
    expect(templates.render("ORDER_CANCELLED", "EMAIL", sampleVariables).body).toContain("お支払い済みの ¥12,800 は");
    expect(templates.render("ORDER_CANCELLED", "EMAIL", plain).body).not.toContain("返金");
  });

  test("customer data is HTML-escaped in the HTML part and left plain in text and SMS", () => {
    const hostile = { ...sampleVariables, customer_name: `<script>alert("x")</script> & 太郎`, items: [{ product_name: "<b>茶</b>", quantity: 1, unit_price: 100, subtotal: 100 }], total_amount: 100 };
    const mail = templates.render("ORDER_CONFIRMATION", "EMAIL", hostile);
    expect(mail.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 太郎 様");
    expect(mail.html).toContain("&lt;b&gt;茶&lt;/b&gt;");
    expect(mail.html).not.toContain("<script>");
    expect(mail.body).toContain(`<script>alert("x")</script> & 太郎 様`);
    expect(templates.render("ORDER_CONFIRMATION", "SMS", hostile).body).toContain("& 太郎様");
  });

  test("a CR/LF in a name cannot break out of the subject header", () => {
    const mail = templates.render("ORDER_CONFIRMATION", "EMAIL", { ...sampleVariables, order_id: "ord_1\r\nBcc: victim@example.com" });
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.subject).toContain("ord_1 Bcc: victim@example.com");
  });

  test("variables that do not fit the template are a 422 naming each field", () => {
    expect(() => templates.render("ORDER_CONFIRMATION", "EMAIL", { customer_name: "太郎", items: [] })).toThrow(
      expect.objectContaining({ code: "VALIDATION_FAILED", extensions: { errors: expect.arrayContaining([{ path: "variables.order_id", message: "is required" }, expect.objectContaining({ path: "variables.items" })]) } }),
    );
  });
});

describe("template files that do not work stop the service at start, naming file and line", () => {
  const broken = (file: string, content: string) => {
    const dir = tempDir("templates-");
    cpSync(templatesDir, dir, { recursive: true });
    writeFileSync(join(dir, file), content);
    return dir;
  };

  test("an unclosed {% for %}", () => {
    const dir = broken("ORDER_SHIPPED/email.txt", "{{ customer_name }} 様\n\n{% for item in items %}\n{{ item.product_name }}\n");
    expect(() => loadTemplates(dir, anyShop)).toThrow(`${join(dir, "ORDER_SHIPPED/email.txt")}:3: {% for %} is never closed with {% endfor %}`);
  });

  test("an unknown tag", () => {
    const dir = broken("ORDER_CANCELLED/sms.txt", "こんにちは\n{% frobnicate x %}\n");
    expect(() => loadTemplates(dir, anyShop)).toThrow(`${join(dir, "ORDER_CANCELLED/sms.txt")}:2: Invalid tag: frobnicate x`);
  });

  test("an unknown filter", () => {
    const dir = broken("ORDER_CONFIRMATION/subject.txt", "件名\n{{ total_amount | dollars }}\n");
    expect(() => loadTemplates(dir, anyShop)).toThrow(`${join(dir, "ORDER_CONFIRMATION/subject.txt")}:2: Invalid filter: dollars`);
  });

  test("a missing file", () => {
    const dir = broken("ORDER_SHIPPED/sms.txt", "");
    Bun.spawnSync(["rm", join(dir, "ORDER_SHIPPED/sms.txt")]);
    expect(() => loadTemplates(dir, anyShop)).toThrow("ORDER_SHIPPED/sms.txt: the template file is missing");
  });
});
