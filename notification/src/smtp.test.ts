import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { startSmtpSink } from "@platform/shared/testing/smtp-sink";
import { waitFor } from "@platform/shared/testing/service-process";
import { sampleVariables } from "./templates/catalog";
import { testNotificationService } from "./test-service";

const smtp = await startSmtpSink();
let service: Awaited<ReturnType<typeof testNotificationService>>;
beforeAll(async () => {
  service = await testNotificationService({
    SMTP_URL: smtp.url, SHOP_NAME: "抹茶堂", MAIL_FROM: '"抹茶堂 お客様窓口" <shop@matcha.example.jp>',
    NOTIFICATION_MAX_ATTEMPTS: "3", NOTIFICATION_RETRY_BASE_MS: "200",
  });
});
afterAll(async () => {
  await service.stop();
  await smtp.close();
});

const queue = async (orderId: string, variables: Record<string, unknown> = {}, recipient = "taro@example.jp") => {
  const response = await service.request("POST", "/api/v1/notifications", {
    order_id: orderId, channel: "EMAIL", template: "ORDER_CONFIRMATION", recipient,
    variables: { ...sampleVariables, order_id: orderId, ...variables },
  });
  expect(response.status).toBe(202);
  return (await response.json()).id as string;
};
const statusOf = async (id: string) => (await (await service.request("GET", `/api/v1/notifications/${id}`)).json());
const mailFor = (id: string) => smtp.received.filter((mail) => mail.parsed.messageId === `<${id}@order-platform>`);

describe("e-mail through a real SMTP server", () => {
  test("the Japanese subject, sender and body arrive decoded; customer data is escaped in the HTML part", async () => {
    const id = await queue("ord_smtp_1", { customer_name: `<img src=x onerror=alert(1)> 山田` });
    await waitFor("the mail", () => mailFor(id).length === 1);
    const { parsed, raw } = mailFor(id)[0]!;
    expect(parsed.subject).toBe("【抹茶堂】ご注文ありがとうございます（ご注文番号：ord_smtp_1）");
    expect(parsed.from?.value).toEqual([{ name: "抹茶堂 お客様窓口", address: "shop@matcha.example.jp" }]);
    expect(parsed.text).toContain("<img src=x onerror=alert(1)> 山田 様");
    expect(parsed.text).toContain("・宇治抹茶セット ※\n　¥3,200 × 2点　小計 ¥6,400");
    expect(parsed.html).toContain("&lt;img src=x onerror=alert(1)&gt; 山田 様");
    expect(parsed.html).not.toContain("<img");
    expect(raw).toMatch(/^Subject: =\?UTF-8\?B\?/m); // MIME-encoded, not raw UTF-8 in the header
    expect((await statusOf(id)).status).toBe("SENT");
  });

  test("a name with CR/LF cannot add a header", async () => {
    const id = await queue("ord_smtp_2", { customer_name: "太郎\r\nBcc: victim@example.com" });
    await waitFor("the mail", () => mailFor(id).length === 1);
    const { parsed } = mailFor(id)[0]!;
    expect(parsed.headers.has("bcc")).toBe(false);
    expect(parsed.bcc).toBeUndefined();
  });

  test("a server that refuses for a while, then accepts: retried with backoff and SENT", async () => {
    smtp.refuse(true);
    const id = await queue("ord_smtp_refused");
    await waitFor("a failed attempt", async () => (await statusOf(id)).attempts >= 1 && (await statusOf(id)).error);
    expect((await statusOf(id)).status).toBe("PENDING");
    smtp.refuse(false);
    await waitFor("sent after the server came back", async () => (await statusOf(id)).status === "SENT", 10_000);
    expect(mailFor(id)).toHaveLength(1);
  });

  test("a server that never accepts: FAILED after the attempt limit; retried by the API and SENT once it is back", async () => {
    smtp.refuse(true);
    const id = await queue("ord_smtp_failed");
    await waitFor("FAILED", async () => (await statusOf(id)).status === "FAILED", 10_000);
    const failed = await statusOf(id);
    expect(failed.attempts).toBe(3);
    expect(failed.error).toContain("451");
    smtp.refuse(false);
    const retried = await service.request("POST", `/api/v1/notifications/${id}/retry`);
    expect(retried.status).toBe(202);
    expect((await retried.json()).status).toBe("PENDING");
    await waitFor("SENT after the manual retry", async () => (await statusOf(id)).status === "SENT");
    const history = await (await service.request("GET", `/api/v1/notifications/${id}/attempts`)).json();
    expect(history.map((a: { outcome: string }) => a.outcome)).toEqual(["FAILED", "FAILED", "FAILED", "SENT"]);
    expect(mailFor(id)).toHaveLength(1);
  }, 20_000);

  test("a recipient the server refuses for good (550 no such user): FAILED at the first attempt with the server's words, and SENT once resent to the corrected address", async () => {
    smtp.noSuchUser("tato@example.jp");
    const id = await queue("ord_smtp_no_user", {}, "tato@example.jp");
    await waitFor("FAILED", async () => (await statusOf(id)).status === "FAILED", 10_000);
    const failed = await statusOf(id);
    expect(failed.attempts).toBe(1); // not tried again: another try would be refused the same way
    expect(failed.error).toContain("550 5.1.1 no such user here");
    const resent = await service.request("POST", `/api/v1/notifications/${id}/resend`, { recipient: "taro@example.jp" });
    const again = (await resent.json()).id;
    await waitFor("SENT to the corrected address", async () => (await statusOf(again)).status === "SENT");
    expect(mailFor(again)).toHaveLength(1);
    expect(mailFor(id)).toHaveLength(0);
  });
});
