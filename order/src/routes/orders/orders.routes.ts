import { createRoute, z } from "@hono/zod-openapi";
import { dayRangeCheck, IdempotencyKeyHeader, IdParam, JstDay, PageQuery, pageOf, problemResponses, json } from "@platform/shared/openapi";
import { ContactChangeSchema } from "../../domain/new-order";
import { orderStatuses } from "../../domain/order-status";
import { CancelSchema, CreateOrderSchema, HistoryEntrySchema, OrderSchema, OrderStatsSchema, PickingListSchema, StatusChangeSchema, TaxSummarySchema } from "./orders.schemas";

const tags = ["orders"];
const orderId = IdParam("id", "ord_0193a5b0c7e07a4c9f1e2d3c4b5a6977");

export const create = createRoute({
  method: "post", path: "/api/v1/orders", tags, summary: "Create an order (FR-001, FR-002, FR-007, FR-008)",
  description: "Stores the order with its total and, in the same transaction, its payment request and ORDER_CONFIRMATION mail; then asks the Payment and Notification Services in parallel, and answers once the payment is known (the mail, already safe in the outbox, does not hold the answer up). With the Payment Service healthy the answer says PAYMENT_PROCESSING or PAID; with either service down or slow the order is still created and the requests are retried until they go through.",
  request: { headers: IdempotencyKeyHeader, body: { required: true, content: { "application/json": { schema: CreateOrderSchema } } } },
  responses: { 201: json(OrderSchema, "The order"), ...problemResponses(400, 413, 415, 422) },
});

const orderFilters = {
  status: z.enum(orderStatuses).optional(),
  import_id: z.string().optional().openapi({ description: "Only the orders of one bulk import" }),
  q: z.string().trim().min(1).max(200).optional().openapi({
    description: "Search: an order id or order_ref (exactly), part of the customer's e-mail or name (spaces ignored), or a phone number as dialled in Japan (090-1234-5678) or in E.164. A term of three characters or more is looked up in a full-text index, and one of two characters that is not ASCII (a family name such as 佐藤) in an index of the names; other terms, and terms in a fifth of the orders or more, read every order",
    example: "山田太郎",
  }),
  from: JstDay("2026-12-01", "Only orders created on this day (JST) or later").optional(),
  to: JstDay("2026-12-31", "Only orders created on this day (JST) or earlier").optional(),
  delivery_by: JstDay("2026-12-03", "Only orders the customer wants delivered on this day (JST) or earlier: with status=PAID, the ones that must ship first").optional(),
};

export const list = createRoute({
  method: "get", path: "/api/v1/orders", tags, summary: "Orders, newest first (FR-003)",
  request: { query: PageQuery.extend(orderFilters).superRefine(dayRangeCheck()) },
  responses: { 200: json(pageOf(OrderSchema, "OrderPage"), "A page of orders"), ...problemResponses(422) },
});

export const exportCsv = createRoute({
  method: "get", path: "/api/v1/orders/export", tags, summary: "Every order the list's filters find, as CSV (for the warehouse or a spreadsheet)",
  description: "All of them, not a page: newest first, one line per item, the order's columns repeated on each. Columns: order_id, order_ref, created_at_jst, status, customer_name, customer_email, customer_phone, product_name, quantity, unit_price, subtotal, total_amount, carrier, tracking_number, postal_code, prefecture, address_line1, address_line2, delivery_date, delivery_time, tax_rate (order_ref, the product, tax, address and delivery columns are named as in the bulk import's file; a Japanese customer_phone is written as dialled in Japan, 09012345678, as carriers' label software takes it). Sent as it is read, so any number of orders can be exported. UTF-8 with a BOM, as Excel opens Japanese; text a spreadsheet would run as a formula is made inert.",
  request: { query: z.object(orderFilters).superRefine(dayRangeCheck()) },
  responses: {
    200: { description: "The orders", content: { "text/csv": { schema: z.string().openapi({ example: "order_id,order_ref,created_at_jst,status,customer_name,customer_email,customer_phone,product_name,quantity,unit_price,subtotal,total_amount,carrier,tracking_number,postal_code,prefecture,address_line1,address_line2,delivery_date,delivery_time,tax_rate\r\nord_…,,2026-12-01 10:15:00,PAID,山田 太郎,taro@example.jp,,抹茶セット,2,1750,3500,3500,,,150-0001,東京都,渋谷区神宮前1-2-3,,2026-12-05,14-16,8\r\n" }) } } },
    ...problemResponses(422),
  },
});

export const pickingList = createRoute({
  method: "get", path: "/api/v1/orders/picking-list", tags, summary: "What to pick for the orders the list's filters find: each product's quantity over all of them",
  description: "For the warehouse's round before packing: with status=PAID, everything waiting to ship; add delivery_by for what must ship first. Products are told apart by name.",
  request: { query: z.object(orderFilters).superRefine(dayRangeCheck()) },
  responses: { 200: json(PickingListSchema, "The products to pick"), ...problemResponses(422) },
});

