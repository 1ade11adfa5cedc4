import { expect, test } from "bun:test";
import { createRateLimiter } from "./rate-limiter";

test("no one-second window holds more than the limit, however many wait", async () => {
  const limiter = createRateLimiter(5);
  const starts = await Promise.all(Array.from({ length: 17 }, () => limiter.acquire()));
  for (const start of starts) expect(starts.filter((s) => s >= start && s < start + 1000).length).toBeLessThanOrEqual(5);
  expect(starts).toEqual([...starts].sort((a, b) => a - b));
});
