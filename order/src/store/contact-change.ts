import { eq } from "drizzle-orm";
import { addressText } from "@platform/shared/address";
import { deliveryText } from "@platform/shared/delivery";
import { ApiError } from "@platform/shared/problem";
import { orders, type OrderRow } from "../db/schema";
import type { ContactChange } from "../domain/new-order";
import { writeNote } from "./note-store";
import { addressColumns, toOrder } from "./order-view";
import type { Tx } from "./order-store";

const contactFields = ["customer_name", "customer_email", "customer_phone"] as const;
const contactLabels = { customer_name: "お名前", customer_email: "メールアドレス", customer_phone: "電話番号" };

/**
 * Corrects the customer's contact details, the shipping address or the delivery wish; mails from
 * now on go to them. What changed, from what, is written as a note on the order under the person
 * who changed it, so a changed address can be traced back. Where and when the parcel goes cannot
 * change once it has left the warehouse.
 */
export async function correctContact(tx: Tx, before: OrderRow, change: ContactChange, operator: string | undefined) {
  if (before.erased_at) throw new ApiError("CONFLICT", `Order ${before.id}'s customer data was erased at their request (${before.erased_at}); it is not given again.`);
  const { shipping_address: address, delivery_date: date, delivery_time: time, ...contact } = change;
  const what = contactFields.filter((field) => contact[field] !== undefined && contact[field] !== before[field])
    .map((field) => `${contactLabels[field]}：${before[field] ?? "なし"} → ${contact[field] ?? "なし"}`);
  const addressBefore = toOrder(before, []).shipping_address;
  const moved = address !== undefined && JSON.stringify(addressColumns(address)) !== JSON.stringify(addressColumns(addressBefore));
  const wish = { delivery_date: date === undefined ? before.delivery_date : date, delivery_time: time === undefined ? before.delivery_time : time };
  const rewished = wish.delivery_date !== before.delivery_date || wish.delivery_time !== before.delivery_time;
  if ((moved || rewished) && ["SHIPPED", "DELIVERED"].includes(before.status)) {
    throw new ApiError("CONFLICT", `Order ${before.id} is ${before.status}: it has left the warehouse, so where and when it is delivered can no longer be changed.`);
  }
  if (moved) what.push(`配送先：${addressText(addressBefore)} → ${addressText(address)}`);
  if (rewished) what.push(`お届け希望：${deliveryText(before.delivery_date, before.delivery_time)} → ${deliveryText(wish.delivery_date, wish.delivery_time)}`);
  if (!what.length) return;
  await tx.update(orders).set({ ...contact, ...(moved ? addressColumns(address) : {}), ...wish, updated_at: new Date().toISOString() }).where(eq(orders.id, before.id));
  await writeNote(tx, before.id, `連絡先を修正しました（${what.join("、")}）`, operator);
}
