import { download, request, serviceUrl, upload, type Page } from "./client";
import type { HistoryEntry, Import, NewOrder, Notification, OutboxMessage, Order, OrderNote, OrderStats, Payment, LedgerSummary, TaxSummary, OrderReturn, PickingList, Refund, ShipmentResult, ShippingAddress, Template, DeliveryResult } from "./types";

const query = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== "").map(([k, v]) => [k, String(v)])).toString();

/** What the order list and its export are narrowed by; from and to are JST days, YYYY-MM-DD; import_id, one bulk import's orders. */
type OrderFilter = { status?: string; q?: string; from?: string; to?: string; import_id?: string; delivery_by?: string };

export const api = {
  orders: (params: { skip: number; limit: number } & OrderFilter) => request<Page<Order>>("order", `/api/v1/orders?${query(params)}`),
  downloadOrders: (filter: OrderFilter) => download("order", `/api/v1/orders/export?${query(filter)}`),
  returns: (orderId: string) => request<OrderReturn[]>("order", `/api/v1/orders/${orderId}/returns`),
  recordReturn: (orderId: string, items: { item_id: string; quantity: number }[], reason: string | undefined, idempotencyKey: string) =>
    request<OrderReturn>("order", `/api/v1/orders/${orderId}/returns`, { method: "POST", body: { items, reason }, idempotencyKey }),
  taxSummary: (from: string, to: string) => request<TaxSummary>("order", `/api/v1/orders/tax-summary?${query({ from, to })}`),
  downloadTaxSummary: (from: string, to: string) => download("order", `/api/v1/orders/tax-summary/export?${query({ from, to })}`),
  pickingList: (filter: OrderFilter) => request<PickingList>("order", `/api/v1/orders/picking-list?${query(filter)}`),
  order: (id: string) => request<Order>("order", `/api/v1/orders/${id}`),
  orderNotes: (id: string) => request<OrderNote[]>("order", `/api/v1/orders/${id}/notes`),
  addNote: (id: string, text: string) => request<OrderNote>("order", `/api/v1/orders/${id}/notes`, { method: "POST", body: { text } }),
  orderHistory: (id: string) => request<HistoryEntry[]>("order", `/api/v1/orders/${id}/history`),
  orderStats: () => request<OrderStats>("order", "/api/v1/orders/stats"),
  createOrder: (order: NewOrder, idempotencyKey: string) => request<Order>("order", "/api/v1/orders", { method: "POST", body: order, idempotencyKey }),
  changeContact: (id: string, change: Record<string, string | ShippingAddress | null | undefined>) => request<Order>("order", `/api/v1/orders/${id}`, { method: "PATCH", body: change }),
  moveOrder: (id: string, body: { status: string; carrier?: string; tracking_number?: string }) => request<Order>("order", `/api/v1/orders/${id}/status`, { method: "PATCH", body }),
  shipOrders: (shipments: { order_id: string; carrier?: string; tracking_number?: string }[]) =>
    request<{ shipped: number; refused: number; results: ShipmentResult[] }>("order", "/api/v1/orders/shipments", { method: "POST", body: { shipments } }),
  deliverOrders: (deliveries: ({ order_id: string } | { tracking_number: string })[]) =>
    request<{ delivered: number; refused: number; results: DeliveryResult[] }>("order", "/api/v1/orders/deliveries", { method: "POST", body: { deliveries } }),
  eraseCustomer: (customerEmail: string, reason?: string) =>
    request<{ orders: string[]; erased_at: string }>("order", "/api/v1/customers/erasure", { method: "POST", body: { customer_email: customerEmail, reason } }),
  cancelOrder: (id: string, reason?: string) => request<Order>("order", `/api/v1/orders/${id}/cancel`, { method: "POST", body: { reason } }),
  imports: (params: { skip: number; limit: number }) => request<Page<Import>>("order", `/api/v1/imports?${query(params)}`),
  import: (id: string) => request<Import>("order", `/api/v1/imports/${id}`),
  uploadImport: (file: File) => upload<Import>("order", "/api/v1/imports?dry_run=true", file),
  confirmImport: (id: string) => request<Import>("order", `/api/v1/imports/${id}/confirm`, { method: "POST" }),
  downloadImportErrors: (id: string) => download("order", `/api/v1/imports/${id}/errors`),
  importEventsUrl: (id: string) => `${serviceUrl("order")}/api/v1/imports/${id}/events`,
  payments: (params: { skip: number; limit: number; status?: string }) => request<Page<Payment>>("payment", `/api/v1/payments?${query(params)}`),
  paymentOfOrder: (orderId: string) => request<Payment>("payment", `/api/v1/payments/order/${orderId}`),
  refund: (paymentId: string, refund: { amount?: number; reason?: string; notify_customer: boolean }) => request<Payment>("payment", `/api/v1/payments/${paymentId}/refund`, { method: "POST", body: refund }),
  refunds: (paymentId: string) => request<Refund[]>("payment", `/api/v1/payments/${paymentId}/refunds`),
  downloadLedger: (from: string, to: string) => download("payment", `/api/v1/ledger?${query({ from, to })}`),
  ledgerSummary: (from: string, to: string) => request<LedgerSummary>("payment", `/api/v1/ledger/summary?${query({ from, to })}`),
  notifications: (params: { skip: number; limit: number; status?: string; recipient?: string }) => request<Page<Notification>>("notification", `/api/v1/notifications?${query(params)}`),
  notificationsOfOrder: (orderId: string) => request<Notification[]>("notification", `/api/v1/notifications/order/${orderId}`),
  notificationStats: () => request<{ pending: number; sent: number; failed: number }>("notification", "/api/v1/notifications/stats"),
  resendNotification: (id: string, recipient?: string) => request<Notification>("notification", `/api/v1/notifications/${id}/resend`, { method: "POST", body: { recipient } }),
  retryNotification: (id: string) => request<Notification>("notification", `/api/v1/notifications/${id}/retry`, { method: "POST" }),
  /** What the Order or Payment Service gave up telling another service (dead-lettered), newest first. */
  deadMessages: (service: "order" | "payment") => request<Page<OutboxMessage>>(service, "/api/v1/outbox?status=DEAD&limit=100"),
  retryMessage: (service: "order" | "payment", id: string) => request<{ id: string; status: string }>(service, `/api/v1/outbox/${id}/retry`, { method: "POST" }),
  templates: () => request<Template[]>("notification", "/api/v1/templates"),
  preview: (name: string, channel: string) => request<{ subject: string | null; body: string; html: string | null }>("notification", `/api/v1/templates/${name}/preview`, { method: "POST", body: { channel } }),
};
