import { describe, expect, test } from "bun:test";
import { planRefund } from "./refund";

const completed = { id: "pay_1", amount: 5000, refunded_amount: 0, status: "COMPLETED" as const };

describe("planRefund", () => {
  test("no amount refunds the whole remainder", () => {
    expect(planRefund({ ...completed, refunded_amount: 1200, status: "PARTIALLY_REFUNDED" })).toEqual({ amount: 3800, refunded_amount: 5000, status: "REFUNDED" });
  });
  test("a part leaves the payment PARTIALLY_REFUNDED", () => {
    expect(planRefund(completed, 1000)).toEqual({ amount: 1000, refunded_amount: 1000, status: "PARTIALLY_REFUNDED" });
  });
  test("more than the remainder is refused with REFUND_EXCEEDS_REMAINDER", () => {
    expect(() => planRefund({ ...completed, refunded_amount: 4500 }, 501)).toThrow(expect.objectContaining({ code: "REFUND_EXCEEDS_REMAINDER" }));
  });
  for (const status of ["PENDING", "PROCESSING", "FAILED", "REFUNDED"] as const) {
    test(`a ${status} payment is not refundable`, () => {
      expect(() => planRefund({ ...completed, status })).toThrow(expect.objectContaining({ code: "NOT_REFUNDABLE" }));
    });
  }
});
