import { and, asc, count, countDistinct, desc, eq, sql, sum } from "drizzle-orm";
import type { OrderDb } from "../db/client";
import { orderItems, orderReturns, orders } from "../db/schema";
import { filtered, type OrderFilter } from "./order-filter";
import { indexNarrows } from "./search-index";

/**
 * What the warehouse picks for the orders a filter finds (the paid ones, those wished delivered by
 * tomorrow …): each product once, with the quantity over all of them and the number of orders it is
 * in, the largest first, less what was recorded out of stock (a return before shipping). Products are
 * told apart by name, as the orders carry no product code.
 */
export async function pickingList(db: OrderDb, query: OrderFilter) {
  const where = filtered(query, await indexNarrows(db, query.q));
  // what an item's returns took back: an item out of stock (欠品) recorded before it shipped is not picked
  const returned = db.select({ item_id: orderReturns.item_id, quantity: sql<number>`sum(${orderReturns.quantity})`.as("returned") }).from(orderReturns).groupBy(orderReturns.item_id).as("returned");
  const left = sql<number>`${orderItems.quantity} - coalesce(${returned.quantity}, 0)`;
  const quantity = sum(left).mapWith(Number);
  const [products, [found]] = await Promise.all([
    db.select({ product_name: orderItems.product_name, quantity, orders: countDistinct(orderItems.order_id) })
      .from(orders).innerJoin(orderItems, eq(orderItems.order_id, orders.id)).leftJoin(returned, eq(returned.item_id, orderItems.id)).where(and(where, sql`${left} > 0`))
      .groupBy(orderItems.product_name).orderBy(desc(quantity), asc(orderItems.product_name)),
    db.select({ n: count() }).from(orders).where(where),
  ]);
  return { orders: found!.n, total_quantity: products.reduce((total, product) => total + product.quantity, 0), products };
}
