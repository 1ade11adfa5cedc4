import { afterAll, beforeAll, expect, test } from "bun:test";
import { chromium, type Browser } from "playwright-core";
import { startStack, type Stack } from "@platform/shared/testing/stack";
import { chromiumPath } from "./harness";

// The API reference of each service in Chromium, with every request that would leave this machine refused.
let stack: Stack;
let browser: Browser;
beforeAll(async () => {
  stack = await startStack();
  browser = await chromium.launch({ executablePath: chromiumPath(), args: ["--no-sandbox", "--disable-gpu"] });
}, 60_000);
afterAll(async () => {
  await browser.close();
  await stack.stop();
});

for (const service of ["order", "payment", "notification"] as const) {
  test(`GET /docs of the ${service} service renders its reference without internet access`, async () => {
    const page = await browser.newPage();
    const leaving: string[] = [];
    await page.route("**/*", (route) => {
      if (new URL(route.request().url()).hostname === "127.0.0.1") return route.continue();
      leaving.push(route.request().url());
      return route.abort();
    });
    await page.goto(`${stack[service].url}/docs`);
    await page.getByRole("heading", { name: `${service} service`, exact: true }).waitFor({ timeout: 20_000 });
    await page.getByText("GET /health").first().waitFor();
    expect(leaving).toEqual([]);
    await page.close();
  }, 60_000);
}
