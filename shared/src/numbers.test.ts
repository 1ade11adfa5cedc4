import { expect, test } from "bun:test";
import { wholeNumber } from "./numbers";

test("wholeNumber reads digits as typed or saved in Japan, and nothing else", () => {
  for (const [text, value] of [["1800", 1800], ["1,800", 1800], ["12,000,000", 12_000_000], ["１８００", 1800], ["１，８００", 1800], [" 3 ", 3], ["-5", -5], ["0", 0]] as const) {
    expect(wholeNumber(text)).toBe(value);
  }
  for (const text of ["", "1.5", "1,80", "18,00", "¥1800", "1800円", "abc", "1e3", "0x10"]) expect(wholeNumber(text)).toBeNaN();
});
