import { z } from "@hono/zod-openapi";
import { NewItemSchema, NewOrderSchema } from "../../domain/new-order";
import { orderStatuses } from "../../domain/order-status";
import { FREE_TEXT_MESSAGE, isFreeText, isOneLine, ONE_LINE_MESSAGE } from "@platform/shared/text";
import { carrierName } from "@platform/shared/tracking-number";
import { TAX_RATE } from "../../domain/consumption-tax";

export const CreateOrderSchema = NewOrderSchema.openapi("CreateOrder", {
  description: "shipping_address is optional: postal_code as people write it (〒150-0001, 1500001, full-width digits) is stored as 150-0001; prefecture with or without its 都, 府 or 県 (東京, 大阪府) is stored in full; address_line1 is the city and street, address_line2 the building and room. delivery_date (the day the customer wants it, as written: 2026-12-05, 2026/12/5; not a day already past in Japan) and delivery_time (a carrier's slot, as written: 14-16, 14時〜16時, 午前) are optional too. Each item's unit_price is tax-included (税込); its tax_rate is 10 when left out, 8 for the reduced rate.",
  example: {
    customer_name: "山田 太郎", customer_email: "taro@example.jp", customer_phone: "+819012345678",
    shipping_address: { postal_code: "150-0001", prefecture: "東京都", address_line1: "渋谷区神宮前1-2-3", address_line2: "神宮前ビル 101" },
    delivery_date: "2026-12-05", delivery_time: "14-16",
    items: [{ product_name: "抹茶セット", quantity: 2, unit_price: 1750, tax_rate: 8 }, { product_name: "有田焼 湯呑み", quantity: 1, unit_price: 2200 }],
  },
});
NewItemSchema.openapi("CreateOrderItem");

export const ShippingAddressOutSchema = z.object({
  postal_code: z.string().openapi({ example: "150-0001" }),
  prefecture: z.string().openapi({ example: "東京都" }),
  address_line1: z.string().openapi({ description: "City and street", example: "渋谷区神宮前1-2-3" }),
  address_line2: z.string().nullable().openapi({ description: "Building and room", example: "神宮前ビル 101" }),
}).openapi("ShippingAddress");

export const OrderItemSchema = z.object({
  id: z.string(), product_name: z.string(), quantity: z.number().int(), unit_price: z.number().int(),
  subtotal: z.number().int().openapi({ description: "quantity × unit_price" }),
  tax_rate: z.enum(TAX_RATE).openapi({ description: "The 消費税 rate in unit_price, percent: 10, or 8 for the reduced rate (food and drink, newspapers). Orders created before rates were kept read 10", example: 8 }),
}).openapi("OrderItem");

export const TaxByRateSchema = z.object({
  rate: z.enum(TAX_RATE).openapi({ description: "Percent", example: 8 }),
  amount: z.number().int().openapi({ description: "The items at this rate, tax included (税込), JPY", example: 3500 }),
  tax: z.number().int().openapi({ description: "The 消費税 in amount: amount × rate / (100 + rate), rounded down once for the order (one rounding per rate, as a qualified invoice has it)", example: 259 }),
}).openapi("TaxByRate");

export const OrderSchema = z.object({
  id: z.string().openapi({ example: "ord_0193a5b0c7e07a4c9f1e2d3c4b5a6977" }),
  customer_name: z.string(),
  customer_email: z.string(),
  customer_phone: z.string().nullable(),
  shipping_address: ShippingAddressOutSchema.nullable().openapi({ description: "Where the order is delivered; null when none was given" }),
  delivery_date: z.string().nullable().openapi({ description: "The day (JST) the customer wants it delivered", example: "2026-12-05" }),
  delivery_time: z.string().nullable().openapi({ description: "The time slot the customer wants: 午前中, 12-14, 14-16, 16-18, 18-20, 18-21, 19-21 or 20-21", example: "14-16" }),
  status: z.enum(orderStatuses),
  total_amount: z.number().int().openapi({ description: "Sum of quantity × unit_price, integer JPY", example: 3500 }),
  currency: z.literal("JPY"),
  items: z.array(OrderItemSchema),
  tax_by_rate: z.array(TaxByRateSchema).openapi({ description: "The 消費税 in total_amount by rate, 10 % first; each rate the order has, once (what an invoice states: 10%対象 ¥…, 内消費税 ¥…)" }),
  returned_amount: z.number().int().openapi({ description: "What the order's returns (返品・欠品, GET /api/v1/orders/{id}/returns) refund in all, tax included; 0 for none", example: 0 }),
  allowed_next: z.array(z.enum(orderStatuses)).openapi({ description: "The statuses a person may move the order to now (PATCH status, or cancel)", example: ["SHIPPED", "CANCELLED"] }),
  payment_id: z.string().nullable(),
  payment_status: z.string().nullable().openapi({ description: "The payment's last known status" }),
  carrier: z.string().nullable(),
  tracking_number: z.string().nullable(),
  tracking_url: z.string().nullable().openapi({ description: "The carrier's page showing where the parcel is, for ヤマト運輸, 佐川急便 and 日本郵便 (as operators write them: クロネコ, 佐川, ゆうパック …) with a tracking number of digits; null otherwise", example: "https://jizen.kuronekoyamato.co.jp/jizen/servlet/crjz.b.NQ0010?id=123456789013" }),
  import_id: z.string().nullable().openapi({ description: "The bulk import the order came from" }),
  external_ref: z.string().nullable().openapi({ description: "The order_ref of an imported order" }),
  erased_at: z.string().nullable().openapi({ description: "When the customer's personal data was erased at their request (POST /api/v1/customers/erasure); their name and e-mail then read （消去済み）" }),
  created_at: z.string(),
  updated_at: z.string(),
}).openapi("Order");

