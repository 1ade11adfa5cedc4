import { afterAll, beforeAll, expect, test } from "bun:test";
import { waitFor } from "@platform/shared/testing/service-process";
import { anOrder } from "@platform/shared/testing/stack";
import { shot, startDashboardStack, unlabelledControls } from "./harness";

// Messages between the services give up after OUTBOX_MAX_AGE_MS, here one second: the Notification
// Service is down long enough for an order's confirmation mail to be dead-lettered, and operations
// find it on the overview and send it again once the service is back.
let env: Awaited<ReturnType<typeof startDashboardStack>>;
beforeAll(async () => (env = await startDashboardStack({ all: { OUTBOX_MAX_AGE_MS: "1000" } })), 60_000);
afterAll(() => env.stop());

const deadInOrderService = async () => (await (await fetch(`${env.stack.order.url}/api/v1/outbox?status=DEAD`)).json()) as { total: number; items: { id: string; kind: string }[] };

test("a mail the Notification Service never got is listed on the overview with its order and error, and sent once when operations resend it", async () => {
  const page = await env.page("/#/");
  await page.getByTestId("attention").getByText("サービス間で届かなかった連絡：0 件").waitFor({ timeout: 10_000 });
  expect(await page.getByTestId("dead-messages").count()).toBe(0); // nothing to show, no table

  await env.stack.notification.stop();
  const order = (await env.stack.call("POST", "/api/v1/orders", anOrder("届かず 三郎"))).body;
  await waitFor("the mail request dead-lettered", async () => (await deadInOrderService()).total === 1, 20_000);
  const [message] = (await deadInOrderService()).items;
  expect(message!.kind).toBe("notification.request");
  await env.stack.notification.restart();

  await page.getByTestId("attention").getByText("サービス間で届かなかった連絡：1 件").waitFor({ timeout: 15_000 });
  const row = page.locator(`[data-testid="dead-messages"] tr[data-message="${message!.id}"]`);
  const cells = await row.locator("td").allTextContents();
  expect(cells.slice(1, 4)).toEqual(["メール送信の依頼（注文 → 通知）", order.id, expect.stringMatching(/^\d+$/)]);
  expect(cells[4]).not.toBe("—"); // why it failed, as the relay last heard it
  expect(await unlabelledControls(page)).toEqual([]);
  await shot(page, "overview-dead-messages");

  await row.getByRole("button", { name: "再送" }).click();
  await page.getByText("再送しました。").waitFor();
  await waitFor("the confirmation mail", () => env.stack.mailsFor(order.id, "ご注文ありがとうございます").length === 1, 20_000);
  await page.getByTestId("attention").getByText("サービス間で届かなかった連絡：0 件").waitFor({ timeout: 15_000 });
  expect(await page.getByTestId("dead-messages").count()).toBe(0);
  await Bun.sleep(1_000); // a second send would have arrived by now
  expect(env.stack.mailsFor(order.id, "ご注文ありがとうございます")).toHaveLength(1);
  await page.close();
}, 90_000);
