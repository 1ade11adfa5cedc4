import { createRoute, z } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import { monitorEventLoopDelay } from "node:perf_hooks";
// prom-client's metric classes one file each: its index also loads its cluster aggregator,
// pushgateway client and default metrics, which took a process's RSS 7.6 MB higher (measured)
import Counter from "prom-client/lib/counter";
import Gauge from "prom-client/lib/gauge";
import Histogram from "prom-client/lib/histogram";
import Registry from "prom-client/lib/registry";
import type { Disk } from "./disk-space";

/**
 * What a service counts by status at each scrape (its orders, payments, notifications, outbox
 * messages): the metric's name and help, every status it may have, and how to read the counts.
 */
export type StatusCounts = Record<string, { help: string; statuses: readonly string[]; read: () => Promise<Partial<Record<string, number>>> }>;

/**
 * Prometheus metrics for a service (prom-client): every request's duration by method, route
 * pattern and status (its _count is the number of requests), the process's CPU, memory and event
 * loop delay, and the service's own counts by status, read from its database when scraped.
 */
export function serviceMetrics(service: string, counts: StatusCounts, disk?: Disk) {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  const registers = [registry];
  const requests = new Histogram({
    name: "http_request_duration_seconds", help: "Duration of HTTP requests in seconds", labelNames: ["method", "route", "status"], registers,
    // from a cached read (about a millisecond) to a slow dependency (the order form waits at most a second or two)
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  });
  let cpuSeen = 0;
  new Counter({
    name: "process_cpu_seconds_total", help: "CPU time the process spent, user and system, in seconds", registers,
    collect() {
      const { user, system } = process.cpuUsage();
      this.inc((user + system) / 1e6 - cpuSeen);
      cpuSeen = (user + system) / 1e6;
    },
  });
  new Gauge({ name: "process_resident_memory_bytes", help: "Resident memory size in bytes", registers, collect() { this.set(process.memoryUsage().rss); } });
  new Gauge({ name: "process_heap_used_bytes", help: "JavaScript heap in use, in bytes", registers, collect() { this.set(process.memoryUsage().heapUsed); } });
  if (disk) new Gauge({ name: "disk_free_bytes", help: "Free space on the disk of the service's database file, in bytes", registers, async collect() { this.set(await disk.free()); } });
  new Gauge({ name: "process_start_time_seconds", help: "When the process started, in seconds since the epoch", registers }).set(Math.round(Date.now() / 1000 - process.uptime()));
  // how late the event loop ran a timer due every 50 ms, since the last scrape: a request, a commit or a
  // collection that holds the loop delays every other request by as much (the names prom-client's
  // default metrics use). A hold of 50 ms or more always shows; a shorter one, by chance. Every 10 ms
  // (prom-client's default) doubled an idle service's CPU, 9–10 ms a second to 17–18; every 50 ms
  // costs at most 2 ms a second more, measured over 10 s twice each.
  const delay = monitorEventLoopDelay({ resolution: 50 });
  delay.enable();
  const lag = (name: string, help: string, read: () => number) => new Gauge({ name, help, registers, collect() { this.set(delay.count ? read() / 1e9 : 0); } });
  lag("nodejs_eventloop_lag_mean_seconds", "Mean event loop delay since the last scrape, in seconds", () => delay.mean);
  lag("nodejs_eventloop_lag_p99_seconds", "99th percentile of the event loop delay since the last scrape, in seconds", () => delay.percentile(99));
  lag("nodejs_eventloop_lag_max_seconds", "Longest event loop delay since the last scrape, in seconds", () => delay.max);
  for (const [name, { help, statuses, read }] of Object.entries(counts)) {
    new Gauge({
      name, help, labelNames: ["status"], registers,
      async collect() {
        const now = await read();
        for (const status of statuses) this.set({ status }, now[status] ?? 0); // every status, 0 included, for alerts and graphs
      },
    });
  }

  /** Times every request; the route is its pattern (/api/v1/orders/:id), so ids make no series of their own. */
  const measure: MiddlewareHandler = async (c, next) => {
    const end = requests.startTimer();
    try {
      await next();
    } finally {
      end({ method: c.req.method, route: c.req.routePath, status: c.res.status });
    }
  };
  const print = async (c: Context) => {
    const text = await registry.metrics();
    delay.reset(); // each scrape reports the delays since the one before
    return c.text(text, 200, { "Content-Type": registry.contentType });
  };
  return { measure, print };
}

export const metricsRoute = (service: string) => createRoute({
  method: "get",
  path: "/metrics",
  tags: ["health"],
  summary: `The ${service} service's metrics, for Prometheus to scrape`,
  description: "http_request_duration_seconds by method, route pattern and status (its _count is the number of requests); the process's CPU time, resident memory, heap in use and start time; how late its event loop ran since the last scrape (nodejs_eventloop_lag_mean_seconds, _p99_seconds, _max_seconds); the free space on the disk of the service's database file (disk_free_bytes, for a local file); and the service's counts by status (orders, payments, notifications, outbox messages), read when scraped, every status listed. Every series has the label service. Open like /health, also when the service runs with API_TOKEN.",
  responses: { 200: { description: "The Prometheus text format", content: { "text/plain": { schema: z.string().openapi({ example: 'orders{status="PAID",service="order"} 42' }) } } } },
});
