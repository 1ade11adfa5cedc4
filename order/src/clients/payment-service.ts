import { PaymentSchema, type Payment } from "@platform/shared/contracts/payment";
import { createHttpClient, DependencyError } from "@platform/shared/http-client";
import { OPERATOR_HEADER } from "@platform/shared/operator";
import { PermanentError } from "@platform/shared/outbox/outbox-relay";

/** The Payment Service, as the Order Service reaches it. Every call that creates carries an Idempotency-Key. */
export function createPaymentServiceClient(options: { baseUrl: string; timeoutMs: number; apiToken?: string }) {
  const http = createHttpClient({ name: "payment-service", ...options });

  const payment = (body: unknown) => PaymentSchema.parse(body);
  const unexpected = (what: string, status: number, body: unknown) =>
    new DependencyError("payment-service", `${what} answered ${status}: ${JSON.stringify(body).slice(0, 300)}`);

  return {
    http,
    /**
     * Many payments in one call; each result says 201, 409 (with the existing payment) or 422. A request
     * id given per payment follows that payment's webhooks.
     */
    async requestBatch(payments: { order_id: string; amount: number; request_id?: string | null }[], requestId: string | null) {
      const response = await http.request({ method: "POST", path: "/api/v1/payments/batch", body: { payments }, requestId });
      if (response.status !== 200) throw unexpected("POST /payments/batch", response.status, response.body);
      const { results } = response.body as { results: { order_id: string; status: number; payment?: unknown; error?: unknown }[] };
      return results.map((r) => ({ ...r, payment: r.payment ? payment(r.payment) : undefined }));
    },

    async paymentOf(orderId: string, requestId: string | null): Promise<Payment | undefined> {
      const response = await http.request({ method: "GET", path: `/api/v1/payments/order/${encodeURIComponent(orderId)}`, requestId });
      if (response.status === 200) return payment(response.body);
      if (response.status === 404) return undefined;
      throw unexpected("GET /payments/order", response.status, response.body);
    },

    /** Erases the reasons written for these orders' refunds (a customer's erasure); repeating it erases nothing more. */
    async erase(orderIds: string[], requestId: string | null) {
      const response = await http.request({ method: "POST", path: "/api/v1/payments/erasure", body: { order_ids: orderIds }, requestId });
      if (response.status === 422) throw new PermanentError(`POST /payments/erasure was refused: ${JSON.stringify(response.body).slice(0, 500)}`);
      if (response.status !== 200) throw unexpected("POST /payments/erasure", response.status, response.body);
    },

    /** Refunds a part, once under its key; a refusal (more than is left, a payment not refundable) is for good. */
    async refund(paymentId: string, body: { amount: number; reason: string }, idempotencyKey: string, requestId: string | null, operator?: string): Promise<Payment> {
      const headers = operator ? { [OPERATOR_HEADER]: encodeURIComponent(operator) } : undefined;
      const response = await http.request({ method: "POST", path: `/api/v1/payments/${paymentId}/refund`, body, headers, requestId, idempotencyKey });
      if (response.status === 200) return payment(response.body);
      if (response.status === 409 || response.status === 422) throw new PermanentError(`POST /payments/refund was refused: ${JSON.stringify(response.body).slice(0, 500)}`);
      throw unexpected("POST /payments/refund", response.status, response.body);
    },

    /** Refunds what is left; a payment already fully refunded counts as done. */
    async refundAll(paymentId: string, reason: string, requestId: string | null, operator?: string): Promise<Payment> {
      const headers = operator ? { [OPERATOR_HEADER]: encodeURIComponent(operator) } : undefined;
      const response = await http.request({ method: "POST", path: `/api/v1/payments/${paymentId}/refund`, body: { reason }, headers, requestId, idempotencyKey: `order-refund-${paymentId}` });
      if (response.status === 200) return payment(response.body);
      if (response.status === 409) {
        const current = await http.request({ method: "GET", path: `/api/v1/payments/${paymentId}`, requestId });
        if (current.status === 200 && payment(current.body).status === "REFUNDED") return payment(current.body);
      }
      throw unexpected("POST /payments/refund", response.status, response.body);
    },
  };
}

export type PaymentServiceClient = ReturnType<typeof createPaymentServiceClient>;
