import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { waitFor } from "./testing/service-process";
import { anOrder, startStack } from "./testing/stack";

let stack: Awaited<ReturnType<typeof startStack>>;
beforeAll(async () => (stack = await startStack()), 60_000);
afterAll(() => stack.stop());

const scrape = async (url: string) => {
  const response = await fetch(`${url}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get("Content-Type")).toBe("text/plain; version=0.0.4; charset=utf-8"); // Prometheus's text format
  return response.text();
};
/** The value of one series, by its name and labels as Prometheus prints them. */
const value = (text: string, series: string) => Number(new RegExp(`^${series.replace(/[{}()[\].+*?^$|\\]/g, "\\$&")} (\\S+)$`, "m").exec(text)?.[1]);

describe("GET /metrics on each service, for Prometheus", () => {
  test("each service's counts by status, every status listed, after an order went through all three", async () => {
    const { body: order } = await stack.call("POST", "/api/v1/orders", anOrder("計測 太郎"));
    await waitFor("the order paid and its mail sent", async () => (await stack.call("GET", `/api/v1/orders/${order.id}`)).body.status === "PAID" && stack.mailsFor(order.id).length === 1, 20_000);
    await waitFor("the outboxes delivered", async () => value(await scrape(stack.order.url), 'outbox_messages{status="PENDING",service="order"}') === 0
      && value(await scrape(stack.payment.url), 'outbox_messages{status="PENDING",service="payment"}') === 0, 10_000);
    const order_ = await scrape(stack.order.url);
    expect(value(order_, 'orders{status="PAID",service="order"}')).toBe(1);
    expect(value(order_, 'orders{status="CANCELLED",service="order"}')).toBe(0); // a status no order has, for alerts and graphs
    expect(value(order_, 'outbox_messages{status="DELIVERED",service="order"}')).toBeGreaterThanOrEqual(2); // the payment request and the mail
    expect(value(order_, 'outbox_messages{status="DEAD",service="order"}')).toBe(0);
    const payment = await scrape(stack.payment.url);
    expect(value(payment, 'payments{status="COMPLETED",service="payment"}')).toBe(1);
    expect(value(payment, 'outbox_messages{status="DELIVERED",service="payment"}')).toBeGreaterThanOrEqual(1); // the webhook
    const notification = await waitFor("the mail counted as sent", async () => {
      const text = await scrape(stack.notification.url);
      return value(text, 'notifications{status="SENT",service="notification"}') === 1 && text;
    });
    expect(value(notification, 'notifications{status="PENDING",service="notification"}')).toBe(0);
  }, 60_000);

  test("requests by method, route pattern and status, with their durations; an unknown path is one series, not one per path", async () => {
    await stack.call("GET", "/api/v1/orders/ord_missing_1");
    await stack.call("GET", "/api/v1/orders/ord_missing_2");
    for (const path of ["/no/such/path/1", "/no/such/path/2"]) await fetch(`${stack.order.url}${path}`);
    const text = await scrape(stack.order.url);
    expect(value(text, 'http_request_duration_seconds_count{service="order",method="GET",route="/api/v1/orders/:id",status="404"}')).toBe(2);
    expect(value(text, 'http_request_duration_seconds_count{service="order",method="GET",route="/*",status="404"}')).toBe(2);
    expect(value(text, 'http_request_duration_seconds_count{service="order",method="POST",route="/api/v1/orders",status="201"}')).toBeGreaterThanOrEqual(1);
    expect(value(text, 'http_request_duration_seconds_bucket{le="10",service="order",method="POST",route="/api/v1/orders",status="201"}')).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain("ord_missing");
    expect(value(text, 'process_resident_memory_bytes{service="order"}')).toBeGreaterThan(0);
    expect(value(text, 'process_cpu_seconds_total{service="order"}')).toBeGreaterThan(0);
  }, 30_000);

  test("how late the event loop ran since the last scrape: a process held still for 400 ms shows it in the next scrape, and only that one", async () => {
    await scrape(stack.payment.url); // a window starts
    process.kill(stack.payment.pid, "SIGSTOP");
    await Bun.sleep(400);
    process.kill(stack.payment.pid, "SIGCONT");
    await Bun.sleep(100); // its timers run, late
    const text = await scrape(stack.payment.url);
    expect(value(text, 'nodejs_eventloop_lag_max_seconds{service="payment"}')).toBeGreaterThan(0.3);
    expect(value(text, 'nodejs_eventloop_lag_mean_seconds{service="payment"}')).toBeGreaterThan(0);
    expect(value(text, 'nodejs_eventloop_lag_p99_seconds{service="payment"}')).toBeGreaterThan(0);
    expect(value(await scrape(stack.payment.url), 'nodejs_eventloop_lag_max_seconds{service="payment"}')).toBeLessThan(0.3); // that window is over
  }, 30_000);
});
