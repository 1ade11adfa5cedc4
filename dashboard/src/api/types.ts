import type { TAX_RATE } from "@platform/shared/contracts/tax";
export type TaxRate = (typeof TAX_RATE)[keyof typeof TAX_RATE];
export type OrderItem = { id: string; product_name: string; quantity: number; unit_price: number; subtotal: number; tax_rate: TaxRate };
export type ShippingAddress = { postal_code: string; prefecture: string; address_line1: string; address_line2: string | null };
export type Order = {
  id: string; customer_name: string; customer_email: string; customer_phone: string | null; shipping_address: ShippingAddress | null;
  delivery_date: string | null; delivery_time: string | null; status: string; total_amount: number;
  items: OrderItem[]; tax_by_rate: { rate: TaxRate; amount: number; tax: number }[]; returned_amount: number; allowed_next: string[]; payment_id: string | null; payment_status: string | null; carrier: string | null; tracking_number: string | null; tracking_url: string | null;
  external_ref: string | null; erased_at: string | null; created_at: string; updated_at: string;
};
export type HistoryEntry = { from_status: string | null; to_status: string; actor: string; reason: string | null; created_at: string };
export type Payment = { id: string; order_id: string; amount: number; status: string; failure_reason: string | null; refunded_amount: number; created_at: string; updated_at: string; completed_at: string | null };
export type OrderNote = { id: number; order_id: string; text: string; operator: string | null; created_at: string };
export type Refund = { id: string; payment_id: string; amount: number; reason: string | null; operator: string | null; notify_customer: boolean; created_at: string };
/** A message one service gave up sending to another (GET /api/v1/outbox), `payload` as JSON text. */
export type OutboxMessage = { id: string; kind: string; payload: string; status: string; attempts: number; last_error: string | null; created_at: string };

export type Notification = {
  id: string; order_id: string; channel: string; template: string; recipient: string; status: string;
  subject: string | null; body: string; html: string | null; attempts: number; error: string | null; created_at: string; sent_at: string | null; erased_at: string | null;
};
export type Template = { name: string; description: string; channels: string[]; variables: { name: string; required: boolean }[]; sample_variables: Record<string, unknown> };
export type OrderStats = { by_status: Record<string, number>; today: { orders: number; revenue: number } };
export type NewOrder = { customer_name: string; customer_email: string; customer_phone?: string; shipping_address?: ShippingAddress; delivery_date?: string; delivery_time?: string; items: { product_name: string; quantity: number; unit_price: number; tax_rate: TaxRate }[] };
export type Import = {
  id: string; status: string; file_name: string | null; encoding: string; total_rows: number; total_orders: number; valid_orders: number; error_rows: number;
  processed: number; succeeded: number; failed: number; payments_completed: number; payments_failed: number; notifications_sent: number;
  error: string | null; first_errors: { row: number; column: string | null; message: string }[]; uploaded_by: string | null; started_by: string | null;
  created_at: string; started_at: string | null; finished_at: string | null;
};
export type DeliveryResult = { order_id?: string; tracking_number?: string; status: 200 | 404 | 409; order?: Order; error?: { code: string; detail: string; current_status?: string } };
export type ShipmentResult = { order_id: string; status: 200 | 404 | 409; order?: Order; error?: { code: string; detail: string; current_status?: string } };
export type DayTotals = { charges: number; charged: number; refunds: number; refunded: number; net: number };
type Returned = { returns: number; returned_amount: number; returned_tax: number };
export type TaxSummary = {
  from: string; to: string; orders: number; refunded_orders: number;
  by_rate: ({ rate: TaxRate; orders: number; amount: number; tax: number } & Returned)[]; total: { amount: number; tax: number; returned_amount: number; returned_tax: number };
};
export type LedgerSummary = { from: string; to: string; days: (DayTotals & { date: string })[]; total: DayTotals };
export type PickingList = { orders: number; total_quantity: number; products: { product_name: string; quantity: number; orders: number }[] };
export type OrderReturn = {
  id: string; order_id: string; items: { item_id: string; product_name: string; quantity: number; unit_price: number; amount: number; tax_rate: TaxRate }[];
  amount: number; tax_by_rate: { rate: TaxRate; amount: number; tax: number }[]; reason: string | null; operator: string | null; created_at: string; refunded_at: string | null;
};
