import { expect, test } from "bun:test";
import { Database } from "bun:sqlite";
import { isDatabaseOutage, isDiskFull, isServerUnreachable, logPassFailure } from "./db-outage";
import { createLogger } from "./logger";

test("a full disk is told from other failures, however deeply wrapped, and a background loop logs it as an error naming it, without a stack", () => {
  const db = new Database(":memory:");
  db.run("create table t (x text)");
  const pages = (db.query("pragma page_count").get() as { page_count: number }).page_count;
  db.run(`pragma max_page_count = ${pages}`);
  const full = (() => {
    try {
      db.run("insert into t values (?)", ["x".repeat(100_000)]);
    } catch (error) {
      return error;
    }
  })();
  const wrapped = new Error("Failed query: insert into …", { cause: full });
  expect([isDiskFull(full), isDiskFull(wrapped), isDatabaseOutage(wrapped), isServerUnreachable(wrapped)]).toEqual([true, true, true, false]);
  expect(isDiskFull(new Error("UNIQUE constraint failed: t.x"))).toBe(false);

  const lines: string[] = [];
  const logger = createLogger({ service: "test" }, "debug", (line) => lines.push(line));
  logPassFailure(logger, "outbox relay pass failed", wrapped);
  logPassFailure(logger, "outbox relay pass failed", new Error("a bug"));
  const [disk, bug] = lines.map((line) => JSON.parse(line));
  expect(disk).toMatchObject({ level: "error", msg: "outbox relay pass failed: the database's disk is full", error: expect.stringContaining("full") });
  expect(JSON.stringify(disk)).not.toContain("at ");
  expect(bug).toMatchObject({ level: "error", msg: "outbox relay pass failed" });
});
