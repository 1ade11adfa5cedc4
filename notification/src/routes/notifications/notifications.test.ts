import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { waitFor } from "@platform/shared/testing/service-process";
import { sampleVariables } from "../../templates/catalog";
import { testNotificationService } from "../../test-service";

let service: Awaited<ReturnType<typeof testNotificationService>>;
beforeAll(async () => (service = await testNotificationService({ SHOP_NAME: "抹茶堂" })));
afterAll(() => service.stop());

const email = (orderId = "ord_n_1", extra: Record<string, unknown> = {}) => ({
  order_id: orderId, channel: "EMAIL", template: "ORDER_CONFIRMATION", recipient: "taro@example.jp", variables: { ...sampleVariables, order_id: orderId }, ...extra,
});
const sentOf = (id: string) => waitFor(`notification ${id} SENT`, async () => {
  const row = await (await service.request("GET", `/api/v1/notifications/${id}`)).json();
  return row.status === "SENT" && row;
});

describe("POST /api/v1/notifications", () => {
  test("answers 202 PENDING with the rendered content, then sends it: SENT with sent_at, an .eml file under DATA_DIR/mail", async () => {
    const response = await service.request("POST", "/api/v1/notifications/", email("ord_n_1"));
    expect(response.status).toBe(202);
    const queued = await response.json();
    expect(queued).toMatchObject({ status: "PENDING", channel: "EMAIL", template: "ORDER_CONFIRMATION", attempts: 0, sent_at: null, error: null });
    expect(queued.subject).toBe("【抹茶堂】ご注文ありがとうございます（ご注文番号：ord_n_1）");
    expect(queued.body).toContain("山田 太郎 様");
    expect(queued.html).toContain("<table");
    const sent = await sentOf(queued.id);
    expect(sent).toMatchObject({ attempts: 1, sent_at: expect.any(String) });
    const eml = readFileSync(join(service.settings.DATA_DIR, "mail", `${queued.id}.eml`), "utf8");
    expect(eml).toContain(`Message-ID: <${queued.id}@order-platform>`);
    expect(eml).toContain("Content-Type: text/html; charset=utf-8");
  });

  test("an SMS goes to a file under DATA_DIR/sms", async () => {
    const response = await service.request("POST", "/api/v1/notifications", { ...email("ord_n_sms"), channel: "SMS", recipient: "+819012345678" });
    expect(response.status).toBe(202);
    const queued = await response.json();
    expect(queued).toMatchObject({ subject: null, html: null });
    await sentOf(queued.id);
    const file = join(service.settings.DATA_DIR, "sms", `${queued.id}.txt`);
    expect(readFileSync(file, "utf8")).toContain("To: +819012345678\n");
    expect(readFileSync(file, "utf8")).toContain("山田 太郎様、ご注文ありがとうございます。合計¥12,800");
  });

  const invalid: [string, Record<string, unknown>, string][] = [
    ["a phone number for EMAIL", { recipient: "+819012345678" }, "recipient"],
    ["an e-mail for SMS", { channel: "SMS" }, "recipient"],
    ["a bad e-mail", { recipient: "taro@@example" }, "recipient"],
    ["an unknown template", { template: "ORDER_LOST" }, "template"],
    ["an unknown channel", { channel: "FAX" }, "channel"],
    ["variables missing a required one", { variables: { ...sampleVariables, customer_name: undefined } }, "variables.customer_name"],
    ["an item with a fractional quantity", { variables: { ...sampleVariables, items: [{ product_name: "茶", quantity: 1.5, unit_price: 100, subtotal: 150 }] } }, "variables.items.0.quantity"],
  ];
  for (const [name, change, path] of invalid) {
    test(`${name} is a 422 naming ${path}, and nothing is queued`, async () => {
      const before = (await (await service.request("GET", "/api/v1/notifications")).json()).total;
      const response = await service.request("POST", "/api/v1/notifications", email("ord_bad", change));
      expect(response.status).toBe(422);
      expect((await response.json()).errors).toContainEqual(expect.objectContaining({ path }));
      expect((await (await service.request("GET", "/api/v1/notifications")).json()).total).toBe(before);
    });
  }

  test("the same Idempotency-Key queues one notification, even when the first answer was lost", async () => {
    const first = await (await service.request("POST", "/api/v1/notifications", email("ord_n_idem"), { "Idempotency-Key": "confirm-ord_n_idem" })).json();
    const replay = await service.request("POST", "/api/v1/notifications", email("ord_n_idem"), { "Idempotency-Key": "confirm-ord_n_idem" });
    expect(replay.headers.get("Idempotent-Replayed")).toBe("true");
    expect((await replay.json()).id).toBe(first.id);
    // the key's stored answer is gone (a crash before it was written): the notification itself still dedupes
    await service.db.run(`delete from idempotency_keys`);
    const afterLoss = await service.request("POST", "/api/v1/notifications", email("ord_n_idem"), { "Idempotency-Key": "confirm-ord_n_idem" });
    expect(afterLoss.status).toBe(202);
    expect((await afterLoss.json()).id).toBe(first.id);
    expect(await (await service.request("GET", "/api/v1/notifications/order/ord_n_idem")).json()).toHaveLength(1);
  });
});

