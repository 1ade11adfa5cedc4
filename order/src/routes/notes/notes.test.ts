import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { testOrderService } from "../../test-service";

let service: Awaited<ReturnType<typeof testOrderService>>;
let orderId = "";
beforeAll(async () => {
  service = await testOrderService({ ORDER_CALL_WAIT_MS: "0" });
  orderId = (await (await service.request("POST", "/api/v1/orders", { customer_name: "山田 太郎", customer_email: "taro@example.jp", items: [{ product_name: "抹茶", quantity: 1, unit_price: 1000 }] })).json()).id;
});
afterAll(() => service.stop());

const notes = async (id = orderId) => (await service.request("GET", `/api/v1/orders/${id}/notes`)).json();

describe("an order's notes", () => {
  test("are kept oldest first, each with who wrote it, when a person was named", async () => {
    expect(await notes()).toEqual([]);
    const first = await service.request("POST", `/api/v1/orders/${orderId}/notes`, { text: "  お客様よりお電話：配達は夕方を希望  " }, { "X-Operator": encodeURIComponent("窓口 花子") });
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ id: expect.any(Number), order_id: orderId, text: "お客様よりお電話：配達は夕方を希望", operator: "窓口 花子", created_at: expect.any(String) });
    await service.request("POST", `/api/v1/orders/${orderId}/notes`, { text: "ヤマト運輸に時間指定を依頼済み" });
    expect((await notes()).map((note: { text: string; operator: string | null }) => [note.text, note.operator])).toEqual([
      ["お客様よりお電話：配達は夕方を希望", "窓口 花子"],
      ["ヤマト運輸に時間指定を依頼済み", null],
    ]);
  });

  test("an empty or too long note, or one with a control character, is a 422 naming the field, and nothing is added; an unknown order is a 404", async () => {
    const before = (await notes()).length;
    for (const [text, message] of [["   ", "must not be empty"], ["あ".repeat(1001), "must be at most 1,000 characters"], ["端末から\x1b[2J", "must not contain control characters other than line breaks and tabs"]]) {
      const response = await service.request("POST", `/api/v1/orders/${orderId}/notes`, { text });
      expect(response.status).toBe(422);
      expect((await response.json()).errors).toEqual([{ path: "text", message }]);
    }
    expect(await notes()).toHaveLength(before);
    expect((await service.request("POST", "/api/v1/orders/ord_nope/notes", { text: "x" })).status).toBe(404);
    expect((await service.request("GET", "/api/v1/orders/ord_nope/notes")).status).toBe(404);
  });

  test("a note sent twice with one Idempotency-Key is added once", async () => {
    const before = (await notes()).length;
    const send = () => service.request("POST", `/api/v1/orders/${orderId}/notes`, { text: "返品の相談あり" }, { "Idempotency-Key": "note-once" });
    const [a, b] = [await send(), await send()];
    expect(b.headers.get("Idempotent-Replayed")).toBe("true");
    expect((await b.json()).id).toBe((await a.json()).id);
    expect(await notes()).toHaveLength(before + 1);
  });
});
