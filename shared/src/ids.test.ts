import { expect, test } from "bun:test";
import { firstIdAt, newId } from "./ids";

test("the ids made in a span of time are the ids between the first ids of its ends", async () => {
  const before = Date.now();
  const made = [newId("ord"), newId("ord")];
  await Bun.sleep(5);
  const after = Date.now();
  const later = newId("ord");
  for (const id of made) {
    expect(id >= firstIdAt("ord", before)).toBe(true);
    expect(id < firstIdAt("ord", after)).toBe(true);
  }
  expect(later >= firstIdAt("ord", after)).toBe(true);
  expect(firstIdAt("ord", Date.parse("2026-12-01T00:00:00.000Z"))).toBe(`ord_${(1796083200000).toString(16).padStart(12, "0")}`);
});
