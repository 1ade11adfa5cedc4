import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { sql } from "drizzle-orm";
import { firstIdAt } from "@platform/shared/ids";
import { testOrderService } from "../../test-service";

// Orders made around midnight in Japan (15:00 UTC), written as the service writes them: the id begins
// with the moment it was made, and created_at is taken a moment before it.
const made = {
  lastOfNov30: { created: "2026-11-30T14:59:59.999Z", id: "2026-11-30T15:00:00.001Z" }, // its id's clock is already on Dec 1
  firstOfDec1: { created: "2026-11-30T15:00:00.000Z", id: "2026-11-30T15:00:00.000Z" },
  lastOfDec1: { created: "2026-12-01T14:59:59.999Z", id: "2026-12-01T14:59:59.999Z" },
  firstOfDec2: { created: "2026-12-01T15:00:00.000Z", id: "2026-12-01T15:00:00.002Z" },
};
let service: Awaited<ReturnType<typeof testOrderService>>;
const ids: Record<string, string> = {};
beforeAll(async () => {
  service = await testOrderService({ ORDER_CALL_WAIT_MS: "0" });
  for (const [name, { created, id }] of Object.entries(made)) {
    ids[name] = `${firstIdAt("ord", Date.parse(id))}${crypto.randomUUID().replaceAll("-", "").slice(0, 20)}`;
    await service.db.run(sql`insert into orders (id, customer_name, customer_email, status, total_amount, currency, created_at, updated_at)
      values (${ids[name]}, ${name}, 'days@example.jp', 'PAID', 1000, 'JPY', ${created}, ${created})`);
    await service.db.run(sql`insert into order_items (id, order_id, position, product_name, quantity, unit_price, subtotal) values (${`itm_${name}`}, ${ids[name]}, 0, '煎茶', 1, 1000, 1000)`);
  }
  await service.request("POST", "/api/v1/orders", { customer_name: "今日 の注文", customer_email: "today@example.jp", items: [{ product_name: "煎茶", quantity: 1, unit_price: 1000 }] });
});
afterAll(() => service.stop());

const names = async (query: string) => {
  const response = await service.request("GET", `/api/v1/orders?limit=100&${query}`);
  expect(response.status).toBe(200);
  const page = await response.json();
  expect(page.total).toBe(page.items.length);
  return page.items.filter((order: { customer_email: string }) => order.customer_email === "days@example.jp").map((order: { customer_name: string }) => order.customer_name);
};

describe("orders by the day they were created (JST)", () => {
  test("a day runs from midnight to midnight in Japan, by created_at, whatever the id's clock said", async () => {
    expect(await names("from=2026-12-01&to=2026-12-01")).toEqual(["lastOfDec1", "firstOfDec1"]);
    expect(await names("from=2026-11-30&to=2026-11-30")).toEqual(["lastOfNov30"]);
  });

  test("either end alone; both days of a range are included", async () => {
    expect(await names("from=2026-12-01")).toEqual(["firstOfDec2", "lastOfDec1", "firstOfDec1"]);
    // newest first by id, as the list always is: the last order of Nov 30 has the later id of the two
    expect(await names("to=2026-12-01")).toEqual(["lastOfDec1", "lastOfNov30", "firstOfDec1"]);
    expect(await names("from=2026-11-30&to=2026-12-02&status=PAID")).toEqual(["firstOfDec2", "lastOfDec1", "lastOfNov30", "firstOfDec1"]);
  });

  test("the export takes the same days", async () => {
    const text = await (await service.request("GET", "/api/v1/orders/export?from=2026-12-01&to=2026-12-01")).text();
    expect(text.trimEnd().split("\r\n").slice(1).map((line) => line.split(",")[0])).toEqual([ids.lastOfDec1, ids.firstOfDec1]);
  });

  test("a day that does not exist, or a range backwards, is a 422 naming the field", async () => {
    for (const [query, path, message] of [
      ["from=2026-02-30", "from", "must be a date that exists, YYYY-MM-DD"],
      ["from=2026-12-02&to=2026-12-01", "to", "must not be before from"],
    ]) {
      const response = await service.request("GET", `/api/v1/orders?${query}`);
      expect(response.status).toBe(422);
      expect((await response.json()).errors).toEqual([{ path, message }]);
      expect((await service.request("GET", `/api/v1/orders/export?${query}`)).status).toBe(422);
    }
  });
});

describe("orders by the day the customer wants them delivered", () => {
  test("delivery_by gives the orders wished on that day or before, none without a wish; with status=PAID, the ones that must ship first; in the export too", async () => {
    await service.db.run(sql`update orders set delivery_date = '2026-12-02' where id = ${ids.firstOfDec1}`);
    await service.db.run(sql`update orders set delivery_date = '2026-12-03', delivery_time = '午前中' where id = ${ids.lastOfDec1}`);
    await service.db.run(sql`update orders set delivery_date = '2026-12-04' where id = ${ids.firstOfDec2}`);
    expect(await names("delivery_by=2026-12-03")).toEqual(["lastOfDec1", "firstOfDec1"]);
    expect(await names("delivery_by=2026-12-02&status=PAID")).toEqual(["firstOfDec1"]);
    expect(await names("delivery_by=2026-12-01")).toEqual([]);
    const csv = await (await service.request("GET", "/api/v1/orders/export?delivery_by=2026-12-03")).text();
    expect(csv.trimEnd().split("\r\n").slice(1).map((line) => line.split(",").slice(-3, -1).join(" "))).toEqual(["2026-12-03 午前中", "2026-12-02 "]);
    const wrong = await service.request("GET", "/api/v1/orders?delivery_by=2026-12-32");
    expect(wrong.status).toBe(422);
    expect((await wrong.json()).errors[0].path).toBe("delivery_by");
  });
});

