// `bun run bench:libsql`: the platform with each service's database on a libSQL server of its own
// (sqld on this machine, DATABASE_URL over WebSocket and over HTTP) beside local files, under the
// same load: order creation at 1 and 32 clients (done when the 201 says PAID) and GET by id.
import { startLibsqlServer } from "@platform/shared/testing/libsql-server";
import { startStack } from "@platform/shared/testing/stack";
import { load, type LoadResult } from "./load";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const order = JSON.stringify({ customer_name: "山田 太郎", customer_email: "taro@example.jp", items: [{ product_name: "抹茶セット", quantity: 2, unit_price: 1750 }] });
const line = (name: string, r: LoadResult) =>
  console.log(`${name.padEnd(44)} ${r.perSecond.toFixed(0).padStart(6)}/s  p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  not yet PAID or failed ${r.errors}`);

console.log(`bench:libsql: ${SECONDS} s per run after a 2 s warm-up, loopback, ${navigator.hardwareConcurrency} cores (sqld shares them)\n`);
for (const mode of ["local files", "libSQL server, ws://", "libSQL server, http://"] as const) {
  const servers = mode === "local files" ? [] : await Promise.all([startLibsqlServer(), startLibsqlServer(), startLibsqlServer()]);
  const scheme = mode.includes("ws://") ? "ws" : "http";
  const [orderDb, paymentDb, notificationDb] = servers.map((server) => ({ DATABASE_URL: server.url.replace(/^http/, scheme) }));
  const stack = await startStack({ all: { LOG_LEVEL: "error" }, order: orderDb, payment: paymentDb, notification: notificationDb });
  const ids: string[] = [];
  for (const concurrency of [1, 32]) {
    const result = await load({
      concurrency, seconds: SECONDS,
      request: () => new Request(`${stack.order.url}/api/v1/orders`, { method: "POST", headers: { "Content-Type": "application/json" }, body: order }),
      accept: (response, body) => {
        if (response.status === 201 && ids.length < 10_000) ids.push(JSON.parse(body).id);
        return response.status === 201 && body.includes('"status":"PAID"');
      },
    });
    line(`${mode}: create order (${concurrency} client${concurrency > 1 ? "s" : ""})`, result);
  }
  line(`${mode}: GET order by id (32 clients)`, await load({ concurrency: 32, seconds: SECONDS, request: (i) => new Request(`${stack.order.url}/api/v1/orders/${ids[i % ids.length]}`) }));
  console.log();
  await stack.stop();
  await Promise.all(servers.map((server) => server.stop()));
}
