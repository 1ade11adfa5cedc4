import { describe, expect, test } from "bun:test";
import { join } from "node:path";

const paymentEntry = join(import.meta.dir, "../../payment/src/index.ts");

describe("settings", () => {
  for (const [name, value] of [["PORT", "eighty"], ["PAYMENT_GATEWAY_FAILURE_RATE", "1.5"], ["ORDER_SERVICE_URL", "not a url"], ["LOG_LEVEL", "loud"], ["STOP_WITH_PARENT", "maybe"]] as const) {
    test(`a bad ${name} stops the service with one line naming it`, () => {
      const result = Bun.spawnSync(["bun", paymentEntry], { env: { ...process.env, [name]: value, DATA_DIR: "/tmp/never-used" }, stderr: "pipe", stdout: "pipe" });
      expect(result.exitCode).toBe(1);
      const lines = result.stderr.toString().trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toStartWith(`Invalid setting ${name}=`);
    });
  }
});
