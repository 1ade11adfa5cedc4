import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { testOrderService } from "../../test-service";

// The Payment and Notification Services are down here: orders are still taken, their calls wait in the outbox.
let service: Awaited<ReturnType<typeof testOrderService>>;
beforeAll(async () => (service = await testOrderService({ ORDER_CALL_WAIT_MS: "200" })));
afterAll(() => service.stop());

const anOrder = { customer_name: "山田 太郎", customer_email: "taro@example.jp", customer_phone: "+819012345678", items: [{ product_name: "抹茶セット", quantity: 2, unit_price: 1750 }, { product_name: "湯呑み", quantity: 1, unit_price: 3000 }] };
const create = async (body: unknown = anOrder, headers: Record<string, string> = {}) => service.request("POST", "/api/v1/orders/", body, headers);
const total = async () => (await (await service.request("GET", "/api/v1/orders")).json()).total as number;

describe("POST /api/v1/orders", () => {
  test("creates the order with its items and the computed total (FR-001, FR-002), even with the other services down", async () => {
    const response = await create();
    expect(response.status).toBe(201);
    const order = await response.json();
    expect(order).toMatchObject({ status: "PENDING", total_amount: 6500, currency: "JPY", customer_phone: "+819012345678", payment_id: null });
    expect(order.id).toMatch(/^ord_[0-9a-f]{32}$/);
    expect(order.items).toEqual([
      { id: expect.stringMatching(/^itm_/), product_name: "抹茶セット", quantity: 2, unit_price: 1750, subtotal: 3500, tax_rate: 10 },
      { id: expect.stringMatching(/^itm_/), product_name: "湯呑み", quantity: 1, unit_price: 3000, subtotal: 3000, tax_rate: 10 },
    ]);
    expect(order.tax_by_rate).toEqual([{ rate: 10, amount: 6500, tax: 590 }]);
    expect(response.headers.get("Location")).toBe(`/api/v1/orders/${order.id}`);
    const outbox = await (await service.request("GET", "/api/v1/outbox?status=PENDING")).json();
    expect(outbox.items.map((m: { kind: string }) => m.kind).sort()).toEqual(expect.arrayContaining(["notification.request", "payment.request"]));
  });

  test("unknown fields never set the status or the total", async () => {
    const order = await (await create({ ...anOrder, status: "PAID", total_amount: 1, id: "ord_mine" })).json();
    expect(order).toMatchObject({ status: "PENDING", total_amount: 6500 });
    expect(order.id).not.toBe("ord_mine");
  });

  test("an unpayable total is a 422 on items and nothing is stored", async () => {
    const before = await total();
    for (const items of [[{ product_name: "飴", quantity: 1, unit_price: 99 }], [{ product_name: "壺", quantity: 3, unit_price: 400_000 }]]) {
      const response = await create({ ...anOrder, items });
      expect(response.status).toBe(422);
      expect((await response.json()).errors).toEqual([{ path: "items", message: expect.stringContaining("cannot be paid") }]);
    }
    expect(await total()).toBe(before);
  });

  test("invalid fields are a 422 listing each with its path; malformed JSON a 400; not JSON a 415", async () => {
    const response = await create({ customer_name: "", customer_email: "nope", items: [{ product_name: "x", quantity: 0, unit_price: 1.5 }] });
    expect(response.status).toBe(422);
    const paths = (await response.json()).errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["customer_name", "customer_email", "items.0.quantity", "items.0.unit_price"]));
    expect((await create("{ not json")).status).toBe(400);
    expect((await service.request("POST", "/api/v1/orders", "a,b", { "Content-Type": "text/csv" })).status).toBe(415);
  });

  test("a name with a tab, a line break or another control character is a 422 naming the field, and nothing is stored", async () => {
    const before = await total();
    const response = await create({ ...anOrder, customer_name: "山田\t太郎", items: [{ product_name: "抹茶\nセット", quantity: 1, unit_price: 500 }, { product_name: "湯呑み\u0000", quantity: 1, unit_price: 500 }] });
    expect(response.status).toBe(422);
    const one = "must be one line, without tabs, line breaks or other control characters";
    expect((await response.json()).errors).toEqual([
      { path: "customer_name", message: one }, { path: "items.0.product_name", message: one }, { path: "items.1.product_name", message: one },
    ]);
    expect(await total()).toBe(before);
    // spaces at either end, a full-width space inside: a name as people type it
    expect((await (await create({ ...anOrder, customer_name: " 山田　太郎\n" })).json()).customer_name).toBe("山田　太郎");
  });

  test("the same Idempotency-Key replays the order instead of creating another", async () => {
    const before = await total();
    const first = await (await create(anOrder, { "Idempotency-Key": "checkout-42" })).json();
    const again = await create(anOrder, { "Idempotency-Key": "checkout-42" });
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect((await again.json()).id).toBe(first.id);
    expect(await total()).toBe(before + 1);
    expect((await create({ ...anOrder, customer_name: "別人" }, { "Idempotency-Key": "checkout-42" })).status).toBe(422);
  });
});