const TaxSpanQuery = z.object({ from: JstDay("2026-11-01", "The first day (JST), included"), to: JstDay("2026-11-30", "The last day (JST), included") }).superRefine(dayRangeCheck());

export const taxSummary = createRoute({
  method: "get", path: "/api/v1/orders/tax-summary", tags, summary: "The 消費税 in the sales of the orders shipped, and the returns recorded, between two days, by rate (for the tax return)",
  description: "from and to are JST days, both included, as the Payment Service's ledger takes them. An order is a sale on the day it shipped (出荷基準); a return (POST /api/v1/orders/{id}/returns) gives sales back on the day it was recorded, by the rates of its items. Refunds made by hand without a return are not known by rate: they are in the Payment Service's ledger, and refunded_orders counts the shipped orders concerned.",
  request: { query: TaxSpanQuery },
  responses: { 200: json(TaxSummarySchema, "The tax by rate"), ...problemResponses(422) },
});

export const taxSummaryExport = createRoute({
  method: "get", path: "/api/v1/orders/tax-summary/export", tags, summary: "The tax summary by JST day and rate, as CSV (for the accounting software)",
  description: "The figures of GET /api/v1/orders/tax-summary, one line for each day and rate that had shipments or returns, oldest first, 10 % before 8 %: date_jst, tax_rate, orders, amount, tax, returns, returned_amount, returned_tax, and net_amount and net_tax (the sales less the returns). The lines of a span add up to its summary. UTF-8 with a BOM, as Excel opens Japanese.",
  request: { query: TaxSpanQuery },
  responses: {
    200: { description: "The tax by day and rate", content: { "text/csv": { schema: z.string().openapi({ example: "date_jst,tax_rate,orders,amount,tax,returns,returned_amount,returned_tax,net_amount,net_tax\r\n2026-11-02,10,12,54780,4974,0,0,0,54780,4974\r\n2026-11-02,8,30,97200,7200,1,540,40,96660,7160\r\n" }) } } },
    ...problemResponses(422),
  },
});

export const stats = createRoute({
  method: "get", path: "/api/v1/orders/stats", tags, summary: "Orders by status, and today's count and revenue (JST)",
  responses: { 200: json(OrderStatsSchema, "Counts"), ...problemResponses() },
});

export const getOne = createRoute({
  method: "get", path: "/api/v1/orders/{id}", tags, summary: "An order with its items (FR-004)",
  request: { params: orderId },
  responses: { 200: json(OrderSchema, "The order"), ...problemResponses(404) },
});

export const history = createRoute({
  method: "get", path: "/api/v1/orders/{id}/history", tags, summary: "The order's status changes, oldest first",
  request: { params: orderId },
  responses: { 200: json(z.array(HistoryEntrySchema), "The timeline"), ...problemResponses(404) },
});

export const changeContact = createRoute({
  method: "patch", path: "/api/v1/orders/{id}", tags, summary: "Correct the customer's name, e-mail, phone number, shipping address or delivery wish",
  description: "For a customer who gave a wrong address: the fields given are changed, by the rules of a new order (customer_phone: null removes the phone number, shipping_address: null the address); mails sent from now on go to them, and what changed, from what, is written as a note on the order under the person who changed it (X-Operator). A mail already sent can be sent again to the new address with the Notification Service's resend. The shipping address and the delivery wish (delivery_date, delivery_time; null removes either) cannot change once the order is SHIPPED or DELIVERED (409). Items, total and status are not changed here.",
  request: { params: orderId, body: { required: true, content: { "application/json": { schema: ContactChangeSchema.openapi("ContactChange", { example: { customer_email: "taro.yamada@example.jp" } }) } } } },
  responses: { 200: json(OrderSchema, "The order"), ...problemResponses(400, 404, 409, 415, 422) },
});

export const changeStatus = createRoute({
  method: "patch", path: "/api/v1/orders/{id}/status", tags, summary: "Move an order on (FR-005)",
  description: "PAID -> SHIPPED (sends ORDER_SHIPPED, with carrier and tracking number when given) -> DELIVERED; CANCELLED as with the cancel route. Payment statuses are set by the payment flow. 409 names the allowed next statuses.",
  request: { params: orderId, body: { required: true, content: { "application/json": { schema: StatusChangeSchema } } } },
  responses: { 200: json(OrderSchema, "The order"), ...problemResponses(400, 404, 409, 415, 422) },
});

export const cancel = createRoute({
  method: "post", path: "/api/v1/orders/{id}/cancel", tags, summary: "Cancel an order (FR-006, FR-009, FR-010)",
  description: "From PENDING, PAYMENT_PROCESSING, PAID or PAYMENT_FAILED. Refunds a completed payment (a payment still processing is refunded as soon as it completes) and sends ORDER_CANCELLED. 409 from SHIPPED, DELIVERED or CANCELLED.",
  request: { headers: IdempotencyKeyHeader, params: orderId, body: { required: false, content: { "application/json": { schema: CancelSchema } } } },
  responses: { 200: json(OrderSchema, "The cancelled order"), ...problemResponses(400, 404, 409, 415, 422) },
});
