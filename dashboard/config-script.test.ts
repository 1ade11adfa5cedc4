import { describe, expect, test } from "bun:test";
import { configScript } from "./config-script";
import { registrationNumber } from "../shared/src/invoice";

describe("/config.js", () => {
  test("the invoice registration number is kept as T and 13 digits however written; unset, none is printed", () => {
    for (const written of ["T1234567890123", "t1234567890123", "T1-2345-6789-0123", "Ｔ１２３４５６７８９０１２３", " T 1234 5678 90123 "]) expect(registrationNumber(written)).toBe("T1234567890123");
    expect(registrationNumber(undefined)).toBeNull();
    expect(registrationNumber("")).toBeNull();
    expect(configScript({}).script).toContain('window.PLATFORM_SHOP = {"name":"オンラインショップ","registration_number":null};');
  });

  test("a registration number that is none stops the dashboard with the setting's name, rather than print it on every slip", () => {
    for (const wrong of ["1234567890123", "T123456789012", "T12345678901234", "T123456789012X"]) {
      expect(() => configScript({ INVOICE_REGISTRATION_NUMBER: wrong })).toThrow("INVOICE_REGISTRATION_NUMBER must be T and 13 digits");
    }
  });
});
