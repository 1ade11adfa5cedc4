import { afterAll, beforeAll, expect, test } from "bun:test";
import { waitFor } from "@platform/shared/testing/service-process";
import { sampleVariables } from "../../templates/catalog";
import { testNotificationService } from "../../test-service";

let service: Awaited<ReturnType<typeof testNotificationService>>;
beforeAll(async () => (service = await testNotificationService({ NOTIFICATION_RATE_PER_SEC: "100" })));
afterAll(() => service.stop());

const mail = (orderId: string, extra: Record<string, unknown> = {}) => ({
  order_id: orderId, channel: "EMAIL", template: "ORDER_CONFIRMATION", recipient: "taro@example.jp", variables: { ...sampleVariables, order_id: orderId }, ...extra,
});

test("POST /api/v1/notifications/batch queues each valid one as one notification and reports each invalid one", async () => {
  const response = await service.request("POST", "/api/v1/notifications/batch", { notifications: [
    mail("ord_nb_1", { idempotency_key: "k1" }),
    mail("ord_nb_2", { recipient: "not-an-address" }),
    mail("ord_nb_3", { template: "NOPE" }),
    mail("ord_nb_4"),
  ] });
  expect(response.status).toBe(202);
  const { results } = await response.json();
  expect(results.map((r: { status: number }) => r.status)).toEqual([202, 422, 422, 202]);
  expect(results[1].error.errors).toEqual([{ path: "recipient", message: expect.stringContaining("e-mail") }]);
  expect(results[2].error.errors[0].path).toBe("template");
  await waitFor("both sent", async () => (await (await service.request("GET", "/api/v1/notifications/stats")).json()).sent === 2);
  const again = await (await service.request("POST", "/api/v1/notifications/batch", { notifications: [mail("ord_nb_1", { idempotency_key: "k1" })] })).json();
  expect(again.results[0].notification.id).toBe(results[0].notification.id);
  expect((await (await service.request("GET", "/api/v1/notifications")).json()).total).toBe(2);
});
