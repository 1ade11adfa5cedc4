import { describe, expect, test } from "bun:test";
import { daysBetween, isDay, japaneseDay, japaneseJstDay, jstDateTime, jstDayRange, jstToday, jstTomorrow, startOfTodayJst } from "./jst-days";

describe("JST calendar days", () => {
  test("a JST day runs from 15:00 UTC the day before, to 15:00 UTC, excluded", () => {
    expect(jstDayRange("2026-12-01", "2026-12-01")).toEqual({ start: "2026-11-30T15:00:00.000Z", end: "2026-12-01T15:00:00.000Z" });
    expect(jstDayRange("2026-01-01", "2026-12-31")).toEqual({ start: "2025-12-31T15:00:00.000Z", end: "2026-12-31T15:00:00.000Z" });
  });

  test("today in Japan began at 15:00 UTC, the day before until 15:00 UTC", () => {
    expect(startOfTodayJst(Date.parse("2026-12-01T14:59:59.999Z"))).toBe("2026-11-30T15:00:00.000Z");
    expect(startOfTodayJst(Date.parse("2026-12-01T15:00:00.000Z"))).toBe("2026-12-01T15:00:00.000Z");
  });

  test("an instant is written as JST wall-clock time", () => {
    expect(jstDateTime("2026-11-30T15:00:00.000Z")).toBe("2026-12-01 00:00:00");
    expect(jstDateTime("2026-12-01T14:59:59.999Z")).toBe("2026-12-01 23:59:59");
  });

  test("only days that exist are days; a range counts both ends", () => {
    expect(["2026-12-01", "2028-02-29"].map(isDay)).toEqual([true, true]);
    expect(["2026-02-29", "2026-13-01", "2026-12-1", "yesterday", ""].map(isDay)).toEqual([false, false, false, false, false]);
    expect(daysBetween("2026-12-01", "2026-12-01")).toBe(1);
    expect(daysBetween("2026-01-01", "2026-12-31")).toBe(365);
  });
});

test("today in Japan turns at 15:00 UTC, whatever the machine's zone", () => {
  expect(jstToday(Date.parse("2026-12-01T14:59:59.999Z"))).toBe("2026-12-01");
  expect(jstToday(Date.parse("2026-12-01T15:00:00.000Z"))).toBe("2026-12-02");
  expect(jstTomorrow(Date.parse("2026-12-31T14:59:59.999Z"))).toBe("2027-01-01");
  expect(jstTomorrow(Date.parse("2026-12-31T15:00:00.000Z"))).toBe("2027-01-02");
});

describe("days written in Japanese", () => {
  test("a day without leading zeros; an instant by its JST day", () => {
    expect(japaneseDay("2026-02-05")).toBe("2026年2月5日");
    expect(japaneseJstDay("2026-12-01T14:59:59.999Z")).toBe("2026年12月1日");
    expect(japaneseJstDay("2026-12-01T15:00:00.000Z")).toBe("2026年12月2日");
  });
});
