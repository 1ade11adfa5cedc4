import { z } from "zod";
import { postalCode, prefecture, type AddressParts } from "@platform/shared/address";
import { isOneLine, ONE_LINE_MESSAGE } from "@platform/shared/text";

const line = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`).refine(isOneLine, ONE_LINE_MESSAGE);
const POSTAL_MESSAGE = "must be a postal code of 7 digits, such as 150-0001";
const PREFECTURE_MESSAGE = "must be one of the 47 prefectures, such as 東京都";

/**
 * Where an order is delivered, in the parts Japanese carriers' label software takes: postal code,
 * prefecture, city and street (address_line1), building and room (address_line2).
 */
export const ShippingAddressSchema = z.object({
  postal_code: z.string({ error: POSTAL_MESSAGE }).transform((text, ctx) => postalCode(text) ?? (ctx.addIssue({ code: "custom", message: POSTAL_MESSAGE }), z.NEVER)),
  prefecture: z.string({ error: PREFECTURE_MESSAGE }).transform((text, ctx) => prefecture(text) ?? (ctx.addIssue({ code: "custom", message: PREFECTURE_MESSAGE }), z.NEVER)),
  address_line1: line(100).min(1, "must not be empty"),
  address_line2: line(100).nullish().transform((text) => text || null),
});
/** An address as it is stored and read back (a prefecture read from the database is a plain string). */
export type ShippingAddress = AddressParts;
