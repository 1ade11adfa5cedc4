import { createRoute, z } from "@hono/zod-openapi";
import { prometheus } from "@hono/prometheus";
import { Gauge, Registry } from "prom-client";

/**
 * What a service counts by status at each scrape (its orders, payments, notifications, outbox
 * messages): the metric's name and help, and how to read the counts.
 */
export type StatusCounts = Record<string, { help: string; statuses: readonly string[]; read: () => Promise<Partial<Record<string, number>>> }>;

/**
 * Prometheus metrics for a service (prom-client, through @hono/prometheus): every request's
 * duration and count by method, route pattern and status, the process's CPU and memory, and the
 * service's own counts by status, read from its database when scraped.
 */
export function serviceMetrics(service: string, counts: StatusCounts) {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  for (const [name, { help, statuses, read }] of Object.entries(counts)) {
    new Gauge({
      name, help, labelNames: ["status"], registers: [registry],
      async collect() {
        const now = await read();
        for (const status of statuses) this.set({ status }, now[status] ?? 0); // every status, 0 included, for alerts and graphs
      },
    });
  }
  return prometheus({
    registry,
    collectDefaultMetrics: true,
    // from a cached read (about a millisecond) to a slow dependency (the order form waits at most a second or two)
    // (the package's type of these options, an Omit over a union, drops the histogram's buckets, which it does pass on)
    metricOptions: { requestDuration: { buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] } as object },
  });
}

export const metricsRoute = (service: string) => createRoute({
  method: "get",
  path: "/metrics",
  tags: ["health"],
  summary: `The ${service} service's metrics, for Prometheus to scrape`,
  description: "http_request_duration_seconds and http_requests_total by method, route and status; the process's CPU, memory and event loop (prom-client's default metrics); and the service's counts by status (orders, payments, notifications, outbox messages), read when scraped. Every series has the label service. Open like /health, also when the service runs with API_TOKEN.",
  responses: { 200: { description: "The Prometheus text format", content: { "text/plain": { schema: z.string().openapi({ example: 'orders{status="PAID",service="order"} 42' }) } } } },
});
