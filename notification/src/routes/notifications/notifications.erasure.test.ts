import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { ERASED } from "@platform/shared/erasure";
import { startSmtpSink } from "@platform/shared/testing/smtp-sink";
import { waitFor } from "@platform/shared/testing/service-process";
import { sampleVariables } from "../../templates/catalog";
import { testNotificationService } from "../../test-service";

// A customer's erasure, as the Order Service asks for it: what was sent to them is forgotten, what was not yet sent never goes.
const smtp = await startSmtpSink();
let service: Awaited<ReturnType<typeof testNotificationService>>;
beforeAll(async () => (service = await testNotificationService({ SMTP_URL: smtp.url, NOTIFICATION_RETRY_BASE_MS: "300" })));
afterAll(async () => {
  await service.stop();
  await smtp.close();
});

const get = async (id: string) => (await service.request("GET", `/api/v1/notifications/${id}`)).json();
const queue = async (orderId: string, recipient: string) => {
  const response = await service.request("POST", "/api/v1/notifications", { order_id: orderId, channel: "EMAIL", template: "ORDER_CONFIRMATION", recipient, variables: { ...sampleVariables, order_id: orderId } });
  return (await response.json()).id as string;
};

describe("POST /api/v1/notifications/erasure", () => {
  test("a failed mail is erased and cannot be retried; one still queued is never sent; another order's is untouched; repeating erases nothing more", async () => {
    smtp.noSuchUser("bounced@example.jp");
    const failed = await queue("ord_erase_1", "bounced@example.jp");
    await waitFor("FAILED", async () => (await get(failed)).status === "FAILED");
    smtp.refuse(true); // 451: the next mail waits in the queue for another try
    const queued = await queue("ord_erase_2", "queued@example.jp");
    const kept = await queue("ord_keep", "kept@example.jp");
    await waitFor("a first try refused", async () => (await get(queued)).attempts >= 1);

    const response = await service.request("POST", "/api/v1/notifications/erasure", { order_ids: ["ord_erase_1", "ord_erase_2"] });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ erased: 2 });
    // an attempt under way as it was erased still meets the refusing server; then the server takes mail again
    const settled = await waitFor("no attempt under way", async () => {
      const list = await (await service.request("GET", `/api/v1/notifications/${queued}/attempts`)).json();
      return list.every((attempt: { outcome: string | null }) => attempt.outcome) && list;
    });
    smtp.refuse(false);

    expect(await get(failed)).toMatchObject({ status: "FAILED", recipient: ERASED, subject: ERASED, body: ERASED, html: ERASED, error: ERASED, erased_at: expect.any(String) });
    const attempts = await (await service.request("GET", `/api/v1/notifications/${failed}/attempts`)).json();
    expect(attempts.map((attempt: { error: string | null }) => attempt.error)).toEqual([ERASED]); // the server's refusal may have named the address
    expect((await service.request("POST", `/api/v1/notifications/${failed}/retry`)).status).toBe(409);
    expect(await get(queued)).toMatchObject({ status: "FAILED", recipient: ERASED, error: "Not sent: the customer's personal data was erased at their request." });

    await waitFor("the other order's mail sent", async () => (await get(kept)).status === "SENT");
    await Bun.sleep(1_000); // three of the queue's retry intervals: the erased one would have been tried again by now
    expect(await (await service.request("GET", `/api/v1/notifications/${queued}/attempts`)).json()).toHaveLength(settled.length);
    // the server's refusals are not kept in words, those before the erasure nor one that came back after it
    expect(settled.every((attempt: { error: string | null }) => attempt.error === ERASED)).toBe(true);
    expect(smtp.received.map((mail) => mail.parsed.to && !Array.isArray(mail.parsed.to) ? mail.parsed.to.value[0]!.address : "")).toEqual(["kept@example.jp"]);
    expect(await get(kept)).toMatchObject({ recipient: "kept@example.jp", erased_at: null });

    const again = await service.request("POST", "/api/v1/notifications/erasure", { order_ids: ["ord_erase_1", "ord_erase_2"] });
    expect(await again.json()).toEqual({ erased: 0 });
  }, 30_000);

  test("a body without orders, or with too many, is refused (422)", async () => {
    for (const order_ids of [[], Array.from({ length: 1001 }, (_, i) => `ord_${i}`)]) {
      const response = await service.request("POST", "/api/v1/notifications/erasure", { order_ids });
      expect(response.status).toBe(422);
    }
  });
});
