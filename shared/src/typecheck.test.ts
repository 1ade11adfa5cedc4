import { expect, test } from "bun:test";
import { join } from "node:path";

// Bun runs TypeScript without checking it; this keeps the types honest in CI.
for (const project of [".", "dashboard"]) {
  test(`${project === "." ? "the services" : "the dashboard"} type-check with tsc --noEmit -p ${project}`, () => {
    const result = Bun.spawnSync(["bunx", "tsc", "--noEmit", "-p", project], { cwd: join(import.meta.dir, "../.."), stdout: "pipe", stderr: "pipe" });
    expect(result.stdout.toString() + result.stderr.toString()).toBe("");
    expect(result.exitCode).toBe(0);
  }, 120_000);
}
