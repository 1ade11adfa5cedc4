import { sql, type SQL } from "drizzle-orm";
import type { Logger } from "@platform/shared/logger";
import { periodic } from "@platform/shared/periodic";
import type { OrderDb } from "../db/client";
import { orders, orderSearchPending, orderSearchProgress } from "../db/schema";
import { searchTerms } from "../domain/order-search";

/** A name as it is searched: without the spaces (half- or full-width) between family and given name. */
export const nameWithoutSpaces = sql`replace(replace(${orders.customer_name}, ' ', ''), char(12288), '')`;
/** The text the index holds for an order: its name as searched, e-mail and phone number. */
const searchText = sql`${nameWithoutSpaces} || ' ' || ${orders.customer_email} || ' ' || coalesce(${orders.customer_phone}, '')`;

/** The trigram index finds a part of three characters or more; a shorter term reads every order. */
const INDEXED_LENGTH = 3;
const BATCH = 500;

/** The orders table's rowid: new orders take ever larger ones, in the order they are committed. */
const rowid = sql.raw(`"orders".rowid`);

/**
 * The orders the index offers for a search term: those whose indexed text holds it, those changed
 * since they were indexed, and those not indexed yet, as one list of ids the orders table is read by.
 * They are more than the term finds (a corrected contact leaves its old text behind; the three
 * fields sit side by side), and the caller narrows them with the exact comparison. Undefined when the
 * term is too short for the index: every order is read.
 */
export function searchCandidates(query: string): SQL | undefined {
  const { name, phone } = searchTerms(query);
  if ([...name].length < INDEXED_LENGTH) return undefined;
  const phrases = [name, phone].filter(Boolean).map((term) => `"${term!.replaceAll('"', '""')}"`).join(" OR ");
  return sql`${orders.id} in (
    select order_id from order_search where order_search match ${phrases}
    union all select ${orderSearchPending.order_id} from ${orderSearchPending}
    union all select ${orders.id} from ${orders} where ${rowid} > (select ${orderSearchProgress.indexed_rowid} from ${orderSearchProgress}))`;
}

/**
 * Writes the search text of new and changed orders into the index, in the background and in batches,
 * so creating an order writes nothing more than before: written from a trigger, the index cost every
 * order's commit 25–50 µs for a queue row and 110–150 µs for its full-text row (measured on this
 * machine), where a batch of 500 costs about 20 µs an order. New orders are read by rowid from where
 * the last batch stopped; orders whose contact changed are queued in order_search_pending by a trigger.
 */
export function createSearchIndexer(deps: { db: OrderDb; logger: Logger; everyMs: number }) {
  const { db, logger } = deps;

  async function batch() {
    return db.transaction(async (tx) => {
      const [progress] = await tx.select().from(orderSearchProgress);
      let from = progress!.indexed_rowid;
      if (progress!.indexed_order_id) {
        // SQLite does not promise a table keyed by text its rowids (a restore from a dump renumbers
        // them): if the last order indexed has moved, the index is written again from the start
        const [still] = await tx.select({ id: orders.id }).from(orders).where(sql`${rowid} = ${from}`);
        if (still?.id !== progress!.indexed_order_id) {
          logger.warn("the orders were renumbered since they were indexed for search; indexing them again", { indexed_rowid: from });
          await tx.run(sql`delete from order_search`);
          from = (await tx.get<{ before: number }>(sql`select coalesce(min(${rowid}), 1) - 1 as before from ${orders}`))!.before;
        }
      }
      const added = await tx.all<{ rowid: number; id: string }>(sql`select ${rowid} as rowid, ${orders.id} as id from ${orders} where ${rowid} > ${from} order by ${rowid} limit ${BATCH}`);
      const changed = (await tx.select().from(orderSearchPending).limit(BATCH)).map((row) => row.order_id);
      const ids = JSON.stringify([...added.map((row) => row.id), ...changed]);
      await tx.run(sql`insert into order_search (order_id, text) select ${orders.id}, ${searchText} from ${orders} where ${orders.id} in (select value from json_each(${ids}))`);
      if (changed.length) await tx.run(sql`delete from ${orderSearchPending} where ${orderSearchPending.order_id} in (select value from json_each(${JSON.stringify(changed)}))`);
      const last = added.at(-1);
      if (last || from !== progress!.indexed_rowid) {
        await tx.update(orderSearchProgress).set({ indexed_rowid: last?.rowid ?? from, indexed_order_id: last?.id ?? null });
      }
      return Math.max(added.length, changed.length);
    });
  }

  /** Indexes every order waiting, a batch at a time, so orders being created wait for one batch at most. */
  async function catchUp() {
    while ((await batch()) === BATCH) await Bun.sleep(0);
  }

  return periodic(catchUp, { everyMs: deps.everyMs, logger, failure: "search indexing failed; the next pass retries" });
}
