import { expect, test } from "bun:test";
import { createClient } from "@libsql/client";
import { join } from "node:path";
import { startService } from "@platform/shared/testing/service-process";

test("SIGTERM lets the request in flight finish, then the process exits cleanly", async () => {
  const service = await startService("payment", { PAYMENT_GATEWAY_LATENCY_MS: "800", PAYMENT_SYNC_WAIT_MS: "1500", ORDER_SERVICE_URL: "http://127.0.0.1:9" });
  const inFlight = fetch(`${service.url}/api/v1/payments`, {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ order_id: "ord_term", amount: 1000 }),
  });
  await Bun.sleep(200);
  const stopped = service.stop();
  const response = await inFlight;
  expect(response.status).toBe(201);
  expect((await response.json()).status).toBe("COMPLETED");
  expect(await stopped).toBe(0);
  const db = createClient({ url: `file:${join(service.dataDir, "payment.db")}` });
  expect((await db.execute("select status from payments where order_id = 'ord_term'")).rows[0]!.status).toBe("COMPLETED");
  db.close();
});
