import { readFileSync } from "node:fs";
import { freePort, startService, tempDir, waitFor } from "@platform/shared/testing/service-process";
import { sampleCsv } from "@platform/order/src/imports/sample-csv";
const ports = { order: freePort(), payment: freePort(), notification: freePort() };
const urls = Object.fromEntries(Object.entries(ports).map(([n, p]) => [`${n.toUpperCase()}_SERVICE_URL`, `http://127.0.0.1:${p}`]));
const env = (n: keyof typeof ports) => ({ ...urls, LOG_LEVEL: "error", PORT: String(ports[n]), DATA_DIR: tempDir(), ...(JSON.parse(process.env.EXTRA ?? "{}")[n] ?? {}) });
const s = { notification: await startService("notification", env("notification")), payment: await startService("payment", env("payment")), order: await startService("order", env("order")) };
const cpu = (pid: number) => { const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" "); return (Number(f[11]) + Number(f[12])) * 10; };
const before = Object.fromEntries(Object.entries(s).map(([n, p]) => [n, cpu(p.pid)]));
const f = sampleCsv({ orders: 10000, bad: 0, encoding: "utf8", prefix: "X", itemsPerOrder: 2 });
const t0 = performance.now();
const imp = await (await fetch(`${s.order.url}/api/v1/imports`, { method: "POST", headers: { "content-type": "text/csv" }, body: f.bytes })).json();
console.log("accepted", (performance.now() - t0).toFixed(0));
let paidAt = 0;
await waitFor("done", async () => {
  const c = await (await fetch(`${s.order.url}/api/v1/imports/${imp.id}`)).json();
  if (!paidAt && c.payments_completed === 10000) { paidAt = performance.now() - t0; console.log("paid at", paidAt.toFixed(0), Object.entries(s).map(([n, p]) => `${n} ${cpu(p.pid) - before[n]!}ms`).join(" ")); }
  return c.status.startsWith("COMPLETED");
}, 120000, 100);
console.log("done", (performance.now() - t0).toFixed(0), Object.entries(s).map(([n, p]) => `${n} ${cpu(p.pid) - before[n]!}ms`).join(" "));
await Promise.all(Object.values(s).map((p) => p.stop()));
