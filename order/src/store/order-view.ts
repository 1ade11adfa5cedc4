import { asc, inArray } from "drizzle-orm";
import { addressText } from "@platform/shared/address";
import { deliveryText } from "@platform/shared/delivery";
import { japaneseJstDay } from "@platform/shared/jst-days";
import { trackingUrl } from "@platform/shared/tracking-number";
import type { OrderDb } from "../db/client";
import { manualNext } from "../domain/order-status";
import { taxByRate } from "../domain/consumption-tax";
import type { ShippingAddress } from "../domain/shipping-address";
import { orderItems, type OrderItemRow, type OrderRow } from "../db/schema";

export type OrderView = ReturnType<typeof toOrder>;

export function toOrder(row: OrderRow, items: OrderItemRow[]) {
  const { refund_requested_at: _r, tracking_key: _t, external_ref, shipping_postal_code, shipping_prefecture, shipping_address_line1, shipping_address_line2, ...order } = row;
  return {
    ...order,
    external_ref,
    shipping_address: shipping_postal_code && shipping_prefecture && shipping_address_line1
      ? { postal_code: shipping_postal_code, prefecture: shipping_prefecture, address_line1: shipping_address_line1, address_line2: shipping_address_line2 }
      : null,
    tracking_url: trackingUrl(row.carrier, row.tracking_number),
    /** The moves a person may make now (PATCH status or cancel), for clients to offer exactly those. */
    allowed_next: manualNext(row.status),
    items: items.map(({ order_id: _o, position: _p, ...item }) => item),
    tax_by_rate: taxByRate(items),
  };
}

/** Orders with their items, loaded in one query for the whole page. */
export async function withItems(db: Pick<OrderDb, "select">, rows: OrderRow[]) {
  if (!rows.length) return [];
  const items = await db.select().from(orderItems).where(inArray(orderItems.order_id, rows.map((r) => r.id))).orderBy(asc(orderItems.order_id), asc(orderItems.position));
  const byOrder = Map.groupBy(items, (item) => item.order_id);
  return rows.map((row) => toOrder(row, byOrder.get(row.id) ?? []));
}

/** What an order notification is rendered from (API.md: "Variables an order notification gets"). */
export function notificationVariables(order: OrderView, extra: Record<string, unknown> = {}) {
  return {
    customer_name: order.customer_name,
    order_id: order.id,
    total_amount: order.total_amount,
    items: order.items.map(({ product_name, quantity, unit_price, subtotal, tax_rate }) => ({ product_name, quantity, unit_price, subtotal, tax_rate })),
    tax_by_rate: order.tax_by_rate,
    ordered_on: japaneseJstDay(order.created_at),
    ...(order.shipping_address ? { shipping_address: addressText(order.shipping_address) } : {}),
    ...(order.delivery_date || order.delivery_time ? { delivery_request: deliveryText(order.delivery_date, order.delivery_time) } : {}),
    ...extra,
  };
}

/** An order's shipping address as its row's columns: all four null for none. */
export function addressColumns(address: ShippingAddress | null | undefined) {
  return {
    shipping_postal_code: address?.postal_code ?? null, shipping_prefecture: address?.prefecture ?? null,
    shipping_address_line1: address?.address_line1 ?? null, shipping_address_line2: address?.address_line2 ?? null,
  };
}
