import { z } from "@hono/zod-openapi";
import "../zod-messages";
import { TAX_RATE } from "./tax";

/** Notifications as every service sees them: the Order Service asks for them, the dashboard reads them. */
export const channels = ["EMAIL", "SMS"] as const;
export const templateNames = ["ORDER_CONFIRMATION", "ORDER_SHIPPED", "ORDER_CANCELLED", "ORDER_RETURNED", "ORDER_REFUNDED"] as const;
export const notificationStatuses = ["PENDING", "SENT", "FAILED"] as const;
export type Channel = (typeof channels)[number];
export type TemplateName = (typeof templateNames)[number];
export type NotificationStatus = (typeof notificationStatuses)[number];

const OrderItemVariables = z.object({
  product_name: z.string().min(1).max(200),
  quantity: z.number().int().min(1),
  unit_price: z.number().int().min(0),
  subtotal: z.number().int().min(0),
  tax_rate: z.enum(TAX_RATE).optional().openapi({ description: "The 消費税 rate in unit_price (tax-included): 10, or 8 for the reduced rate; a reduced-rate item is marked ※ in the mail" }),
});

/** What every order notification is rendered from (API.md: "Variables an order notification gets"). */
export const OrderVariables = z.object({
  customer_name: z.string().trim().min(1).max(200).openapi({ example: "山田 太郎" }),
  order_id: z.string().min(1).max(64).openapi({ example: "ord_0193a5b0c7e07a4c9f1e2d3c4b5a6977" }),
  total_amount: z.number().int().min(0).openapi({ example: 3500 }),
  items: z.array(OrderItemVariables).min(1).max(100).openapi({ example: [{ product_name: "抹茶セット", quantity: 2, unit_price: 1750, subtotal: 3500 }] }),
  shipping_address: z.string().max(300).optional().openapi({ description: "Where the order is delivered, on one line; absent when the order has none", example: "〒150-0001 東京都渋谷区神宮前1-2-3 神宮前ビル 101" }),
  tax_by_rate: z.array(z.object({ rate: z.enum(TAX_RATE), amount: z.number().int().min(0), tax: z.number().int().min(0) })).max(2).optional()
    .openapi({ description: "The 消費税 in total_amount by rate, as the Order Service computes it; absent for a mail asked for before rates were kept", example: [{ rate: 10, amount: 2200, tax: 200 }, { rate: 8, amount: 3500, tax: 259 }] }),
  ordered_on: z.string().max(40).optional().openapi({ description: "The day the order was placed (JST), as the customer reads it; the transaction's day on the mail as an invoice. Absent for a mail asked for before it was sent", example: "2026年12月2日" }),
  delivery_request: z.string().max(100).optional().openapi({ description: "The day and time slot the customer wants it delivered, on one line; absent when none", example: "2026年12月5日 14〜16時" }),
});

export const CreateNotificationSchema = z.object({
  order_id: z.string().trim().min(1).max(64).openapi({ example: "ord_0193a5b0c7e07a4c9f1e2d3c4b5a6977" }),
  channel: z.enum(channels),
  template: z.enum(templateNames, { error: `must be one of ${templateNames.join(", ")}` }),
  recipient: z.string().trim().min(1).max(254).openapi({ description: "An e-mail address for EMAIL, an E.164 number for SMS", example: "taro@example.jp" }),
  variables: z.record(z.string(), z.unknown()).openapi({ description: "The template's variables; see GET /api/v1/templates", example: {
    customer_name: "山田 太郎", order_id: "ord_0193a5b0c7e07a4c9f1e2d3c4b5a6977", total_amount: 3500,
    items: [{ product_name: "抹茶セット", quantity: 2, unit_price: 1750, subtotal: 3500 }],
  } }),
}).openapi("CreateNotification");
export type CreateNotification = z.infer<typeof CreateNotificationSchema>;

export const NotificationSchema = z.object({
  id: z.string().openapi({ example: "ntf_0193a5b0c7e07a4c9f1e2d3c4b5a6980" }),
  order_id: z.string(),
  channel: z.enum(channels),
  template: z.enum(templateNames),
  recipient: z.string(),
  status: z.enum(notificationStatuses),
  subject: z.string().nullable().openapi({ description: "The e-mail subject; null for SMS" }),
  body: z.string().openapi({ description: "The plain-text e-mail part, or the SMS text" }),
  html: z.string().nullable().openapi({ description: "The HTML e-mail part; null for SMS" }),
  attempts: z.number().int().openapi({ description: "Sending attempts so far" }),
  error: z.string().nullable().openapi({ description: "Why the last attempt failed" }),
  created_at: z.string(),
  sent_at: z.string().nullable(),
  erased_at: z.string().nullable().openapi({ description: "When its recipient and text were erased at the customer's request (the Order Service's customer erasure); it is then never sent, retried or resent" }),
}).openapi("Notification");
export type Notification = z.infer<typeof NotificationSchema>;
