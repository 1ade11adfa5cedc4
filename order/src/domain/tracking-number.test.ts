import { expect, test } from "bun:test";
import { trackingKey } from "./tracking-number";

test("a tracking number is compared without its dashes, spaces, width or case", () => {
  for (const written of ["1234-5678-9012", "123456789012", "１２３４－５６７８－９０１２", "1234ー5678ー9012", " 1234 5678 9012 ", "1234−5678−9012"]) {
    expect(trackingKey(written)).toBe("123456789012");
  }
  expect(trackingKey("ab-12")).toBe("AB12");
  expect(trackingKey("1234-5678-9013")).not.toBe(trackingKey("1234-5678-9012"));
});
