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

test("with Prefer: return=minimal each queued notification is answered by its id alone (RFC 7240)", async () => {
  const response = await service.request("POST", "/api/v1/notifications/batch", { notifications: [mail("ord_nb_min_1"), mail("ord_nb_min_2", { recipient: "x" })] }, { Prefer: "return=minimal" });
  expect(response.status).toBe(202);
  expect(response.headers.get("Preference-Applied")).toBe("return=minimal");
  const { results } = await response.json();
  expect(results[0]).toEqual({ status: 202, id: expect.stringMatching(/^ntf_/) });
  expect(results[1]).toMatchObject({ status: 422, error: { errors: [{ path: "recipient" }] } });
  const stored = await (await service.request("GET", `/api/v1/notifications/${results[0].id}`)).json();
  expect(stored).toMatchObject({ order_id: "ord_nb_min_1", subject: expect.any(String) });

  // without it, the whole notification as before, and no Preference-Applied
  const full = await service.request("POST", "/api/v1/notifications/batch", { notifications: [mail("ord_nb_min_3")] });
  expect(full.headers.get("Preference-Applied")).toBeNull();
  const [result] = (await full.json()).results;
  expect(result.notification).toMatchObject({ id: result.id, order_id: "ord_nb_min_3", html: expect.stringContaining("<") });
});
