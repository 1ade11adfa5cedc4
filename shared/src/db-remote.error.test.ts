import { describe, expect, test } from "bun:test";
import { join } from "node:path";
import { serviceProcessEnv } from "./process-env";
import { startLibsqlServer } from "./testing/libsql-server";
import { freePort, startService, tempDir, waitFor } from "./testing/service-process";

// A service and its libSQL server when the server is not there, refuses it, or goes away.
describe("a service and its libSQL server at start", () => {
  const orderAlone = (databaseUrl: string, port = freePort()) => Bun.spawn(["bun", join(import.meta.dir, "../../order/src/index.ts")], {
    env: { ...process.env, ...serviceProcessEnv, DATABASE_URL: databaseUrl, PORT: String(port), DATA_DIR: tempDir("order-alone-"), LOG_LEVEL: "error", STOP_WITH_PARENT: "true" },
    stdout: "ignore", stderr: "pipe",
  });

  test("a server that comes up after the service: the service says it waits, once, then serves", async () => {
    const port = freePort();
    const servicePort = freePort();
    const order = orderAlone(`http://127.0.0.1:${port}`, servicePort);
    let stderr = "";
    void (async () => {
      for await (const chunk of order.stderr) stderr += new TextDecoder().decode(chunk);
    })();
    await waitFor("the waiting line", () => stderr.includes(`order: waiting for the order database at http://127.0.0.1:${port}`), 10_000);
    const server = await startLibsqlServer({ port });
    try {
      await waitFor("the service serving", async () => (await fetch(`http://127.0.0.1:${servicePort}/health`)).status === 200, 20_000, 200);
      expect(order.exitCode).toBeNull();
      expect(stderr.split("\n").filter((line) => line.includes("waiting for"))).toHaveLength(1);
    } finally {
      order.kill();
      await order.exited;
      await server.stop();
    }
  }, 60_000);

  test("a server that refuses the service (a token it does not take) stops it at once, with one line", async () => {
    const server = await startLibsqlServer({ args: ["--http-auth", `basic:${btoa("shop:secret")}`] });
    try {
      const order = orderAlone(server.url);
      expect(await order.exited).toBe(1);
      expect((await new Response(order.stderr).text()).trim().split("\n")).toEqual([
        `Cannot run: the order database at ${server.url} refused the connection: SERVER_ERROR: Server returned HTTP status 401.`,
      ]);
    } finally {
      await server.stop();
    }
  }, 60_000);

  test("a server that goes away while the service runs: 503 DEPENDENCY_UNAVAILABLE and a failing health check, then service again once it is back", async () => {
    const server = await startLibsqlServer();
    const payment = await startService("payment", { DATABASE_URL: server.url.replace("http", "ws"), LOG_LEVEL: "warn" });
    try {
      expect((await fetch(`${payment.url}/api/v1/payments`)).status).toBe(200);
      await server.stop();
      const answer = await fetch(`${payment.url}/api/v1/payments`);
      expect(answer.status).toBe(503);
      expect(answer.headers.get("Content-Type")).toBe("application/problem+json");
      expect(await answer.json()).toMatchObject({ status: 503, code: "DEPENDENCY_UNAVAILABLE", detail: "The service's database does not answer right now. Try again shortly." });
      expect((await fetch(`${payment.url}/health`)).status).toBe(503);
      // logged as what it is, without a stack trace
      await waitFor("the log line", () => payment.output.includes('"msg":"the database does not answer"'));
      await waitFor("its outbox relay's next pass", () => payment.output.includes('"msg":"outbox relay pass failed: the database does not answer"'));
      expect(payment.output).not.toContain('"level":"error"'); // a warning, with its cause, and no stack trace
      // and the relay tries again every 2 s meanwhile, not at its usual 250 ms
      const passes = () => payment.output.split("\n").filter((line) => line.includes("outbox relay pass failed")).length;
      const before = passes();
      await Bun.sleep(3_000);
      expect(passes() - before).toBeLessThanOrEqual(2);
      await server.restart();
      await waitFor("the service answering again", async () => (await fetch(`${payment.url}/api/v1/payments`)).status === 200, 20_000, 200);
      expect((await fetch(`${payment.url}/health`)).status).toBe(200);
    } finally {
      await payment.stop();
      await server.stop();
    }
  }, 60_000);
});
