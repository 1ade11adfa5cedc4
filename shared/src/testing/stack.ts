import { freePort, startService, tempDir, type ServiceProcess } from "./service-process";
import { startSmtpSink } from "./smtp-sink";

export type Stack = Awaited<ReturnType<typeof startStack>>;

/**
 * The three services as real processes on free ports, wired to each other and to a real SMTP
 * server, each with its own data directory: the platform as `bun run start` runs it.
 */
export async function startStack(env: { all?: Record<string, string>; order?: Record<string, string>; payment?: Record<string, string>; notification?: Record<string, string> } = {}) {
  const smtp = await startSmtpSink();
  const ports = { order: freePort(), payment: freePort(), notification: freePort() };
  const urls = {
    ORDER_SERVICE_URL: `http://127.0.0.1:${ports.order}`,
    PAYMENT_SERVICE_URL: `http://127.0.0.1:${ports.payment}`,
    NOTIFICATION_SERVICE_URL: `http://127.0.0.1:${ports.notification}`,
    WEBHOOK_SECRET: "stack-test-webhook-secret-0123456789",
    WEBHOOK_BATCH_MAX: "100", // as bun run start and compose.yaml run it
  };
  const start = (name: keyof typeof ports, extra: Record<string, string> = {}) =>
    startService(name, { ...urls, PORT: String(ports[name]), DATA_DIR: tempDir(`${name}-`), ...env.all, ...extra });
  const notification = await start("notification", { SMTP_URL: smtp.url, NOTIFICATION_RATE_PER_SEC: "200", ...env.notification });
  const payment = await start("payment", env.payment);
  const order = await start("order", env.order);
  const services: ServiceProcess[] = [order, payment, notification];

  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${order.url}${path}`, {
      method, headers: body === undefined ? headers : { "Content-Type": "application/json", ...headers }, body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json().catch(() => undefined) };
  };

  return {
    smtp, order, payment, notification, urls,
    /** A request to the Order Service: status and parsed JSON. */
    call,
    /** The mails the SMTP server received for an order and template (the subject names the order). */
    mailsFor(orderId: string, subjectPart = "") {
      return smtp.received.filter((mail) => (mail.parsed.subject ?? "").includes(orderId) && (mail.parsed.subject ?? "").includes(subjectPart));
    },
    async stop() {
      await Promise.all(services.map((service) => service.stop()));
      await smtp.close();
    },
  };
}

export const anOrder = (name = "山田 太郎", items = [{ product_name: "抹茶セット", quantity: 2, unit_price: 1750 }]) => ({
  customer_name: name, customer_email: "taro@example.jp", items,
});
