import { asc, count, countDistinct, desc, eq, sum } from "drizzle-orm";
import type { OrderDb } from "../db/client";
import { orderItems, orders } from "../db/schema";
import { filtered, type OrderFilter } from "./order-filter";
import { indexNarrows } from "./search-index";

/**
 * What the warehouse picks for the orders a filter finds (the paid ones, those wished delivered by
 * tomorrow …): each product once, with the quantity over all of them and the number of orders it is
 * in, the largest first. Products are told apart by name, as the orders carry no product code.
 */
export async function pickingList(db: OrderDb, query: OrderFilter) {
  const where = filtered(query, await indexNarrows(db, query.q));
  const quantity = sum(orderItems.quantity).mapWith(Number);
  const [products, [found]] = await Promise.all([
    db.select({ product_name: orderItems.product_name, quantity, orders: countDistinct(orderItems.order_id) })
      .from(orders).innerJoin(orderItems, eq(orderItems.order_id, orders.id)).where(where)
      .groupBy(orderItems.product_name).orderBy(desc(quantity), asc(orderItems.product_name)),
    db.select({ n: count() }).from(orders).where(where),
  ]);
  return { orders: found!.n, total_quantity: products.reduce((total, product) => total + product.quantity, 0), products };
}
