import { expect, test } from "bun:test";
import { Mutex } from "./mutex";

test("runs one work at a time, in the order they came, and a failing work releases the lock", async () => {
  const mutex = new Mutex();
  const log: string[] = [];
  let inside = 0;
  const work = (name: string, fail = false) => mutex.run(async () => {
    inside++;
    expect(inside).toBe(1);
    log.push(`${name} in`);
    await Bun.sleep(name === "a" ? 20 : 1);
    log.push(`${name} out`);
    inside--;
    if (fail) throw new Error(`${name} failed`);
    return name;
  });
  const results = await Promise.allSettled([work("a"), work("b", true), work("c"), work("d")]);
  expect(results.map((r) => (r.status === "fulfilled" ? r.value : (r.reason as Error).message))).toEqual(["a", "b failed", "c", "d"]);
  expect(log).toEqual(["a in", "a out", "b in", "b out", "c in", "c out", "d in", "d out"]);
  expect(await work("e")).toBe("e"); // free again
});
