import { describe, expect, test } from "bun:test";
import { dialledInJapan, phoneToE164 } from "./phone";

describe("phoneToE164", () => {
  const cases: [string, string | undefined][] = [
    ["090-1234-5678", "+819012345678"],
    ["09012345678", "+819012345678"],
    ["０９０－１２３４－５６７８", "+819012345678"], // full width, as typed with a Japanese IME
    ["090ー1234ー5678", "+819012345678"], // the long vowel mark, a common slip for a hyphen
    ["03 (1234) 5678", "+81312345678"],
    ["0120-123-456", "+81120123456"],
    ["+81 90 1234 5678", "+819012345678"],
    ["+81 090-1234-5678", "+819012345678"],
    ["9012345678", "+819012345678"], // Excel dropped the leading 0
    ["312345678", "+81312345678"],
    ["+1 415 555 0100", "+14155550100"],
    [" +819012345678 ", "+819012345678"],
    ["090-1234-567", undefined], // a digit short
    ["090-1234-56789", undefined], // a digit too many
    ["12345", undefined],
    ["00-1234-5678", undefined],
    ["phone", undefined],
    ["", undefined],
    ["+", undefined],
  ];
  for (const [input, expected] of cases) {
    test(`${JSON.stringify(input)} -> ${expected ?? "not a phone number"}`, () => expect(phoneToE164(input)).toBe(expected));
  }
});

test("dialledInJapan turns +81 into the trunk 0 and leaves other countries alone", () => {
  expect(dialledInJapan("+819012345678")).toBe("09012345678");
  expect(dialledInJapan("+14155550100")).toBe("+14155550100");
  expect(dialledInJapan(null)).toBeNull();
});
