import { z } from "@hono/zod-openapi";
import { OrderVariables, type Channel, type TemplateName } from "@platform/shared/contracts/notification";
import { TAX_RATE } from "@platform/shared/contracts/tax";

/** Each template's variables and the sample data its preview and the start-up check render. */
export const catalog: Record<TemplateName, { description: string; channels: Channel[]; variables: z.ZodObject }> = {
  ORDER_CONFIRMATION: {
    description: "ご注文確認: sent when an order is created",
    channels: ["EMAIL", "SMS"],
    variables: OrderVariables,
  },
  ORDER_SHIPPED: {
    description: "発送のお知らせ: sent when an order is shipped",
    channels: ["EMAIL", "SMS"],
    variables: OrderVariables.extend({ carrier: z.string().max(100).optional(), tracking_number: z.string().max(100).optional() }),
  },
  ORDER_CANCELLED: {
    description: "キャンセルのお知らせ: sent when an order is cancelled",
    channels: ["EMAIL", "SMS"],
    variables: OrderVariables.extend({ refund_amount: z.number().int().min(0).optional() }),
  },
  ORDER_RETURNED: {
    description: "返品・返金のお知らせ: sent when items of a paid order come back or cannot be sent, with their refund",
    channels: ["EMAIL", "SMS"],
    variables: OrderVariables.extend({
      returned_items: z.array(z.object({
        product_name: z.string().min(1).max(200), quantity: z.number().int().min(1), unit_price: z.number().int().min(0), amount: z.number().int().min(0), tax_rate: z.enum(TAX_RATE).optional(),
      })).min(1).max(100),
      returned_amount: z.number().int().min(0),
      returned_tax_by_rate: z.array(z.object({ rate: z.enum(TAX_RATE), amount: z.number().int().min(0), tax: z.number().int().min(0) })).max(2).optional(),
      returned_on: z.string().max(40).optional().openapi({ description: "The day the return was recorded (JST), as the customer reads it", example: "2026年12月9日" }),
    }),
  },
  ORDER_REFUNDED: {
    description: "返金のお知らせ: sent when a person refunds part or all of a payment by hand and asks for the customer to be told",
    channels: ["EMAIL", "SMS"],
    variables: OrderVariables.extend({
      refund_amount: z.number().int().min(1).openapi({ description: "JPY refunded by this refund", example: 1000 }),
      refunded_total: z.number().int().min(1).openapi({ description: "JPY refunded of the order so far, this refund included", example: 1000 }),
      refunded_on: z.string().max(40).openapi({ description: "The day of the refund (JST), as the customer reads it", example: "2026年12月10日" }),
    }),
  },
};

export const sampleVariables = {
  customer_name: "山田 太郎",
  order_id: "ord_0193a5b0c7e07a4c9f1e2d3c4b5a6977",
  total_amount: 12800,
  items: [
    { product_name: "宇治抹茶セット", quantity: 2, unit_price: 3200, subtotal: 6400, tax_rate: 8 },
    { product_name: "有田焼 湯呑み", quantity: 1, unit_price: 6400, subtotal: 6400, tax_rate: 10 },
  ],
  tax_by_rate: [{ rate: 10, amount: 6400, tax: 581 }, { rate: 8, amount: 6400, tax: 474 }],
  ordered_on: "2026年12月2日",
  carrier: "ヤマト運輸",
  tracking_number: "1234-5678-9013",
  shipping_address: "〒150-0001 東京都渋谷区神宮前1-2-3 神宮前ビル 101",
  delivery_request: "2026年12月5日 14〜16時",
  refund_amount: 12800,
  returned_items: [{ product_name: "宇治抹茶セット", quantity: 1, unit_price: 3200, amount: 3200, tax_rate: 8 }],
  returned_amount: 3200,
  returned_tax_by_rate: [{ rate: 8, amount: 3200, tax: 237 }],
  returned_on: "2026年12月9日",
  refunded_total: 12800,
  refunded_on: "2026年12月10日",
};

/** The variables a template takes, named for GET /api/v1/templates. */
export function variableNames(template: TemplateName) {
  const shape = catalog[template].variables.shape as Record<string, z.ZodType>;
  return Object.entries(shape).map(([name, schema]) => ({ name, required: !schema.safeParse(undefined).success }));
}
