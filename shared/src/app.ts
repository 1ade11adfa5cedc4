import { OpenAPIHono } from "@hono/zod-openapi";
import "./zod-messages";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { requestId } from "hono/request-id";
import type { DatabaseSettings } from "./db";
import { diskOf } from "./disk-space";
import { mountDocs } from "./docs";
import { ApiError } from "./problem";
import { handleError, notFound, validationHook } from "./error-handler";
import { healthRoute, type HealthChecks } from "./health";
import { metricsRoute, serviceMetrics, type StatusCounts } from "./metrics";
import { requireBearerToken } from "./auth";
import { requireContentType } from "./content-type";
import { operatorHeader } from "./operator";
import type { Logger } from "./logger";

export type AppEnv = { Variables: { requestId: string; log: Logger; operator: string | undefined } };
export type App = OpenAPIHono<AppEnv>;

export type AppOptions = {
  service: string;
  version: string;
  description: string;
  logger: Logger;
  checks: HealthChecks;
  /** The service's counts by status, for /metrics. */
  counts?: StatusCounts;
  /** The settings every service has (shared/src/env.ts, commonEnv). */
  settings: { BODY_LIMIT_BYTES: number; DASHBOARD_ORIGIN: string[]; API_TOKEN?: string; DISK_MIN_FREE_MB: number } & DatabaseSettings;
  /** Paths under /api/v1 that authenticate themselves (the signed webhook). */
  publicPaths?: string[];
  /** Content types accepted besides JSON, by path prefix (the CSV import). */
  extraContentTypes?: Record<string, string[]>;
  /** Larger body limits by path prefix (the CSV import). */
  bodyLimits?: Record<string, number>;
};

/** What every route of every service takes, said once in each OpenAPI document. */
const COMMON_HEADERS = [
  "Headers every route takes:",
  "- `X-Request-Id`: taken from the caller or generated; returned on every response and written on every log line.",
  "- `X-Operator`: on a change (POST, PUT, PATCH, DELETE), the person making it, UTF-8 percent-encoded (1 to 50 characters, else 422); recorded where the service keeps who did what (an order's status history and notes, an import, a refund) and on the request's log lines.",
  "- `Authorization: Bearer <token>`: required on /api routes when the service runs with API_TOKEN.",
  "",
  "A body is JSON (`Content-Type: application/json`, else 415). An empty body counts as no body whatever its Content-Type, so a route whose body is optional (cancel, refund, resend) may be called with none.",
].join("\n");

/** The app every service is built on: request ids, logs, one error path, health, OpenAPI and docs. */
export function createApp(options: AppOptions): App {
  const { BODY_LIMIT_BYTES: bodyLimitBytes, DASHBOARD_ORIGIN: corsOrigin, API_TOKEN: apiToken } = options.settings;
  const app = new OpenAPIHono<AppEnv>({ strict: false, defaultHook: validationHook });
  const disk = diskOf(options.settings, options.service);
  const metrics = serviceMetrics(options.service, options.counts ?? {}, disk);
  app.use(metrics.measure);
  app.use(requestId({ headerName: "X-Request-Id", generator: () => crypto.randomUUID() }));
  app.use(async (c, next) => {
    const log = options.logger.child({ request_id: c.var.requestId });
    c.set("log", log);
    const started = performance.now();
    await next();
    const fields = { method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) };
    const done = c.var.log; // with the operator's name, once known
    // a 503 is a dependency that will be back (the database, another service), not a fault of this one
    if (c.res.status === 503) done.warn("request failed", fields);
    else if (c.res.status >= 500) done.error("request failed", fields);
    else done.debug("request", fields);
  });
  const allowDashboard = cors({ origin: corsOrigin, exposeHeaders: ["X-Request-Id", "Idempotent-Replayed", "Location", "Content-Disposition"], maxAge: 600 });
  app.use((c, next) => (c.req.header("Origin") ? allowDashboard(c, next) : next())); // CORS concerns browsers, which always send Origin
  app.use("/api/*", requireBearerToken(apiToken, options.publicPaths ?? []));
  // a change is recorded with who made it; a read records nothing, and skips the work (GET by id is the hottest route)
  app.on(["POST", "PUT", "PATCH", "DELETE"], "/api/*", operatorHeader());
  app.use("/api/*", requireContentType(options.extraContentTypes ?? {}));
  const limits = [...Object.entries(options.bodyLimits ?? {}), ["/api/", bodyLimitBytes] as const].map(([prefix, maxSize]) => ({
    prefix,
    check: bodyLimit({ maxSize, onError: () => {
      throw new ApiError("PAYLOAD_TOO_LARGE", `The request body is larger than ${maxSize} bytes.`);
    } }),
  }));
  app.use("/api/*", (c, next) => limits.find((limit) => c.req.path.startsWith(limit.prefix))!.check(c, next));
  app.onError(handleError);
  app.notFound(notFound);

  app.openapi(healthRoute(options.service), async (c) => {
    const checks: Record<string, string> = {};
    for (const [name, check] of Object.entries(options.checks)) {
      checks[name] = await check().then(() => "ok", (error: Error) => `failing: ${error.message}`);
    }
    const ok = Object.values(checks).every((value) => value === "ok");
    const space = await disk?.reading().catch((error: Error) => ({ disk: undefined, warning: `the free space on the database's disk could not be read: ${error.message}` }));
    const extra = { ...(space?.disk ? { disk: space.disk } : {}), ...(space?.warning ? { warnings: { disk: space.warning } } : {}) };
    return c.json({ status: ok ? ("ok" as const) : ("degraded" as const), service: options.service, version: options.version, checks, ...extra }, ok ? 200 : 503);
  });
  app.openapi(metricsRoute(options.service), metrics.print as never);
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: { title: `${options.service} service`, version: options.version, description: `${options.description}\n\n${COMMON_HEADERS}` },
  });
  mountDocs(app, options.service);
  return app;
}
