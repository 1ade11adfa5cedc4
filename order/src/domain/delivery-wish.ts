import { z } from "zod";
import { deliveryDay, deliverySlot, DELIVERY_SLOTS } from "@platform/shared/delivery";
import { jstToday } from "@platform/shared/jst-days";

const DAY_MESSAGE = "must be a date that exists, such as 2026-12-05";
const SLOT_MESSAGE = `must be one of the carriers' time slots: ${DELIVERY_SLOTS.join(", ")}`;

/** The day the customer wants the parcel, as written (2026/12/5 …); not a day already past in Japan. */
export const DeliveryDateSchema = z.string({ error: DAY_MESSAGE }).transform((text, ctx) => {
  const day = deliveryDay(text);
  if (!day) return (ctx.addIssue({ code: "custom", message: DAY_MESSAGE }), z.NEVER);
  if (day < jstToday()) return (ctx.addIssue({ code: "custom", message: "must not be a day already past (JST)" }), z.NEVER);
  return day;
});

/** The time slot the customer wants, as written (14時〜16時, 午前 …), as a carrier's slot. */
export const DeliveryTimeSchema = z.string({ error: SLOT_MESSAGE }).transform((text, ctx) => deliverySlot(text) ?? (ctx.addIssue({ code: "custom", message: SLOT_MESSAGE }), z.NEVER));
