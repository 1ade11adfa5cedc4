import { createClient } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { jstDateTime } from "./jst-days";
import { startLibsqlServer } from "./testing/libsql-server";
import { serviceProcessEnv } from "./process-env";
import { freePort, tempDir, waitFor } from "./testing/service-process";
import { anOrder, startStack, type Stack } from "./testing/stack";

// Each service on a libSQL server of its own (DATABASE_URL), as when one machine is not enough: the
// same flows as on local files, through @libsql/client over HTTP, with real sqld processes.
const servers: Awaited<ReturnType<typeof startLibsqlServer>>[] = [];
let stack: Stack;
beforeAll(async () => {
  servers.push(...(await Promise.all([startLibsqlServer(), startLibsqlServer(), startLibsqlServer()])));
  const [order, payment, notification] = servers.map((server) => ({ DATABASE_URL: server.url }));
  stack = await startStack({ order, payment, notification });
}, 60_000);
afterAll(async () => {
  await stack?.stop();
  await Promise.all(servers.map((server) => server.stop()));
});

const paid = (id: string) => waitFor(`${id} PAID`, async () => (await stack.call("GET", `/api/v1/orders/${id}`)).body.status === "PAID", 20_000);
const count = async (server: { url: string }, sql: string) => {
  const client = createClient({ url: server.url });
  try {
    return Number((await client.execute(sql)).rows[0]![0]);
  } finally {
    client.close();
  }
};

describe("the platform with each service's database on a libSQL server", () => {
  test("an order is paid and confirmed by mail, shipped and delivered; another is cancelled and refunded; the rows live on the servers", async () => {
    const first = (await stack.call("POST", "/api/v1/orders", anOrder("佐藤 花子"))).body;
    const second = (await stack.call("POST", "/api/v1/orders", anOrder("鈴木 一郎"))).body;
    await Promise.all([paid(first.id), paid(second.id)]);
    await waitFor("the confirmation at the SMTP server", () => stack.mailsFor(first.id, "ご注文").length === 1, 20_000);
    expect((await stack.call("PATCH", `/api/v1/orders/${first.id}/status`, { status: "SHIPPED", carrier: "ヤマト運輸", tracking_number: "1234-5678-9012" })).status).toBe(200);
    expect((await stack.call("POST", "/api/v1/orders/deliveries", { deliveries: [{ tracking_number: "123456789012" }] })).status).toBe(200);
    expect((await stack.call("GET", `/api/v1/orders/${first.id}`)).body.status).toBe("DELIVERED");
    expect((await stack.call("POST", `/api/v1/orders/${second.id}/cancel`, { reason: "お客様都合" })).status).toBe(200);
    await waitFor("the refund", async () => (await (await fetch(`${stack.payment.url}/api/v1/payments/order/${second.id}`)).json()).status === "REFUNDED", 20_000);
    await waitFor("the cancellation mail", () => stack.mailsFor(second.id, "キャンセル").length === 1, 20_000);
    // the services wrote to the servers, not to files of their own
    expect(await count(servers[0]!, `select count(*) from orders where id in ('${first.id}', '${second.id}')`)).toBe(2);
    expect(await count(servers[1]!, `select count(*) from refunds`)).toBe(1);
    expect(await count(servers[2]!, `select count(*) from notifications where status = 'SENT'`)).toBeGreaterThanOrEqual(4);
    for (const [name, service] of [["order", stack.order], ["payment", stack.payment], ["notification", stack.notification]] as const) {
      expect(existsSync(join(service.dataDir, `${name}.db`))).toBe(false);
    }
  }, 90_000);

  test("a CSV import runs to the end; the orders are found by name and listed in the ledger", async () => {
    const csv = ["order_ref,customer_name,customer_email,customer_phone,product_name,quantity,unit_price",
      ...Array.from({ length: 20 }, (_, i) => `REMOTE-${i},高橋 美咲${i},m${i}@example.jp,090-1234-56${String(i).padStart(2, "0")},抹茶,1,1200`)].join("\r\n");
    const created = await fetch(`${stack.order.url}/api/v1/imports`, { method: "POST", headers: { "Content-Type": "text/csv" }, body: csv });
    expect(created.status).toBe(202);
    const { id } = await created.json();
    const done = await waitFor("the import", async () => {
      const current = (await stack.call("GET", `/api/v1/imports/${id}`)).body;
      return ["COMPLETED", "COMPLETED_WITH_ERRORS", "FAILED"].includes(current.status) && current;
    }, 60_000, 100);
    expect(done).toMatchObject({ status: "COMPLETED", succeeded: 20, payments_completed: 20, notifications_sent: 20 });
    const found = await waitFor("the name search", async () => {
      const page = (await stack.call("GET", `/api/v1/orders?q=${encodeURIComponent("高橋美咲7")}`)).body;
      return page.total === 1 && page;
    });
    expect(found.items[0].external_ref).toBe("REMOTE-7");
    const today = jstDateTime(new Date().toISOString()).slice(0, 10);
    const ledger = await (await fetch(`${stack.payment.url}/api/v1/ledger?from=${today}&to=${today}`)).text();
    expect(ledger.split("\r\n").filter((line) => line.includes(",CHARGE,1200,")).length).toBe(20);
  }, 90_000);

  test("a second Order Service on the same server is refused at start with one line naming the first, which keeps serving", async () => {
    const second = Bun.spawn(["bun", join(import.meta.dir, "../../order/src/index.ts")], {
      env: { ...process.env, ...serviceProcessEnv, ...stack.urls, DATABASE_URL: servers[0]!.url, PORT: String(freePort()), DATA_DIR: tempDir("second-order-"), LOG_LEVEL: "error" },
      stdout: "ignore", stderr: "pipe",
    });
    expect(await second.exited).toBe(1);
    const lines = (await new Response(second.stderr).text()).trim().split("\n");
    expect(lines).toEqual([expect.stringMatching(new RegExp(`^Cannot run: another order service runs on this database \\(.+ pid ${stack.order.pid} \\(.+\\)\\); one process per service and database\\.$`))]);
    expect((await stack.call("GET", "/api/v1/orders?limit=1")).status).toBe(200);
  }, 60_000);

  test("a service killed with SIGKILL comes back on its server with everything it had answered (its lease taken over at once: its process is gone)", async () => {
    const before = (await stack.call("GET", "/api/v1/orders?limit=1")).body.total;
    const made = (await stack.call("POST", "/api/v1/orders", anOrder("再起動 太郎"))).body;
    await stack.order.kill9();
    await stack.order.restart();
    expect((await stack.call("GET", "/api/v1/orders?limit=1")).body.total).toBe(before + 1);
    await paid(made.id);
  }, 60_000);
});
