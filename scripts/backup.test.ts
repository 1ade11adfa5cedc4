import { expect, test } from "bun:test";
import { Database } from "bun:sqlite";
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { startService, tempDir } from "../shared/src/testing/service-process";

const root = join(import.meta.dir, "..");
const anOrder = (n: number) => ({ customer_name: `控え ${n}`, customer_email: `backup${n}@example.jp`, items: [{ product_name: "抹茶", quantity: 1, unit_price: 1000 }] });

test("`bun run backup` copies a running service's database, consistent and without its lease; the copy, put in another DATA_DIR, serves every order", async () => {
  const order = await startService("order", { LOG_LEVEL: "error" });
  try {
    for (let n = 0; n < 5; n++) expect((await fetch(`${order.url}/api/v1/orders`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(anOrder(n)) })).status).toBe(201);
    const folder = tempDir("backup-");
    const backup = Bun.spawn(["bun", "scripts/backup.ts", folder], { cwd: root, env: { ...process.env, DATA_DIR: order.dataDir }, stdout: "pipe", stderr: "pipe" });
    expect(await backup.exited).toBe(0);
    const lines = (await new Response(backup.stdout).text()).trim().split("\n");
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^order +${join(order.dataDir, "order.db")} → ${join(folder, "order.db")}  \\d+\\.\\d MB, 5 orders$`)),
      expect.stringMatching(/^payment +no database at .+payment\.db yet: nothing to copy$/),
      expect.stringMatching(/^notification +no database at .+notification\.db yet: nothing to copy$/),
    ]);
    const copy = new Database(join(folder, "order.db"), { readonly: true });
    expect(copy.query("PRAGMA integrity_check").get()).toEqual({ integrity_check: "ok" });
    expect(copy.query("SELECT count(*) AS n FROM service_lease").get()).toEqual({ n: 0 }); // the running one's lease is not copied
    copy.close();

    // restored elsewhere while the first still runs: it starts at once, with every order
    const restoredDir = tempDir("restored-");
    copyFileSync(join(folder, "order.db"), join(restoredDir, "order.db"));
    const restored = await startService("order", { LOG_LEVEL: "error", DATA_DIR: restoredDir });
    expect((await (await fetch(`${restored.url}/api/v1/orders?q=backup3@example.jp`)).json()).items.map((o: { customer_name: string }) => o.customer_name)).toEqual(["控え 3"]);
    expect((await (await fetch(`${restored.url}/api/v1/orders`)).json()).total).toBe(5);
    await restored.stop();
  } finally {
    await order.stop();
  }
}, 60_000);
