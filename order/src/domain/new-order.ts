import { z } from "zod";
import { E164 } from "@platform/shared/phone";
import { DeliveryDateSchema, DeliveryTimeSchema } from "./delivery-wish";
import { ShippingAddressSchema } from "./shipping-address";
import { MAX_PAYMENT_JPY, MIN_PAYMENT_JPY } from "@platform/shared/contracts/payment";
import "@platform/shared/zod-messages";
import { isOneLine, ONE_LINE_MESSAGE } from "@platform/shared/text";
import { STANDARD_TAX_RATE, TaxRateSchema } from "./consumption-tax";

/**
 * The rules an order must meet, whether it comes from the API or a CSV row. Unknown fields are
 * dropped, so a client can never set the status or the total.
 */
export const NewItemSchema = z.object({
  product_name: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters").refine(isOneLine, ONE_LINE_MESSAGE),
  quantity: z.number({ error: "must be an integer" }).int("must be an integer").min(1, "must be at least 1").max(10_000, "must be at most 10,000"),
  unit_price: z.number({ error: "must be an integer number of JPY" }).int("must be an integer number of JPY").min(0, "must not be negative").max(1_000_000, "must be at most 1,000,000 JPY"),
  tax_rate: TaxRateSchema.default(STANDARD_TAX_RATE).describe("The 消費税 rate in unit_price, which is tax-included (税込): 10, or 8 for the reduced rate (food and drink other than eating out, newspapers)"),
});

const customer = {
  customer_name: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters").refine(isOneLine, ONE_LINE_MESSAGE),
  customer_email: z.string().trim().pipe(z.email("must be a valid e-mail address")),
  customer_phone: z.string().trim().regex(E164, "must be an E.164 number such as +819012345678"),
};

/** A correction of the customer's contact details or the shipping address, by the same rules; null removes the phone number or the address. */
export const ContactChangeSchema = z.object({
  customer_name: customer.customer_name.optional(),
  customer_email: customer.customer_email.optional(),
  customer_phone: customer.customer_phone.nullable().optional(),
  shipping_address: ShippingAddressSchema.nullable().optional(),
  delivery_date: DeliveryDateSchema.nullable().optional(),
  delivery_time: DeliveryTimeSchema.nullable().optional(),
}).refine((change) => Object.values(change).some((value) => value !== undefined), "must change at least one of customer_name, customer_email, customer_phone, shipping_address, delivery_date, delivery_time");
export type ContactChange = z.infer<typeof ContactChangeSchema>;

export const NewOrderSchema = z.object({
  ...customer,
  customer_phone: customer.customer_phone.optional(),
  shipping_address: ShippingAddressSchema.nullish(),
  delivery_date: DeliveryDateSchema.nullish(),
  delivery_time: DeliveryTimeSchema.nullish(),
  items: z.array(NewItemSchema).min(1, "must have at least one item").max(100, "must have at most 100 items"),
}).superRefine((order, ctx) => {
  const itemsValid = order.items.every((i) => Number.isInteger(i.quantity) && i.quantity >= 1 && Number.isInteger(i.unit_price) && i.unit_price >= 0);
  if (!itemsValid) return; // the item's own error says it; a total of invalid items means nothing
  const total = orderTotal(order.items);
  if (total < MIN_PAYMENT_JPY || total > MAX_PAYMENT_JPY) {
    ctx.addIssue({
      code: "custom", path: ["items"],
      message: `the order total ${total} JPY cannot be paid: a payment is ${MIN_PAYMENT_JPY} to ${MAX_PAYMENT_JPY.toLocaleString("en")} JPY`,
    });
  }
});
export type NewOrder = z.infer<typeof NewOrderSchema>;

/** FR-002: the total is the sum of quantity × unit price, computed here and nowhere else. */
export const orderTotal = (items: { quantity: number; unit_price: number }[]) =>
  items.reduce((sum, item) => sum + item.quantity * item.unit_price, 0);
