import { expect, test } from "bun:test";
import { join } from "node:path";
import { serviceProcessEnv } from "./process-env";
import { freePort, startService, tempDir } from "./testing/service-process";

test("a service given another service's database (one DATABASE_URL for all) stops with one line before writing to it", async () => {
  const order = await startService("order", { LOG_LEVEL: "error" });
  await order.stop();
  const orderDb = join(order.dataDir, "order.db");
  const payment = Bun.spawn(["bun", join(import.meta.dir, "../../payment/src/index.ts")], {
    env: { ...process.env, ...serviceProcessEnv, DATABASE_URL: `file:${orderDb}`, DATA_DIR: tempDir("payment-"), PORT: String(freePort()), LOG_LEVEL: "error" },
    stdout: "ignore", stderr: "pipe",
  });
  expect(await payment.exited).toBe(1);
  const lines = (await new Response(payment.stderr).text()).trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toStartWith(`Cannot run: the payment database at file:${orderDb} holds another service's tables, or a newer version's (`);
  expect(lines[0]).toEndWith(" migrations this version does not have); each service needs a database of its own.");
  // nothing of the payment service was written into it
  const { Database } = await import("bun:sqlite");
  const file = new Database(orderDb, { readonly: true });
  expect(file.query("select count(*) as n from sqlite_master where name = 'payments'").get()).toEqual({ n: 0 });
  file.close();
  // and the order service still opens it
  await order.restart();
  expect((await fetch(`${order.url}/health`)).status).toBe(200);
  await order.stop();
}, 60_000);
