// `bun run bench:cpu`: where an order's CPU goes. Starts the three services as `bun run bench` does,
// creates orders with 32 clients (BENCH_CLIENTS) for 8 s (BENCH_SECONDS) after a 2 s warm-up, and
// prints the CPU each service spent per order (user + system, from /proc/<pid>/stat, so every
// thread counts), the load generator's own, and each service's RSS. Run it twice to compare a
// change: this machine's speed drifts, and the load generator's CPU per order shows by how much.
import { readFileSync } from "node:fs";
import { freePort, startService, tempDir } from "@platform/shared/testing/service-process";
import { load } from "./load";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 32);
const ports = { order: freePort(), payment: freePort(), notification: freePort() };
const urls = Object.fromEntries(Object.entries(ports).map(([name, port]) => [`${name.toUpperCase()}_SERVICE_URL`, `http://127.0.0.1:${port}`]));
const env = (name: keyof typeof ports) => ({ ...urls, LOG_LEVEL: "error", PORT: String(ports[name]), DATA_DIR: tempDir(`cpu-${name}-`), WEBHOOK_SECRET: "bench-webhook-secret-0123456789", WEBHOOK_BATCH_MAX: "100" });
const services = {
  order: await startService("order", env("order")),
  payment: await startService("payment", env("payment")),
  notification: await startService("notification", env("notification")),
};

const stat = (pid: number) => readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
const cpuMs = (pid: number) => { const fields = stat(pid); return { user: Number(fields[11]) * 10, system: Number(fields[12]) * 10 }; }; // clock ticks of 10 ms
const kb = (pid: number, key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]);

const body = JSON.stringify({ customer_name: "山田 太郎", customer_email: "taro@example.jp", items: [{ product_name: "抹茶セット", quantity: 2, unit_price: 1750 }] });
const createOrder = () => new Request(`${services.order.url}/api/v1/orders`, { method: "POST", headers: { "Content-Type": "application/json" }, body });
await load({ concurrency: CLIENTS, seconds: 2, warmupSeconds: 0, request: createOrder });
const before = Object.fromEntries(Object.entries(services).map(([name, service]) => [name, cpuMs(service.pid)]));
const ownBefore = process.cpuUsage();
const result = await load({ concurrency: CLIENTS, seconds: SECONDS, warmupSeconds: 0, request: createOrder, accept: (response, text) => response.status === 201 && text.includes('"status":"PAID"') });
await Bun.sleep(300); // what the last orders set off
const own = process.cpuUsage(ownBefore);
const perOrder = (ms: number) => (ms / result.requests).toFixed(3);

console.log(`${CLIENTS} clients: ${result.perSecond.toFixed(0)} orders/s, p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, errors ${result.errors}`);
console.log("CPU per order, ms (user + system), and RSS now (peak):");
for (const [name, service] of Object.entries(services)) {
  const now = cpuMs(service.pid);
  const user = now.user - before[name]!.user;
  const system = now.system - before[name]!.system;
  console.log(`  ${name.padEnd(13)} ${perOrder(user + system)} (${perOrder(user)} + ${perOrder(system)})   RSS ${(kb(service.pid, "VmRSS") / 1024).toFixed(0)} MB (${(kb(service.pid, "VmHWM") / 1024).toFixed(0)})`);
}
console.log(`  ${"load generator".padEnd(13)} ${perOrder((own.user + own.system) / 1000)}`);
await Promise.all(Object.values(services).map((service) => service.stop()));
