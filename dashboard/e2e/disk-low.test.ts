import { afterAll, beforeAll, expect, test } from "bun:test";
import { shot, startDashboardStack } from "./harness";

// The Payment Service warns of its disk below DISK_MIN_FREE_MB, here a petabyte, more than any disk
// has: its /health stays 200 with `warnings.disk`, and operations see it on every page.
let env: Awaited<ReturnType<typeof startDashboardStack>>;
beforeAll(async () => (env = await startDashboardStack({ payment: { DISK_MIN_FREE_MB: "1000000000" } })), 60_000);
afterAll(() => env.stop());

test("a service running out of disk is still up, and every page says how much is left and what stops once it is full", async () => {
  const health = await (await fetch(`${env.stack.payment.url}/health`)).json();
  expect(health).toMatchObject({ status: "ok", disk: { min_free_mb: 1_000_000_000 }, warnings: { disk: expect.stringContaining("below DISK_MIN_FREE_MB=1000000000") } });
  const page = await env.page("/#/");
  const banner = page.getByTestId("disk-low-payment");
  await banner.waitFor({ timeout: 10_000 });
  // the free space as read a moment later: other processes write to the same disk meanwhile
  const [, freeShown] = (await banner.textContent())!.match(/^決済サービスのディスクの空きが残り ([\d,]+) MB です（警告の基準 DISK_MIN_FREE_MB=1,000,000,000）。いっぱいになると新しい決済と返金ができなくなります。不要なファイルを消すか、ディスクを広げてください。$/)!;
  expect(Math.abs(Number(freeShown!.replaceAll(",", "")) - health.disk.free_mb)).toBeLessThan(1024);
  expect(await page.locator('.health li[data-service="payment"]').textContent()).toBe("決済サービス：稼働中（ディスク残り少）");
  expect(await page.locator('.health li[data-service="order"]').textContent()).toBe("注文サービス：稼働中"); // its disk is the same, its bar the default
  expect(await page.getByTestId("disk-low-order").count()).toBe(0);
  await shot(page, "disk-low");
  await page.goto(`${env.origin}/#/payments`);
  await page.getByRole("heading", { name: "決済" }).waitFor();
  await banner.waitFor(); // on every page, as a stopped service is
});
