import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { waitFor } from "@platform/shared/testing/service-process";
import { anOrder, startStack, type Stack } from "@platform/shared/testing/stack";

// Three real services and a real SMTP server: the shipping mails are what the customers receive.
let stack: Stack;
beforeAll(async () => (stack = await startStack()));
afterAll(() => stack.stop());

const paidOrder = async (name: string) => {
  const { body } = await stack.call("POST", "/api/v1/orders", anOrder(name));
  await waitFor("PAID", async () => (await stack.call("GET", `/api/v1/orders/${body.id}`)).body.status === "PAID");
  return body.id as string;
};

describe("POST /api/v1/orders/shipments", () => {
  test("ships each paid order with its own tracking number and mail, linked to the carrier's tracking page; an unknown or cancelled order is reported and the rest still ship", async () => {
    const [first, second, cancelled] = [await paidOrder("出荷 一郎"), await paidOrder("出荷 二郎"), await paidOrder("出荷 三郎")];
    await stack.call("POST", `/api/v1/orders/${cancelled}/cancel`);
    const response = await stack.call("POST", "/api/v1/orders/shipments", { shipments: [
      { order_id: first, carrier: "ヤマト運輸", tracking_number: "1111-2222-3332" },
      { order_id: "ord_unknown" },
      { order_id: second, carrier: "佐川", tracking_number: "４４４４－５５５５－６６６１" },
      { order_id: cancelled, carrier: "ヤマト運輸", tracking_number: "7777-8888-9999" },
    ] });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ shipped: 2, refused: 2 });
    expect(response.body.results.map((r: { order_id: string; status: number }) => [r.order_id, r.status])).toEqual([[first, 200], ["ord_unknown", 404], [second, 200], [cancelled, 409]]);
    const yamato = "https://jizen.kuronekoyamato.co.jp/jizen/servlet/crjz.b.NQ0010?id=111122223332";
    const sagawa = "https://k2k.sagawa-exp.co.jp/p/web/okurijosearch.do?okurijoNo=444455556661";
    expect(response.body.results[0].order).toMatchObject({ status: "SHIPPED", carrier: "ヤマト運輸", tracking_number: "1111-2222-3332", tracking_url: yamato });
    expect((await stack.call("GET", `/api/v1/orders/${second}`)).body).toMatchObject({ carrier: "佐川急便", tracking_number: "4444-5555-6661", tracking_url: sagawa }); // written 佐川, in full width
    expect(response.body.results[3].error).toMatchObject({ code: "INVALID_TRANSITION", current_status: "CANCELLED", allowed_next: [] });

    for (const [id, tracking, page] of [[first, "ヤマト運輸 1111-2222-3332", yamato], [second, "佐川急便 4444-5555-6661", sagawa]] as const) {
      const [mail] = await waitFor(`the shipping mail of ${id}`, () => stack.mailsFor(id, "発送いたしました").length === 1 && stack.mailsFor(id, "発送いたしました"));
      expect(mail!.parsed.text).toContain(`■お問い合わせ伝票番号\n${tracking}\n\n■配送状況の確認\n${page}\n`);
      expect(mail!.parsed.html).toContain(`<a href="${page.replace(/&/g, "&amp;")}" style="color:#0b57d0;">配送状況を確認する</a>`);
      const history = (await stack.call("GET", `/api/v1/orders/${id}/history`)).body;
      expect(history.at(-1)).toMatchObject({ from_status: "PAID", to_status: "SHIPPED", actor: "api" });
    }
    expect((await stack.call("GET", `/api/v1/orders/${cancelled}`)).body.status).toBe("CANCELLED");
    expect(stack.mailsFor(cancelled, "発送いたしました")).toEqual([]);
  }, 60_000);

  test("the shipping mail says where it goes; once shipped, the address can no longer be changed (409, nothing changed), the customer's e-mail still can", async () => {
    const id = await paidOrder("出荷 六郎");
    const address = { postal_code: "530-0001", prefecture: "大阪府", address_line1: "大阪市北区梅田1-1-1", address_line2: null };
    expect((await stack.call("PATCH", `/api/v1/orders/${id}`, { shipping_address: address, delivery_date: "2099-04-01", delivery_time: "午前中" })).body.shipping_address).toEqual(address);
    await stack.call("POST", "/api/v1/orders/shipments", { shipments: [{ order_id: id, carrier: "ヤマト運輸", tracking_number: "1212-3434-5656" }] });
    const [mail] = await waitFor("the shipping mail", () => stack.mailsFor(id, "発送いたしました").length === 1 && stack.mailsFor(id, "発送いたしました"));
    expect(mail!.parsed.text).toContain("■お届け先\n〒530-0001 大阪府大阪市北区梅田1-1-1\n");
    expect(mail!.parsed.html).toContain("お届け先：〒530-0001 大阪府大阪市北区梅田1-1-1");
    expect(mail!.parsed.text).toContain("■お届け希望日時\n2099年4月1日 午前中\n");
    expect((await stack.call("PATCH", `/api/v1/orders/${id}`, { delivery_time: "14-16" })).status).toBe(409); // nor when
    const moved = await stack.call("PATCH", `/api/v1/orders/${id}`, { customer_email: "rokuro@example.jp", shipping_address: { ...address, address_line1: "大阪市北区梅田2-2-2" } });
    expect(moved.status).toBe(409);
    expect(moved.body.detail).toContain("can no longer be changed");
    expect((await stack.call("GET", `/api/v1/orders/${id}`)).body).toMatchObject({ status: "SHIPPED", shipping_address: address, customer_email: expect.not.stringMatching("rokuro") });
    expect((await stack.call("PATCH", `/api/v1/orders/${id}`, { customer_email: "rokuro@example.jp", shipping_address: address })).body.customer_email).toBe("rokuro@example.jp");
  }, 60_000);

  test("the same Idempotency-Key replays the answer and sends no second mail", async () => {
    const id = await paidOrder("出荷 四郎");
    const body = { shipments: [{ order_id: id, carrier: "日本郵便", tracking_number: "EJ123456789JP" }] };
    const headers = { "Idempotency-Key": `ship-${id}` };
    const first = await stack.call("POST", "/api/v1/orders/shipments", body, headers);
    const again = await stack.call("POST", "/api/v1/orders/shipments", body, headers);
    expect(again.body).toEqual(first.body);
    expect(first.body.results[0].order).toMatchObject({ carrier: "日本郵便", tracking_number: "EJ123456789JP", tracking_url: null }); // not digits: no page to link
    await waitFor("the shipping mail", () => stack.mailsFor(id, "発送いたしました").length === 1);
    await Bun.sleep(500);
    expect(stack.mailsFor(id, "発送いたしました")).toHaveLength(1);
  }, 60_000);

  test("a malformed body is refused whole: no shipment, an order twice, or more than 500", async () => {
    const id = await paidOrder("出荷 五郎");
    for (const [shipments, path] of [
      [[], "shipments"],
      [[{ order_id: id }, { order_id: id }], "shipments.1.order_id"],
      [Array.from({ length: 501 }, (_, i) => ({ order_id: `ord_${i}` })), "shipments"],
      [[{ order_id: id, tracking_number: "x".repeat(101) }], "shipments.0.tracking_number"],
      [[{ order_id: id, carrier: "ヤマト\t運輸" }], "shipments.0.carrier"],
    ] as const) {
      const response = await stack.call("POST", "/api/v1/orders/shipments", { shipments });
      expect(response.status).toBe(422);
      expect(response.body.errors[0].path).toBe(path);
    }
    expect((await stack.call("GET", `/api/v1/orders/${id}`)).body.status).toBe("PAID"); // nothing moved
  }, 60_000);
});

