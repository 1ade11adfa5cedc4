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
 * term is in a fifth of the orders or more, nor when the orders were renumbered since they were
 * indexed (see renumbered). Each order the index offers is then read by its rowid, where reading
 * every order in turn costs 0.5–1.3 µs an order; at 130,000 orders, a pair of characters in every
 * name took 384 ms through the index (when it still named orders by id) and 51–77 ms read in turn,
 * while a family name in 2,600 orders took 25 ms through it. The index's matches are counted up to
 * that fifth only (under a millisecond).
 */
export async function indexNarrows(db: OrderDb, query: string | undefined) {
  const indexed = query && indexMatch(query);
  if (!indexed) return false;
  const [progress] = await db.select().from(orderSearchProgress);
  if (await renumbered(db, progress!)) return false;
  const [all] = await db.select({ n: count() }).from(orders);
  const enough = Math.max(1_000, Math.ceil(all!.n / 5));
  const [found] = await db.all<{ n: number }>(sql`select count(*) as n from (select 1 from ${indexed} limit ${enough})`);
  return found!.n < enough;
}

/** The orders table's rowid: new orders take ever larger ones, in the order they are committed. */
const rowid = sql.raw(`"orders".rowid`);

/**
 * Whether the orders were renumbered since they were indexed: SQLite does not promise a table keyed by
 * text its rowids (a VACUUM, a restore from a dump). The index names orders by rowid, so then it
 * names the wrong ones: searches read every order until the indexer has written it again.
 */
async function renumbered(db: Pick<OrderDb, "select">, progress: typeof orderSearchProgress.$inferSelect) {
  if (!progress.indexed_order_id) return false;
  const [still] = await db.select({ id: orders.id }).from(orders).where(sql`${rowid} = ${progress.indexed_rowid}`);
  return still?.id !== progress.indexed_order_id;
}

/**
 * The orders the index offers for a search term: those whose indexed text holds it, those changed
 * since they were indexed, and those not indexed yet, as one list of rowids the orders table is read
 * by (a full-text row has its order's rowid). They are more than the term finds (the three fields
 * sit side by side in the text), and the caller narrows them with the exact comparison. Undefined when no
 * index serves the term (one character, or two ASCII ones that an e-mail may hold): every order is read.
 */
export function searchCandidates(query: string): SQL | undefined {
  const indexed = indexMatch(query);
  if (!indexed) return undefined;
  return sql`${rowid} in (
    select rowid from ${indexed}
    union all select ${rowid} from ${orders} where ${orders.id} in (select ${orderSearchPending.order_id} from ${orderSearchPending})
    union all select ${rowid} from ${orders} where ${rowid} > (select ${orderSearchProgress.indexed_rowid} from ${orderSearchProgress}))`;
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
      if (await renumbered(tx, progress!)) {
        logger.warn("the orders were renumbered since they were indexed for search; indexing them again", { indexed_rowid: from });
        await tx.run(sql`delete from order_search`);
        await tx.run(sql`delete from order_name_bigrams`);
        from = (await tx.get<{ before: number }>(sql`select coalesce(min(${rowid}), 1) - 1 as before from ${orders}`))!.before;
      }
      const added = await tx.all<{ rowid: number; id: string }>(sql`select ${rowid} as rowid, ${orders.id} as id from ${orders} where ${rowid} > ${from} order by ${rowid} limit ${BATCH}`);
      const changed = (await tx.select().from(orderSearchPending).limit(BATCH)).map((row) => row.order_id);
      // each full-text row has its order's rowid; a changed order's rows replace the ones it had
      const rows = await tx.all<{ rowid: number; text: string; name: string }>(sql`select ${rowid} as rowid, ${searchText} as text, ${nameWithoutSpaces} as name from ${orders}
        where ${orders.id} in (select value from json_each(${JSON.stringify([...added.map((row) => row.id), ...changed])}))`);
      const texts = JSON.stringify(rows.map((row) => [row.rowid, row.text, bigramsOf(row.name)]));
      await tx.run(sql`insert or replace into order_search (rowid, text) select json_extract(value, '$[0]'), json_extract(value, '$[1]') from json_each(${texts})`);
      await tx.run(sql`insert or replace into order_name_bigrams (rowid, bigrams) select json_extract(value, '$[0]'), json_extract(value, '$[2]') from json_each(${texts})`);
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
