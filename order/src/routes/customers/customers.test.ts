import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { ERASED } from "@platform/shared/erasure";
import { waitFor } from "@platform/shared/testing/service-process";
import { anOrder, startStack, type Stack } from "@platform/shared/testing/stack";

// Three real services and a real SMTP server: the erasure reaches the Notification Service through the outbox.
let stack: Stack;
beforeAll(async () => (stack = await startStack()));
afterAll(() => stack.stop());

const address = { postal_code: "060-0001", prefecture: "北海道", address_line1: "札幌市中央区北一条西1-1", address_line2: "消去ビル 9F" };
const hanako = (email: string) => ({ ...anOrder("消去 花子"), customer_email: email, customer_phone: "+819012345678", shipping_address: address });
const paidOrder = async (order: object) => {
  const { body } = await stack.call("POST", "/api/v1/orders", order);
  await waitFor("PAID", async () => (await stack.call("GET", `/api/v1/orders/${body.id}`)).body.status === "PAID");
  return body.id as string;
};
const erase = (customer_email: string, reason?: string) => stack.call("POST", "/api/v1/customers/erasure", { customer_email, reason }, { "X-Operator": encodeURIComponent("窓口 花子") });
const notificationsOf = async (orderId: string) => (await fetch(`${stack.notification.url}/api/v1/notifications/order/${orderId}`)).json();

