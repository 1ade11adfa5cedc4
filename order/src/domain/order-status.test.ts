import { describe, expect, test } from "bun:test";
import { assertManualMove, isNewerPaymentStatus, manualNext, stepsForPayment } from "./order-status";

describe("the order state machine", () => {
  test("fulfilment moves are manual: PAID -> SHIPPED -> DELIVERED", () => {
    expect(() => assertManualMove("ord_1", "PAID", "SHIPPED")).not.toThrow();
    expect(() => assertManualMove("ord_1", "SHIPPED", "DELIVERED")).not.toThrow();
  });

  test("an illegal move is INVALID_TRANSITION naming the allowed next statuses", () => {
    expect(() => assertManualMove("ord_1", "PENDING", "SHIPPED")).toThrow(expect.objectContaining({
      code: "INVALID_TRANSITION", extensions: { current_status: "PENDING", allowed_next: ["CANCELLED"] },
    }));
    expect(() => assertManualMove("ord_1", "DELIVERED", "CANCELLED")).toThrow(/Allowed next: none/);
  });

  test("payment statuses cannot be set by hand", () => {
    expect(() => assertManualMove("ord_1", "PAYMENT_PROCESSING", "PAID")).toThrow(/set by the payment flow/);
  });

  test("nothing leaves DELIVERED or CANCELLED", () => {
    expect(manualNext("DELIVERED")).toEqual([]);
    expect(manualNext("CANCELLED")).toEqual([]);
  });

  test("payment events move an order forward only, through the machine's steps", () => {
    expect(stepsForPayment("PENDING", "PROCESSING")).toEqual(["PAYMENT_PROCESSING"]);
    expect(stepsForPayment("PENDING", "COMPLETED")).toEqual(["PAYMENT_PROCESSING", "PAID"]);
    expect(stepsForPayment("PAYMENT_PROCESSING", "FAILED")).toEqual(["PAYMENT_FAILED"]);
    expect(stepsForPayment("PAID", "PROCESSING")).toEqual([]); // a late processing event
    expect(stepsForPayment("SHIPPED", "COMPLETED")).toEqual([]);
    expect(stepsForPayment("CANCELLED", "COMPLETED")).toEqual([]);
    expect(stepsForPayment("PAID", "REFUNDED")).toEqual([]);
  });

  test("a late payment status never overwrites a newer one the order knows", () => {
    expect(isNewerPaymentStatus(null, "PROCESSING")).toBe(true);
    expect(isNewerPaymentStatus("PROCESSING", "COMPLETED")).toBe(true);
    expect(isNewerPaymentStatus("COMPLETED", "REFUNDED")).toBe(true);
    expect(isNewerPaymentStatus("COMPLETED", "PROCESSING")).toBe(false); // the processing event arriving after the answer
    expect(isNewerPaymentStatus("COMPLETED", "COMPLETED")).toBe(false);
    expect(isNewerPaymentStatus("REFUNDED", "PARTIALLY_REFUNDED")).toBe(false);
  });
});
