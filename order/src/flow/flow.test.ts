import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { japaneseJstDay } from "@platform/shared/jst-days";
import { waitFor } from "@platform/shared/testing/service-process";
import { anOrder, startStack, type Stack } from "@platform/shared/testing/stack";

// Three real service processes, real HTTP between them, a real SMTP server receiving the mail.
let stack: Stack;
beforeAll(async () => (stack = await startStack({ notification: { INVOICE_REGISTRATION_NUMBER: "T1234-5678-9012-3" } })));
afterAll(() => stack.stop());

const orderStatus = async (id: string) => (await stack.call("GET", `/api/v1/orders/${id}`)).body.status;
const paymentOf = async (id: string) => (await fetch(`${stack.payment.url}/api/v1/payments/order/${id}`)).json();

describe("the order flow across the three services", () => {
  test("happy path: created, paid, and the confirmation mail received in Japanese", async () => {
    const created = await stack.call("POST", "/api/v1/orders/", anOrder());
    expect(created.status).toBe(201);
    expect(["PAYMENT_PROCESSING", "PAID"]).toContain(created.body.status);
    expect(created.body.total_amount).toBe(3500);
    const id = created.body.id;
    await waitFor("PAID", async () => (await orderStatus(id)) === "PAID");
    expect(await paymentOf(id)).toMatchObject({ status: "COMPLETED", amount: 3500 });
    const [mail] = await waitFor("the confirmation mail", () => stack.mailsFor(id, "ご注文ありがとうございます").length === 1 && stack.mailsFor(id));
    expect(mail!.parsed.to).toMatchObject({ value: [{ address: "taro@example.jp", name: "山田 太郎 様" }] });
    expect(mail!.parsed.text).toContain("・抹茶セット\n　¥1,750 × 2点　小計 ¥3,500");
    expect(mail!.parsed.text).toContain("■合計金額（税込）\n¥3,500\n　10%対象 ¥3,500（内消費税 ¥318）\n");
    // with the shop's registration number and the order's day (JST), the mail is an invoice (適格簡易請求書)
    expect(mail!.parsed.text).toContain(`■ご注文番号\n${id}\n\n■ご注文日\n${japaneseJstDay(created.body.created_at)}\n`);
    expect(mail!.parsed.text).toContain("\n登録番号：T1234567890123\n");
    const history = (await stack.call("GET", `/api/v1/orders/${id}/history`)).body;
    expect(history.map((h: { to_status: string }) => h.to_status)).toEqual(["PENDING", "PAYMENT_PROCESSING", "PAID"]);
    expect(new Set(history.map((h: { request_id: string }) => h.request_id)).size).toBe(1); // one request id across the services
  });

  test("ship and deliver: ORDER_SHIPPED with the tracking number, then DELIVERED; nothing leaves DELIVERED", async () => {
    const id = (await stack.call("POST", "/api/v1/orders", anOrder("佐藤 花子"))).body.id;
    await waitFor("PAID", async () => (await orderStatus(id)) === "PAID");
    const shipped = await stack.call("PATCH", `/api/v1/orders/${id}/status`, { status: "SHIPPED", carrier: "ヤマト運輸", tracking_number: "1234-5678-9012" });
    expect(shipped.status).toBe(200);
    expect(shipped.body).toMatchObject({ status: "SHIPPED", carrier: "ヤマト運輸", tracking_number: "1234-5678-9012" });
    const [mail] = await waitFor("the shipping mail", () => stack.mailsFor(id, "発送いたしました").length === 1 && stack.mailsFor(id, "発送いたしました"));
    expect(mail!.parsed.text).toContain("ヤマト運輸 1234-5678-9012");
    expect((await stack.call("PATCH", `/api/v1/orders/${id}/status`, { status: "DELIVERED" })).body.status).toBe("DELIVERED");
    const stuck = await stack.call("POST", `/api/v1/orders/${id}/cancel`);
    expect(stuck.status).toBe(409);
    expect(stuck.body).toMatchObject({ code: "INVALID_TRANSITION", allowed_next: [] });
  });

  test("cancel a paid order: refunded in full (recorded under the person who cancelled) and ORDER_CANCELLED sent with the refund", async () => {
    const id = (await stack.call("POST", "/api/v1/orders", anOrder())).body.id;
    await waitFor("PAID", async () => (await orderStatus(id)) === "PAID");
    const cancelled = await stack.call("POST", `/api/v1/orders/${id}/cancel`, { reason: "お客様のご都合" }, { "X-Operator": encodeURIComponent("窓口 一子") });
    expect(cancelled.body.status).toBe("CANCELLED");
    await waitFor("the refund", async () => (await paymentOf(id)).status === "REFUNDED");
    const payment = await paymentOf(id);
    expect(payment).toMatchObject({ refunded_amount: 3500 });
    const refunds = await (await fetch(`${stack.payment.url}/api/v1/payments/${payment.id}/refunds`)).json();
    expect(refunds).toEqual([expect.objectContaining({ amount: 3500, reason: `order ${id} cancelled`, operator: "窓口 一子" })]);
    const [mail] = await waitFor("the cancellation mail", () => stack.mailsFor(id, "キャンセル").length === 1 && stack.mailsFor(id, "キャンセル"));
    expect(mail!.parsed.text).toContain("お支払い済みの ¥3,500 は");
    await waitFor("the order knows", async () => (await stack.call("GET", `/api/v1/orders/${id}`)).body.payment_status === "REFUNDED");
  });
});