describe("POST /api/v1/customers/erasure", () => {
  test("a customer's personal data is erased from every order of theirs and every mail sent to them; what was bought and paid stays", async () => {
    const delivered = await paidOrder(hanako("Hanako.Shoukyo@example.jp"));
    const cancelled = await paidOrder(hanako("hanako.shoukyo@example.jp")); // the same customer, written in another case
    const open = await paidOrder(hanako("hanako.shoukyo@example.jp"));
    const someoneElse = await paidOrder({ ...anOrder("残存 太郎"), customer_email: "zanson@example.jp" });
    await stack.call("POST", "/api/v1/orders/shipments", { shipments: [{ order_id: delivered, carrier: "ヤマト運輸", tracking_number: "1111-2222-3332" }] });
    await stack.call("PATCH", `/api/v1/orders/${delivered}/status`, { status: "DELIVERED" });
    await stack.call("POST", `/api/v1/orders/${cancelled}/cancel`, { reason: "お客様より電話（090-1234-5678）" });
    await stack.call("POST", `/api/v1/orders/${delivered}/notes`, { text: "お客様より電話：090-1234-5678、不在時は宅配ボックスへ" });
    const payment = await (await fetch(`${stack.payment.url}/api/v1/payments/order/${delivered}`)).json();
    const partly = await fetch(`${stack.payment.url}/api/v1/payments/${payment.id}/refund`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ amount: 500, reason: "消去 花子様より破損のご連絡" }) });
    expect(partly.status).toBe(200);
    const item = (await stack.call("GET", `/api/v1/orders/${delivered}`)).body.items[0].id;
    expect((await stack.call("POST", `/api/v1/orders/${delivered}/returns`, { items: [{ item_id: item, quantity: 1 }], reason: "消去 花子様よりサイズ違い" })).status).toBe(201);
    await waitFor("the return refunded", async () => (await stack.call("GET", `/api/v1/orders/${delivered}/returns`)).body[0].refunded_at !== null, 20_000);
    // confirmed, shipped and returned; confirmed and cancelled; confirmed
    await waitFor("the mails", () => stack.mailsFor(delivered).length === 3 && stack.mailsFor(cancelled).length === 2 && stack.mailsFor(open).length === 1, 20_000);

    // an order still under way needs the address: refused, nothing erased
    const refused = await erase("hanako.shoukyo@example.jp");
    expect(refused.status).toBe(409);
    expect(refused.body.open_orders).toEqual([{ id: open, status: "PAID" }]);
    expect((await stack.call("GET", `/api/v1/orders/${delivered}`)).body).toMatchObject({ customer_name: "消去 花子", erased_at: null });

    await stack.call("POST", `/api/v1/orders/${open}/cancel`);
    await waitFor("the cancellation mail", () => stack.mailsFor(open).length === 2, 20_000);
    const erased = await erase("HANAKO.SHOUKYO@example.jp", "お問い合わせフォームより消去依頼");
    expect(erased.status).toBe(200);
    expect(erased.body.orders.toSorted()).toEqual([delivered, cancelled, open].toSorted());

    const order = (await stack.call("GET", `/api/v1/orders/${delivered}`)).body;
    expect(order).toMatchObject({
      customer_name: ERASED, customer_email: ERASED, customer_phone: null, shipping_address: null, erased_at: erased.body.erased_at,
      status: "DELIVERED", total_amount: 3500, items: [{ product_name: "抹茶セット", quantity: 2, unit_price: 1750 }], carrier: "ヤマト運輸", tracking_number: "1111-2222-3332",
    });
    const notes = (await stack.call("GET", `/api/v1/orders/${delivered}/notes`)).body;
    expect(notes.map((note: { text: string }) => note.text)).toEqual([ERASED, "お客様の依頼により個人情報を消去しました（お問い合わせフォームより消去依頼）"]);
    expect(notes.at(-1).operator).toBe("窓口 花子");
    const history = (await stack.call("GET", `/api/v1/orders/${cancelled}/history`)).body;
    expect(history.at(-1)).toMatchObject({ to_status: "CANCELLED", reason: ERASED });
    expect((await stack.call("GET", `/api/v1/orders?q=${encodeURIComponent("hanako.shoukyo")}`)).body.total).toBe(0);
    expect((await stack.call("GET", `/api/v1/orders?q=${encodeURIComponent("消去花子")}`)).body.total).toBe(0);
    // the payment and its refunds stay, for the books; the reason a person wrote for a refund goes
    const refunds = await waitFor("the refunds' reasons erased", async () => {
      const list = await (await fetch(`${stack.payment.url}/api/v1/payments/${payment.id}/refunds`)).json();
      return list.every((refund: { reason: string }) => refund.reason === ERASED) && list;
    });
    expect(refunds).toEqual([expect.objectContaining({ amount: 500, reason: ERASED }), expect.objectContaining({ amount: 1750, reason: ERASED })]);
    expect(await (await fetch(`${stack.payment.url}/api/v1/payments/${payment.id}`)).json()).toMatchObject({ status: "PARTIALLY_REFUNDED", amount: 3500, refunded_amount: 2250 });
    // the return stays, for the books; the reason written for it goes
    expect((await stack.call("GET", `/api/v1/orders/${delivered}/returns`)).body).toEqual([expect.objectContaining({ amount: 1750, reason: ERASED })]);
    const outbox = (await stack.call("GET", "/api/v1/outbox?status=DELIVERED&limit=100")).body;
    expect(outbox.total).toBeGreaterThan(0);
    expect(outbox.items.filter((message: { payload: string }) => /shoukyo|消去 花子/i.test(message.payload))).toEqual([]); // the mails' and refunds' copies kept a week

    // the mails: who they went to and what they said is gone; that they went, when, stays
    const mails = await waitFor("the mails erased", async () => {
      const all = [...await notificationsOf(delivered), ...await notificationsOf(cancelled), ...await notificationsOf(open)];
      return all.every((n: { erased_at: string | null }) => n.erased_at) && all;
    }, 10_000);
    expect(mails).toHaveLength(7);
    for (const mail of mails) expect(mail).toMatchObject({ recipient: ERASED, subject: ERASED, body: ERASED, html: ERASED, status: "SENT" });
    expect((await fetch(`${stack.notification.url}/api/v1/notifications/${mails[0].id}/resend`, { method: "POST" })).status).toBe(409);
    expect((await fetch(`${stack.notification.url}/api/v1/notifications?recipient=${encodeURIComponent("hanako.shoukyo@example.jp")}`).then((r) => r.json())).total).toBe(0);

    // another customer is untouched; the erased one is not found again, nor given back
    expect((await stack.call("GET", `/api/v1/orders/${someoneElse}`)).body).toMatchObject({ customer_name: "残存 太郎", erased_at: null });
    expect((await notificationsOf(someoneElse))[0]).toMatchObject({ recipient: "zanson@example.jp", erased_at: null });
    expect((await erase("hanako.shoukyo@example.jp")).status).toBe(404);
    const given = await stack.call("PATCH", `/api/v1/orders/${delivered}`, { customer_email: "hanako@example.jp" });
    expect(given.status).toBe(409);
  }, 90_000);

  test("with the Notification Service down: refused while a mail to the customer waits to be handed over; once it is, erased, and the mails once the service is back", async () => {
    const id = await paidOrder({ ...anOrder("停止 次郎"), customer_email: "teishi@example.jp" });
    await waitFor("the confirmation", () => stack.mailsFor(id).length === 1, 20_000);
    await stack.notification.stop();
    await stack.call("POST", `/api/v1/orders/${id}/cancel`); // its mail waits in the outbox
    const waiting = await erase("teishi@example.jp");
    expect(waiting.status).toBe(409);
    expect(waiting.body.detail).toContain("still being handed to the Notification Service");
    expect((await stack.call("GET", `/api/v1/orders/${id}`)).body.erased_at).toBeNull();
    await stack.notification.restart();
    await waitFor("the cancellation mail", () => stack.mailsFor(id).length === 2, 30_000);
    await stack.notification.stop();
    expect((await erase("teishi@example.jp")).status).toBe(200);
    await stack.notification.restart();
    const mails = await waitFor("the mails erased", async () => {
      const all = await notificationsOf(id);
      return all.length === 2 && all.every((n: { erased_at: string | null }) => n.erased_at) && all;
    }, 30_000);
    expect(mails.map((n: { recipient: string }) => n.recipient)).toEqual([ERASED, ERASED]);
  }, 90_000);

  test("bad input changes nothing: no address, a reason with control characters; no orders for the other services", async () => {
    for (const body of [{}, { customer_email: "" }, { customer_email: "a@example.jp", reason: "理由\u0000" }]) {
      const response = await stack.call("POST", "/api/v1/customers/erasure", body);
      expect(response.status).toBe(422);
      expect(response.body.code).toBe("VALIDATION_FAILED");
    }
    for (const url of [`${stack.payment.url}/api/v1/payments/erasure`, `${stack.notification.url}/api/v1/notifications/erasure`]) {
      const response = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ order_ids: [] }) });
      expect(response.status).toBe(422);
    }
  });
});
