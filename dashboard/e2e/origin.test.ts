import { afterAll, beforeAll, expect, test } from "bun:test";
import { shot, startDashboardStack } from "./harness";

// The services allow another address than the one the dashboard is opened at (DASHBOARD_ORIGIN):
// the browser blocks every call, exactly as if the services were down, unless the page tells them apart.
let env: Awaited<ReturnType<typeof startDashboardStack>>;
beforeAll(async () => (env = await startDashboardStack({ all: { DASHBOARD_ORIGIN: "https://admin.shop.example.jp" } })), 60_000);
afterAll(() => env.stop());

test("a dashboard opened at an address the services do not allow says so and what to set, instead of calling them stopped", async () => {
  const page = await env.page("/#/");
  for (const service of ["order", "payment", "notification"]) {
    await page.locator(`.health li[data-service="${service}"][data-health="refused"]`).waitFor({ timeout: 10_000 });
  }
  const banner = page.getByTestId("origin-refused");
  await banner.waitFor();
  const text = await banner.textContent();
  expect(text).toContain("注文サービス・決済サービス・通知サービスがこの画面からの接続を拒否しています。");
  expect(text).toContain(`（${env.origin}）`);
  expect(text).toContain("DASHBOARD_ORIGIN");
  expect(await page.getByText("が停止しています。").count()).toBe(0);
  // nothing is counted as zero that could not be counted
  await page.getByTestId("attention").getByText("発送待ち（支払済）：— 件").waitFor();
  await page.getByTestId("attention").getByText("送信失敗の通知：— 件").waitFor();
  await shot(page, "origin-refused");

  // a service that is really down is still called stopped
  await env.stack.payment.stop();
  try {
    await page.locator('.health li[data-service="payment"][data-health="down"]').waitFor({ timeout: 10_000 });
    await page.getByText("決済サービスが停止しています。").first().waitFor();
    expect(await banner.textContent()).toContain("注文サービス・通知サービスがこの画面からの接続を拒否しています。");
  } finally {
    await env.stack.payment.restart();
  }
}, 60_000);
