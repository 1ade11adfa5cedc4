import { describe, expect, test } from "bun:test";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { freePort, tempDir, waitFor } from "../shared/src/testing/service-process";

// `bun run start` as a user runs it, on free ports: every service and the dashboard come up, and
// however the command ends, nothing it started is left running.
const root = join(import.meta.dir, "..");
const ports = { order: freePort(), payment: freePort(), notification: freePort(), dashboard: freePort() };
const env = {
  ...process.env,
  ORDER_SERVICE_URL: `http://127.0.0.1:${ports.order}`,
  PAYMENT_SERVICE_URL: `http://127.0.0.1:${ports.payment}`,
  NOTIFICATION_SERVICE_URL: `http://127.0.0.1:${ports.notification}`,
  DASHBOARD_PORT: String(ports.dashboard),
  DATA_DIR: tempDir("start-"),
  ORDER_DATABASE_URL: `file:${join(tempDir("start-order-db-"), "orders.db")}`, // one service's own database
  LOG_LEVEL: "warn",
};
const probes = [
  `${env.ORDER_SERVICE_URL}/health`, `${env.PAYMENT_SERVICE_URL}/health`, `${env.NOTIFICATION_SERVICE_URL}/health`,
  `http://127.0.0.1:${ports.dashboard}/config.js`,
];
const answering = (url: string) => fetch(url).then((response) => response.ok, () => false);

async function launch(cmd: string[]) {
  const proc = Bun.spawn(cmd, { cwd: root, env, stdout: "ignore", stderr: "ignore", stdin: "ignore" });
  await waitFor("every service and the dashboard", async () => (await Promise.all(probes.map(answering))).every(Boolean), 60_000, 200);
  return proc;
}
const nothingLeft = () => waitFor("every service and the dashboard stopped", async () => !(await Promise.all(probes.map(answering))).some(Boolean), 20_000, 200);

describe("bun run start", () => {
  test("serves each service on the port of its *_SERVICE_URL, and Ctrl-C (SIGINT) stops them all", async () => {
    const start = await launch(["bun", "scripts/start.ts"]);
    const config = await (await fetch(probes[3]!)).text();
    expect(config).toContain(env.ORDER_SERVICE_URL); // the dashboard is told where the services are
    expect(existsSync(env.ORDER_DATABASE_URL.slice("file:".length))).toBe(true); // ORDER_DATABASE_URL is the order service's DATABASE_URL
    expect(existsSync(join(env.DATA_DIR, "order.db"))).toBe(false);
    expect(existsSync(join(env.DATA_DIR, "payment.db"))).toBe(true);
    // and each service lets the page call it, on the dashboard's port, opened as localhost or as 127.0.0.1
    for (const origin of [`http://localhost:${ports.dashboard}`, `http://127.0.0.1:${ports.dashboard}`]) {
      for (const probe of probes.slice(0, 3)) expect((await fetch(probe, { headers: { Origin: origin } })).headers.get("Access-Control-Allow-Origin")).toBe(origin);
    }
    start.kill("SIGINT");
    expect(await start.exited).toBe(0);
    await nothingLeft();
  }, 90_000);

  test("bun run dev: the dashboard from Vite's dev server (hot reload) with the same /config.js, and Ctrl-C stops it all", async () => {
    const dev = await launch(["bun", "run", "dev"]);
    expect(await (await fetch(probes[3]!)).text()).toContain(env.ORDER_SERVICE_URL);
    expect(await (await fetch(`http://127.0.0.1:${ports.dashboard}/`)).text()).toContain("/@vite/client");
    dev.kill("SIGINT");
    await nothingLeft();
  }, 90_000);

  test("a service that dies is started again, and the others keep serving meanwhile", async () => {
    const start = await launch(["bun", "scripts/start.ts"]);
    const children = readFileSync(`/proc/${start.pid}/task/${start.pid}/children`, "utf8").trim().split(" ").map(Number);
    const payment = children.find((pid) => readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("payment/src/index.ts"))!;
    process.kill(payment, "SIGKILL");
    await waitFor("the payment service gone", async () => !(await answering(probes[1]!)), 10_000, 50);
    expect(await answering(probes[0]!)).toBe(true); // the order service did not go down with it
    await waitFor("the payment service started again", () => answering(probes[1]!), 20_000, 200);
    expect(start.exitCode).toBeNull();
    start.kill("SIGINT");
    expect(await start.exited).toBe(0);
    await nothingLeft();
  }, 90_000);

  test("a service that cannot start (a bad setting) is not retried for ever: after three quick failures everything stops, saying which", async () => {
    const start = Bun.spawn(["bun", "scripts/start.ts"], { cwd: root, env: { ...env, PAYMENT_GATEWAY_FAILURE_RATE: "5" }, stdout: "pipe", stderr: "ignore", stdin: "ignore" });
    expect(await start.exited).not.toBe(0);
    const output = await new Response(start.stdout).text();
    expect(output).toMatch(/payment .*exited with 1; starting it again in 2 s/);
    expect(output).toMatch(/payment .*exited with 1 right after starting, 3 times in a row; stopping the others/);
    await nothingLeft();
  }, 90_000);

  test("DATABASE_URL, which would give the three services one database, is refused with one line naming the variables to use", async () => {
    const start = Bun.spawn(["bun", "scripts/start.ts"], { cwd: root, env: { ...env, DATABASE_URL: "file:/tmp/one-for-all.db" }, stdout: "pipe", stderr: "ignore", stdin: "ignore" });
    expect(await start.exited).toBe(1);
    expect((await new Response(start.stdout).text()).trim()).toBe("DATABASE_URL would give the three services one database; set ORDER_DATABASE_URL, PAYMENT_DATABASE_URL and NOTIFICATION_DATABASE_URL instead (README, Configuration)");
    expect(existsSync("/tmp/one-for-all.db")).toBe(false);
  });

  test("killed with SIGKILL, it leaves nothing running: each child stops when its parent is gone", async () => {
    const start = await launch(["bun", "scripts/start.ts"]);
    start.kill("SIGKILL");
    await nothingLeft();
  }, 90_000);

  test("the `bun run start` wrapper killed with SIGKILL: the script under it stops everything too", async () => {
    const wrapper = await launch(["bun", "run", "start"]);
    wrapper.kill("SIGKILL");
    await nothingLeft();
  }, 90_000);
});
