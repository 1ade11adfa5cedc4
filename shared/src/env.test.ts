import { describe, expect, test } from "bun:test";
import { join } from "node:path";
import { commonEnv } from "./env";

const paymentEntry = join(import.meta.dir, "../../payment/src/index.ts");

describe("settings", () => {
  for (const [name, value] of [["PORT", "eighty"], ["PAYMENT_GATEWAY_FAILURE_RATE", "1.5"], ["ORDER_SERVICE_URL", "not a url"], ["LOG_LEVEL", "loud"], ["STOP_WITH_PARENT", "maybe"], ["DASHBOARD_ORIGIN", "http://localhost:5173/orders"], ["DISK_MIN_FREE_MB", "half a gig"]] as const) {
    test(`a bad ${name} stops the service with one line naming it`, () => {
      const result = Bun.spawnSync(["bun", paymentEntry], { env: { ...process.env, [name]: value, DATA_DIR: "/tmp/never-used" }, stderr: "pipe", stdout: "pipe" });
      expect(result.exitCode).toBe(1);
      const lines = result.stderr.toString().trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toStartWith(`Invalid setting ${name}=`);
    });
  }
});

describe("DASHBOARD_ORIGIN", () => {
  const origins = (value: string | undefined) => commonEnv({ port: 1 }).parse({ DASHBOARD_ORIGIN: value }).DASHBOARD_ORIGIN;

  test("unset or empty, it is the dashboard's default port on loopback, written either way", () => {
    expect(origins(undefined)).toEqual(["http://localhost:5173", "http://127.0.0.1:5173"]);
    expect(origins("")).toEqual(["http://localhost:5173", "http://127.0.0.1:5173"]);
  });

  test("it takes a comma-separated list, spaces and a trailing slash allowed", () => {
    expect(origins("https://admin.shop.example.jp/, http://10.0.0.5:5173")).toEqual(["https://admin.shop.example.jp", "http://10.0.0.5:5173"]);
  });

  test("an entry that is not an origin is refused, named", () => {
    const result = commonEnv({ port: 1 }).safeParse({ DASHBOARD_ORIGIN: "http://localhost:5173, dashboard" });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toContain('"dashboard" is not an origin');
  });
});
