/**
 * What a field holding a customer's personal data reads once it was erased at their request (the
 * Order Service's POST /api/v1/customers/erasure, and the notifications it has erased in turn).
 */
export const ERASED = "（消去済み）";
