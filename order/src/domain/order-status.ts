import { ApiError } from "@platform/shared/problem";

export const orderStatuses = ["PENDING", "PAYMENT_PROCESSING", "PAID", "PAYMENT_FAILED", "SHIPPED", "DELIVERED", "CANCELLED"] as const;
export type OrderStatus = (typeof orderStatuses)[number];

/** The one state machine every order move goes through (FR-005, FR-006). */
const next: Record<OrderStatus, OrderStatus[]> = {
  PENDING: ["PAYMENT_PROCESSING", "CANCELLED"],
  PAYMENT_PROCESSING: ["PAID", "PAYMENT_FAILED", "CANCELLED"],
  PAID: ["SHIPPED", "CANCELLED"],
  PAYMENT_FAILED: ["CANCELLED"],
  SHIPPED: ["DELIVERED"],
  DELIVERED: [],
  CANCELLED: [],
};

/** Moves the payment flow makes; a person (PATCH) may not claim an order is paid. */
const paymentDriven: OrderStatus[] = ["PAYMENT_PROCESSING", "PAID", "PAYMENT_FAILED"];

export const allowedNext = (from: OrderStatus) => next[from];
export const canMove = (from: OrderStatus, to: OrderStatus) => next[from].includes(to);
export const manualNext = (from: OrderStatus) => next[from].filter((status) => !paymentDriven.includes(status));

export function assertManualMove(orderId: string, from: OrderStatus, to: OrderStatus) {
  const allowed = manualNext(from);
  if (allowed.includes(to)) return;
  const why = paymentDriven.includes(to) ? `${to} is set by the payment flow, not by hand` : `an order in ${from} cannot move to ${to}`;
  throw new ApiError("INVALID_TRANSITION", `Order ${orderId}: ${why}. Allowed next: ${allowed.join(", ") || "none"}.`, {
    current_status: from, allowed_next: allowed,
  });
}

/**
 * The order status a payment's status leads to, and the steps to get there from `from`, or [] when
 * the event is stale (events arrive out of order; an order never moves backwards).
 */
export function stepsForPayment(from: OrderStatus, paymentStatus: string): OrderStatus[] {
  const target: OrderStatus | undefined =
    paymentStatus === "PENDING" || paymentStatus === "PROCESSING" ? "PAYMENT_PROCESSING"
    : paymentStatus === "FAILED" ? "PAYMENT_FAILED"
    : ["COMPLETED", "PARTIALLY_REFUNDED", "REFUNDED"].includes(paymentStatus) ? "PAID"
    : undefined;
  if (!target || from === target) return [];
  if (canMove(from, target)) return [target];
  if (from === "PENDING" && canMove("PAYMENT_PROCESSING", target)) return ["PAYMENT_PROCESSING", target];
  return [];
}

const paymentProgress = ["PENDING", "PROCESSING", "COMPLETED|FAILED", "PARTIALLY_REFUNDED", "REFUNDED"];
const progressOf = (status: string) => paymentProgress.findIndex((step) => step.split("|").includes(status));

/** Whether a payment status is later news than the one the order knows (stale news never overwrites newer). */
export function isNewerPaymentStatus(known: string | null, next: string): boolean {
  return known === null || progressOf(next) > progressOf(known);
}
