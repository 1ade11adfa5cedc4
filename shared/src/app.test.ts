import { describe, expect, test } from "bun:test";
import { createRoute, z } from "@hono/zod-openapi";
import { createApp } from "./app";
import { commonEnv } from "./env";
import { createLogger } from "./logger";
import { tempDir } from "./testing/service-process";

function testApp(options: { checks?: Record<string, () => Promise<unknown>>; apiToken?: string; disk?: { DISK_MIN_FREE_MB: number; DATABASE_URL?: string } } = {}) {
  const lines: string[] = [];
  const app = createApp({
    service: "test", version: "0.0.0", description: "test", logger: createLogger({ service: "test" }, "debug", (line) => lines.push(line)),
    checks: options.checks ?? { db: async () => {} },
    settings: { BODY_LIMIT_BYTES: 1024, DASHBOARD_ORIGIN: commonEnv({ port: 1 }).parse({}).DASHBOARD_ORIGIN, API_TOKEN: options.apiToken, DATA_DIR: tempDir(), ...(options.disk ?? { DISK_MIN_FREE_MB: 0 }) },
  });
  app.openapi(createRoute({ method: "get", path: "/api/v1/boom", responses: { 200: { description: "never" } } }), () => {
    throw new Error("secret internals at /srv/app.ts:12");
  });
  app.openapi(createRoute({ method: "post", path: "/api/v1/whoami", responses: { 200: { description: "the operator" } } }), (c) => {
    c.var.log.info("looked");
    return c.json({ operator: c.var.operator ?? null }, 200);
  });
  app.openapi(createRoute({
    method: "post", path: "/api/v1/things", request: { body: { required: true, content: { "application/json": { schema: z.object({ n: z.number().int() }) } } } },
    responses: { 201: { description: "made" } },
  }), (c) => c.json({ ok: true }, 201));
  app.openapi(createRoute({
    method: "post", path: "/api/v1/things/{id}/close", request: { body: { required: false, content: { "application/json": { schema: z.object({ reason: z.string().optional() }) } } } },
    responses: { 200: { description: "closed" } },
  }), (c) => c.json({ got: c.req.valid("json") }, 200));
  return { app, lines };
}