describe("POST /api/v1/orders/deliveries", () => {
  const ship = async (id: string, tracking_number: string) =>
    expect((await stack.call("POST", "/api/v1/orders/shipments", { shipments: [{ order_id: id, carrier: "ヤマト運輸", tracking_number }] })).body.shipped).toBe(1);

  test("a carrier's delivery list: by tracking number as the carrier writes it (every order of a shared parcel), or by order id; the rest are reported", async () => {
    const [alone, parcelA, parcelB, byId, notShipped] = [
      await paidOrder("配達 一郎"), await paidOrder("配達 二郎"), await paidOrder("配達 二郎"), await paidOrder("配達 三郎"), await paidOrder("配達 四郎"),
    ];
    await ship(alone, "3333-4444-5555");
    await ship(parcelA, "6666-7777-8888"); // two orders of one customer packed in one parcel
    await ship(parcelB, "6666-7777-8888");
    await ship(byId, "9999-0000-1111");
    const response = await stack.call("POST", "/api/v1/orders/deliveries", { deliveries: [
      { tracking_number: "333344445555" },
      { tracking_number: "６６６６－７７７７－８８８８" },
      { order_id: byId },
      { tracking_number: "0000-0000-0000" },
      { order_id: notShipped },
    ] }, { "X-Operator": encodeURIComponent("配送 係") });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ delivered: 4, refused: 2 });
    expect(response.body.results.map((r: { order_id?: string; tracking_number?: string; status: number }) => [r.order_id, r.tracking_number, r.status])).toEqual([
      [alone, "333344445555", 200],
      ...[parcelA, parcelB].sort().map((id) => [id, "６６６６－７７７７－８８８８", 200]),
      [byId, undefined, 200],
      [undefined, "0000-0000-0000", 404],
      [notShipped, undefined, 409],
    ]);
    expect(response.body.results[0].order).toMatchObject({ status: "DELIVERED", tracking_number: "3333-4444-5555" });
    expect(response.body.results[0].order).not.toHaveProperty("tracking_key");
    expect(response.body.results[5].error).toMatchObject({ code: "INVALID_TRANSITION", current_status: "PAID" });
    for (const id of [alone, parcelA, parcelB, byId]) {
      expect((await stack.call("GET", `/api/v1/orders/${id}/history`)).body.at(-1)).toMatchObject({ from_status: "SHIPPED", to_status: "DELIVERED", actor: "operator:配送 係" });
    }
    expect((await stack.call("GET", `/api/v1/orders/${notShipped}`)).body.status).toBe("PAID");

    // the same list again: every order is already delivered, and says so
    const again = await stack.call("POST", "/api/v1/orders/deliveries", { deliveries: [{ tracking_number: "3333-4444-5555" }] });
    expect(again.body).toMatchObject({ delivered: 0, refused: 1, results: [{ order_id: alone, status: 409, error: { current_status: "DELIVERED" } }] });
  }, 60_000);

  test("a malformed body is refused whole: neither or both of order id and tracking number, a parcel twice however written, or more than 500", async () => {
    const id = await paidOrder("配達 五郎");
    await ship(id, "1212-3434-5656");
    for (const [deliveries, path] of [
      [[], "deliveries"],
      [[{}], "deliveries.0"],
      [[{ order_id: id, tracking_number: "1212-3434-5656" }], "deliveries.0"],
      [[{ tracking_number: "1212-3434-5656" }, { tracking_number: "121234345656" }], "deliveries.1.tracking_number"],
      [[{ order_id: id }, { order_id: id }], "deliveries.1.order_id"],
      [Array.from({ length: 501 }, (_, i) => ({ order_id: `ord_${i}` })), "deliveries"],
    ] as const) {
      const response = await stack.call("POST", "/api/v1/orders/deliveries", { deliveries });
      expect(response.status).toBe(422);
      expect(response.body.errors[0].path).toBe(path);
    }
    expect((await stack.call("GET", `/api/v1/orders/${id}`)).body.status).toBe("SHIPPED"); // nothing moved
  }, 60_000);
});
