import { expect, test } from "bun:test";
import { Database } from "bun:sqlite";
import { join } from "node:path";
import { serviceProcessEnv } from "./process-env";
import { freePort, tempDir } from "./testing/service-process";

test("a port another process holds stops the service with one line naming the port and the settings to change, its database lease given up", async () => {
  const port = freePort();
  const holder = Bun.serve({ port, hostname: "127.0.0.1", fetch: () => new Response("someone else") });
  try {
    const dataDir = tempDir("port-taken-");
    const payment = Bun.spawn(["bun", join(import.meta.dir, "../../payment/src/index.ts")], {
      env: { ...process.env, ...serviceProcessEnv, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: "error" },
      stdout: "ignore", stderr: "pipe",
    });
    expect(await payment.exited).toBe(1);
    expect((await new Response(payment.stderr).text()).trim().split("\n")).toEqual([
      `Cannot run: port ${port} on 127.0.0.1 is in use by another process; set PORT (PAYMENT_SERVICE_URL with \`bun run start\`) to a free one.`,
    ]);
    const file = new Database(join(dataDir, "payment.db"), { readonly: true });
    expect(file.query("select count(*) as n from service_lease").get()).toEqual({ n: 0 });
    file.close();
  } finally {
    holder.stop(true);
  }
}, 60_000);