describe("a refund made by hand on the Payment Service", () => {
  const refund = (paymentId: string, body: object) => fetch(`${stack.payment.url}/api/v1/payments/${paymentId}/refund`, {
    method: "POST", headers: { "Content-Type": "application/json", "X-Operator": encodeURIComponent("経理 花子") }, body: JSON.stringify(body),
  });
  /** Every webhook and every mail request delivered: what was to be sent has been asked for. */
  const settled = () => waitFor("both outboxes empty", async () => {
    for (const url of [stack.payment.url, stack.order.url]) if ((await (await fetch(`${url}/api/v1/outbox?status=PENDING`)).json()).total !== 0) return false;
    return true;
  });
  const templatesOf = async (id: string) => (await (await fetch(`${stack.notification.url}/api/v1/notifications/order/${id}`)).json()).map((n: { template: string }) => n.template);

  test("with notify_customer the customer gets ORDER_REFUNDED, once per refund, with this refund and the total so far; without it, no mail", async () => {
    const created = (await stack.call("POST", "/api/v1/orders", anOrder("鈴木 一郎"))).body;
    await waitFor("PAID", async () => (await orderStatus(created.id)) === "PAID");
    const payment = await paymentOf(created.id);
    expect((await refund(payment.id, { amount: 1000, reason: "配送遅延のお詫び", notify_customer: true })).status).toBe(200);
    const [first] = await waitFor("the first refund mail", () => stack.mailsFor(created.id, "ご返金のお知らせ").length === 1 && stack.mailsFor(created.id, "ご返金のお知らせ"));
    expect(first!.parsed.text).toContain(`■ご注文日\n${japaneseJstDay(created.created_at)}\n\n■ご返金日\n${japaneseJstDay(new Date().toISOString())}\n`);
    expect(first!.parsed.text).toContain("■ご注文金額（税込）\n¥3,500\n\n■今回のご返金額\n¥1,000\n");
    expect(first!.parsed.text).not.toContain("これまで");
    expect(first!.parsed.text).not.toContain("配送遅延"); // the reason is the shop's own note
    expect((await refund(payment.id, { amount: 500 })).status).toBe(200);
    expect((await refund(payment.id, { notify_customer: true })).status).toBe(200); // the rest, 2,000
    const mails = await waitFor("the second refund mail", () => stack.mailsFor(created.id, "ご返金のお知らせ").length === 2 && stack.mailsFor(created.id, "ご返金のお知らせ"));
    expect(mails[1]!.parsed.text).toContain("■今回のご返金額\n¥2,000\n\n■これまでのご返金額の合計\n¥3,500\n");
    await settled();
    expect((await templatesOf(created.id)).sort()).toEqual(["ORDER_CONFIRMATION", "ORDER_REFUNDED", "ORDER_REFUNDED"]);
    expect(stack.mailsFor(created.id, "ご返金のお知らせ")).toHaveLength(2);
    expect((await stack.call("GET", `/api/v1/orders/${created.id}`)).body).toMatchObject({ status: "PAID", payment_status: "REFUNDED" });
  });

  test("a customer whose data was erased is not mailed", async () => {
    const created = (await stack.call("POST", "/api/v1/orders", { ...anOrder("高橋 二郎"), customer_email: "jiro@example.jp" })).body;
    await waitFor("PAID", async () => (await orderStatus(created.id)) === "PAID");
    for (const status of ["SHIPPED", "DELIVERED"]) await stack.call("PATCH", `/api/v1/orders/${created.id}/status`, { status });
    await settled(); // the erasure waits for the mails on their way
    expect((await stack.call("POST", "/api/v1/customers/erasure", { customer_email: "jiro@example.jp" })).status).toBe(200);
    expect((await refund((await paymentOf(created.id)).id, { amount: 300, notify_customer: true })).status).toBe(200);
    await waitFor("the order knows", async () => (await stack.call("GET", `/api/v1/orders/${created.id}`)).body.payment_status === "PARTIALLY_REFUNDED");
    await settled();
    expect(await templatesOf(created.id)).toEqual(["ORDER_CONFIRMATION", "ORDER_SHIPPED"]);
    expect((await (await fetch(`${stack.order.url}/api/v1/outbox?status=DEAD`)).json()).total).toBe(0); // nor asked for and refused
  });
});

describe("cancel while the payment is still processing", () => {
  let slow: Stack;
  beforeAll(async () => (slow = await startStack({ payment: { PAYMENT_GATEWAY_LATENCY_MS: "1500", PAYMENT_SYNC_WAIT_MS: "0" } })));
  afterAll(() => slow.stop());

  test("the payment is refunded as soon as it completes, under the person who cancelled, and the order stays CANCELLED", async () => {
    const created = await slow.call("POST", "/api/v1/orders", anOrder());
    const id = created.body.id;
    expect(["PENDING", "PAYMENT_PROCESSING"]).toContain(created.body.status);
    // no body, but the JSON Content-Type many clients send on every request
    const cancelled = await slow.call("POST", `/api/v1/orders/${id}/cancel`, undefined, { "X-Operator": encodeURIComponent("窓口 二郎"), "Content-Type": "application/json" });
    expect(cancelled.body.status).toBe("CANCELLED");
    const refunded = await waitFor("the refund after completion", async () => {
      const payment = await (await fetch(`${slow.payment.url}/api/v1/payments/order/${id}`)).json();
      return payment.status === "REFUNDED" && payment;
    }, 15_000);
    expect(refunded.refunded_amount).toBe(3500);
    const refunds = await (await fetch(`${slow.payment.url}/api/v1/payments/${refunded.id}/refunds`)).json();
    expect(refunds).toEqual([expect.objectContaining({ amount: 3500, operator: "窓口 二郎" })]);
    expect((await slow.call("GET", `/api/v1/orders/${id}`)).body.status).toBe("CANCELLED");
    await waitFor("the cancellation mail", () => slow.mailsFor(id, "キャンセル").length === 1);
  });
});
