import { expect, test } from "bun:test";
import { join } from "node:path";

// Bun runs TypeScript without checking it; this keeps the types honest in CI.
test("the whole repository type-checks with tsc --noEmit", () => {
  const result = Bun.spawnSync(["bunx", "tsc", "--noEmit", "-p", "."], { cwd: join(import.meta.dir, "../.."), stdout: "pipe", stderr: "pipe" });
  expect(result.stdout.toString() + result.stderr.toString()).toBe("");
  expect(result.exitCode).toBe(0);
}, 120_000);
