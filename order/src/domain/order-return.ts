import { z } from "zod";
import { FREE_TEXT_MESSAGE, isFreeText } from "@platform/shared/text";
import type { TaxRate } from "./consumption-tax";
import type { OrderStatus } from "./order-status";

/** Items come back (返品) or turn out out of stock (欠品) only once the order is paid; before, it is cancelled. */
export const RETURNABLE: readonly OrderStatus[] = ["PAID", "SHIPPED", "DELIVERED"];

export const ReturnRequestSchema = z.object({
  items: z.array(z.object({
    item_id: z.string().trim().min(1, "must not be empty"),
    quantity: z.number({ error: "must be an integer" }).int("must be an integer").min(1, "must be at least 1").max(10_000, "must be at most 10,000"),
  })).min(1, "must have at least one item").max(100, "must have at most 100 items")
    .refine((items) => new Set(items.map((item) => item.item_id)).size === items.length, "must name each item once"),
  reason: z.string().trim().max(500, "must be at most 500 characters").refine(isFreeText, FREE_TEXT_MESSAGE).optional(),
});
export type ReturnRequest = z.infer<typeof ReturnRequestSchema>;

type Item = { id: string; product_name: string; quantity: number; unit_price: number; tax_rate: TaxRate };
export type ReturnLine = { item_id: string; product_name: string; quantity: number; unit_price: number; amount: number; tax_rate: TaxRate };

/**
 * The lines of a return, refunded at the price paid (tax included); or, when it cannot be, an
 * error for each item that is not the order's or asks more back than was bought and not yet returned.
 */
export function returnLines(items: Item[], returned: Map<string, number>, request: ReturnRequest["items"]) {
  const byId = new Map(items.map((item) => [item.id, item]));
  const errors: { path: string; message: string }[] = [];
  const lines: ReturnLine[] = [];
  request.forEach(({ item_id, quantity }, i) => {
    const item = byId.get(item_id);
    if (!item) return errors.push({ path: `items.${i}.item_id`, message: `is not an item of this order` });
    const left = item.quantity - (returned.get(item_id) ?? 0);
    if (quantity > left) return errors.push({ path: `items.${i}.quantity`, message: `must be at most ${left}: ${item.quantity} bought, ${item.quantity - left} returned before` });
    lines.push({ item_id, product_name: item.product_name, quantity, unit_price: item.unit_price, amount: quantity * item.unit_price, tax_rate: item.tax_rate });
  });
  return { lines, errors };
}
