import { and, eq, gte, lt, lte, or, sql, type SQL } from "drizzle-orm";
import { firstIdAt } from "@platform/shared/ids";
import { jstDayRange } from "@platform/shared/jst-days";
import { orders } from "../db/schema";
import type { OrderStatus } from "../domain/order-status";
import { searchTerms } from "../domain/order-search";
import { nameWithoutSpaces, searchCandidates } from "./search-index";

/** What the order list and its export can be narrowed by; `from` and `to` are JST days, both included. */
export type OrderFilter = { status?: OrderStatus; import_id?: string; q?: string; from?: string; to?: string; delivery_by?: string };

/**
 * The where clause of the list, the export and the picking list. A search reads the orders its index offers, unless
 * `viaIndex` is false (indexNarrows: the term is in too many orders for that to pay).
 */
export function filtered(query: OrderFilter, viaIndex = true) {
  const candidates = query.q && viaIndex ? searchCandidates(query.q) : undefined;
  const filters = [
    // with a search through the index, or a delivery day, the status is checked on the orders they offer:
    // without statistics SQLite would take the status index and read every order of that status (a search:
    // 72 ms against 3.6 ms at 130,000; delivery_by with 52,000 PAID orders: 23 ms against 0.1–0.4 ms)
    query.status && (candidates || query.delivery_by ? sql`+${orders.status} = ${query.status}` : eq(orders.status, query.status)), query.import_id && eq(orders.import_id, query.import_id), query.q && matching(query.q, candidates),
    query.from && createdFrom(jstDayRange(query.from, query.from).start), query.to && createdBefore(jstDayRange(query.to, query.to).end),
    query.delivery_by && lte(orders.delivery_date, query.delivery_by), // null (no wish) is never <=
  ].filter(Boolean) as SQL[];
  return filters.length ? and(...filters) : undefined;
}

// Ids begin with their creation time (firstIdAt), so a span of days is a range of the primary key,
// which SQLite reads instead of the whole table; created_at makes the edges exact (an id and its
// created_at are taken a moment apart, hence the second of margin on the id).
const createdFrom = (instant: string) => and(gte(orders.id, firstIdAt("ord", Date.parse(instant) - 1_000)), gte(orders.created_at, instant));
const createdBefore = (instant: string) => and(lt(orders.id, firstIdAt("ord", Date.parse(instant) + 1_000)), lt(orders.created_at, instant));

const contains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Orders a search term finds: by id or order_ref exactly, by e-mail or name in part, by phone number.
 * The search index offers the candidates (searchCandidates), when it is read; this comparison decides.
 */
function matching(query: string, candidates: SQL | undefined) {
  const terms = searchTerms(query);
  const found = or(
    sql`${orders.customer_email} like ${contains(terms.text)} escape '\\'`,
    sql`${nameWithoutSpaces} like ${contains(terms.name)} escape '\\'`,
    terms.phone ? eq(orders.customer_phone, terms.phone) : undefined,
  )!;
  return or(eq(orders.id, terms.text), eq(orders.external_ref, terms.text), candidates ? and(candidates, found) : found)!;
}