describe("reading notifications", () => {
  test("GET /api/v1/notifications/order/{order_id} lists them oldest first; GET by id 404s for an unknown one", async () => {
    const ids: string[] = [];
    for (const template of ["ORDER_CONFIRMATION", "ORDER_SHIPPED", "ORDER_CANCELLED"]) {
      ids.push((await (await service.request("POST", "/api/v1/notifications", email("ord_n_list", { template }))).json()).id);
    }
    const list = await (await service.request("GET", "/api/v1/notifications/order/ord_n_list")).json();
    expect(list.map((n: { id: string }) => n.id)).toEqual(ids);
    expect((await service.request("GET", "/api/v1/notifications/ntf_missing")).status).toBe(404);
    expect(await (await service.request("GET", "/api/v1/notifications/order/ord_nothing")).json()).toEqual([]);
  });

  test("GET /api/v1/notifications pages newest first with a status filter; stats count the queue", async () => {
    await waitFor("queue drained", async () => (await (await service.request("GET", "/api/v1/notifications/stats")).json()).pending === 0);
    const all = await (await service.request("GET", "/api/v1/notifications?limit=2")).json();
    expect(all.items).toHaveLength(2);
    expect(all.items[0].id > all.items[1].id).toBe(true);
    const sent = await (await service.request("GET", "/api/v1/notifications?status=SENT&limit=100")).json();
    expect(sent.total).toBe(all.total);
    expect(await (await service.request("GET", "/api/v1/notifications/stats")).json()).toEqual({ pending: 0, sent: all.total, failed: 0 });
  });

  test("GET /api/v1/notifications?recipient= finds what was sent to an address in any case, or to a phone number as dialled; read through its index", async () => {
    const mixed = await (await service.request("POST", "/api/v1/notifications", email("ord_n_recipient", { recipient: "Hanako.Sato@Example.jp" }))).json();
    const sms = await (await service.request("POST", "/api/v1/notifications", email("ord_n_recipient", { channel: "SMS", recipient: "+818012345678" }))).json();
    const found = async (recipient: string) => (await (await service.request("GET", `/api/v1/notifications?recipient=${encodeURIComponent(recipient)}`)).json()).items.map((n: { id: string }) => n.id);
    expect(await found("hanako.sato@example.jp")).toEqual([mixed.id]);
    expect(await found(" HANAKO.SATO@EXAMPLE.JP ")).toEqual([mixed.id]);
    expect(await found("080-1234-5678")).toEqual([sms.id]);
    expect(await found("+818012345678")).toEqual([sms.id]);
    expect(await found("nobody@example.jp")).toEqual([]);
    const plan = (await service.db.$client.execute({ sql: "explain query plan select * from notifications where lower(recipient) = ? order by id desc limit 20", args: ["x"] })).rows.map((row) => String(row.detail));
    expect(plan).toContainEqual(expect.stringContaining("USING INDEX notifications_recipient"));
  });

  test("GET /api/v1/notifications/{id}/attempts shows each attempt", async () => {
    const queued = await (await service.request("POST", "/api/v1/notifications", email("ord_n_hist"))).json();
    await sentOf(queued.id);
    expect(await (await service.request("GET", `/api/v1/notifications/${queued.id}/attempts`)).json()).toEqual([
      { attempt: 1, started_at: expect.any(String), finished_at: expect.any(String), outcome: "SENT", error: null },
    ]);
  });

  test("retrying a notification that is not FAILED is a 409", async () => {
    const queued = await (await service.request("POST", "/api/v1/notifications", email("ord_n_409"))).json();
    await sentOf(queued.id);
    const response = await service.request("POST", `/api/v1/notifications/${queued.id}/retry`);
    expect(response.status).toBe(409);
  });
});

describe("templates", () => {
  test("GET /api/v1/templates lists the four templates with their channels and variables", async () => {
    const templates = await (await service.request("GET", "/api/v1/templates")).json();
    expect(templates.map((t: { name: string }) => t.name)).toEqual(["ORDER_CONFIRMATION", "ORDER_SHIPPED", "ORDER_CANCELLED", "ORDER_RETURNED", "ORDER_REFUNDED"]);
    expect(templates[3].variables).toContainEqual({ name: "returned_items", required: true });
    expect(templates[0].channels).toEqual(["EMAIL", "SMS"]);
    expect(templates[0].variables).toContainEqual({ name: "customer_name", required: true });
    expect(templates[1].variables).toContainEqual({ name: "tracking_number", required: false });
  });

  test("POST /api/v1/templates/{name}/preview renders without sending anything", async () => {
    const before = (await (await service.request("GET", "/api/v1/notifications")).json()).total;
    const preview = await (await service.request("POST", "/api/v1/templates/ORDER_SHIPPED/preview", { channel: "EMAIL", variables: { ...sampleVariables, customer_name: "佐藤 花子" } })).json();
    expect(preview.subject).toContain("発送いたしました");
    expect(preview.body).toStartWith("佐藤 花子 様");
    expect(preview.html).toContain("佐藤 花子 様");
    const sms = await (await service.request("POST", "/api/v1/templates/ORDER_CANCELLED/preview", { channel: "SMS" })).json();
    expect(sms).toMatchObject({ subject: null, html: null, body: expect.stringContaining("キャンセル") });
    expect((await (await service.request("GET", "/api/v1/notifications")).json()).total).toBe(before);
    expect(existsSync(join(service.settings.DATA_DIR, "mail"))).toBe(true);
    expect((await service.request("POST", "/api/v1/templates/NOPE/preview", { channel: "SMS" })).status).toBe(404);
  });
});
