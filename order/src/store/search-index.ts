import { count, sql, type SQL } from "drizzle-orm";
import type { Logger } from "@platform/shared/logger";
import { periodic } from "@platform/shared/periodic";
import type { OrderDb } from "../db/client";
import { orders, orderSearchPending, orderSearchProgress } from "../db/schema";
import { searchTerms } from "../domain/order-search";

/** A name as it is searched: without the spaces (half- or full-width) between family and given name. */
export const nameWithoutSpaces = sql`replace(replace(${orders.customer_name}, ' ', ''), char(12288), '')`;
/** The text the index holds for an order: its name as searched, e-mail and phone number. */
const searchText = sql`${nameWithoutSpaces} || ' ' || ${orders.customer_email} || ' ' || coalesce(${orders.customer_phone}, '')`;

/** The pairs of adjacent characters of a name as searched, as words: 佐藤花子 is "佐藤 藤花 花子". */
const bigramsOf = (name: string) => {
  const chars = [...name];
  return chars.slice(1).map((char, i) => chars[i] + char).join(" ");
};

/** The trigram index finds a part of three characters or more; the bigram table a name's two. */
const TRIGRAM_LENGTH = 3;
const BATCH = 500;

/** A term of two characters that only a name can hold: one not all ASCII, as every e-mail address and phone number is. */
const onlyInNames = (name: string) => [...name].length === 2 && /[^\x00-\x7f]/.test(name);

const quoted = (term: string) => `"${term.replaceAll('"', '""')}"`;

/** The index table and its match for a term, if an index serves it. */
function indexMatch(query: string): SQL | undefined {
  const { name, phone } = searchTerms(query);
  if ([...name].length >= TRIGRAM_LENGTH) return sql`order_search where order_search match ${[name, phone].filter(Boolean).map((term) => quoted(term!)).join(" OR ")}`;
  if (onlyInNames(name)) return sql`order_name_bigrams where order_name_bigrams match ${quoted(name)}`;
  return undefined;
}

/**
 * Whether a search is better read through the index than by reading every order: not when the
 * term is in a fifth of the orders or more. Each order the index offers costs a lookup by id (about
 * 3 µs here), each order read in turn 0.5–1.3 µs: at 130,000 orders, a pair of characters in
 * every name took 384 ms through the index and 68 ms read in turn, while a rare one took 0.4 ms
 * against 166 ms. The index's matches are counted up to that fifth only (under a millisecond).
 */
export async function indexNarrows(db: OrderDb, query: string | undefined) {
  const indexed = query && indexMatch(query);
  if (!indexed) return false;
  const [all] = await db.select({ n: count() }).from(orders);
  const enough = Math.max(1_000, Math.ceil(all!.n / 5));
  const [found] = await db.all<{ n: number }>(sql`select count(*) as n from (select 1 from ${indexed} limit ${enough})`);
  return found!.n < enough;
}

/** The orders table's rowid: new orders take ever larger ones, in the order they are committed. */
const rowid = sql.raw(`"orders".rowid`);

/**
 * The orders the index offers for a search term: those whose indexed text holds it, those changed
 * since they were indexed, and those not indexed yet, as one list of ids the orders table is read by.
 * They are more than the term finds (a corrected contact leaves its old text behind; the three
 * fields sit side by side), and the caller narrows them with the exact comparison. Undefined when no
 * index serves the term (one character, or two ASCII ones that an e-mail may hold): every order is read.
 */
export function searchCandidates(query: string): SQL | undefined {
  const indexed = indexMatch(query);
  if (!indexed) return undefined;
  return sql`${orders.id} in (
    select order_id from ${indexed}
    union all select ${orderSearchPending.order_id} from ${orderSearchPending}
    union all select ${orders.id} from ${orders} where ${rowid} > (select ${orderSearchProgress.indexed_rowid} from ${orderSearchProgress}))`;
}

/**
 * Writes the search text of new and changed orders into the trigram index, and their names' pairs of
 * characters into the bigram table, in the background and in batches,
 * so creating an order writes nothing more than before: written from a trigger, the index cost every
 * order's commit 25–50 µs for a queue row and 110–150 µs for its full-text row (measured on this
 * machine), where a batch of 500 costs about 20 µs an order (the bigrams added 6–7 µs: 130,000 orders
 * took 1.2 s without them, 2.0 s with them, in process). New orders are read by rowid from where
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
          await tx.run(sql`delete from order_name_bigrams`);
          from = (await tx.get<{ before: number }>(sql`select coalesce(min(${rowid}), 1) - 1 as before from ${orders}`))!.before;
        }
      }
      const added = await tx.all<{ rowid: number; id: string }>(sql`select ${rowid} as rowid, ${orders.id} as id from ${orders} where ${rowid} > ${from} order by ${rowid} limit ${BATCH}`);
      const changed = (await tx.select().from(orderSearchPending).limit(BATCH)).map((row) => row.order_id);
      const ids = JSON.stringify([...added.map((row) => row.id), ...changed]);
      await tx.run(sql`insert into order_search (order_id, text) select ${orders.id}, ${searchText} from ${orders} where ${orders.id} in (select value from json_each(${ids}))`);
      const names = await tx.all<{ id: string; name: string }>(sql`select ${orders.id} as id, ${nameWithoutSpaces} as name from ${orders} where ${orders.id} in (select value from json_each(${ids}))`);
      const pairs = JSON.stringify(names.map(({ id, name }) => [id, bigramsOf(name)]));
      await tx.run(sql`insert into order_name_bigrams (order_id, bigrams) select json_extract(value, '$[0]'), json_extract(value, '$[1]') from json_each(${pairs})`);
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
