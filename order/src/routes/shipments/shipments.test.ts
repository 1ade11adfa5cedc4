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
  test("ships each paid order with its own tracking number and mail; an unknown or cancelled order is reported and the rest still ship", async () => {
    const [first, second, cancelled] = [await paidOrder("出荷 一郎"), await paidOrder("出荷 二郎"), await paidOrder("出荷 三郎")];
    await stack.call("POST", `/api/v1/orders/${cancelled}/cancel`);
    const response = await stack.call("POST", "/api/v1/orders/shipments", { shipments: [
      { order_id: first, carrier: "ヤマト運輸", tracking_number: "1111-2222-3333" },
      { order_id: "ord_unknown" },
      { order_id: second, carrier: "佐川急便", tracking_number: "4444-5555-6666" },
      { order_id: cancelled, carrier: "ヤマト運輸", tracking_number: "7777-8888-9999" },
    ] });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ shipped: 2, refused: 2 });
    expect(response.body.results.map((r: { order_id: string; status: number }) => [r.order_id, r.status])).toEqual([[first, 200], ["ord_unknown", 404], [second, 200], [cancelled, 409]]);
    expect(response.body.results[0].order).toMatchObject({ status: "SHIPPED", carrier: "ヤマト運輸", tracking_number: "1111-2222-3333" });
    expect(response.body.results[3].error).toMatchObject({ code: "INVALID_TRANSITION", current_status: "CANCELLED", allowed_next: [] });

    for (const [id, tracking] of [[first, "ヤマト運輸 1111-2222-3333"], [second, "佐川急便 4444-5555-6666"]] as const) {
      const [mail] = await waitFor(`the shipping mail of ${id}`, () => stack.mailsFor(id, "発送いたしました").length === 1 && stack.mailsFor(id, "発送いたしました"));
      expect(mail!.parsed.text).toContain(tracking);
      const history = (await stack.call("GET", `/api/v1/orders/${id}/history`)).body;
      expect(history.at(-1)).toMatchObject({ from_status: "PAID", to_status: "SHIPPED", actor: "api" });
    }
    expect((await stack.call("GET", `/api/v1/orders/${cancelled}`)).body.status).toBe("CANCELLED");
    expect(stack.mailsFor(cancelled, "発送いたしました")).toEqual([]);
  }, 60_000);

  test("the same Idempotency-Key replays the answer and sends no second mail", async () => {
    const id = await paidOrder("出荷 四郎");
    const body = { shipments: [{ order_id: id, carrier: "日本郵便", tracking_number: "EJ123456789JP" }] };
    const headers = { "Idempotency-Key": `ship-${id}` };
    const first = await stack.call("POST", "/api/v1/orders/shipments", body, headers);
    const again = await stack.call("POST", "/api/v1/orders/shipments", body, headers);
    expect(again.body).toEqual(first.body);
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
    ] as const) {
      const response = await stack.call("POST", "/api/v1/orders/shipments", { shipments });
      expect(response.status).toBe(422);
      expect(response.body.errors[0].path).toBe(path);
    }
    expect((await stack.call("GET", `/api/v1/orders/${id}`)).body.status).toBe("PAID"); // nothing moved
  }, 60_000);
});
