// `bun run bench:ledger`: the finance ledger export with a year of payments in the Payment Service
// (BENCH_PAYMENTS, 730,000 by default: 2,000 a day). Prints each export's time, size and the
// service's peak memory after it, and the time of the same days' totals by day (GET /api/v1/ledger/summary).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startService } from "@platform/shared/testing/service-process";
import { seedPayments } from "./seed";

const COUNT = Number(process.env.BENCH_PAYMENTS ?? 730_000);
const peakMb = (pid: number) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;
const jstDay = (daysAgo: number) => new Date(Date.now() + 9 * 3600_000 - daysAgo * 86_400_000).toISOString().slice(0, 10);

const payment = await startService("payment", { LOG_LEVEL: "error" }); // creates the tables
await payment.stop();
let started = performance.now();
seedPayments(join(payment.dataDir, "payment.db"), COUNT, new Date());
console.log(`seeded ${COUNT.toLocaleString("en")} payments over 365 days in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
await payment.restart();

for (const [name, from] of [["one day", jstDay(1)], ["30 days", jstDay(30)], ["365 days", jstDay(365)]] as const) {
  for (const run of [1, 2]) {
    started = performance.now();
    const response = await fetch(`${payment.url}/api/v1/ledger?from=${from}&to=${jstDay(1)}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const ms = performance.now() - started;
    const lines = bytes.filter((byte) => byte === 10).length - 1; // less the header
    console.log(`ledger, ${name.padEnd(8)} run ${run}: ${ms.toFixed(0).padStart(6)} ms  ${lines.toLocaleString("en").padStart(8)} lines  ${(bytes.length / 1e6).toFixed(1).padStart(5)} MB  status ${response.status}  service peak RSS ${peakMb(payment.pid).toFixed(0)} MB`);
  }
  for (const run of [1, 2]) {
    started = performance.now();
    const response = await fetch(`${payment.url}/api/v1/ledger/summary?from=${from}&to=${jstDay(1)}`);
    const { days, total } = await response.json();
    const ms = performance.now() - started;
    console.log(`summary, ${name.padEnd(7)} run ${run}: ${ms.toFixed(0).padStart(6)} ms  ${String(days.length).padStart(8)} days  ${(total.charges + total.refunds).toLocaleString("en").padStart(8)} movements  status ${response.status}`);
  }
}
await payment.stop();