describe("the app factory", () => {
  test("an unexpected error is a 500 problem without a stack, logged with the request id", async () => {
    const { app, lines } = testApp();
    const response = await app.request("/api/v1/boom", { headers: { "X-Request-Id": "req-abc-123" } });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain("secret internals");
    expect(text).not.toContain(".ts:");
    expect(JSON.parse(text)).toMatchObject({ code: "INTERNAL_ERROR", status: 500, request_id: "req-abc-123" });
    expect(lines.some((line) => line.includes("req-abc-123") && line.includes("secret internals"))).toBe(true);
  });

  test("X-Request-Id is taken from the caller, or generated, and returned on every response", async () => {
    const { app } = testApp();
    expect((await app.request("/health", { headers: { "X-Request-Id": "abc-1" } })).headers.get("X-Request-Id")).toBe("abc-1");
    expect((await app.request("/health")).headers.get("X-Request-Id")).toMatch(/^[0-9a-f-]{36}$/);
    expect((await app.request("/nowhere")).headers.get("X-Request-Id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  test("GET /health is 200 when every check passes and 503 naming the failing one", async () => {
    expect(await (await testApp().app.request("/health")).json()).toMatchObject({ status: "ok", service: "test", checks: { db: "ok" } });
    const failing = await testApp({ checks: { db: async () => { throw new Error("disk I/O error"); } } }).app.request("/health");
    expect(failing.status).toBe(503);
    expect(await failing.json()).toMatchObject({ checks: { db: "failing: disk I/O error" } });
  });

  test("GET /health warns, still 200, when the database's disk has less free space than DISK_MIN_FREE_MB; /metrics gives that free space", async () => {
    expect(await (await testApp({ disk: { DISK_MIN_FREE_MB: 0 } }).app.request("/health")).json()).not.toHaveProperty("warnings");
    const { app } = testApp({ disk: { DISK_MIN_FREE_MB: 1_000_000_000 } }); // a petabyte: more than any disk here has
    const low = await app.request("/health");
    expect(low.status).toBe(200);
    expect(await low.json()).toMatchObject({ status: "ok", disk: { folder: expect.stringMatching(/^\//), free_mb: expect.any(Number), min_free_mb: 1_000_000_000 }, warnings: { disk: expect.stringMatching(/^\d+ MB free on the disk of \/.+, below DISK_MIN_FREE_MB=1000000000: once it is full, changes are refused \(503\)/) } });
    const free = Number((await (await app.request("/metrics")).text()).match(/^disk_free_bytes\{service="test"\} (\d+)$/m)?.[1]);
    expect(free).toBeGreaterThan(0);
    // a database on a libSQL server has no disk here to watch
    const remote = testApp({ disk: { DISK_MIN_FREE_MB: 1_000_000_000, DATABASE_URL: "libsql://db.example.jp" } }).app;
    const remoteHealth = await (await remote.request("/health")).json();
    for (const field of ["disk", "warnings"]) expect(remoteHealth).not.toHaveProperty(field);
    expect(await (await remote.request("/metrics")).text()).not.toContain("disk_free_bytes");
  });

  test("GET /openapi.json is an OpenAPI 3.1 document of the routes, GET /docs the Scalar reference", async () => {
    const { app } = testApp();
    const doc = await (await app.request("/openapi.json")).json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/health", "/api/v1/things"]));
    const docs = await app.request("/docs");
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain("/openapi.json");
  });

  test("GET /docs loads Scalar from this service, not from a CDN, so it works without internet access", async () => {
    const { app } = testApp();
    const page = await (await app.request("/docs")).text();
    expect(page).toContain('<script src="/docs/scalar.js"></script>');
    expect(page).not.toMatch(/(src|href)="https?:/);
    const bundle = await app.request("/docs/scalar.js");
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get("Content-Type")).toStartWith("text/javascript");
    expect(await bundle.text()).toContain("createApiReference");
  });

  test("with API_TOKEN set, /api routes need the bearer token; /health and /metrics do not", async () => {
    const { app } = testApp({ apiToken: "token-0123456789abcdef" });
    const denied = await app.request("/api/v1/boom");
    expect(denied.status).toBe(401);
    expect(await denied.json()).toMatchObject({ code: "UNAUTHORIZED" });
    expect((await app.request("/api/v1/boom", { headers: { Authorization: "Bearer wrong-token-0123456" } })).status).toBe(401);
    expect((await app.request("/api/v1/boom", { headers: { Authorization: "Bearer token-0123456789abcdef" } })).status).toBe(500);
    expect((await app.request("/health")).status).toBe(200);
    expect((await app.request("/metrics")).status).toBe(200);
  });

  test("CORS allows the dashboard's origins only: by default the dashboard's port on loopback, as localhost and as 127.0.0.1", async () => {
    const { app } = testApp();
    for (const origin of ["http://localhost:5173", "http://127.0.0.1:5173"]) {
      const answer = await app.request("/health", { headers: { Origin: origin } });
      expect(answer.headers.get("Access-Control-Allow-Origin")).toBe(origin);
    }
    const allowed = await app.request("/health", { headers: { Origin: "http://localhost:5173" } });
    // the dashboard reads a download's file name, and the request id of every answer
    expect(allowed.headers.get("Access-Control-Expose-Headers")?.split(",").map((h) => h.trim())).toEqual(expect.arrayContaining(["X-Request-Id", "Content-Disposition"]));
    for (const origin of ["http://evil.example", "http://localhost:5174", "http://127.0.0.1:8000"]) {
      const other = await app.request("/health", { headers: { Origin: origin } });
      expect(other.headers.get("Access-Control-Allow-Origin")).toBeNull();
    }
  });

  test("a missing field is reported as required, with its path", async () => {
    const response = await testApp().app.request("/api/v1/things", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
    expect(response.status).toBe(422);
    expect((await response.json()).errors).toEqual([{ path: "n", message: "is required" }]);
  });

  test("an empty body is no body, whatever its Content-Type says: an optional body may be left out by a client that always sends application/json", async () => {
    const { app } = testApp();
    const close = (init: RequestInit) => app.request("/api/v1/things/1/close", { method: "POST", ...init });
    const inits: RequestInit[] = [{ headers: { "Content-Type": "application/json" } }, { headers: { "Content-Type": "application/json", "Content-Length": "0" }, body: "" }, {}];
    for (const init of inits) {
      const response = await close(init);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ got: {} });
    }
    expect(await (await close({ headers: { "Content-Type": "application/json" }, body: '{"reason":"x"}' })).json()).toEqual({ got: { reason: "x" } });
    expect((await close({ headers: { "Content-Type": "application/json" }, body: "{" })).status).toBe(400);
    // where a body is required, leaving it out names what is missing
    const things = await app.request("/api/v1/things", { method: "POST", headers: { "Content-Type": "application/json", "Content-Length": "0" }, body: "" });
    expect(things.status).toBe(422);
    expect((await things.json()).errors).toEqual([{ path: "n", message: "is required" }]);
  });

  test("X-Operator names the person making a change, UTF-8 percent-encoded, in the request and its log lines; a garbled one is a 422 a browser can read", async () => {
    const { app, lines } = testApp();
    const whoami = (headers: Record<string, string>) => app.request("/api/v1/whoami", { method: "POST", headers });
    expect(await (await whoami({ "X-Operator": encodeURIComponent("山田 花子") })).json()).toEqual({ operator: "山田 花子" });
    expect(lines.some((line) => line.includes("looked") && line.includes("山田 花子"))).toBe(true);
    expect(await (await whoami({ "X-Operator": "ops-bot" })).json()).toEqual({ operator: "ops-bot" });
    expect(await (await whoami({})).json()).toEqual({ operator: null });
    for (const garbled of ["%E5%B1", "%20%20", "%0A", "x".repeat(51)]) {
      const response = await whoami({ "X-Operator": garbled, Origin: "http://localhost:5173" });
      expect(response.status).toBe(422);
      expect(response.headers.get("Access-Control-Allow-Origin")).toBe("http://localhost:5173");
      expect((await response.json()).errors).toEqual([{ path: "X-Operator", message: "must be a name of 1 to 50 characters, UTF-8 percent-encoded" }]);
    }
  });
});
