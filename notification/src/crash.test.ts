import { afterAll, expect, test } from "bun:test";
import { startService, waitFor } from "@platform/shared/testing/service-process";
import { startSmtpSink } from "@platform/shared/testing/smtp-sink";
import { sampleVariables } from "./templates/catalog";

const smtp = await startSmtpSink();
afterAll(() => smtp.close());

test("killed with SIGKILL mid-queue of 100: after restart every one is SENT and the SMTP server saw no duplicates", async () => {
  // One send at a time, so the mail held below is the only one in flight when the process dies. With
  // NOTIFICATION_CONCURRENCY=N, up to N mails can be in flight; each is sent again at most once (README).
  const service = await startService("notification", { SMTP_URL: smtp.url, NOTIFICATION_RATE_PER_SEC: "50", NOTIFICATION_CONCURRENCY: "1" });
  const ids: string[] = [];
  for (let i = 0; i < 100; i++) {
    const response = await fetch(`${service.url}/api/v1/notifications`, {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ order_id: `ord_kill_${i}`, channel: "EMAIL", template: "ORDER_CONFIRMATION", recipient: `c${i}@example.jp`, variables: sampleVariables }),
    });
    expect(response.status).toBe(202);
    ids.push((await response.json()).id);
  }
  await waitFor("some mail through", () => smtp.received.length >= 20);
  // Hold the next mail's answer, so the process dies with that mail in flight.
  await smtp.holdNextMessage();
  await service.kill9();
  await smtp.releaseAfterDisconnect();
  const beforeRestart = smtp.received.length;
  expect(beforeRestart).toBeLessThan(100);

  await service.restart();
  try {
    await waitFor("all 100 SENT", async () => (await (await fetch(`${service.url}/api/v1/notifications/stats`)).json()).sent === 100, 30_000);
    const received = smtp.messageIds();
    expect(received).toHaveLength(100);
    expect(new Set(received)).toEqual(new Set(ids.map((id) => `<${id}@order-platform>`)));
    const interrupted = (await Promise.all(ids.map(async (id) => (await fetch(`${service.url}/api/v1/notifications/${id}/attempts`)).json())))
      .filter((attempts) => attempts.some((a: { outcome: string }) => a.outcome === "INTERRUPTED"));
    expect(interrupted).toHaveLength(1); // the one in flight, sent again once after the restart
    expect(interrupted[0].map((a: { outcome: string }) => a.outcome)).toEqual(["INTERRUPTED", "SENT"]);
  } finally {
    await service.stop();
  }
}, 60_000);
