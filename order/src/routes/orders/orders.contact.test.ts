import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { testOrderService } from "../../test-service";

// The other services are down: the mails wait in the outbox, where the test reads their recipient.
let service: Awaited<ReturnType<typeof testOrderService>>;
beforeAll(async () => (service = await testOrderService({ ORDER_CALL_WAIT_MS: "0" })));
afterAll(() => service.stop());

const newOrder = async () => (await (await service.request("POST", "/api/v1/orders", {
  customer_name: "山田 太郎", customer_email: "taro@exmaple.jp", customer_phone: "+819012345678", items: [{ product_name: "抹茶", quantity: 1, unit_price: 1500 }],
})).json()).id as string;
const patch = (id: string, body: unknown) => service.request("PATCH", `/api/v1/orders/${id}`, body);

describe("PATCH /api/v1/orders/{id} corrects the customer's contact details", () => {
  test("the fields given change, a null phone is removed, and the mails from then on go to the new address", async () => {
    const id = await newOrder();
    const response = await patch(id, { customer_email: "  taro@example.jp ", customer_phone: null });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id, customer_name: "山田 太郎", customer_email: "taro@example.jp", customer_phone: null, status: "PENDING", total_amount: 1500 });
    expect(await (await service.request("GET", `/api/v1/orders/${id}`)).json()).toMatchObject({ customer_email: "taro@example.jp", customer_phone: null });
    await service.request("POST", `/api/v1/orders/${id}/cancel`);
    const outbox = await (await service.request("GET", "/api/v1/outbox?status=PENDING&limit=100")).json();
    const cancelMail = outbox.items.map((m: { payload: string }) => JSON.parse(m.payload)).find((p: { notification?: { order_id: string; template: string } }) =>
      p.notification?.order_id === id && p.notification.template === "ORDER_CANCELLED");
    expect(cancelMail.notification.recipient).toBe("taro@example.jp");
  });

  test("what changed, from what, is noted on the order under the person who changed it; a field given unchanged is not", async () => {
    const id = await newOrder();
    await service.request("PATCH", `/api/v1/orders/${id}`, { customer_name: "山田 太郎", customer_email: "taro@example.jp", customer_phone: null }, { "X-Operator": encodeURIComponent("窓口 花子") });
    await patch(id, { customer_email: "taro@example.jp" }); // the same again: nothing to note
    const notes = await (await service.request("GET", `/api/v1/orders/${id}/notes`)).json();
    expect(notes.map((note: { text: string; operator: string | null }) => [note.text, note.operator])).toEqual([
      ["連絡先を修正しました（メールアドレス：taro@exmaple.jp → taro@example.jp、電話番号：+819012345678 → なし）", "窓口 花子"],
    ]);
  });

  test("the shipping address is given, corrected and removed, each change noted with the address before and after", async () => {
    const id = await newOrder();
    expect((await (await service.request("GET", `/api/v1/orders/${id}`)).json()).shipping_address).toBeNull();
    const given = await patch(id, { shipping_address: { postal_code: "〒１５０－０００１", prefecture: "東京", address_line1: "渋谷区神宮前1-2-3" } });
    expect((await given.json()).shipping_address).toEqual({ postal_code: "150-0001", prefecture: "東京都", address_line1: "渋谷区神宮前1-2-3", address_line2: null });
    await patch(id, { shipping_address: { postal_code: "150-0001", prefecture: "東京都", address_line1: "渋谷区神宮前1-2-3", address_line2: "神宮前ビル 101" } });
    await patch(id, { shipping_address: { postal_code: "1500001", prefecture: "東京都", address_line1: "渋谷区神宮前1-2-3", address_line2: "神宮前ビル 101" } }); // the same, written otherwise: nothing to note
    // the building moved from the street's line to its own: the same text on one line, another address
    await patch(id, { shipping_address: { postal_code: "150-0001", prefecture: "東京都", address_line1: "渋谷区神宮前1-2-3 神宮前ビル", address_line2: "101" } });
    expect((await (await patch(id, { shipping_address: null })).json()).shipping_address).toBeNull();
    const notes = await (await service.request("GET", `/api/v1/orders/${id}/notes`)).json();
    expect(notes.map((note: { text: string }) => note.text)).toEqual([
      "連絡先を修正しました（配送先：なし → 〒150-0001 東京都渋谷区神宮前1-2-3）",
      "連絡先を修正しました（配送先：〒150-0001 東京都渋谷区神宮前1-2-3 → 〒150-0001 東京都渋谷区神宮前1-2-3 神宮前ビル 101）",
      "連絡先を修正しました（配送先：〒150-0001 東京都渋谷区神宮前1-2-3 神宮前ビル 101 → 〒150-0001 東京都渋谷区神宮前1-2-3 神宮前ビル 101）",
      "連絡先を修正しました（配送先：〒150-0001 東京都渋谷区神宮前1-2-3 神宮前ビル 101 → なし）",
    ]);
  });

  test("the delivery wish is given as written, changed and removed, each change noted; a day already past or a slot no carrier has is a 422", async () => {
    const id = await newOrder();
    const given = await (await patch(id, { delivery_date: "2099/12/5", delivery_time: "14時〜16時" })).json();
    expect([given.delivery_date, given.delivery_time]).toEqual(["2099-12-05", "14-16"]);
    expect((await (await patch(id, { delivery_time: null })).json()).delivery_time).toBeNull();
    for (const [body, path, message] of [
      [{ delivery_date: "2020-01-01" }, "delivery_date", "must not be a day already past (JST)"],
      [{ delivery_date: "2099-02-30" }, "delivery_date", "must be a date that exists, such as 2026-12-05"],
      [{ delivery_time: "13-15" }, "delivery_time", "must be one of the carriers' time slots: 午前中, 12-14, 14-16, 16-18, 18-20, 18-21, 19-21, 20-21"],
    ] as const) {
      const response = await patch(id, body);
      expect(response.status).toBe(422);
      expect((await response.json()).errors).toEqual([{ path, message }]);
    }
    const notes = await (await service.request("GET", `/api/v1/orders/${id}/notes`)).json();
    expect(notes.map((note: { text: string }) => note.text)).toEqual([
      "連絡先を修正しました（お届け希望：なし → 2099年12月5日 14〜16時）",
      "連絡先を修正しました（お届け希望：2099年12月5日 14〜16時 → 2099年12月5日）",
    ]);
  });

  test("each field by the rules of a new order; nothing changes when one is wrong", async () => {
    const id = await newOrder();
    for (const [body, path, message] of [
      [{ customer_email: "taro@" }, "customer_email", "must be a valid e-mail address"],
      [{ customer_name: " " }, "customer_name", "must not be empty"],
      [{ customer_phone: "090-1234-5678" }, "customer_phone", "must be an E.164 number such as +819012345678"],
      [{ customer_name: "山田 花子", customer_email: "x" }, "customer_email", "must be a valid e-mail address"],
      [{ shipping_address: { postal_code: "150-001", prefecture: "東京都", address_line1: "渋谷区" } }, "shipping_address.postal_code", "must be a postal code of 7 digits, such as 150-0001"],
      [{ shipping_address: { postal_code: "150-0001", prefecture: "東京府", address_line1: "渋谷区" } }, "shipping_address.prefecture", "must be one of the 47 prefectures, such as 東京都"],
      [{ shipping_address: { postal_code: "150-0001", prefecture: "東京都" } }, "shipping_address.address_line1", "is required"],
    ] as const) {
      const response = await patch(id, body);
      expect(response.status).toBe(422);
      expect((await response.json()).errors).toEqual([{ path, message }]);
    }
    expect(await (await service.request("GET", `/api/v1/orders/${id}`)).json()).toMatchObject({ customer_name: "山田 太郎", customer_email: "taro@exmaple.jp" });
  });

  test("a body that changes nothing (or only fields it may not touch) is a 422; an unknown order a 404", async () => {
    const id = await newOrder();
    for (const body of [{}, { status: "PAID", total_amount: 1 }]) {
      const response = await patch(id, body);
      expect(response.status).toBe(422);
      expect((await response.json()).errors[0].message).toBe("must change at least one of customer_name, customer_email, customer_phone, shipping_address, delivery_date, delivery_time");
    }
    expect((await service.request("GET", `/api/v1/orders/${id}`).then((r) => r.json())).status).toBe("PENDING");
    expect((await patch("ord_unknown", { customer_name: "誰か" })).status).toBe(404);
  });
});
