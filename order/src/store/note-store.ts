import { asc, eq } from "drizzle-orm";
import type { OrderDb } from "../db/client";
import { orderNotes } from "../db/schema";
import type { OrderStore } from "./order-store";

/** The team's notes on an order: added, never edited, so what was said stays said. */
export function createNoteStore(db: OrderDb, store: OrderStore) {
  const view = ({ id, order_id, text, operator, created_at }: typeof orderNotes.$inferSelect) => ({ id, order_id, text, operator, created_at });
  return {
    async add(orderId: string, text: string, operator: string | undefined) {
      await store.load(orderId); // 404 for an unknown order
      const [row] = await db.insert(orderNotes).values({ order_id: orderId, text, operator, created_at: new Date().toISOString() }).returning();
      return view(row!);
    },

    async of(orderId: string) {
      await store.load(orderId);
      return (await db.select().from(orderNotes).where(eq(orderNotes.order_id, orderId)).orderBy(asc(orderNotes.id))).map(view);
    },
  };
}

export type NoteStore = ReturnType<typeof createNoteStore>;
