import { asc, eq } from "drizzle-orm";
import type { OrderDb } from "../db/client";
import { orderNotes } from "../db/schema";
import type { OrderStore } from "./order-store";

/** Writes a note on an order, under the person who wrote it; `db` may be an open transaction's. */
export async function writeNote(db: Pick<OrderDb, "insert">, orderId: string, text: string, operator: string | undefined) {
  const [row] = await db.insert(orderNotes).values({ order_id: orderId, text, operator, created_at: new Date().toISOString() }).returning();
  return row!;
}

/** The team's notes on an order: added, never edited, so what was said stays said (unless the customer's data is erased: store/erasure.ts). */
export function createNoteStore(db: OrderDb, store: OrderStore) {
  return {
    async add(orderId: string, text: string, operator: string | undefined) {
      await store.load(orderId); // 404 for an unknown order
      return writeNote(db, orderId, text, operator);
    },

    async of(orderId: string) {
      await store.load(orderId);
      return db.select().from(orderNotes).where(eq(orderNotes.order_id, orderId)).orderBy(asc(orderNotes.id));
    },
  };
}

export type NoteStore = ReturnType<typeof createNoteStore>;
