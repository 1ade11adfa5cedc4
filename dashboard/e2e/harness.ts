import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { freePort, waitFor } from "@platform/shared/testing/service-process";
import { startStack } from "@platform/shared/testing/stack";

export const screenshots = join(import.meta.dir, "../../test-output/screenshots");
export const shot = (page: Page, name: string) => page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });

/** The file a click downloads: the name the browser saves it under, and its text. */
export async function downloaded(page: Page, click: () => Promise<void>) {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, "utf8") };
}

/** The three services, the dashboard server and Debian's Chromium, as a person would use them. */
export async function startDashboardStack(env: { all?: Record<string, string>; payment?: Record<string, string> } = {}) {
  const port = freePort();
  const origin = `http://127.0.0.1:${port}`;
  const stack = await startStack({
    all: { DASHBOARD_ORIGIN: origin, ...env.all },
    payment: { PAYMENT_GATEWAY_LATENCY_MS: "1200", PAYMENT_SYNC_WAIT_MS: "0", ...env.payment },
  });
  const server = Bun.spawn(["bun", join(import.meta.dir, "../serve.ts")], {
    env: { ...process.env, ...env.all, DASHBOARD_PORT: String(port), ...stack.urls }, stdout: "ignore", stderr: "inherit",
  });
  await waitFor("the dashboard", async () => (await fetch(`${origin}/config.js`)).ok, 30_000);
  const browser: Browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  mkdirSync(screenshots, { recursive: true });
  return {
    stack, origin, browser,
    async page(path = "/#/"): Promise<Page> {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "ja-JP" });
      await page.goto(`${origin}${path}`);
      return page;
    },
    async stop() {
      await browser.close();
      server.kill();
      await stack.stop();
    },
  };
}

export function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].filter(Boolean) as string[];
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error("The dashboard tests drive Chromium and none was found: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.");
  return found;
}

/** Every input and select on the page has a label a screen reader announces. */
export async function unlabelledControls(page: Page) {
  // runs in the page: written as a string because this project has no DOM types
  return page.evaluate<string[]>(`[...document.querySelectorAll("input, select, textarea")]
    .filter((el) => !el.labels?.length && !el.getAttribute("aria-label") && !el.getAttribute("aria-labelledby"))
    .map((el) => el.outerHTML)`);
}