describe("reading orders", () => {
  test("GET /api/v1/orders pages newest first (default limit 20) and filters by status", async () => {
    for (let i = 0; i < 3; i++) await create();
    const page = await (await service.request("GET", "/api/v1/orders?limit=2&skip=1")).json();
    const all = await (await service.request("GET", "/api/v1/orders?limit=100")).json();
    expect(page.items.map((o: { id: string }) => o.id)).toEqual(all.items.slice(1, 3).map((o: { id: string }) => o.id));
    expect(page.items[0].items).toHaveLength(2);
    expect((await (await service.request("GET", "/api/v1/orders")).json()).limit).toBe(20);
    const cancelled = all.items[0].id;
    await service.request("POST", `/api/v1/orders/${cancelled}/cancel`);
    const filtered = await (await service.request("GET", "/api/v1/orders?status=CANCELLED")).json();
    expect(filtered.items.map((o: { id: string }) => o.id)).toContain(cancelled);
    expect(filtered.items.every((o: { status: string }) => o.status === "CANCELLED")).toBe(true);
    expect((await service.request("GET", "/api/v1/orders?status=LOST")).status).toBe(422);
    expect((await service.request("GET", "/api/v1/orders?skip=-1")).status).toBe(422);
  });

  test("GET /api/v1/orders with a bad skip, limit or status is a 422 naming each in the API's own words", async () => {
    const response = await service.request("GET", "/api/v1/orders?skip=-1&limit=abc&status=SENT");
    expect(response.status).toBe(422);
    expect((await response.json()).errors).toEqual([
      { path: "skip", message: "must be at least 0" },
      { path: "limit", message: "must be a number" },
      { path: "status", message: "must be one of PENDING, PAYMENT_PROCESSING, PAID, PAYMENT_FAILED, SHIPPED, DELIVERED, CANCELLED" },
    ]);
    expect((await (await service.request("GET", "/api/v1/orders?limit=101")).json()).errors).toEqual([{ path: "limit", message: "must be at most 100" }]);
  });

  test("GET /api/v1/orders/{id} 404s for an unknown id", async () => {
    const response = await service.request("GET", "/api/v1/orders/ord_nope");
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: "NOT_FOUND", detail: "Order ord_nope does not exist." });
  });

  test("GET /api/v1/orders/stats counts by status and today's orders", async () => {
    const stats = await (await service.request("GET", "/api/v1/orders/stats")).json();
    expect(stats.by_status.PENDING).toBeGreaterThan(0);
    expect(stats.today.orders).toBe(await total());
    expect(stats.today.revenue).toBe(0); // nothing is paid while the Payment Service is down
  });
});

describe("moving orders by hand", () => {
  test("an illegal PATCH is a 409 naming the allowed next statuses, and changes nothing", async () => {
    const order = await (await create()).json();
    const response = await service.request("PATCH", `/api/v1/orders/${order.id}/status`, { status: "SHIPPED" });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ code: "INVALID_TRANSITION", current_status: "PENDING", allowed_next: ["CANCELLED"] });
    const paid = await service.request("PATCH", `/api/v1/orders/${order.id}/status`, { status: "PAID" });
    expect(paid.status).toBe(409);
    expect((await paid.json()).detail).toContain("set by the payment flow");
    expect((await (await service.request("GET", `/api/v1/orders/${order.id}`)).json()).status).toBe("PENDING");
  });

  test("cancel from PENDING, then every further cancel or move is a 409; the history records each move", async () => {
    const order = await (await create()).json();
    const cancelled = await service.request("POST", `/api/v1/orders/${order.id}/cancel`, { reason: "重複注文" });
    expect(cancelled.status).toBe(200);
    expect((await cancelled.json()).status).toBe("CANCELLED");
    expect((await service.request("POST", `/api/v1/orders/${order.id}/cancel`)).status).toBe(409);
    expect((await service.request("PATCH", `/api/v1/orders/${order.id}/status`, { status: "PENDING" })).status).toBe(409);
    const history = await (await service.request("GET", `/api/v1/orders/${order.id}/history`)).json();
    expect(history).toEqual([
      expect.objectContaining({ from_status: null, to_status: "PENDING", actor: "api" }),
      expect.objectContaining({ from_status: "PENDING", to_status: "CANCELLED", actor: "api", reason: "重複注文" }),
    ]);
  });

  test("a person named in X-Operator is the actor of what they do; the history says who", async () => {
    const as = (name: string) => ({ "X-Operator": encodeURIComponent(name) });
    const order = await (await create(anOrder, as("受付 太郎"))).json();
    await service.request("POST", `/api/v1/orders/${order.id}/cancel`, { reason: "お客様のご依頼" }, as("出荷 花子"));
    const history = await (await service.request("GET", `/api/v1/orders/${order.id}/history`)).json();
    expect(history.map((entry: { actor: string }) => entry.actor)).toEqual(["operator:受付 太郎", "operator:出荷 花子"]);
    const garbled = await service.request("POST", `/api/v1/orders/${order.id}/cancel`, {}, { "X-Operator": "%E5" });
    expect(garbled.status).toBe(422);
  });

  test("unknown order: PATCH and cancel are 404", async () => {
    expect((await service.request("PATCH", "/api/v1/orders/ord_nope/status", { status: "SHIPPED" })).status).toBe(404);
    expect((await service.request("POST", "/api/v1/orders/ord_nope/cancel")).status).toBe(404);
  });
});