export const HistoryEntrySchema = z.object({
  from_status: z.enum(orderStatuses).nullable(),
  to_status: z.enum(orderStatuses),
  actor: z.string().openapi({ description: "api, operator:<name> (the person the request named in X-Operator), payment-service, webhook:<event type>, reconciler or import:<import id>", example: "webhook:payment.completed" }),
  reason: z.string().nullable(),
  request_id: z.string().nullable(),
  created_at: z.string(),
}).openapi("OrderStatusChange");

/** What an order ships with, by PATCH status or in a shipping list. */
export const ShippingFields = {
  carrier: z.string().trim().max(100).refine(isOneLine, ONE_LINE_MESSAGE).transform(carrierName).optional().openapi({
    description: "The carrier, put in the shipping mail. ヤマト運輸, 佐川急便 and 日本郵便 are stored by that name however written (クロネコ, ヤマト, 佐川, ゆうパック …); any other as given",
    example: "ヤマト運輸",
  }),
  tracking_number: z.string().trim().max(100).refine(isOneLine, ONE_LINE_MESSAGE).transform((number) => number.normalize("NFKC")).optional()
    .openapi({ description: "As the label prints it; full-width digits and dashes are stored half-width", example: "1234-5678-9013" }),
};

export const StatusChangeSchema = z.object({
  status: z.enum(orderStatuses),
  reason: z.string().trim().max(500).refine(isFreeText, FREE_TEXT_MESSAGE).optional(),
  ...ShippingFields,
}).openapi("StatusChange");

export const CancelSchema = z.object({ reason: z.string().trim().max(500).refine(isFreeText, FREE_TEXT_MESSAGE).optional() }).openapi("Cancel");

export const OrderStatsSchema = z.object({
  by_status: z.record(z.string(), z.number().int()),
  today: z.object({
    orders: z.number().int().openapi({ description: "Orders created since midnight JST" }),
    revenue: z.number().int().openapi({ description: "JPY of today's orders that are paid, shipped or delivered" }),
  }),
}).openapi("OrderStats");

export const PickingListSchema = z.object({
  orders: z.number().int().openapi({ description: "The orders the filters found", example: 42 }),
  total_quantity: z.number().int().openapi({ description: "Pieces to pick, all products together", example: 97 }),
  products: z.array(z.object({
    product_name: z.string().openapi({ example: "抹茶セット" }),
    quantity: z.number().int().openapi({ description: "Pieces over all the orders", example: 58 }),
    orders: z.number().int().openapi({ description: "Orders it is in", example: 29 }),
  })).openapi({ description: "Each product once, the largest quantity first" }),
}).openapi("PickingList");

export const TaxSummarySchema = z.object({
  from: z.string().openapi({ example: "2026-11-01" }),
  to: z.string().openapi({ example: "2026-11-30" }),
  basis: z.literal("shipped").openapi({ description: "An order is a sale on the day it shipped (出荷基準), a return on the day it was recorded; JST" }),
  orders: z.number().int().openapi({ description: "Orders shipped in the span", example: 412 }),
  refunded_orders: z.number().int().openapi({ description: "Of those, the ones refunded by hand with no return recorded (a discount, a return refunded on the payments page): their refunds are in the Payment Service's ledger, not here, for finance to adjust", example: 3 }),
  by_rate: z.array(z.object({
    rate: z.enum(TAX_RATE).openapi({ example: 8 }),
    orders: z.number().int().openapi({ description: "Orders shipped with items at this rate", example: 380 }),
    amount: z.number().int().openapi({ description: "Their items at this rate, tax included, JPY", example: 1_520_400 }),
    tax: z.number().int().openapi({ description: "The 消費税 in amount: each order's own, rounded down once per rate as its invoice has it, summed (積上げ計算)", example: 112_600 }),
    returns: z.number().int().openapi({ description: "Returns recorded in the span with items at this rate (POST /api/v1/orders/{id}/returns)", example: 4 }),
    returned_amount: z.number().int().openapi({ description: "Their items at this rate, tax included: the sales given back (返還等対価)", example: 7_000 }),
    returned_tax: z.number().int().openapi({ description: "The 消費税 in returned_amount, each return's own, summed", example: 518 }),
  })).openapi({ description: "Each rate the span's shipments or returns have, 10 % first" }),
  total: z.object({ amount: z.number().int(), tax: z.number().int(), returned_amount: z.number().int(), returned_tax: z.number().int() }).openapi({ description: "All rates together" }),
}).openapi("TaxSummary");
