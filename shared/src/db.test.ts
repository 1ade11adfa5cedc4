import { expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { hostname } from "node:os";
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

test("a second copy of a service on the same local database (`bun run start` twice in one folder) stops at start with one line naming the first; after a SIGKILL the next copy starts at once", async () => {
  const first = await startService("notification", { LOG_LEVEL: "error" });
  const holder = await leaseOf(first.dataDir);
  expect(holder).toStartWith(`${hostname()} pid ${first.pid} (`);
  const second = Bun.spawn(["bun", join(import.meta.dir, "../../notification/src/index.ts")], {
    env: { ...process.env, ...serviceProcessEnv, DATA_DIR: first.dataDir, PORT: String(freePort()), LOG_LEVEL: "error" },
    stdout: "ignore", stderr: "pipe",
  });
  expect(await second.exited).toBe(1);
  expect((await new Response(second.stderr).text()).trim().split("\n")).toEqual([
    `Cannot run: another notification service runs on this database (${holder}); one process per service and database.`,
  ]);
  expect((await fetch(`${first.url}/health`)).status).toBe(200);
  await first.kill9();
  await first.restart(); // the lease's process is gone: taken over without waiting for it to lapse
  expect(await leaseOf(first.dataDir)).toStartWith(`${hostname()} pid ${first.pid} (`);
  await first.stop();
}, 60_000);

test("a service on a local file never loads @libsql/client's native library, which only a libSQL server needs (db-remote.test.ts)", async () => {
  const service = await startService("payment", { LOG_LEVEL: "error" });
  const libraries = readFileSync(`/proc/${service.pid}/maps`, "utf8").split("\n").map((line) => line.split(/\s+/)[5] ?? "");
  expect(libraries.filter((path) => path.includes("libsql"))).toEqual([]);
  expect(libraries.filter((path) => path.startsWith("/")).length).toBeGreaterThan(0); // the files it maps are read
  await service.stop();
}, 60_000);

async function leaseOf(dataDir: string) {
  const { Database } = await import("bun:sqlite");
  const file = new Database(join(dataDir, "notification.db"), { readonly: true });
  const { holder } = file.query("select holder from service_lease where service = 'notification'").get() as { holder: string };
  file.close();
  return holder;
}
