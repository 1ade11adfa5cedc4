/** The card processor. A real one takes the payment id as its idempotency key, so a repeated charge is harmless. */
export type ChargeResult = { approved: true } | { approved: false; reason: string };

export interface PaymentGateway {
  charge(request: { paymentId: string; amount: number; currency: "JPY" }): Promise<ChargeResult>;
  refund(request: { paymentId: string; refundId: string; amount: number }): Promise<void>;
}
