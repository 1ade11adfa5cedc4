import { afterAll, beforeAll, expect, test } from "bun:test";
import { sql } from "drizzle-orm";
import { testOrderService } from "../../test-service";

let service: Awaited<ReturnType<typeof testOrderService>>;
beforeAll(async () => (service = await testOrderService({ ORDER_CALL_WAIT_MS: "0" })));
afterAll(() => service.stop());

const anOrder = { customer_name: "山田 太郎", customer_email: "taro@example.jp", items: [{ product_name: "抹茶セット".repeat(30), quantity: 1, unit_price: 1500 }] };
const total = async () => (await (await service.request("GET", "/api/v1/orders")).json()).total as number;

test("a full disk: creating an order is a 503 DEPENDENCY_UNAVAILABLE saying so, nothing of it is stored, and orders are taken again once there is space", async () => {
  // the database may not grow past its size now, as on a disk with no space left (SQLITE_FULL)
  const [{ page_count }] = (await service.db.all(sql`pragma page_count`)) as [{ page_count: number }];
  await service.db.run(sql.raw(`pragma max_page_count = ${page_count}`));
  let refused: Response | undefined;
  for (let i = 0; i < 200 && !refused; i++) {
    const response = await service.request("POST", "/api/v1/orders", anOrder);
    if (response.status !== 201) refused = response;
  }
  expect(refused?.status).toBe(503);
  expect(refused?.headers.get("Content-Type")).toBe("application/problem+json");
  expect(await refused!.json()).toMatchObject({ code: "DEPENDENCY_UNAVAILABLE", detail: expect.stringContaining("no space left on its disk, so nothing was stored") });
  const before = await total();
  expect((await service.request("GET", "/api/v1/orders?limit=100")).status).toBe(200); // reads still work
  await service.db.run(sql.raw("pragma max_page_count = 1073741823"));
  expect((await service.request("POST", "/api/v1/orders", anOrder)).status).toBe(201);
  expect(await total()).toBe(before + 1);
});
