import { expect, test } from "bun:test";
import { join } from "node:path";
import { parse } from "yaml";
import { serviceProcessEnv } from "./process-env";

// There is no Docker engine here, so the file is checked for what `docker compose` would rely on.
const compose = parse(await Bun.file(join(import.meta.dir, "../../compose.yaml")).text(), { merge: true });
const expected: Record<string, number> = { order: 8000, payment: 8001, notification: 8002 };

test("compose.yaml runs each service on its port, with its own data volume and a health check", () => {
  for (const [name, port] of Object.entries(expected)) {
    const service = compose.services[name];
    expect(service).toBeDefined();
    expect(service.command).toEqual(["bun", `${name}/src/index.ts`]);
    expect(service.ports).toContain(`${port}:${port}`);
    expect(service.environment).toMatchObject({ PORT: String(port), HOST: "0.0.0.0", DATA_DIR: "/data" });
    expect(service.volumes).toContain(`${name}-data:/data`);
    expect(service.healthcheck.test.join(" ")).toContain(`:${port}/health`);
    expect(compose.volumes).toHaveProperty(`${name}-data`);
  }
});

test("compose.yaml points the services at each other by service name", () => {
  for (const name of Object.keys(expected)) {
    expect(compose.services[name].environment).toMatchObject({
      ORDER_SERVICE_URL: "http://order:8000", PAYMENT_SERVICE_URL: "http://payment:8001", NOTIFICATION_SERVICE_URL: "http://notification:8002",
    });
  }
});

test("compose.yaml serves the dashboard on 5173, pointing the browser at the published service ports", () => {
  const dashboard = compose.services.dashboard;
  expect(dashboard.command).toEqual(["bun", "dashboard/serve.ts"]);
  expect(dashboard.ports).toContain("5173:5173");
  expect(dashboard.environment).toMatchObject({ DASHBOARD_PORT: "5173", ORDER_SERVICE_URL: "http://localhost:8000" });
  for (const name of Object.keys(expected)) expect(compose.services[name].ports).toContain(`${expected[name]}:${expected[name]}`);
});

test("compose.yaml runs the stack as bun run start does: payment events to the Order Service in batches, the heap sized as the process env says", () => {
  expect(compose.services.payment.environment.WEBHOOK_BATCH_MAX).toBe("100");
  for (const name of Object.keys(expected)) expect(compose.services[name].environment).toMatchObject(serviceProcessEnv);
});

test("compose.yaml gives the mails and the packing slips one shop name and registration number, and Prometheus scrapes each service's /metrics", () => {
  for (const name of [...Object.keys(expected), "dashboard"]) {
    expect(compose.services[name].environment).toMatchObject({ SHOP_NAME: "${SHOP_NAME:-}", INVOICE_REGISTRATION_NUMBER: "${INVOICE_REGISTRATION_NUMBER:-}" });
  }
  const prometheus = compose.services.prometheus;
  expect(prometheus.configs).toEqual([{ source: "prometheus", target: "/etc/prometheus/prometheus.yml" }]);
  expect(prometheus.ports).toContain("9090:9090");
  const config = parse(compose.configs.prometheus.content);
  const [job] = config.scrape_configs;
  expect(job.metrics_path ?? "/metrics").toBe("/metrics"); // the route every service serves (shared/src/metrics.ts)
  expect(job.static_configs[0].targets).toEqual(Object.entries(expected).map(([name, port]) => `${name}:${port}`));
});
