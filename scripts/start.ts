// `bun run start` (and `bun run dev`): every service and the dashboard (http://localhost:5173) on its default port with embedded
// defaults, their JSON logs turned into readable prefixed lines; one that stops is started again;
// Ctrl-C stops them all cleanly, and so does the end of this process by any means (SIGKILL
// included): each child stops when its parent is gone.
import { join } from "node:path";
import { dashboardOrigins } from "../shared/src/env";
import { whenParentExits } from "../shared/src/parent-watch";
import { serviceProcessEnv } from "../shared/src/process-env";

const root = join(import.meta.dir, "..");
// `--dev` (bun run dev): each service restarts when its code changes, and the dashboard hot-reloads.
const dev = process.argv.includes("--dev");
const bun = dev ? ["bun", "--watch"] : ["bun"];
const services = [
  { name: "order", color: 33, cmd: [...bun, "order/src/index.ts"], url: "ORDER_SERVICE_URL" },
  { name: "payment", color: 35, cmd: [...bun, "payment/src/index.ts"], url: "PAYMENT_SERVICE_URL" },
  { name: "notification", color: 36, cmd: [...bun, "notification/src/index.ts"], url: "NOTIFICATION_SERVICE_URL" },
  { name: "dashboard", color: 32, cmd: ["bun", dev ? "dashboard/dev.ts" : "dashboard/serve.ts"] },
];

// The Order Service started here takes payment events in batches (README, Configuration), and the
// services let the dashboard call them on the port it is started on.
const stackDefaults = {
  ...serviceProcessEnv, WEBHOOK_BATCH_MAX: "100", STOP_WITH_PARENT: "true",
  DASHBOARD_ORIGIN: dashboardOrigins(process.env.DASHBOARD_PORT || 5173),
};
// A service listens on the port of the URL the others are given for it, when one is given.
const portOf = (urlVariable?: string) => {
  const url = urlVariable ? process.env[urlVariable] : undefined;
  return url ? { PORT: new URL(url).port || "80" } : {};
};

// Each service has a database of its own: DATABASE_URL here would give all three the same one, so
// they are given theirs as ORDER_DATABASE_URL, PAYMENT_DATABASE_URL and NOTIFICATION_DATABASE_URL.
if (process.env.DATABASE_URL) {
  console.log("DATABASE_URL would give the three services one database; set ORDER_DATABASE_URL, PAYMENT_DATABASE_URL and NOTIFICATION_DATABASE_URL instead (README, Configuration)");
  process.exit(1);
}
const databaseOf = (name: string) => {
  const url = process.env[`${name.toUpperCase()}_DATABASE_URL`];
  return url ? { DATABASE_URL: url } : {};
};

// A service that stops by itself is started again, 1, 2, 4 … up to 30 s later, while the others keep
// serving (they survive a dependency being down). One that stops within 10 s of starting, three
// starts in a row, has a problem a restart will not fix (a bad setting, a port in use): then
// everything stops, saying which.
const QUICK_EXIT_MS = 10_000;
const GIVE_UP_AFTER = 3;
const running = new Map<string, Bun.Subprocess>();

function launch(service: (typeof services)[number], quickExitsInARow = 0) {
  const env = { ...stackDefaults, ...process.env, ...portOf(service.url), ...databaseOf(service.name) };
  const startedAt = Date.now();
  const child = Bun.spawn(service.cmd, { cwd: root, env, stdout: "pipe", stderr: "pipe", stdin: "ignore" });
  running.set(service.name, child);
  const prefix = `\x1b[${service.color}m${service.name.padEnd(12)}\x1b[0m|`;
  for (const stream of [child.stdout, child.stderr]) void relay(stream, prefix);
  void child.exited.then((code) => {
    if (stopping) return;
    const quickExits = Date.now() - startedAt < QUICK_EXIT_MS ? quickExitsInARow + 1 : 0;
    if (quickExits >= GIVE_UP_AFTER) {
      console.log(`${prefix} exited with ${code} right after starting, ${quickExits} times in a row; stopping the others`);
      return void stopAll(code || 1);
    }
    const delayMs = Math.min(30_000, 1_000 * 2 ** quickExits);
    console.log(`${prefix} exited with ${code}; starting it again in ${delayMs / 1000} s`);
    setTimeout(() => stopping || launch(service, quickExits), delayMs);
  });
}
services.forEach((service) => launch(service));

async function relay(stream: ReadableStream<Uint8Array>, prefix: string) {
  let buffer = "";
  for await (const chunk of stream) {
    buffer += new TextDecoder().decode(chunk);
    const lines = buffer.split("\n");
    buffer = lines.pop()!;
    for (const line of lines) if (line.trim()) console.log(`${prefix} ${readable(line)}`);
  }
}

function readable(line: string): string {
  try {
    const { time, level, service: _service, msg, ...fields } = JSON.parse(line);
    const extra = Object.entries(fields).map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`).join(" ");
    return `${String(time).slice(11, 19)} ${String(level).toUpperCase().padEnd(5)} ${msg}${extra ? `  ${extra}` : ""}`;
  } catch {
    return line;
  }
}

let stopping = false;
async function stopAll(code = 0) {
  if (stopping) return;
  stopping = true;
  const children = [...running.values()];
  children.forEach((child) => child.kill("SIGTERM"));
  await Promise.all(children.map((child) => child.exited));
  process.exit(code);
}
process.on("SIGINT", () => void stopAll());
process.on("SIGTERM", () => void stopAll());
whenParentExits(() => void stopAll());
