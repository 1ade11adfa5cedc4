import { expect, test } from "bun:test";
import { createLogger } from "./logger";
import { periodic } from "./periodic";

const logger = createLogger({ service: "test" }, "silent");

test("a run asked for while one is under way is that run; the next one runs the task again", async () => {
  let calls = 0;
  let release!: () => void;
  const task = periodic(async () => {
    calls++;
    await new Promise<void>((resolve) => (release = resolve));
  }, { everyMs: 60_000, logger, failure: "failed" });
  const first = task.run();
  expect(task.run()).toBe(first);
  release();
  await first;
  const second = task.run();
  expect(second).not.toBe(first);
  release();
  await second;
  expect(calls).toBe(2);
});

test("a failure is logged with what failed, and the next run tries again", async () => {
  const warnings: string[] = [];
  let calls = 0;
  const task = periodic(async () => {
    if (++calls === 1) throw new Error("database locked");
  }, { everyMs: 60_000, logger: { ...logger, warn: (message: string, fields?: Record<string, unknown>) => warnings.push(`${message}: ${fields?.error}`) }, failure: "indexing failed" });
  await task.run();
  await task.run();
  expect(warnings).toEqual(["indexing failed: database locked"]);
  expect(calls).toBe(2);
});

test("start runs at once and then every interval, until stopped", async () => {
  let calls = 0;
  const task = periodic(async () => void calls++, { everyMs: 20, logger, failure: "failed" });
  task.start();
  await Bun.sleep(110);
  await task.stop();
  const stopped = calls;
  expect(stopped).toBeGreaterThanOrEqual(3);
  await Bun.sleep(60);
  expect(calls).toBe(stopped);
});
