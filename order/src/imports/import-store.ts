import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import { newId } from "@platform/shared/ids";
import { ApiError } from "@platform/shared/problem";
import type { OrderDb } from "../db/client";
import { importErrors, imports, orders, type ImportRow } from "../db/schema";
import type { RowError } from "./csv-file";
import type { ImportedOrder } from "./validate-rows";

const CHUNK = 500;
/** Valid orders stored per statement. */
const STORED_PER_STATEMENT = 200;
export const finished = (status: ImportRow["status"]) => ["COMPLETED", "COMPLETED_WITH_ERRORS", "FAILED"].includes(status);

export function createImportStore(db: OrderDb) {
  async function get(id: string) {
    const [row] = await db.select().from(imports).where(eq(imports.id, id));
    if (!row) throw ApiError.notFound("Import", id);
    return row;
  }

  return {
    get,

    /** Records a validated file: its counts, its valid orders (kept until created) and its rejected rows. */
    async create(meta: { file_name: string | null; encoding: string; total_rows: number; total_orders: number; dryRun: boolean; operator: string | undefined }, valid: ImportedOrder[], errors: RowError[]) {
      const id = newId("imp");
      await db.transaction(async (tx) => {
        await tx.insert(imports).values({
          id, status: meta.dryRun ? "VALIDATED" : "PROCESSING", file_name: meta.file_name, encoding: meta.encoding, total_rows: meta.total_rows,
          total_orders: meta.total_orders, valid_orders: valid.length, error_rows: new Set(errors.map((e) => e.row)).size,
          uploaded_by: meta.operator ?? null, started_by: meta.dryRun ? null : meta.operator ?? null,
          created_at: new Date().toISOString(), started_at: meta.dryRun ? null : new Date().toISOString(),
        });
        // a statement per 200 orders: SQLite unpacks a JSON array (json_each) faster than any number of
        // multi-row inserts drizzle would have to build. Each text is garbage once stored, collected at
        // once (young objects only, 0.15–0.4 ms each in process): the Order Service's peak over a 10 MB dry run
        // was 153–156 MB with 1,000 a statement and nothing collected, 138–141 MB so (bench/README.md)
        for (let start = 0; start < valid.length; start += STORED_PER_STATEMENT) {
          const rows = JSON.stringify(valid.slice(start, start + STORED_PER_STATEMENT).map((order) => [order.order_ref, order.input, order.rows]));
          await tx.run(sql`insert into import_orders (import_id, seq, order_ref, payload, file_rows)
            select ${id}, ${start} + key, json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]') from json_each(${rows})`);
          Bun.gc(false);
        }
        for (let i = 0; i < errors.length; i += CHUNK) {
          await tx.insert(importErrors).values(errors.slice(i, i + CHUNK).map((error) => ({ import_id: id, ...error })));
        }
      });
      return get(id);
    },

    async confirm(id: string, operator: string | undefined) {
      const [row] = await db.update(imports).set({ status: "PROCESSING", started_by: operator ?? null, started_at: new Date().toISOString() })
        .where(and(eq(imports.id, id), eq(imports.status, "VALIDATED"))).returning();
      if (row) return row;
      const current = await get(id);
      throw new ApiError("CONFLICT", `Import ${id} is ${current.status}; only a VALIDATED import (uploaded with dry_run=true) can be confirmed.`);
    },

    async page(query: { skip: number; limit: number }) {
      const [items, [total]] = await Promise.all([
        db.select().from(imports).orderBy(desc(imports.id)).limit(query.limit).offset(query.skip),
        db.select({ n: count() }).from(imports),
      ]);
      return { items, total: total!.n, skip: query.skip, limit: query.limit };
    },

    async errors(id: string, limit?: number) {
      const query = db.select({ row: importErrors.row, column: importErrors.column, message: importErrors.message }).from(importErrors)
        .where(eq(importErrors.import_id, id)).orderBy(asc(importErrors.row), asc(importErrors.id));
      return limit ? query.limit(limit) : query;
    },

    /** The order_refs among these that an earlier import already created. */
    async importedRefs(refs: string[]) {
      const rows = await db.select({ ref: orders.external_ref }).from(orders)
        .where(sql`${orders.external_ref} in (select value from json_each(${JSON.stringify(refs)}))`);
      return new Set(rows.map((row) => row.ref!));
    },

    processing: () => db.select({ id: imports.id }).from(imports).where(eq(imports.status, "PROCESSING")).orderBy(asc(imports.id)),
  };
}

export type ImportStore = ReturnType<typeof createImportStore>;
