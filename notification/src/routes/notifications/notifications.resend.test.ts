import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { startSmtpSink } from "@platform/shared/testing/smtp-sink";
import { waitFor } from "@platform/shared/testing/service-process";
import { sampleVariables } from "../../templates/catalog";
import { testNotificationService } from "../../test-service";

// A customer who did not receive a mail, or gave a wrong address: the operator sends it again.
const smtp = await startSmtpSink();
let service: Awaited<ReturnType<typeof testNotificationService>>;
beforeAll(async () => (service = await testNotificationService({ SMTP_URL: smtp.url })));
afterAll(async () => {
  await service.stop();
  await smtp.close();
});

const get = async (id: string) => (await service.request("GET", `/api/v1/notifications/${id}`)).json();
const received = (id: string) => smtp.received.filter((mail) => mail.parsed.messageId === `<${id}@order-platform>`);
async function sentMail(recipient = "taro@exmaple.jp") {
  const response = await service.request("POST", "/api/v1/notifications", {
    order_id: "ord_resend_1", channel: "EMAIL", template: "ORDER_CONFIRMATION", recipient, variables: { ...sampleVariables, order_id: "ord_resend_1" },
  });
  const { id } = await response.json();
  await waitFor("SENT", async () => (await get(id)).status === "SENT");
  return id as string;
}

describe("POST /api/v1/notifications/{id}/resend", () => {
  test("to a corrected address: a new notification with the same content arrives there; the first is kept as it was", async () => {
    const first = await sentMail();
    const response = await service.request("POST", `/api/v1/notifications/${first}/resend`, { recipient: "taro@example.jp" });
    expect(response.status).toBe(202);
    const copy = await response.json();
    expect(copy).toMatchObject({ order_id: "ord_resend_1", template: "ORDER_CONFIRMATION", channel: "EMAIL", recipient: "taro@example.jp", status: "PENDING", attempts: 0 });
    expect(copy.id).not.toBe(first);
    expect(response.headers.get("Location")).toBe(`/api/v1/notifications/${copy.id}`);
    const [mail] = await waitFor("the mail at the corrected address", () => received(copy.id).length === 1 && received(copy.id));
    const original = await get(first);
    expect(mail!.parsed.to).toMatchObject({ value: [{ address: "taro@example.jp" }] });
    expect(mail!.parsed.subject).toBe(original.subject);
    expect(mail!.parsed.text?.trim()).toBe(original.body.trim());
    expect(original).toMatchObject({ status: "SENT", recipient: "taro@exmaple.jp" });
    const ofOrder = await (await service.request("GET", "/api/v1/notifications/order/ord_resend_1")).json();
    expect(ofOrder.map((n: { id: string }) => n.id)).toEqual([first, copy.id]);
  });

  test("without a body, to the same recipient", async () => {
    const first = await sentMail("hanako@example.jp");
    const copy = await (await service.request("POST", `/api/v1/notifications/${first}/resend`)).json();
    await waitFor("the second mail", () => received(copy.id).length === 1);
    expect(received(copy.id)[0]!.parsed.to).toMatchObject({ value: [{ address: "hanako@example.jp" }] });
  });

  test("a recipient that does not fit the channel is a 422 and nothing is queued; an unknown notification a 404", async () => {
    const first = await sentMail("jiro@example.jp");
    const before = (await (await service.request("GET", "/api/v1/notifications?limit=1")).json()).total;
    const refused = await service.request("POST", `/api/v1/notifications/${first}/resend`, { recipient: "+819012345678" });
    expect(refused.status).toBe(422);
    expect((await refused.json()).errors).toEqual([{ path: "recipient", message: "must be an e-mail address for EMAIL" }]);
    expect((await (await service.request("GET", "/api/v1/notifications?limit=1")).json()).total).toBe(before);
    expect((await service.request("POST", "/api/v1/notifications/ntf_unknown/resend")).status).toBe(404);
  });
});
