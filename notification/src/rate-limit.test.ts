import { expect, test } from "bun:test";
import { waitFor } from "@platform/shared/testing/service-process";
import { sampleVariables } from "./templates/catalog";
import { testNotificationService } from "./test-service";

test("50 queued notifications are sent at most NOTIFICATION_RATE_PER_SEC (10) in any one-second window", async () => {
  const service = await testNotificationService({ NOTIFICATION_CONCURRENCY: "8" });
  try {
    const batch = Array.from({ length: 50 }, (_, i) => service.request("POST", "/api/v1/notifications", {
      order_id: `ord_rate_${i}`, channel: i % 2 ? "SMS" : "EMAIL", template: "ORDER_CONFIRMATION",
      recipient: i % 2 ? "+819012345678" : "taro@example.jp", variables: sampleVariables,
    }));
    expect((await Promise.all(batch)).every((r) => r.status === 202)).toBe(true);
    const sent = await waitFor("all 50 sent", async () => {
      const page = await (await service.request("GET", "/api/v1/notifications?status=SENT&limit=100")).json();
      return page.total === 50 && page.items;
    }, 15_000);
    const times = sent.map((n: { sent_at: string }) => Date.parse(n.sent_at)).sort((a: number, b: number) => a - b);
    const busiest = Math.max(...times.map((t: number) => times.filter((u: number) => u >= t && u < t + 1000).length));
    expect(busiest).toBe(10); // the limit is reached, never passed
  } finally {
    await service.stop();
  }
}, 30_000);
