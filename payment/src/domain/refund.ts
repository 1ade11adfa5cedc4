import { ApiError } from "@platform/shared/problem";
import type { PaymentStatus } from "@platform/shared/contracts/payment";

const refundable: PaymentStatus[] = ["COMPLETED", "PARTIALLY_REFUNDED"];

/**
 * What a refund request does to a payment: no amount refunds the whole unrefunded remainder (FR-016).
 * The caller holds the write lock, so two refunds can never both see the same remainder.
 */
export function planRefund(payment: { id: string; amount: number; refunded_amount: number; status: PaymentStatus }, requested?: number) {
  if (!refundable.includes(payment.status)) {
    throw new ApiError("NOT_REFUNDABLE", `Payment ${payment.id} is ${payment.status}; only COMPLETED or PARTIALLY_REFUNDED payments can be refunded.`);
  }
  const remainder = payment.amount - payment.refunded_amount;
  const amount = requested ?? remainder;
  if (amount > remainder) {
    throw new ApiError("REFUND_EXCEEDS_REMAINDER", `At most ${remainder} JPY of payment ${payment.id} is left to refund.`, {
      errors: [{ path: "amount", message: `must be at most the unrefunded remainder, ${remainder}` }],
    });
  }
  const refunded_amount = payment.refunded_amount + amount;
  const status: PaymentStatus = refunded_amount === payment.amount ? "REFUNDED" : "PARTIALLY_REFUNDED";
  return { amount, refunded_amount, status };
}
